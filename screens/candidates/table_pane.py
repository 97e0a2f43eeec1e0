"""TablePane: a candidate tab whose body is a table of views keyed by id, and the cells the tabs share."""

from __future__ import annotations

from datetime import date, datetime
from typing import TYPE_CHECKING, Any, ClassVar, Generic, TypeVar, cast

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widgets import DataTable, Static

from screens.widgets.table import Table, given

if TYPE_CHECKING:
    from screens.candidates.host import CandidateHost


V = TypeVar("V")


STALE_DAYS = 180


def today(now: datetime | None = None) -> date:
    """Today's date: the app's frozen clock when it has one (tests, snapshots), else the machine's."""
    return now.astimezone().date() if now is not None else date.today()


def short(text: str, width: int) -> str:
    line = " ".join((text or "").split())
    return line if len(line) <= width else line[: width - 1] + "…"


def last_checked_cell(value: date | None, *, on: date | None = None) -> Text:
    """The last-checked date, marked stale when it is more than STALE_DAYS days before today."""
    if value is None:
        return Text("not checked", style="dim")
    if ((on or today()) - value).days > STALE_DAYS:
        return Text(f"{value.isoformat()} stale", style="bold yellow")
    return Text(value.isoformat())


class TablePane(Vertical, Generic[V]):
    """A tab whose body is a table of views keyed by id; one row is redrawn at a time."""

    COLUMNS: ClassVar[tuple[tuple[str, str], ...]] = ()
    EMPTY: ClassVar[str] = ""

    def __init__(self, *, id: str) -> None:
        super().__init__(id=id)
        self.views: dict[int, V] = {}

    def today(self) -> date:
        return today(getattr(self.app, "clock_now", None))

    def compose(self) -> ComposeResult:
        yield Static(self.EMPTY, classes="pane-hint")
        yield Table(cursor_type="row", zebra_stripes=True, classes="pane-table")
        yield Static("", classes="pane-detail")

    @property
    def owner(self) -> CandidateHost:
        """The candidate screen this tab is on."""
        return cast("CandidateHost", self.screen)

    @property
    def table(self) -> DataTable[Any]:
        return self.query_one(DataTable)

    def on_mount(self) -> None:
        for key, label in self.COLUMNS:
            self.table.add_column(label, key=key)

    def cells(self, view: V) -> tuple[Any, ...]:
        raise NotImplementedError

    def detail(self, view: V) -> str | Text:
        """The full text of the row under the cursor, shown below the table."""
        return ""

    def _show_detail(self) -> None:
        view = self.current()
        self.query_one(".pane-detail", Static).update("" if view is None else self.detail(view))

    @on(DataTable.RowHighlighted)
    def _highlighted(self) -> None:
        self._show_detail()

    def show_all(self, views: list[V]) -> None:
        self.table.clear()
        self.views = {}
        for view in views:
            self.put(view, move=False)
        self._hint()

    def put(self, view: V, *, move: bool = True) -> None:
        """Show a stored view: a new row, or only the changed cells of its row."""
        vid = view.id  # type: ignore[attr-defined]
        key = str(vid)
        self.views[vid] = view
        table = self.table
        if key not in table.rows:
            table.add_row(*self.cells(view), key=key)
            if move:
                table.move_cursor(row=table.get_row_index(key))
        else:
            for (column, _), cell, after in zip(self.COLUMNS, table.get_row(key), self.cells(view), strict=False):
                before = given(cell)  # a string cell as it was given
                if str(before) != str(after) or getattr(before, "style", None) != getattr(after, "style", None):
                    table.update_cell(key, column, after)
        self._hint()
        self._show_detail()
        self.owner.refresh_title()

    def drop(self, vid: int) -> None:
        self.views.pop(vid, None)
        if str(vid) in self.table.rows:
            self.table.remove_row(str(vid))
        self._hint()
        self._show_detail()
        self.owner.refresh_title()

    def current(self) -> V | None:
        table = self.table
        if not table.row_count:
            return None
        key = table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value
        return self.views.get(int(key)) if key is not None else None

    def _hint(self) -> None:
        self.query_one(".pane-hint", Static).display = not self.views
