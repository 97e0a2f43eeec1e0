"""MatrixTable, the comparison's matrix drawn from the cells in sight: keys, scrolling with a fixed header and
fixed columns, the mouse, cells changed in place."""

from __future__ import annotations

from textual.app import App, ComposeResult
from textual.coordinate import Coordinate
from textual.geometry import Region

from screens.widgets.matrix_table import Cell, MatrixTable

COLUMNS = 12  # after the two fixed ones
ROWS = 30


class MatrixApp(App[None]):
    def __init__(self) -> None:
        super().__init__()
        self.selected: list[tuple[str, str]] = []

    def compose(self) -> ComposeResult:
        yield MatrixTable(id="m", fixed_columns=2, header_height=2)

    def on_mount(self) -> None:
        table = self.query_one(MatrixTable)
        table.add_column("Criterion", key="name")
        table.add_column("Weight", key="weight")
        for c in range(COLUMNS):
            table.add_column(f"Vendor\nno. {c:02d}", key=f"k{c}")
        for r in range(ROWS):
            table.add_row(
                Cell.of(f"Row {r:02d}", justify="left"),
                Cell.of(str(r)),
                *[Cell.of(f"{r:02d}x{c:02d}") for c in range(COLUMNS)],
                key=f"r{r}",
            )
        table.focus()

    def on_matrix_table_cell_selected(self, event: MatrixTable.CellSelected) -> None:
        self.selected.append((event.cell_key.row_key.value, event.cell_key.column_key.value))


def _lines(table: MatrixTable) -> list[str]:
    """The lines as the screen gets them (through Textual's line cache and the regions refreshed)."""
    width, height = table.scrollable_content_region.size
    return [strip.text for strip in table.render_lines(Region(0, 0, width, height))]


async def test_the_header_and_the_first_columns_stay_while_the_cursor_moves_away() -> None:
    app = MatrixApp()
    async with app.run_test(size=(50, 12)) as pilot:
        table = app.query_one(MatrixTable)
        lines = _lines(table)
        assert lines[0].split()[:3] == ["Criterion", "Weight", "Vendor"]
        assert lines[1].split()[:4] == ["no.", "00", "no.", "01"]
        assert f"no. {COLUMNS - 1}" not in lines[1]  # out of sight to the right
        assert lines[2].split()[:4] == ["Row", "00", "0", "00x00"]
        await pilot.press("right", "right")
        assert table.cursor_coordinate == Coordinate(0, 2)
        for _ in range(COLUMNS):
            await pilot.press("right")
        await pilot.pause()
        assert table.cursor_coordinate == Coordinate(0, COLUMNS + 1)  # stops at the last column
        assert table.scroll_x > 0
        lines = _lines(table)
        assert lines[0].startswith(" Criterion") and lines[2].startswith(" Row 00")
        assert lines[2].rstrip().endswith(f"00x{COLUMNS - 1:02d}") and "00x00" not in lines[2]
        fixed = len(" Criterion  Weight ")
        # no column cut at the left: a column the scroll cannot show whole is left blank, not shown in part
        assert lines[0][fixed:].split()[0] == "Vendor" and lines[1][fixed:].split()[0] == "no."
        assert len(lines[2][fixed:].split()[0]) == len("00x00")
        for _ in range(ROWS):
            await pilot.press("down")
        await pilot.pause()
        assert table.cursor_coordinate.row == ROWS - 1 and table.scroll_y > 0
        lines = _lines(table)
        assert lines[0].startswith(" Criterion")  # the header stays at the top
        assert any(line.startswith(f" Row {ROWS - 1}") for line in lines)
        assert not any(line.startswith(" Row 00") for line in lines)
        await pilot.press("home")
        await pilot.pause()
        assert table.cursor_coordinate.row == 0 and table.scroll_y == 0
        await pilot.press("pagedown")
        assert table.cursor_coordinate.row == table.scrollable_content_region.height - 2 - 1
        await pilot.press("end", "left")
        assert table.cursor_coordinate == Coordinate(ROWS - 1, COLUMNS)
        for _ in range(COLUMNS + 5):
            await pilot.press("left")
        await pilot.pause()
        assert table.cursor_coordinate == Coordinate(ROWS - 1, 0) and table.scroll_x == 0


