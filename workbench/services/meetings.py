"""Meetings: schedule one in a time zone, with its agenda and panel; list, show, cancel."""

from __future__ import annotations

import uuid
from collections.abc import Iterable, Sequence
from datetime import datetime

from sqlmodel import Session, col, select

from workbench.domain.timezones import FOLDS, AmbiguousTime, NonexistentTime, resolve_local, to_zone
from workbench.services.base import Service, clean_text, parse_ref, unit_of_work, utcnow
from workbench.services.errors import NotFound, UserError
from workbench.services.members import find_member
from workbench.services.selections import find_selection, load_questions
from workbench.services.validate import MEETING_KINDS, MEETING_STATUSES, check_choice, check_timezone
from workbench.services.views.meetings import AgendaItemView, MeetingView
from workbench.store.models import (
    AgendaItem,
    Candidate,
    Criterion,
    Meeting,
    MeetingMember,
    PanelMember,
    Question,
    Selection,
)

UID_DOMAIN = "vendor-interview-workbench"
MAX_DURATION = 24 * 60


def find_candidate(session: Session, selection_id: int, ref: str | int) -> Candidate:
    """The candidate named (any case) or numbered ``ref`` in the selection.

    Raises:
        NotFound: no such candidate (field ``--candidate``).
    """
    number, text = parse_ref(ref)
    rows = session.exec(select(Candidate).where(Candidate.selection_id == selection_id)).all()
    for row in rows:
        if row.name == text:
            return row
    lowered = text.casefold()
    for row in rows:
        if row.name.casefold() == lowered:
            return row
    for row in rows:
        if number is not None and row.id == number:
            return row
    raise NotFound(f"no candidate named or numbered {text!r} in this selection", field="--candidate")


def meeting_id_of(value: str | int, *, field: str = "MEETING") -> int:
    """A meeting number from user input; UserError naming ``field`` when it is not one."""
    number, text = parse_ref(value)
    if number is None:
        raise UserError(f"{text!r} is not a meeting number", field=field)
    return number


def find_meeting(session: Session, meeting_id: str | int) -> Meeting:
    """The meeting numbered ``meeting_id``; NotFound naming MEETING otherwise."""
    number = meeting_id_of(meeting_id)
    row = session.get(Meeting, number)
    if row is None:
        raise NotFound(f"no meeting numbered {number}", field="MEETING")
    return row


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


def _agendas(session: Session, meeting_ids: Sequence[int]) -> dict[int, list[AgendaItemView]]:
    if not meeting_ids:
        return {}
    rows = session.exec(
        select(
            AgendaItem.meeting_id,
            AgendaItem.position,
            Question.id,
            Question.criterion_id,
            Criterion.name,
            Question.text,
            Question.guidance,
        )
        .join(Question, col(Question.id) == AgendaItem.question_id)
        .join(Criterion, col(Criterion.id) == Question.criterion_id)
        .where(col(AgendaItem.meeting_id).in_(meeting_ids))
        .order_by(AgendaItem.meeting_id, AgendaItem.position, AgendaItem.id)
    ).all()
    out: dict[int, list[AgendaItemView]] = {}
    for mid, pos, qid, cid, cname, text, guidance in rows:
        out.setdefault(mid, []).append(
            AgendaItemView(
                question_id=qid, position=pos, criterion_id=cid, criterion=cname, text=text, guidance=guidance
            )
        )
    return out


def _members(session: Session, meeting_ids: Sequence[int]) -> dict[int, list[str]]:
    if not meeting_ids:
        return {}
    rows = session.exec(
        select(MeetingMember.meeting_id, PanelMember.name)
        .join(PanelMember, col(PanelMember.id) == MeetingMember.member_id)
        .where(col(MeetingMember.meeting_id).in_(meeting_ids))
        .order_by(MeetingMember.meeting_id, PanelMember.name)
    ).all()
    out: dict[int, list[str]] = {}
    for mid, name in rows:
        out.setdefault(mid, []).append(name)
    return out


def meeting_views(
    session: Session, rows: Iterable[tuple[Meeting, str]], *, with_agenda: bool = True
) -> list[MeetingView]:
    """Views of meetings given as (meeting, candidate name) pairs, in two batched queries."""
    pairs = list(rows)
    ids = [m.id for m, _ in pairs if m.id is not None]
    agendas = _agendas(session, ids) if with_agenda else {}
    members = _members(session, ids)
    return [
        MeetingView(
            id=m.id,
            selection_id=m.selection_id,
            candidate_id=m.candidate_id,
            candidate=cname,
            kind=m.kind,
            start_utc=m.start_utc,
            timezone=m.timezone,
            duration_minutes=m.duration_minutes,
            location=m.location,
            their_attendees=tuple(a for a in m.their_attendees.split("\n") if a),
            status=m.status,
            uid=m.uid,
            sequence=m.sequence,
            members=tuple(members.get(m.id, ())),
            agenda=tuple(agendas.get(m.id, ())),
            series_id=m.series_id,
            series_index=m.series_index,
            updated_at=m.updated_at,
        )
        for m, cname in pairs
    ]


