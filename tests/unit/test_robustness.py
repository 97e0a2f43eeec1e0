"""Unit tests of workbench.domain.robustness: p_first and leader_flip."""

from __future__ import annotations

import math

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from workbench.domain.robustness import DRAWS, SEED, LeaderFlip, leader_flip, p_first
from workbench.domain.scoring import rank, weighted_total


def leader_at(matrix, weights, names):  # type: ignore[no-untyped-def]
    """The candidate ranked first by scoring.rank under these weights, or None."""
    ranks = rank({c: weighted_total(row, weights) for c, row in matrix.items()}, names)
    return next((c for c, r in ranks.items() if r == 1), None)


# --- p_first --------------------------------------------------------------------------------

SPLIT = {1: {1: 5.0, 2: 1.0, 3: 3.0}, 2: {1: 1.0, 2: 5.0, 3: 3.0}, 3: {1: 3.0, 2: 3.0, 3: None}}
SPLIT_NAMES = {1: "Acme", 2: "Bolt", 3: "Core"}


def test_p_first_is_reproducible_and_sums_to_one() -> None:
    weights = {1: 30, 2: 25, 3: 10}
    first = p_first(SPLIT, weights, SPLIT_NAMES)
    assert first == p_first(SPLIT, weights, SPLIT_NAMES)
    assert first == p_first(SPLIT, weights, SPLIT_NAMES, draws=DRAWS, seed=SEED)
    assert set(first) == {1, 2, 3}
    assert sum(first.values()) == pytest.approx(1.0)
    assert all(0.0 <= p <= 1.0 for p in first.values())
    # Acme leads (30*5 + 25*1 + 10*3) / 65 = 205/65 = 3.15 over Bolt (30 + 125 + 30) / 65 = 2.85,
    # but the gap is small, so Bolt wins some draws; Core is 3.0 in every draw but a tie
    assert first[1] > first[2] > 0.0


def test_p_first_depends_only_on_weight_proportions() -> None:
    # 30:25:10 and 0.30:0.25:0.10 give the same Dirichlet alphas
    assert p_first(SPLIT, {1: 30, 2: 25, 3: 10}, SPLIT_NAMES) == p_first(
        SPLIT, {1: 0.30, 2: 0.25, 3: 0.10}, SPLIT_NAMES
    )


def test_dominant_candidate_always_first() -> None:
    matrix = {1: {1: 2.0, 2: 3.0}, 2: {1: 4.5, 2: 4.0}, 3: {1: 1.0, 2: None}}
    result = p_first(matrix, {1: 10, 2: 5}, {1: "A", 2: "B", 3: "C"})
    assert result == {1: 0.0, 2: 1.0, 3: 0.0}


def test_two_equal_candidates_name_breaks_the_tie_in_every_draw() -> None:
    matrix = {1: {1: 4.0, 2: 2.0}, 2: {1: 4.0, 2: 2.0}}
    assert p_first(matrix, {1: 1, 2: 1}, {1: "zulu", 2: "Alpha"}) == {1: 0.0, 2: 1.0}


def test_mirror_candidates_split_about_half() -> None:
    # A = (5, 1), B = (1, 5), equal weights: A leads exactly when w1 > w2, which a symmetric
    # Dirichlet draws half of the time
    matrix = {1: {1: 5.0, 2: 1.0}, 2: {1: 1.0, 2: 5.0}}
    result = p_first(matrix, {1: 1, 2: 1}, {1: "A", 2: "B"})
    assert result[1] == pytest.approx(0.5, abs=0.05)
    assert result[1] + result[2] == pytest.approx(1.0)


def test_nobody_with_a_total_gives_zeros() -> None:
    names = {1: "A", 2: "B"}
    assert p_first({1: {1: None}, 2: {}}, {1: 5}, names) == {1: 0.0, 2: 0.0}
    assert p_first({1: {1: 3.0}, 2: {1: 4.0}}, {1: 0}, names) == {1: 0.0, 2: 0.0}
    assert p_first({}, {1: 5}, {}) == {}


def test_candidate_without_total_never_first() -> None:
    # B is scored only on the weight-0 criterion 2: no total, never first, even though 5 > 1
    matrix = {1: {1: 1.0}, 2: {2: 5.0}}
    assert p_first(matrix, {1: 3, 2: 0}, {1: "A", 2: "B"}) == {1: 1.0, 2: 0.0}