async def test_the_cursor_cell_is_drawn_in_the_cursor_colours() -> None:
    app = MatrixApp()
    async with app.run_test(size=(60, 12)) as pilot:
        table = app.query_one(MatrixTable)
        table.move_cursor(row=1, column=3)
        await pilot.pause()
        cursor = table.get_component_rich_style("matrix--cursor")

        def background(y: int, text: str) -> object:
            width, height = table.scrollable_content_region.size
            strip = table.render_lines(Region(0, 0, width, height))[y]  # as the screen gets it
            segment = next(s for s in strip if text in s.text)
            return segment.style.bgcolor

        assert background(3, "01x01") == cursor.bgcolor
        assert background(3, "01x00") != cursor.bgcolor and background(2, "00x01") != cursor.bgcolor


async def test_enter_a_click_on_the_cursor_and_a_double_click_select_a_cell() -> None:
    app = MatrixApp()
    async with app.run_test(size=(60, 12)) as pilot:
        table = app.query_one(MatrixTable)
        await pilot.press("down", "right", "right", "enter")
        await pilot.pause()
        assert app.selected == [("r1", "k0")]
        x = len(_lines(table)[2].split("00x01")[0]) + 1  # on the text of row 0, vendor 01
        await pilot.click(MatrixTable, offset=(x, 2))
        assert table.cursor_coordinate == Coordinate(0, 3) and app.selected == [("r1", "k0")]  # moved only
        await pilot.click(MatrixTable, offset=(x, 2))
        assert app.selected == [("r1", "k0"), ("r0", "k1")]  # a click on the cursor's cell opens it
        await pilot.click(MatrixTable, offset=(x, 4), times=2)
        assert table.cursor_coordinate == Coordinate(2, 3) and app.selected[-1] == ("r2", "k1")
        await pilot.click(MatrixTable, offset=(x, 0))  # the header: nothing
        assert table.cursor_coordinate == Coordinate(2, 3) and len(app.selected) == 3


async def test_set_cells_changes_cells_in_place_and_widens_a_column() -> None:
    app = MatrixApp()
    async with app.run_test(size=(80, 12)) as pilot:
        table = app.query_one(MatrixTable)
        before = _lines(table)
        table.set_cells([("r1", "k0", Cell.of("NEW!!")), ("r9", "nope", Cell.of("x")), ("nope", "k0", Cell.of("x"))])
        await pilot.pause()
        assert str(table.get_cell("r1", "k0")) == "NEW!!"
        after = _lines(table)
        assert "NEW!!" in after[3] and "01x00" not in after[3]
        assert [line for i, line in enumerate(after) if i != 3] == [line for i, line in enumerate(before) if i != 3]
        position = after[2].index("00x01")
        table.set_cells([("r0", "k0", Cell.of("a much wider value"))])
        await pilot.pause()
        wider = _lines(table)
        assert "a much wider value" in wider[2]
        assert wider[3].index("01x01") > position  # the columns after it moved right, on every row
        table.set_cells([("r0", "k0", Cell.of("short"))])
        await pilot.pause()
        assert _lines(table)[3].index("01x01") == wider[3].index("01x01")  # it does not shrink back while shown


async def test_clear_empties_the_table_and_keys_do_nothing() -> None:
    app = MatrixApp()
    async with app.run_test(size=(60, 12)) as pilot:
        table = app.query_one(MatrixTable)
        table.clear(columns=True)
        await pilot.pause()
        assert table.row_count == 0 and not table.columns
        await pilot.press("down", "right", "enter")
        await pilot.pause()
        assert app.selected == [] and table.cursor_coordinate == Coordinate(0, 0)
        assert all(not line.strip() for line in _lines(table))
