"""The overview of a database: each selection's progress, and the meetings of the coming days."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy import and_, case, func
from sqlmodel import Session, col, select

from workbench.services.base import Service, unit_of_work, utcnow
from workbench.services.errors import UserError
from workbench.services.selections import find_selection
from workbench.services.validate import CANDIDATE_STATUSES
from workbench.store.models import Candidate, Meeting, MeetingMember, PanelMember, Scorecard, Selection

MAX_DAYS = 366


@dataclass(frozen=True, slots=True)
class SelectionProgress:
    """How far one selection has come; every number is counted in SQL."""

    selection_id: int
    name: str
    timezone: str
    members: int  # panel members
    candidates: int
    statuses: tuple[tuple[str, int], ...]  # (status, candidates) for every status, in workflow order
    meetings_held: int
    meetings_planned: int
    meetings_cancelled: int
    scorecards_submitted: int  # by attendees of held meetings
    scorecards_expected: int  # attendees summed over held meetings

    def status_count(self, status: str) -> int:
        """The number of candidates with that status (0 for an unknown status)."""
        return dict(self.statuses).get(status, 0)


@dataclass(frozen=True, slots=True)
class UpcomingMeeting:
    """A meeting of the coming days, on our clocks and on the vendor's."""

    meeting_id: int
    selection_id: int
    selection: str
    candidate_id: int
    candidate: str
    kind: str
    status: str
    duration_minutes: int
    location: str
    members: tuple[str, ...]
    start_utc: datetime  # aware, UTC
    start_ours: datetime  # aware, in the selection's zone
    start_vendor: datetime  # aware, in the candidate's home zone
    our_zone: str
    vendor_zone: str


def _count_if(condition: Any) -> Any:
    return func.coalesce(func.sum(case((condition, 1), else_=0)), 0)


def _zone(name: str) -> ZoneInfo | timezone:
    try:
        return ZoneInfo(name)
    except (ValueError, KeyError, OSError):  # an unknown name stored by an old version: show UTC
        return timezone.utc


def _utc(value: datetime) -> datetime:
    return value.replace(tzinfo=timezone.utc) if value.tzinfo is None else value.astimezone(timezone.utc)


class OverviewService(Service):
    """Read-only summaries for the home screen."""

    @unit_of_work(write=False)
    def progress(self, session: Session) -> list[SelectionProgress]:
        """The progress of every selection, by name (any case); six queries whatever the size of the database.

        Returns:
            One entry per selection: candidates per status, meetings held, planned and
            cancelled, and scorecards submitted against those expected (each attendee of
            each held meeting owes one).
        """
        selections = sorted(  # by name, the same on every database whatever its collation
            session.execute(select(Selection.id, Selection.name, Selection.timezone)).all(),
            key=lambda row: (row[1].casefold(), row[1]),
        )
        members = dict(session.execute(
            select(PanelMember.selection_id, func.count()).group_by(PanelMember.selection_id)
        ).all())
        statuses: dict[int, dict[str, int]] = {}
        for sel_id, status, n in session.execute(
            select(Candidate.selection_id, Candidate.status, func.count()).group_by(Candidate.selection_id, Candidate.status)
        ).all():
            statuses.setdefault(sel_id, {})[status] = int(n)
        meetings = {
            row[0]: row[1:]
            for row in session.execute(
                select(Meeting.selection_id, _count_if(col(Meeting.status) == "held"),
                       _count_if(col(Meeting.status) == "planned"), _count_if(col(Meeting.status) == "cancelled"))
                .group_by(Meeting.selection_id)
            ).all()
        }
        held = col(Meeting.status) == "held"
        expected = dict(session.execute(
            select(Meeting.selection_id, func.count())
            .select_from(MeetingMember)
            .join(Meeting, col(Meeting.id) == MeetingMember.meeting_id)
            .where(held).group_by(Meeting.selection_id)
        ).all())
        submitted = dict(session.execute(
            select(Meeting.selection_id, func.count())
            .select_from(Scorecard)
            .join(Meeting, col(Meeting.id) == Scorecard.meeting_id)
            .join(MeetingMember, and_(col(MeetingMember.meeting_id) == Scorecard.meeting_id,
                                      col(MeetingMember.member_id) == Scorecard.member_id))
            .where(held).group_by(Meeting.selection_id)
        ).all())
        out = []
        for sel_id, name, zone in selections:
            counts = statuses.get(sel_id, {})
            n_held, n_planned, n_cancelled = meetings.get(sel_id, (0, 0, 0))
            out.append(SelectionProgress(
                selection_id=sel_id, name=name, timezone=zone, members=int(members.get(sel_id, 0)),
                candidates=sum(counts.values()),
                statuses=tuple((s, counts.get(s, 0)) for s in CANDIDATE_STATUSES),
                meetings_held=int(n_held), meetings_planned=int(n_planned), meetings_cancelled=int(n_cancelled),
                scorecards_submitted=int(submitted.get(sel_id, 0)), scorecards_expected=int(expected.get(sel_id, 0)),
            ))
        return out

    @unit_of_work(write=False)
    def upcoming(
        self,
        session: Session,
        *,
        days: int = 14,
        now: datetime | None = None,
        selection: str | int | None = None,
    ) -> list[UpcomingMeeting]:
        """The meetings (not cancelled) that start in the next ``days`` days, earliest first.

        Args:
            days: how far ahead to look (1 to 366).
            now: the moment to look from (aware; naive is read as UTC); the clock when None.
            selection: only this selection (name or id); every selection when None.

        Returns:
            The meetings, each with its start in our zone and in the vendor's zone. Two queries.
        """
        if isinstance(days, bool) or not isinstance(days, int) or not 1 <= days <= MAX_DAYS:
            raise UserError(f"{days!r} is not a number of days from 1 to {MAX_DAYS}", field="--days")
        start = _utc(now or utcnow())
        end = start + timedelta(days=days)
        stmt = (
            select(Meeting, Candidate.name, Candidate.timezone, Selection.name, Selection.timezone)
            .join(Candidate, col(Candidate.id) == Meeting.candidate_id)
            .join(Selection, col(Selection.id) == Meeting.selection_id)
            .where(col(Meeting.start_utc) >= start, col(Meeting.start_utc) < end, col(Meeting.status) != "cancelled")
            .order_by(col(Meeting.start_utc), col(Meeting.id))
        )
        if selection is not None:
            stmt = stmt.where(col(Meeting.selection_id) == find_selection(session, selection).id)
        rows = session.execute(stmt).all()
        ids = [m.id for m, *_ in rows]
        attendees: dict[int, list[str]] = {}
        if ids:
            for mid, name in session.execute(
                select(MeetingMember.meeting_id, PanelMember.name)
                .join(PanelMember, col(PanelMember.id) == MeetingMember.member_id)
                .where(col(MeetingMember.meeting_id).in_(ids)).order_by(MeetingMember.meeting_id, PanelMember.name)
            ).all():
                attendees.setdefault(mid, []).append(name)
        out = []
        for m, cand, cand_zone, sel_name, sel_zone in rows:
            at = _utc(m.start_utc)
            out.append(UpcomingMeeting(
                meeting_id=m.id, selection_id=m.selection_id, selection=sel_name, candidate_id=m.candidate_id,
                candidate=cand, kind=m.kind, status=m.status, duration_minutes=m.duration_minutes, location=m.location,
                members=tuple(attendees.get(m.id, ())), start_utc=at, start_ours=at.astimezone(_zone(sel_zone)),
                start_vendor=at.astimezone(_zone(cand_zone)), our_zone=sel_zone, vendor_zone=cand_zone,
            ))
        return out
