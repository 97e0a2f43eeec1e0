"""Scheduling: typed times in a zone, series, clock-change refusals, warnings and time-zone fit."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime
from zoneinfo import ZoneInfo

from sqlmodel import Session, col, select

from workbench.domain import recurrence, timezones
from workbench.domain.attendees import Attendee
from workbench.domain.vocabulary import MEETING_KINDS
from workbench.services.base import Service, unit_of_work, utcnow
from workbench.services.errors import UserError
from workbench.services.lookups import find_meeting, find_meeting_candidate
from workbench.services.meeting_views import meeting_views
from workbench.services.meeting_warnings import meeting_warnings, our_hours, vendor_of
from workbench.services.meetings import insert_meeting, their_people
from workbench.services.members import find_active_member
from workbench.services.selections import find_selection, load_questions
from workbench.services.series import extend_series, list_series, schedule_result
from workbench.services.typed_times import domain_error, read_time, read_until
from workbench.services.validate import check_choice, check_count, check_duration, check_one_line, check_timezone
from workbench.services.views.meetings import MeetingView
from workbench.services.views.schedule import FitView, ResolvedTime, ScheduleResult, SeriesView
from workbench.store.models import Candidate, Meeting, MeetingSeries, stored_id


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
        cand = find_meeting_candidate(session, stored_id(sel), candidate) if candidate not in (None, "") else None
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
        their_attendees: Sequence[str | Attendee] = (),
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
        sel_id = stored_id(sel)
        cand = find_meeting_candidate(session, sel_id, candidate)
        kind = check_choice(kind, MEETING_KINDS, field="--kind")
        zone = check_timezone(tz, field="--tz")
        duration = check_duration(duration)
        location = check_one_line(location, field="--location", max_length=1000)
        member_ids = list(dict.fromkeys(stored_id(find_active_member(session, sel_id, ref)) for ref in members))
        theirs = their_people(their_attendees)
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
                raise domain_error(exc, "--every") from None
            if (count is None) == (until is None):
                raise UserError("a series needs either --count N or --until DATE", field="--every")
            if count is not None:
                count = check_count(count)
            until_utc = None
            if until is not None:
                until_utc, until_note = read_until(until, zone, date_order=sel.date_order, now=now)
                notes.extend([until_note] if until_note else [])
            try:
                expansion = recurrence.expand(wall, zone, freq, interval, count=count, until_utc=until_utc, fold=fold)
            except (timezones.NonexistentTime, timezones.AmbiguousTime) as exc:
                raise domain_error(exc, "--at") from None
            except ValueError as exc:  # the series' length: too many meetings, none before the until, past 2999
                raise domain_error(exc, "--count" if count is not None else "--until") from None
            if not expansion.occurrences:
                raise UserError("the series has no occurrence before --until", field="--until")
            notes.extend(expansion.skipped)
            series = MeetingSeries(
                selection_id=sel_id,
                candidate_id=stored_id(cand),
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
        agenda = [q.id for q in load_questions(session, sel_id, kind=kind)]
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
                their_attendees=theirs,
                series_id=series_id,
                index=index if series_id else None,
            )
            made.append((row, warnings))
        session.flush()
        return schedule_result(session, sel, cand, made, series_id, notes)

    @unit_of_work(write=True)
    def extend(
        self,
        session: Session,
        series_id: int | str,
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
        return extend_series(session, series_id, count=count, until=until, fold=fold, now=now)

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
                    select(Meeting).where(col(Meeting.series_id) == meeting.series_id, col(Meeting.status) == "planned")
                ).all()
            )
            parent = session.get(MeetingSeries, meeting.series_id)
            if parent is not None:
                parent.status = "cancelled"
                session.add(parent)
        now = utcnow()
        for row in rows:
            if row.status != "cancelled":
                row.status, row.sequence, row.updated_at = "cancelled", row.sequence + 1, now
                session.add(row)
        session.flush()
        names = {
            stored_id(c): c.name
            for c in session.exec(select(Candidate).where(col(Candidate.id).in_({r.candidate_id for r in rows}))).all()
        }
        return meeting_views(session, [(r, names[r.candidate_id]) for r in rows], with_agenda=False)

    @unit_of_work(write=False)
    def series(self, session: Session, *, selection: str | int | None = None) -> list[SeriesView]:
        """The selection's series with their meetings."""
        return list_series(session, selection)

    @unit_of_work(write=False)
    def fit(self, session: Session, *, selection: str | int | None = None, start: date | None = None) -> list[FitView]:
        """Hours per week our business hours overlap each vendor's support hours, over 12 months.

        Ours are the selection's hours on its working days in its zone; each vendor's are its support
        hours (overnight ones too) on its working days in its zone; clock changes on both sides count.
        """
        sel = find_selection(session, selection)
        start = start or utcnow().astimezone(ZoneInfo(sel.timezone)).date()
        ours = our_hours(sel)
        out = []
        for cand in session.exec(
            select(Candidate).where(col(Candidate.selection_id) == sel.id).order_by(col(Candidate.name))
        ).all():
            cid = stored_id(cand)
            theirs = vendor_of(cand.name, cand.timezone, cand.support_hours, cand.working_days).hours
            if ours is None or theirs is None:
                out.append(FitView(cid, cand.name, cand.timezone, cand.support_hours, None, None, None))
                continue
            fit = timezones.weekly_overlap(ours, sel.timezone, theirs, cand.timezone, start=start, days=365)
            out.append(
                FitView(
                    cid,
                    cand.name,
                    cand.timezone,
                    cand.support_hours,
                    fit.min_weekly_hours,
                    fit.typical_weekly_hours,
                    fit.max_weekly_hours,
                )
            )
        return out
