"""Edit or delete one's own note in a dialog (the minutes screen): the text, and an action's owner and due date.

The services refuse another member's note and keep the version replaced; a refused due date is
shown beside its field and nothing is stored.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from screens.actions.words import KIND_MARK, in_app_words
from screens.shell.base import describe_error

if TYPE_CHECKING:
    from screens.dialogs.form import FormDialog
    from screens.shell.base import WorkbenchScreen
    from workbench.services.views.meetings import NoteView

FORM_FIELDS = {"--text": "text", "--owner": "owner", "--due": "due"}


def beside_its_field(exc: BaseException) -> BaseException:
    """A user error naming a flag, re-aimed at the form's field of the same value (shown beside its label)."""
    from workbench.services.errors import UserError

    field = getattr(exc, "field", None)
    if isinstance(exc, UserError) and field in FORM_FIELDS:
        return type(exc)(str(exc.args[0]), field=FORM_FIELDS[field])
    return exc


def edit_note(screen: WorkbenchScreen, note: NoteView, member: str, then: Callable[[], None]) -> None:
    """Open the form on ``note`` (``member``'s own); ``then`` runs once it is stored."""
    from screens.dialogs.form import FormDialog, FormField

    fields = [FormField("text", "Text", note.text, kind="long")]
    if note.kind == "action":
        fields += [
            FormField("owner", "Owner", note.owner, placeholder="who does it"),
            FormField("due", "Due date", note.due.isoformat() if note.due else "", placeholder="YYYY-MM-DD"),
        ]
    note_id, is_action = note.id, note.kind == "action"

    def submit(dialog: FormDialog, values: dict[str, Any]) -> None:
        def save(s: Any) -> Any:
            extra = {"owner": values["owner"], "due": values["due"] or None} if is_action else {}
            return s.notes.update(note_id, member=member, text=values["text"], **extra)

        def stored(_: Any) -> None:
            dialog.dismiss(True)
            then()

        screen.call(save, stored, failed=lambda exc: dialog.show_error(beside_its_field(exc)))

    title = f"Edit your {KIND_MARK.get(note.kind, note.kind).lower()} (the old text is kept in its history)"
    screen.app.push_screen(FormDialog(title, fields, submit))


def delete_note(screen: WorkbenchScreen, note: NoteView, member: str, then: Callable[[], None]) -> None:
    """Ask, then delete ``member``'s own ``note`` (its last version stays in the history)."""
    from screens.dialogs.confirm import ConfirmDialog

    note_id = note.id

    def answered(yes: bool | None) -> None:
        if yes:
            screen.call(
                lambda s: s.notes.delete(note_id, member=member),
                lambda _: then(),
                failed=lambda exc: screen.notify(describe_error(in_app_words(exc)), severity="error", markup=False),
            )

    text = " ".join(note.text.split())
    shown = text if len(text) <= 60 else text[:60] + "…"
    screen.app.push_screen(
        ConfirmDialog(f"Delete your {KIND_MARK.get(note.kind, note.kind).lower()}?", shown, yes="Delete"), answered
    )
