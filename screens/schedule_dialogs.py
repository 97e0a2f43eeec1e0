"""Small dialogs of the schedule: a yes/no confirmation and a file path to write to."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Static


class ConfirmDialog(ModalScreen[bool]):
    """Ask before doing something that cannot be undone from this screen; dismisses True for yes."""

    CSS_PATH = "schedule.tcss"
    BINDINGS = [
        Binding("y", "answer(True)", "Yes", tooltip="Go ahead"),
        Binding("n,escape", "answer(False)", "No", tooltip="Leave everything as it is"),
    ]

    def __init__(self, question: str, *, yes: str = "Yes", no: str = "No") -> None:
        super().__init__()
        self._question, self._yes, self._no = question, yes, no

    def compose(self) -> ComposeResult:
        with Vertical(id="confirm-body"):
            yield Static(self._question, id="confirm-question")
            with Horizontal(id="confirm-buttons"):
                yield Button(f"{self._yes} (y)", id="confirm-yes", variant="error")
                yield Button(f"{self._no} (n)", id="confirm-no", variant="primary")

    def on_mount(self) -> None:
        self.query_one("#confirm-no", Button).focus()

    @on(Button.Pressed, "#confirm-yes")
    def _yes_pressed(self) -> None:
        self.dismiss(True)

    @on(Button.Pressed, "#confirm-no")
    def _no_pressed(self) -> None:
        self.dismiss(False)

    def action_answer(self, value: bool) -> None:
        self.dismiss(value)


class PathDialog(ModalScreen[str | None]):
    """Ask for a file to write; dismisses the typed path, or None when cancelled."""

    CSS_PATH = "schedule.tcss"
    BINDINGS = [Binding("escape", "cancel", "Cancel", tooltip="Write nothing")]

    def __init__(self, title: str, default: str, *, hint: str = "") -> None:
        super().__init__()
        self._title, self._default, self._hint = title, default, hint

    def compose(self) -> ComposeResult:
        with Vertical(id="path-body"):
            yield Static(self._title, id="path-title")
            yield Input(self._default, id="path-input", placeholder="a file path")
            yield Static(self._hint, id="path-hint")
            yield Static("", id="path-error")
            with Horizontal(id="path-buttons"):
                yield Button("Write", id="path-write", variant="primary")
                yield Button("Cancel", id="path-cancel")

    def on_mount(self) -> None:
        self.query_one("#path-input", Input).focus()

    @on(Input.Submitted, "#path-input")
    @on(Button.Pressed, "#path-write")
    def _submit(self) -> None:
        path = self.query_one("#path-input", Input).value.strip()
        if not path:
            self.query_one("#path-error", Static).update("[b red]Give a file name.[/]")
            return
        self.dismiss(path)

    @on(Button.Pressed, "#path-cancel")
    def action_cancel(self) -> None:
        self.dismiss(None)
