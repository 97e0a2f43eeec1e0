"""Moving between the sections with F2-F5, escape and enter never piles screens up: the stack is always
the home screen, at most one section, and what was opened over that section."""

from __future__ import annotations

import importlib
import random
from typing import Any

import pytest

from screens.candidates.candidate import CandidateScreen
from screens.candidates.candidates import CandidatesScreen
from screens.home.home import HomeScreen
from screens.schedule.schedule import ScheduleScreen
from screens.scope.scope import ScopeScreen
from screens.widgets.row_list import RowList


def _comparison() -> type | None:
    """The comparison screen when this version has it (F5 says "not part of this version yet" otherwise)."""
    try:
        return importlib.import_module("screens.comparison.comparison").ComparisonScreen  # type: ignore[no-any-return]
    except ModuleNotFoundError:
        return None


SECTION_KEYS = {"f2": ScopeScreen, "f3": CandidatesScreen, "f4": ScheduleScreen, "f5": _comparison()}
GOES_HOME_ON_ESCAPE = (ScopeScreen, CandidatesScreen)


def _above_home(app: Any) -> list[type]:
    stack = app.screen_stack
    homes = [i for i, s in enumerate(stack) if isinstance(s, HomeScreen)]
    assert len(homes) == 1, stack
    return [type(s) for s in stack[homes[0] + 1 :]]


async def _step(app: Any, pilot: Any, settle: Any, key: str, expected: list[type]) -> list[type]:
    """Press one key and return what should be above the home screen afterwards."""
    top = type(app.screen)
    if key in SECTION_KEYS:
        section = SECTION_KEYS[key]
        if section is not None:
            expected = [section]
    elif key == "enter":  # on the candidates list: the candidate under the cursor opens over it
        assert top is CandidatesScreen
        app.screen.query_one("#candidates-table", RowList).focus()
        await pilot.pause()
        expected = [CandidatesScreen, CandidateScreen]
    elif key == "escape":
        if top is CandidateScreen:
            expected = [CandidatesScreen]
        elif top in GOES_HOME_ON_ESCAPE:
            app.screen.query("DataTable, RowList").first().focus()
            await pilot.pause()
            expected = []
    await pilot.press(key)
    await settle(app, pilot)
    assert _above_home(app) == expected, (key, top.__name__)
    assert len(app.screen_stack) <= 4
    return expected


@pytest.mark.slow
async def test_sections_from_pushed_screens_in_every_order_leave_no_screen_behind(sample_app: Any, settle: Any) -> None:
    app = sample_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        expected: list[type] = []
        # The path of the issue: home → candidates → a candidate (pushed) → schedule, then every section from a
        # pushed screen.
        for key in (
            "f3",
            "enter",
            "f4",
            "f3",
            "enter",
            "f5",
            "f3",
            "enter",
            "f2",
            "f3",
            "enter",
            "f3",
            "enter",
            "escape",
            "escape",
            "f4",
            "f4",
            "f2",
            "escape",
        ):
            expected = await _step(app, pilot, settle, key, expected)
        assert expected == [] and isinstance(app.screen, HomeScreen)
        rng = random.Random(4)
        for _ in range(40):
            top = type(app.screen)
            keys = list(SECTION_KEYS)
            if top is CandidatesScreen:
                keys.append("enter")
            if top is CandidateScreen or top in GOES_HOME_ON_ESCAPE:
                keys.append("escape")
            expected = await _step(app, pilot, settle, rng.choice(keys), expected)
        # Home from anywhere, in one step.
        for key in ("f3", "enter"):
            expected = await _step(app, pilot, settle, key, expected)
        app.action_open("home")
        await settle(app, pilot)
        assert _above_home(app) == [] and isinstance(app.screen, HomeScreen)


async def test_a_section_key_in_a_dialog_keeps_the_dialog_and_the_stack(sample_app: Any, settle: Any) -> None:
    from screens.dialogs.confirm import ConfirmDialog

    app = sample_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        await pilot.press("f3")
        await settle(app, pilot)
        app.push_screen(ConfirmDialog("Really?"))
        await pilot.pause()
        depth = len(app.screen_stack)
        await pilot.press("f2")
        await settle(app, pilot)
        assert isinstance(app.screen, ConfirmDialog) and len(app.screen_stack) == depth
        app.action_open("scope")  # as the command palette would: the dialog stays, and says why
        await settle(app, pilot)
        assert isinstance(app.screen, ConfirmDialog) and len(app.screen_stack) == depth
        await pilot.press("escape")
        await pilot.press("f2")
        await settle(app, pilot)
        assert _above_home(app) == [ScopeScreen]


async def test_escape_on_the_candidates_list_goes_home(sample_app: Any, settle: Any) -> None:
    app = sample_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        await pilot.press("f3")
        await settle(app, pilot)
        app.screen.query_one("#candidates-table", RowList).focus()
        await pilot.press("escape")
        await settle(app, pilot)
        assert _above_home(app) == []
