"""The Actions view: every action item of the selection's meetings, overdue first; done, reopened or dropped by keys.

What a member sees is the services' rule (services/actions.py): their own actions, and the others'
of the meetings whose notes are not withheld from them; with nobody chosen, those of the meetings
every expected member has submitted, as in the minutes.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.widgets import DataTable, Static

from screens.actions.words import in_app_words
from screens.shell.base import WorkbenchScreen, describe_error
from screens.widgets.table import Table

if TYPE_CHECKING:
    from workbench.services.views.actions import ActionView

COLUMNS = (
    ("state", "State"),
    ("due", "Due"),
    ("owner", "Owner"),
    ("candidate", "Candidate"),
    ("meeting", "Meeting"),
    ("text", "Action"),
    ("by", "Written by"),
)
STATE_STYLE = {"open": "bold", "done": "green", "dropped": "dim"}


def _one_line(value: str, width: int) -> str:
    text = " ".join(value.split())
    return text if len(text) <= width else text[: width - 1] + "…"


def action_cells(a: ActionView) -> tuple[Text, ...]:
    """One action's row: user text as plain Text (never markup)."""
    state = Text("OVERDUE", style="bold red") if a.overdue else Text(a.state, style=STATE_STYLE.get(a.state, ""))
    return (
        state,
        Text(a.due.isoformat() if a.due else "no date"),
        Text(_one_line(a.owner, 20) or "unassigned", style="" if a.owner else "dim"),
        Text(_one_line(a.candidate, 24)),
        Text(f"{a.meeting_id} · {a.meeting_start:%d %b}"),
        Text(_one_line(a.text, 60)),
        Text(_one_line(a.member, 18)),
    )


class ActionsScreen(WorkbenchScreen):
    """Every action of the selection: overdue first, then open, done and dropped, by due date."""

    CSS_PATH = "actions.tcss"
    BINDINGS = [
        Binding("d", "set_state('done')", "Done", tooltip="Mark the action under the cursor done"),
        Binding("o", "set_state('open')", "Reopen", tooltip="Open the action under the cursor again"),
        Binding("x", "set_state('dropped')", "Drop", tooltip="Drop the action under the cursor: it will not be done"),
        Binding("f", "toggle_open", "Open only", tooltip="Show only the open actions, or all of them again"),
        Binding("r", "reload", "Refresh", show=False, tooltip="Read the actions again"),
        Binding("escape", "app.open('home')", "Home", show=False),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.actions: list[ActionView] = []
        self.open_only = False

    def compose_body(self) -> ComposeResult:
        with Vertical(id="actions-body"):
            yield Static("Loading the actions…", id="actions-status")
            yield Table(id="actions-table", cursor_type="row", zebra_stripes=True)

    @property
    def table(self) -> DataTable[Any]:
        return self.query_one("#actions-table", DataTable)

    def on_mount(self) -> None:
        self.sub_title = f"Actions · {self.wb.selection}"
        for key, label in COLUMNS:
            self.table.add_column(label, key=key)
        self.load()

    def load(self) -> None:
        selection, member, now, open_only = self.wb.selection, self.wb.member, self.wb.clock_now, self.open_only
        self.call(
            lambda s: s.actions.list(selection=selection, member=member, open_only=open_only, now=now),
            self._show,
            failed=self._failed,
            group="actions-load",
            exclusive=True,
        )

    def _show(self, actions: list[ActionView]) -> None:
        table = self.table
        keep = table.cursor_row
        table.clear()
        self.actions = list(actions)
        for a in actions:
            table.add_row(*action_cells(a), key=str(a.id))
        if actions:
            table.move_cursor(row=min(keep, len(actions) - 1))
        table.focus()
        self._status()

    def _status(self) -> None:
        overdue = sum(1 for a in self.actions if a.overdue)
        opened = sum(1 for a in self.actions if a.state == "open")
        who = self.wb.member
        status = Text()
        status.append(f"{len(self.actions)} {'open ' if self.open_only else ''}actions", style="bold")
        status.append(f" · {opened} open · {overdue} overdue")
        if who:
            status.append(" · as " + who + " sees them (another's of a meeting you have not submitted are left out)")
        else:
            status.append(" · nobody chosen: the meetings everyone has submitted (m on the home screen chooses)")
        if not self.actions:
            status.append("\nNo actions yet: a in the interview records one.", style="dim")
        self.query_one("#actions-status", Static).update(status)

    def _failed(self, exc: BaseException) -> None:
        self.query_one("#actions-status", Static).update(Text(describe_error(exc), style="bold red"))

    def _current(self) -> ActionView | None:
        row = self.table.cursor_row
        return self.actions[row] if self.actions and 0 <= row < len(self.actions) else None

    def action_set_state(self, state: str) -> None:
        """Mark the action under the cursor done, open or dropped (the state before is kept in its history)."""
        action, member = self._current(), self.wb.member
        if action is None:
            return
        if not member:
            self.notify("Choose who you are first: m on the home screen.", severity="warning")
            return
        aid, now = action.id, self.wb.clock_now

        def changed(view: ActionView) -> None:
            self.notify(f"Action {view.id} is {view.state}.", timeout=3)
            self.load()

        self.call(
            lambda s: s.actions.set_state(aid, state, member=member, now=now),
            changed,
            failed=lambda exc: self.notify(describe_error(in_app_words(exc)), severity="error", markup=False),
        )

    def action_toggle_open(self) -> None:
        self.open_only = not self.open_only
        self.load()

    def action_reload(self) -> None:
        self.load()

    @on(DataTable.RowSelected, "#actions-table")
    def _selected(self) -> None:
        action = self._current()
        if action is not None:
            self.app.push_screen(_minutes_of(action.meeting_id))


def _minutes_of(meeting_id: int) -> Any:
    from screens.minutes.minutes import MinutesScreen

    return MinutesScreen(meeting_id)
