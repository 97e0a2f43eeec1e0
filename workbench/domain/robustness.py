"""Robustness of the winner: random weight perturbation and the smallest single-weight flip."""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass

import numpy as np

from workbench.domain.scoring import name_key, rank, validate_weights, weighted_total

DRAWS = 2000
SEED = 20240601

TIE_MARGIN = 1.05e-9
"""How far a challenger must lead to win whatever the rounding: scoring.rank rounds totals
to 9 decimals, and two totals that differ by more than 1e-9 never round to a tie."""

Matrix = Mapping[int, Mapping[int, float | None]]


def _finite(value: float | None) -> float | None:
    """Return the value as a float, or None for None and NaN."""
    if value is None:
        return None
    value = float(value)
    return None if math.isnan(value) else value


def _ranks(matrix: Matrix, weights: Mapping[int, float], names: Mapping[int, str]) -> dict[int, int | None]:
    """Rank every candidate of the matrix under the given weights (as scoring.rank)."""
    return rank({cid: weighted_total(row, weights, validated=True) for cid, row in matrix.items()}, names)


def _leader(matrix: Matrix, weights: Mapping[int, float], names: Mapping[int, str]) -> int | None:
    """Return the candidate ranked first under the given weights, or None."""
    return next((cid for cid, r in _ranks(matrix, weights, names).items() if r == 1), None)


def p_first(
    matrix: Matrix,
    weights: Mapping[int, float],
    names: Mapping[int, str],
    *,
    draws: int = DRAWS,
    seed: int = SEED,
    concentration: float = 50.0,
) -> dict[int, float]:
    """Estimate how often each candidate ranks first when the weights are perturbed.

    Weight vectors are drawn from a Dirichlet distribution around the normalised current
    weights (alpha_k = concentration * w_k / sum(w); criteria of weight 0 stay 0) with
    numpy.random.default_rng(seed), so the result is reproducible. In each draw the
    candidates are ranked as scoring.rank does (total rounded to 9 decimals, then name).
    The share is taken over the draws that ranked anybody (all of them, unless a drawn
    weight underflows to 0), so the values sum to 1 whenever anyone has a total.

    Args:
        matrix: candidate_id -> {criterion_id: criterion score or None}.
        weights: criterion_id -> weight >= 0, any scale.
        names: candidate_id -> name, for tie-breaks.
        draws: number of random weight vectors (>= 1).
        seed: seed of the random generator.
        concentration: Dirichlet concentration (> 0); larger means closer to the weights.

    Returns:
        candidate_id -> share (0..1) of draws in which it ranks first; all 0.0 when no
        candidate has a total.

    Raises:
        ValueError: a negative weight, draws < 1 or concentration <= 0.
    """
    validate_weights(weights)
    if draws < 1:
        raise ValueError(f"draws must be at least 1, not {draws}")
    if not concentration > 0:
        raise ValueError(f"concentration must be positive, not {concentration}")
    result = dict.fromkeys(matrix, 0.0)
    candidates = sorted(matrix, key=lambda cid: name_key(cid, names))  # argmax picks the first
    criteria = sorted(k for k, w in weights.items() if w > 0)
    if not candidates or not criteria:
        return result
    scores = np.array(
        [[_finite(matrix[cid].get(k)) for k in criteria] for cid in candidates], dtype=float
    )  # None becomes NaN
    present = ~np.isnan(scores)
    if not present.any():
        return result
    base = np.array([weights[k] for k in criteria], dtype=float)
    if len(criteria) == 1:
        drawn = np.ones((draws, 1))
    else:
        rng = np.random.default_rng(seed)
        drawn = rng.dirichlet(concentration * base / base.sum(), size=draws)
    numerators = drawn @ np.where(present, scores, 0.0).T  # (draws, candidates)
    denominators = drawn @ present.T.astype(float)
    with np.errstate(invalid="ignore", divide="ignore"):
        totals = np.where(denominators > 0, numerators / denominators, -np.inf)
    totals = np.round(totals, 9)
    has_winner = np.isfinite(totals).any(axis=1)
    winners = np.argmax(totals, axis=1)[has_winner]
    if winners.size == 0:  # only if every draw underflowed: fall back to the current leader
        leader = _leader(matrix, weights, names)
        if leader is not None:
            result[leader] = 1.0
        return result
    counts = np.bincount(winners, minlength=len(candidates))
    for index, cid in enumerate(candidates):
        result[cid] = float(counts[index]) / winners.size
    return result


