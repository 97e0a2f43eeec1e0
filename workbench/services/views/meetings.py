"""Frozen values of meetings, their agendas and notes."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime

from workbench.domain.attendees import Attendee


@dataclass(frozen=True, slots=True)
class AgendaItemView:
    question_id: int
    position: int
    criterion_id: int
    criterion: str
    text: str
    guidance: str


@dataclass(frozen=True, slots=True)
class MeetingView:
    id: int
    selection_id: int
    candidate_id: int
    candidate: str
    kind: str
    start_utc: datetime  # aware, UTC
    timezone: str
    duration_minutes: int
    location: str
    their_attendees: tuple[str, ...]
    status: str
    uid: str
    sequence: int
    members: tuple[str, ...]
    agenda: tuple[AgendaItemView, ...] = field(default=())
    series_id: int | None = None
    series_index: int | None = None
    updated_at: datetime | None = None
    their_people: tuple[Attendee, ...] = ()  # their_attendees with roles and e-mails


@dataclass(frozen=True, slots=True)
class NoteView:
    id: int
    meeting_id: int
    member_id: int
    member: str
    kind: str
    text: str
    owner: str
    due: date | None
    question_id: int | None
    created_at: datetime
    updated_at: datetime
    state: str = "open"  # an action's: open, done or dropped


@dataclass(frozen=True, slots=True)
class NoteRevisionView:
    """A note as it was before a change (``edited``, ``deleted``, or an action's ``state``), and who changed it."""

    note_id: int
    change: str
    changed_by: str
    changed_at: datetime
    kind: str
    text: str
    owner: str
    due: date | None
    state: str
    written_at: datetime  # when this version was stored
