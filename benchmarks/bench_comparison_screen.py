"""Benchmark: the comparison screen on 50 candidates x 40 criteria, beside a plain pre-formatted Static of the
same matrix.

Two figures, each a median beside its baseline from the same run (TEXTUAL_FPS=1000, headless):

- open: from the F5 key to the first frame with the whole matrix on screen, and to the first frame
  with P(first) and the leader flip as well (the same frame when the screen reads them with the
  matrix, as it does for the stored weights; else a later one). The baseline reads the same data through the
  same services (the
  comparison with robustness, the extra rows, the members' means) in one worker and shows it
  as one pre-formatted Static, on a screen with the workbench's header and footer (as the
  comparison screen has); the Static alone on a bare screen is reported too.
- re-rank: from the + key on a criterion to the first frame with the new totals and ranks, and
  to the first frame with the new P(first) and leader flip as well. The baseline recomputes the
  same comparison (the same pure `rebuild`) and re-renders its whole Static; the screen also
  saves the weight through the services in a worker meanwhile.

Timing: the key event is handed to the app's driver directly (as Pilot.press does) and the clock
stops at the first frame the compositor renders (App._display) once the change is in place, so
the Pilot's own waiting for idle is not counted.

Run: python benchmarks/bench_comparison_screen.py [--quick]
"""

from __future__ import annotations

import os

os.environ["TEXTUAL_FPS"] = "1000"  # before Textual is imported

import argparse
import asyncio
import json
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import UTC
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

CANDIDATES, CRITERIA = 50, 40


def make_data(path: Path, *, candidates: int = CANDIDATES, criteria: int = CRITERIA, members: int = 4) -> dict:
    """The selection "Bench" from bench.generate, then every meeting's agenda and scores completed with every
    question, so that each candidate has a score on each criterion (generate gives each candidate one kind)."""
    import random
    from datetime import datetime

    from bench import generate
    from sqlalchemy import create_engine, insert, text

    from workbench.store import models as m

    info = generate(
        str(path),
        candidates=candidates,
        criteria=criteria,
        questions=criteria * 2,
        members=members,
        meetings=candidates * 2,
    )
    engine = create_engine(f"sqlite:///{path}")
    rng = random.Random(7)
    with engine.begin() as conn:
        questions = [r[0] for r in conn.execute(text("SELECT id FROM question ORDER BY id"))]
        meetings = [r[0] for r in conn.execute(text("SELECT id FROM meeting ORDER BY id"))]
        mems = [r[0] for r in conn.execute(text("SELECT id FROM panel_member ORDER BY id"))]
        on = {(r[0], r[1]) for r in conn.execute(text("SELECT meeting_id, question_id FROM agenda_item"))}
        when = datetime(2027, 1, 1, tzinfo=UTC)
        agenda, scores = [], []
        for mid in meetings:
            for pos, q in enumerate(questions):
                if (mid, q) in on:
                    continue
                agenda.append(dict(meeting_id=mid, question_id=q, position=1000 + pos))
                scores += [
                    dict(
                        meeting_id=mid,
                        question_id=q,
                        member_id=mem,
                        value=rng.randint(1, 5),
                        comment="",
                        updated_at=when,
                    )
                    for mem in mems
                ]
        if agenda:
            conn.execute(insert(m.AgendaItem), agenda)
            conn.execute(insert(m.Score), scores)
    engine.dispose()
    return {**info, "candidates": candidates, "criteria": criteria, "members": members}


