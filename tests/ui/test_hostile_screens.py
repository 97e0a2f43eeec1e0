"""Every screen shows user text as written: never read as markup, never a control sequence on the terminal.

The sample's names and texts get terminal escapes, bidi controls and Rich markup written straight into
the database (tests/hostile.py). Each screen must open (no MarkupError), show the literal text, and
draw no ESC, BEL, C1 or bidi control (what the screen draws is read back from its screenshot).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from tests.harness import Notices, build_app, settle_app
from tests.hostile import forbidden_in, make_hostile, sqlite_value


def _drawn(app: Any) -> str:
    """The text the screen draws now (its screenshot, the SVG's spaces made plain)."""
    return str(app.export_screenshot()).replace("&#160;", " ")


def _check(app: Any, where: str, *words: str) -> None:
    drawn = _drawn(app)
    assert forbidden_in(drawn) == [], where
    for word in words or ("[/x] Closer",):
        assert word in drawn, where  # shown literally: markup is not read
    assert "␛]52;c;" in drawn or "␛]0;pwned" in drawn or "[bold" in drawn, where


@pytest.fixture
def hostile(sample_path: Path, tmp_path: Path) -> Path:
    return make_hostile(sample_path, tmp_path / "hostile.sqlite3")


@pytest.mark.slow
async def test_every_screen_shows_hostile_names_plainly(hostile: Path) -> None:
    selection = sqlite_value(hostile, "SELECT name FROM selection")
    member = sqlite_value(hostile, "SELECT name FROM panel_member ORDER BY id")
    notices = Notices()
    app = build_app(hostile, selection=selection, member=member, label=f"{hostile}[/x]")
    async with app.run_test(size=(160, 50), message_hook=notices) as pilot:
        await settle_app(pilot)
        _check(app, "home", "[/x] Closer [bold red]loud[/]")
        for key, name in (("f2", "scope"), ("f3", "candidates"), ("f4", "schedule"), ("f5", "comparison")):
            await pilot.press(key)
            await settle_app(pilot)
            assert type(app.screen).__name__.lower().startswith(name), app.screen
            _check(app, name)
            if name in ("candidates", "comparison"):  # one candidate's tabs, one cell's drill-down
                await pilot.press("enter")
                await settle_app(pilot)
                _check(app, f"{name}: enter")
                if name == "candidates":
                    for tab in range(4):
                        await pilot.press("right")
                        await settle_app(pilot)
                        assert forbidden_in(_drawn(app)) == [], f"tab {tab}"
                await pilot.press("escape")
                await settle_app(pilot)
            if name == "schedule":
                await pilot.press("down")
                await settle_app(pilot)
                _check(app, "schedule: a meeting's detail", "[/x]")
        app.open_record("minutes", 1)
        await settle_app(pilot)
        _check(app, "minutes")
        await pilot.press("escape")
        await settle_app(pilot)
        app.action_choose_member()
        await settle_app(pilot)
        _check(app, "member picker")
        assert app.return_code is None  # still running: nothing crashed
    for notification in notices:
        assert forbidden_in(notification.message + notification.title) == []
        assert not notification.markup


async def test_a_database_path_with_markup_still_opens_the_home_screen(hostile: Path) -> None:
    from textual.widgets import Static

    from screens.home.home import HomeScreen

    app = build_app(hostile, selection=None, member=None, label="/tmp/[/x] [b]odd[/b]/\x1b]0;t\x07wb.sqlite3")
    async with app.run_test(size=(160, 40)) as pilot:
        await settle_app(pilot)
        home = next(s for s in app.screen_stack if isinstance(s, HomeScreen))
        status = str(home.query_one("#home-status", Static).render())
        assert "Opening the database" not in status and "1 selection" in status
        drawn = _drawn(app)
        assert "[/x] [b]odd[/b]" in drawn and forbidden_in(drawn) == []  # the header shows the path as it is


async def test_notifications_are_plain_text(hostile: Path) -> None:
    notices = Notices()
    app = build_app(hostile, selection=None, member=None)
    async with app.run_test(size=(120, 40), message_hook=notices) as pilot:
        await settle_app(pilot)
        app.notify("[/x] \x1b]52;c;eA==\x07 [bold red]loud[/]", title="[b]t\x1b[2J[/b]")
        await pilot.pause()
        drawn = _drawn(app)
        assert "[/x]" in drawn and "[bold red]loud[/]" in drawn and forbidden_in(drawn) == []
    shown = notices.shown[-1]
    assert shown.message == "[/x] ␛]52;c;eA==␇ [bold red]loud[/]" and shown.title == "[b]t␛[2J[/b]"
