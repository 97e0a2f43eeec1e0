"""Benchmark: a one-cell change in the workspace's Table beside Textual's own DataTable, interleaved.

Why screens/widgets/table.py reaches into DataTable's caches (screens/shell/textual_private.py): Textual 8.2's
``update_cell`` invalidates every cached cell, so the next frame renders every cell in sight through Rich.
Both apps hold the same 200 rows x 6 columns in a 120 x 40 headless terminal; each round changes one
cell in each app in turn (alternating which goes first) and times ``update_cell`` plus the frame that
shows it (``pilot.pause()`` until the screen is drawn). The figure is the ratio of the medians and of
the 99th percentiles, with the load average beside it.

Run: python benchmarks/bench_table.py [--rounds N]
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import time
from typing import Any

from bench_common import ms, pct
from textual.app import App, ComposeResult
from textual.widgets import DataTable

from screens.widgets.table import Table

ROWS, COLUMNS = 200, 6
STATUSES = ("long-list", "shortlisted", "interviewing", "finalist")


class ListApp(App[None]):
    """One table of the given class, filled like the candidates' tabs."""

    def __init__(self, table_class: type[DataTable[Any]]) -> None:
        super().__init__()
        self.table_class = table_class

    def compose(self) -> ComposeResult:
        yield self.table_class(id="t", cursor_type="row", zebra_stripes=True)

    def on_mount(self) -> None:
        table = self.query_one(DataTable)
        for c in range(COLUMNS):
            table.add_column(f"Column {c}", key=f"c{c}")
        for r in range(ROWS):
            table.add_row(*(f"row {r} cell {c}" for c in range(COLUMNS)), key=str(r))
        table.focus()


async def _one_change(app: ListApp, pilot: Any, i: int) -> float:
    table = app.query_one(DataTable)
    t0 = time.perf_counter()
    table.update_cell(str(i % 30), "c1", STATUSES[i % len(STATUSES)])
    await pilot.pause()
    return time.perf_counter() - t0


async def measure(rounds: int) -> dict[str, Any]:
    ours, theirs = ListApp(Table), ListApp(DataTable)
    out: dict[str, list[float]] = {"table": [], "datatable": []}
    async with ours.run_test(size=(120, 40)) as p_ours, theirs.run_test(size=(120, 40)) as p_theirs:
        await p_ours.pause()
        await p_theirs.pause()
        for i in range(rounds):
            pair = [("table", ours, p_ours), ("datatable", theirs, p_theirs)]
            for name, app, pilot in pair if i % 2 == 0 else reversed(pair):
                out[name].append(await _one_change(app, pilot, i))
    table, data = out["table"], out["datatable"]
    p50, p99 = pct(table, 0.5), pct(table, 0.99)
    b50, b99 = pct(data, 0.5), pct(data, 0.99)
    return {
        "one_cell_change_table_p50_ms": ms(p50),
        "one_cell_change_table_p99_ms": ms(p99),
        "baseline_datatable_p50_ms": ms(b50),
        "baseline_datatable_p99_ms": ms(b99),
        "ratio_p50": round(p50 / b50, 2),
        "ratio_p99": round(p99 / b99, 2),
        "rounds": rounds,
        "loadavg_1min": round(os.getloadavg()[0], 2),
        "note": f"{ROWS} rows x {COLUMNS} columns, 120x40 headless, update_cell + the frame, interleaved",
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--rounds", type=int, default=200)
    args = parser.parse_args()
    print(json.dumps(asyncio.run(measure(args.rounds)), indent=2))


if __name__ == "__main__":
    main()
