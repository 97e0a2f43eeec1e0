"""Frozen values of the schedule: typed times, scheduled meetings, series, time-zone fit, schedule rows."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from workbench.services.views.meetings import MeetingView


@dataclass(frozen=True, slots=True)
class ResolvedTime:
    """A typed time as the workbench reads it, before anything is stored."""

    wall: datetime  # naive, in the zone it was typed in
    zone: str
    start_utc: datetime
    ours: datetime  # aware, in the selection's zone
    theirs: datetime | None  # aware, in the vendor's zone (None without a candidate)
    note: str | None  # how an ambiguous numeric date was read


@dataclass(frozen=True, slots=True)
class ScheduledMeeting:
    """One stored meeting with its times in both zones and its warnings."""

    meeting: MeetingView
    ours: datetime
    theirs: datetime
    warnings: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class ScheduleResult:
    meetings: tuple[ScheduledMeeting, ...]
    series_id: int | None
    notes: tuple[str, ...]  # how the date was read, months a monthly series skips


@dataclass(frozen=True, slots=True)
class SeriesView:
    id: int
    candidate: str
    kind: str
    timezone: str
    start_local: str
    freq: str
    interval: int
    count: int | None
    until_utc: datetime | None
    status: str
    meeting_ids: tuple[int, ...]


@dataclass(frozen=True, slots=True)
class FitView:
    candidate_id: int
    candidate: str
    timezone: str
    support_hours: str
    min_weekly_hours: float | None  # None when the vendor's hours are unknown
    typical_weekly_hours: float | None
    max_weekly_hours: float | None


@dataclass(frozen=True, slots=True)
class ScheduleRow:
    """One meeting of the schedule, as the schedule screen shows it."""

    meeting: MeetingView
    ours: datetime  # aware, in the selection's zone
    theirs: datetime  # aware, in the vendor's zone
    our_zone: str
    their_zone: str
    warnings: tuple[str, ...]
    out_of_hours: bool  # outside the vendor's support hours or our business hours
    clashes: tuple[int, ...]  # ids of other live meetings that share a panel member at the same time
    series_size: int | None  # meetings in its series (None outside a series)

    @property
    def day(self) -> date:
        """Our local day of the meeting."""
        return self.ours.date()

    @property
    def double_booked(self) -> bool:
        return bool(self.clashes)