class Frames:
    """Wraps App._display: the time of the first frame rendered once ``condition()`` holds."""

    def __init__(self, app: Any) -> None:
        self.app = app
        self.condition: Callable[[], bool] | None = None
        self.at: float | None = None
        original = app._display

        def display(screen: Any, renderable: Any) -> None:
            if renderable is not None and self.condition is not None and self.at is None and self.condition():
                self.at = time.perf_counter()
            original(screen, renderable)

        app._display = display

    async def time_key(self, key: str, char: str | None, condition: Callable[[], bool], timeout: float = 60) -> float:
        """Seconds from sending ``key`` to the first frame where ``condition`` holds."""
        from textual import events

        self.condition, self.at = condition, None
        event = events.Key(key, char)
        event.set_sender(self.app)
        t0 = time.perf_counter()
        self.app._driver.send_message(event)
        await self._until(key, t0, timeout)
        return self.at - t0

    async def wait(self, condition: Callable[[], bool], timeout: float = 60) -> float:
        """The time of the first frame (from now on) where ``condition`` holds."""
        self.condition, self.at = condition, None
        await self._until("a later frame", time.perf_counter(), timeout)
        return self.at

    async def _until(self, what: str, t0: float, timeout: float) -> None:
        while self.at is None:
            if time.perf_counter() - t0 > timeout:
                self.condition = None
                raise TimeoutError(f"no frame with the change after {what!r}")
            await asyncio.sleep(0.0002)
        self.condition = None


async def _idle(app: Any, pilot: Any) -> None:
    for _ in range(6):
        await app.workers.wait_for_complete()
        await pilot.pause()


# ---------------------------------------------------------------------- the workbench's screen


async def _screen_run(path: Path, repeat: int) -> dict[str, list[float]]:
    from screens.app import WorkbenchApp
    from screens.comparison.comparison import ComparisonScreen
    from workbench.config import resolve_database
    from workbench.prefs import Prefs
    from workbench.services import open_services

    target = resolve_database(str(path))
    app = WorkbenchApp(
        lambda: open_services(target),
        database_label="bench",
        prefs=Prefs(selection="Bench", member="Member 0"),
        remember=False,
    )
    out: dict[str, list[float]] = {"open": [], "open_complete": [], "rerank": [], "rerank_robust": []}
    async with app.run_test(size=(200, 60)) as pilot:
        frames = Frames(app)
        await _idle(app, pilot)
        rows = CRITERIA + 9

        complete_at_open: list[bool] = []

        def opened() -> bool:
            s = app.screen
            if isinstance(s, ComparisonScreen) and s.loaded is not None and s.table.row_count == rows:
                complete_at_open.append(s.robust_shown)  # P(first) in the same frame as the matrix?
                return True
            return False

        for _ in range(repeat):
            sent = time.perf_counter()
            complete_at_open.clear()
            opening = await frames.time_key("f5", None, opened)
            out["open"].append(opening)
            if complete_at_open[-1]:
                out["open_complete"].append(opening)
            else:
                out["open_complete"].append(await frames.wait(lambda: app.screen.robust_shown) - sent)
            await _idle(app, pilot)
            await pilot.press("escape")
            await _idle(app, pilot)
        await pilot.press("f5")
        await _idle(app, pilot)
        screen = app.screen
        assert isinstance(screen, ComparisonScreen)
        crit = screen.shown.criteria[0].id
        for i in range(repeat):
            key, char, step = ("plus", "+", 1) if i % 2 == 0 else ("minus", "-", -1)
            goal = screen.weights[crit] + step
            change = screen._generation + 1

            def quick(goal: float = goal) -> bool:
                return screen.weights[crit] == goal and str(screen.table.get_cell(f"c{crit}", "weight")) == f"{goal:g}"

            def robust(change: int = change) -> bool:
                return quick() and screen.robust_generation == change

            sent = time.perf_counter()
            out["rerank"].append(await frames.time_key(key, char, quick))
            out["rerank_robust"].append(await frames.wait(robust) - sent)
            await _idle(app, pilot)
    return out


# ---------------------------------------------------------------------- the baseline: one Static


