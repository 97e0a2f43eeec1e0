"""Unit tests of workbench.domain.scoring, with hand-computed expectations."""

from __future__ import annotations

from decimal import Decimal

import pytest

from workbench.domain.scoring import (
    DISAGREEMENT_THRESHOLD,
    CriterionStat,
    ScoreRow,
    coverage,
    criterion_stats,
    member_means,
    rank,
    stat_from_member_means,
    to_100,
    weighted_total,
)


def rows(candidate: int, criterion: int, member: int, *values: int | None) -> list[ScoreRow]:
    """Several scores of one member for one candidate and criterion."""
    return [ScoreRow(candidate, criterion, member, v) for v in values]


# --- member means and criterion stats -------------------------------------------------


def test_na_values_are_ignored() -> None:
    # member 1: 4, N/A, 2 -> (4 + 2) / 2 = 3.0; member 2: N/A only -> absent
    data = rows(1, 10, 1, 4, None, 2) + rows(1, 10, 2, None, None)
    assert member_means(data) == {(1, 10): {1: 3.0}}
    assert criterion_stats(data)[(1, 10)] == CriterionStat(score=3.0, spread=0.0, flagged=False, members=1)


def test_pair_scored_only_na_has_no_score() -> None:
    data = rows(1, 10, 1, None) + rows(1, 10, 2, None)
    assert member_means(data) == {(1, 10): {}}
    assert criterion_stats(data)[(1, 10)] == CriterionStat(score=None, spread=None, flagged=False, members=0)


def test_one_interviewer_has_spread_zero() -> None:
    # one member: 2, 3, 4 -> 3.0; spread 3.0 - 3.0 = 0.0
    stat = criterion_stats(rows(7, 3, 9, 2, 3, 4))[(7, 3)]
    assert stat == CriterionStat(score=3.0, spread=0.0, flagged=False, members=1)


def test_each_member_counts_once_however_many_questions() -> None:
    # A: 5,5,5,5 -> 5.0; B: 1 -> 1.0; score (5 + 1) / 2 = 3.0, not (5*4 + 1) / 5 = 4.2
    # spread 5.0 - 1.0 = 4.0 -> flagged
    data = rows(1, 1, 100, 5, 5, 5, 5) + rows(1, 1, 200, 1)
    assert member_means(data) == {(1, 1): {100: 5.0, 200: 1.0}}
    assert criterion_stats(data)[(1, 1)] == CriterionStat(score=3.0, spread=4.0, flagged=True, members=2)


def test_keys_are_per_candidate_and_criterion() -> None:
    # candidate 1 criterion 1: member 1 -> 4; candidate 1 criterion 2: member 1 -> 2;
    # candidate 2 criterion 1: member 1 -> (3 + 5) / 2 = 4, member 2 -> 2 -> score 3, spread 2
    data = rows(1, 1, 1, 4) + rows(1, 2, 1, 2) + rows(2, 1, 1, 3, 5) + rows(2, 1, 2, 2)
    stats = criterion_stats(data)
    assert stats[(1, 1)].score == 4.0
    assert stats[(1, 2)].score == 2.0
    assert stats[(2, 1)] == CriterionStat(score=3.0, spread=2.0, flagged=True, members=2)
    assert (2, 2) not in stats


def test_flagged_exactly_at_threshold_not_below() -> None:
    assert DISAGREEMENT_THRESHOLD == 2.0
    # means 4.0 and 2.0: spread 2.0 -> flagged
    assert stat_from_member_means([4.0, 2.0]).flagged is True
    # means 3.99 and 2.0: spread 1.99 -> not flagged
    stat = stat_from_member_means([3.99, 2.0])
    assert stat.spread == pytest.approx(1.99)
    assert stat.flagged is False


def test_flag_survives_float_noise() -> None:
    # member A: 4, 4, 3 -> 11/3; member B: 2, 2, 1 -> 5/3; spread 6/3 = 2 exactly, but
    # 3.6666666666666665 - 1.6666666666666667 = 1.9999999999999998 in floats
    data = rows(1, 1, 1, 4, 4, 3) + rows(1, 1, 2, 2, 2, 1)
    stat = criterion_stats(data)[(1, 1)]
    assert stat.spread == pytest.approx(2.0)
    assert stat.flagged is True
    assert stat.score == pytest.approx(8 / 3)  # (11/3 + 5/3) / 2


def test_stat_from_member_means_like_sql_output() -> None:
    # SQL AVG may give Decimal (PostgreSQL) or NULL (a member with only N/A)
    stat = stat_from_member_means([Decimal("4.5"), None, 2.5])
    # (4.5 + 2.5) / 2 = 3.5, spread 2.0, two members
    assert stat == CriterionStat(score=3.5, spread=2.0, flagged=True, members=2)
    assert stat_from_member_means([]) == CriterionStat(score=None, spread=None, flagged=False, members=0)


