"""Process start to the title, and to the sample selection on screen, beside bare Textual apps showing one label.

Each program runs in a pseudo-terminal (120x40); the clock stops when the text is read from it.
The runs are interleaved (the order rotating every round), so that the machine's noise hits every
side alike, and each figure is a median.

Run alone: python benchmarks/bench_startup.py [--repeat N]
"""

from __future__ import annotations

import statistics
import sys
import time
from pathlib import Path

from bench_common import child_env, ms, subprocess_run

BARE_APP = """
import sys
{extra}
from textual.app import App
from textual.widgets import Label

class Bare(App):
    def compose(self):
        yield Label(sys.argv[1])

Bare().run()
"""

TITLE = "Vendor Interview Workbench"
SAMPLE = "Outsource IT support"


def time_to_text(args: list[str], text: str, env: dict[str, str]) -> float:
    """Seconds from spawning a process in a pseudo-terminal until ``text`` is on its screen."""
    import pexpect

    t0 = time.perf_counter()
    child = pexpect.spawn(args[0], args[1:], env=env, dimensions=(40, 120), timeout=60)
    child.expect(text)
    elapsed = time.perf_counter() - t0
    child.terminate(force=True)
    child.close()
    return elapsed


def bench_startup(tmp: Path, repeat: int) -> dict:
    """Process start to the title, and to the sample selection, beside bare Textual apps showing one label."""
    env = child_env(tmp)
    db = tmp / "startup.sqlite3"
    subprocess_run([sys.executable, "-m", "workbench", "--db", str(db), "demo"], env)
    bare = tmp / "bare.py"
    bare.write_text(BARE_APP.format(extra=""))
    bare_orm = tmp / "bare_orm.py"
    bare_orm.write_text(BARE_APP.format(extra="import sqlmodel  # noqa: F401"))
    app = [sys.executable, "-m", "workbench", "--db", str(db), "--as", "Helen Marsh"]
    time_to_text(app, SAMPLE, env)  # once, so that the selection is remembered as on a second start
    sides = {
        "bare": ([sys.executable, str(bare), "Hello label"], "Hello label"),
        "title": (app, TITLE),
        "bare_orm": ([sys.executable, str(bare_orm), "Hello label"], "Hello label"),
        "sample": (app, SAMPLE),
    }
    runs: dict[str, list[float]] = {name: [] for name in sides}
    order = list(sides)
    for round_ in range(repeat):  # interleaved, the order rotating, so that machine noise hits every side alike
        for name in order[round_ % len(order) :] + order[: round_ % len(order)]:
            args, text = sides[name]
            runs[name].append(time_to_text(args, text, env))
    med = {k: statistics.median(v) for k, v in runs.items()}
    return {
        "runs": repeat,
        "title_ms": ms(med["title"]),
        "baseline_bare_label_ms": ms(med["bare"]),
        "ratio_title": round(med["title"] / med["bare"], 2),
        "target_ratio_title": 1.3,
        "sample_on_screen_ms": ms(med["sample"]),
        "baseline_bare_textual_sqlmodel_label_ms": ms(med["bare_orm"]),
        "ratio_sample": round(med["sample"] / med["bare_orm"], 2),
        "target_ratio_sample": 1.3,
    }


if __name__ == "__main__":
    import argparse
    import json
    import tempfile

    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--repeat", type=int, default=15)
    options = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmpdir:
        print(json.dumps({"startup": bench_startup(Path(tmpdir), options.repeat)}, indent=2))
