"""Lookups that several use cases share, each written once: plain rows back, None when nothing matches.

The services turn a miss into the error that names the field a person typed.
"""

from __future__ import annotations

import unicodedata
from typing import NamedTuple

from sqlalchemy import select as sa_select
from sqlmodel import Session, col, select

from workbench.domain.text import find_by_name
from workbench.store.models import Candidate, Meeting


def candidate_by_name_or_number(session: Session, selection_id: int, name: str, number: int | None) -> Candidate | None:
    """The candidate of a selection called ``name`` (exactly, else as the same name), else numbered ``number``.

    "The same name" is ``workbench.domain.text.name_key``: any case, NFC or NFD, full-width or not.

    Args:
        session: the unit of work's session.
        selection_id: the selection the candidate must belong to.
        name: the text a person typed, stripped.
        number: the candidate's id when that text is a number, else None.

    Returns:
        The candidate, or None when none of the selection matches.
    """
    wanted = unicodedata.normalize("NFC", name)
    row = session.exec(
        select(Candidate).where(col(Candidate.selection_id) == selection_id, col(Candidate.name) == wanted)
    ).first()
    if row is None:
        names = session.exec(
            select(Candidate.id, Candidate.name)
            .where(col(Candidate.selection_id) == selection_id)
            .order_by(col(Candidate.id))
        ).all()
        match = find_by_name(names, wanted, lambda pair: pair[1])
        if match is not None:
            row = session.get(Candidate, match[0])
    if row is None and number is not None:
        row = session.get(Candidate, number)
        if row is not None and row.selection_id != selection_id:
            row = None
    return row


class MeetingRow(NamedTuple):
    """A meeting with what its lists show of its candidate."""

    meeting: Meeting
    candidate: str  # the candidate's name
    candidate_timezone: str
    support_hours: str
    working_days: str = "0,1,2,3,4"  # the candidate's, stored form (Monday = 0)


def selection_meetings(
    session: Session, selection_id: int, *, candidate_id: int | None = None, include_cancelled: bool = True
) -> list[MeetingRow]:
    """The meetings of a selection (or of one of its candidates) in start order, in one query.

    Args:
        session: the unit of work's session.
        selection_id: the selection.
        candidate_id: only this candidate's meetings.
        include_cancelled: include the cancelled meetings.

    Returns:
        The meetings, earliest first (then by number), each with its candidate's name, zone and hours.
    """
    stmt = (
        sa_select(
            Meeting,
            col(Candidate.name),
            col(Candidate.timezone),
            col(Candidate.support_hours),
            col(Candidate.working_days),
        )
        .join(Candidate, col(Candidate.id) == Meeting.candidate_id)
        .where(col(Meeting.selection_id) == selection_id)
        .order_by(col(Meeting.start_utc), col(Meeting.id))
    )
    if candidate_id is not None:
        stmt = stmt.where(col(Meeting.candidate_id) == candidate_id)
    if not include_cancelled:
        stmt = stmt.where(col(Meeting.status) != "cancelled")
    return [MeetingRow(*row) for row in session.execute(stmt).all()]
