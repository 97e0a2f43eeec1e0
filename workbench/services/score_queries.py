"""The statements that read scores: every score in report order, and the live path's validating SELECT."""

from __future__ import annotations

from typing import Any

from sqlalchemy import and_, bindparam, func, select
from sqlmodel import col

from workbench.store.models import AgendaItem, Candidate, Criterion, Meeting, PanelMember, Question, Score, Scorecard


def score_query() -> Any:
    """Every score with its meeting, candidate, criterion, member and scorecard, in report order."""
    return (
        select(
            col(Score.meeting_id),
            col(Meeting.candidate_id),
            col(Candidate.name),
            col(Score.question_id),
            col(Question.criterion_id),
            col(Criterion.name),
            col(Score.member_id),
            col(PanelMember.name),
            col(Score.value),
            col(Score.comment),
            col(Scorecard.submitted_at),
            col(Score.updated_at),
        )
        .select_from(Score)
        .join(Meeting, col(Meeting.id) == col(Score.meeting_id))
        .join(Candidate, col(Candidate.id) == col(Meeting.candidate_id))
        .join(Question, col(Question.id) == col(Score.question_id))
        .join(Criterion, col(Criterion.id) == col(Question.criterion_id))
        .join(PanelMember, col(PanelMember.id) == col(Score.member_id))
        .outerjoin(
            Scorecard,
            and_(col(Scorecard.meeting_id) == col(Score.meeting_id), col(Scorecard.member_id) == col(Score.member_id)),
        )
        .outerjoin(
            AgendaItem,
            and_(
                col(AgendaItem.meeting_id) == col(Score.meeting_id),
                col(AgendaItem.question_id) == col(Score.question_id),
            ),
        )
        .order_by(
            col(Score.meeting_id),
            func.coalesce(col(AgendaItem.position), col(Question.position)),
            col(PanelMember.name),
            col(Score.member_id),
            col(Score.question_id),
        )
    )


_SCORE_CHECK: Any = None


def score_check() -> Any:
    """The hot path's one validating SELECT, built once (parameters: mid, qid, name)."""
    global _SCORE_CHECK
    if _SCORE_CHECK is None:
        _SCORE_CHECK = (
            select(
                col(Meeting.status),
                col(Meeting.selection_id),
                col(Meeting.candidate_id),
                col(Candidate.name),
                col(AgendaItem.question_id),
                col(Question.criterion_id),
                col(Criterion.name),
                col(PanelMember.id),
                col(PanelMember.name),
                col(Scorecard.submitted_at),
            )
            .select_from(Meeting)
            .join(Candidate, col(Candidate.id) == col(Meeting.candidate_id))
            .outerjoin(
                AgendaItem,
                and_(col(AgendaItem.meeting_id) == col(Meeting.id), col(AgendaItem.question_id) == bindparam("qid")),
            )
            .outerjoin(Question, col(Question.id) == col(AgendaItem.question_id))
            .outerjoin(Criterion, col(Criterion.id) == col(Question.criterion_id))
            .outerjoin(
                PanelMember,
                and_(
                    col(PanelMember.selection_id) == col(Meeting.selection_id),
                    col(PanelMember.name) == bindparam("name"),
                ),
            )
            .outerjoin(
                Scorecard,
                and_(col(Scorecard.meeting_id) == col(Meeting.id), col(Scorecard.member_id) == col(PanelMember.id)),
            )
            .where(col(Meeting.id) == bindparam("mid"))
        )
    return _SCORE_CHECK
