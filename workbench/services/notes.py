"""Notes typed during a meeting: notes, decisions, actions (owner, due), concerns, gaps.

A note is changed or deleted by its author only, and the version replaced is kept (note_history.py).
"""

from __future__ import annotations

import builtins
from datetime import date, datetime
from typing import Any

from sqlmodel import Session, col, select

from workbench.domain.due import parse_due as due_date
from workbench.domain.vocabulary import NOTE_KINDS
from workbench.services.base import Service, clean_text, id_of, parse_ref, unit_of_work, utcnow
from workbench.services.errors import NotFound, UserError
from workbench.services.lookups import find_meeting
from workbench.services.meeting_status import started
from workbench.services.members import find_member
from workbench.services.note_history import keep_revision, note_history
from workbench.services.validate import check_choice
from workbench.services.views.meetings import NoteRevisionView, NoteView
from workbench.store.models import AgendaItem, Note, PanelMember, stored_id

MAX_TEXT = 20_000


class _Unchanged:
    def __repr__(self) -> str:
        return "UNCHANGED"


UNCHANGED: Any = _Unchanged()
"""Default of `NoteService.update` arguments: keep the stored value."""


def _view(row: Note, member: str) -> NoteView:
    return NoteView(
        id=stored_id(row),
        meeting_id=row.meeting_id,
        member_id=row.member_id,
        member=member,
        kind=row.kind,
        text=row.text,
        owner=row.owner,
        due=row.due,
        question_id=row.question_id,
        created_at=row.created_at,
        updated_at=row.updated_at,
        state=row.state,
    )


def parse_due(value: date | str | None) -> date | None:
    """A due date: a date, or a calendar date written YYYY-MM-DD ("" or None: no date); UserError naming --due."""
    if value is None or isinstance(value, date):
        return value
    try:
        return due_date(str(value))
    except ValueError as exc:
        raise UserError(str(exc), field="--due") from None


_due = parse_due


def _text(value: str) -> str:
    return clean_text(value, field="--text", required=True, max_length=MAX_TEXT, multiline=True)


def _owner(value: str | None) -> str:
    return clean_text(value, field="--owner", max_length=200)


def _question(session: Session, meeting_id: int, value: str | int | None) -> int | None:
    if value is None or str(value).strip() == "":
        return None
    number = id_of(value, noun="question", field="--question")
    found = session.exec(
        select(col(AgendaItem.id)).where(
            col(AgendaItem.meeting_id) == meeting_id, col(AgendaItem.question_id) == number
        )
    ).first()
    if found is None:
        raise UserError(f"question {number} is not on the agenda of meeting {meeting_id}", field="--question")
    return number


def _check_action_fields(kind: str, owner: str, due: date | None) -> None:
    if kind != "action":
        if owner:
            raise UserError(f"only an action has an owner (this note is a {kind})", field="--owner")
        if due is not None:
            raise UserError(f"only an action has a due date (this note is a {kind})", field="--due")


def _find_note(session: Session, note_id: str | int) -> tuple[Note, str]:
    number, text = parse_ref(note_id)
    row = (
        session.exec(
            select(Note, col(PanelMember.name))
            .join(PanelMember, col(PanelMember.id) == col(Note.member_id))
            .where(col(Note.id) == number)
        ).first()
        if number is not None
        else None
    )
    if row is None:
        raise NotFound(f"no note numbered {text!r}", field="NOTE")
    return row[0], row[1]


def _author_only(session: Session, row: Note, author: str, member: str | int) -> int:
    """The id of ``member``, who must be the note's author: another member's note is read-only to them."""
    meeting = find_meeting(session, row.meeting_id)
    editor = find_member(session, meeting.selection_id, member)
    if stored_id(editor) != row.member_id:
        raise UserError(
            f"note {row.id} is {author}'s: only its author changes or deletes it (it is read-only to {editor.name})",
            field="--member",
        )
    return stored_id(editor)


def add_note(
    session: Session,
    meeting_id: str | int,
    *,
    member: str | int,
    kind: str,
    text: str,
    owner: str = "",
    due: date | str | None = None,
    question_id: str | int | None = None,
    now: datetime | None = None,
) -> NoteView:
    """Add a note to a meeting in the caller's unit of work, written at ``now`` (else the current time).

    See ``NoteService.add`` for the arguments.
    """
    meeting = find_meeting(session, meeting_id)
    panel_member = find_member(session, meeting.selection_id, member)
    kind = check_choice(kind, NOTE_KINDS, field="--kind")
    text = _text(text)
    owner_text, due_date = _owner(owner), _due(due)
    _check_action_fields(kind, owner_text, due_date)
    qid = _question(session, stored_id(meeting), question_id)
    now = now or utcnow()
    row = Note(
        meeting_id=stored_id(meeting),
        member_id=stored_id(panel_member),
        kind=kind,
        text=text,
        owner=owner_text,
        due=due_date,
        question_id=qid,
        created_at=now,
        updated_at=now,
    )
    session.add(row)
    started(session, meeting, now)  # the first note since the start marks the meeting held
    session.flush()
    return _view(row, panel_member.name)