def matrix_text(view: Any, extras: dict) -> str:
    """The same matrix as plain pre-formatted text: the rows of `workbench compare` and the extra rows."""
    from workbench.exports.comparison import matrix_rows

    header, rows = matrix_rows(view)
    for label, fn in (
        ("Due diligence done", lambda e: f"{e.checks_done}/{e.checks}"),
        ("Recommendations", lambda e: str(e.recommendations)),
        ("Knowledge gaps", lambda e: str(e.knowledge_gaps)),
    ):
        rows.append([label, ""] + [fn(extras[r.id]) if r.id in extras else "–" for r in view.candidates])
    widths = [max(len(str(row[i])) for row in [header, *rows]) for i in range(len(header))]
    lines = [
        "  ".join(
            str(v).ljust(w) if i == 0 else str(v).rjust(w) for i, (v, w) in enumerate(zip(row, widths, strict=True))
        )
        for row in [header, *rows]
    ]
    return "\n".join(lines)


async def _baseline_run(path: Path, repeat: int, robust: bool, chrome: bool = True) -> dict[str, list[float]]:
    """The baseline app; ``chrome``: its screen has the workbench's header and footer, as the comparison screen has."""
    from rich.text import Text
    from textual.app import App
    from textual.binding import Binding
    from textual.containers import ScrollableContainer
    from textual.screen import Screen
    from textual.widgets import Label, Static

    from screens.comparison.loading import fetch
    from screens.shell.base import WorkbenchScreen
    from workbench.config import resolve_database
    from workbench.services import open_services
    from workbench.services.comparison_build import rebuild

    services = open_services(resolve_database(str(path)))

    class Plain(WorkbenchScreen if chrome else Screen):  # type: ignore[misc]
        BINDINGS = [Binding("plus", "weight(1)"), Binding("minus", "weight(-1)"), Binding("escape", "app.pop_screen()")]

        def __init__(self) -> None:
            super().__init__()
            self.loaded: Any = None
            self.weights: dict[int, float] = {}
            self.shown_weights: dict[int, float] = {}

        def compose_body(self):  # type: ignore[no-untyped-def]
            with ScrollableContainer():
                yield Static("", id="matrix")

        if not chrome:

            def compose(self):  # type: ignore[no-untyped-def]
                yield from self.compose_body()

        def on_mount(self) -> None:
            self.run_worker(lambda: fetch(services, "Bench", None), thread=True)

        def on_worker_state_changed(self, event: Any) -> None:
            if event.worker.is_finished and event.worker.result is not None:
                self.loaded = event.worker.result
                self.weights = {c.id: c.weight for c in self.loaded.view.criteria}
                self.show(self.loaded.view)

        def show(self, view: Any) -> None:
            self.query_one("#matrix", Static).update(Text(matrix_text(view, self.loaded.extras)))
            self.shown_weights = {c.id: c.weight for c in view.criteria}

        def action_weight(self, step: int) -> None:
            crit = self.loaded.view.criteria[0].id
            self.weights[crit] = max(0.0, self.weights[crit] + step)
            self.show(rebuild(self.loaded.view, weights=self.weights, with_robustness=robust))

    class Bare(App):
        BINDINGS = [Binding("f5", "open")]

        def compose(self):  # type: ignore[no-untyped-def]
            yield Label("home")

        def action_open(self) -> None:
            self.push_screen(Plain())

    app = Bare()
    out: dict[str, list[float]] = {"open": [], "rerank": []}
    try:
        async with app.run_test(size=(200, 60)) as pilot:
            frames = Frames(app)
            await pilot.pause()

            def opened() -> bool:
                return isinstance(app.screen, Plain) and app.screen.loaded is not None

            for _ in range(repeat):
                out["open"].append(await frames.time_key("f5", None, opened))
                await _idle(app, pilot)
                await pilot.press("escape")
                await _idle(app, pilot)
            await pilot.press("f5")
            await _idle(app, pilot)
            screen = app.screen
            crit = screen.loaded.view.criteria[0].id
            for i in range(repeat):
                key, char, step = ("plus", "+", 1) if i % 2 == 0 else ("minus", "-", -1)
                goal = screen.weights[crit] + step
                out["rerank"].append(
                    await frames.time_key(key, char, lambda goal=goal: screen.shown_weights.get(crit) == goal)
                )
                await _idle(app, pilot)
    finally:
        services.close()
    return out


