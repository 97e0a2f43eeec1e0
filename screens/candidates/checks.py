"""The due-diligence and meetings tabs of the candidate screen."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace
from typing import TYPE_CHECKING, Any

from rich.padding import Padding
from rich.table import Table
from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.widgets import DataTable, Static

from screens.candidates.table_pane import TablePane, short
from screens.dialogs.form import FormDialog, FormField
from screens.shell.editing import Undo
from workbench.domain.vocabulary import DILIGENCE_STATUSES

if TYPE_CHECKING:
    from workbench.services.views.candidates import DiligenceCheckView
    from workbench.services.views.meetings import AgendaItemView, MeetingView

CHECK_CYCLE = DILIGENCE_STATUSES  # space moves a check on to the next status
CHECK_STYLE = {"todo": "", "ok": "green", "concern": "bold red", "n/a": "dim"}


class DiligencePane(TablePane["DiligenceCheckView"]):
    """The due-diligence checklist: space cycles an item's status, e edits its evidence."""

    COLUMNS = (("name", "Check"), ("status", "Status"), ("evidence", "Evidence"))
    EMPTY = "The checklist is empty."
    BINDINGS = [
        Binding("space", "cycle", "Cycle status", tooltip="todo → ok → concern → n/a → todo"),
        Binding(
            "e", "evidence", "Evidence", tooltip="Edit the evidence of the check under the cursor (enter does too)"
        ),
    ]

    def cells(self, c: DiligenceCheckView) -> tuple[Any, ...]:
        return (short(c.name, 40), Text(c.status, style=CHECK_STYLE.get(c.status, "")), short(c.evidence, 60) or "—")

    def detail(self, c: DiligenceCheckView) -> Text:
        text = Text()
        text.append(f"{c.name} · {c.status}\n", style="bold")
        text.append(c.evidence or "No evidence recorded: e adds it.", style="" if c.evidence else "dim")
        return text

    def _set(self, old: DiligenceCheckView, label: str, **fields: Any) -> None:
        owner = self.owner

        def failed(exc: BaseException) -> None:
            self.put(old)  # what is stored
            owner.show_not_saved(exc)

        def undo(new: DiligenceCheckView) -> Undo:
            return Undo(
                f"{label} of {old.name}",
                lambda services: services.candidates.set_check(
                    owner.ref, old.item, status=old.status, evidence=old.evidence, selection=owner.selection
                ),
                self.put,
            )

        owner.save(
            lambda services: services.candidates.set_check(owner.ref, old.item, selection=owner.selection, **fields),
            self.put,
            failed=failed,
            undo=undo,
        )

    def action_cycle(self) -> None:
        check = self.current()
        if check is None:
            return
        status = (
            CHECK_CYCLE[(CHECK_CYCLE.index(check.status) + 1) % len(CHECK_CYCLE)]
            if check.status in CHECK_CYCLE
            else "todo"
        )
        self.views[check.id] = replace(check, status=status)  # the next press starts from here
        self._set(check, "status", status=status)

    def action_evidence(self) -> None:
        old = self.current()
        if old is None:
            return
        owner = self.owner

        def submit(dialog: FormDialog, values: dict[str, Any]) -> None:
            def stored(new: DiligenceCheckView) -> None:
                self.put(new)
                dialog.dismiss(new)

            owner.save(
                lambda services: services.candidates.set_check(
                    owner.ref, old.item, evidence=values["evidence"], selection=owner.selection
                ),
                stored,
                failed=dialog.show_error,
                undo=lambda new: Undo(
                    f"evidence of {old.name}",
                    lambda services: services.candidates.set_check(
                        owner.ref, old.item, evidence=old.evidence, selection=owner.selection
                    ),
                    self.put,
                ),
            )

        self.app.push_screen(
            FormDialog(
                f"Evidence: {old.name}",
                [
                    FormField("evidence", "Evidence: what we saw, where, when", old.evidence, kind="long"),
                ],
                submit,
            )
        )

    @on(DataTable.RowSelected)
    def _selected(self, event: DataTable.RowSelected) -> None:
        event.stop()
        self.action_evidence()


class MeetingsPane(TablePane["MeetingView"]):
    """The candidate's meetings; enter shows one's details, i opens its interview, m its minutes."""

    BINDINGS = [
        Binding("i", "open_record('interview')", "Interview", tooltip="Open the live interview of the meeting"),
        Binding("m", "open_record('minutes')", "Minutes", tooltip="Show the minutes of the meeting"),
    ]
    COLUMNS = (
        ("when", "When (meeting's zone)"),
        ("kind", "Kind"),
        ("status", "Status"),
        ("duration", "Minutes"),
        ("location", "Location"),
    )
    EMPTY = "No meeting with this candidate yet (F4 schedules one)."

    def compose(self) -> ComposeResult:
        yield from super().compose()
        with VerticalScroll(id="meeting-detail-box"):
            yield Static("Enter shows the meeting under the cursor.", id="meeting-detail")
            agenda = Static("", id="meeting-agenda")
            agenda.display = False  # until a meeting with an agenda is shown
            yield agenda

    def cells(self, m: MeetingView) -> tuple[Any, ...]:
        return (
            self.local(m).strftime("%a %d %b %Y %H:%M ") + m.timezone,
            m.kind,
            m.status,
            str(m.duration_minutes),
            short(m.location, 40),
        )

    def action_open_record(self, name: str) -> None:
        m = self.current()
        if m is None:
            self.app.notify("Put the cursor on a meeting first.", severity="warning")
            return
        self.app.open_record(name, m.id)  # type: ignore[attr-defined]

    @staticmethod
    def local(m: MeetingView) -> Any:
        from zoneinfo import ZoneInfo

        try:
            return m.start_utc.astimezone(ZoneInfo(m.timezone))
        except (ValueError, KeyError):
            return m.start_utc

    @on(DataTable.RowSelected)
    def _selected(self, event: DataTable.RowSelected) -> None:
        event.stop()
        m = self.views.get(int(str(event.row_key.value)))
        if m is None:
            return
        text = Text()
        text.append(f"{m.kind} · {m.status}\n", style="bold")
        text.append(f"{self.local(m):%A %d %B %Y %H:%M} ({m.timezone}), {m.duration_minutes} minutes\n")
        if m.location:
            text.append(f"Where: {m.location}\n")
        text.append(f"Our side: {', '.join(m.members) or '—'}\n")
        text.append(f"Their side: {', '.join(m.their_attendees) or '—'}\n")
        if m.agenda:
            text.append(f"Agenda ({len(m.agenda)} questions):", style="bold")
        text.rstrip()
        self.query_one("#meeting-detail", Static).update(text)
        agenda = self.query_one("#meeting-agenda", Static)
        agenda.update(Padding(agenda_grid(m.agenda), (0, 0, 0, 2)) if m.agenda else "")
        agenda.display = bool(m.agenda)


def agenda_grid(agenda: Iterable[AgendaItemView]) -> Table:
    """The agenda as numbered questions, each line of a long question indented under its text (a hanging indent).

    A grid rather than leading spaces: the spaces of a wrapped line would start its next line at the margin.
    The number column is bold, its blank lines too, so that the text never starts with a run of plain spaces
    (an SVG snapshot draws such a run from the margin).
    """
    grid = Table.grid(padding=(0, 1, 0, 0))
    grid.add_column(justify="right", no_wrap=True, style="bold")
    grid.add_column(ratio=1)
    for number, item in enumerate(agenda, 1):
        grid.add_row(f"{number}.", Text(f"[{item.criterion}] {item.text}"))
    return grid
