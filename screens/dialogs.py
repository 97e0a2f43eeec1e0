"""Small modal dialogs that dismiss with a typed result: confirm, text, new selection, panel member."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Label, OptionList, Static
from textual.widgets.option_list import Option

from screens.base import WorkbenchFooter

Validator = Callable[[str], "str | None"]
"""Checks a typed value: returns what is wrong with it, or None when it is fine."""

TEMPLATE = "it-outsourcing"


class ConfirmDialog(ModalScreen[bool]):
    """Ask a yes/no question. Dismisses True for yes (y, or the yes button), False for no (n, escape, the no button).

    The one yes/no dialog of the app (screens.forms and screens.schedule_dialogs hand it on).

    Args:
        question: the question, shown in bold as it is written (no markup).
        detail: what follows from the answer, under the question.
        yes: the yes button's word, e.g. "Delete"; no: the no button's word. Each button names its key.
        focus_yes: whether enter answers yes (the focus starts on the yes button); by default it answers no.

    Example: ``self.app.push_screen(ConfirmDialog("Delete Acme IT?"), on_answer)``.
    """

    CSS_PATH = "forms.tcss"
    BINDINGS = [
        Binding("y", "answer(True)", "Yes", tooltip="Go ahead"),
        Binding("n,escape", "answer(False)", "No", tooltip="Leave everything as it is"),
    ]

    def __init__(
        self, question: str, detail: str = "", *, yes: str = "Yes", no: str = "No", focus_yes: bool = False
    ) -> None:
        super().__init__()
        self.question = question
        self.detail = detail
        self.yes, self.no = yes, no
        self.focus_yes = focus_yes

    def compose(self) -> ComposeResult:
        with Vertical(id="confirm-body", classes="confirm-box"):
            yield Static(self.question, id="confirm-question", markup=False)
            if self.detail:
                yield Static(self.detail, id="confirm-detail", markup=False)
            with Horizontal(id="confirm-buttons"):
                yield Button(f"{self.yes} (y)", id="confirm-yes", variant="error")
                yield Button(f"{self.no} (n)", id="confirm-no")
        yield WorkbenchFooter()

    def on_mount(self) -> None:
        self.query_one("#confirm-yes" if self.focus_yes else "#confirm-no", Button).focus()

    @on(Button.Pressed, "#confirm-yes, #confirm-no")
    def _pressed(self, event: Button.Pressed) -> None:
        self.dismiss(event.button.id == "confirm-yes")

    def action_answer(self, yes: bool) -> None:
        self.dismiss(yes)


class TextDialog(ModalScreen[str | None]):
    """Ask for one line of text. Dismisses the stripped text (enter, OK) or None (escape, Cancel).

    Args:
        title: the question shown above the field.
        value: the text the field starts with.
        validate: called with the stripped text on enter; a message it returns is shown
            under the field and the dialog stays open; None accepts the text.
    """

    BINDINGS = [
        Binding("ctrl+s", "submit", "OK", tooltip="Take the text (enter in the field does too)"),
        Binding("escape", "cancel", "Cancel", tooltip="Close, changing nothing"),
    ]

    def __init__(self, title: str, value: str = "", validate: Validator | None = None) -> None:
        super().__init__()
        self.title_text = title
        self.value = value
        self.validate = validate

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Static(self.title_text, classes="dialog-question")
            yield Input(self.value, id="text-value")
            yield Static("", id="text-error", classes="dialog-error")
            with Horizontal(classes="dialog-buttons"):
                yield Button("OK (enter)", id="ok", variant="primary")
                yield Button("Cancel (esc)", id="cancel")
        yield WorkbenchFooter()

    def on_mount(self) -> None:
        self.query_one("#text-value", Input).focus()

    @on(Input.Submitted)
    @on(Button.Pressed, "#ok")
    def action_submit(self) -> None:
        text = self.query_one("#text-value", Input).value.strip()
        problem = self.validate(text) if self.validate else None
        if problem:
            self.query_one("#text-error", Static).update(problem)
            return
        self.dismiss(text)

    @on(Button.Pressed, "#cancel")
    def action_cancel(self) -> None:
        self.dismiss(None)


def local_zone_name() -> str:
    """This computer's IANA zone name when it can be told (TZ, /etc/localtime), else Europe/London."""
    tz = os.environ.get("TZ", "").lstrip(":")
    if "/" in tz and not tz.startswith("/"):
        return tz
    try:
        target = str(Path("/etc/localtime").resolve())
    except OSError:
        target = ""
    if "zoneinfo/" in target:
        return target.split("zoneinfo/", 1)[1]
    return "Europe/London"


