"""SVG snapshots of the screens at 120x40 on the sample selection, with a frozen clock."""

from __future__ import annotations

from datetime import datetime, timezone
from pathlib import Path

import pytest

from screens.app import WorkbenchApp
from workbench.config import resolve_database
from workbench.prefs import Prefs
from workbench.services import open_services

SIZE = (120, 40)
NOW = datetime(2027, 1, 10, 9, 0, tzinfo=timezone.utc)
SAMPLE = "Outsource IT support (sample)"


@pytest.fixture
def sample_db(tmp_path: Path) -> Path:
    path = tmp_path / "sample.sqlite3"
    svc = open_services(resolve_database(str(path)))
    svc.demo.create_sample()
    svc.close()
    return path


def _app(path: Path, **prefs: str) -> WorkbenchApp:
    target = resolve_database(str(path))
    return WorkbenchApp(lambda: open_services(target), database_label="sample.sqlite3", now=NOW,
                        prefs=Prefs(**prefs), remember=False)


async def _settle(pilot) -> None:  # type: ignore[no-untyped-def]
    for _ in range(3):
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()


class TestHome:
    def test_home_with_the_sample(self, snap_compare, sample_db: Path) -> None:  # type: ignore[no-untyped-def]
        """The selections with their progress and the next 14 days."""
        assert snap_compare(_app(sample_db, selection=SAMPLE, member="Helen Marsh"), terminal_size=SIZE, run_before=_settle)

    def test_welcome_on_an_empty_database(self, snap_compare, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
        """An empty database offers the sample selection or a new one."""
        assert snap_compare(_app(tmp_path / "empty.sqlite3"), terminal_size=SIZE, run_before=_settle)

    def test_help(self, snap_compare, sample_db: Path) -> None:  # type: ignore[no-untyped-def]
        """F1 lists the keys of the home screen."""
        async def run_before(pilot) -> None:  # type: ignore[no-untyped-def]
            await _settle(pilot)
            await pilot.press("f1")
            await pilot.pause()

        assert snap_compare(_app(sample_db, selection=SAMPLE, member="Helen Marsh"), terminal_size=SIZE, run_before=run_before)


class TestSchedule:
    def test_schedule_by_day(self, snap_compare, sample_db: Path) -> None:  # type: ignore[no-untyped-def]
        """Meetings grouped by day in our time and the vendor's, with markers."""
        async def run_before(pilot) -> None:  # type: ignore[no-untyped-def]
            await _settle(pilot)
            await pilot.press("f4")
            await _settle(pilot)

        assert snap_compare(_app(sample_db, selection=SAMPLE, member="Helen Marsh"), terminal_size=SIZE, run_before=run_before)


async def _open(pilot, *keys: str) -> None:  # type: ignore[no-untyped-def]
    await _settle_without_trees(pilot)
    for key in keys:
        await pilot.press(key)
        await _settle_without_trees(pilot)


async def _settle_without_trees(pilot) -> None:  # type: ignore[no-untyped-def]
    """Wait for the workers, but not for a folder tree's loader, which never ends."""
    import asyncio

    for _ in range(3):
        pending = [w for w in pilot.app.workers if not w.is_finished and "tree" not in (w.name or "").lower()
                   and "load" != (w.group or "")]
        if pending:
            await asyncio.wait_for(asyncio.gather(*(w.wait() for w in pending), return_exceptions=True), 20)
        await pilot.pause()


class TestWorkspace:
    def test_scope(self, snap_compare, sample_db: Path) -> None:  # type: ignore[no-untyped-def]
        """Scope items with decision, priority and what depends on them."""
        async def run_before(pilot) -> None:  # type: ignore[no-untyped-def]
            await _open(pilot, "f2")

        assert snap_compare(_app(sample_db, selection=SAMPLE, member="Helen Marsh"), terminal_size=SIZE, run_before=run_before)

    def test_candidates(self, snap_compare, sample_db: Path) -> None:  # type: ignore[no-untyped-def]
        """The candidate list with its filter."""
        async def run_before(pilot) -> None:  # type: ignore[no-untyped-def]
            await _open(pilot, "f3")

        assert snap_compare(_app(sample_db, selection=SAMPLE, member="Helen Marsh"), terminal_size=SIZE, run_before=run_before)

    def test_candidate_profile(self, snap_compare, sample_db: Path) -> None:  # type: ignore[no-untyped-def]
        """A candidate's profile tab."""
        async def run_before(pilot) -> None:  # type: ignore[no-untyped-def]
            await _open(pilot, "f3", "enter")

        assert snap_compare(_app(sample_db, selection=SAMPLE, member="Helen Marsh"), terminal_size=SIZE, run_before=run_before)
