"""Values of the actions across a selection: what each is, who does it, by when, and where it was agreed."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime


@dataclass(frozen=True, slots=True)
class ActionView:
    """One action item as the Actions view, the next meeting and the minutes list it."""

    id: int  # the note's number
    meeting_id: int
    meeting_start: datetime  # aware UTC
    candidate_id: int
    candidate: str
    member: str  # who wrote it
    member_id: int
    text: str
    owner: str
    due: date | None
    state: str  # open, done or dropped
    overdue: bool  # open and due before today (in the selection's zone)
    created_at: datetime
