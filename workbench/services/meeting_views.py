"""Views of meetings: each with its agenda and our attendees, read in batched queries."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from sqlalchemy import select as sa_select
from sqlmodel import Session, col, select

from workbench.domain.attendees import decode
from workbench.services.views.meetings import AgendaItemView, MeetingView
from workbench.store.models import (
    AgendaItem,
    Candidate,
    Criterion,
    Meeting,
    MeetingMember,
    PanelMember,
    Question,
    stored_id,
)


def _agendas(session: Session, meeting_ids: Sequence[int]) -> dict[int, list[AgendaItemView]]:
    if not meeting_ids:
        return {}
    rows = session.execute(  # seven columns: SQLAlchemy's select (SQLModel's types up to four)
        sa_select(
            col(AgendaItem.meeting_id),
            col(AgendaItem.position),
            col(AgendaItem.question_id),
            col(Question.criterion_id),
            col(Criterion.name),
            col(Question.text),
            col(Question.guidance),
        )
        .join(Question, col(Question.id) == col(AgendaItem.question_id))
        .join(Criterion, col(Criterion.id) == col(Question.criterion_id))
        .where(col(AgendaItem.meeting_id).in_(meeting_ids))
        .order_by(col(AgendaItem.meeting_id), col(AgendaItem.position), col(AgendaItem.id))
    ).all()
    out: dict[int, list[AgendaItemView]] = {}
    for mid, pos, qid, cid, cname, text, guidance in rows:
        out.setdefault(mid, []).append(
            AgendaItemView(
                question_id=qid,
                position=pos,
                criterion_id=cid,
                criterion=cname,
                text=text,
                guidance=guidance,
            )
        )
    return out


def _members(session: Session, meeting_ids: Sequence[int]) -> dict[int, list[str]]:
    if not meeting_ids:
        return {}
    rows = session.exec(
        select(col(MeetingMember.meeting_id), col(PanelMember.name))
        .join(PanelMember, col(PanelMember.id) == col(MeetingMember.member_id))
        .where(col(MeetingMember.meeting_id).in_(meeting_ids))
        .order_by(col(MeetingMember.meeting_id), col(PanelMember.name))
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
    views = []
    for m, cname in pairs:
        mid = stored_id(m)
        people = decode(m.their_attendees)
        views.append(
            MeetingView(
                id=mid,
                selection_id=m.selection_id,
                candidate_id=m.candidate_id,
                candidate=cname,
                kind=m.kind,
                start_utc=m.start_utc,
                timezone=m.timezone,
                duration_minutes=m.duration_minutes,
                location=m.location,
                their_attendees=tuple(p.name for p in people),
                status=m.status,
                uid=m.uid,
                sequence=m.sequence,
                members=tuple(members.get(mid, ())),
                agenda=tuple(agendas.get(mid, ())),
                series_id=m.series_id,
                series_index=m.series_index,
                updated_at=m.updated_at,
                their_people=people,
            )
        )
    return views


def meeting_view(session: Session, meeting: Meeting, with_agenda: bool = True) -> MeetingView:
    """The view of one meeting (its agenda too unless ``with_agenda`` is False)."""
    cname = session.exec(select(col(Candidate.name)).where(col(Candidate.id) == meeting.candidate_id)).one()
    return meeting_views(session, [(meeting, cname)], with_agenda=with_agenda)[0]
