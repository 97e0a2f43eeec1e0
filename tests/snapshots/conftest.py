"""Fixtures of the SVG snapshots: the sample selection, an app with a frozen clock at 120x40, and driving it still."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest

from screens.app import WorkbenchApp
from tests.harness import build_app, settle_app
from workbench.prefs import Prefs

NOW = datetime(2027, 1, 10, 9, 0, tzinfo=UTC)
SAMPLE = "Outsource IT support (sample)"
MEMBER = "Helen Marsh"


@pytest.fixture
def sample_db(sample_copy: Callable[[str], Path]) -> Path:
    """A database file (sample.sqlite3) holding the sample selection."""
    return sample_copy("sample.sqlite3")


@pytest.fixture
def make_app() -> Callable[..., WorkbenchApp]:
    """Builds the app on a database with the frozen clock; prefs such as selection= and member= are passed on."""

    def make(path: Path, **prefs: str) -> WorkbenchApp:
        app: WorkbenchApp = build_app(path, label="sample.sqlite3", now=NOW, prefs=Prefs(**prefs))
        return app

    return make


@pytest.fixture
def sample_app(sample_db: Path, make_app: Callable[..., WorkbenchApp]) -> Callable[[], WorkbenchApp]:
    """Builds the app on the sample selection, as Helen Marsh."""
    return lambda: make_app(sample_db, selection=SAMPLE, member=MEMBER)


class Drive:
    """Key presses, then waiting until the screen stands still: workers done, cursors not blinking."""

    @staticmethod
    async def settle(pilot: Any) -> None:
        """Wait for the workers and saves (tests/conftest.py's settle_app), then stop the cursors blinking."""
        await settle_app(pilot)
        Drive.still(pilot.app)
        await pilot.pause()

    @staticmethod
    def still(app: Any) -> None:
        """Stop the cursors blinking, so that a snapshot does not depend on the moment it is taken."""
        from textual.widgets import Input, TextArea

        for screen in app.screen_stack:
            for widget in screen.query("Input, TextArea"):
                if isinstance(widget, (Input, TextArea)):
                    widget.cursor_blink = False

    @staticmethod
    def pick(pilot: Any, name: str) -> None:
        """Put the cursor of the candidates table on the row of a candidate."""
        from screens.widgets.row_list import RowList

        table = pilot.app.screen.query_one("#candidates-table", RowList)
        table.move_cursor(row=next(i for i in range(table.row_count) if str(table.get_row_at(i)[0]) == name))

    async def keys(self, pilot: Any, *keys: str) -> None:
        """Settle, then press each key and settle again."""
        await self.settle(pilot)
        for key in keys:
            await pilot.press(key)
            await self.settle(pilot)

    def after(self, *keys: str) -> Callable[[Any], Awaitable[None]]:
        """A ``run_before`` for ``snap_compare`` that presses these keys, the screen settling after each."""

        async def run_before(pilot: Any) -> None:
            await self.keys(pilot, *keys)

        return run_before


@pytest.fixture
def drive() -> Drive:
    return Drive()
