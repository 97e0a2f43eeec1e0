"""Table: a DataTable that redraws one row for a one-cell change, and whose auto-width columns show their new
width as soon as wider rows arrive."""

from __future__ import annotations

from typing import Any

from rich.text import Text
from textual.widgets import DataTable
from textual.widgets.data_table import CellDoesNotExist, CellKey, ColumnKey, RowKey

from screens.shell.plain import cleaned
from workbench.domain.display import one_line


class PlainCell(Text):
    """A string cell drawn as plain text; it keeps the string it was given (``raw``) and equals it."""

    raw: str = ""

    def __eq__(self, other: object) -> bool:
        if isinstance(other, str):
            return self.raw == other
        return super().__eq__(other)

    __hash__ = None  # type: ignore[assignment]  # as Text's


def plain_cell(value: Any) -> Any:
    """A cell as the table must draw it: a string as plain text (DataTable would read it as markup), a Text
    without control characters; numbers and other renderables as they are."""
    if isinstance(value, str):
        cell = PlainCell(one_line(value), no_wrap=True, end="")
        cell.raw = value
        return cell
    if isinstance(value, Text):
        return cleaned(value)
    return value


def given(value: Any) -> Any:
    """What a cell was given: the string of a PlainCell, else the value itself."""
    return value.raw if isinstance(value, PlainCell) else value


class Table(DataTable):  # type: ignore[type-arg]
    """A DataTable whose `update_cell` draws one row again, not the whole table.

    Textual 8.2's `update_cell` counts an update that is part of the key of every cached cell, row
    and line: one changed cell renders every cell in sight again through Rich (75 ms at the median
    and 450 ms at p99 measured here). Here only the changed cell's cached renders and its row's
    lines are dropped, and only that row's region is refreshed.

    It also redraws when its measured column widths change: Textual 8.2 measures rows added since
    the last idle moment and widens the columns, but lines already drawn stay in its caches, keyed
    without the widths; rows added from a worker's callback could then stay clipped until the
    cursor moved. Here, once the widths change, the caches are dropped and the table redrawn.

    Its cells and column labels are plain text: a string is never read as markup, and control
    characters are shown, not written (``plain_cell``; every row is one line high). A string cell read
    back equals the string given (``PlainCell``, ``given``).

    Both lean on DataTable internals (the caches and their keys), pinned at Textual 8.2.8.
    """

    def add_column(self, label: Any, *, width: int | None = None, key: str | None = None, default: Any = None) -> Any:
        if isinstance(label, (str, Text)):
            label = Text(one_line(label)) if isinstance(label, str) else cleaned(label)
        return super().add_column(label, width=width, key=key, default=default)

    def add_row(self, *cells: Any, height: int | None = 1, key: str | None = None, label: Any = None) -> Any:
        return super().add_row(
            *(plain_cell(cell) for cell in cells),
            height=height,
            key=key,
            label=Text(one_line(label)) if isinstance(label, str) else label,
        )

    _drawn_widths: tuple[int, ...] = ()

    def on_idle(self) -> None:  # runs after DataTable._on_idle measured the new rows
        widths = tuple(column.get_render_width(self) for column in self.columns.values())
        if widths != self._drawn_widths:
            self._drawn_widths = widths
            self._clear_caches()  # internal to Textual (pinned at 8.2.8); there is no public way
            self.refresh()

    def update_cell(
        self, row_key: RowKey | str, column_key: ColumnKey | str, value: Any, *, update_width: bool = False
    ) -> None:
        row_key = RowKey(row_key) if isinstance(row_key, str) else row_key
        column_key = ColumnKey(column_key) if isinstance(column_key, str) else column_key
        if row_key not in self._row_locations or column_key not in self._column_locations:
            raise CellDoesNotExist(f"No cell exists for row_key={row_key!r}, column_key={column_key!r}.")
        value = plain_cell(value)
        self._data[row_key][column_key] = value
        if update_width:  # measured on idle; on_idle above redraws everything if a width changes
            self._updated_cells.add(CellKey(row_key, column_key))
            self._require_update_dimensions = True
        self._forget_row(row_key, column_key)
        index = self._row_locations.get(row_key)
        if index is not None:  # it is: checked above
            self.refresh_row(index)

    def _forget_row(self, row_key: RowKey, column_key: ColumnKey) -> None:
        """Drop the cached renders of one cell and the lines of its row (every other cache entry stays valid)."""
        index = self._row_locations.get(row_key)
        # LRUCache has keys() but no iteration of its own, hence the keys() calls.
        cells = [k for k in self._cell_render_cache.keys() if k[0] == row_key and k[1] == column_key]  # noqa: SIM118
        for cell in cells:
            self._cell_render_cache.discard(cell)
        for row in [k for k in self._row_render_cache.keys() if k[0] == row_key]:  # noqa: SIM118
            self._row_render_cache.discard(row)
        for renderable in [k for k in self._row_renderable_cache.keys() if k[1] == index]:  # noqa: SIM118
            self._row_renderable_cache.discard(renderable)
        for line in [k for k in self._line_cache.keys() if self._row_at_line(k[0]) == row_key]:  # noqa: SIM118
            self._line_cache.discard(line)

    def _row_at_line(self, y: int) -> RowKey | None:
        try:
            return self._get_offsets(y)[0]
        except (LookupError, IndexError):
            return None