def test_single_weighted_criterion() -> None:
    matrix = {1: {1: 3.0, 2: 5.0}, 2: {1: 4.0, 2: 1.0}}
    assert p_first(matrix, {1: 7, 2: 0}, {1: "A", 2: "B"}) == {1: 0.0, 2: 1.0}


def test_p_first_matches_a_draw_by_draw_ranking() -> None:
    # Same generator, same alpha order (criteria with positive weight, by id), ranked by
    # scoring.rank one draw at a time: the vectorised counts must agree exactly.
    rng = np.random.default_rng(7)
    matrix = {
        c: {k: (None if rng.random() < 0.2 else float(rng.integers(1, 6))) for k in range(1, 6)} for c in range(1, 7)
    }
    names = {1: "b", 2: "B", 3: "a", 4: "c", 5: "a", 6: "d"}
    weights = {1: 5, 2: 0, 3: 2, 4: 8, 5: 1}
    concentration = 3.0
    result = p_first(matrix, weights, names, draws=300, seed=11, concentration=concentration)
    positive = [k for k in sorted(weights) if weights[k] > 0]
    alpha = concentration * np.array([weights[k] for k in positive], dtype=float) / 16
    wins = dict.fromkeys(matrix, 0)
    for draw in np.random.default_rng(11).dirichlet(alpha, size=300):
        first = leader_at(matrix, dict(zip(positive, draw.tolist(), strict=True)), names)
        wins[first] += 1  # type: ignore[index]
    assert result == pytest.approx({c: n / 300 for c, n in wins.items()})


def test_p_first_of_200_candidates_sums_to_one() -> None:
    """200 candidates x 40 criteria, 10% unscored; how fast: benchmarks/bench_domain.py."""
    rng = np.random.default_rng(3)
    scores = rng.uniform(1, 5, (200, 40))
    scores[rng.random((200, 40)) < 0.1] = np.nan
    matrix = {c: {k: None if math.isnan(v) else float(v) for k, v in enumerate(row)} for c, row in enumerate(scores)}
    weights = {k: float(rng.integers(1, 20)) for k in range(40)}
    names = {c: f"Vendor {c}" for c in range(200)}
    result = p_first(matrix, weights, names)
    assert sum(result.values()) == pytest.approx(1.0)


def test_p_first_refuses_bad_arguments() -> None:
    with pytest.raises(ValueError):
        p_first(SPLIT, {1: -1}, SPLIT_NAMES)
    with pytest.raises(ValueError):
        p_first(SPLIT, {1: 1}, SPLIT_NAMES, draws=0)
    with pytest.raises(ValueError):
        p_first(SPLIT, {1: 1}, SPLIT_NAMES, concentration=0)


# --- leader_flip: hand-solved cases ----------------------------------------------------------

# Acme = (5, 2), Bolt = (3, 5), weights (3, 1):
#   Acme (15 + 2) / 4 = 4.25 leads Bolt (9 + 5) / 4 = 3.5.
# Weight of criterion 1 = x: Acme (5x + 2)/(x + 1), Bolt (3x + 5)/(x + 1), equal when
#   5x + 2 = 3x + 5, x = 1.5: a change of -1.5.
# Weight of criterion 2 = y: Acme (15 + 2y)/(3 + y), Bolt (9 + 5y)/(3 + y); cross-multiplied
#   (9 + 5y)(3 + y) - (15 + 2y)(3 + y) = 3y^2 + 3y - 18 = 3(y + 3)(y - 2), y = 2: a change of +1.
# The smallest change is +1 on criterion 2; there both totals are (15 + 4)/5 = (9 + 10)/5 = 3.8.
HAND = {1: {1: 5.0, 2: 2.0}, 2: {1: 3.0, 2: 5.0}}
HAND_WEIGHTS = {1: 3.0, 2: 1.0}


