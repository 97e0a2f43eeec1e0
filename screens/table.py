"""Table: a DataTable whose auto-width columns show their new width as soon as wider rows arrive."""

from __future__ import annotations

from textual.widgets import DataTable


class Table(DataTable):  # type: ignore[type-arg]
    """A DataTable that redraws when its measured column widths change.

    Textual 8.2 measures rows added since the last idle moment and widens the columns, but
    lines already drawn stay in its caches, keyed without the widths; rows added from a
    worker's callback could then stay clipped until the cursor moved. Here, once the
    widths change, the caches are dropped and the table redrawn.
    """

    _drawn_widths: tuple[int, ...] = ()

    def on_idle(self) -> None:  # runs after DataTable._on_idle measured the new rows
        widths = tuple(column.get_render_width(self) for column in self.columns.values())
        if widths != self._drawn_widths:
            self._drawn_widths = widths
            self._clear_caches()  # internal to Textual (pinned at 8.2.8); there is no public way
            self.refresh()
