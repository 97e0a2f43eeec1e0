"""The new-selection dialog of the home screen: a name and our IANA time zone."""

from __future__ import annotations

import os
from pathlib import Path

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Label, Static

from screens.dialogs import STYLESHEET
from screens.shell.footer import WorkbenchFooter

TEMPLATE = "it-outsourcing"


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

    CSS_PATH = STYLESHEET
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
            yield Static("", id="new-error", classes="dialog-error", markup=False)
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
