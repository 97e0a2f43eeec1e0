"""Assembling a comparison from its criterion cells: pure, so a screen can re-rank without the database.

`ComparisonService.compare` reads the cells in SQL and calls `build_comparison`; a screen that
changes a weight, hides the baseline or looks at one member's scores calls `rebuild` on the
comparison it already holds, and gets the same numbers `compare` would give.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import replace
from typing import Any

from workbench.domain import robustness, scoring
from workbench.services.views.comparison import CandidateResult, ComparisonView, CriterionCell, LeaderFlipView
from workbench.services.views.kit import CriterionView
from workbench.services.views.selections import SelectionView


def rank_candidates(
    matrix: Mapping[int, Mapping[int, float | None]],
    weights: Mapping[int, float],
    names: Mapping[int, str],
) -> tuple[dict[int, float | None], dict[int, int | None]]:
    """Totals and ranks under the given weights (pure; used again when weights are edited)."""
    scoring.validate_weights(weights)
    totals = {cid: scoring.weighted_total(row, weights, validated=True) for cid, row in matrix.items()}
    return totals, scoring.rank(totals, names)


def build_comparison(
    selection: SelectionView,
    criteria: list[CriterionView],
    candidates: list[Any],  # rows of (id, name, baseline)
    cells: Mapping[tuple[int, int], CriterionCell],
    weights: Mapping[int, float] | None,
    with_robustness: bool,
) -> ComparisonView:
    """Assemble the comparison from criterion cells (pure)."""
    if weights is not None:
        criteria = [
            CriterionView(**{**{f: getattr(c, f) for f in c.__slots__}, "weight": float(weights.get(c.id, c.weight))})
            for c in criteria
        ]
    w = {c.id: c.weight for c in criteria}
    names = {cid: name for cid, name, _ in candidates}
    matrix = {
        cid: {c.id: (cells[(cid, c.id)].score if (cid, c.id) in cells else None) for c in criteria}
        for cid, _, _ in candidates
    }
    totals, ranks = rank_candidates(matrix, w, names)
    p_first: dict[int, float] = {}
    flip_view = None
    if with_robustness and matrix:
        p_first = robustness.p_first(matrix, w, names)
        flip = robustness.leader_flip(matrix, w, names)
        if flip is not None:
            crit = next(c for c in criteria if c.id == flip.criterion_id)
            flip_view = LeaderFlipView(
                criterion_id=flip.criterion_id,
                criterion=crit.name,
                old_weight=flip.old_weight,
                new_weight=flip.new_weight,
                weight_change=flip.weight_change,
                new_leader_id=flip.new_leader_id,
                new_leader=names[flip.new_leader_id],
            )
    results = [
        CandidateResult(
            id=cid,
            name=name,
            baseline=bool(baseline),
            rank=ranks[cid],
            total=totals[cid],
            total_100=scoring.to_100(totals[cid]),
            coverage=scoring.coverage(matrix[cid], w, validated=True),
            p_first=p_first.get(cid, 0.0),
            criteria={c.id: cells[(cid, c.id)] for c in criteria if (cid, c.id) in cells},
        )
        for cid, name, baseline in candidates
    ]
    results.sort(key=lambda r: (r.rank is None, r.rank or 0, r.name.casefold(), r.id))
    return ComparisonView(
        selection=selection, criteria=tuple(criteria), candidates=tuple(results), leader_flip=flip_view
    )


def view_cells(view: ComparisonView) -> dict[tuple[int, int], CriterionCell]:
    """(candidate id, criterion id) -> cell of a comparison."""
    return {(r.id, cid): cell for r in view.candidates for cid, cell in r.criteria.items()}


def rebuild(
    view: ComparisonView,
    *,
    weights: Mapping[int, float] | None = None,
    cells: Mapping[tuple[int, int], CriterionCell] | None = None,
    include_baseline: bool = True,
    with_robustness: bool = True,
) -> ComparisonView:
    """The comparison again under other weights, other cells, or without the baseline (pure).

    Args:
        view: a comparison from `ComparisonService.compare` (with the baseline, so it can be left out here).
        weights: criterion id -> weight replacing the view's (criteria left out keep theirs).
        cells: other criterion cells (e.g. one panel member's means); the view's own when None.
        include_baseline: whether the in-house baseline takes part.
        with_robustness: compute P(first) and the leader flip.

    Returns:
        The comparison `compare(weights=..., include_baseline=...)` would return for the same
        cells; each candidate keeps its time-zone fit and scope coverage.
    """
    rows = [(r.id, r.name, r.baseline) for r in view.candidates if include_baseline or not r.baseline]
    fits = {r.id: r for r in view.candidates}
    new = build_comparison(
        view.selection,
        list(view.criteria),
        rows,
        view_cells(view) if cells is None else cells,
        weights,
        with_robustness,
    )
    return replace(
        new,
        withheld=view.withheld,
        candidates=tuple(
            replace(
                r,
                timezone=fits[r.id].timezone,
                fit_min_weekly_hours=fits[r.id].fit_min_weekly_hours,
                fit_typical_weekly_hours=fits[r.id].fit_typical_weekly_hours,
                scope=fits[r.id].scope,
            )
            for r in new.candidates
        ),
    )
