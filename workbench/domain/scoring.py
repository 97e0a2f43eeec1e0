"""Criterion scores, disagreement, weighted totals, coverage and ranking: pure functions."""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

DISAGREEMENT_THRESHOLD = 2.0
"""A spread between panel members' means of at least this many points is flagged."""

RANK_DECIMALS = 9
"""Totals are compared after rounding to this many decimals, so float noise makes no winner."""


@dataclass(frozen=True, slots=True)
class ScoreRow:
    """One stored score of a submitted scorecard (value 1..5, or None for N/A)."""

    candidate_id: int
    criterion_id: int
    member_id: int
    value: int | None


@dataclass(frozen=True, slots=True)
class CriterionStat:
    """The result for one candidate and criterion, over all panel members."""

    score: float | None
    spread: float | None
    flagged: bool
    members: int


NO_SCORE = CriterionStat(score=None, spread=None, flagged=False, members=0)
"""The stat of a candidate and criterion that no panel member has scored."""


def _is_score(value: float | None) -> bool:
    """Tell whether a value counts as a score (not None and not NaN)."""
    if value is None:
        return False
    return not math.isnan(value)


def member_means(rows: Iterable[ScoreRow]) -> dict[tuple[int, int], dict[int, float]]:
    """Average each panel member's scores per candidate and criterion.

    N/A (None) is no score. Every (candidate, criterion) pair that appears in `rows`
    gets an entry; a member whose values there are all N/A is absent from it, so a pair
    scored only N/A maps to an empty dict. Values are not range-checked here: the
    service layer validates them before they are stored.

    Args:
        rows: scores of submitted scorecards.

    Returns:
        (candidate_id, criterion_id) -> {member_id: mean of that member's values}.
    """
    sums: dict[tuple[int, int], dict[int, list[float]]] = {}
    for row in rows:
        per_member = sums.setdefault((row.candidate_id, row.criterion_id), {})
        if _is_score(row.value):
            per_member.setdefault(row.member_id, []).append(float(row.value))  # type: ignore[arg-type]
    return {
        key: {member: math.fsum(values) / len(values) for member, values in per_member.items()}
        for key, per_member in sums.items()
    }


def stat_from_member_means(means: Iterable[float | None]) -> CriterionStat:
    """Turn panel members' means for one candidate and criterion into a criterion stat.

    The score is the plain mean of the member means (each member counts once, however
    many questions they scored). The spread is max - min of the member means, and is
    flagged when, rounded to 9 decimals, it is at least DISAGREEMENT_THRESHOLD (so
    11/3 - 5/3 counts as 2). None or NaN entries (e.g. an SQL AVG over N/A only) are
    skipped; Decimal values from a database are accepted.

    Args:
        means: one mean per panel member.

    Returns:
        The stat; NO_SCORE-like (score and spread None, 0 members) without any mean.
    """
    values = [float(m) for m in means if m is not None]
    values = [v for v in values if not math.isnan(v)]
    if not values:
        return NO_SCORE
    spread = max(values) - min(values)
    return CriterionStat(
        score=math.fsum(values) / len(values),
        spread=spread,
        flagged=round(spread, RANK_DECIMALS) >= DISAGREEMENT_THRESHOLD,
        members=len(values),
    )


def criterion_stats(rows: Iterable[ScoreRow]) -> dict[tuple[int, int], CriterionStat]:
    """Compute every criterion stat from raw scores (the reference for the SQL path).

    Args:
        rows: scores of submitted scorecards.

    Returns:
        (candidate_id, criterion_id) -> CriterionStat, for every pair present in `rows`
        (a pair scored only N/A gets a stat with score None).
    """
    return {key: stat_from_member_means(means.values()) for key, means in member_means(rows).items()}


def validate_weights(weights: Mapping[int, float]) -> None:
    """Check that every weight is a finite number >= 0.

    Args:
        weights: criterion_id -> weight.

    Returns:
        None.

    Raises:
        ValueError: naming the first criterion whose weight is negative or not finite.
    """
    for criterion_id, weight in weights.items():
        if not math.isfinite(weight) or weight < 0:
            raise ValueError(f"weight of criterion {criterion_id} must be a finite number >= 0, not {weight!r}")


