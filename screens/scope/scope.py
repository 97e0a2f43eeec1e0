"""The scope screen: which IT functions go out, how much each matters, and what in the rubric hangs on each."""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING, Any

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.widgets import DataTable, Static

from screens.dialogs.form import FormDialog, FormField
from screens.shell.editing import UNDO_BINDING, EditingScreen, Undo
from screens.widgets.table import Table
from workbench.domain.vocabulary import SCOPE_DECISIONS

if TYPE_CHECKING:
    from workbench.services.scope import Dependents, Dropped
    from workbench.services.views.kit import ScopeItemView

DECISIONS = SCOPE_DECISIONS
DECISION_STYLE = {"outsource": "green", "in-house": "yellow", "undecided": "dim"}
PRIORITY_LABEL = {1: "1 high", 2: "2 medium", 3: "3 low"}
COLUMNS = (
    ("name", "Scope item"),
    ("decision", "Decision"),
    ("priority", "Priority"),
    ("notes", "Notes"),
    ("dependents", "Criteria that depend on it"),
)


def _short(text: str, width: int) -> str:
    line = " ".join(text.split())
    return line if len(line) <= width else line[: width - 1] + "…"


class ScopeScreen(EditingScreen):
    """Scope items with their decision, priority and notes, edited in place and saved at once."""

    CSS_PATH = "scope.tcss"
    BINDINGS = [
        Binding("d", "cycle_decision", "Decision", tooltip="Cycle the decision: outsource → in-house → undecided"),
        Binding(
            "plus,equals_sign", "priority(-1)", "Raise", key_display="+", tooltip="Raise the priority (towards 1, high)"
        ),
        Binding("minus", "priority(1)", "Lower", key_display="-", tooltip="Lower the priority (towards 3, low)"),
        Binding("e", "edit_notes", "Notes", tooltip="Edit the notes of the item under the cursor"),
        Binding(
            "enter", "show_dependents", "Dependents", tooltip="Show the criteria and questions that depend on the item"
        ),
        Binding("r", "reload", "Reload", show=False, tooltip="Read the scope again from the database"),
        Binding("escape", "app.open('home')", "Home", show=False),
        UNDO_BINDING,
    ]

    def __init__(self) -> None:
        super().__init__()
        self._stored: dict[int, ScopeItemView] = {}
        """The items as the database holds them."""
        self._intended: dict[int, ScopeItemView] = {}
        """The items as the keys pressed so far will leave them (the next key press starts from here)."""
        self._dependents: dict[int, Dependents] = {}

    def compose_body(self) -> ComposeResult:
        with Vertical(id="scope-body"):
            yield Static("Loading the scope…", id="scope-status")
            yield Table(id="scope-table", cursor_type="row", zebra_stripes=True)
            yield Static("", id="scope-notice", markup=False)
            yield Static("", id="scope-detail")

    @property
    def table(self) -> DataTable[Any]:
        return self.query_one("#scope-table", DataTable)

    def on_mount(self) -> None:
        self.sub_title = f"Scope · {self.wb.selection}"
        for key, label in COLUMNS:
            self.table.add_column(label, key=key)
        self.query_one("#scope-notice").display = False
        self.load()

    # ------------------------------------------------------------------ loading

    def load(self) -> None:
        selection = self.wb.selection

        def fetch(services: Any) -> tuple[list[ScopeItemView], dict[int, Dependents]]:
            return services.selections.scope(selection), services.scope.dependents(selection)

        self.call(fetch, self._show, group="scope-load", exclusive=True)

    def _show(self, result: tuple[list[ScopeItemView], dict[int, Dependents]]) -> None:
        items, self._dependents = result
        table = self.table
        keep = table.cursor_row
        table.clear()
        self._stored = {i.id: i for i in items}
        self._intended = dict(self._stored)
        for item in items:
            table.add_row(*self._cells(item), key=str(item.id))
        if items:
            table.move_cursor(row=min(keep, len(items) - 1))
        table.focus()
        self._update_status()
        self._update_detail()

    def _cells(self, item: ScopeItemView) -> tuple[Any, ...]:
        deps = self._dependents.get(item.id)
        names = ", ".join(deps.criteria) if deps else ""
        dependents = f"{len(deps.criteria)}: {names}" if deps and deps.criteria else "none"
        return (
            item.name,
            Text(item.decision, style=DECISION_STYLE.get(item.decision, "")),
            PRIORITY_LABEL.get(item.priority, str(item.priority)),
            _short(item.notes, 26),
            _short(dependents, 34),
        )

    def _update_status(self) -> None:
        items = self._stored.values()
        counts = {d: sum(1 for i in items if i.decision == d) for d in DECISIONS}
        self.query_one("#scope-status", Static).update(
            f"{len(self._stored)} scope items: {counts['outsource']} outsource, {counts['in-house']} in house, "
            f"{counts['undecided']} undecided · enter shows what depends on an item"
        )

    # ------------------------------------------------------------------ the item under the cursor

    def _current(self) -> ScopeItemView | None:
        table = self.table
        if not table.row_count:
            return None
        key = table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value
        return self._intended.get(int(key)) if key is not None else None

    @on(DataTable.RowHighlighted, "#scope-table")
    def _highlighted(self) -> None:
        self._update_detail()

    @on(DataTable.RowSelected, "#scope-table")
    def _selected(self) -> None:
        self.action_show_dependents()

    def _update_detail(self) -> None:
        item = self._current()
        detail = self.query_one("#scope-detail", Static)
        if item is None:
            detail.update("")
            return
        stored = self._stored.get(item.id, item)
        deps = self._dependents.get(item.id)
        text = Text()
        text.append(stored.name, style="bold")
        text.append(f" · {stored.decision} · priority {PRIORITY_LABEL.get(stored.priority, stored.priority)}\n")
        if stored.description:
            text.append(stored.description + "\n", style="dim")
        if stored.notes:
            text.append("Notes: ", style="bold")
            text.append(stored.notes + "\n")
        if deps and deps.criteria:
            text.append(
                f"Depend on it: {len(deps.criteria)} criteria, {deps.total_questions} questions\n", style="bold"
            )
            for name, count in zip(deps.criteria, deps.questions, strict=False):
                text.append(f"  • {name} ({count} question{'s' if count != 1 else ''})\n")
        else:
            text.append("No criterion of the rubric depends on it.\n", style="dim")
        text.rstrip()
        detail.update(text)

    def action_show_dependents(self) -> None:
        """Show what depends on the item under the cursor (the detail below the table)."""
        self._update_detail()
        self.query_one("#scope-detail").scroll_visible()

    # ------------------------------------------------------------------ edits

    def _change(self, item: ScopeItemView, label: str, **fields: Any) -> None:
        """Save a change of one item; show it once stored; ctrl+z puts the old values back."""
        item_id = item.id
        self._intended[item_id] = replace(item, **fields)
        going_in_house = fields.get("decision") == "in-house"

        def store(services: Any) -> tuple[ScopeItemView, ScopeItemView, Dropped | None]:
            old, new = services.scope.update_item(item_id, **fields)
            dropped = services.scope.dropped_if_in_house(item_id) if going_in_house else None
            return old, new, dropped

        def stored(result: tuple[ScopeItemView, ScopeItemView, Dropped | None]) -> None:
            _, new, dropped = result
            self._apply(new)
            if dropped is not None:
                self._notice_dropped(new, dropped)

        def undo(result: tuple[ScopeItemView, ScopeItemView, Dropped | None]) -> Undo:
            old = result[0]
            return Undo(
                f"{label} of {old.name}",
                lambda services: services.scope.update_item(
                    old.id, decision=old.decision, priority=old.priority, notes=old.notes
                )[1],
                self._apply,
            )

        def failed(exc: BaseException) -> None:
            self._intended[item_id] = self._stored.get(item_id, item)
            self.show_not_saved(exc)

        self.save(store, stored, failed=failed, undo=undo)

    def _apply(self, new: ScopeItemView) -> None:
        """Show a stored item: only its row's changed cells are redrawn."""
        old = self._stored.get(new.id)
        self._stored[new.id] = new
        if not self.saves_pending:
            self._intended[new.id] = new
        key = str(new.id)
        if key not in self.table.rows:
            return
        old_cells = self._cells(old) if old is not None else ()
        for (column, _), before, after in zip(
            COLUMNS, old_cells or (None,) * len(COLUMNS), self._cells(new), strict=False
        ):
            if str(before) != str(after):
                self.table.update_cell(key, column, after)
        self._update_status()
        self._update_detail()

    def _notice_dropped(self, item: ScopeItemView, dropped: Dropped) -> None:
        notice = self.query_one("#scope-notice", Static)
        if dropped.criteria:
            n = len(dropped.criteria)
            message = (
                f"Keeping {item.name} in house drops {n} {'criterion' if n == 1 else 'criteria'} from the rubric "
                f"({dropped.questions} question{'' if dropped.questions == 1 else 's'}): "
                f"{', '.join(dropped.criteria)}."
            )
            self.notify(message, title="Drops out of the rubric", severity="warning", timeout=10)
        else:
            message = (
                f"Keeping {item.name} in house drops nothing from the rubric: every criterion that depends "
                "on it still depends on an item that is outsourced or undecided."
            )
            self.notify(message, timeout=6)
        notice.update(message)
        notice.display = True

    def action_cycle_decision(self) -> None:
        """outsource → in-house → undecided → outsource."""
        item = self._current()
        if item is None:
            return
        decision = (
            DECISIONS[(DECISIONS.index(item.decision) + 1) % len(DECISIONS)]
            if item.decision in DECISIONS
            else DECISIONS[0]
        )
        self._change(item, "decision", decision=decision)

    def action_priority(self, step: int) -> None:
        """Move the priority by ``step`` (-1 raises it towards 1, +1 lowers it towards 3)."""
        item = self._current()
        if item is None:
            return
        priority = item.priority + step
        if not 1 <= priority <= 3:
            self.notify(f"The priority is {PRIORITY_LABEL.get(item.priority, item.priority)} already.", timeout=3)
            return
        self._change(item, "priority", priority=priority)

    def action_edit_notes(self) -> None:
        item = self._current()
        if item is None:
            return
        item_id = item.id

        def submit(dialog: FormDialog, values: dict[str, Any]) -> None:
            notes = values["notes"]
            current = self._intended.get(item_id, item)
            if notes.strip() == current.notes:
                dialog.dismiss(None)
                return
            self._intended[item_id] = replace(current, notes=notes)

            def undo(result: tuple[ScopeItemView, ScopeItemView]) -> Undo:
                old = result[0]
                return Undo(
                    f"notes of {old.name}",
                    lambda services: services.scope.update_item(old.id, notes=old.notes)[1],
                    self._apply,
                )

            def failed(exc: BaseException) -> None:
                self._intended[item_id] = self._stored.get(item_id, item)
                dialog.show_error(exc)

            def stored(result: tuple[ScopeItemView, ScopeItemView]) -> None:
                self._apply(result[1])
                dialog.dismiss(result[1])

            self.save(
                lambda services: services.scope.update_item(item_id, notes=notes),
                stored,
                failed=failed,
                undo=undo,
            )

        self.app.push_screen(
            FormDialog(
                f"Notes on {item.name}",
                [
                    FormField(
                        "notes", "Notes", item.notes, placeholder="Why this decision, who owns it, what to ask vendors"
                    ),
                ],
                submit,
            )
        )

    def action_reload(self) -> None:
        self.load()
