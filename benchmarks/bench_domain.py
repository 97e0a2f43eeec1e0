"""Benchmark: the pure domain rules that once had timing assertions in unit tests, each beside a plain baseline.

- time-zone fit: a year of weekly overlap (New York office hours against Lord Howe's, 365 days, clock changes on
  both sides), beside the shortest road: for each day, both days' hours made aware, turned into UTC and intersected.
  The unit test asked for less than 50 ms.
- P(first): 200 candidates x 40 criteria (10% without a score), the default draws, beside the same Dirichlet draws,
  weighted totals and argmax in plain numpy (no ties broken by name, no rounding). The unit test asked for < 1 s.

Pairs are timed interleaved (ours, baseline, ours, ...), the figures are medians, the load average is beside them.
Run: python benchmarks/bench_domain.py [--rounds N]
"""

from __future__ import annotations

import argparse
import json
import math
import os
import statistics
import time
from collections.abc import Callable
from datetime import date, datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

import numpy as np
from bench_common import ms

from workbench.domain.robustness import DRAWS, SEED, p_first
from workbench.domain.timezones import hours_from, weekly_overlap

START = date(2027, 1, 4)


def _interleaved(ours: Callable[[], object], baseline: Callable[[], object], rounds: int) -> tuple[float, float]:
    ours(), baseline()  # warm caches (zones, imports) on both sides
    a: list[float] = []
    b: list[float] = []
    for i in range(rounds):
        for fn, out in ((ours, a), (baseline, b)) if i % 2 == 0 else ((baseline, b), (ours, a)):
            t0 = time.perf_counter()
            fn()
            out.append(time.perf_counter() - t0)
    return statistics.median(a), statistics.median(b)


def _plain_overlap() -> float:
    """Hours of overlap over the year, the shortest road: aware local times to UTC, intersected day by day."""
    ours, theirs = ZoneInfo("America/New_York"), ZoneInfo("Australia/Lord_Howe")
    total = 0.0
    for n in range(365):
        day = START + timedelta(days=n)
        if day.weekday() >= 5:
            continue
        a0 = datetime(day.year, day.month, day.day, 9, tzinfo=ours).timestamp()
        a1 = datetime(day.year, day.month, day.day, 17, tzinfo=ours).timestamp()
        for shift in (-1, 0, 1):
            other = day + timedelta(days=shift)
            if other.weekday() >= 5:
                continue
            b0 = datetime(other.year, other.month, other.day, 9, tzinfo=theirs).timestamp()
            b1 = datetime(other.year, other.month, other.day, 17, tzinfo=theirs).timestamp()
            total += max(0.0, min(a1, b1) - max(a0, b0))
    return total / 3600


def _p_first_data() -> tuple[dict[int, dict[int, float | None]], dict[int, float], dict[int, str]]:
    rng = np.random.default_rng(3)
    scores = rng.uniform(1, 5, (200, 40))
    scores[rng.random((200, 40)) < 0.1] = np.nan
    matrix = {c: {k: None if math.isnan(v) else float(v) for k, v in enumerate(row)} for c, row in enumerate(scores)}
    weights = {k: float(rng.integers(1, 20)) for k in range(40)}
    return matrix, weights, {c: f"Vendor {c}" for c in range(200)}


def _plain_p_first(matrix: dict[int, dict[int, float | None]], weights: dict[int, float]) -> np.ndarray[Any, Any]:
    """The same draws in plain numpy: Dirichlet weights, totals over the scored criteria, the argmax counted."""
    criteria = sorted(weights)
    scores = np.array([[np.nan if v is None else v for v in (matrix[c].get(k) for k in criteria)] for c in matrix])
    w = np.array([weights[k] for k in criteria])
    draws = np.random.default_rng(SEED).dirichlet(50.0 * w / w.sum(), size=DRAWS)
    scored = ~np.isnan(scores)
    totals = (np.nan_to_num(scores) @ draws.T) / (scored @ draws.T)
    return np.bincount(np.argmax(totals, axis=0), minlength=len(matrix)) / DRAWS


def measure(rounds: int) -> dict[str, Any]:
    office = hours_from("09:00-17:00")
    assert office is not None

    def ours_overlap() -> object:
        return weekly_overlap(office, "America/New_York", office, "Australia/Lord_Howe", start=START)

    overlap, overlap_base = _interleaved(ours_overlap, _plain_overlap, rounds)
    matrix, weights, names = _p_first_data()
    first, first_base = _interleaved(
        lambda: p_first(matrix, weights, names), lambda: _plain_p_first(matrix, weights), max(5, rounds // 4)
    )
    return {
        "year_of_overlap_ms": ms(overlap),
        "baseline_plain_zoneinfo_loop_ms": ms(overlap_base),
        "ratio_overlap": round(overlap / overlap_base, 2),
        "former_test_limit_overlap_ms": 50,
        "p_first_200x40_ms": ms(first),
        "baseline_plain_numpy_ms": ms(first_base),
        "ratio_p_first": round(first / first_base, 2),
        "former_test_limit_p_first_ms": 1000,
        "loadavg_1min": round(os.getloadavg()[0], 2),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--rounds", type=int, default=40)
    args = parser.parse_args()
    print(json.dumps(measure(args.rounds), indent=2))


if __name__ == "__main__":
    main()