@dataclass(frozen=True, slots=True)
class LeaderFlip:
    """The smallest change of one criterion's weight that changes the leader."""

    criterion_id: int
    old_weight: float
    new_weight: float
    weight_change: float
    new_leader_id: int


def _roots(c2: float, c1: float, c0: float) -> list[float]:
    """Real roots of c2*x^2 + c1*x + c0 (linear when c2 == 0; none when all are 0)."""
    if c2 == 0:
        return [] if c1 == 0 else [-c0 / c1]
    disc = c1 * c1 - 4 * c2 * c0
    if disc < 0:
        if disc < -1e-12 * (c1 * c1 + abs(4 * c2 * c0)):
            return []
        disc = 0.0  # float noise around a double root
    q = -0.5 * (c1 + math.copysign(math.sqrt(disc), c1))
    if q == 0:
        return [0.0]
    return [c0 / q, q / c2]


def _crossings(
    k: int,
    leader: int,
    matrix: Matrix,
    weights: Mapping[int, float],
    names: Mapping[int, str],
) -> list[tuple[float, float]]:
    """Candidate new weights x of criterion k where some challenger catches the leader.

    With x the weight of k, a candidate's total is (A + x*a) / (B + x*h), where A and B
    sum over the other criteria, h = 1 if it has a score on k and a = score * h. The
    challenger c wins against the leader L where T_c - T_L reaches 0 (if c's name sorts
    first, the tie is its) or TIE_MARGIN (otherwise). Multiplying out the denominators
    gives a quadratic in x. Returns (x, direction) pairs, direction = sign(x - w_k).
    """
    wk = float(weights[k])

    def parts(cid: int) -> tuple[float, float, float, float]:
        """(A, B, a, h) of one candidate for criterion k."""
        row = matrix[cid]
        products: list[float] = []
        used: list[float] = []
        for j, w in weights.items():
            s = _finite(row.get(j))
            if j != k and w > 0 and s is not None:
                products.append(w * s)
                used.append(w)
        s_k = _finite(row.get(k))
        if s_k is None:
            return math.fsum(products), math.fsum(used), 0.0, 0.0
        return math.fsum(products), math.fsum(used), s_k, 1.0

    a_l_sum, b_l, a_l, h_l = parts(leader)
    leader_key = name_key(leader, names)
    points: list[tuple[float, float]] = []
    zero_noise = 1e-9 * max([1.0] + [abs(float(w)) for w in weights.values()])
    appears = False
    for cid in matrix:
        if cid == leader:
            continue
        a_c_sum, b_c, a_c, h_c = parts(cid)
        if b_c == 0 and h_c == 1:
            appears = True  # c has a total only while the weight of k is positive
        tau = 0.0 if name_key(cid, names) < leader_key else TIE_MARGIN
        c2 = a_c * h_l - a_l * h_c - tau * h_c * h_l
        c1 = a_c_sum * h_l + a_c * b_l - a_l_sum * h_c - a_l * b_c - tau * (b_c * h_l + h_c * b_l)
        c0 = a_c_sum * b_l - a_l_sum * b_c - tau * b_c * b_l
        for x in _roots(c2, c1, c0):
            if -zero_noise < x < 0:
                x = 0.0  # a root at exactly 0 that float noise pushed below it
            if not math.isfinite(x) or x < 0 or x == wk:
                continue
            if b_c + x * h_c <= 0 or b_l + x * h_l <= 0:
                continue  # a root where a total is undefined is an artefact of multiplying out
            points.append((x, 1.0 if x > wk else -1.0))
    if wk == 0 and appears:
        points.append((0.0, 1.0))  # just above 0 a candidate scored only on k gets a total
    if wk > 0 and b_l == 0:
        points.append((0.0, -1.0))  # at 0 the leader has no total any more
    return points


