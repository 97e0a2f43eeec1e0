"""Every dialog shows its own keys in a footer at the bottom of the screen, and its buttons name their keys."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any

import pytest
from textual.app import App
from textual.screen import ModalScreen
from textual.widgets import Button, Footer, Input
from textual.widgets._footer import FooterKey

from screens.dialogs.confirm import ConfirmDialog
from screens.dialogs.file import PathDialog
from screens.dialogs.form import FormDialog, FormField
from screens.dialogs.member import MemberPicker
from screens.dialogs.text import TextDialog
from screens.home.new_selection import NewSelectionDialog
from screens.schedule.form import ScheduleForm
from screens.schedule.form_parts import FormContext

SIZE = (120, 40)


@asynccontextmanager
async def _shown(dialog: ModalScreen[Any]) -> AsyncIterator[tuple[App[None], Any, list[Any]]]:
    """A bare app at 120x40 showing the dialog: (app, pilot, what the dialog dismissed with)."""
    app: App[None] = App()
    results: list[Any] = []
    async with app.run_test(size=SIZE) as pilot:
        await app.push_screen(dialog, results.append)
        await pilot.pause()
        yield app, pilot, results


def _form(submitted: list[dict[str, Any]] | None = None) -> FormDialog:
    fields = [
        FormField("name", "Name"),
        FormField("notes", "Notes", kind="long"),
        FormField("onsite", "On-site", False, kind="switch"),
        FormField("sentiment", "Sentiment", "positive", kind="choice", choices=("positive", "negative")),
    ]
    return FormDialog(
        "New thing", fields, lambda dialog, values: (submitted if submitted is not None else []).append(values)
    )


def _schedule_form() -> ScheduleForm:
    return ScheduleForm(
        FormContext("Sample", "Europe/London", (("Acme IT", "Europe/Paris"),), ("introduction",), ("Helen Marsh",))
    )


def _footer(dialog: ModalScreen[Any]) -> list[str]:
    """The keys the dialog's own footer shows, as drawn: e.g. '^s Save'."""
    footer = dialog.query_one(Footer)
    assert footer.region.bottom == SIZE[1]  # on the screen's last line, over the footer of the screen beneath
    return [key.render().plain.strip() for key in footer.query(FooterKey)]


def _buttons(dialog: ModalScreen[Any]) -> list[str]:
    return [str(button.label) for button in dialog.query(Button)]


CASES = [
    pytest.param(_form, ["^s Save", "esc Cancel"], ["Save (ctrl+s)", "Cancel (esc)"], id="form"),
    pytest.param(
        _schedule_form, ["^s Schedule", "esc Cancel"], ["Schedule (ctrl+s)", "Cancel (esc)"], id="new-meeting"
    ),
    pytest.param(lambda: ConfirmDialog("Delete Acme IT?"), ["y Yes", "n No"], ["Yes (y)", "No (n)"], id="confirm"),
    pytest.param(
        lambda: ConfirmDialog("Delete Acme IT?", "It goes.", yes="Delete", focus_yes=True),
        ["y Yes", "n No"],
        ["Delete (y)", "No (n)"],
        id="confirm-editing",
    ),
    pytest.param(
        lambda: ConfirmDialog("Cancel meeting 4?", yes="Cancel it", no="Keep it"),
        ["y Yes", "n No"],
        ["Cancel it (y)", "Keep it (n)"],
        id="confirm-schedule",
    ),
    pytest.param(
        lambda: TextDialog("Weight?", "3"), ["^s OK", "esc Cancel"], ["OK (enter)", "Cancel (esc)"], id="text"
    ),
    pytest.param(
        lambda: NewSelectionDialog(zone="UTC"),
        ["^s Create", "esc Cancel"],
        ["Create (enter)", "Cancel (esc)"],
        id="new-selection",
    ),
    pytest.param(
        lambda: PathDialog("Export", "meetings.ics"),
        ["^s Write", "esc Cancel"],
        ["Write (enter)", "Cancel (esc)"],
        id="path",
    ),
    pytest.param(lambda: MemberPicker(["Helen Marsh", "Priya Nair"]), ["esc Not now"], [], id="member"),
]


