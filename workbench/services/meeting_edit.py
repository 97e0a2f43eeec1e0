"""Change a meeting: reschedule it (alone, or with the following occurrences of its series), change its
attendees (ours and theirs), its length or location; delete a planned one that holds nothing yet.

A new time is read as the scheduler reads one (``typed_times.read_time``): typed in the meeting's
zone, or in ``tz`` when given; a wall time in a clock-change gap is refused with the first valid
time, one that happens twice needs ``fold``. ``tz`` alone keeps the meeting's wall time and reads it
in the new zone (the meeting was entered in the wrong zone). With ``following``, the occurrences of
the series from this one on move by the same wall-clock step, each read in its own zone. Every
changed meeting's calendar sequence is raised, so a calendar that imported it takes the new time.

Our attendees removed from a meeting keep the scores and notes they typed (nothing is deleted);
those scores are shown as from a member who is not on the meeting.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlmodel import Session, col, delete, func, select

from workbench.domain import timezones
from workbench.domain.attendees import Attendee
from workbench.services.base import utcnow
from workbench.services.errors import UserError
from workbench.services.lookups import find_meeting
from workbench.services.meeting_warnings import meeting_warnings
from workbench.services.meetings import their_people
from workbench.services.members import find_active_member, find_member
from workbench.services.series import schedule_result
from workbench.services.typed_times import domain_error, read_time
from workbench.services.validate import check_duration, check_one_line, check_timezone
from workbench.services.views.schedule import ScheduleResult
from workbench.store.models import (
    Candidate,
    Meeting,
    MeetingMember,
    MeetingSeries,
    Note,
    Score,
    Scorecard,
    Selection,
    stored_id,
)


@dataclass(frozen=True, slots=True)
class MeetingChanges:
    """What to change; None leaves a field as it is (an empty list of attendees clears them)."""

    at: str | None = None
    tz: str | None = None
    duration: int | None = None
    members: Sequence[str] | None = None
    their_attendees: Sequence[str | Attendee] | None = None
    location: str | None = None
    fold: str | None = None
    following: bool = False

    @property
    def moves(self) -> bool:
        return self.at is not None or self.tz is not None

    @property
    def changes_something(self) -> bool:
        others = (self.duration, self.members, self.their_attendees, self.location)
        return self.moves or any(value is not None for value in others)


def _wall(meeting: Meeting) -> datetime:
    return timezones.to_zone(meeting.start_utc, meeting.timezone).replace(tzinfo=None)


def _resolve(wall: datetime, zone: str, fold: str | None, meeting: Meeting, *, first: bool) -> datetime:
    try:
        return timezones.resolve_local(wall, zone, fold=fold)
    except ValueError as exc:
        if first:
            raise domain_error(exc, "--at") from None
        raise UserError(f"meeting {meeting.id}: {exc}", field="--at") from None


def _occurrences(session: Session, meeting: Meeting, following: bool) -> list[Meeting]:
    if not following:
        return [meeting]
    if meeting.series_id is None:
        raise UserError(f"meeting {meeting.id} is not part of a series", field="--following")
    rows = session.exec(
        select(Meeting)
        .where(
            col(Meeting.series_id) == meeting.series_id,
            col(Meeting.series_index) >= (meeting.series_index or 0),
            col(Meeting.status) == "planned",
        )
        .order_by(col(Meeting.series_index))
    ).all()
    return [meeting, *(r for r in rows if r.id != meeting.id)]


def edit_meeting(
    session: Session, meeting_id: str | int, changes: MeetingChanges, *, now: datetime | None = None
) -> ScheduleResult:
    """Change a meeting (or it and the following occurrences of its series) in the caller's unit of work.

    Returns:
        The changed meetings with their times in both zones and their warnings (as when scheduled).

    Raises:
        UserError: the meeting is cancelled, or held and a new time is asked; a refused time,
            zone, length, member, attendee or location (naming the field); nothing was given to change.
    """
    now = now or utcnow()
    meeting = find_meeting(session, meeting_id)
    if not changes.changes_something:
        raise UserError(
            "nothing to change: give --at, --tz, --duration, --member, --their-attendee or --location", field="MEETING"
        )
    if meeting.status == "cancelled":
        raise UserError(f"meeting {meeting.id} is cancelled; it cannot be changed", field="MEETING")
    if changes.moves and meeting.status != "planned":
        raise UserError(f"meeting {meeting.id} was {meeting.status}; its time cannot change", field="--at")
    sel = session.get(Selection, meeting.selection_id)
    cand = session.get(Candidate, meeting.candidate_id)
    if sel is None or cand is None:  # pragma: no cover - a meeting's rows cascade from both
        raise UserError(f"meeting {meeting.id} has lost its selection or candidate", field="MEETING")
    rows = _occurrences(session, meeting, changes.following)
    zone = check_timezone(changes.tz, field="--tz") if changes.tz is not None else meeting.timezone
    duration = check_duration(changes.duration) if changes.duration is not None else None
    location = (
        check_one_line(changes.location, field="--location", max_length=1000) if changes.location is not None else None
    )
    member_ids = (
        list(dict.fromkeys(_attendee_id(session, meeting, stored_id(sel), ref) for ref in changes.members))
        if changes.members is not None
        else None
    )
    theirs = their_people(changes.their_attendees) if changes.their_attendees is not None else None
    notes: list[str] = []
    starts: dict[int, datetime] = {}
    if changes.moves:
        if changes.at is not None and changes.at.strip():
            new_wall, first, note = read_time(changes.at, zone, date_order=sel.date_order, now=now, fold=changes.fold)
            notes.extend([note] if note else [])
        elif changes.at is not None:
            raise UserError("give the new start, e.g. '29 Mar 2027 10:00'", field="--at")
        else:
            new_wall = _wall(meeting)
            first = _resolve(new_wall, zone, changes.fold, meeting, first=True)
        step = new_wall - _wall(meeting)
        starts[stored_id(meeting)] = first
        for row in rows[1:]:
            starts[stored_id(row)] = _resolve(_wall(row) + step, zone, changes.fold, row, first=False)
        if changes.following and meeting.series_id is not None:
            _move_series(session, meeting.series_id, step, zone, duration)
    edited = [stored_id(r) for r in rows]
    made: list[tuple[Meeting, list[str]]] = []
    for row in rows:
        rid = stored_id(row)
        if rid in starts:
            row.start_utc, row.timezone = starts[rid], zone
        if duration is not None:
            row.duration_minutes = duration
        if location is not None:
            row.location = location
        if theirs is not None:
            row.their_attendees = theirs
        if member_ids is not None:
            session.exec(delete(MeetingMember).where(col(MeetingMember.meeting_id) == rid))
            for member_id in member_ids:
                session.add(MeetingMember(meeting_id=rid, member_id=member_id))
        row.sequence, row.updated_at = row.sequence + 1, now
        session.add(row)
    session.flush()
    for row in rows:
        attending = list(
            session.exec(select(col(MeetingMember.member_id)).where(col(MeetingMember.meeting_id) == row.id)).all()
        )
        others = [r for r in rows if r.id != row.id]
        warnings = meeting_warnings(
            session,
            sel,
            cand,
            row.start_utc,
            row.duration_minutes,
            attending,
            exclude=edited,
            extra=[(o.start_utc, o.duration_minutes) for o in others],
        )
        made.append((row, warnings))
    return schedule_result(session, sel, cand, made, meeting.series_id if changes.following else None, notes)


def _move_series(session: Session, series_id: int, step: timedelta, zone: str, duration: int | None) -> None:
    """The series' pattern moves too, so that occurrences added later keep the new time."""
    series = session.get(MeetingSeries, series_id)
    if series is None:  # pragma: no cover - the meeting's series_id is SET NULL when it goes
        return
    series.start_local = (datetime.fromisoformat(series.start_local) + step).isoformat()
    series.timezone = zone
    if duration is not None:
        series.duration_minutes = duration
    session.add(series)


