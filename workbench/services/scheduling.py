"""Scheduling: typed times in a zone, series, clock-change refusals, warnings and time-zone fit."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, time, timedelta
from zoneinfo import ZoneInfo

from sqlalchemy import and_, select
from sqlmodel import Session, col

from workbench.domain import dateparse, recurrence, timezones
from workbench.services.base import Service, clean_text, unit_of_work, utcnow
from workbench.services.errors import UserError
from workbench.services.meetings import find_candidate, find_meeting, insert_meeting, meeting_views
from workbench.services.members import find_member
from workbench.services.selections import find_selection, load_questions
from workbench.services.validate import MEETING_KINDS, check_choice, check_timezone
from workbench.services.views.meetings import MeetingView
from workbench.store.models import (
    Candidate,
    Meeting,
    MeetingMember,
    MeetingSeries,
    PanelMember,
    Selection,
)

MAX_DURATION = 24 * 60


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


def _domain_error(exc: ValueError, field: str) -> UserError:
    return UserError(str(exc), field=field)


def read_time(
    text: str, zone: str, *, date_order: str, now: datetime, fold: str | None = None
) -> tuple[datetime, datetime, str | None]:
    """Typed text in ``zone`` -> (naive wall time, aware UTC start, note); clock changes are refused."""
    today = now.astimezone(ZoneInfo(zone)).date()
    try:
        parsed = dateparse.parse_when(text, today=today, date_order=date_order, default_time=None)
    except ValueError as exc:
        raise _domain_error(exc, "--at") from None
    if parsed.date_only:
        raise UserError(f"{text.strip()!r} gives no time of day; add one, e.g. '{text.strip()} 10:00'", field="--at")
    try:
        start = timezones.resolve_local(parsed.wall, zone, fold=fold)
    except ValueError as exc:
        raise _domain_error(exc, "--at") from None
    return parsed.wall, start, parsed.note


def _until_utc(text: str, zone: str, *, date_order: str, now: datetime) -> tuple[datetime, str | None]:
    """``--until DATE``: the end of that day in the organiser's zone, as a UTC instant (and a reading note)."""
    today = now.astimezone(ZoneInfo(zone)).date()
    try:
        parsed = dateparse.parse_when(text, today=today, date_order=date_order)
    except ValueError as exc:
        raise _domain_error(exc, "--until") from None
    if not parsed.date_only:
        raise UserError(f"{text.strip()!r}: give a date without a time of day", field="--until")
    end = datetime.combine(parsed.wall.date() + timedelta(days=1), time(0, 0))
    try:
        last = timezones.resolve_local(end, zone, fold="earlier")
    except timezones.NonexistentTime as exc:
        last = timezones.resolve_local(exc.first_valid, zone)
    return last - timedelta(microseconds=1), (f"--until: {parsed.note}" if parsed.note else None)


def meeting_warnings(
    session: Session,
    sel: Selection,
    cand: Candidate,
    start: datetime,
    minutes: int,
    member_ids: Sequence[int],
    *,
    exclude: Sequence[int] = (),
    extra: Sequence[tuple[datetime, int]] = (),
) -> list[str]:
    """Outside the vendor's support hours, outside our business hours, members double-booked."""
    out: list[str] = []
    theirs = timezones.hours_from(cand.support_hours) if cand.support_hours else None
    if theirs is not None and not timezones.within_hours(start, minutes, theirs, cand.timezone):
        local = timezones.to_zone(start, cand.timezone)
        out.append(
            f"outside {cand.name}'s support hours ({cand.support_hours} Mon-Fri {cand.timezone}; "
            f"starts {local:%a %H:%M} there)"
        )
    days = [int(d) for d in sel.business_days.split(",") if d.strip()]
    ours = timezones.hours_from(sel.business_hours, days)
    if ours is not None and not timezones.within_hours(start, minutes, ours, sel.timezone):
        local = timezones.to_zone(start, sel.timezone)
        out.append(f"outside our business hours ({sel.business_hours} {sel.timezone}; starts {local:%a %H:%M} here)")
    if member_ids:
        end = start + timedelta(minutes=minutes)
        rows = session.execute(
            select(Meeting.id, Meeting.start_utc, Meeting.duration_minutes, PanelMember.name)
            .join(MeetingMember, col(MeetingMember.meeting_id) == Meeting.id)
            .join(PanelMember, col(PanelMember.id) == MeetingMember.member_id)
            .where(
                col(MeetingMember.member_id).in_(list(member_ids)),
                Meeting.status != "cancelled",
                Meeting.selection_id == sel.id,
                col(Meeting.start_utc) < end,
                col(Meeting.start_utc) >= start - timedelta(minutes=MAX_DURATION),
            )
        ).all()
        clashes: dict[int, list[str]] = {}
        for mid, other_start, other_minutes, name in rows:
            if mid in exclude or not timezones.overlaps(start, minutes, other_start, other_minutes):
                continue
            clashes.setdefault(mid, []).append(name)
        for mid, names in sorted(clashes.items()):
            out.append(f"double-booked: {', '.join(sorted(names))} also in meeting {mid}")
        for other_start, other_minutes in extra:
            if timezones.overlaps(start, minutes, other_start, other_minutes):
                out.append("overlaps another occurrence of this series")
                break
    return out


