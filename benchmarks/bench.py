"""Benchmarks: prints one JSON object of figures, each beside a baseline measured in the same run.

Run: python benchmarks/bench.py [--quick] [--only core|startup|keys|live|comparison]. Nothing here is a
test; figures are reported as ratios. The groups live in their own modules:

- bench_core.py: a score saved, the comparison aggregate, CSV import, calendar, minutes (generated data)
- bench_startup.py: process start to the title and to the sample selection, beside bare Textual apps
- bench_keys.py: key press to frame on 200 candidates in a pseudo-terminal, beside a bare DataTable app
- bench_live.py: the live interview screen's keys (when written)
- bench_comparison_screen.py: the comparison screen, opening and re-ranking (when written)
"""

from __future__ import annotations

import argparse
import importlib
import json
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_common import ROOT, median_time, ms, pct
from bench_core import (
    bench_calendar,
    bench_compare,
    bench_import,
    bench_minutes,
    bench_score_save,
    generate,
)

__all__ = ["ROOT", "generate", "median_time", "ms", "pct"]


def optional(module: str, function: str, *args: object) -> dict:
    """Run ``module.function(*args)`` from a benchmark module that another change may not have written yet."""
    try:
        fn = getattr(importlib.import_module(module), function)
    except ModuleNotFoundError as exc:
        if exc.name != module:
            raise
        return {"not written yet": f"benchmarks/{module}.py"}
    return fn(*args)  # type: ignore[no-any-return]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--quick", action="store_true", help="smaller data and fewer runs, for a smoke run")
    parser.add_argument(
        "--only",
        choices=["core", "startup", "keys", "live", "comparison"],
        default=None,
        help="run one group of figures",
    )
    args = parser.parse_args()
    size = dict(candidates=200, criteria=40, questions=120, members=6, meetings=600)
    calls, repeat, rows, starts, presses = 500, 7, 10_000, 15, 200
    if args.quick:
        size = dict(candidates=20, criteria=8, questions=20, members=3, meetings=40)
        calls, repeat, rows, starts, presses = 50, 3, 500, 5, 40
    groups = {
        "startup": lambda tmp: bench_startup(tmp, starts),
        "keypress": lambda tmp: bench_keypress(tmp, presses),
        "live": lambda tmp: optional("bench_live", "bench_live", tmp, presses),
        "comparison_screen": lambda tmp: optional("bench_comparison_screen", "bench_comparison_screen", tmp, repeat),
    }
    only = {"startup": "startup", "keys": "keypress", "live": "live", "comparison": "comparison_screen"}
    with tempfile.TemporaryDirectory() as tmpdir:
        tmp = Path(tmpdir)
        if args.only in only:
            name = only[args.only]
            print(json.dumps({name: groups[name](tmp)}, indent=2))
            return
        path = tmp / "bench.sqlite3"
        t0 = time.perf_counter()
        info = generate(str(path), **size)
        figures: dict = {"data": {**size, **info, "generate_s": round(time.perf_counter() - t0, 1)}}
        figures["score_save"] = bench_score_save(path, calls)
        figures["compare"] = bench_compare(path, repeat)
        figures["calendar"] = bench_calendar(path, max(3, repeat // 2))
        figures["minutes"] = bench_minutes(tmp, repeat)
        figures["import_csv"] = bench_import(tmp, rows)
        if args.only != "core":
            for name, run in groups.items():
                group_tmp = tmp / name
                group_tmp.mkdir()
                figures[name] = run(group_tmp)
    print(json.dumps(figures, indent=2))


def bench_startup(tmp: Path, repeat: int) -> dict:
    from bench_startup import bench_startup as run

    return run(tmp, repeat)


def bench_keypress(tmp: Path, presses: int) -> dict:
    from bench_keys import bench_keypress as run

    return run(tmp, presses)


if __name__ == "__main__":
    main()
