"""The home screen: the selections, or a welcome that offers the sample selection."""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.widgets import Button, DataTable, Static

from screens.base import WorkbenchScreen

if TYPE_CHECKING:
    from workbench.services.views import SelectionView


class HomeScreen(WorkbenchScreen):
    """Selections in the database; an empty database shows a welcome."""

    BINDINGS = [
        Binding("enter", "open_selection", "Open", tooltip="Work on the selection under the cursor", show=False),
        Binding("s", "load_sample", "Load sample", tooltip="Create the sample selection"),
        Binding("r", "refresh", "Refresh"),
    ]

    def compose_body(self) -> ComposeResult:
        with Vertical(id="home-body"):
            yield Static("Opening the database…", id="home-status")
            with Vertical(id="welcome"):
                yield Static(
                    "Welcome. This database holds no selection yet.\n"
                    "Load the sample selection to look around, or create one from the command line:\n"
                    "  workbench selections new NAME",
                    id="welcome-text",
                )
                yield Button("Load the sample selection", id="load-sample", variant="primary")
            yield DataTable(id="selections", cursor_type="row", zebra_stripes=True)

    @property
    def table(self) -> DataTable:
        return self.query_one("#selections", DataTable)

    @property
    def status(self) -> Static:
        return self.query_one("#home-status", Static)

    def on_mount(self) -> None:
        self.table.add_columns("Id", "Selection", "Time zone", "Rubric")
        self.query_one("#welcome").display = False
        self.table.display = False
        self.load()

    def load(self) -> None:
        self.call(lambda s: s.selections.list(), self.show_selections, failed=self.show_failure, exclusive=True, group="home")

    def show_selections(self, selections: list[SelectionView]) -> None:
        table = self.table
        table.clear()
        for sel in selections:
            table.add_row(str(sel.id), sel.name, sel.timezone, sel.rubric, key=sel.name)
        empty = not selections
        self.query_one("#welcome").display = empty
        table.display = not empty
        self.status.update("" if empty else f"{len(selections)} selection(s) · enter opens one")
        if empty:
            self.query_one("#load-sample", Button).focus()
            return
        table.focus()
        names = [s.name for s in selections]
        if self.wb.selection in names:
            table.move_cursor(row=names.index(self.wb.selection))
        elif len(names) == 1:
            self.wb.selection = names[0]

    def show_failure(self, exc: BaseException) -> None:
        from screens.base import describe_error

        self.status.update(f"[b red]Cannot open the database:[/] {describe_error(exc)}")

    @on(Button.Pressed, "#load-sample")
    def _pressed_sample(self) -> None:
        self.action_load_sample()

    @on(DataTable.RowSelected, "#selections")
    def _row_selected(self, event: DataTable.RowSelected) -> None:
        self.wb.selection = str(event.row_key.value)
        self.notify(f"Working on {self.wb.selection}: F2 scope, F3 candidates, F4 schedule.")

    def action_open_selection(self) -> None:
        if self.table.row_count:
            self.table.action_select_cursor()

    def action_refresh(self) -> None:
        self.load()

    def action_load_sample(self) -> None:
        self.status.update("Creating the sample selection…")

        def create(services):  # type: ignore[no-untyped-def]
            view, _ = services.demo.create_sample()
            return view.name, services.selections.list()

        def done(result) -> None:  # type: ignore[no-untyped-def]
            name, selections = result
            self.wb.selection = name
            self.show_selections(selections)

        self.call(create, done, failed=self.show_failure, exclusive=True, group="home")