def test_criterion_stats_matches_sql_style_path() -> None:
    data = rows(1, 1, 1, 5, 4, None) + rows(1, 1, 2, 2) + rows(1, 1, 3, None) + rows(2, 5, 1, 3, 3)
    means = member_means(data)
    assert criterion_stats(data) == {key: stat_from_member_means(m.values()) for key, m in means.items()}
    # candidate 1 criterion 1: (4.5 + 2) / 2 = 3.25, spread 2.5, members 2
    assert criterion_stats(data)[(1, 1)] == CriterionStat(3.25, 2.5, True, 2)


# --- weighted total and coverage ----------------------------------------------------------


def test_weighted_total_over_scored_criteria() -> None:
    # (30*4 + 10*2) / (30 + 10) = 140 / 40 = 3.5
    assert weighted_total({1: 4.0, 2: 2.0}, {1: 30, 2: 10}) == 3.5
    # the same at another weight scale: (0.3*4 + 0.1*2) / 0.4 = 3.5
    assert weighted_total({1: 4.0, 2: 2.0}, {1: 0.3, 2: 0.1}) == pytest.approx(3.5)


def test_criterion_without_score_is_excluded_and_lowers_coverage() -> None:
    weights = {1: 50, 2: 30, 3: 20}
    scores = {1: 4.0, 2: None}  # 2 has no score, 3 is not there at all
    # total = 50*4 / 50 = 4.0; coverage = 50 / 100 = 0.5
    assert weighted_total(scores, weights) == 4.0
    assert coverage(scores, weights) == 0.5
    # full coverage: (50*4 + 30*2 + 20*5) / 100 = 360 / 100 = 3.6
    assert weighted_total({1: 4.0, 2: 2.0, 3: 5.0}, weights) == pytest.approx(3.6)
    assert coverage({1: 4.0, 2: 2.0, 3: 5.0}, weights) == 1.0


def test_weighted_total_none_without_positive_scored_weight() -> None:
    assert weighted_total({}, {1: 10}) is None
    assert weighted_total({1: None}, {1: 10}) is None
    assert weighted_total({1: 4.0}, {1: 0, 2: 10}) is None  # only a weight-0 criterion is scored
    # a criterion not in the rubric is ignored: (10*2) / 10 = 2.0
    assert weighted_total({1: 2.0, 99: 5.0}, {1: 10}) == 2.0


def test_coverage_edges() -> None:
    assert coverage({1: 3.0}, {}) == 0.0
    assert coverage({1: 3.0}, {1: 0, 2: 0}) == 0.0
    assert coverage({}, {1: 5}) == 0.0
    # weight-0 criterion scored adds nothing: 10 / (10 + 0 + 30) = 0.25
    assert coverage({1: 3.0, 2: 4.0}, {1: 10, 2: 0, 3: 30}) == 0.25


def test_negative_weight_is_refused() -> None:
    with pytest.raises(ValueError, match="criterion 2"):
        weighted_total({1: 3.0}, {1: 1, 2: -1})
    with pytest.raises(ValueError):
        coverage({1: 3.0}, {1: float("nan")})


def test_to_100() -> None:
    # (1-1)/4*100 = 0, (3-1)/4*100 = 50, (5-1)/4*100 = 100
    assert to_100(1) == 0.0
    assert to_100(3) == 50.0
    assert to_100(5) == 100.0
    assert to_100(3.5) == 62.5
    assert to_100(None) is None


# --- ranking -----------------------------------------------------------------------------


def test_rank_by_total_descending() -> None:
    totals = {1: 3.2, 2: 4.1, 3: 2.0}
    assert rank(totals, {1: "A", 2: "B", 3: "C"}) == {2: 1, 1: 2, 3: 3}


def test_ties_broken_by_name_case_insensitively_then_exact_then_id() -> None:
    totals = {1: 4.0, 2: 4.0, 3: 4.0, 4: 4.0, 5: 3.0}
    names = {1: "zeta", 2: "Alpha", 3: "alpha", 4: "alpha", 5: "Aardvark"}
    # 4.0 tie: "Alpha" < "alpha" exactly (uppercase first) -> 2; then "alpha" ids 3, 4; then zeta
    assert rank(totals, names) == {2: 1, 3: 2, 4: 3, 1: 4, 5: 5}


def test_float_noise_is_a_real_tie() -> None:
    # (2.9*3.3 + 1.0*3.3) / 3.9 is 3.2999999999999994 in floats; it ties with 3.3,
    # so the name decides: "alpha" before "Beta" whichever total is noisier
    noisy = weighted_total({1: 3.3, 2: 3.3}, {1: 2.9, 2: 1.0})
    assert noisy != 3.3
    assert rank({1: 3.3, 2: noisy}, {1: "Beta", 2: "alpha"}) == {2: 1, 1: 2}
    assert rank({1: noisy, 2: 3.3}, {1: "Beta", 2: "alpha"}) == {2: 1, 1: 2}
    assert rank({1: 0.1 + 0.2, 2: 0.3}, {1: "b", 2: "a"}) == {2: 1, 1: 2}


def test_candidate_without_total_ranks_none() -> None:
    totals = {1: None, 2: 2.5, 3: float("nan")}
    assert rank(totals, {1: "A", 2: "B", 3: "C"}) == {1: None, 2: 1, 3: None}
    assert rank({}, {}) == {}