def delete_meeting(session: Session, meeting_id: str | int) -> tuple[int, str, str]:
    """Delete a planned meeting that holds no score, note or scorecard (in the caller's unit of work).

    Returns:
        (the meeting's id, the candidate's name, its kind): what was deleted.

    Raises:
        UserError: the meeting is not planned, belongs to a series, or holds scores, notes or
            scorecards (cancel it instead: they are kept).
    """
    meeting = find_meeting(session, meeting_id)
    mid = stored_id(meeting)
    if meeting.status != "planned":
        raise UserError(f"meeting {mid} is {meeting.status}; only a planned meeting is deleted", field="MEETING")
    if meeting.series_id is not None:
        raise UserError(
            f"meeting {mid} is part of series {meeting.series_id}; cancel it instead (workbench meetings cancel {mid})",
            field="MEETING",
        )
    held: list[str] = []
    for model, what in ((Score, "score"), (Note, "note"), (Scorecard, "scorecard")):
        count = session.exec(select(func.count()).select_from(model).where(col(model.meeting_id) == mid)).one()
        if count:
            held.append(f"{count} {what}{'s' if count != 1 else ''}")
    if held:
        raise UserError(
            f"meeting {mid} has {', '.join(held)}; it cannot be deleted, cancel it instead (they are kept)",
            field="MEETING",
        )
    name = session.exec(select(col(Candidate.name)).where(col(Candidate.id) == meeting.candidate_id)).one()
    kind = meeting.kind
    session.delete(meeting)
    session.flush()
    return mid, name, kind


def _attendee_id(session: Session, meeting: Meeting, selection_id: int, ref: str | int) -> int:
    """A member named as an attendee: one already on the meeting stays even when retired since; a new one must
    not be retired (UserError naming --member)."""
    member = find_member(session, selection_id, ref)
    already = session.execute(
        select(MeetingMember.member_id).where(
            col(MeetingMember.meeting_id) == meeting.id, col(MeetingMember.member_id) == member.id
        )
    ).first()
    return stored_id(member if already is not None else find_active_member(session, selection_id, ref))
