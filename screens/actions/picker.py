"""Choose one of a meeting's notes to edit or delete: one's own only; another member's are shown read-only."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from screens.actions.words import note_line
from screens.shell.footer import WorkbenchFooter

if TYPE_CHECKING:
    from workbench.services.views.meetings import NoteView


class NotesPicker(ModalScreen[Any]):
    """The notes of a meeting shown to ``me``. Dismisses ("edit" | "delete", note) for one's own note, or None."""

    CSS_PATH = "actions.tcss"
    BINDINGS = [
        Binding("escape", "cancel", "Close", tooltip="Close without changing anything"),
        Binding("x,delete", "delete", "Delete", tooltip="Delete the note under the cursor (asks first)"),
    ]

    def __init__(self, notes: list[NoteView], me: str) -> None:
        super().__init__()
        self.notes = list(notes)
        self.me = me

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog", id="notes-picker"):
            yield Static("Your notes: enter edits one, x deletes it", classes="dialog-question", markup=False)
            yield OptionList(
                *(Option(note_line(n, self.me), id=f"n{n.id}") for n in self.notes), id="notes-list", markup=False
            )
            yield Static("", id="notes-message", markup=False)
            yield Static("enter edits · x deletes · escape closes", classes="dialog-hint", markup=False)
        yield WorkbenchFooter()

    def on_mount(self) -> None:
        options = self.query_one("#notes-list", OptionList)
        options.focus()
        own = [i for i, n in enumerate(self.notes) if n.member == self.me]
        if own:
            options.highlighted = own[-1]
        elif self.notes:
            options.highlighted = 0
        if not self.notes:
            self._say("No notes in this meeting yet.")

    def _say(self, text: str) -> None:
        self.query_one("#notes-message", Static).update(text)

    def _pick(self, index: int | None, what: str) -> None:
        if index is None or not 0 <= index < len(self.notes):
            return
        note = self.notes[index]
        if note.member != self.me:
            self._say(f"That is {note.member}'s note: read-only to you. Only its author changes or deletes it.")
            return
        self.dismiss((what, note))

    @on(OptionList.OptionSelected, "#notes-list")
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        self._pick(event.option_index, "edit")

    def action_delete(self) -> None:
        self._pick(self.query_one("#notes-list", OptionList).highlighted, "delete")

    def action_cancel(self) -> None:
        self.dismiss(None)
