"""SVG snapshots of the screens at 120x40 on the sample selection, with a frozen clock (fixtures in conftest.py)."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Any

SIZE = (120, 40)
SAMPLE = "Outsource IT support (sample)"


class TestHome:
    def test_home_with_the_sample(self, snap_compare, sample_app, drive) -> None:  # type: ignore[no-untyped-def]
        """The selections with their progress and the next 14 days."""
        assert snap_compare(sample_app(), terminal_size=SIZE, run_before=drive.settle)

    def test_welcome_on_an_empty_database(self, snap_compare, make_app, drive, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
        """An empty database offers the sample selection or a new one."""
        assert snap_compare(make_app(tmp_path / "empty.sqlite3"), terminal_size=SIZE, run_before=drive.settle)

    def test_help(self, snap_compare, sample_app, drive) -> None:  # type: ignore[no-untyped-def]
        """F1 lists the keys of the home screen."""
        assert snap_compare(sample_app(), terminal_size=SIZE, run_before=drive.after("f1"))


class TestSchedule:
    def test_schedule_by_day(self, snap_compare, sample_app, drive) -> None:  # type: ignore[no-untyped-def]
        """Meetings grouped by day in our time and the vendor's, with markers."""
        assert snap_compare(sample_app(), terminal_size=SIZE, run_before=drive.after("f4"))


class TestWorkspace:
    def test_scope(self, snap_compare, sample_app, drive) -> None:  # type: ignore[no-untyped-def]
        """Scope items with decision, priority and what depends on them."""
        assert snap_compare(sample_app(), terminal_size=SIZE, run_before=drive.after("f2"))

    def test_candidates(self, snap_compare, sample_app, drive) -> None:  # type: ignore[no-untyped-def]
        """The candidate list with its filter."""
        assert snap_compare(sample_app(), terminal_size=SIZE, run_before=drive.after("f3"))

    def test_candidate_profile(self, snap_compare, sample_app, drive) -> None:  # type: ignore[no-untyped-def]
        """A candidate's profile tab."""
        assert snap_compare(sample_app(), terminal_size=SIZE, run_before=drive.after("f3", "enter"))


def _northgate_tab(drive: Any, tabs: int, *then: str) -> Callable[[Any], Awaitable[None]]:
    """A run_before that opens Northgate (scored meetings, a finalist) and moves ``tabs`` tabs right, then ``then``."""

    async def run_before(pilot: Any) -> None:
        await drive.keys(pilot, "f3")
        drive.pick(pilot, "Northgate Managed IT")
        await drive.keys(pilot, "enter", *(["ctrl+pagedown"] * tabs), *then)

    return run_before


class TestCandidateTabs:
    """The tabs of the candidate screen besides the profile."""

    def test_recommendations(self, snap_compare, sample_app, drive) -> None:  # type: ignore[no-untyped-def]
        """Who recommended the vendor, with sentiment and rating; the row under the cursor in full below."""
        assert snap_compare(sample_app(), terminal_size=SIZE, run_before=_northgate_tab(drive, 1))

    def test_people_with_a_stale_check(self, snap_compare, sample_db: Path, sample_app, drive) -> None:  # type: ignore[no-untyped-def]
        """The vendor's people; Ben Hartley, last checked over 180 days before the frozen today, is marked stale."""
        from workbench.config import resolve_database
        from workbench.services import open_services

        svc = open_services(resolve_database(str(sample_db)))
        try:
            person = next(
                p for p in svc.candidates.people("Northgate Managed IT", selection=SAMPLE) if p.name == "Ben Hartley"
            )
            svc.candidates.update_person(person.id, last_checked="2026-05-04")
        finally:
            svc.close()
        assert snap_compare(sample_app(), terminal_size=SIZE, run_before=_northgate_tab(drive, 2))

    def test_due_diligence(self, snap_compare, sample_app, drive) -> None:  # type: ignore[no-untyped-def]
        """The checklist with status and evidence."""
        assert snap_compare(sample_app(), terminal_size=SIZE, run_before=_northgate_tab(drive, 3))

    def test_meetings(self, snap_compare, sample_app, drive) -> None:  # type: ignore[no-untyped-def]
        """The vendor's meetings; enter on the deep dive shows its attendees and agenda."""
        assert snap_compare(sample_app(), terminal_size=SIZE, run_before=_northgate_tab(drive, 4, "down", "enter"))
