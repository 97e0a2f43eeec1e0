"""Meetings: schedule one in a time zone, with its agenda and panel; list, show, change its status."""

from __future__ import annotations

import uuid
from collections.abc import Iterable, Sequence
from datetime import datetime

from sqlmodel import Session

from workbench.domain.attendees import Attendee, check_email, encode
from workbench.domain.timezones import FOLDS, AmbiguousTime, NonexistentTime, resolve_local, to_zone
from workbench.domain.vocabulary import MEETING_KINDS, MEETING_STATUSES
from workbench.services.base import Service, clean_text, unit_of_work, utcnow
from workbench.services.errors import UserError
from workbench.services.lookups import candidate_filter, find_meeting, find_meeting_candidate
from workbench.services.meeting_views import meeting_view, meeting_views
from workbench.services.members import find_active_member
from workbench.services.selections import find_selection, load_questions
from workbench.services.validate import (
    check_choice,
    check_date_range,
    check_duration,
    check_one_line,
    check_timezone,
)
from workbench.services.views.meetings import MeetingView
from workbench.store.lookups import selection_meetings
from workbench.store.models import AgendaItem, Candidate, Meeting, MeetingMember, Selection, stored_id

UID_DOMAIN = "vendor-interview-workbench"


def local_to_utc(wall: datetime, zone_name: str, *, fold: str | None = None, field: str = "--at") -> datetime:
    """Interpret a naive wall-clock time in an IANA zone and return it as aware UTC.

    A thin wrapper over :func:`workbench.domain.timezones.resolve_local` that
    answers its clock-change errors as user errors naming the input.

    Args:
        wall: the local time, naive.
        zone_name: the IANA zone it is local to.
        fold: "earlier" or "later", to choose between the two instants of an
            ambiguous time (when the clocks go back); ignored otherwise.
        field: the input named in error messages.

    Returns:
        The instant, aware, in UTC.

    Raises:
        UserError: the time does not exist (a clock-change gap; the message proposes
            the first valid time), or it is ambiguous and ``fold`` is not given.
    """
    if wall.tzinfo is not None:
        raise UserError("give the local wall time without an offset; it is local to the time zone", field=field)
    if fold is not None and fold not in FOLDS:
        raise UserError(f"{fold!r} is not one of {', '.join(FOLDS)}", field="--fold")
    check_date_range(wall, field=field)
    try:
        return resolve_local(wall, zone_name, fold=fold)
    except NonexistentTime as gap:
        raise UserError(
            f"{wall:%Y-%m-%d %H:%M} does not exist in {zone_name} (the clocks go forward); "
            f"the first valid time after it is {gap.first_valid:%Y-%m-%d %H:%M}",
            field=field,
        ) from None
    except AmbiguousTime as twice:
        a, b = twice.earlier_utc, twice.later_utc
        first, second = to_zone(a, zone_name).tzname(), to_zone(b, zone_name).tzname()
        raise UserError(
            f"{wall:%Y-%m-%d %H:%M} happens twice in {zone_name} (the clocks go back): "
            f"add --fold earlier ({first}, {a:%H:%M} UTC) or --fold later ({second}, {b:%H:%M} UTC)",
            field=field,
        ) from None
    except ValueError as error:
        raise UserError(str(error), field=field) from None


def their_people(values: Iterable[str | Attendee]) -> str:
    """The vendor's attendees as stored (see ``domain/attendees.py``): each part checked, empty names left out.

    A plain string is a name alone; an ``Attendee`` brings a role and an e-mail too.
    """
    people = []
    for value in values:
        person = value if isinstance(value, Attendee) else Attendee(str(value))
        name = clean_text(person.name, field="their_attendees", max_length=200)  # one line: stored one a line
        if not name:
            continue
        role = clean_text(person.role, field="their_attendees role", max_length=200)
        email = clean_text(person.email, field="their_attendees e-mail", max_length=254)
        try:
            check_email(email)
        except ValueError as exc:
            raise UserError(str(exc), field="their_attendees e-mail") from None
        people.append(Attendee(name, role, email))
    return encode(people)


def insert_meeting(
    session: Session,
    sel: Selection,
    cand: Candidate,
    *,
    kind: str,
    start: datetime,
    zone: str,
    minutes: int,
    location: str,
    member_ids: Sequence[int],
    agenda: Sequence[int],
    their_attendees: str = "",
    status: str = "planned",
    series_id: int | None = None,
    index: int | None = None,
) -> Meeting:
    """Store one meeting with its agenda and our attendees (in the caller's unit of work)."""
    now = utcnow()
    meeting = Meeting(
        selection_id=stored_id(sel),
        candidate_id=stored_id(cand),
        kind=kind,
        start_utc=start,
        timezone=zone,
        duration_minutes=minutes,
        location=location,
        their_attendees=their_attendees,
        status=status,
        uid=f"{uuid.uuid4()}@{UID_DOMAIN}",
        sequence=0,
        series_id=series_id,
        series_index=index,
        created_at=now,
        updated_at=now,
    )
    session.add(meeting)
    session.flush()
    mid = stored_id(meeting)
    for pos, qid in enumerate(agenda):
        session.add(AgendaItem(meeting_id=mid, question_id=qid, position=pos))
    for member_id in member_ids:
        session.add(MeetingMember(meeting_id=mid, member_id=member_id))
    return meeting


