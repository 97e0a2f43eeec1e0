"""Finding what a person names: a candidate, a meeting. Each miss is a user error naming the field."""

from __future__ import annotations

from sqlmodel import Session

from workbench.services.base import id_of, parse_ref
from workbench.services.errors import NotFound, UserError
from workbench.store.lookups import candidate_by_name_or_number
from workbench.store.models import Candidate, Meeting


def find_candidate(session: Session, selection_id: int, ref: str | int) -> Candidate:
    """The candidate a command is about: named (exactly, else in any case) or numbered by ``ref``.

    Raises:
        UserError: ``ref`` is empty (field ``--candidate``).
        NotFound: no such candidate in the selection (field ``--candidate``).
    """
    number, text = parse_ref(ref)
    if not text:
        raise UserError("name a candidate", field="--candidate")
    return _found(candidate_by_name_or_number(session, selection_id, text, number), text)


def find_meeting_candidate(session: Session, selection_id: int, ref: str | int) -> Candidate:
    """The candidate of a meeting to schedule or of meetings to list, named or numbered by ``ref``.

    Unlike ``find_candidate``, an empty reference is not refused as missing input: it names no
    candidate of the selection, like any other unknown name.

    Raises:
        NotFound: no such candidate in the selection, the empty name included (field ``--candidate``).
    """
    number, text = parse_ref(ref)
    return _found(candidate_by_name_or_number(session, selection_id, text, number), text)


def candidate_filter(session: Session, selection_id: int, ref: str | int | None) -> int | None:
    """The id of the candidate whose meetings to list, or None for every candidate (``ref`` None or blank)."""
    if ref is None or not str(ref).strip():
        return None
    found = find_meeting_candidate(session, selection_id, ref)
    assert found.id is not None
    return found.id


def _found(row: Candidate | None, text: str) -> Candidate:
    if row is None:
        raise NotFound(f"no candidate named or numbered {text!r} in this selection", field="--candidate")
    return row


def meeting_id_of(value: str | int, *, field: str = "MEETING") -> int:
    """A meeting number from user input; UserError naming ``field`` when it is not one, NotFound when none can be."""
    return id_of(value, noun="meeting", field=field)


def find_meeting(session: Session, meeting_id: str | int) -> Meeting:
    """The meeting numbered ``meeting_id``; NotFound naming MEETING otherwise."""
    number = meeting_id_of(meeting_id)
    row = session.get(Meeting, number)
    if row is None:
        raise NotFound(f"no meeting numbered {number}", field="MEETING")
    return row
