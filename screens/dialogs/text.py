"""Ask for one line of text in a modal; an optional check refuses what is unfit, naming why."""

from __future__ import annotations

from collections.abc import Callable

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Static

from screens.shell.footer import WorkbenchFooter
from workbench.domain.display import one_line

Validator = Callable[[str], "str | None"]
"""Checks a typed value: returns what is wrong with it, or None when it is fine."""


class TextDialog(ModalScreen[str | None]):
    """Ask for one line of text. Dismisses the stripped text (enter, OK) or None (escape, Cancel).

    Args:
        title: the question shown above the field.
        value: the text the field starts with.
        validate: called with the stripped text on enter; a message it returns is shown
            under the field and the dialog stays open; None accepts the text.
    """

    CSS_PATH = "dialogs.tcss"
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
            yield Static(one_line(self.title_text), classes="dialog-question", markup=False)
            yield Input(self.value, id="text-value")
            yield Static("", id="text-error", classes="dialog-error", markup=False)
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
