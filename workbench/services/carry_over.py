"""Carry-over: a meeting's knowledge gaps and unanswered questions become agenda items of the next meeting."""

from __future__ import annotations

from sqlalchemy import and_, func, select
from sqlmodel import Session, col

from workbench.services.views.interview import CarryOver
from workbench.store.locks import lock_meeting
from workbench.store.models import AgendaItem, CarriedGap, Criterion, Meeting, Note, Question, Score, stored_id

FOLLOW_UP_PREFIX = "Follow-up on a knowledge gap: "


def next_meeting(session: Session, meeting: Meeting) -> Meeting | None:
    """The meeting that takes what this one carries over, or None.

    "Next" is the first *planned* meeting after this one (by start, then number) of the same
    recurring series; for a meeting outside any recurring series, or when its series has no
    planned meeting left, it is the candidate's first planned meeting after this one (the
    candidate's meetings are the selection's series of structured meetings with that vendor).
    Held and cancelled meetings never take carried-over items.
    """
    later = and_(
        col(Meeting.candidate_id) == meeting.candidate_id,
        col(Meeting.status) == "planned",
        col(Meeting.id) != meeting.id,
        (col(Meeting.start_utc) > meeting.start_utc)
        | and_(col(Meeting.start_utc) == meeting.start_utc, col(Meeting.id) > meeting.id),
    )
    order = (col(Meeting.start_utc), col(Meeting.id))
    if meeting.series_id is not None:
        row: Meeting | None = (
            session.execute(
                select(Meeting).where(later, col(Meeting.series_id) == meeting.series_id).order_by(*order).limit(1)
            )
            .scalars()
            .first()
        )
        if row is not None:
            return row
    found: Meeting | None = session.execute(select(Meeting).where(later).order_by(*order).limit(1)).scalars().first()
    return found


def carry_over(session: Session, meeting: Meeting) -> CarryOver:
    """Append the meeting's unanswered questions and knowledge-gap follow-ups to the next meeting's agenda.

    See ``InterviewService.carry_over``; runs in the caller's unit of work, ``meeting`` locked.
    """
    target = next_meeting(session, meeting)
    if target is None:
        return CarryOver(
            from_meeting_id=stored_id(meeting), next_meeting_id=None, added_question_ids=(), follow_up_question_ids=()
        )
    target = (
        lock_meeting(session, stored_id(target)) or target
    )  # two carry-overs into one meeting take turns (PostgreSQL)
    agenda = session.execute(
        select(col(AgendaItem.question_id), col(Question.criterion_id))
        .join(Question, col(Question.id) == col(AgendaItem.question_id))
        .where(col(AgendaItem.meeting_id) == meeting.id)
        .order_by(col(AgendaItem.position), col(AgendaItem.id))
    ).all()
    answered = set(
        session.execute(select(col(Score.question_id)).where(col(Score.meeting_id) == meeting.id).distinct()).scalars()
    )
    wanted = [qid for qid, _ in agenda if qid not in answered]
    created = _follow_ups(session, meeting, dict(agenda), agenda[0][1] if agenda else None)
    wanted += [qid for qid, _ in created]
    present = set(
        session.execute(select(col(AgendaItem.question_id)).where(col(AgendaItem.meeting_id) == target.id)).scalars()
    )
    position = session.execute(
        select(func.max(col(AgendaItem.position))).where(col(AgendaItem.meeting_id) == target.id)
    ).scalar()
    position = -1 if position is None else position
    added: list[int] = []
    for qid in dict.fromkeys(wanted):
        if qid in present:
            continue
        position += 1
        session.add(
            AgendaItem(
                meeting_id=stored_id(target), question_id=qid, position=position, carried_from=stored_id(meeting)
            )
        )
        added.append(qid)
    session.flush()
    return CarryOver(
        from_meeting_id=stored_id(meeting),
        next_meeting_id=target.id,
        added_question_ids=tuple(added),
        follow_up_question_ids=tuple(qid for qid, fresh in created if fresh),
    )


def _follow_ups(
    session: Session, meeting: Meeting, criteria: dict[int, int], fallback: int | None
) -> list[tuple[int, bool]]:
    """The follow-up question of each knowledge gap of the meeting: (question id, created now)."""
    gaps = session.execute(
        select(Note, col(CarriedGap.question_id))
        .outerjoin(CarriedGap, col(CarriedGap.note_id) == col(Note.id))
        .where(col(Note.meeting_id) == meeting.id, col(Note.kind) == "gap")
        .order_by(col(Note.created_at), col(Note.id))
    ).all()
    if not gaps:
        return []
    if fallback is None:
        fallback = session.execute(
            select(col(Criterion.id))
            .where(col(Criterion.selection_id) == meeting.selection_id)
            .order_by(col(Criterion.position), col(Criterion.id))
            .limit(1)
        ).scalar()
    top = session.execute(
        select(func.max(col(Question.position))).where(col(Question.selection_id) == meeting.selection_id)
    ).scalar()
    top = 0 if top is None else top
    when = meeting.start_utc
    out: list[tuple[int, bool]] = []
    for note, carried in gaps:
        if carried is not None:
            out.append((carried, False))
            continue
        criterion = criteria.get(note.question_id or -1, fallback)
        if criterion is None:  # a selection without criteria has nothing to file the question under
            continue
        top += 1
        question = Question(
            selection_id=meeting.selection_id,
            criterion_id=criterion,
            text=FOLLOW_UP_PREFIX + note.text,
            guidance=(
                f"Carried over from meeting {meeting.id} ({meeting.kind}, {when:%d %b %Y}), where the vendor "
                "could not answer it. A good answer now is specific and backed by evidence."
            ),
            position=top,
        )
        session.add(question)
        session.flush()
        session.add(CarriedGap(note_id=stored_id(note), question_id=stored_id(question)))
        out.append((stored_id(question), True))
    return out
