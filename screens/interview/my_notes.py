"""The interview's e key: choose one of your notes of the meeting, then edit it in the editor or delete it.

Another member's notes are listed read-only (and only once the services show them to this member).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from screens.interview.host import InterviewHost


def pick_my_note(screen: InterviewHost) -> None:
    """Open the notes picker on the notes shown; the note chosen opens in the editor (or is deleted, asked first)."""
    view = screen.view
    if view is None:
        return
    from screens.actions.note_form import delete_note
    from screens.actions.picker import NotesPicker

    screen.finish_editing(focus=False)
    me = view.member

    def chosen(result: Any) -> None:
        if result is None or screen.view is None or screen.view.member != me:
            return  # closed, or the keyboard was handed over meanwhile
        what, note = result
        if what == "edit":
            screen.edit_note(note)
        else:
            delete_note(screen, note, me, screen.load)  # type: ignore[arg-type]  # the screen is a WorkbenchScreen

    screen.app.push_screen(NotesPicker(list(screen.notes), me), chosen)