def zone_problem(text: str) -> str | None:
    """What is wrong with a typed IANA zone name, or None."""
    from workbench.services.errors import UserError
    from workbench.services.validate import check_timezone

    try:
        check_timezone(text, field="time zone")
    except UserError as exc:
        return str(exc)
    return None


class NewSelectionDialog(ModalScreen[tuple[str, str] | None]):
    """Ask the name and our IANA time zone of a new selection (template it-outsourcing).

    Dismisses ``(name, zone)`` once both are fit, or None (escape, Cancel).
    """

    BINDINGS = [
        Binding("ctrl+s", "submit", "Create", tooltip="Create the selection (enter in a field does too)"),
        Binding("escape", "cancel", "Cancel", tooltip="Close, creating nothing"),
    ]

    def __init__(self, zone: str | None = None) -> None:
        super().__init__()
        self.zone = zone or local_zone_name()

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Static("New selection", classes="dialog-question")
            yield Static(
                f"Starts with the {TEMPLATE} template: its scope, rubric and question bank.", classes="dialog-hint"
            )
            yield Label("Name")
            yield Input(placeholder="e.g. Outsource the help desk", id="new-name")
            yield Label("Our time zone (IANA name)")
            yield Input(self.zone, placeholder="e.g. Europe/London", id="new-zone")
            yield Static("", id="new-error", classes="dialog-error")
            with Horizontal(classes="dialog-buttons"):
                yield Button("Create (enter)", id="create", variant="primary")
                yield Button("Cancel (esc)", id="cancel")
        yield WorkbenchFooter()

    def on_mount(self) -> None:
        self.query_one("#new-name", Input).focus()

    @on(Input.Submitted)
    @on(Button.Pressed, "#create")
    def action_submit(self) -> None:
        name = self.query_one("#new-name", Input).value.strip()
        zone = self.query_one("#new-zone", Input).value.strip()
        error = self.query_one("#new-error", Static)
        if not name:
            error.update("name: must not be empty")
            self.query_one("#new-name", Input).focus()
            return
        problem = zone_problem(zone)
        if problem:
            error.update(problem)
            self.query_one("#new-zone", Input).focus()
            return
        self.dismiss((name, zone))

    @on(Button.Pressed, "#cancel")
    def action_cancel(self) -> None:
        self.dismiss(None)


class MemberPicker(ModalScreen[str | None]):
    """Ask which panel member this terminal speaks for. Dismisses the name (enter) or None (escape)."""

    BINDINGS = [Binding("escape", "cancel", "Not now", tooltip="Choose later")]

    def __init__(self, members: list[str], *, current: str | None = None) -> None:
        super().__init__()
        self.members = list(members)
        self.current = current

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Static(
                "Who are you? Scores and notes typed here are saved under this name.", classes="dialog-question"
            )
            yield OptionList(*(Option(name, id=f"m{i}") for i, name in enumerate(self.members)), id="members")
            yield Static(
                "enter chooses · escape: not now (later: m on the home screen, or ctrl+p → Choose panel member)",
                classes="dialog-hint",
            )
        yield WorkbenchFooter()

    def on_mount(self) -> None:
        options = self.query_one("#members", OptionList)
        options.focus()
        if self.current in self.members:
            options.highlighted = self.members.index(self.current)
        elif self.members:
            options.highlighted = 0

    @on(OptionList.OptionSelected, "#members")
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(self.members[event.option_index])

    def action_cancel(self) -> None:
        self.dismiss(None)