class SchedulingService(Service):
    """Schedule meetings and series from typed times; cancel and extend them."""

    @unit_of_work(write=False)
    def resolve(
        self,
        session: Session,
        text: str,
        zone: str,
        *,
        candidate: str | int | None = None,
        fold: str | None = None,
        selection: str | int | None = None,
        now: datetime | None = None,
    ) -> ResolvedTime:
        """What a typed time means, in our zone, the vendor's and UTC; refusals raise UserError."""
        sel = find_selection(session, selection)
        zone = check_timezone(zone, field="--tz")
        wall, start, note = read_time(text, zone, date_order=sel.date_order, now=now or utcnow(), fold=fold)
        cand = find_candidate(session, sel.id, candidate) if candidate not in (None, "") else None
        return ResolvedTime(
            wall=wall,
            zone=zone,
            start_utc=start,
            ours=timezones.to_zone(start, sel.timezone),
            theirs=timezones.to_zone(start, cand.timezone) if cand else None,
            note=note,
        )

    @unit_of_work(write=True)
    def schedule(
        self,
        session: Session,
        *,
        candidate: str | int,
        kind: str,
        at: str,
        tz: str,
        duration: int = 60,
        every: str | None = None,
        count: int | None = None,
        until: str | None = None,
        members: Sequence[str] = (),
        location: str = "",
        fold: str | None = None,
        selection: str | int | None = None,
        now: datetime | None = None,
    ) -> ScheduleResult:
        """Schedule one meeting, or a series when ``every`` is given (with ``count`` or ``until``).

        Every occurrence keeps its wall time in ``tz``; an occurrence in a clock-change gap is
        refused with the first valid time, an ambiguous one needs ``fold``. Nothing is stored
        when anything is refused.

        Returns:
            The stored meetings with their times in both zones and their warnings.
        """
        now = now or utcnow()
        sel = find_selection(session, selection)
        cand = find_candidate(session, sel.id, candidate)
        kind = check_choice(kind, MEETING_KINDS, field="--kind")
        zone = check_timezone(tz, field="--tz")
        if isinstance(duration, bool) or not isinstance(duration, int) or not 1 <= duration <= MAX_DURATION:
            raise UserError(
                f"{duration!r} is not a whole number of minutes from 1 to {MAX_DURATION}", field="--duration"
            )
        location = clean_text(location, field="--location", max_length=1000)
        if "\n" in location or "\r" in location:
            raise UserError("must be on one line", field="--location")
        member_ids = list(dict.fromkeys(find_member(session, sel.id, ref).id for ref in members))
        wall, first_start, note = read_time(at, zone, date_order=sel.date_order, now=now, fold=fold)
        notes = [note] if note else []
        series_id = None
        if every is None:
            if count is not None or until is not None:
                raise UserError("--count and --until go with --every", field="--every")
            starts = [(0, first_start)]
        else:
            try:
                freq, interval = recurrence.parse_every(every)
            except ValueError as exc:
                raise _domain_error(exc, "--every") from None
            if (count is None) == (until is None):
                raise UserError("a series needs either --count N or --until DATE", field="--every")
            until_utc = None
            if until is not None:
                until_utc, until_note = _until_utc(until, zone, date_order=sel.date_order, now=now)
                notes.extend([until_note] if until_note else [])
            try:
                expansion = recurrence.expand(wall, zone, freq, interval, count=count, until_utc=until_utc, fold=fold)
            except ValueError as exc:
                raise _domain_error(exc, "--every") from None
            if not expansion.occurrences:
                raise UserError("the series has no occurrence before --until", field="--until")
            notes.extend(expansion.skipped)
            series = MeetingSeries(
                selection_id=sel.id,
                candidate_id=cand.id,
                kind=kind,
                timezone=zone,
                start_local=wall.isoformat(),
                freq=freq,
                interval=interval,
                count=count,
                until_utc=until_utc,
                duration_minutes=duration,
                location=location,
                created_at=utcnow(),
            )
            session.add(series)
            session.flush()
            series_id = series.id
            starts = [(o.index, o.start_utc) for o in expansion.occurrences]
        agenda = [q.id for q in load_questions(session, sel.id, kind=kind)]
        made: list[tuple[Meeting, list[str]]] = []
        for index, start in starts:
            warnings = meeting_warnings(
                session, sel, cand, start, duration, member_ids, extra=[(m.start_utc, duration) for m, _ in made]
            )
            row = insert_meeting(
                session,
                sel,
                cand,
                kind=kind,
                start=start,
                zone=zone,
                minutes=duration,
                location=location,
                member_ids=member_ids,
                agenda=agenda,
                series_id=series_id,
                index=index if series_id else None,
            )
            made.append((row, warnings))
        session.flush()
        views = meeting_views(session, [(m, cand.name) for m, _ in made])
        return ScheduleResult(
            meetings=tuple(
                ScheduledMeeting(
                    meeting=v,
                    ours=timezones.to_zone(v.start_utc, sel.timezone),
                    theirs=timezones.to_zone(v.start_utc, cand.timezone),
                    warnings=tuple(w),
                )
                for v, (_, w) in zip(views, made)
            ),
            series_id=series_id,
            notes=tuple(notes),
        )

    @unit_of_work(write=True)
    def extend(
        self,
        session: Session,
        series_id: int,
        *,
        count: int | None = None,
        until: str | None = None,
        fold: str | None = None,
        now: datetime | None = None,
    ) -> ScheduleResult:
        """Extend a series to ``count`` occurrences in all, or up to ``until``; adds only the new ones.

        The new occurrences keep the series' wall time, zone, duration, location and the
        attendees of its last occurrence; clock-change refusals apply as when scheduling.
        """
        row = session.get(MeetingSeries, int(series_id))
        if row is None:
            raise UserError(f"no series numbered {series_id}", field="SERIES")
        if row.status == "cancelled":
            raise UserError(f"series {row.id} is cancelled", field="SERIES")
        if (count is None) == (until is None):
            raise UserError("give either --count N (occurrences in all) or --until DATE", field="--count")
        sel = session.get(Selection, row.selection_id)
        cand = session.get(Candidate, row.candidate_id)
        existing = list(
            session.exec(select(Meeting).where(Meeting.series_id == row.id).order_by(Meeting.series_index)).scalars()
        )
        notes: list[str] = []
        until_utc = None
        if until is not None:
            until_utc, note = _until_utc(until, row.timezone, date_order=sel.date_order, now=now or utcnow())
            notes.extend([note] if note else [])
        elif count is not None and count <= len(existing):
            raise UserError(
                f"the series has {len(existing)} occurrences already; give a larger --count", field="--count"
            )
        try:
            expansion = recurrence.expand(
                datetime.fromisoformat(row.start_local),
                row.timezone,
                row.freq,
                row.interval,
                count=count,
                until_utc=until_utc,
                fold=fold,
            )
        except ValueError as exc:
            raise _domain_error(exc, "--count" if count is not None else "--until") from None
        known = {m.series_index for m in existing}
        fresh = [o for o in expansion.occurrences if o.index not in known]
        if not fresh:
            raise UserError("that adds no occurrence to the series", field="--until" if until else "--count")
        member_ids = (
            [
                mm.member_id
                for mm in session.exec(
                    select(MeetingMember).where(MeetingMember.meeting_id == existing[-1].id)
                ).scalars()
            ]
            if existing
            else []
        )
        agenda = [q.id for q in load_questions(session, sel.id, kind=row.kind)]
        made = []
        for occ in fresh:
            warnings = meeting_warnings(session, sel, cand, occ.start_utc, row.duration_minutes, member_ids)
            meeting = insert_meeting(
                session,
                sel,
                cand,
                kind=row.kind,
                start=occ.start_utc,
                zone=row.timezone,
                minutes=row.duration_minutes,
                location=row.location,
                member_ids=member_ids,
                agenda=agenda,
                series_id=row.id,
                index=occ.index,
            )
            made.append((meeting, warnings))
        row.count, row.until_utc = (count, None) if count is not None else (None, until_utc)
        session.add(row)
        session.flush()
        notes.extend(expansion.skipped)
        views = meeting_views(session, [(m, cand.name) for m, _ in made])
        return ScheduleResult(
            meetings=tuple(
                ScheduledMeeting(
                    meeting=v,
                    ours=timezones.to_zone(v.start_utc, sel.timezone),
                    theirs=timezones.to_zone(v.start_utc, cand.timezone),
                    warnings=tuple(w),
                )
                for v, (_, w) in zip(views, made)
            ),
            series_id=row.id,
            notes=tuple(notes),
        )

    @unit_of_work(write=True)
    def cancel(self, session: Session, meeting_id: str | int, *, series: bool = False) -> list[MeetingView]:
        """Cancel one meeting, or with ``series`` every occurrence of its series from now on.

        Past occurrences of a series keep their status (they were held or not); each cancelled
        meeting's calendar sequence is raised.
        """
        meeting = find_meeting(session, meeting_id)
        if series and meeting.series_id is None:
            raise UserError(f"meeting {meeting.id} is not part of a series", field="--series")
        rows = [meeting]
        if series:
            rows = list(
                session.exec(
                    select(Meeting).where(Meeting.series_id == meeting.series_id, Meeting.status == "planned")
                ).scalars()
            )
            parent = session.get(MeetingSeries, meeting.series_id)
            parent.status = "cancelled"
            session.add(parent)
        now = utcnow()
        for row in rows:
            if row.status != "cancelled":
                row.status, row.sequence, row.updated_at = "cancelled", row.sequence + 1, now
                session.add(row)
        session.flush()
        names = {
            c.id: c.name
            for c in session.exec(
                select(Candidate).where(col(Candidate.id).in_({r.candidate_id for r in rows}))
            ).scalars()
        }
        return meeting_views(session, [(r, names[r.candidate_id]) for r in rows], with_agenda=False)

    @unit_of_work(write=False)
    def series(self, session: Session, *, selection: str | int | None = None) -> list[SeriesView]:
        """The selection's series with their meetings."""
        sel = find_selection(session, selection)
        rows = session.execute(
            select(MeetingSeries, Candidate.name)
            .join(Candidate, col(Candidate.id) == MeetingSeries.candidate_id)
            .where(MeetingSeries.selection_id == sel.id)
            .order_by(MeetingSeries.id)
        ).all()
        members: dict[int, list[int]] = {}
        for mid, sid in session.execute(
            select(Meeting.id, Meeting.series_id)
            .where(and_(Meeting.selection_id == sel.id, col(Meeting.series_id).is_not(None)))
            .order_by(Meeting.series_index)
        ):
            members.setdefault(sid, []).append(mid)
        return [
            SeriesView(
                id=s.id,
                candidate=name,
                kind=s.kind,
                timezone=s.timezone,
                start_local=s.start_local,
                freq=s.freq,
                interval=s.interval,
                count=s.count,
                until_utc=s.until_utc,
                status=s.status,
                meeting_ids=tuple(members.get(s.id, ())),
            )
            for s, name in rows
        ]

    @unit_of_work(write=False)
    def fit(self, session: Session, *, selection: str | int | None = None, start=None) -> list[FitView]:  # type: ignore[no-untyped-def]
        """Hours per week our business hours overlap each vendor's support hours, over 12 months."""
        sel = find_selection(session, selection)
        start = start or utcnow().astimezone(ZoneInfo(sel.timezone)).date()
        days = [int(d) for d in sel.business_days.split(",") if d.strip()]
        ours = timezones.hours_from(sel.business_hours, days)
        out = []
        for cand in session.exec(
            select(Candidate).where(Candidate.selection_id == sel.id).order_by(Candidate.name)
        ).scalars():
            theirs = timezones.hours_from(cand.support_hours) if cand.support_hours else None
            if ours is None or theirs is None:
                out.append(FitView(cand.id, cand.name, cand.timezone, cand.support_hours, None, None, None))
                continue
            fit = timezones.weekly_overlap(ours, sel.timezone, theirs, cand.timezone, start=start, days=365)
            out.append(
                FitView(
                    cand.id,
                    cand.name,
                    cand.timezone,
                    cand.support_hours,
                    fit.min_weekly_hours,
                    fit.typical_weekly_hours,
                    fit.max_weekly_hours,
                )
            )
        return out
