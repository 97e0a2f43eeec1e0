"""The life of a meeting: planned -> held -> minuted (or cancelled), set by what happens or by hand.

- **held**: the first score, note or submitted scorecard that arrives at or after the meeting's
  start marks a planned meeting held (``held_if_started``, in the unit of work that stored it); a
  person may mark it held by hand once it has started (``mark_held``).
- **minuted**: a held meeting is marked minuted by hand (``workbench meetings minuted ID``) once
  its minutes are agreed and sent. Writing the minutes to a file does not mark it: a draft may be
  written many times, and files written before and after must say the same.
- Either change raises the meeting's calendar sequence. A cancelled meeting stays cancelled;
  a minuted one does not go back to held.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import update
from sqlalchemy.engine import Connection
from sqlmodel import Session

from workbench.domain.vocabulary import HELD_STATUSES
from workbench.services.base import utcnow
from workbench.services.errors import UserError
from workbench.services.lookups import find_meeting
from workbench.services.meeting_views import meeting_view
from workbench.services.views.meetings import MeetingView
from workbench.store import core_tables as t
from workbench.store.models import Meeting


def held_if_started(conn: Connection | Session, meeting_id: int, now: datetime) -> bool:
    """Mark a planned meeting held when it has started by ``now`` (one statement); True when it changed."""
    mt = t.meeting.c
    stmt = (
        update(t.meeting)
        .where(mt.id == meeting_id, mt.status == "planned", mt.start_utc <= now)
        .values(status="held", sequence=mt.sequence + 1, updated_at=now)
    )
    result = conn.execute(stmt) if isinstance(conn, Connection) else conn.connection().execute(stmt)
    return bool(result.rowcount)


def started(session: Session, meeting: Meeting, now: datetime) -> None:
    """Mark a planned meeting held when it has started by ``now`` (a score, note or scorecard arrived)."""
    if meeting.status == "planned" and meeting.start_utc <= now:
        _set(session, meeting, "held", now)


def mark_held(session: Session, meeting_id: str | int, *, now: datetime | None = None) -> MeetingView:
    """Mark a meeting held by hand, in the caller's unit of work.

    Raises:
        UserError: the meeting is cancelled, or has not started yet (naming MEETING).
    """
    meeting = find_meeting(session, meeting_id)
    now = now or utcnow()
    if meeting.status == "cancelled":
        raise UserError(f"meeting {meeting.id} is cancelled; it cannot be held", field="MEETING")
    if meeting.status == "planned":
        if meeting.start_utc > now:
            raise UserError(
                f"meeting {meeting.id} starts {meeting.start_utc:%Y-%m-%d %H:%M} UTC; "
                "it cannot be held before it starts",
                field="MEETING",
            )
        _set(session, meeting, "held", now)
    return meeting_view(session, meeting, with_agenda=False)


def mark_minuted(session: Session, meeting_id: str | int, *, now: datetime | None = None) -> MeetingView:
    """Mark a held meeting minuted by hand, in the caller's unit of work (a minuted one is left as it is).

    Raises:
        UserError: the meeting is planned or cancelled (naming MEETING).
    """
    meeting = find_meeting(session, meeting_id)
    if meeting.status == "held":
        _set(session, meeting, "minuted", now or utcnow())
    elif meeting.status not in HELD_STATUSES:
        why = "is cancelled" if meeting.status == "cancelled" else "has not been held yet"
        raise UserError(f"meeting {meeting.id} {why}; only a held meeting is minuted", field="MEETING")
    return meeting_view(session, meeting, with_agenda=False)


def _set(session: Session, meeting: Meeting, status: str, now: datetime) -> None:
    meeting.status, meeting.sequence, meeting.updated_at = status, meeting.sequence + 1, now
    session.add(meeting)
    session.flush()
