"""RowList, the list drawn line by line: keys, mouse, the window following the cursor, rows changing under it."""

from __future__ import annotations

from rich.text import Text
from textual import events
from textual.app import App, ComposeResult
from textual.widget import Widget

from screens.widgets.row_list import RowList

ROWS = [(str(i), (f"Vendor {i:03d}", Text("long-list", style="cyan"), "Europe/London")) for i in range(100)]


class ListApp(App[None]):
    def __init__(self) -> None:
        super().__init__()
        self.selected: list[str] = []

    def compose(self) -> ComposeResult:
        yield RowList((("name", "Candidate"), ("status", "Status"), ("zone", "Time zone")), id="rows")

    def on_mount(self) -> None:
        rows = self.query_one(RowList)
        rows.set_rows(ROWS)
        rows.focus()

    def on_row_list_selected(self, event: RowList.Selected) -> None:
        self.selected.append(event.key)


def _lines(rows: RowList) -> list[str]:
    return [rows.render_line(y).text for y in range(rows.size.height)]


async def test_keys_move_the_cursor_and_the_window_follows() -> None:
    app = ListApp()
    async with app.run_test(size=(60, 11)) as pilot:  # 11 lines of which 1 header: a window of 10
        rows = app.query_one(RowList)
        lines = _lines(rows)
        assert lines[0].split() == ["Candidate", "Status", "Time", "zone"]
        assert "Vendor 000" in lines[1] and "Vendor 009" in lines[10]
        await pilot.press("down", "down", "j")
        assert rows.cursor_row == 3 and rows.cursor_key == "3"
        await pilot.press("k")
        assert rows.cursor_key == "2"
        for _ in range(10):
            await pilot.press("down")
        await pilot.pause()
        assert rows.cursor_key == "12"
        lines = _lines(rows)
        assert "Vendor 012" in lines[10] and "Vendor 003" in lines[1]  # the window moved by as much as needed
        await pilot.press("end")
        await pilot.pause()
        assert rows.cursor_key == "99" and "Vendor 099" in _lines(rows)[10]
        await pilot.press("home")
        assert rows.cursor_key == "0"
        await pilot.press("pagedown")
        assert rows.cursor_key == "9"
        await pilot.press("enter")
        await pilot.pause()
        assert app.selected == ["9"]


async def test_the_thumb_shows_where_the_window_is() -> None:
    app = ListApp()
    async with app.run_test(size=(60, 11)) as pilot:
        rows = app.query_one(RowList)
        thumbs = [line[-1] for line in _lines(rows)[1:]]
        assert thumbs[0] == "┃" and set(thumbs[1:]) == {
            "│"
        }  # a window of 10 over 100 rows: one line of thumb, at the top
        await pilot.press("end")
        await pilot.pause()
        assert [line[-1] for line in _lines(rows)[1:]][-1] == "┃"
        rows.set_rows(ROWS[:5])  # every row fits: no thumb, the text runs to the edge
        await pilot.pause()
        assert not any(line.endswith(("┃", "│")) for line in _lines(rows))


async def test_the_lines_on_screen_are_coloured_as_textual_would_colour_them() -> None:
    """The list hands its lines to the screen as it keeps them drawn: the same as Textual's own styling of them."""

    def same(rows: RowList) -> bool:
        rows.refresh()  # Textual's own lines drawn afresh
        region = rows.size.region
        return [list(line) for line in rows.render_lines(region)] == [
            list(line) for line in Widget.render_lines(rows, region)
        ]

    app = ListApp()
    async with app.run_test(size=(60, 11)) as pilot:
        rows = app.query_one(RowList)
        assert same(rows)
        await pilot.press("down", "end")  # the cursor's colours, another window, the thumb at the bottom
        assert same(rows)
        rows.blur()  # the cursor's colours without the focus
        await pilot.pause()
        assert same(rows)
        rows.set_rows(ROWS[:3])  # blank lines under the rows
        await pilot.pause()
        assert same(rows)
        rows.styles.padding = (0, 1)  # Textual pads the lines itself
        await pilot.pause()
        assert same(rows) and rows.render_lines(rows.size.region)[1].text.startswith("  Vendor 000")


