"""The home screen: the selections, or a welcome that offers the sample selection."""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.message import Message
from textual.screen import Screen
from textual.widgets import Button, DataTable, Footer, Header, Static

if TYPE_CHECKING:
    from screens.app import WorkbenchApp
    from workbench.services.views import SelectionView


class HomeScreen(Screen[None]):
    """Selections in the database; an empty database shows a welcome."""

    BINDINGS = [
        Binding("s", "load_sample", "Load sample", tooltip="Create the sample selection"),
        Binding("r", "refresh", "Refresh"),
    ]

    class SelectionsLoaded(Message):
        """The worker read the selections."""

        def __init__(self, selections: list[SelectionView]) -> None:
            super().__init__()
            self.selections = selections

    class LoadFailed(Message):
        """The worker could not read the database."""

        def __init__(self, reason: str) -> None:
            super().__init__()
            self.reason = reason

    def compose(self) -> ComposeResult:
        yield Header()
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
        yield Footer()

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

    @property
    def wb(self) -> WorkbenchApp:
        return self.app  # type: ignore[return-value]

    @work(thread=True, exclusive=True, group="home-load")
    def load(self) -> None:
        try:
            selections = self.wb.get_services().selections.list()
        except Exception as exc:  # noqa: BLE001 - shown on screen, nothing secret
            self.post_message(self.LoadFailed(_reason(exc)))
            return
        self.post_message(self.SelectionsLoaded(selections))

    @on(SelectionsLoaded)
    def show_selections(self, message: SelectionsLoaded) -> None:
        table = self.table
        table.clear()
        for sel in message.selections:
            table.add_row(str(sel.id), sel.name, sel.timezone, sel.rubric, key=str(sel.id))
        empty = not message.selections
        self.query_one("#welcome").display = empty
        table.display = not empty
        self.status.update("" if empty else f"{len(message.selections)} selection(s)")
        if not empty:
            table.focus()
        else:
            self.query_one("#load-sample", Button).focus()

    @on(LoadFailed)
    def show_failure(self, message: LoadFailed) -> None:
        self.status.update(f"[b red]Cannot open the database:[/] {message.reason}")

    @on(Button.Pressed, "#load-sample")
    def _pressed_sample(self) -> None:
        self.action_load_sample()

    def action_refresh(self) -> None:
        self.load()

    def action_load_sample(self) -> None:
        self.status.update("Creating the sample selection…")
        self._create_sample()

    @work(thread=True, exclusive=True, group="home-sample")
    def _create_sample(self) -> None:
        try:
            services = self.wb.get_services()
            services.demo.create_sample()
            selections = services.selections.list()
        except Exception as exc:  # noqa: BLE001
            self.post_message(self.LoadFailed(_reason(exc)))
            return
        self.post_message(self.SelectionsLoaded(selections))


def _reason(exc: Exception) -> str:
    from workbench.services.errors import UserError

    if isinstance(exc, UserError):
        return str(exc)
    return type(exc).__name__