def meeting_view(session: Session, meeting: Meeting, with_agenda: bool = True) -> MeetingView:
    """The view of one meeting (its agenda too unless ``with_agenda`` is False)."""
    cname = session.exec(select(Candidate.name).where(Candidate.id == meeting.candidate_id)).one()
    return meeting_views(session, [(meeting, cname)], with_agenda=with_agenda)[0]


def _attendees(values: Iterable[str]) -> str:
    names = []
    for value in values:
        name = clean_text(value, field="their_attendees", max_length=200)
        if "\n" in name or "\r" in name:
            raise UserError("an attendee's name must be on one line", field="their_attendees")
        if name:
            names.append(name)
    return "\n".join(names)


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
        selection_id=sel.id,
        candidate_id=cand.id,
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
    for pos, qid in enumerate(agenda):
        session.add(AgendaItem(meeting_id=meeting.id, question_id=qid, position=pos))
    for member_id in member_ids:
        session.add(MeetingMember(meeting_id=meeting.id, member_id=member_id))
    return meeting


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
        their_attendees: Sequence[str] = (),
        status: str = "planned",
        fold: str | None = None,
        selection: str | int | None = None,
    ) -> MeetingView:
        """Schedule a meeting; its agenda is the selection's questions for its kind.

        Args:
            candidate: the candidate's name or id.
            kind: one of MEETING_KINDS.
            start_local: the naive wall time, local to ``timezone``.
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
        cand = find_candidate(session, sel.id, candidate)
        kind = check_choice(kind, MEETING_KINDS, field="--kind")
        status = check_choice(status, MEETING_STATUSES, field="--status")
        zone = check_timezone(timezone, field="--tz")
        if not isinstance(start_local, datetime):
            raise UserError("a date and time is required", field="--at")
        start = local_to_utc(start_local, zone, fold=fold)
        if (
            isinstance(duration_minutes, bool)
            or not isinstance(duration_minutes, int)
            or not 1 <= duration_minutes <= MAX_DURATION
        ):
            raise UserError(
                f"{duration_minutes!r} is not a whole number of minutes from 1 to {MAX_DURATION}", field="--duration"
            )
        location = clean_text(location, field="--location", max_length=1000)
        if "\n" in location or "\r" in location:
            raise UserError("must be on one line", field="--location")
        member_rows: dict[int, PanelMember] = {}
        for ref in members:
            row = find_member(session, sel.id, ref)
            member_rows.setdefault(row.id, row)
        agenda = [q.id for q in load_questions(session, sel.id, kind=kind)]
        meeting = insert_meeting(
            session,
            sel,
            cand,
            kind=kind,
            start=start,
            zone=zone,
            minutes=duration_minutes,
            location=location,
            member_ids=list(member_rows),
            agenda=agenda,
            their_attendees=_attendees(their_attendees),
            status=status,
        )
        session.flush()
        return meeting_views(session, [(meeting, cand.name)])[0]

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
        sel = find_selection(session, selection)
        stmt = (
            select(Meeting, Candidate.name)
            .join(Candidate, col(Candidate.id) == Meeting.candidate_id)
            .where(Meeting.selection_id == sel.id)
            .order_by(Meeting.start_utc, Meeting.id)
        )
        if candidate is not None and str(candidate).strip():
            stmt = stmt.where(Meeting.candidate_id == find_candidate(session, sel.id, candidate).id)
        if not include_cancelled:
            stmt = stmt.where(Meeting.status != "cancelled")
        return meeting_views(session, session.exec(stmt).all(), with_agenda=with_agenda)

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
        meeting = find_meeting(session, meeting_id)
        status = check_choice(status, MEETING_STATUSES, field="--status")
        if meeting.status != status:
            meeting.status = status
            meeting.sequence += 1
            meeting.updated_at = utcnow()
            session.add(meeting)
            session.flush()
        return meeting_view(session, meeting)

    def cancel(self, meeting_id: str | int) -> MeetingView:
        """Cancel a meeting (its scores and notes are kept)."""
        return self.set_status(meeting_id, "cancelled")
