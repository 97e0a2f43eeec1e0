"""Frozen values of the comparison: per-criterion cells, each candidate's result, the leader flip."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from workbench.services.views.kit import CriterionView
from workbench.services.views.selections import SelectionView


@dataclass(frozen=True, slots=True)
class CriterionCell:
    score: float | None
    spread: float | None
    flagged: bool
    members: int


@dataclass(frozen=True, slots=True)
class ScopeCoverage:
    """How many of the selection's outsourced scope items a candidate offers, and the names of those it lacks."""

    covered: int
    of: int
    missing: tuple[str, ...] = ()


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
    scope: ScopeCoverage | None = None  # the outsourced scope items it offers (None: not read)


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