def weighted_total(
    scores: Mapping[int, float | None], weights: Mapping[int, float], *, validated: bool = False
) -> float | None:
    """Weighted mean of the criterion scores over the criteria that have a score.

    Criteria in `weights` but not in `scores` (or with a None/NaN score) are unscored;
    criteria in `scores` but not in `weights` are not in the rubric and are ignored.

    Args:
        scores: criterion_id -> criterion score (1..5) or None.
        weights: criterion_id -> weight >= 0, any scale.
        validated: the caller has checked the weights with validate_weights already.

    Returns:
        sum(w*s) / sum(w) over scored criteria, or None when no scored criterion has a
        positive weight.

    Raises:
        ValueError: a weight is negative or not finite.
    """
    if not validated:
        validate_weights(weights)
    products: list[float] = []
    used: list[float] = []
    for criterion_id, weight in weights.items():
        score = scores.get(criterion_id)
        if weight > 0 and _is_score(score):
            products.append(weight * float(score))  # type: ignore[arg-type]
            used.append(weight)
    denominator = math.fsum(used)
    if denominator <= 0:
        return None
    return math.fsum(products) / denominator


def coverage(scores: Mapping[int, float | None], weights: Mapping[int, float], *, validated: bool = False) -> float:
    """Share of the rubric's total weight whose criteria have a score.

    Args:
        scores: criterion_id -> criterion score or None.
        weights: criterion_id -> weight >= 0 (the whole rubric).
        validated: the caller has checked the weights with validate_weights already.

    Returns:
        A number in 0..1; 0.0 when the total weight is 0.

    Raises:
        ValueError: a weight is negative or not finite.
    """
    if not validated:
        validate_weights(weights)
    total = math.fsum(weights.values())
    if total <= 0:
        return 0.0
    covered = math.fsum(w for k, w in weights.items() if _is_score(scores.get(k)))
    return min(1.0, covered / total)


def to_100(total: float | None) -> float | None:
    """Map a 1..5 total linearly to 0..100.

    Args:
        total: a weighted total on the 1..5 scale, or None.

    Returns:
        (total - 1) / 4 * 100, or None for None.
    """
    if total is None:
        return None
    return (total - 1) / 4 * 100


def name_key(candidate_id: int, names: Mapping[int, str]) -> tuple[str, str, int]:
    """The tie-break key of a candidate: name case-insensitively, then exactly, then id.

    Args:
        candidate_id: the candidate.
        names: candidate_id -> name (a missing name counts as "").

    Returns:
        A key that orders candidates deterministically.
    """
    name = str(names.get(candidate_id, ""))
    return (name.casefold(), name, candidate_id)


def rank(totals: Mapping[int, float | None], names: Mapping[int, str]) -> dict[int, int | None]:
    """Rank candidates by weighted total, highest first.

    Totals are compared rounded to 9 decimals; equal totals are ordered by name_key, so
    ranks are always 1, 2, 3, ... with no shared ranks.

    Args:
        totals: candidate_id -> weighted total or None.
        names: candidate_id -> name, for tie-breaks.

    Returns:
        candidate_id -> rank (1 = first), None for candidates without a total.
    """
    ranked = sorted(
        (cid for cid, total in totals.items() if _is_score(total)),
        key=lambda cid: (-round(float(totals[cid]), RANK_DECIMALS), *name_key(cid, names)),  # type: ignore[arg-type]
    )
    result: dict[int, int | None] = dict.fromkeys(totals)
    for position, cid in enumerate(ranked, start=1):
        result[cid] = position
    return result


def empty_scorecard_message(member: str, meeting_id: int) -> str:
    """The words for a scorecard with no score yet, the same in the app (asking) and on the command line (refusing)."""
    return f"{member} has scored no question of meeting {meeting_id}: the scorecard would be submitted empty"