def add_meeting(
    session: Session,
    *,
    candidate: str | int,
    kind: str,
    start_local: datetime,
    timezone: str,
    duration_minutes: int = 60,
    members: Sequence[str] = (),
    location: str = "",
    their_attendees: Sequence[str | Attendee] = (),
    status: str = "planned",
    fold: str | None = None,
    selection: str | int | None = None,
) -> MeetingView:
    """Schedule a meeting in the caller's unit of work; its agenda is the selection's questions for its kind.

    Args:
        candidate: the candidate's name or id.
        kind: one of MEETING_KINDS.
        start_local: the naive wall time, local to ``timezone`` (a clock-change gap or fold is refused).
        timezone: an IANA zone name.
        duration_minutes: 1 to 1440.
        members: our attendees, panel members by name.
        location: a place or a link.
        their_attendees: the vendor's attendees.
        status: one of MEETING_STATUSES.
        fold: "earlier"/"later" for a wall time that happens twice.
        selection: the selection's name or id (may be left out when there is one).

    Returns:
        The meeting with its agenda.
    """
    sel = find_selection(session, selection)
    sel_id = stored_id(sel)
    cand = find_meeting_candidate(session, sel_id, candidate)
    kind = check_choice(kind, MEETING_KINDS, field="--kind")
    status = check_choice(status, MEETING_STATUSES, field="--status")
    zone = check_timezone(timezone, field="--tz")
    if not isinstance(start_local, datetime):
        raise UserError("a date and time is required", field="--at")
    start = local_to_utc(start_local, zone, fold=fold)
    duration_minutes = check_duration(duration_minutes)
    location = check_one_line(location, field="--location", max_length=1000)
    member_ids = list(dict.fromkeys(stored_id(find_active_member(session, sel_id, ref)) for ref in members))
    agenda = [q.id for q in load_questions(session, sel_id, kind=kind)]
    meeting = insert_meeting(
        session,
        sel,
        cand,
        kind=kind,
        start=start,
        zone=zone,
        minutes=duration_minutes,
        location=location,
        member_ids=member_ids,
        agenda=agenda,
        their_attendees=their_people(their_attendees),
        status=status,
    )
    session.flush()
    return meeting_views(session, [(meeting, cand.name)])[0]


def set_meeting_status(session: Session, meeting_id: str | int, status: str) -> MeetingView:
    """Mark a meeting planned, held or cancelled in the caller's unit of work; bumps its calendar sequence."""
    meeting = find_meeting(session, meeting_id)
    status = check_choice(status, MEETING_STATUSES, field="--status")
    if meeting.status != status:
        meeting.status = status
        meeting.sequence += 1
        meeting.updated_at = utcnow()
        session.add(meeting)
        session.flush()
    return meeting_view(session, meeting)


class MeetingService(Service):
    """Schedule, list, show and cancel meetings."""

    @unit_of_work(write=True)
    def add(
        self,
        session: Session,
        *,
        candidate: str | int,
        kind: str,
        start_local: datetime,
        timezone: str,
        duration_minutes: int = 60,
        members: Sequence[str] = (),
        location: str = "",
        their_attendees: Sequence[str | Attendee] = (),
        status: str = "planned",
        fold: str | None = None,
        selection: str | int | None = None,
    ) -> MeetingView:
        """Schedule a meeting; its agenda is the selection's questions for its kind (see ``add_meeting``)."""
        return add_meeting(
            session,
            candidate=candidate,
            kind=kind,
            start_local=start_local,
            timezone=timezone,
            duration_minutes=duration_minutes,
            members=members,
            location=location,
            their_attendees=their_attendees,
            status=status,
            fold=fold,
            selection=selection,
        )

    @unit_of_work(write=False)
    def list(
        self,
        session: Session,
        *,
        selection: str | int | None = None,
        candidate: str | int | None = None,
        include_cancelled: bool = True,
        with_agenda: bool = True,
    ) -> list[MeetingView]:
        """The selection's meetings in start order.

        Args:
            selection: the selection's name or id (may be left out when there is one).
            candidate: only this candidate's meetings (name or id).
            include_cancelled: include cancelled meetings.
            with_agenda: load the agendas too (one more query).

        Returns:
            The meetings, earliest first.
        """
        sel_id = stored_id(find_selection(session, selection))
        rows = selection_meetings(
            session,
            sel_id,
            candidate_id=candidate_filter(session, sel_id, candidate),
            include_cancelled=include_cancelled,
        )
        return meeting_views(session, [(r.meeting, r.candidate) for r in rows], with_agenda=with_agenda)

    @unit_of_work(write=False)
    def get(self, session: Session, meeting_id: str | int) -> MeetingView:
        """One meeting with its agenda; NotFound naming MEETING when there is none."""
        return meeting_view(session, find_meeting(session, meeting_id))

    @unit_of_work(write=True)
    def set_status(self, session: Session, meeting_id: str | int, status: str) -> MeetingView:
        """Mark a meeting planned, held or cancelled; bumps its calendar sequence.

        Returns:
            The meeting as stored now.
        """
        return set_meeting_status(session, meeting_id, status)

    def cancel(self, meeting_id: str | int) -> MeetingView:
        """Cancel a meeting (its scores and notes are kept)."""
        return self.set_status(meeting_id, "cancelled")