def _confirm(
    k: int,
    x: float,
    direction: float,
    leader: int,
    matrix: Matrix,
    weights: Mapping[int, float],
    names: Mapping[int, str],
    scale: float,
) -> tuple[float, int] | None:
    """Check with scoring.rank that someone else leads at x and still 1e-7*scale beyond it.

    The second look rejects a lead that is only a tie after rounding to 9 decimals (for
    example a challenger that appears just above weight 0 level with the leader). Float
    noise can leave the exact root a hair short, so x is nudged outwards in steps growing
    from 1e-13 to 1e-3 of `scale`. Returns (weight, new leader) or None.
    """
    probe = dict(weights)

    def leader_at(value: float) -> int | None:
        probe[k] = value
        return _leader(matrix, probe, names)

    beyond = 1e-7 * scale
    for step in [0.0] + [scale * 10.0**e for e in range(-13, -2)]:
        at = x + direction * step
        if at < 0:
            break
        first = leader_at(at)
        if first is None or first == leader:
            continue
        after = at + direction * beyond
        if after >= 0 and leader_at(after) != first:
            continue
        return at, first
    return None


def leader_flip(matrix: Matrix, weights: Mapping[int, float], names: Mapping[int, str]) -> LeaderFlip | None:
    """Find the smallest change of one criterion's weight that changes the leader.

    Solved exactly per criterion and challenger (see _crossings), then confirmed with
    scoring.rank, which also tells who leads there (a third candidate may). At or just
    beyond `new_weight` (in the direction of the change) `new_leader_id` ranks first and
    stays first for a while beyond; when the challenger loses name ties, new_weight is
    where it leads by TIE_MARGIN (a hair past the exact crossing), so applying
    new_weight itself makes it first. Equal smallest changes (compared at 9 decimals)
    are broken by criterion id, then the new leader's current rank, then new weight.

    Args:
        matrix: candidate_id -> {criterion_id: criterion score or None}.
        weights: criterion_id -> weight >= 0, any scale.
        names: candidate_id -> name, for tie-breaks.

    Returns:
        The flip, or None when there is no leader, only one ranked candidate, or no
        single new weight >= 0 makes someone else first.

    Raises:
        ValueError: a weight is negative or not finite.
    """
    validate_weights(weights)
    ranks = _ranks(matrix, weights, names)
    ranked = [cid for cid, r in ranks.items() if r is not None]
    if len(ranked) < 2:
        return None
    leader = next(cid for cid in ranked if ranks[cid] == 1)
    positive = [w for w in weights.values() if w > 0]

    def rank_key(cid: int) -> tuple[float, tuple[str, str, int]]:
        r = ranks.get(cid)
        return (math.inf if r is None else float(r), name_key(cid, names))

    points = sorted(
        (abs(x - weights[k]), k, x, direction)
        for k in sorted(weights)
        for x, direction in set(_crossings(k, leader, matrix, weights, names))
    )
    best: tuple[tuple[float, int, tuple[float, tuple[str, str, int]], float], LeaderFlip] | None = None
    best_distance = math.inf
    for distance, k, x, direction in points:
        if distance > best_distance + 1e-9 * max(1.0, best_distance):
            break  # nudges only move outwards, so nothing later can be closer
        scale = max(abs(x), max(positive))
        confirmed = _confirm(k, x, direction, leader, matrix, weights, names, scale)
        if confirmed is None:
            continue
        new_weight, new_leader = confirmed
        old = float(weights[k])
        flip = LeaderFlip(k, old, new_weight, new_weight - old, new_leader)
        key = (round(abs(new_weight - old), 9), k, rank_key(new_leader), new_weight)
        if best is None or key < best[0]:
            best = (key, flip)
            best_distance = min(best_distance, abs(new_weight - old))
    return None if best is None else best[1]
