"""MatrixTable: a DataTable of one-line cells that draws each cell without Rich's layout, and changes cells in place
without re-rendering every other cell.

Textual 8.2's DataTable renders each cell through Rich (Padding, Styled, text wrapping): about 0.2 ms
a cell, half a second for a 50 x 40 comparison, and it renders every column of a row even when
only a few are in sight. Here a `Cell` is drawn as ready-made segments, a cell out of sight as a
blank of its width (rows are drawn again when the table scrolls sideways). And `update_cell` bumps a counter that is part of
every cached cell's key, so one changed cell re-renders all the others; `set_cells` bumps a version of each cell it changes (part of that cell's
cache key) and forgets only the cached rows and lines those cells are in. Both lean on DataTable internals (pinned at Textual 8.2.8, as screens/table.py does).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from rich.cells import cell_len
from rich.measure import Measurement
from rich.segment import Segment
from rich.style import Style
from textual.widgets.data_table import CellKey, ColumnKey, RowKey

from screens.table import Table

NO_STYLE = Style()


@dataclass(frozen=True, slots=True)
class Cell:
    """One line of text in parts, each with its style; ``fill`` styles the space that justifies it."""

    parts: tuple[tuple[str, Style], ...]
    justify: str = "right"
    fill: Style = NO_STYLE

    @classmethod
    def of(cls, text: str, style: Style | str = NO_STYLE, *, justify: str = "right", fill: bool = False) -> Cell:
        """A cell of one part; ``fill`` spreads its style over the whole cell (a coloured cell)."""
        style = Style.parse(style) if isinstance(style, str) else style
        return cls(((text, style),), justify, style if fill else NO_STYLE)

    def add(self, text: str, style: Style | str = NO_STYLE) -> Cell:
        """This cell with one more part."""
        style = Style.parse(style) if isinstance(style, str) else style
        return Cell((*self.parts, (text, style)), self.justify, self.fill)

    @property
    def plain(self) -> str:
        return "".join(text for text, _ in self.parts)

    def __str__(self) -> str:
        return self.plain

    def __rich_measure__(self, console: Any, options: Any) -> Measurement:
        width = cell_len(self.plain)
        return Measurement(width, width)

    def __rich_console__(self, console: Any, options: Any) -> Any:  # for anything that renders it through Rich
        yield from self.segments(options.max_width)

    def segments(self, width: int) -> list[Segment]:
        """The cell justified (or cropped) to ``width`` cells."""
        line = [Segment(text, style) for text, style in self.parts if text]
        used = sum(segment.cell_length for segment in line)
        if used > width:
            return Segment.adjust_line_length(line, width)
        space = width - used
        if not space:
            return line
        if self.justify == "right":
            return [Segment(" " * space, self.fill), *line]
        if self.justify == "center":
            left = space // 2
            return [Segment(" " * left, self.fill), *line, Segment(" " * (space - left), self.fill)]
        return [*line, Segment(" " * space, self.fill)]


class MatrixTable(Table):
    """A DataTable whose `Cell` values render fast and change in place (`set_cells`)."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        self._versions: dict[tuple[RowKey, ColumnKey], int] = {}
        """How often each cell was changed in place: part of its cached render's key, so an old render is never reused."""
        self._settings: tuple[int, int, bool, bool, bool, int] | None = None
        self._spans: tuple[int, int, int, list[tuple[int, int]]] | None = None
        self._styles: dict[tuple[Any, ...], Style] = {}
        super().__init__(*args, **kwargs)  # (it clears the caches already)

    def _clear_caches(self) -> None:
        super()._clear_caches()  # DataTable calls this whenever padding, cursor or fixed rows/columns change
        self._settings = None
        self._spans = None
        self._styles.clear()

    def watch_scroll_x(self, old_value: float, new_value: float) -> None:
        if round(old_value) != round(new_value):  # the cached rows hold blanks for the columns out of sight
            self._row_render_cache.clear()
            self._line_cache.clear()
        super().watch_scroll_x(old_value, new_value)

    def _column_spans(self) -> tuple[int, int, list[tuple[int, int]]]:
        """(the table's width, the fixed columns' width, (x, width) of every column in a scrollable row).

        Kept until the columns or the table's size change (DataTable counts either in _update_count)
        or the column widths change (Table.on_idle clears the caches then).
        """
        if self._spans is None or self._spans[0] != self._update_count:
            spans, x = [], 0
            for column in self.ordered_columns:
                width = column.get_render_width(self)
                spans.append((x, width))
                x += width
            fixed = sum(width for _, width in spans[: self.fixed_columns])
            self._spans = (self._update_count, self.size.width, fixed, spans)
        return self._spans[1], self._spans[2], self._spans[3]

    def _out_of_sight(self, column_index: int) -> bool:
        """Whether a scrollable cell of this column is cropped away at the current horizontal scroll."""
        view, fixed, spans = self._column_spans()
        if column_index >= len(spans):
            return False
        x, width = spans[column_index]
        scroll = round(self.scroll_x)
        return x + width <= scroll + fixed or x >= scroll + view  # DataTable crops rows to [scroll + fixed, scroll + view)

    def _render_settings(self) -> tuple[int, int, bool, bool, bool, int]:
        """(fixed rows, fixed columns, show cursor, css foreground, css background, cell padding), read once."""
        if self._settings is None:
            self._settings = (self.fixed_rows, self.fixed_columns, self.show_cursor,
                              self.cursor_foreground_priority == "css", self.cursor_background_priority == "css",
                              self.cell_padding)
        return self._settings

    def _render_cell(self, row_index: int, column_index: int, base_style: Style, width: int,
                     cursor: bool = False, hover: bool = False) -> Any:
        if row_index < 0 or column_index < 0:  # the header and row labels: as DataTable draws them
            return super()._render_cell(row_index, column_index, base_style, width, cursor, hover)
        row_key = self._row_locations.get_key(row_index)
        column_key = self._column_locations.get_key(column_index)
        value = self._data.get(row_key, {}).get(column_key) if row_key is not None else None
        if not isinstance(value, Cell):
            return super()._render_cell(row_index, column_index, base_style, width, cursor, hover)
        if column_index >= self._render_settings()[1] and self._out_of_sight(column_index):
            # DataTable renders every cell of a row, then crops it to the view: a blank does here.
            return [[Segment(" " * width, base_style)]]
        key = (row_key, column_key, self._versions.get((row_key, column_key), 0), base_style, cursor, hover,
               self._show_hover_cursor, self._update_count, self._pseudo_class_state)
        lines = self._cell_render_cache.get(key)
        if lines is None:
            fixed_rows, fixed_columns, show_cursor, css_fg, css_bg, pad = self._render_settings()
            fixed = row_index < fixed_rows or column_index < fixed_columns
            component, post = self._get_styles_to_render_cell(
                False, False, fixed, hover, cursor, show_cursor, self._show_hover_cursor, css_fg, css_bg)
            # As DataTable's Styled(Padding(cell)): base + component + the part's style + post, then the
            # cell's coordinates (for mouse clicks). The first sum repeats across cells and is kept.
            meta = Style.from_meta({"row": row_index, "column": column_index})
            styles = self._styles
            line = []
            parts = [Segment(" " * pad)] if pad else []
            parts += value.segments(max(0, width - 2 * pad))
            if pad:
                parts.append(Segment(" " * pad))
            for text, style, _ in parts:
                combo = (base_style, component, post, style)
                total = styles.get(combo)
                if total is None:
                    total = styles[combo] = base_style + component + style + post
                line.append(Segment(text, total + meta))
            lines = [line]
            self._cell_render_cache[key] = lines
        return lines

    def _update_column_widths(self, updated_cells: set[CellKey]) -> None:
        """Widen a column for a wider `Cell`; a narrower one leaves it as wide as it was.

        DataTable measures the whole column again whenever a cell gets narrower (a total going from
        "100%" to "96%"), which is most of the time of a re-rank on a large matrix.
        """
        others = set()
        for cell_key in updated_cells:
            row_key, column_key = cell_key
            column = self.columns.get(column_key)
            value = self._data.get(row_key, {}).get(column_key)
            if column is None or not isinstance(value, Cell):
                others.add(cell_key)
                continue
            column.content_width = max(column.content_width, cell_len(value.plain))
        if others:
            super()._update_column_widths(others)
        self._require_update_dimensions = True

    def _update_dimensions(self, new_rows: Any) -> None:
        """Column widths from the new rows of `Cell`s by their length; other rows measured as DataTable does."""
        others = []
        for row_key in new_rows:
            row = self.rows.get(row_key)
            cells = self._data.get(row_key)
            if row is None or cells is None:
                continue
            if row.label is not None or row.auto_height or not all(isinstance(v, Cell) for v in cells.values()):
                others.append(row_key)
                continue
            for column_key, value in cells.items():
                column = self.columns.get(column_key)
                if column is not None:
                    column.content_width = max(column.content_width, cell_len(value.plain))
        super()._update_dimensions(others)  # and the virtual size

    def _row_of_line(self, y: int) -> RowKey | None:
        try:
            return self._get_offsets(y)[0]
        except (LookupError, IndexError):
            return None

    def set_cells(self, changes: list[tuple[str, str, Any]]) -> None:
        """Put new values in cells (row key, column key, value), re-rendering only those cells and their rows.

        Column widths grow to fit the new values (on the next idle moment, as update_cell(update_width=True)).
        """
        if not changes:
            return
        cells: set[tuple[RowKey, ColumnKey]] = set()
        for row, column, value in changes:
            row_key, column_key = RowKey(row), ColumnKey(column)
            if row_key not in self._row_locations or column_key not in self._column_locations:
                continue
            self._data[row_key][column_key] = value
            cells.add((row_key, column_key))
            self._versions[(row_key, column_key)] = self._versions.get((row_key, column_key), 0) + 1
            self._updated_cells.add(CellKey(row_key, column_key))
        rows = {row_key for row_key, _ in cells}
        indexes = {self._row_locations.get(row_key) for row_key in rows}
        for key in [k for k in self._row_render_cache.keys() if k[0] in rows]:
            self._row_render_cache.discard(key)
        for key in [k for k in self._row_renderable_cache.keys() if k[1] in indexes]:
            self._row_renderable_cache.discard(key)
        for key in [k for k in self._line_cache.keys() if self._row_of_line(k[0]) in rows]:
            self._line_cache.discard(key)
        self._require_update_dimensions = True
        self.refresh()
