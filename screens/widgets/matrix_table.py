"""MatrixTable: a table of one-line `Cell`s under a header of a few lines, drawn line by line from the cells in sight.

Textual 8.2's DataTable builds each row through Rich (a Padding and a Styled a cell), renders every
column of a row and crops it to the view, and measures the columns again on idle: about 350 ms for
the first frame of a 50 x 40 comparison. Here a line is drawn from the cells that are in sight
only, as ready-made segments, so the first frame costs what is on screen, and a changed cell
redraws its own line (`set_cells`).

It offers the part of DataTable's interface the comparison screen and its tests use: `add_column`,
`add_row`, `clear`, `columns`, `row_count`, `get_cell`, `get_row_index`, `get_column_index`,
`cursor_coordinate`, `move_cursor`, `coordinate_to_cell_key`, the keys of `textual.widgets.data_table`
and the scrolling of a ScrollView (the header and the first ``fixed_columns`` stay in place). The
cursor is a cell; ``enter``, a click on the cursor's cell or a double click posts `CellSelected`.
"""

from __future__ import annotations

from bisect import bisect_right
from typing import Any, ClassVar

from rich.cells import cell_len
from rich.segment import Segment
from rich.style import Style
from rich.text import Text
from textual import events
from textual.binding import Binding, BindingType
from textual.coordinate import Coordinate
from textual.geometry import Region, Size, Spacing
from textual.message import Message
from textual.scroll_view import ScrollView
from textual.strip import Strip
from textual.widgets.data_table import CellKey, ColumnKey, RowKey

from screens.widgets.matrix_cell import NO_STYLE, Cell, Column

__all__ = ["NO_STYLE", "Cell", "Column", "MatrixTable"]


