"""The home screen and the app shell, driven by keys: the welcome, progress, the coming meetings,
the member picker, the command palette, themes and help. Results are read back through the services or prefs."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from textual.widgets import DataTable, Static

from screens.app import TITLE, WorkbenchApp
from tests.harness import Notices, build_app, settle_app
from workbench.config import resolve_database
from workbench.prefs import load_prefs
from workbench.services import open_services

SAMPLE = "Outsource IT support (sample)"


def _app(path: Path, **kwargs: Any) -> WorkbenchApp:
    """The app as a user starts it: nothing remembered yet, and what is chosen is remembered."""
    app: WorkbenchApp = build_app(path, selection=None, member=None, remember=True, **kwargs)
    return app


async def _wait_for_workers(app: WorkbenchApp, pilot) -> None:  # type: ignore[no-untyped-def]
    """Wait for the home screen (pushed after the first frame), then until no worker runs any more."""
    from screens.home.home import HomeScreen

    for _ in range(500):
        if any(isinstance(s, HomeScreen) and s.is_mounted for s in app.screen_stack):
            break
        await pilot.pause(0.01)
    await settle_app(pilot)  # a worker's result may start another worker (the member picker's)


async def test_empty_database_offers_the_sample_and_s_loads_it(tmp_path: Path) -> None:
    path = tmp_path / "wb.sqlite3"
    app = _app(path)
    async with app.run_test(size=(120, 40)) as pilot:
        await _wait_for_workers(app, pilot)
        screen = app.screen
        assert app.title == TITLE
        assert screen.query_one("#welcome").display is True
        await pilot.press("s")
        await _wait_for_workers(app, pilot)
        table = screen.query_one("#selections", DataTable)
        assert table.display is True and table.row_count == 1
        assert screen.query_one("#welcome").display is False
    svc = open_services(resolve_database(str(path)))
    try:
        assert [s.name for s in svc.selections.list()] == ["Outsource IT support (sample)"]
        assert len(svc.candidates.list()) == 4
    finally:
        svc.close()


async def test_existing_selections_are_listed(tmp_path: Path) -> None:
    path = tmp_path / "wb.sqlite3"
    svc = open_services(resolve_database(str(path)))
    svc.selections.create("Outsource backups", template=None)
    svc.selections.create("Outsource the help desk", template=None)
    svc.close()
    app = _app(path)
    async with app.run_test(size=(120, 40)) as pilot:
        await _wait_for_workers(app, pilot)
        table = app.screen.query_one("#selections", DataTable)
        names = [table.get_row_at(i)[1] for i in range(table.row_count)]
        assert names == ["Outsource backups", "Outsource the help desk"]
        assert app.screen.query_one("#welcome").display is False


async def _type(pilot, text: str) -> None:  # type: ignore[no-untyped-def]
    await pilot.press(*["space" if ch == " " else ch for ch in text])


def _rows(table: DataTable) -> list[list[str]]:
    return [[str(cell) for cell in table.get_row_at(i)] for i in range(table.row_count)]


async def test_progress_of_the_sample_is_shown(tmp_path: Path, sample_copy: Any) -> None:
    app = _app(sample_copy("wb.sqlite3"), as_member="Helen Marsh")
    async with app.run_test(size=(120, 40)) as pilot:
        await _wait_for_workers(app, pilot)
        [row] = _rows(app.screen.query_one("#selections", DataTable))
        # 2 finalists, 1 interviewing, 1 shortlisted; 9 held and 2 planned meetings; 23 of 24 scorecards.
        assert row == ["▸", SAMPLE, "3", "4: 2 final · 1 interview · 1 short", "9 held · 2 planned", "23/24"]
        assert app.selection == SAMPLE  # the only selection is the one worked on
        assert "Helen Marsh" in app.sub_title and str(tmp_path) in app.sub_title


async def test_the_next_14_days_in_our_time_and_the_vendors(tmp_path: Path, sample_copy: Any) -> None:
    path = sample_copy("wb.sqlite3")
    app = _app(path, as_member="Helen Marsh", now=datetime(2027, 1, 10, 8, 0, tzinfo=UTC))
    async with app.run_test(size=(120, 40)) as pilot:
        await _wait_for_workers(app, pilot)
        upcoming = app.screen.query_one("#upcoming", DataTable)
        assert upcoming.display is True and app.screen.query_one("#upcoming-empty").display is False
        assert _rows(upcoming) == [
            [
                "Thu 14 Jan 10:00 GMT",
                "10:00 GMT London",
                "Northgate Managed IT",
                "meet-the-team · 90 min",
                "Helen Marsh, Tom Adeyemi",
            ],
            [
                "Wed 20 Jan 09:00 GMT",
                "10:00 CET Warsaw",
                "Vistula Cloud Services",
                "site-visit · 240 min",
                "Helen Marsh, Tom Adeyemi",
            ],
        ]
    later = _app(path, as_member="Helen Marsh", now=datetime(2027, 2, 1, tzinfo=UTC))
    async with later.run_test(size=(120, 40)) as pilot:
        await _wait_for_workers(later, pilot)
        assert later.screen.query_one("#upcoming", DataTable).row_count == 0
        assert later.screen.query_one("#upcoming-empty").display is True


async def test_n_creates_a_selection_from_the_template(tmp_path: Path) -> None:
    from screens.home.new_selection import NewSelectionDialog

    path = tmp_path / "wb.sqlite3"
    app = _app(path, as_member="Ann", prefs=load_prefs())
    async with app.run_test(size=(120, 40)) as pilot:
        await _wait_for_workers(app, pilot)
        assert app.screen.query_one("#welcome").display is True
        await pilot.press("n")
        await pilot.pause()
        assert isinstance(app.screen, NewSelectionDialog)
        await _type(pilot, "Outsource backups")
        await pilot.press("tab", "ctrl+u")
        await _type(pilot, "Mars/Olympus")
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, NewSelectionDialog)  # a bad zone keeps the dialog open, says why
        assert "not an IANA time zone" in str(app.screen.query_one("#new-error", Static).content)
        await pilot.press("ctrl+u")
        await _type(pilot, "America/Chicago")
        await pilot.press("enter")
        await _wait_for_workers(app, pilot)
        from screens.home.panel import PanelDialog

        assert isinstance(app.screen, PanelDialog)  # the new selection's panel, to add its members right away
        await pilot.press("escape")
        await _wait_for_workers(app, pilot)
        table = app.screen.query_one("#selections", DataTable)
        assert [row[1] for row in _rows(table)] == ["Outsource backups"]
        assert app.selection == "Outsource backups"
    svc = open_services(resolve_database(str(path)))
    try:
        made = svc.selections.get("Outsource backups")
        assert (made.timezone, made.rubric) == ("America/Chicago", "it-outsourcing")
        assert svc.selections.criteria("Outsource backups") and svc.selections.scope("Outsource backups")
    finally:
        svc.close()
    assert load_prefs().selection == "Outsource backups"


async def test_the_welcome_offers_both_and_escape_creates_nothing(tmp_path: Path) -> None:
    from screens.home.new_selection import NewSelectionDialog

    path = tmp_path / "wb.sqlite3"
    app = _app(path, as_member="Ann")
    async with app.run_test(size=(120, 40)) as pilot:
        await _wait_for_workers(app, pilot)
        await pilot.click("#new-selection")
        await pilot.pause()
        assert isinstance(app.screen, NewSelectionDialog)
        await _type(pilot, "Never made")
        await pilot.press("escape")
        await _wait_for_workers(app, pilot)
        assert app.screen.query_one("#welcome").display is True
        assert app.screen.query_one("#load-sample").display is True
    svc = open_services(resolve_database(str(path)))
    try:
        assert svc.selections.list() == []
    finally:
        svc.close()


async def test_the_member_picker_is_shown_once_and_remembered(tmp_path: Path, sample_copy: Any) -> None:
    from screens.dialogs.member import MemberPicker
    from screens.home.home import HomeScreen

    path = sample_copy("wb.sqlite3")
    app = _app(path, prefs=load_prefs())
    async with app.run_test(size=(120, 40)) as pilot:
        await _wait_for_workers(app, pilot)
        assert isinstance(app.screen, MemberPicker)  # the only selection was chosen, and it has a panel
        await pilot.press("escape")  # not now
        await pilot.pause()
        assert app.member is None and isinstance(app.screen, HomeScreen)
        await pilot.press("enter")  # choosing the selection again does not ask again
        await _wait_for_workers(app, pilot)
        assert isinstance(app.screen, HomeScreen)
        await pilot.press("m")  # but m does
        await _wait_for_workers(app, pilot)
        assert isinstance(app.screen, MemberPicker)
        await pilot.press("down", "enter")  # Helen Marsh, Priya Nair, Tom Adeyemi
        await pilot.pause()
        assert app.member == "Priya Nair" and "Priya Nair" in app.sub_title
    assert load_prefs().member == "Priya Nair"
    again = _app(path, prefs=load_prefs())
    async with again.run_test(size=(120, 40)) as pilot:
        await _wait_for_workers(again, pilot)
        assert isinstance(again.screen, HomeScreen) and again.member == "Priya Nair"


async def test_a_member_not_on_the_panel_is_told_so_and_asked(tmp_path: Path, sample_copy: Any) -> None:
    from screens.dialogs.member import MemberPicker
    from screens.home.home import HomeScreen

    app = _app(sample_copy("wb.sqlite3"), as_member="Member 0", prefs=load_prefs())
    notices = Notices()
    async with app.run_test(message_hook=notices, size=(120, 40)) as pilot:
        await _wait_for_workers(app, pilot)
        assert isinstance(app.screen, MemberPicker)
        assert any("Member 0 is not on the panel of " + SAMPLE in n.message for n in notices)
        await pilot.press("down", "down", "enter")  # Helen Marsh, Priya Nair, Tom Adeyemi
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen) and app.member == "Tom Adeyemi"
    assert load_prefs().member == "Tom Adeyemi"
    again = _app(sample_copy("other.sqlite3"), as_member="tom adeyemi", prefs=load_prefs())
    again_notices = Notices()
    async with again.run_test(
        message_hook=again_notices, size=(120, 40)
    ) as pilot:  # on the panel (names match whatever their case)
        await _wait_for_workers(again, pilot)
        assert isinstance(again.screen, HomeScreen) and not again_notices
    svc = open_services(resolve_database(str(tmp_path / "other.sqlite3")))
    try:
        tom = next(m.id for m in svc.members.list(SAMPLE) if m.name == "Tom Adeyemi")
    finally:
        svc.close()
    by_id = _app(tmp_path / "other.sqlite3", as_member=str(tom), prefs=load_prefs())
    by_id_notices = Notices()
    async with by_id.run_test(
        message_hook=by_id_notices, size=(120, 40)
    ) as pilot:  # a member's id names them as well as their name
        await _wait_for_workers(by_id, pilot)
        assert isinstance(by_id.screen, HomeScreen) and not by_id_notices


async def test_an_interview_opened_at_start_asks_once_for_a_member_not_on_the_panel(
    tmp_path: Path, sample_copy: Any
) -> None:
    from screens.dialogs.member import MemberPicker
    from screens.interview.interview import InterviewScreen

    app = _app(sample_copy("wb.sqlite3"), as_member="Nobody", prefs=load_prefs(), start=("interview", "3"))
    async with app.run_test(size=(120, 40)) as pilot:
        await _wait_for_workers(app, pilot)
        assert [type(s) for s in app.screen_stack[-2:]] == [InterviewScreen, MemberPicker]  # the interview's own
        assert sum(isinstance(s, MemberPicker) for s in app.screen_stack) == 1
        await pilot.press("enter")
        await _wait_for_workers(app, pilot)
        assert isinstance(app.screen, InterviewScreen) and app.member == "Helen Marsh"


async def test_as_member_means_no_picker(tmp_path: Path, sample_copy: Any) -> None:
    from screens.home.home import HomeScreen

    app = _app(sample_copy("wb.sqlite3"), as_member="Tom Adeyemi", prefs=load_prefs())
    async with app.run_test(size=(120, 40)) as pilot:
        await _wait_for_workers(app, pilot)
        assert isinstance(app.screen, HomeScreen) and app.selection == SAMPLE
        assert app.member == "Tom Adeyemi" and app.sub_title.endswith("Tom Adeyemi")
    assert load_prefs().member == "Tom Adeyemi"


async def test_the_command_palette_opens_the_schedule(tmp_path: Path, sample_copy: Any) -> None:
    from screens.schedule.schedule import ScheduleScreen

    app = _app(sample_copy("wb.sqlite3"), as_member="Helen Marsh")
    async with app.run_test(size=(120, 40)) as pilot:
        await _wait_for_workers(app, pilot)
        await pilot.press("ctrl+p")
        await pilot.pause()
        await _type(pilot, "sched")
        await pilot.pause(0.3)
        await pilot.press("enter")
        await _wait_for_workers(app, pilot)
        assert isinstance(app.screen, ScheduleScreen)


async def test_the_command_palette_reaches_help_and_new_selection(tmp_path: Path) -> None:
    from screens.home.new_selection import NewSelectionDialog
    from screens.shell.help import HelpScreen

    app = _app(tmp_path / "wb.sqlite3", as_member="Ann")
    async with app.run_test(size=(120, 40)) as pilot:
        await _wait_for_workers(app, pilot)
        for query, screen_class in (("help", HelpScreen), ("new selection", NewSelectionDialog)):
            await pilot.press("ctrl+p")
            await pilot.pause()
            await _type(pilot, query)
            await pilot.pause(0.3)
            await pilot.press("enter")
            await pilot.pause()
            assert isinstance(app.screen, screen_class), query
            await pilot.press("escape")
            await pilot.pause()


async def test_the_theme_is_chosen_in_the_palette_and_remembered(tmp_path: Path) -> None:
    app = _app(tmp_path / "wb.sqlite3", as_member="Ann", prefs=load_prefs())
    async with app.run_test(size=(120, 40)) as pilot:
        await _wait_for_workers(app, pilot)
        await pilot.press("ctrl+p")
        await pilot.pause()
        await _type(pilot, "change theme")
        await pilot.pause(0.3)
        await pilot.press("enter")
        await pilot.pause(0.3)
        await _type(pilot, "nord")
        await pilot.pause(0.3)
        await pilot.press("enter")
        await pilot.pause()
        assert app.theme == "nord"
    assert load_prefs().theme == "nord"
    again = _app(tmp_path / "wb.sqlite3", as_member="Ann", prefs=load_prefs())
    async with again.run_test(size=(120, 40)) as pilot:
        await _wait_for_workers(again, pilot)
        assert again.theme == "nord"


async def test_f1_lists_the_keys_of_the_home_screen(tmp_path: Path) -> None:
    from rich.console import Console

    from screens.shell.help import HelpScreen

    app = _app(tmp_path / "wb.sqlite3", as_member="Ann")
    async with app.run_test(size=(120, 40)) as pilot:
        await _wait_for_workers(app, pilot)
        await pilot.press("f1")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        console = Console(width=100, record=True, file=open("/dev/null", "w"))  # noqa: SIM115
        console.print(app.screen.query_one("#help-body Static", Static).content)
        text = console.export_text()
        for expected in ("Keys: Home", "Load sample", "New selection", "I am…", "Refresh", "Command palette"):
            assert expected in text, expected
        await pilot.press("escape")
        await pilot.pause()
        assert not isinstance(app.screen, HelpScreen)


async def test_a_database_that_cannot_be_opened_is_named_and_r_tries_again(tmp_path: Path) -> None:
    from workbench.services.errors import UserError

    target = resolve_database(str(tmp_path / "wb.sqlite3"))
    attempts: list[int] = []

    def open_once_refused():  # type: ignore[no-untyped-def]
        attempts.append(1)
        if len(attempts) == 1:  # e.g. the file was not readable yet
            raise UserError("cannot open the database file: Permission denied", field="--db")
        return open_services(target)

    app = WorkbenchApp(open_once_refused, database_label="wb.sqlite3", as_member="Ann")
    async with app.run_test(size=(120, 40)) as pilot:
        await _wait_for_workers(app, pilot)
        status = str(app.screen.query_one("#home-status", Static).render())
        assert "Cannot open the database" in status and "Permission denied" in status
        assert app.screen.query_one("#welcome").display is False
        await pilot.press("r")
        await _wait_for_workers(app, pilot)
        assert app.screen.query_one("#welcome").display is True  # opened on the second try: the empty database
        assert len(attempts) == 2
