"""The Panel dialog driven by keys: reached from home (p), the palette and a new selection; add, rename, retire,
remove, and the e-mail address refused beside its field. What it stores is read back through the services."""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any

from rich.console import Console
from textual.widgets import DataTable, Input, Static

from tests.harness import build_app, settle_app

SAMPLE = "Outsource IT support (sample)"


def _rows(table: DataTable) -> list[list[str]]:  # type: ignore[type-arg]
    return [[str(cell) for cell in table.get_row_at(i)] for i in range(table.row_count)]


def _text(widget: Static) -> str:
    console = Console(width=200, record=True, file=io.StringIO())
    console.print(widget.content)
    return console.export_text()


async def _type(pilot, text: str) -> None:  # type: ignore[no-untyped-def]
    await pilot.press(*["space" if ch == " " else ch for ch in text])


async def _save_form(app, pilot, settle, **values: str) -> Any:  # type: ignore[no-untyped-def]
    """Fill the open form's fields and press ctrl+s; the form (refused) or the screen below (saved)."""
    from screens.dialogs.form import FormDialog

    dialog = app.screen
    assert isinstance(dialog, FormDialog)
    for name, value in values.items():
        dialog.query_one(f"#field-{name}", Input).value = value
    await pilot.press("ctrl+s")
    await settle(app, pilot)
    return dialog


async def test_p_on_home_adds_renames_retires_and_removes_members(sample_app: Any, stored: Any, settle: Any) -> None:
    from screens.dialogs.confirm import ConfirmDialog
    from screens.dialogs.member import MemberPicker
    from screens.home.home import HomeScreen
    from screens.home.panel import PanelDialog

    app = sample_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        await pilot.press("p")
        await settle(app, pilot)
        panel = app.screen
        assert isinstance(panel, PanelDialog)
        table = panel.query_one("#panel-members", DataTable)
        assert [r[0] for r in _rows(table)] == ["Helen Marsh", "Priya Nair", "Tom Adeyemi"]

        await pilot.press("a")
        await pilot.pause()
        dialog = await _save_form(app, pilot, settle, name="Dana Wu", role="Buyer", email="dana@example")
        assert app.screen is dialog  # refused, beside the E-mail field
        error = _text(dialog.query_one("#error-email", Static))
        assert "'dana@example' is not an e-mail address: it has no dot in its domain" in error, error
        assert dialog.query_one("#error-email", Static).display
        assert "Dana Wu" not in [m.name for m in stored.members.list(SAMPLE, include_retired=True)]
        await _save_form(app, pilot, settle, email="dana@example.com")
        assert app.screen is panel
        dana = stored.members.get("Dana Wu", selection=SAMPLE)
        assert (dana.role, dana.email, dana.retired) == ("Buyer", "dana@example.com", False)
        assert ["Dana Wu", "Buyer", "dana@example.com", "on the panel"] in _rows(table)
        assert table.cursor_row == 0  # the new member is under the cursor, first by name

        await pilot.press("r")
        await pilot.pause()
        dialog = await _save_form(app, pilot, settle, name="tom  ADEYEMI")
        assert app.screen is dialog
        assert "'Tom Adeyemi' is on the panel already" in _text(dialog.query_one("#error-name", Static))
        await _save_form(app, pilot, settle, name="Dana Wu-Li")
        assert app.screen is panel
        assert stored.members.get("Dana Wu-Li", selection=SAMPLE).email == "dana@example.com"

        await pilot.press("x")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmDialog)
        await pilot.press("y")
        await settle(app, pilot)
        assert stored.members.get("Dana Wu-Li", selection=SAMPLE).retired
        assert ["Dana Wu-Li", "Buyer", "dana@example.com", "retired"] in _rows(table)

        # Helen has scores: removing her is refused, and she stays.
        table.move_cursor(row=[r[0] for r in _rows(table)].index("Helen Marsh"))
        await pilot.press("delete")
        await pilot.pause()
        await pilot.press("y")
        await settle(app, pilot)
        assert not stored.members.get("Helen Marsh", selection=SAMPLE).retired
        assert "Helen Marsh" in [r[0] for r in _rows(table)]

        await pilot.press("escape")
        await settle(app, pilot)
        assert isinstance(app.screen, HomeScreen)
        await pilot.press("m")  # the member picker leaves the retired member out
        await settle(app, pilot)
        assert isinstance(app.screen, MemberPicker)
        assert app.screen.members == ["Helen Marsh", "Priya Nair", "Tom Adeyemi"]


async def test_the_palette_and_help_reach_the_panel(sample_app: Any, settle: Any) -> None:
    from screens.home.panel import PanelDialog
    from screens.shell.help import HelpScreen

    app = sample_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        await pilot.press("f1")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        help_text = _text(app.screen.query_one("#help-body Static", Static))
        assert "Panel" in help_text and "add, edit, rename, retire" in help_text
        await pilot.press("escape")
        await pilot.press("f3")  # from another section: the palette goes home and opens it there
        await settle(app, pilot)
        await pilot.press("ctrl+p")
        await pilot.pause()
        await _type(pilot, "panel")
        await pilot.pause(0.3)
        await pilot.press("enter")
        await settle(app, pilot)
        assert isinstance(app.screen, PanelDialog)
        assert len(_rows(app.screen.query_one("#panel-members", DataTable))) == 3


async def test_a_new_selection_opens_its_panel_to_add_the_first_member(tmp_path: Path, settle: Any) -> None:
    from screens.dialogs.member import MemberPicker
    from screens.home.new_selection import NewSelectionDialog
    from screens.home.panel import PanelDialog
    from workbench.config import resolve_database
    from workbench.services import open_services

    path = tmp_path / "wb.sqlite3"
    app = build_app(path, selection=None, member=None)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle_app(pilot)
        await pilot.press("n")
        await pilot.pause()
        assert isinstance(app.screen, NewSelectionDialog)
        await _type(pilot, "Backups")
        await pilot.press("tab", "ctrl+u")
        await _type(pilot, "Europe/Oslo")
        await pilot.press("enter")
        await settle(app, pilot)
        panel = app.screen
        assert isinstance(panel, PanelDialog)
        assert "Backups has no panel members yet: press a to add the first one." in _text(
            panel.query_one("#panel-intro", Static)
        )
        assert _text(panel.query_one("#panel-empty", Static)).strip() == "No panel members yet: press a to add one."
        await pilot.press("a")
        await pilot.pause()
        await _save_form(app, pilot, settle, name="Ann Lee", email="ann@example.com")
        assert app.screen is panel
        await pilot.press("escape")
        await settle(app, pilot)
        assert isinstance(app.screen, MemberPicker)  # now there is someone to be
        assert app.screen.members == ["Ann Lee"]
    svc = open_services(resolve_database(str(path)))
    try:
        assert [(m.name, m.email) for m in svc.members.list("Backups")] == [("Ann Lee", "ann@example.com")]
    finally:
        svc.close()
