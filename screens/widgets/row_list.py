"""RowList: a long list of rows drawn line by line, for lists where every key press must show at once.

A DataTable is a scrolling view: moving its window changes the screen's layout, and Textual then
composes the whole screen again (the scroll itself measured 12-20 ms a press here, and a DataTable
cursor move about 10 ms at the median against 4-5 ms for a label update). RowList does not scroll:
it is a fixed-size widget that draws a window of its rows itself, so a cursor move redraws two of
its lines, a window move or a new filter redraws its own region only, and nothing else on screen
is composed again. Lines are kept drawn per row, so moving back over them costs nothing, and they
go to the screen as they are kept (`render_lines`), without Textual styling each line again.

It offers the part of DataTable's interface the screens and tests use (``row_count``,
``get_row_at``, ``get_row``, ``get_row_index``, ``move_cursor``, ``cursor_row``), rows keyed by a
string, a header line, zebra stripes, the cursor in the theme's colours, a thumb showing where the
window is, the mouse (click moves the cursor, a click on it or a double click opens, the wheel moves
the window) and ``enter`` posting `RowList.Selected`.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any, ClassVar

from rich.cells import cell_len
from rich.segment import Segment
from rich.style import Style
from rich.text import Text
from textual import events
from textual.binding import Binding, BindingType
from textual.geometry import Region
from textual.message import Message
from textual.strip import Strip

from screens.shell.plain import cleaned
from screens.widgets.painted_lines import PaintedLines
from workbench.domain.display import one_line

Cells = tuple[Any, ...]
GAP = 2  # columns between two cells
MAX_WIDTH = 40  # a column is never wider than this (its cells are cut with an ellipsis)


class RowList(PaintedLines, can_focus=True):
    """Rows of cells under a header; ``enter`` (or a click on the cursor) posts `RowList.Selected`."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("up,k", "cursor(-1)", "Up", show=False),
        Binding("down,j", "cursor(1)", "Down", show=False),
        Binding("pageup", "page(-1)", "Page up", show=False),
        Binding("pagedown", "page(1)", "Page down", show=False),
        Binding("home", "edge(0)", "First", show=False),
        Binding("end", "edge(1)", "Last", show=False),
        Binding("enter", "select", "Open", show=False),
    ]
    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "row-list--header",
        "row-list--cursor",
        "row-list--even-row",
        "row-list--thumb",
    }
    DEFAULT_CSS = """
    RowList {
        background: $surface;
        color: $foreground;
        height: 1fr;
        &:focus {
            background-tint: $foreground 5%;
            & > .row-list--cursor {
                background: $block-cursor-background;
                color: $block-cursor-foreground;
                text-style: $block-cursor-text-style;
            }
        }
        &:dark > .row-list--even-row {
            background: $surface-darken-1 40%;
        }
        & > .row-list--header {
            text-style: bold;
            background: $panel;
            color: $foreground;
        }
        & > .row-list--even-row {
            background: $surface-lighten-1 50%;
        }
        & > .row-list--cursor {
            background: $block-cursor-blurred-background;
            color: $block-cursor-blurred-foreground;
            text-style: $block-cursor-blurred-text-style;
        }
        & > .row-list--thumb {
            color: $panel-lighten-2;
        }
    }
    """

    class _RowMessage(Message):
        def __init__(self, row_list: RowList, key: str | None) -> None:
            super().__init__()
            self.row_list = row_list
            self.key = key

        @property
        def control(self) -> RowList:
            return self.row_list

    class Selected(_RowMessage):
        """A row was chosen (enter, or a click on the cursor's row); ``key`` is its key."""

        key: str

    class Highlighted(_RowMessage):
        """The cursor is on another row (``key`` None: the list is empty)."""

    def __init__(
        self,
        columns: Sequence[tuple[str, str]],
        *,
        zebra: bool = True,
        id: str | None = None,
        classes: str | None = None,
    ) -> None:
        super().__init__(id=id, classes=classes)
        self.columns = tuple(columns)
        """(key, label) of each column, in order."""
        self.zebra = zebra
        """Whether every other row has a shade of its own."""
        self._highlighted: str | None = None  # the key last posted in Highlighted
        self._keys: list[str] = []
        self._cells: dict[str, Cells] = {}
        self._index: dict[str, int] = {}
        self._cursor = 0
        self._top = 0  # index of the first row in the window
        self._widths: tuple[int, ...] = tuple(cell_len(label) for _, label in self.columns)
        self._lines: dict[str, dict[tuple[int, ...], Strip]] = {}
        """key -> (state, width) -> the row's cells drawn, and (state, width, thumb) -> its whole line."""
        self._blanks: dict[tuple[int, int], Strip] = {}  # (width, 0): a line below the rows, (width, 1): the header
        self._styles: dict[str, Style] | None = None

    # ------------------------------------------------------------------ rows

    @property
    def row_count(self) -> int:
        return len(self._keys)

    @property
    def cursor_row(self) -> int:
        return self._cursor

    @property
    def cursor_key(self) -> str | None:
        """The key of the row under the cursor (None when the list is empty)."""
        return self._keys[self._cursor] if self._keys else None

    @property
    def keys(self) -> dict[str, int]:
        """Key -> index of the rows shown (read-only use)."""
        return self._index

    def get_row_at(self, index: int) -> list[Any]:
        return list(self._cells[self._keys[index]])

    def get_row(self, key: str) -> list[Any]:
        return list(self._cells[key])

    def get_row_index(self, key: str) -> int:
        return self._index[key]

    def set_rows(self, rows: Iterable[tuple[str, Cells]]) -> None:
        """Show these rows, in this order; the cursor stays on its row when that row is still there.

        Rows left out are kept (with their drawn lines) until `retain` drops them: a filter that
        hides and shows them again costs no drawing, and the columns keep their widths as it does.
        """
        keep = self.cursor_key
        rows = list(rows)
        self._keys = [key for key, _ in rows]
        self._index = {key: i for i, key in enumerate(self._keys)}
        changed = False
        for key, cells in rows:
            old = self._cells.get(key)
            if old is not cells and old != cells:
                self._forget(key)
                self._cells[key] = cells
                changed = True
        cursor = self._index.get(keep, self._cursor) if keep is not None else 0
        self._cursor = max(0, min(cursor, len(self._keys) - 1))
        if changed:
            self._measure()
        self._follow_cursor()
        self.refresh()
        self._post_highlighted()

    def retain(self, keys: Iterable[str]) -> None:
        """Forget the rows (shown or kept) whose key is not among these, e.g. after a reload."""
        wanted = set(keys)
        gone = [key for key in self._cells if key not in wanted]
        for key in gone:
            del self._cells[key]
            self._forget(key)
        if gone:
            self.set_rows([(key, self._cells[key]) for key in self._keys if key in wanted])
            self._measure()

    def update_row(self, key: str, cells: Cells) -> None:
        """Show new cells for one row: its line is drawn again, the others stay as they are (unless widths change)."""
        if key not in self._index or self._cells.get(key) == cells:
            return
        self._cells[key] = cells
        self._forget(key)
        if not self._measure():
            self._refresh_rows(self._index[key])

    def move_cursor(self, *, row: int) -> None:
        """Put the cursor on a row (by index), the window following it."""
        if not self._keys:
            return
        old, self._cursor = self._cursor, max(0, min(row, len(self._keys) - 1))
        if self._follow_cursor():
            self.refresh()
        else:
            self._refresh_rows(old, self._cursor)
        self._post_highlighted()

    def _post_highlighted(self) -> None:
        key = self.cursor_key
        if key != self._highlighted:
            self._highlighted = key
            self.post_message(self.Highlighted(self, key))

    # ------------------------------------------------------------------ keys and mouse

    def action_cursor(self, step: int) -> None:
        self.move_cursor(row=self._cursor + step)

    def action_page(self, direction: int) -> None:
        self.move_cursor(row=self._cursor + direction * max(1, self._window() - 1))

    def action_edge(self, end: int) -> None:
        self.move_cursor(row=len(self._keys) - 1 if end else 0)

    def action_select(self) -> None:
        key = self.cursor_key
        if key is not None:
            self.post_message(self.Selected(self, key))

    def on_click(self, event: events.Click) -> None:
        index = self._top + event.y - 1
        if event.y < 1 or not 0 <= index < len(self._keys):
            return
        event.stop()
        if index == self._cursor or event.chain > 1:
            self.move_cursor(row=index)
            self.action_select()
        else:
            self.move_cursor(row=index)

    def on_mouse_scroll_down(self, event: events.MouseScrollDown) -> None:
        event.stop()
        self._scroll(3)

    def on_mouse_scroll_up(self, event: events.MouseScrollUp) -> None:
        event.stop()
        self._scroll(-3)

    def _scroll(self, rows: int) -> None:
        top = max(0, min(self._top + rows, len(self._keys) - self._window()))
        if top != self._top:
            self._top = top
            self.refresh()

    # ------------------------------------------------------------------ drawing

    def notify_style_update(self) -> None:
        super().notify_style_update()
        self._forget_drawing()

    def _style(self, part: str) -> Style:
        """The widget's style, or a part's on top of it; worked out once per style change (costly in Textual)."""
        if self._styles is None:
            base = self.rich_style
            self._styles = {
                "": base,
                **{name: base + self.get_component_rich_style(name) for name in self.COMPONENT_CLASSES},
            }
        return self._styles[part]

    def on_resize(self) -> None:
        self._follow_cursor()

    def render_line(self, y: int) -> Strip:
        return self._lines_between(y, y + 1, self.size.width)[0]

    def _lines_between(self, start: int, end: int, width: int) -> list[Strip]:
        """Lines ``start`` to ``end`` (excluded) of the widget: the header, then the rows of the window."""
        self._styles_changed()
        rows, window = len(self._keys), self._window()
        if rows > window:  # the thumb: a column at the right showing where the window is
            size = max(1, window * window // rows)
            first = round(self._top * (window - size) / max(1, rows - window))
            marks = [1 if first <= y < first + size else 2 for y in range(window)]
            content = width - 1
        else:
            marks, content = [0] * window, width
        lines: list[Strip] = []
        for y in range(start, end):
            if y == 0:
                lines.append(self._header(width))
                continue
            index = self._top + y - 1
            if index >= rows:
                lines.append(self._blank(width))
                continue
            mark = marks[y - 1] if y - 1 < window else 0
            key = self._keys[index]
            state = 2 if index == self._cursor else index % 2 if self.zebra else 1
            drawn = self._lines.setdefault(key, {})
            line = drawn.get((state, width, mark))
            if line is None:
                line = drawn.get((state, content))
                if line is None:
                    line = drawn[(state, content)] = self._draw(self._cells[key], state, content)
                if mark:
                    line = Strip([*line, Segment("┃" if mark == 1 else "│", self._style("row-list--thumb"))], width)
                drawn[(state, width, mark)] = line
            lines.append(line)
        return lines

    def _blank(self, width: int) -> Strip:
        """A line below the rows (only when they all fit: the window never goes past the last row)."""
        line = self._blanks.get((width, 0))
        if line is None:
            line = self._blanks[(width, 0)] = Strip.blank(width, self._style(""))
        return line

    def _header(self, width: int) -> Strip:
        line = self._blanks.get((width, 1))
        if line is None:
            text = Text(no_wrap=True, overflow="crop", end="")
            for (_, label), w in zip(self.columns, self._widths, strict=False):
                text.append(" " * (GAP // 2) + one_line(label).ljust(w)[:w] + " " * (GAP - GAP // 2))
            text.truncate(width, pad=True)
            line = self._blanks[(width, 1)] = Strip([Segment(text.plain, self._style("row-list--header"))], width)
        return line

    def _draw(self, cells: Cells, state: int, width: int) -> Strip:
        base = self._style("row-list--cursor" if state == 2 else "row-list--even-row" if state == 0 else "")
        text = Text(no_wrap=True, overflow="ellipsis", end="")
        for cell, w in zip(cells, self._widths, strict=False):
            part = cleaned(cell).copy() if isinstance(cell, Text) else Text(one_line(cell))
            part.truncate(w, overflow="ellipsis", pad=True)
            text.append(" " * (GAP // 2))
            text.append_text(part)
            text.append(" " * (GAP - GAP // 2))
        text.truncate(width, overflow="ellipsis", pad=True)
        # A cell's own colours show on the other rows; on the cursor's row the cursor's colours win.
        segments = [
            Segment(seg.text, (seg.style + base if state == 2 else base + seg.style) if seg.style else base)
            for seg in text.render(self.app.console)
            if seg.text
        ]
        return Strip(segments, width)

    def _forget_drawing(self) -> None:
        super()._forget_drawing()
        self._lines.clear()
        self._blanks.clear()
        self._styles = None

    # ------------------------------------------------------------------ bookkeeping

    def _window(self) -> int:
        """How many rows the window shows (the header takes a line)."""
        return max(1, self.size.height - 1)

    def _follow_cursor(self) -> bool:
        """Move the window so that the cursor is in it; True when it moved."""
        window, top = self._window(), self._top
        if self._cursor < top:
            top = self._cursor
        elif self._cursor >= top + window:
            top = self._cursor - window + 1
        top = max(0, min(top, max(0, len(self._keys) - window)))
        moved, self._top = top != self._top, top
        return moved

    def _refresh_rows(self, *indexes: int) -> None:
        width = self.size.width
        regions = [Region(0, i - self._top + 1, width, 1) for i in indexes if 0 <= i - self._top < self._window()]
        if regions:
            self.refresh(*regions)

    def _measure(self) -> bool:
        """Work out the column widths from the rows; True (and all drawn again) when they changed."""
        widths = [cell_len(label) for _, label in self.columns]
        for cells in self._cells.values():
            for i, cell in enumerate(cells[: len(widths)]):
                length = cleaned(cell).cell_len if isinstance(cell, Text) else cell_len(one_line(cell))
                if length > widths[i]:
                    widths[i] = min(length, MAX_WIDTH)
        new = tuple(widths)
        if new == self._widths:
            return False
        self._widths = new
        self._forget_drawing()
        self.refresh()
        return True

    def _forget(self, key: str) -> None:
        self._lines.pop(key, None)
