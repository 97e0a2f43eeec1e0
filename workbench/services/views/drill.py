"""Frozen values behind the comparison screen: the drill-down of a cell, each member's means, the extra rows."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime


@dataclass(frozen=True, slots=True)
class DrillScore:
    """One submitted score behind a comparison cell."""

    meeting_id: int
    meeting_kind: str
    meeting_start_utc: datetime  # aware, UTC
    question_id: int
    question: str
    member_id: int
    member: str
    value: int | None  # None = N/A
    comment: str


@dataclass(frozen=True, slots=True)
class DrillNote:
    """A note of one of those meetings: about one of the criterion's questions, or about the meeting as a whole."""

    id: int
    meeting_id: int
    member: str
    kind: str  # note, decision, action, concern, gap
    text: str
    owner: str
    due: date | None
    question_id: int | None  # None: about the meeting as a whole
    question: str  # "" when about the meeting as a whole
    created_at: datetime  # aware, UTC


@dataclass(frozen=True, slots=True)
class MemberMean:
    """One panel member's mean for the cell, over the questions they scored (N/A is no score)."""

    member_id: int
    member: str
    mean: float | None  # None: only N/A
    scores: int  # numeric scores
    not_applicable: int


@dataclass(frozen=True, slots=True)
class DrillDownView:
    """Everything behind one cell of the comparison: a candidate on a criterion.

    ``score`` and ``spread`` are those of the comparison for the same member: the mean of the
    member means and their max - min, over the scores listed.
    """

    candidate_id: int
    candidate: str
    criterion_id: int
    criterion: str
    weight: float
    our_timezone: str
    score: float | None
    spread: float | None
    flagged: bool
    member_means: tuple[MemberMean, ...]
    scores: tuple[DrillScore, ...]  # by meeting start, agenda order, member
    notes: tuple[DrillNote, ...]  # in time order: about the criterion's questions, or about no question
    hidden_meetings: tuple[int, ...] = ()
    """Meetings withheld from the asking member (they attend, have not submitted, others have): not counted."""


@dataclass(frozen=True, slots=True)
class MemberMeansView:
    """Each panel member's criterion means per candidate (submitted scorecards, cancelled meetings left out)."""

    members: tuple[tuple[int, str], ...]  # (member id, name) by name
    means: dict[int, dict[tuple[int, int], float]]  # member id -> (candidate id, criterion id) -> mean


@dataclass(frozen=True, slots=True)
class CandidateExtras:
    """The comparison's extra rows for one candidate, counted in SQL."""

    candidate_id: int
    checks: int  # checklist items (items not stored yet count as to do)
    checks_done: int  # ok, concern or not applicable
    checks_concern: int
    recommendations: int
    positive: int
    negative: int
    knowledge_gaps: int  # gap notes in the candidate's meetings that were not cancelled

    @property
    def diligence_completion(self) -> float:
        """Share of the checklist no longer to do (0..1; 0 without a checklist)."""
        return self.checks_done / self.checks if self.checks else 0.0
