"""SVG snapshots of the comparison, its drill-down and the minutes at 120x40 on the sample, with a frozen clock."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

from screens.app import WorkbenchApp
from tests.harness import build_app, settle_app

SIZE = (120, 40)
NOW = datetime(2027, 1, 10, 9, 0, tzinfo=UTC)
SAMPLE = "Outsource IT support (sample)"


def _app(path: Path, start: tuple[str, str] | None = None) -> WorkbenchApp:
    app: WorkbenchApp = build_app(path, label="sample.sqlite3", now=NOW, start=start)
    return app


async def _settle(pilot) -> None:  # type: ignore[no-untyped-def]
    await settle_app(pilot)


def _keys(*keys: str):  # type: ignore[no-untyped-def]
    async def run_before(pilot) -> None:  # type: ignore[no-untyped-def]
        await _settle(pilot)
        for key in keys:
            await pilot.press(key)
            await _settle(pilot)

    return run_before


class TestComparison:
    def test_comparison_with_flags(self, snap_compare, sample_db: Path) -> None:  # type: ignore[no-untyped-def]
        """F5: criteria by candidates coloured by score, ⚑ on a disagreement, the extra rows, the flip line, bars."""
        assert snap_compare(_app(sample_db), terminal_size=SIZE, run_before=_keys("f5"))

    def test_after_a_weight_edit(self, snap_compare, sample_db: Path) -> None:  # type: ignore[no-untyped-def]
        """The time-zone fit weight raised from 10 to 23 with +: Northgate Managed IT now leads."""
        keys = ("f5", "down", "down", "down", "down") + ("plus",) * 13
        assert snap_compare(_app(sample_db), terminal_size=SIZE, run_before=_keys(*keys))

    def test_drill_down(self, snap_compare, sample_db: Path) -> None:  # type: ignore[no-untyped-def]
        """Enter on Technical depth x Northgate Managed IT: the scores, comments and notes behind the flagged cell."""
        assert snap_compare(_app(sample_db), terminal_size=SIZE, run_before=_keys("f5", "down", "right", "enter"))

    def test_minutes(self, snap_compare, sample_db: Path) -> None:  # type: ignore[no-untyped-def]
        """The minutes of the Northgate deep dive, rendered as Markdown."""
        assert snap_compare(_app(sample_db, start=("minutes", "2")), terminal_size=SIZE, run_before=_keys())
