"""Frozen values of the live interview: what the screen shows for one meeting and one panel member."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from workbench.services.views.meetings import NoteView

NOT_SCORED, SCORED, NOT_APPLICABLE = "not yet scored", "scored", "N/A"


@dataclass(frozen=True, slots=True)
class TimerView:
    """A member's timer of one agenda question."""

    question_id: int
    elapsed_seconds: float  # counted up to running_since (or in all, when paused)
    running_since: datetime | None  # aware UTC; None when paused

    def seconds(self, now: datetime) -> float:
        """The seconds counted at ``now`` (aware)."""
        if self.running_since is None:
            return self.elapsed_seconds
        return self.elapsed_seconds + max(0.0, (now - self.running_since).total_seconds())

    @property
    def running(self) -> bool:
        return self.running_since is not None


@dataclass(frozen=True, slots=True)
class InterviewQuestion:
    """One agenda question with its criterion's anchors and this member's own score."""

    question_id: int
    number: int  # 1-based place on the agenda
    text: str
    guidance: str
    criterion_id: int
    criterion: str
    anchors: tuple[str, str, str, str, str]  # descriptors of 1..5
    carried_from: int | None  # the earlier meeting it was carried over from
    scored: bool  # this member has a score or N/A for it
    value: int | None  # 1..5, or None (N/A when scored)
    comment: str
    gaps: int  # knowledge gaps this member recorded on it
    timer: TimerView

    @property
    def state(self) -> str:
        if not self.scored:
            return NOT_SCORED
        return NOT_APPLICABLE if self.value is None else SCORED


@dataclass(frozen=True, slots=True)
class InterviewHeader:
    """The facts above the agenda: who, what, when, in which zones."""

    meeting_id: int
    selection: str
    candidate: str
    candidate_zone: str  # the vendor's IANA zone
    our_zone: str  # the selection's IANA zone
    kind: str
    start_utc: datetime  # aware
    meeting_zone: str  # the zone the time was entered in
    duration_minutes: int
    location: str
    status: str
    series_id: int | None
    series_index: int | None
    attendees: tuple[str, ...]  # our side


@dataclass(frozen=True, slots=True)
class MemberScore:
    """One panel member's score of one question, shown side by side after submitting."""

    member: str
    value: int | None  # None = N/A
    comment: str
    submitted: bool  # the member's scorecard is submitted


@dataclass(frozen=True, slots=True)
class QuestionScores:
    """Every member's score of one agenda question, with the spread between them."""

    question_id: int
    scores: tuple[MemberScore, ...]  # by member, in InterviewView.columns order; absent members left out
    mean: float | None
    spread: float | None  # highest minus lowest score (N/A left out); None with fewer than two members' scores
    flagged: bool  # the spread reaches the disagreement threshold


@dataclass(frozen=True, slots=True)
class InterviewView:
    """Everything the live interview screen shows for one meeting and member."""

    header: InterviewHeader
    member: str
    member_id: int
    questions: tuple[InterviewQuestion, ...]
    notes: tuple[NoteView, ...]  # visible to this member, in the order written
    position: int  # index into questions where the screen resumes
    submitted_at: datetime | None
    panel: tuple[str, ...]  # who may take the keyboard (the meeting's attendees, else the selection's panel)
    columns: tuple[str, ...] = ()  # members with scores, this member first (after submitting only)
    side_by_side: tuple[QuestionScores, ...] = ()  # in agenda order (after submitting only)

    @property
    def scored(self) -> int:
        """Questions this member has scored (N/A included)."""
        return sum(1 for q in self.questions if q.scored)

    @property
    def submitted(self) -> bool:
        return self.submitted_at is not None


@dataclass(frozen=True, slots=True)
class CarryOver:
    """What was carried into the next meeting of the series."""

    from_meeting_id: int
    next_meeting_id: int | None  # None: there is no next meeting to carry into
    added_question_ids: tuple[int, ...]  # appended to the next agenda now (empty on a repeated call)
    follow_up_question_ids: tuple[int, ...]  # questions created now from knowledge gaps
