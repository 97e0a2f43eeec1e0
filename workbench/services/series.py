"""Recurring meetings: a series' row, its extension by more occurrences, the list of series."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from sqlmodel import Session, col, select

from workbench.domain import recurrence, timezones
from workbench.services.base import id_of, utcnow
from workbench.services.errors import NotFound, UserError
from workbench.services.meeting_views import meeting_views
from workbench.services.meeting_warnings import meeting_warnings
from workbench.services.meetings import insert_meeting
from workbench.services.selections import find_selection, load_questions
from workbench.services.typed_times import domain_error, read_until
from workbench.services.validate import check_count
from workbench.services.views.schedule import ScheduledMeeting, ScheduleResult, SeriesView
from workbench.store.models import Candidate, Meeting, MeetingMember, MeetingSeries, Selection, stored_id


def schedule_result(
    session: Session,
    sel: Selection,
    cand: Candidate,
    made: Sequence[tuple[Meeting, list[str]]],
    series_id: int | None,
    notes: Sequence[str],
) -> ScheduleResult:
    """The stored meetings (with their warnings) as the scheduler answers: times in both zones."""
    views = meeting_views(session, [(m, cand.name) for m, _ in made])
    return ScheduleResult(
        meetings=tuple(
            ScheduledMeeting(
                meeting=v,
                ours=timezones.to_zone(v.start_utc, sel.timezone),
                theirs=timezones.to_zone(v.start_utc, cand.timezone),
                warnings=tuple(w),
            )
            for v, (_, w) in zip(views, made, strict=True)
        ),
        series_id=series_id,
        notes=tuple(notes),
    )


def extend_series(
    session: Session,
    series_id: int | str,
    *,
    count: int | None = None,
    until: str | None = None,
    fold: str | None = None,
    now: datetime | None = None,
) -> ScheduleResult:
    """Extend a series in the caller's unit of work (see ``SchedulingService.extend``)."""
    number = id_of(series_id, noun="series", field="SERIES")
    row = session.get(MeetingSeries, number)
    if row is None:
        raise NotFound(f"no series numbered {number}", field="SERIES")
    if row.status == "cancelled":
        raise UserError(f"series {row.id} is cancelled", field="SERIES")
    if (count is None) == (until is None):
        raise UserError("give either --count N (occurrences in all) or --until DATE", field="--count")
    sel = session.get(Selection, row.selection_id)
    cand = session.get(Candidate, row.candidate_id)
    if sel is None or cand is None:  # pragma: no cover - the series' rows cascade from both
        raise NotFound(f"series {row.id} has lost its selection or candidate", field="SERIES")
    existing = list(
        session.exec(select(Meeting).where(col(Meeting.series_id) == row.id).order_by(col(Meeting.series_index))).all()
    )
    notes: list[str] = []
    until_utc = None
    if until is not None:
        until_utc, note = read_until(until, row.timezone, date_order=sel.date_order, now=now or utcnow())
        notes.extend([note] if note else [])
    elif count is not None and check_count(count) <= len(existing):
        raise UserError(f"the series has {len(existing)} occurrences already; give a larger --count", field="--count")
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
        raise domain_error(exc, "--count" if count is not None else "--until") from None
    known = {m.series_index for m in existing}
    fresh = [o for o in expansion.occurrences if o.index not in known]
    if not fresh:
        raise UserError("that adds no occurrence to the series", field="--until" if until else "--count")
    member_ids = (
        list(
            session.exec(
                select(col(MeetingMember.member_id)).where(col(MeetingMember.meeting_id) == existing[-1].id)
            ).all()
        )
        if existing
        else []
    )
    agenda = [q.id for q in load_questions(session, stored_id(sel), kind=row.kind)]
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
    return schedule_result(session, sel, cand, made, row.id, notes)


def list_series(session: Session, selection: str | int | None) -> list[SeriesView]:
    """The selection's series with their meetings, in the caller's unit of work."""
    sel_id = stored_id(find_selection(session, selection))
    rows = session.exec(
        select(MeetingSeries, col(Candidate.name))
        .join(Candidate, col(Candidate.id) == col(MeetingSeries.candidate_id))
        .where(col(MeetingSeries.selection_id) == sel_id)
        .order_by(col(MeetingSeries.id))
    ).all()
    members: dict[int, list[int]] = {}
    for mid, sid in session.exec(
        select(col(Meeting.id), col(Meeting.series_id))
        .where(col(Meeting.selection_id) == sel_id, col(Meeting.series_id).is_not(None))
        .order_by(col(Meeting.series_index))
    ).all():
        if mid is not None and sid is not None:
            members.setdefault(sid, []).append(mid)
    return [
        SeriesView(
            id=stored_id(s),
            candidate=name,
            kind=s.kind,
            timezone=s.timezone,
            start_local=s.start_local,
            freq=s.freq,
            interval=s.interval,
            count=s.count,
            until_utc=s.until_utc,
            status=s.status,
            meeting_ids=tuple(members.get(stored_id(s), ())),
        )
        for s, name in rows
    ]
