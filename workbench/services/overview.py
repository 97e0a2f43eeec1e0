"""The overview of a database: each selection's progress, and the meetings of the coming days."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta, timezone
from typing import TYPE_CHECKING, Any
from zoneinfo import ZoneInfo

from sqlalchemy import and_, case, func, select

from workbench.domain.timezones import as_utc
from workbench.domain.vocabulary import CANDIDATE_STATUSES, HELD_STATUSES
from workbench.services.base import Service, unit_of_work, utcnow
from workbench.services.errors import UserError
from workbench.services.validate import is_whole_in
from workbench.store import core_tables as t
from workbench.store.attendance import expected_pairs

if TYPE_CHECKING:
    from sqlalchemy.engine import Connection

# The home screen's first data: read through SQLAlchemy Core, so that it does not wait for the ORM classes.

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
    scorecards_submitted: int  # by members expected at held meetings
    scorecards_expected: int  # members expected (attendees, else the panel) summed over held meetings

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
        return UTC


class OverviewService(Service):
    """Read-only summaries for the home screen (SQLAlchemy Core: no ORM classes are loaded for them)."""

    @unit_of_work(write=False, core=True)
    def progress(self, conn: Connection) -> list[SelectionProgress]:
        """The progress of every selection, by name (any case); six queries whatever the size of the database.

        Returns:
            One entry per selection: candidates per status, meetings held, planned and
            cancelled, and scorecards submitted against those expected (each member expected
            at each held meeting owes one: its attendees, else the whole panel).
        """
        sel, mem, cand, mt, card = (
            t.selection.c,
            t.panel_member.c,
            t.candidate.c,
            t.meeting.c,
            t.scorecard.c,
        )
        selections = sorted(  # by name, the same on every database whatever its collation
            conn.execute(select(sel.id, sel.name, sel.timezone)).all(),
            key=lambda row: (row[1].casefold(), row[1]),
        )
        members: dict[int, int] = dict(
            conn.execute(
                select(mem.selection_id, func.count()).where(mem.retired_at.is_(None)).group_by(mem.selection_id)
            ).all()
        )
        statuses: dict[int, dict[str, int]] = {}
        for sel_id, status, n in conn.execute(
            select(cand.selection_id, cand.status, func.count()).group_by(cand.selection_id, cand.status)
        ).all():
            statuses.setdefault(sel_id, {})[status] = int(n)
        meetings = {
            row[0]: row[1:]
            for row in conn.execute(
                select(
                    mt.selection_id,
                    _count_if(mt.status.in_(HELD_STATUSES)),
                    _count_if(mt.status == "planned"),
                    _count_if(mt.status == "cancelled"),
                ).group_by(mt.selection_id)
            ).all()
        }
        held = mt.status.in_(HELD_STATUSES)
        owed = expected_pairs().subquery()  # who is expected at each meeting: its attendees, else the panel
        expected: dict[int, int] = dict(
            conn.execute(
                select(mt.selection_id, func.count())
                .select_from(owed.join(t.meeting, mt.id == owed.c.meeting_id))
                .where(held)
                .group_by(mt.selection_id)
            ).all()
        )
        submitted: dict[int, int] = dict(
            conn.execute(
                select(mt.selection_id, func.count())
                .select_from(
                    t.scorecard.join(t.meeting, mt.id == card.meeting_id).join(
                        owed, and_(owed.c.meeting_id == card.meeting_id, owed.c.member_id == card.member_id)
                    )
                )
                .where(held)
                .group_by(mt.selection_id)
            ).all()
        )
        out = []
        for sel_id, name, zone in selections:
            counts = statuses.get(sel_id, {})
            n_held, n_planned, n_cancelled = meetings.get(sel_id, (0, 0, 0))
            out.append(
                SelectionProgress(
                    selection_id=sel_id,
                    name=name,
                    timezone=zone,
                    members=int(members.get(sel_id, 0)),
                    candidates=sum(counts.values()),
                    statuses=tuple((s, counts.get(s, 0)) for s in CANDIDATE_STATUSES),
                    meetings_held=int(n_held),
                    meetings_planned=int(n_planned),
                    meetings_cancelled=int(n_cancelled),
                    scorecards_submitted=int(submitted.get(sel_id, 0)),
                    scorecards_expected=int(expected.get(sel_id, 0)),
                )
            )
        return out

    @unit_of_work(write=False, core=True)
    def upcoming(
        self,
        conn: Connection,
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
        if not is_whole_in(days, 1, MAX_DAYS):
            raise UserError(f"{days!r} is not a number of days from 1 to {MAX_DAYS}", field="--days")
        start = as_utc(now or utcnow())
        end = start + timedelta(days=days)
        mt, cand, sel, mm, mem = t.meeting.c, t.candidate.c, t.selection.c, t.meeting_member.c, t.panel_member.c
        stmt = (
            select(
                mt.id,
                mt.selection_id,
                mt.candidate_id,
                mt.kind,
                mt.status,
                mt.duration_minutes,
                mt.location,
                mt.start_utc,
                cand.name,
                cand.timezone,
                sel.name,
                sel.timezone,
            )
            .select_from(
                t.meeting.join(t.candidate, cand.id == mt.candidate_id).join(t.selection, sel.id == mt.selection_id)
            )
            .where(mt.start_utc >= start, mt.start_utc < end, mt.status != "cancelled")
            .order_by(mt.start_utc, mt.id)
        )
        if selection is not None:
            stmt = stmt.where(mt.selection_id == _selection_id(conn, selection))
        rows = conn.execute(stmt).all()
        ids = [row[0] for row in rows]
        attendees: dict[int, list[str]] = {}
        if ids:
            for mid, name in conn.execute(
                select(mm.meeting_id, mem.name)
                .select_from(t.meeting_member.join(t.panel_member, mem.id == mm.member_id))
                .where(mm.meeting_id.in_(ids))
                .order_by(mm.meeting_id, mem.name)
            ).all():
                attendees.setdefault(mid, []).append(name)
        out = []
        for (
            mid,
            sel_id,
            cand_id,
            kind,
            status,
            duration,
            location,
            start_utc,
            cand_name,
            cand_zone,
            sel_name,
            sel_zone,
        ) in rows:
            at = start_utc
            out.append(
                UpcomingMeeting(
                    meeting_id=mid,
                    selection_id=sel_id,
                    selection=sel_name,
                    candidate_id=cand_id,
                    candidate=cand_name,
                    kind=kind,
                    status=status,
                    duration_minutes=duration,
                    location=location,
                    members=tuple(attendees.get(mid, ())),
                    start_utc=at,
                    start_ours=at.astimezone(_zone(sel_zone)),
                    start_vendor=at.astimezone(_zone(cand_zone)),
                    our_zone=sel_zone,
                    vendor_zone=cand_zone,
                )
            )
        return out


def _selection_id(conn: Connection, ref: str | int) -> int:
    """The id of the selection named or numbered ``ref``, found as every service finds it (through the ORM)."""
    from sqlmodel import Session

    from workbench.services.selections import find_selection

    with Session(bind=conn) as session:
        found = find_selection(session, ref).id
    assert found is not None
    return found