class MatrixTable(ScrollView, can_focus=True):
    """Rows of `Cell`s keyed by strings, under a fixed header; the first ``fixed_columns`` never scroll away."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("up", "move(-1, 0)", "Up", show=False),
        Binding("down", "move(1, 0)", "Down", show=False),
        Binding("left", "move(0, -1)", "Left", show=False),
        Binding("right", "move(0, 1)", "Right", show=False),
        Binding("pageup", "page(-1)", "Page up", show=False),
        Binding("pagedown", "page(1)", "Page down", show=False),
        Binding("home", "edge(0)", "First row", show=False),
        Binding("end", "edge(1)", "Last row", show=False),
        Binding("enter", "select", "Select", show=False),
    ]
    COMPONENT_CLASSES: ClassVar[set[str]] = {"matrix--header", "matrix--fixed", "matrix--cursor"}
    DEFAULT_CSS = """
    MatrixTable {
        background: $surface;
        color: $foreground;
        &:focus {
            background-tint: $foreground 5%;
            & > .matrix--cursor {
                background: $block-cursor-background;
                color: $block-cursor-foreground;
                text-style: $block-cursor-text-style;
            }
            & > .matrix--header {
                background-tint: $foreground 5%;
            }
        }
        & > .matrix--header {
            text-style: bold;
            background: $panel;
            color: $foreground;
        }
        & > .matrix--fixed {
            background: $secondary-muted;
            color: $foreground;
        }
        & > .matrix--cursor {
            background: $block-cursor-blurred-background;
            color: $block-cursor-blurred-foreground;
            text-style: $block-cursor-blurred-text-style;
        }
    }
    """

    show_cursor = True

    class CellSelected(Message):
        """A cell was chosen: ``enter``, a click on the cursor's cell, or a double click."""

        def __init__(self, table: MatrixTable, cell_key: CellKey, coordinate: Coordinate) -> None:
            super().__init__()
            self.table = table
            self.cell_key = cell_key
            self.coordinate = coordinate

        @property
        def control(self) -> MatrixTable:
            return self.table

    def __init__(
        self,
        *,
        fixed_columns: int = 0,
        header_height: int = 1,
        cell_padding: int = 1,
        id: str | None = None,
        classes: str | None = None,
    ) -> None:
        super().__init__(id=id, classes=classes)
        self.fixed_columns = fixed_columns
        self.header_height = header_height
        self.cell_padding = cell_padding
        self.columns: dict[ColumnKey, Column] = {}
        self._column_index: dict[str, int] = {}
        self._row_keys: list[RowKey] = []
        self._row_index: dict[str, int] = {}
        self._rows: list[list[Cell]] = []  # by row, then column; a row shorter than the columns has blanks
        self._cursor = Coordinate(0, 0)
        self._spans: list[tuple[int, int]] | None = None  # (x, width) of each column; fixed ones from 0 as well
        self._styles: dict[str, Style] | None = None
        self._sums: dict[tuple[Style, ...], Style] = {}
        self._metas: list[Style] = []

    # ------------------------------------------------------------------ content

    @property
    def row_count(self) -> int:
        return len(self._row_keys)

    @property
    def ordered_columns(self) -> list[Column]:
        return list(self.columns.values())

    def clear(self, columns: bool = False) -> None:
        """Remove every row (and, with ``columns``, every column); the cursor goes back to the top left."""
        self._row_keys, self._row_index, self._rows = [], {}, []
        if columns:
            self.columns, self._column_index = {}, {}
        self._cursor = Coordinate(0, 0)
        self._resized()

    def add_column(self, label: str | Text, *, key: str) -> ColumnKey:
        column_key = ColumnKey(key)
        self._column_index[key] = len(self.columns)
        self.columns[column_key] = Column(column_key, label)
        self._resized()
        return column_key

    def add_row(self, *cells: Cell, key: str, label: Any = None) -> RowKey:
        """A row of cells, one per column in order (``label`` is not drawn: DataTable's row labels are not kept)."""
        row_key = RowKey(key)
        self._row_index[key] = len(self._row_keys)
        self._row_keys.append(row_key)
        self._rows.append(list(cells))
        for column, cell in zip(self.columns.values(), cells, strict=False):
            width = cell_len(cell.plain)
            if width > column.content_width:
                column.content_width = width
                self._spans = None
        self._resized()
        return row_key

    def set_cells(self, changes: list[tuple[str, str, Cell]]) -> None:
        """Put new values in cells (row key, column key, value); only their lines are drawn again.

        A column grows to fit a wider value (then the whole table is drawn again); it never shrinks
        while the table is shown, so that a total going from "100%" to "96%" moves nothing.
        """
        lines: set[int] = set()
        wider = False
        columns = self.ordered_columns
        for row, column, value in changes:
            r, c = self._row_index.get(row), self._column_index.get(column)
            if r is None or c is None:
                continue
            cells = self._rows[r]
            cells.extend([Cell.of("")] * (c + 1 - len(cells)))
            cells[c] = value
            lines.add(r)
            spec = columns[c]
            width = cell_len(value.plain)
            if width > spec.content_width:
                spec.content_width = width
                wider = True
        if wider:
            self._spans = None
            self._resized()
        elif lines:
            self._refresh_rows(*lines)

    def get_cell(self, row_key: str, column_key: str) -> Cell:
        r, c = self._row_index[str(row_key)], self._column_index[str(column_key)]
        cells = self._rows[r]
        return cells[c] if c < len(cells) else Cell.of("")

    def get_row_index(self, row_key: str) -> int:
        return self._row_index[str(row_key)]

    def get_column_index(self, column_key: str) -> int:
        return self._column_index[str(column_key)]

    def coordinate_to_cell_key(self, coordinate: Coordinate) -> CellKey:
        row, column = coordinate
        if not (0 <= row < len(self._row_keys) and 0 <= column < len(self.columns)):
            raise IndexError(f"no cell at {coordinate}")
        return CellKey(self._row_keys[row], self.ordered_columns[column].key)

    # ------------------------------------------------------------------ the cursor

    @property
    def cursor_coordinate(self) -> Coordinate:
        return self._cursor

    @cursor_coordinate.setter
    def cursor_coordinate(self, coordinate: Coordinate) -> None:
        new = self.validate_cursor_coordinate(coordinate)
        old, self._cursor = self._cursor, new
        if new.row != old.row or new.column != old.column:
            self._refresh_rows(old.row, new.row)
        self._scroll_to_cursor()

    def validate_cursor_coordinate(self, coordinate: Coordinate) -> Coordinate:
        row = max(0, min(coordinate.row, len(self._row_keys) - 1))
        column = max(0, min(coordinate.column, len(self.columns) - 1))
        return Coordinate(row, column)

    def move_cursor(self, *, row: int | None = None, column: int | None = None, animate: bool = False) -> None:
        self.cursor_coordinate = Coordinate(
            self._cursor.row if row is None else row, self._cursor.column if column is None else column
        )

    def action_move(self, rows: int, columns: int) -> None:
        self.move_cursor(row=self._cursor.row + rows, column=self._cursor.column + columns)

    def action_page(self, direction: int) -> None:
        self.move_cursor(row=self._cursor.row + direction * max(1, self._window() - 1))

    def action_edge(self, end: int) -> None:
        self.move_cursor(row=len(self._row_keys) - 1 if end else 0)

    def action_select(self) -> None:
        if self._row_keys and self.columns:
            self.post_message(self.CellSelected(self, self.coordinate_to_cell_key(self._cursor), self._cursor))

    def on_click(self, event: events.Click) -> None:
        offset = event.get_content_offset(self)
        if offset is None or offset.y < self.header_height:
            return
        row = round(self.scroll_y) + offset.y - self.header_height
        column = self._column_at(offset.x)
        if not 0 <= row < len(self._row_keys) or column is None:
            return
        event.stop()
        again = Coordinate(row, column) == self._cursor or event.chain > 1
        self.move_cursor(row=row, column=column)
        if again:
            self.action_select()

    def _column_at(self, x: int) -> int | None:
        spans = self._column_spans()
        fixed = self._fixed_width()
        if x >= fixed:
            x += round(self.scroll_x)
        starts = [start for start, _ in spans]
        index = bisect_right(starts, x) - 1
        if index < 0 or index >= len(spans) or x >= spans[index][0] + spans[index][1]:
            return None
        return index

    def _scroll_to_cursor(self) -> None:
        if not self._row_keys or not self.columns:
            return
        region = Region(round(self.scroll_x), self.header_height + self._cursor.row, 1, 1)
        self.scroll_to_region(
            region,
            animate=False,
            spacing=Spacing(self.header_height, 0, 0, 0),
            force=True,
            immediate=True,
            x_axis=False,
        )
        if self._cursor.column >= self.fixed_columns:
            self.scroll_to(x=self._scroll_x_for(self._cursor.column), animate=False, immediate=True)

    def _scroll_x_for(self, column: int) -> int:
        """The horizontal scroll that shows this scrollable column: as little move as needed, and the first
        column in sight whole (a column cut at the left shows the end of its title next to the fixed ones)."""
        spans = self._column_spans()
        fixed = self._fixed_width()
        view = self.scrollable_content_region.width - fixed
        x, width = spans[column]
        scroll = round(self.scroll_x)
        if x < scroll + fixed:
            return x - fixed
        if x + width <= scroll + fixed + view:
            return scroll
        need = x + width - view  # the least left edge (in table coordinates) that shows the column's end
        for start, _ in spans[self.fixed_columns : column + 1]:
            if start >= need:
                return start - fixed
        return x - fixed

    # ------------------------------------------------------------------ drawing

    def notify_style_update(self) -> None:
        super().notify_style_update()
        self._styles = None
        self._sums.clear()

    def _style(self, part: str) -> Style:
        if self._styles is None:
            base = self.rich_style
            self._styles = {
                "": base,
                **{name: base + self.get_component_rich_style(name) for name in self.COMPONENT_CLASSES},
            }
        return self._styles[part]

    def _sum(self, *styles: Style) -> Style:
        """The styles added up, kept (adding Rich styles is what drawing a line costs most)."""
        total = self._sums.get(styles)
        if total is None:
            total = NO_STYLE
            for style in styles:
                total += style
            if len(self._sums) >= 50_000:  # (columns x score colours x cursor: bounded, but not small)
                self._sums.clear()
            self._sums[styles] = total
        return total

    def _meta(self, column: int) -> Style:
        """The column's index as meta: a cell's segments then differ from its neighbours' (an SVG keeps them apart)."""
        while len(self._metas) <= column:
            self._metas.append(Style.from_meta({"column": len(self._metas)}))
        return self._metas[column]

    def render_line(self, y: int) -> Strip:
        width = self.size.width
        if y < self.header_height:
            header = self._style("matrix--header")
            pad = " " * self.cell_padding
            return self._line(
                width,
                lambda i, column, w: [
                    Segment(pad + column.title(y, w - 2 * len(pad)) + pad, self._sum(header, self._meta(i)))
                ],
                header,
            )
        row = y - self.header_height + round(self.scroll_y)
        if not 0 <= row < len(self._rows):
            return Strip.blank(width, self._style(""))
        cells = self._rows[row]
        cursor = self._cursor.column if row == self._cursor.row and self.show_cursor else -1
        fixed = self._style("matrix--fixed")
        plain = self._style("")

        def draw(i: int, column: Column, w: int) -> list[Segment]:
            cell = cells[i] if i < len(cells) else Cell.of("")
            under = fixed if i < self.fixed_columns else plain
            return self._cell(cell, w, under, self._meta(i), i == cursor)

        return self._line(width, draw, plain)

    def _cell(self, cell: Cell, width: int, under: Style, meta: Style, cursor: bool) -> list[Segment]:
        pad = self.cell_padding
        segments = cell.segments(max(0, width - 2 * pad))
        if pad:
            segments = [Segment(" " * pad), *segments, Segment(" " * pad)]
        over = self._style("matrix--cursor") if cursor else NO_STYLE  # the cursor's colours win over the cell's
        return [Segment(text, self._sum(under, style or NO_STYLE, over, meta)) for text, style, _ in segments]

    def _line(self, width: int, draw: Any, rest: Style) -> Strip:
        """One line: the fixed columns, then the scrollable ones in sight (cut at the edges), then ``rest``."""
        spans = self._column_spans()
        columns = self.ordered_columns
        fixed_count = min(self.fixed_columns, len(columns))
        fixed = self._fixed_width()
        segments: list[Segment] = []
        for i in range(fixed_count):
            segments += draw(i, columns[i], spans[i][1])
        left = round(self.scroll_x) + fixed  # the scrollable part shows [left, left + width - fixed)
        right = left + max(0, width - fixed)
        scrolled: list[Segment] = []
        start = None
        for i in range(fixed_count, len(columns)):
            x, w = spans[i]
            if x + w <= left:
                continue
            if x >= right:
                break
            if start is None:
                start = x
            if x < left or x + w > right:  # cut at an edge: a blank, not part of a title or a number ("3.7" of 3.75)
                scrolled.append(Segment(" " * w, rest))
            else:
                scrolled += draw(i, columns[i], w)
        if scrolled and start is not None:
            strip = Strip(scrolled).crop(left - start, right - start)
            segments += list(strip)
        return Strip(segments).adjust_cell_length(width, rest)

    # ------------------------------------------------------------------ bookkeeping

    def _column_spans(self) -> list[tuple[int, int]]:
        """(x, width) of every column, in the table's own coordinates (the fixed ones first)."""
        if self._spans is None:
            spans, x = [], 0
            for column in self.columns.values():
                width = column.content_width + 2 * self.cell_padding
                spans.append((x, width))
                x += width
            self._spans = spans
        return self._spans

    def _fixed_width(self) -> int:
        return sum(width for _, width in self._column_spans()[: self.fixed_columns])

    def _window(self) -> int:
        return max(1, self.scrollable_content_region.height - self.header_height)

    def _resized(self) -> None:
        self._spans = None
        spans = self._column_spans()
        width = spans[-1][0] + spans[-1][1] if spans else 0
        size = Size(width, self.header_height + len(self._row_keys))
        if size != self.virtual_size:
            self.virtual_size = size
        self.refresh()

    def _refresh_rows(self, *rows: int) -> None:
        width = self.size.width
        top = round(self.scroll_y)
        regions = [
            Region(0, self.header_height + row - top, width, 1) for row in set(rows) if 0 <= row - top < self._window()
        ]
        if regions:
            self.refresh(*regions)
