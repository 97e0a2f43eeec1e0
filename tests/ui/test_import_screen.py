"""The CSV import screen: a preview that marks each bad line and why, then all or nothing."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from textual.widgets import Button, DataTable, Input, Static

from screens.candidates.import_csv import ImportScreen
from screens.widgets.row_list import RowList

SAMPLE = "Outsource IT support (sample)"

GOOD = """name,website,timezone,support_hours,onsite,status,notes
Harbour IT,https://harbour.example,Europe/London,08:00-18:00,yes,long-list,Local firm
Blue Fjord Services,https://bluefjord.example,Europe/Oslo,07:00-17:00,no,,
"""

BAD = """name,website,timezone,support_hours,onsite,status,notes
Harbour IT,https://harbour.example,Europe/London,08:00-18:00,yes,long-list,Local firm
Blue Fjord Services,https://bluefjord.example,Mars/Olympus,07:00-17:00,no,,
Cobalt Desk,ftp://cobalt.example,Europe/Paris,09:00-17:00,maybe,,
"""


async def _open(app: Any, pilot: Any, settle: Any) -> ImportScreen:
    await settle(app, pilot)
    await pilot.press("f3")
    await settle(app, pilot)
    await pilot.press("i")
    await settle(app, pilot)
    screen = app.screen
    assert isinstance(screen, ImportScreen)
    return screen


async def _preview(screen: ImportScreen, app: Any, pilot: Any, settle: Any, path: Path) -> DataTable:
    field = screen.query_one("#import-path", Input)
    field.focus()
    field.value = str(path)
    await pilot.press("enter")
    await settle(app, pilot)
    return screen.query_one("#import-preview", DataTable)


def _names(stored: Any) -> set[str]:
    return {c.name for c in stored.candidates.list(selection=SAMPLE)}


async def test_bad_lines_are_marked_and_nothing_is_imported(
    tmp_path: Path, sample_app: Any, settle: Any, stored: Any
) -> None:
    path = tmp_path / "bad.csv"
    path.write_text(BAD, encoding="utf-8")
    before = _names(stored)
    app = sample_app()
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await _open(app, pilot, settle)
        table = await _preview(screen, app, pilot, settle, path)
        rows = {str(table.get_row_at(i)[0]): [str(c) for c in table.get_row_at(i)] for i in range(table.row_count)}
        assert set(rows) == {"2", "3", "4"}
        assert "✓" in rows["2"][1]
        assert "✗" in rows["3"][1] and "timezone" in rows["3"][-1] and "Mars/Olympus" in rows["3"][-1]
        assert "✗" in rows["4"][1] and "website" in rows["4"][-1] and "onsite" in rows["4"][-1]
        assert screen.query_one("#import-go", Button).disabled
        assert "line(s) 3, 4" in str(screen.query_one("#import-summary", Static).render())
        await pilot.press("ctrl+s")  # refused: nothing imports while a line is bad
        await settle(app, pilot)
    assert _names(stored) == before


async def test_a_good_file_imports_everything(tmp_path: Path, sample_app: Any, settle: Any, stored: Any) -> None:
    path = tmp_path / "good.csv"
    path.write_text(GOOD, encoding="utf-8")
    before = _names(stored)
    app = sample_app()
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await _open(app, pilot, settle)
        table = await _preview(screen, app, pilot, settle, path)
        assert table.row_count == 2
        assert not screen.query_one("#import-go", Button).disabled
        await pilot.press("ctrl+s")
        await settle(app, pilot)
        assert _names(stored) == before | {"Harbour IT", "Blue Fjord Services"}
        assert stored.candidates.get("Blue Fjord Services", selection=SAMPLE).timezone == "Europe/Oslo"
        # the same file again: the names exist now, so every line is bad until "update existing" is on
        table = await _preview(screen, app, pilot, settle, path)
        assert screen.query_one("#import-go", Button).disabled
        assert all("exists already" in str(table.get_row_at(i)[-1]) for i in range(table.row_count))
        await pilot.press("ctrl+t")
        await settle(app, pilot)
        assert not screen.query_one("#import-go", Button).disabled
        assert all("update" in str(table.get_row_at(i)[1]) for i in range(table.row_count))
        await pilot.press("escape")
        await settle(app, pilot)
        candidates = app.screen.query_one("#candidates-table", RowList)
        shown = {str(candidates.get_row_at(i)[0]) for i in range(candidates.row_count)}
        assert {"Harbour IT", "Blue Fjord Services"} <= shown


async def test_an_unreadable_path_is_explained(tmp_path: Path, sample_app: Any, settle: Any) -> None:
    app = sample_app()
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await _open(app, pilot, settle)
        await _preview(screen, app, pilot, settle, tmp_path / "missing.csv")
        assert "no such file" in str(screen.query_one("#import-summary", Static).render())
        assert screen.query_one("#import-go", Button).disabled
        empty = tmp_path / "empty.csv"
        empty.write_text("", encoding="utf-8")
        table = await _preview(screen, app, pilot, settle, empty)
        assert table.row_count == 1 and "empty" in str(table.get_row_at(0)[-1])


LONG = """name,website,timezone,support_hours,onsite,status,notes
Harbour Integrated Infrastructure Services,https://harbour-integrated-infrastructure.example,America/Argentina/Buenos_Aires,08:00-18:00,yes,long-list,
Cobalt Desk,ftp://cobalt-desk-with-a-very-long-host-name.example,Mars/Olympus,25:00-26:00,maybe,short,
"""


def _rendered(table: DataTable) -> list[str]:
    """The table's lines as drawn: the header, then one line per row."""
    return [table.render_line(y).text for y in range(table.row_count + 1)]


async def test_the_preview_fits_the_screen_and_the_tree_names_its_folder(
    tmp_path: Path, sample_app: Any, settle: Any, monkeypatch: Any
) -> None:
    folder = tmp_path / "vendor files"
    folder.mkdir()
    (folder / "long.csv").write_text(LONG, encoding="utf-8")
    monkeypatch.chdir(folder)
    app = sample_app()
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await _open(app, pilot, settle)
        root = str(screen.query_one("#import-tree").root.label)
        assert root == "vendor files" and str(tmp_path) not in root  # the folder's name, not the whole path
        for width in (120, 150, 100):
            await pilot.resize_terminal(width, 40)
            await settle(app, pilot)
            table = await _preview(screen, app, pilot, settle, folder / "long.csv")
            assert table.region.right <= width
            assert table.virtual_size.width <= table.scrollable_content_region.width  # nothing scrolls sideways
            assert not table.show_horizontal_scrollbar
            lines = _rendered(table)
            assert all(len(line) <= table.region.width for line in lines)
            assert lines[1].rstrip().endswith("…") and lines[2].rstrip().endswith("…")  # cut where the column ends
        # the line under the cursor is shown whole below the table
        assert str(table.get_row_at(1)[-1]).endswith(
            "status: 'short' is not one of long-list, shortlisted, interviewing, finalist, chosen, declined"
        )
        table.move_cursor(row=0)
        await settle(app, pilot)
        below = str(screen.query_one("#import-line", Static).render())
        assert "https://harbour-integrated-infrastructure.example" in below
        assert "America/Argentina/Buenos_Aires" in below
