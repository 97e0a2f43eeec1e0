"""Frozen, plain values that services return (never ORM rows)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime


@dataclass(frozen=True, slots=True)
class SelectionView:
    id: int
    name: str
    description: str
    timezone: str
    business_hours: str
    business_days: tuple[int, ...]
    date_order: str
    rubric: str
    created_at: datetime


@dataclass(frozen=True, slots=True)
class MemberView:
    id: int
    selection_id: int
    name: str
    role: str


@dataclass(frozen=True, slots=True)
class ScopeItemView:
    id: int
    selection_id: int
    key: str
    name: str
    description: str
    decision: str
    priority: int
    notes: str


@dataclass(frozen=True, slots=True)
class CriterionView:
    id: int
    selection_id: int
    key: str
    name: str
    description: str
    weight: float
    position: int
    anchors: tuple[str, str, str, str, str]
    scope_item_ids: tuple[int, ...] = ()


@dataclass(frozen=True, slots=True)
class QuestionView:
    id: int
    criterion_id: int
    criterion: str
    text: str
    guidance: str
    kinds: tuple[str, ...]
    """The meeting kinds whose agendas ask it; none for a knowledge gap's follow-up (see ``follow_up_of``)."""
    position: int
    follow_up_of: int | None = None
    """The meeting whose knowledge gap this question follows up (it is asked only where it was carried), else None."""


@dataclass(frozen=True, slots=True)
class CandidateView:
    id: int
    selection_id: int
    name: str
    website: str
    timezone: str
    support_hours: str
    onsite: bool
    status: str
    baseline: bool
    notes: str
    scope_item_ids: tuple[int, ...] = ()


@dataclass(frozen=True, slots=True)
class RecommendationView:
    id: int
    candidate_id: int
    recommender: str
    company: str
    relationship: str
    sentiment: str
    rating: int | None
    experience: str
    given_on: date | None


@dataclass(frozen=True, slots=True)
class VendorPersonView:
    id: int
    candidate_id: int
    name: str
    role: str
    team: str
    profile_url: str
    tenure: str
    notes: str
    researched: bool
    last_checked: date | None


@dataclass(frozen=True, slots=True)
class DiligenceCheckView:
    id: int
    candidate_id: int
    item: str
    name: str
    status: str
    evidence: str
    position: int


@dataclass(frozen=True, slots=True)
class AgendaItemView:
    question_id: int
    position: int
    criterion_id: int
    criterion: str
    text: str
    guidance: str


@dataclass(frozen=True, slots=True)
class MeetingView:
    id: int
    selection_id: int
    candidate_id: int
    candidate: str
    kind: str
    start_utc: datetime  # aware, UTC
    timezone: str
    duration_minutes: int
    location: str
    their_attendees: tuple[str, ...]
    status: str
    uid: str
    sequence: int
    members: tuple[str, ...]
    agenda: tuple[AgendaItemView, ...] = field(default=())
    series_id: int | None = None
    series_index: int | None = None
    updated_at: datetime | None = None


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


@dataclass(frozen=True, slots=True)
class NoteView:
    id: int
    meeting_id: int
    member_id: int
    member: str
    kind: str
    text: str
    owner: str
    due: date | None
    question_id: int | None
    created_at: datetime
    updated_at: datetime


@dataclass(frozen=True, slots=True)
class CriterionCell:
    score: float | None
    spread: float | None
    flagged: bool
    members: int


@dataclass(frozen=True, slots=True)
class CandidateResult:
    id: int
    name: str
    baseline: bool
    rank: int | None
    total: float | None
    total_100: float | None
    coverage: float
    p_first: float
    criteria: dict[int, CriterionCell]  # criterion id -> cell
    timezone: str = ""
    fit_min_weekly_hours: float | None = None  # time-zone fit over the next 12 months
    fit_typical_weekly_hours: float | None = None


@dataclass(frozen=True, slots=True)
class LeaderFlipView:
    criterion_id: int
    criterion: str
    old_weight: float
    new_weight: float
    weight_change: float
    new_leader_id: int
    new_leader: str


@dataclass(frozen=True, slots=True)
class ComparisonView:
    selection: SelectionView
    criteria: tuple[CriterionView, ...]
    candidates: tuple[CandidateResult, ...]  # in rank order, unranked last by name
    leader_flip: LeaderFlipView | None
    withheld: tuple[WithheldMeeting, ...] = ()
    """Meetings left out for the member looking, until they submit their scorecard (the independence rule)."""


@dataclass(frozen=True, slots=True)
class WithheldMeeting:
    meeting_id: int
    candidate: str
    kind: str
    start_utc: datetime


@dataclass(frozen=True, slots=True)
class ImportResult:
    created: int
    updated: int
    names: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class DatabaseCheck:
    ok: bool
    integrity: str
    foreign_key_problems: int
    schema_version: str | None
    head_version: str
    dialect: str


@dataclass(frozen=True, slots=True)
class CandidateSummaryView:
    """Counts about one candidate's evidence, computed in SQL."""

    candidate_id: int
    recommendations: int
    positive: int
    negative: int
    mean_rating: float | None
    people: int
    researched: int
    checks: int
    checks_ok: int
    checks_concern: int
    checks_todo: int
