"""Helpers shared by the benchmark modules: percentiles, medians, milliseconds, the environment of a child app."""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
for _path in (str(ROOT), str(ROOT / "benchmarks")):
    if _path not in sys.path:
        sys.path.insert(0, _path)


def pct(samples: list[float], q: float) -> float:
    """The q-quantile of the samples (nearest rank)."""
    ordered = sorted(samples)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


def median_time(fn: Callable[[], object], repeat: int) -> float:
    """The median of ``repeat`` timed calls of ``fn``, in seconds."""
    times = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t0)
    return statistics.median(times)


def ms(seconds: float) -> float:
    return round(seconds * 1000, 3)


def child_env(tmp: Path, **extra: str) -> dict[str, str]:
    """The environment of an app started by a benchmark: its own home, data and config folders under ``tmp``."""
    return {
        **os.environ,
        "TERM": "xterm-256color",
        "HOME": str(tmp),
        "XDG_CONFIG_HOME": str(tmp / "config"),
        "XDG_DATA_HOME": str(tmp / "data"),
        "PYTHONPATH": str(ROOT),
        **extra,
    }


def subprocess_run(args: list[str], env: dict[str, str]) -> None:
    subprocess.run(args, env=env, check=True, capture_output=True)