class NoteService(Service):
    """Add, change, list and delete a meeting's notes."""

    @unit_of_work(write=True)
    def add(
        self,
        session: Session,
        meeting_id: str | int,
        *,
        member: str | int,
        kind: str,
        text: str,
        owner: str = "",
        due: date | str | None = None,
        question_id: str | int | None = None,
    ) -> NoteView:
        """Add a note to a meeting.

        Args:
            meeting_id: the meeting.
            member: who wrote it (panel member name or id).
            kind: one of NOTE_KINDS.
            text: the note (required).
            owner: who does it (actions only; may be empty).
            due: when it is due (actions only): a date or YYYY-MM-DD.
            question_id: the agenda question it is about, if any.

        Returns:
            The stored note.
        """
        return add_note(
            session, meeting_id, member=member, kind=kind, text=text, owner=owner, due=due, question_id=question_id
        )

    @unit_of_work(write=True)
    def update(
        self,
        session: Session,
        note_id: str | int,
        *,
        member: str | int,
        text: str | None = None,
        kind: str | None = None,
        owner: str | None = None,
        due: date | str | None = UNCHANGED,
        question_id: str | int | None = UNCHANGED,
    ) -> NoteView:
        """Change one's own note (e.g. autosave while typing); arguments left out keep their value.

        The version replaced is kept (``history``); nothing is written when nothing changed.

        Args:
            note_id: the note.
            member: who changes it: its author (another member's note is refused, naming --member).
            text: the new text (must not be empty).
            kind: the new kind.
            owner: the new owner ("" clears it).
            due: the new due date (None clears it).
            question_id: the agenda question (None clears it).

        Returns:
            The note as stored now.
        """
        row, member_name = _find_note(session, note_id)
        editor = _author_only(session, row, member_name, member)
        new_kind = row.kind if kind is None else check_choice(kind, NOTE_KINDS, field="--kind")
        new_owner = row.owner if owner is None else _owner(owner)
        new_due = row.due if due is UNCHANGED else _due(due)
        new: dict[str, Any] = {
            "text": row.text if text is None else _text(text),
            "kind": new_kind,
            "owner": new_owner,
            "due": new_due,
            "question_id": (
                row.question_id if question_id is UNCHANGED else _question(session, row.meeting_id, question_id)
            ),
        }
        _check_action_fields(new_kind, new_owner, new_due)
        if all(getattr(row, name) == value for name, value in new.items()):
            return _view(row, member_name)
        now = utcnow()
        keep_revision(session, row, change="edited", by=editor, at=now)
        for name, value in new.items():
            setattr(row, name, value)
        if row.kind != "action":
            row.state = "open"
        row.updated_at = now
        session.add(row)
        session.flush()
        return _view(row, member_name)

    @unit_of_work(write=False)
    def list(self, session: Session, meeting_id: str | int) -> list[NoteView]:
        """A meeting's notes in the order they were written."""
        meeting = find_meeting(session, meeting_id)
        rows = session.exec(
            select(Note, col(PanelMember.name))
            .join(PanelMember, col(PanelMember.id) == col(Note.member_id))
            .where(col(Note.meeting_id) == meeting.id)
            .order_by(col(Note.created_at), col(Note.id))
        ).all()
        return [_view(note, name) for note, name in rows]

    @unit_of_work(write=True)
    def delete(self, session: Session, note_id: str | int, *, member: str | int) -> None:
        """Delete one's own note, keeping its last version in the history; NotFound naming NOTE when there is none."""
        row, author = _find_note(session, note_id)
        editor = _author_only(session, row, author, member)
        keep_revision(session, row, change="deleted", by=editor, at=utcnow())
        session.delete(row)
        session.flush()

    @unit_of_work(write=False)
    def history(self, session: Session, note_id: str | int) -> builtins.list[NoteRevisionView]:
        """The versions a note's changes replaced, oldest first (a deleted note's too)."""
        return note_history(session, note_id)
