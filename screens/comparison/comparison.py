"""The comparison screen: criteria × candidates with weights edited in place, totals, ranks and robustness."""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.coordinate import Coordinate
from textual.reactive import reactive
from textual.widgets import Static

from screens.comparison.loading import Loaded, fetch
from screens.comparison.parts import (
    CRITERION_COLUMN,
    CRITERION_WIDTH,
    FLAG,
    PENDING,
    SUMMARY_ROWS,
    WEIGHT_COLUMN,
    bar_chart,
    candidate_column,
    candidate_of,
    column_title,
    criterion_of,
    criterion_row,
    keep_robustness,
    label_cell,
    scope_sentence,
    score_cell,
    shorten,
    summary_cell,
    weight_cell,
)
from screens.comparison.weights import WeightEdits
from screens.shell.editing import UNDO_BINDING
from screens.widgets.matrix_table import Cell, MatrixTable

if TYPE_CHECKING:
    from workbench.services import Services
    from workbench.services.views.comparison import ComparisonView, CriterionCell
    from workbench.services.views.kit import CriterionView


WEIGHT_KEYS = Binding.Group("Weight", compact=True)


class ComparisonScreen(WeightEdits):
    """The candidates side by side. Weights change with + and -, are saved at once, and re-rank at once."""

    CSS_PATH = "comparison.tcss"
    BINDINGS = [
        Binding(
            "plus,equals_sign",
            "weight(1)",
            "Weight +1",
            key_display="+",
            group=WEIGHT_KEYS,
            tooltip="Raise the weight of the criterion under the cursor by 1 (saved at once)",
        ),
        Binding(
            "minus",
            "weight(-1)",
            "Weight -1",
            key_display="-",
            group=WEIGHT_KEYS,
            tooltip="Lower the weight of the criterion under the cursor by 1 (not below 0)",
        ),
        Binding(
            "w", "type_weight", "Type weight", show=False, tooltip="Type the weight of the criterion under the cursor"
        ),
        Binding("enter", "drill", "Scores", tooltip="The scores, comments and notes behind the cell under the cursor"),
        Binding(
            "m",
            "next_member",
            "Member view",
            show=False,
            tooltip="Cycle the scores shown: all members, then each member alone",
        ),
        Binding("b", "toggle_baseline", "Baseline", show=False, tooltip="Show or hide the in-house baseline"),
        Binding("e", "export", "Export", tooltip="Write the comparison to a Markdown, CSV or JSON file"),
        Binding("r", "reload", "Reload", show=False, tooltip="Read the comparison again from the database"),
        Binding("escape", "app.open('home')", "Home", show=False),
        UNDO_BINDING,
    ]

    show_baseline: reactive[bool] = reactive(True, init=False)
    """Whether the in-house baseline takes part (hidden: as `workbench compare --no-baseline`)."""

    member_index: reactive[int] = reactive(0, init=False)
    """0: the scores of every member; i > 0: those of the i-th panel member alone."""

    def __init__(self) -> None:
        super().__init__()
        self.loaded: Loaded | None = None
        self.shown: ComparisonView | None = None
        """The comparison on screen: weights as typed, baseline and member view as chosen."""
        self.weights: dict[int, float] = {}
        """Criterion id -> weight as the keys pressed so far leave it."""
        self.stored_weights: dict[int, float] = {}
        self._pending: dict[int, int] = {}
        self._drawn: dict[tuple[str, str], Cell] = {}
        """(row key, column key) -> the cell on screen, so that only changed cells are drawn again."""
        self._generation = 0
        self.robust_generation = 0
        """The change whose P(first) and leader flip are on screen (== _generation: all of it is)."""
        self.robust_shown = False
        """Whether any P(first) is on screen yet (until then its cells and the flip line say it is coming)."""
        self._bars = -1  # bars drawn (a new layout only when their number changes)

    def compose_body(self) -> ComposeResult:
        with Vertical(id="cmp-body"):
            yield Static("Loading the comparison…", id="cmp-status")
            yield MatrixTable(id="cmp-table", fixed_columns=2, header_height=2)
            yield Static("", id="cmp-flip")
            with VerticalScroll(id="cmp-bars-box", can_focus=False):
                yield Static("", id="cmp-bars")

    @property
    def table(self) -> MatrixTable:
        return self.query_one("#cmp-table", MatrixTable)

    def on_mount(self) -> None:
        self.sub_title = f"Comparison · {self.wb.selection}"
        self.load()

    # ------------------------------------------------------------------ loading

    def load(self) -> None:
        selection, now, member = self.wb.selection, self.wb.clock_now, self.wb.member
        # With P(first) and the leader flip when the view is the stored one (everyone's scores, the baseline
        # shown): about 50 ms more here, and no second worker and frame before they are on screen.
        robust = self._stored_view()
        self.call(
            lambda services: fetch(services, selection, now, with_robustness=robust, member=member),
            self._loaded,
            group="cmp-load",
            exclusive=True,
        )

    def _stored_view(self) -> bool:
        """Whether the screen shows the comparison as stored: every member's scores, the baseline in."""
        return self.member_index == 0 and self.show_baseline

    def _loaded(self, data: Loaded) -> None:
        self.loaded = data
        self.weights = {c.id: c.weight for c in data.view.criteria}
        self.stored_weights = dict(self.weights)
        self._pending = {}
        if self.member_index > len(data.members.members):
            self.set_reactive(ComparisonScreen.member_index, 0)
        self._recompute(rebuild_table=True, ready=data.view if data.robust and self._stored_view() else None)
        self.table.focus()

    # ------------------------------------------------------------------ computing

    def member_cells(self) -> dict[tuple[int, int], CriterionCell] | None:
        """The cells of the member chosen (each a single member's mean), or None for everyone."""
        if self.loaded is None or self.member_index == 0:
            return None
        from workbench.services.views.comparison import CriterionCell

        member_id = self.loaded.members.members[self.member_index - 1][0]
        return {
            key: CriterionCell(score=mean, spread=0.0, flagged=False, members=1)
            for key, mean in self.loaded.members.means.get(member_id, {}).items()
        }

    def _rebuild(self, *, with_robustness: bool) -> ComparisonView:
        from workbench.services.comparison_build import rebuild

        assert self.loaded is not None
        return rebuild(
            self.loaded.view,
            weights=self.weights,
            cells=self.member_cells(),
            include_baseline=self.show_baseline,
            with_robustness=with_robustness,
        )

    def _recompute(
        self, *, rebuild_table: bool = False, scores: bool = True, ready: ComparisonView | None = None
    ) -> None:
        """Totals and ranks at once; P(first) and the leader flip follow from a worker.

        ``scores`` False: only weights changed, so the criterion scores on screen stay as they are.
        ``ready``: the comparison to show, robustness and all (as read), so no worker is needed.
        """
        if self.loaded is None:
            return
        if ready is not None:
            self._generation += 1
            self.shown, self.robust_generation, self.robust_shown = ready, self._generation, True
            if rebuild_table:
                self._build_table()
            else:
                self._paint(scores=scores)
            return
        quick = self._rebuild(with_robustness=False)
        previous = {r.id: r for r in self.shown.candidates} if self.shown is not None else {}
        self.shown = keep_robustness(quick, previous, self.shown)
        if rebuild_table:
            self._build_table()
        else:
            self._paint(scores=scores)
        self._generation += 1
        generation = self._generation
        weights, cells, baseline = dict(self.weights), self.member_cells(), self.show_baseline
        full = self.loaded.view

        def robust(_: Services) -> ComparisonView:
            from workbench.services.comparison_build import rebuild

            return rebuild(full, weights=weights, cells=cells, include_baseline=baseline, with_robustness=True)

        def start() -> None:
            if generation == self._generation and self.is_attached:  # else a later change has its own
                self.call(robust, lambda view: self._robust(generation, view), group="cmp-robustness")

        # Started once the totals are on screen: the worker's Python work would slow down this frame.
        self.call_after_refresh(start)

    def _robust(self, generation: int, view: ComparisonView) -> None:
        if generation != self._generation:
            return  # a later change is on its way
        self.shown = view
        self.robust_generation = generation
        self.robust_shown = True
        self._paint(scores=False)  # the quick step drew the scores already

    # ------------------------------------------------------------------ drawing

    def _build_table(self) -> None:
        view = self.shown
        table = self.table
        keep = table.cursor_coordinate
        table.clear(columns=True)
        self._drawn = {}
        if view is None:
            return
        first = not table.columns
        table.add_column("Criterion", key=CRITERION_COLUMN)
        table.add_column(Text("Weight", justify="right"), key=WEIGHT_COLUMN)
        for r in view.candidates:
            table.add_column(column_title(r), key=candidate_column(r.id))
        for key, cells in self._rows(view):
            table.add_row(*cells.values(), key=key, label=None)
            for column, value in cells.items():
                self._drawn[(key, column)] = value
        if table.row_count and len(table.columns):
            if first and keep == (0, 0):  # opening: on the leader's first score
                keep = Coordinate(0, min(2, len(table.columns) - 1))
            table.cursor_coordinate = table.validate_cursor_coordinate(keep)
        self._paint_text()

    def _rows(self, view: ComparisonView, *, scores: bool = True) -> list[tuple[str, dict[str, Cell]]]:
        """(row key, column key -> cell) of every row, criteria first (``scores`` False: their weights only)."""
        assert self.loaded is not None
        flags = self.member_index == 0
        rows: list[tuple[str, dict[str, Cell]]] = []
        for c in view.criteria:
            cells = {
                CRITERION_COLUMN: label_cell(shorten(c.name, CRITERION_WIDTH)),
                WEIGHT_COLUMN: weight_cell(c.weight),
            }
            if scores:
                for r in view.candidates:
                    cells[candidate_column(r.id)] = score_cell(r.criteria.get(c.id), flags=flags)
            rows.append((criterion_row(c.id), cells))
        for key, label in SUMMARY_ROWS:
            cells = {CRITERION_COLUMN: label_cell(label, bold=True), WEIGHT_COLUMN: label_cell("")}
            for r in view.candidates:
                cells[candidate_column(r.id)] = (
                    PENDING
                    if key == "pfirst" and not self.robust_shown
                    else summary_cell(key, r, self.loaded.extras.get(r.id))
                )
            rows.append((key, cells))
        return rows

    def _paint(self, *, scores: bool = True) -> None:
        """Redraw only the cells whose text or colour changed, then the lines below.

        ``scores`` False: the criterion scores are as drawn (a weight changed, not the scores shown).
        """
        view = self.shown
        if view is None:
            return
        table = self.table
        columns = {str(k.value) for k in table.columns}
        if {candidate_column(r.id) for r in view.candidates} != columns - {CRITERION_COLUMN, WEIGHT_COLUMN}:
            self._build_table()  # other candidates: a new table
            return
        changes = []
        for key, cells in self._rows(view, scores=scores):
            for column, value in cells.items():
                if self._drawn.get((key, column)) != value:
                    self._drawn[(key, column)] = value
                    changes.append((key, column, value))
        table.set_cells(changes)  # those cells only, in place
        self._paint_text()

    def _paint_text(self) -> None:
        from workbench.exports.comparison import flip_sentence, withheld_sentence

        view = self.shown
        assert view is not None and self.loaded is not None
        who = self._who()
        flip = flip_sentence(view) if self.robust_shown else "Working out how robust the lead is…"
        if self.member_index:
            flip = f"With {who}'s scores alone: {flip}"
        # Fixed heights (comparison.tcss): no new layout, which would cost a frame of the whole screen.
        self.query_one("#cmp-flip", Static).update(Text(flip), layout=False)
        bars = self.query_one("#cmp-bars", Static)
        bars.update(bar_chart(view), layout=len(view.candidates) != self._bars)
        self._bars = len(view.candidates)
        baseline = any(r.baseline for r in self.loaded.view.candidates)
        shown = len(view.candidates)
        parts = [f"{shown} candidate{'s' if shown != 1 else ''} × {len(view.criteria)} criteria"]
        if baseline:
            parts.append("baseline shown (b hides it)" if self.show_baseline else "baseline hidden (b shows it)")
        parts.append(f"scores of {who}" + (" alone" if self.member_index else "") + " (m: next member)")
        if self.member_index == 0:
            parts.append(f"{FLAG} members' means 2+ points apart")
        withheld = view.withheld
        if not withheld:
            parts.append("enter: the scores behind a cell · w: type a weight")
        if any(n for n in self._pending.values()):
            parts.append("saving…")
        status = Text(" · ".join(parts))
        if withheld:  # the independence rule: the second of the two lines says what is left out, and why
            status.append("\n" + withheld_sentence(view), style="yellow")
        line = self.query_one("#cmp-status", Static)
        line.set_class(bool(withheld), "-withheld")  # one line each, cut with an ellipsis (comparison.tcss)
        line.update(status, layout=False)

    def _who(self) -> str:
        if self.loaded is None or self.member_index == 0:
            return "all members"
        return self.loaded.members.members[self.member_index - 1][1]

    # ------------------------------------------------------------------ the cell under the cursor

    def _cursor(self) -> tuple[str | None, str | None]:
        table = self.table
        if not table.row_count or not len(table.columns):
            return None, None
        key = table.coordinate_to_cell_key(table.cursor_coordinate)
        return key.row_key.value, key.column_key.value

    def criterion(self, criterion_id: int | None) -> CriterionView | None:
        if criterion_id is None or self.shown is None:
            return None
        return next((c for c in self.shown.criteria if c.id == criterion_id), None)

    @on(MatrixTable.CellSelected, "#cmp-table")
    def _selected(self, event: MatrixTable.CellSelected) -> None:
        self._drill(event.cell_key.row_key.value, event.cell_key.column_key.value)

    def action_drill(self) -> None:
        """The scores, comments and notes behind the cell under the cursor."""
        self._drill(*self._cursor())

    def _drill(self, row: str | None, column: str | None) -> None:
        crit = self.criterion(criterion_of(row))
        cand_id = candidate_of(column)
        if row == "scope" and cand_id is not None and self.shown is not None:
            result = next(r for r in self.shown.candidates if r.id == cand_id)
            self.notify(scope_sentence(result), timeout=6, markup=False)  # names as written, never markup
            return
        if crit is None or cand_id is None or self.shown is None:
            self.notify("Put the cursor on a candidate's score for a criterion to see the scores behind it.", timeout=4)
            return
        from screens.comparison.drill import DrillDownScreen

        name = next(r.name for r in self.shown.candidates if r.id == cand_id)
        self.app.push_screen(DrillDownScreen(cand_id, name, crit.id, crit.name))

    # ------------------------------------------------------------------ views and files

    def watch_show_baseline(self) -> None:
        self._recompute(rebuild_table=True)

    def watch_member_index(self) -> None:
        self._recompute()

    def action_toggle_baseline(self) -> None:
        """Show or hide the in-house baseline."""
        if self.loaded is None:
            return
        if not any(r.baseline for r in self.loaded.view.candidates):
            self.notify("This selection has no in-house baseline.", timeout=3)
            return
        self.show_baseline = not self.show_baseline

    def action_next_member(self) -> None:
        """All members → each member alone → all members."""
        if self.loaded is None:
            return
        if not self.loaded.members.members:
            self.notify("This selection has no panel members.", timeout=3)
            return
        self.member_index = (self.member_index + 1) % (len(self.loaded.members.members) + 1)

    def action_export(self) -> None:
        """Write the comparison to a file, as `workbench compare --format md|csv|json -o FILE` does."""
        if self.loaded is None:
            return
        from screens.comparison.export import open_export

        open_export(
            self,
            selection=self.wb.selection,
            member=self.wb.member,
            baseline=self.show_baseline,
            today=self.loaded.today,
            one_member_shown=bool(self.member_index),
        )

    def action_reload(self) -> None:
        self.load()
