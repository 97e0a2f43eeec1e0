"""Small dialogs of the schedule: a yes/no confirmation (the app's one, from screens.dialogs) and a file path."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Static

from screens.base import WorkbenchFooter
from screens.dialogs import ConfirmDialog

__all__ = ["ConfirmDialog", "PathDialog"]


class PathDialog(ModalScreen[str | None]):
    """Ask for a file to write; dismisses the typed path, or None when cancelled."""

    CSS_PATH = "schedule.tcss"
    BINDINGS = [
        Binding("ctrl+s", "submit", "Write", tooltip="Write the file (enter in the field does too)"),
        Binding("escape", "cancel", "Cancel", tooltip="Write nothing"),
    ]

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
                yield Button("Write (enter)", id="path-write", variant="primary")
                yield Button("Cancel (esc)", id="path-cancel")
        yield WorkbenchFooter()

    def on_mount(self) -> None:
        self.query_one("#path-input", Input).focus()

    @on(Input.Submitted, "#path-input")
    @on(Button.Pressed, "#path-write")
    def action_submit(self) -> None:
        path = self.query_one("#path-input", Input).value.strip()
        if not path:
            self.query_one("#path-error", Static).update("[b red]Give a file name.[/]")
            return
        self.dismiss(path)

    @on(Button.Pressed, "#path-cancel")
    def action_cancel(self) -> None:
        self.dismiss(None)
