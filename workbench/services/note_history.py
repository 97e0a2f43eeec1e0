"""The history of notes: the version a change replaces is kept, with who changed it and when.

Every edit, deletion and change of an action's state writes one ``NoteRevision`` row holding the
note as it was just before; a deleted note's last version stays here after its row is gone.
"""

from __future__ import annotations

from datetime import datetime

from sqlmodel import Session, col, select

from workbench.services.base import parse_ref
from workbench.services.errors import NotFound
from workbench.services.views.meetings import NoteRevisionView
from workbench.store.models import Note, NoteRevision, PanelMember, stored_id


def keep_revision(session: Session, row: Note, *, change: str, by: int, at: datetime) -> None:
    """Keep ``row`` as it is now (before the caller changes or deletes it), changed by member ``by`` at ``at``."""
    session.add(
        NoteRevision(
            note_id=stored_id(row),
            meeting_id=row.meeting_id,
            author_id=row.member_id,
            changed_by=by,
            change=change,
            kind=row.kind,
            text=row.text,
            owner=row.owner,
            due=row.due,
            state=row.state,
            written_at=row.updated_at,
            changed_at=at,
        )
    )


def note_history(session: Session, note_id: str | int) -> list[NoteRevisionView]:
    """The earlier versions of a note, oldest first (a deleted note's too); NotFound naming NOTE when none."""
    number, text = parse_ref(note_id)
    rows = (
        session.exec(
            select(NoteRevision, col(PanelMember.name))
            .join(PanelMember, col(PanelMember.id) == col(NoteRevision.changed_by))
            .where(col(NoteRevision.note_id) == number)
            .order_by(col(NoteRevision.changed_at), col(NoteRevision.id))
        ).all()
        if number is not None
        else []
    )
    if not rows and (number is None or session.get(Note, number) is None):
        raise NotFound(f"no note numbered {text!r}", field="NOTE")
    return [
        NoteRevisionView(
            note_id=r.note_id,
            change=r.change,
            changed_by=name,
            changed_at=r.changed_at,
            kind=r.kind,
            text=r.text,
            owner=r.owner,
            due=r.due,
            state=r.state,
            written_at=r.written_at,
        )
        for r, name in rows
    ]
