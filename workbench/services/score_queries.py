"""The statements that read scores: every score in report order, and the live path's validating SELECT."""

from __future__ import annotations

from typing import Any

from sqlalchemy import and_, bindparam, func, select

from workbench.store.models import AgendaItem, Candidate, Criterion, Meeting, PanelMember, Question, Score, Scorecard


def score_query() -> Any:
    """Every score with its meeting, candidate, criterion, member and scorecard, in report order."""
    return (
        select(
            Score.meeting_id,
            Meeting.candidate_id,
            Candidate.name,
            Score.question_id,
            Question.criterion_id,
            Criterion.name,
            Score.member_id,
            PanelMember.name,
            Score.value,
            Score.comment,
            Scorecard.submitted_at,
            Score.updated_at,
        )
        .select_from(Score)
        .join(Meeting, Meeting.id == Score.meeting_id)
        .join(Candidate, Candidate.id == Meeting.candidate_id)
        .join(Question, Question.id == Score.question_id)
        .join(Criterion, Criterion.id == Question.criterion_id)
        .join(PanelMember, PanelMember.id == Score.member_id)
        .outerjoin(Scorecard, and_(Scorecard.meeting_id == Score.meeting_id, Scorecard.member_id == Score.member_id))
        .outerjoin(
            AgendaItem, and_(AgendaItem.meeting_id == Score.meeting_id, AgendaItem.question_id == Score.question_id)
        )
        .order_by(
            Score.meeting_id,
            func.coalesce(AgendaItem.position, Question.position),
            PanelMember.name,
            Score.member_id,
            Score.question_id,
        )
    )


_SCORE_CHECK: Any = None


def score_check() -> Any:
    """The hot path's one validating SELECT, built once (parameters: mid, qid, name)."""
    global _SCORE_CHECK
    if _SCORE_CHECK is None:
        _SCORE_CHECK = (
            select(
                Meeting.status,
                Meeting.selection_id,
                Meeting.candidate_id,
                Candidate.name,
                AgendaItem.question_id,
                Question.criterion_id,
                Criterion.name,
                PanelMember.id,
                PanelMember.name,
                Scorecard.submitted_at,
            )
            .select_from(Meeting)
            .join(Candidate, Candidate.id == Meeting.candidate_id)
            .outerjoin(
                AgendaItem, and_(AgendaItem.meeting_id == Meeting.id, AgendaItem.question_id == bindparam("qid"))
            )
            .outerjoin(Question, Question.id == AgendaItem.question_id)
            .outerjoin(Criterion, Criterion.id == Question.criterion_id)
            .outerjoin(
                PanelMember,
                and_(PanelMember.selection_id == Meeting.selection_id, PanelMember.name == bindparam("name")),
            )
            .outerjoin(Scorecard, and_(Scorecard.meeting_id == Meeting.id, Scorecard.member_id == PanelMember.id))
            .where(Meeting.id == bindparam("mid"))
        )
    return _SCORE_CHECK