def bench_comparison_screen(tmp: Path, repeat: int, rounds: int = 3) -> dict:
    """The comparison screen on 50 x 40 beside a plain Static of the same matrix (medians, ratios).

    The apps take turns, ``rounds`` times, each measuring ``repeat`` opens and re-ranks, so that
    the noise of a shared machine falls on both sides alike.
    """
    path = tmp / "comparison_screen.sqlite3"
    t0 = time.perf_counter()
    data = make_data(path)
    data["generate_s"] = round(time.perf_counter() - t0, 1)
    ours: dict[str, list[float]] = {"open": [], "open_complete": [], "rerank": [], "rerank_robust": []}
    quick: dict[str, list[float]] = {"open": [], "rerank": []}
    full: dict[str, list[float]] = {"open": [], "rerank": []}
    bare: dict[str, list[float]] = {"open": [], "rerank": []}
    for _ in range(rounds):
        for side, run in (
            (ours, lambda: _screen_run(path, repeat)),
            (quick, lambda: _baseline_run(path, repeat, robust=False)),
            (full, lambda: _baseline_run(path, repeat, robust=True)),
            (bare, lambda: _baseline_run(path, repeat, robust=True, chrome=False)),
        ):
            for key, values in asyncio.run(run()).items():
                side[key] += values
    med = {k: statistics.median(v) for k, v in ours.items()}
    base_open = statistics.median(quick["open"] + full["open"])
    bare_open = statistics.median(bare["open"])
    base_quick = statistics.median(quick["rerank"])
    base_full = statistics.median(full["rerank"])
    bare_full = statistics.median(bare["rerank"])

    def ms(seconds: float) -> float:
        return round(seconds * 1000, 1)

    return {
        "data": data,
        "measurements_per_figure": rounds * repeat,
        "open_ms": ms(med["open"]),
        "baseline_static_open_ms": ms(base_open),
        "ratio_open": round(med["open"] / base_open, 2),
        "open_with_robustness_ms": ms(med["open_complete"]),
        "ratio_open_with_robustness": round(med["open_complete"] / base_open, 2),
        "bare_static_open_ms": ms(bare_open),
        "ratio_open_with_robustness_to_bare": round(med["open_complete"] / bare_open, 2),
        "rerank_totals_ms": ms(med["rerank"]),
        "baseline_static_rerank_no_robustness_ms": ms(base_quick),
        "ratio_rerank_totals": round(med["rerank"] / base_quick, 2),
        "rerank_with_robustness_ms": ms(med["rerank_robust"]),
        "baseline_static_rerank_with_robustness_ms": ms(base_full),
        "ratio_rerank_with_robustness": round(med["rerank_robust"] / base_full, 2),
        "bare_static_rerank_with_robustness_ms": ms(bare_full),
        "ratio_rerank_with_robustness_to_bare": round(med["rerank_robust"] / bare_full, 2),
        "target_ratio": 2.0,
        "note": "headless, TEXTUAL_FPS=1000; key sent to the driver, clock stopped at the first frame rendered with "
        "the "
        "change (Pilot's idle waits not counted); the screen also saves the weight in a worker meanwhile. "
        "baseline_static: a screen with the workbench's header and footer and one Static; bare_static: the "
        "Static alone",
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=5, help="measurements per figure in each round")
    parser.add_argument("--rounds", type=int, default=3, help="turns each app takes (the median is over all)")
    parser.add_argument("--quick", action="store_true", help="one round of 3, for a smoke run")
    args = parser.parse_args()
    repeat, rounds = (3, 1) if args.quick else (args.repeat, args.rounds)
    with tempfile.TemporaryDirectory() as tmpdir:
        print(json.dumps({"comparison_screen": bench_comparison_screen(Path(tmpdir), repeat, rounds)}, indent=2))


if __name__ == "__main__":
    main()
