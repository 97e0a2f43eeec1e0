"""Table, the DataTable of the workspace lists: a one-cell change draws one row again, and wider values widen
their column at once."""

from __future__ import annotations

import pytest
from textual.app import App, ComposeResult
from textual.geometry import Region
from textual.widgets.data_table import CellDoesNotExist

from screens.widgets.table import Table

ROWS = 100


class TableApp(App[None]):
    def compose(self) -> ComposeResult:
        yield Table(id="t", cursor_type="row", zebra_stripes=True)

    def on_mount(self) -> None:
        table = self.query_one(Table)
        for key in ("name", "status", "zone"):
            table.add_column(key.title(), key=key)
        for i in range(ROWS):
            table.add_row(f"Vendor {i:03d}", "long-list", "Europe/London", key=str(i))
        table.focus()


def _lines(table: Table) -> list[str]:
    """The lines as the screen gets them (through Textual's line cache and the regions refreshed)."""
    width, height = table.scrollable_content_region.size
    return [strip.text for strip in table.render_lines(Region(0, 0, width, height))]


async def test_a_one_cell_change_draws_only_its_row_again() -> None:
    app = TableApp()
    async with app.run_test(size=(60, 20)) as pilot:
        table = app.query_one(Table)
        await pilot.pause()
        before = _lines(table)
        drawn: list[tuple[int, int]] = []
        original = table._render_cell

        def counting(row_index: int, column_index: int, *args: object, **kwargs: object) -> object:
            drawn.append((row_index, column_index))
            return original(row_index, column_index, *args, **kwargs)

        table._render_cell = counting  # type: ignore[method-assign]
        table.update_cell("3", "status", "finalist")
        await pilot.pause()
        after = _lines(table)
        assert "finalist" in after[4] and "long-list" not in after[4]  # the header is line 0
        assert [line for i, line in enumerate(after) if i != 4] == [line for i, line in enumerate(before) if i != 4]
        assert drawn and {row for row, _ in drawn} == {3}  # (its other cells come from the cache)
        assert str(table.get_cell("3", "status")) == "finalist"
        await pilot.press("down")  # the cursor passes over the changed row: it shows the new value
        await pilot.pause()
        assert "finalist" in _lines(table)[4]


async def test_a_wider_value_widens_its_column_on_every_row() -> None:
    app = TableApp()
    async with app.run_test(size=(80, 20)) as pilot:
        table = app.query_one(Table)
        await pilot.pause()
        table.update_cell("0", "status", "a much longer status", update_width=True)
        await pilot.pause()
        await pilot.pause()
        lines = _lines(table)
        assert "a much longer status" in lines[1]
        zone = lines[1].index("Europe/London")
        assert all(line.index("Europe/London") == zone for line in lines[1:])
        with pytest.raises(CellDoesNotExist):
            table.update_cell("no such row", "status", "x")
