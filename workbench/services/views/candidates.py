"""Frozen values of candidates and what is known of them: recommendations, people, checks."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date


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
    working_days: tuple[int, ...] = (0, 1, 2, 3, 4)  # Monday = 0; the days its support hours start on


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


@dataclass(frozen=True, slots=True)
class ImportResult:
    created: int
    updated: int
    names: tuple[str, ...]