def test_leader_flip_hand_solved_challenger_wins_name_tie() -> None:
    names = {1: "Acme", 2: "Aardvark"}  # Aardvark wins the 3.8 tie by name
    flip = leader_flip(HAND, HAND_WEIGHTS, names)
    assert flip == LeaderFlip(criterion_id=2, old_weight=1.0, new_weight=2.0, weight_change=1.0, new_leader_id=2)
    assert leader_at(HAND, {1: 3.0, 2: 2.0}, names) == 2


def test_leader_flip_hand_solved_challenger_loses_name_tie() -> None:
    names = {1: "Acme", 2: "Bolt"}  # at y = 2 exactly Acme keeps the tie by name
    flip = leader_flip(HAND, HAND_WEIGHTS, names)
    assert flip is not None
    assert (flip.criterion_id, flip.old_weight, flip.new_leader_id) == (2, 1.0, 2)
    # a hair past the root: Bolt must lead by more than the 1e-9 rounding of the ranking
    assert 2.0 < flip.new_weight < 2.0 + 1e-8
    assert flip.weight_change == flip.new_weight - 1.0
    assert leader_at(HAND, {1: 3.0, 2: 2.0}, names) == 1
    assert leader_at(HAND, {1: 3.0, 2: flip.new_weight}, names) == 2


def test_equal_changes_broken_by_criterion_id() -> None:
    # A = (5, 1), B = (1, 5), weights (3, 1): A 16/4 = 4 leads B 8/4 = 2.
    # Criterion 1 = x: 5x + 1 = x + 5 at x = 1 (change -2); criterion 2 = y: 15 + y = 3 + 5y
    # at y = 3 (change +2). Equal, so criterion 1 wins.
    matrix = {1: {1: 5.0, 2: 1.0}, 2: {1: 1.0, 2: 5.0}}
    flip = leader_flip(matrix, {1: 3, 2: 1}, {1: "B", 2: "A"})
    assert flip == LeaderFlip(1, 3.0, 1.0, -2.0, 2)


def test_no_flip_when_leader_dominates_every_criterion() -> None:
    matrix = {1: {1: 5.0, 2: 4.0, 3: 3.0}, 2: {1: 3.0, 2: 2.0, 3: 3.0}, 3: {1: 1.0, 2: 4.0, 3: 1.0}}
    assert leader_flip(matrix, {1: 10, 2: 5, 3: 1}, {1: "Z", 2: "A", 3: "B"}) is None


def test_no_flip_without_two_ranked_candidates() -> None:
    names = {1: "A", 2: "B"}
    assert leader_flip({}, {1: 1}, {}) is None
    assert leader_flip({1: {1: None}, 2: {1: None}}, {1: 1}, names) is None
    assert leader_flip({1: {1: 3.0}, 2: {1: None}}, {1: 1}, names) is None


def test_flip_to_zero_when_leader_loses_its_only_weighted_score() -> None:
    # A is scored only on criterion 1: 5.0 for any weight x > 0, no total at x = 0.
    # B = (1, 4.5): (x + 4.5)/(x + 1) < 4.5 < 5, so only x = 0 hands the lead to B (change -1).
    # Criterion 2 cannot: B's total stays below 4.5.
    matrix = {1: {1: 5.0}, 2: {1: 1.0, 2: 4.5}}
    flip = leader_flip(matrix, {1: 1, 2: 1}, {1: "A", 2: "B"})
    assert flip == LeaderFlip(1, 1.0, 0.0, -1.0, 2)


def test_flip_just_above_zero_for_a_candidate_scored_only_there() -> None:
    # B is scored only on criterion 2 (weight 0): no total now, 5.0 for any weight > 0,
    # above A's 4.0. C keeps two candidates ranked.
    matrix = {1: {1: 4.0, 2: 4.0}, 2: {2: 5.0}, 3: {1: 2.0}}
    flip = leader_flip(matrix, {1: 1, 2: 0}, {1: "A", 2: "B", 3: "C"})
    assert flip is not None
    assert (flip.criterion_id, flip.old_weight, flip.new_leader_id) == (2, 0.0, 2)
    assert 0.0 < flip.new_weight < 1e-6
    assert leader_at(matrix, {1: 1, 2: flip.new_weight}, {1: "A", 2: "B", 3: "C"}) == 2