@pytest.mark.parametrize(("make", "keys", "buttons"), CASES)
async def test_a_dialog_shows_its_own_keys(make: Any, keys: list[str], buttons: list[str]) -> None:
    async with _shown(make()) as (app, pilot, _):
        await pilot.pause()
        assert _footer(app.screen) == keys
        assert _buttons(app.screen) == buttons


def test_there_is_one_yes_no_dialog() -> None:
    """The editing screens, the schedule and the interview ask with screens.dialogs.confirm's question, no copy."""
    import importlib
    import pkgutil

    import screens

    found = set()
    for info in pkgutil.walk_packages(screens.__path__, "screens."):
        module = importlib.import_module(info.name)
        for value in vars(module).values():
            if isinstance(value, type) and issubclass(value, ModalScreen) and "Confirm" in value.__name__:
                found.add(value)
    assert found == {ConfirmDialog}


@pytest.mark.parametrize(
    ("make", "enter_answers"),
    [
        (
            lambda: ConfirmDialog("Submit?", focus_yes=True),
            True,
        ),  # the editing screens: the focus starts on the yes button
        (lambda: ConfirmDialog("Cancel it?", yes="Cancel it", no="Keep it"), False),
        (lambda: ConfirmDialog("Really?"), False),
    ],
)
async def test_enter_answers_the_focused_button(make: Any, enter_answers: bool) -> None:
    async with _shown(make()) as (_app, pilot, results):
        await pilot.press("enter")
        await pilot.pause()
        assert results == [enter_answers]


@pytest.mark.parametrize(
    ("make", "field", "typed"),
    [
        (lambda: TextDialog("Weight?", "3"), "#text-value", "12"),
        (lambda: PathDialog("Export", "meetings.ics"), "#path-input", "out.ics"),
    ],
)
async def test_ctrl_s_takes_what_was_typed(make: Any, field: str, typed: str) -> None:
    async with _shown(make()) as (app, pilot, results):
        app.screen.query_one(field, Input).value = typed
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert results == [typed]


async def test_ctrl_s_creates_a_new_selection() -> None:
    async with _shown(NewSelectionDialog(zone="UTC")) as (_app, pilot, results):
        await pilot.press(*"Backups", "ctrl+s")
        await pilot.pause()
        assert results == [("Backups", "UTC")]


async def test_the_mouse_works_on_the_footer_and_the_buttons() -> None:
    submitted: list[dict[str, Any]] = []
    async with _shown(_form(submitted)) as (app, pilot, results):
        app.screen.query_one("#field-name", Input).value = "Acme IT"
        await pilot.click("#form-save")  # "Save (ctrl+s)"
        await pilot.pause()
        assert [v["name"] for v in submitted] == ["Acme IT"]
        cancel = next(k for k in app.screen.query(FooterKey) if k.action == "cancel")
        await pilot.click(cancel)  # "esc Cancel" in the footer
        await pilot.pause()
        assert results == [None]


async def test_the_new_candidate_form_covers_the_screens_footer(sample_app: Any, settle: Any) -> None:
    """In the app: n on the candidates screen opens the form, whose footer shows the form's keys, not the list's."""
    app = sample_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        await pilot.press("f3")
        await settle(app, pilot)
        await pilot.press("n")
        await settle(app, pilot)
        assert isinstance(app.screen, FormDialog)
        assert _footer(app.screen) == ["^s Save", "esc Cancel"]
        below = app.screen_stack[-2].query_one(Footer)
        assert below.region.bottom == SIZE[1]  # the form's footer stands where the screen's own was
        await pilot.press("escape")
        await settle(app, pilot)
        assert not isinstance(app.screen, ModalScreen)


async def test_the_help_screen_shows_its_own_close_key() -> None:
    """F1's help is a modal too: its footer names the key that closes it, and that key closes it."""
    from textual.screen import Screen

    from screens.shell.help import HelpScreen

    app: App[None] = App()
    async with app.run_test(size=SIZE) as pilot:
        await app.push_screen(Screen())
        help_screen = HelpScreen(app.screen)
        await app.push_screen(help_screen)
        await pilot.pause()
        assert _footer(help_screen) == ["esc Close"]
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen is not help_screen
