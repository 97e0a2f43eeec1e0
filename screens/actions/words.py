"""The app's words for the fields the services name by their command-line flags, and one line per note."""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.text import Text

if TYPE_CHECKING:
    from workbench.services.views.meetings import NoteView

APP_WORDS = {
    "--due": "Due date",
    "--owner": "Owner",
    "--text": "Text",
    "--kind": "Kind",
    "--question": "Question",
    "--member": "Member",
    "--state": "State",
}
KIND_MARK = {"note": "Note", "decision": "Decision", "action": "Action", "concern": "Concern", "gap": "Gap"}


def in_app_words(exc: BaseException) -> BaseException:
    """A user error naming a command-line flag, told with the field's name in the app (others as they are)."""
    from workbench.services.errors import UserError

    field = getattr(exc, "field", None)
    if isinstance(exc, UserError) and field in APP_WORDS:
        return type(exc)(str(exc.args[0]), field=APP_WORDS[field])
    return exc


def note_line(note: NoteView, me: str) -> Text:
    """One note on one line: its kind, its text, an action's owner, due date and state, and whose it is."""
    line = Text()
    line.append(f"{KIND_MARK.get(note.kind, note.kind):<9}", style="bold")
    line.append(" ".join(note.text.split()))
    if note.kind == "action":
        due = note.due.isoformat() if note.due else "no date"
        line.append(f" → {note.owner or 'no owner'}, due {due}", style="bold")
        if note.state != "open":
            line.append(f" [{note.state}]", style="dim")
    if note.member != me:
        line.append(f"  ({note.member}'s: read-only)", style="dim")
    return line
