"""Frozen values of scores and scorecards."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime


@dataclass(frozen=True, slots=True)
class ScoreView:
    meeting_id: int
    candidate_id: int
    candidate: str
    question_id: int
    criterion_id: int
    criterion: str
    member_id: int
    member: str
    value: int | None  # None = N/A
    comment: str
    submitted: bool
    updated_at: datetime


@dataclass(frozen=True, slots=True)
class ScorecardView:
    meeting_id: int
    member_id: int
    member: str
    submitted_at: datetime | None
    scores: tuple[ScoreView, ...]