async def test_rows_change_under_the_cursor() -> None:
    app = ListApp()
    async with app.run_test(size=(60, 12)) as pilot:
        rows = app.query_one(RowList)
        rows.move_cursor(row=rows.get_row_index("40"))
        rows.set_rows([row for row in ROWS if row[0].endswith("0")])  # a filter: the cursor stays on its row
        await pilot.pause()
        assert rows.row_count == 10 and rows.cursor_key == "40" and rows.cursor_row == 4
        rows.set_rows([row for row in ROWS if row[0].endswith("1")])  # its row goes: the cursor keeps its place
        assert rows.cursor_row == 4 and rows.cursor_key == "41"
        rows.update_row("41", ("Renamed Vendor With A Much Longer Name", Text("finalist"), "Asia/Kolkata"))
        await pilot.pause()
        assert str(rows.get_row("41")[0]).startswith("Renamed") and str(rows.get_row_at(4)[1]) == "finalist"
        assert any("Renamed Vendor With A Much Longer Name" in line for line in _lines(rows))  # the column widened
        rows.retain(key for key, _ in ROWS if key != "41")  # a reload without it
        assert "41" not in rows.keys and rows.row_count == 9
        rows.set_rows([])
        assert rows.row_count == 0 and rows.cursor_key is None
        await pilot.press("down", "enter")
        assert app.selected == []


async def test_a_click_moves_the_cursor_and_a_click_on_it_opens() -> None:
    app = ListApp()
    async with app.run_test(size=(60, 12)) as pilot:
        rows = app.query_one(RowList)
        await pilot.click(RowList, offset=(3, 4))  # the header is line 0: line 4 is the fourth row
        assert rows.cursor_key == "3" and app.selected == []
        await pilot.click(RowList, offset=(3, 4))
        await pilot.pause()
        assert app.selected == ["3"]
        await pilot.click(RowList, offset=(3, 0))  # the header: nothing
        assert rows.cursor_key == "3"


async def test_the_wheel_moves_the_window_not_the_cursor() -> None:
    app = ListApp()
    async with app.run_test(size=(60, 12)) as pilot:
        rows = app.query_one(RowList)
        rows.post_message(events.MouseScrollDown(rows, 3, 3, 0, 1, 0, False, False, False))
        await pilot.pause()
        assert "Vendor 003" in _lines(rows)[1] and rows.cursor_key == "0"
        rows.post_message(events.MouseScrollUp(rows, 3, 3, 0, -1, 0, False, False, False))
        await pilot.pause()
        assert "Vendor 000" in _lines(rows)[1]
        await pilot.press("down")  # a key brings the window back to the cursor
        assert rows.cursor_key == "1"


async def test_highlighted_says_where_the_cursor_went_and_zebra_can_be_off() -> None:
    seen: list[str | None] = []

    class Watching(ListApp):
        def on_row_list_highlighted(self, event: RowList.Highlighted) -> None:
            seen.append(event.key)

    app = Watching()
    async with app.run_test(size=(60, 11)) as pilot:
        rows = app.query_one(RowList)
        await pilot.pause()
        assert seen == ["0"]  # the first rows put the cursor on row 0
        await pilot.press("down", "down", "up")
        await pilot.pause()
        assert seen == ["0", "1", "2", "1"]
        await pilot.press("up", "up")  # already at the top after the first: one more message only
        await pilot.pause()
        assert seen == ["0", "1", "2", "1", "0"]
        rows.set_rows(ROWS[5:10])  # the cursor's row is gone: it lands on another
        await pilot.pause()
        assert seen[-1] == "5"
        rows.set_rows([])
        await pilot.pause()
        assert seen[-1] is None
        rows.set_rows(ROWS[:4])
        await pilot.pause()
        zebra = [rows.render_line(y) for y in (2, 3)]  # rows 1 and 2: one of them shaded
        assert zebra[0].text != "" and {s.style.bgcolor for s in zebra[0]} != {s.style.bgcolor for s in zebra[1]}
        rows.zebra = False
        rows.notify_style_update()
        plain = [rows.render_line(y) for y in (2, 3)]
        assert {s.style.bgcolor for s in plain[0]} == {s.style.bgcolor for s in plain[1]}