def test_third_candidate_may_take_the_lead() -> None:
    # L = (5, 1), C = (1, 5), D = (2, 4.5); weights (3, 1): L 16/4 = 4, C 8/4 = 2, D 10.5/4 = 2.625.
    # Criterion 1 = x: D crosses L where 2x + 4.5 = 5x + 1, x = 7/6 (change -11/6 = -1.8333);
    # C only at x = 1. Criterion 2 = y: D at 6 + 4.5y = 15 + y, y = 18/7 (change +1.5714),
    # C at y = 3. Smallest: criterion 2, y = 18/7, D takes the lead.
    matrix = {1: {1: 5.0, 2: 1.0}, 2: {1: 1.0, 2: 5.0}, 3: {1: 2.0, 2: 4.5}}
    flip = leader_flip(matrix, {1: 3, 2: 1}, {1: "L", 2: "C", 3: "D"})
    assert flip == LeaderFlip(2, 1.0, 18 / 7, 18 / 7 - 1.0, 3)


def test_leader_flip_refuses_negative_weight() -> None:
    with pytest.raises(ValueError):
        leader_flip(HAND, {1: 3.0, 2: -1.0}, {1: "A", 2: "B"})


# --- leader_flip against a brute-force scan -------------------------------------------------

GRID = [i * 0.05 for i in range(801)]  # new weights 0..40 in steps of 0.05
SCORES = st.one_of(st.none(), st.sampled_from([1.0, 2.0, 3.0, 4.0, 5.0]), st.floats(1.0, 5.0))
NAMES = ["Acme", "acme", "Bolt", "core", "Core", "Delta"]


@st.composite
def cases(draw):  # type: ignore[no-untyped-def]
    """A small random matrix, integer weights 0..20 and names (duplicates allowed)."""
    n = draw(st.integers(2, 4))
    m = draw(st.integers(2, 4))
    matrix = {c: {k: draw(SCORES) for k in range(1, m + 1)} for c in range(1, n + 1)}
    weights = {k: draw(st.integers(0, 20)) for k in range(1, m + 1)}
    names = {c: draw(st.sampled_from(NAMES)) for c in range(1, n + 1)}
    return matrix, weights, names


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(cases())
def test_leader_flip_against_brute_force(case) -> None:  # type: ignore[no-untyped-def]
    matrix, weights, names = case
    ranks = rank({c: weighted_total(row, weights) for c, row in matrix.items()}, names)
    flip = leader_flip(matrix, weights, names)
    if sum(r is not None for r in ranks.values()) < 2:
        assert flip is None
        return
    leader = next(c for c, r in ranks.items() if r == 1)
    brute = math.inf
    for k, w in weights.items():
        for x in GRID:
            if x != w and leader_at(matrix, {**weights, k: x}, names) not in (None, leader):
                brute = min(brute, abs(x - w))
    if flip is None:
        assert brute == math.inf
        return
    assert flip.old_weight == weights[flip.criterion_id]
    assert flip.new_weight >= 0
    assert flip.weight_change == flip.new_weight - flip.old_weight
    assert flip.new_leader_id != leader
    assert brute >= abs(flip.weight_change) - 1e-6
    # applying the change, nudged 1e-7 further (but not below 0), puts the new leader first
    nudged = max(0.0, flip.new_weight + math.copysign(1e-7, flip.weight_change))
    assert leader_at(matrix, {**weights, flip.criterion_id: nudged}, names) == flip.new_leader_id
    assert leader_at(matrix, {**weights, flip.criterion_id: flip.new_weight}, names) == flip.new_leader_id


def test_flip_at_weight_zero_found_despite_float_noise() -> None:
    """Found by hypothesis: the crossing is exactly at weight 0 but float noise put the root below it."""
    s = 3.291059232856344
    matrix = {1: {1: None, 2: None, 3: s, 4: None}, 2: {1: 4.0, 2: s, 3: s, 4: None}}
    weights = {1: 1, 2: 1, 3: 6, 4: 0}
    names = {1: "Acme", 2: "Bolt"}
    flip = leader_flip(matrix, weights, names)
    # Dropping criterion 1 to 0 leaves Bolt at (s + 6s)/7 = s, level with Acme, who wins on the name.
    assert flip is not None and flip.criterion_id == 1 and flip.new_weight == 0.0 and flip.new_leader_id == 1
