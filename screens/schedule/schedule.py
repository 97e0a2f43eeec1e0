"""The schedule: meetings by day in our time and the vendor's, with markers; new, cancel, export."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import UTC, date, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.content import Content
from textual.reactive import reactive
from textual.widgets import Static

from screens.schedule.life_actions import MeetingLifeActions
from screens.schedule.rows import COLUMNS, DOUBLE_BOOKED, OUT_OF_HOURS, SERIES, _day, _same, day_cells, meeting_cells
from screens.shell.base import describe_error
from screens.widgets.row_list import RowList
from workbench.domain.display import one_line

if TYPE_CHECKING:
    from workbench.services import Services
    from workbench.services.views.schedule import ScheduleResult, ScheduleRow


class ScheduleScreen(MeetingLifeActions):
    """The selection's meetings grouped by our day; only changed cells are redrawn."""

    CSS_PATH = "schedule.tcss"
    BINDINGS = [
        Binding(
            "i",
            "open_record('interview')",
            "Interview",
            tooltip="Open the live interview of the meeting under the cursor (enter does too)",
        ),
        Binding("m", "open_record('minutes')", "Minutes", tooltip="Show the minutes of the meeting under the cursor"),
        Binding("n", "new_meeting", "New meeting", tooltip="Schedule a meeting or a series from a typed time"),
        Binding("x", "cancel_meeting", "Cancel meeting", tooltip="Cancel the meeting under the cursor (asks first)"),
        Binding(
            "X", "cancel_series", "Cancel series", tooltip="Cancel every planned meeting of its series (asks first)"
        ),
        Binding("e", "export", "Export .ics", tooltip="Write the selection's meetings to an iCalendar file"),
        Binding("c", "toggle_cancelled", "Cancelled", tooltip="Show or hide cancelled meetings"),
        Binding("r", "refresh", "Refresh", tooltip="Read the schedule again"),
        Binding(
            "u", "edit_meeting", "Edit", tooltip="Reschedule the meeting, change its attendees, length or location"
        ),
        Binding("h", "mark_held", "Held", tooltip="Mark the meeting under the cursor held (once it has started)"),
        Binding("delete", "delete_meeting", "Delete", tooltip="Delete a planned meeting with no scores (asks first)"),
    ]

    show_cancelled: reactive[bool] = reactive(True, init=False)
    """Whether cancelled meetings have rows."""

    def __init__(self) -> None:
        super().__init__()
        self._rows: dict[int, ScheduleRow] = {}  # every meeting of the selection, shown or not
        self._cells: dict[str, tuple[Any, ...]] = {}  # the cells in the table, by row key
        self._loaded = False

    def compose_body(self) -> ComposeResult:
        yield Static("Reading the schedule…", id="schedule-status", markup=False)
        yield RowList(COLUMNS, id="schedule-table", zebra=False)
        yield Static("", id="schedule-detail", markup=False)

    @property
    def table(self) -> RowList:
        return self.query_one("#schedule-table", RowList)

    @property
    def selection(self) -> str | None:
        return self.wb.selection

    def on_mount(self) -> None:
        self.load()

    # ------------------------------------------------------------------ reading

    def load(self) -> None:
        """Read the whole schedule again (unchanged cells stay as they are)."""
        sel = self.selection
        self.call(
            lambda s: s.schedule_views.agenda(selection=sel),
            lambda rows: self.apply(rows, complete=True),
            failed=self._load_failed,
            group="schedule-load",
            exclusive=True,
        )

    def _load_failed(self, exc: BaseException) -> None:
        self.query_one("#schedule-status", Static).update(
            Content.assemble(("Cannot read the schedule:", "b red"), f" {describe_error(exc)}")
        )

    def _visible(self, row: ScheduleRow) -> bool:
        return self.show_cancelled or row.meeting.status != "cancelled"

    def apply(self, rows: Iterable[ScheduleRow], *, complete: bool = False, touched: Iterable[int] = ()) -> None:
        """Bring the table in line with these rows: add, remove or redraw only what changed.

        Args:
            rows: fresh rows from the services.
            complete: the rows are the whole schedule (meetings missing from them are gone).
            touched: more meeting ids whose visibility may have changed.
        """
        table, incoming = self.table, {r.meeting.id: r for r in rows}
        keep = table.cursor_key
        ids = set(incoming) | set(touched)
        if complete:
            ids |= set(self._rows)
            for gone in set(self._rows) - set(incoming):
                del self._rows[gone]
        self._rows.update(incoming)
        resort = False
        for mid in ids:
            row, key = self._rows.get(mid), f"m{mid}"
            cells = meeting_cells(row) if row is not None and self._visible(row) else None
            resort |= self._put(key, cells)
        days = {r.day for r in self._rows.values() if self._visible(r)}
        shown = {date.fromisoformat(k[1:]) for k in self._cells if k.startswith("d")}
        for day in days ^ shown:
            resort |= self._put(f"d{day.isoformat()}", day_cells(day) if day in days else None)
        if resort:  # the rows in the order of their first cell (a day, then its meetings by time)
            table.set_rows(sorted(self._cells.items(), key=lambda item: item[1][0].sort_key))
            table.retain(self._cells)
        if not self._loaded:
            self._loaded = True
            table.focus()
            keep = keep or self._first_key()
        if keep is not None and keep in self._cells:
            table.move_cursor(row=table.get_row_index(keep))
        self._update_status()
        self._show_detail()

    def _put(self, key: str, cells: tuple[Any, ...] | None) -> bool:
        """Make row ``key`` show ``cells`` (None removes it); True when the rows must be laid out again
        (a row came or went, or its place changed); otherwise a changed row is drawn again alone."""
        old = self._cells.get(key)
        if cells is None:
            if old is None:
                return False
            del self._cells[key]
            return True
        self._cells[key] = cells
        if old is None or not _same(old[0], cells[0]):
            return True
        if not all(_same(before, after) for before, after in zip(old, cells, strict=False)):
            self.table.update_row(key, cells)
        return False

    def _first_key(self) -> str | None:
        """Where the cursor starts: the next planned meeting, else the last meeting (never a day line)."""
        now = datetime.now(UTC)
        shown = sorted(
            (r for r in self._rows.values() if self._visible(r)), key=lambda r: (r.meeting.start_utc, r.meeting.id)
        )
        upcoming = (r for r in shown if r.meeting.status == "planned" and r.meeting.start_utc >= now)
        row = next(upcoming, shown[-1] if shown else None)
        return None if row is None else f"m{row.meeting.id}"

    def _update_status(self) -> None:
        rows = self._rows.values()
        cancelled = sum(r.meeting.status == "cancelled" for r in rows)
        if not self._rows:
            text = f"{self.selection} · no meetings yet · n schedules one"
        else:
            hidden = "" if self.show_cancelled or not cancelled else " (hidden)"
            text = (
                f"{self.selection} · {len(self._rows)} meetings, {cancelled} cancelled{hidden} · "
                f"{OUT_OF_HOURS} out of hours  {DOUBLE_BOOKED} double-booked  {SERIES} series"
            )
        self.query_one("#schedule-status", Static).update(text)

    def current(self) -> ScheduleRow | None:
        """The meeting under the cursor (None on a day row)."""
        key = self.table.cursor_key
        return self._rows.get(int(key[1:])) if key and key.startswith("m") else None

    @on(RowList.Highlighted, "#schedule-table")
    def _show_detail(self) -> None:
        row, detail = self.current(), self.query_one("#schedule-detail", Static)
        if row is None:
            detail.update("")
            return
        m = row.meeting
        lines = [
            f"Meeting {m.id} · {m.candidate} · {m.kind} · {m.duration_minutes} min · {m.status}"
            + (f" · series {m.series_id}" if m.series_id else ""),
            f"Ours {_day(row.ours)} {row.ours:%H:%M %Z} · theirs {_day(row.theirs)} {row.theirs:%H:%M %Z} "
            f"({row.their_zone}) · "
            f"UTC {m.start_utc:%H:%M} · typed in {m.timezone}",
            f"With {', '.join(m.members) or 'nobody from our side yet'}" + (f" · {m.location}" if m.location else ""),
        ]
        lines += [f"{OUT_OF_HOURS if w.startswith('outside') else DOUBLE_BOOKED} {w}" for w in row.warnings]
        detail.update(Text("\n".join(one_line(line) for line in lines)))  # names and places shown as stored

    # ------------------------------------------------------------------ actions

    def action_open_record(self, name: str) -> None:
        """Open the interview or the minutes of the meeting under the cursor."""
        row = self.current()
        if row is None:
            self.notify("Put the cursor on a meeting first.", severity="warning")
            return
        self.app.open_record(name, row.meeting.id)  # type: ignore[attr-defined]

    @on(RowList.Selected, "#schedule-table")
    def _row_chosen(self) -> None:
        self.action_open_record("interview")

    def action_refresh(self) -> None:
        self.load()

    def action_toggle_cancelled(self) -> None:
        self.show_cancelled = not self.show_cancelled

    def watch_show_cancelled(self) -> None:
        self.apply((), touched=[mid for mid, r in self._rows.items() if r.meeting.status == "cancelled"])
        self.notify("Cancelled meetings shown." if self.show_cancelled else "Cancelled meetings hidden.")

    def action_new_meeting(self) -> None:
        sel, me = self.selection, self.wb.member

        def context(services: Services) -> Any:
            from screens.schedule.form_parts import FormContext
            from workbench.domain.vocabulary import MEETING_KINDS

            view = services.selections.get(sel)
            members = tuple(m.name for m in services.members.list(sel))
            return FormContext(
                selection=view.name,
                our_zone=view.timezone,
                kinds=MEETING_KINDS,
                members=members,
                candidates=tuple((c.name, c.timezone) for c in services.candidates.list(selection=sel)),
                chosen_members=tuple(m for m in members if m == me),
            )

        def open_form(ctx: Any) -> None:
            from screens.schedule.form import ScheduleForm

            if not ctx.candidates:
                self.notify("This selection has no candidates yet: add one first (F3).", severity="warning")
                return
            self.app.push_screen(ScheduleForm(ctx), self._scheduled)

        self.call(context, open_form)

    def _scheduled(self, result: ScheduleResult | None) -> None:
        """The form stored meetings: say what to look out for, then show their rows."""
        if result is None:
            return
        count = len(result.meetings)
        what = f"{count} meetings in series {result.series_id}" if result.series_id else "1 meeting"
        self.notify(f"Scheduled {what}." + "".join(f"\nNote: {n}" for n in result.notes), title="Saved")
        warned = [
            f"Meeting {s.meeting.id} ({_day(s.ours)} {s.ours:%H:%M}): {w}" for s in result.meetings for w in s.warnings
        ]
        if warned:
            self.notify(
                "\n".join(warned[:8]) + (f"\n… and {len(warned) - 8} more" if len(warned) > 8 else ""),
                title="Warnings",
                severity="warning",
                timeout=12,
            )
        ids, sel = [s.meeting.id for s in result.meetings], self.selection

        def show(rows: list[ScheduleRow]) -> None:
            self.apply(rows)
            self.table.move_cursor(row=self.table.get_row_index(f"m{ids[0]}"))
            self._show_detail()

        self.call(lambda s: s.schedule_views.agenda(selection=sel, only=ids), show)

    def action_cancel_meeting(self) -> None:
        self._ask_cancel(series=False)

    def action_cancel_series(self) -> None:
        self._ask_cancel(series=True)

    def _ask_cancel(self, *, series: bool) -> None:
        from screens.dialogs.confirm import ConfirmDialog

        row = self.current()
        if row is None:
            self.notify("Put the cursor on a meeting first.", severity="warning")
            return
        m = row.meeting
        if series:
            if m.series_id is None:
                self.notify(f"Meeting {m.id} is not part of a series: x cancels it alone.", severity="warning")
                return
            planned = [
                r for r in self._rows.values() if r.meeting.series_id == m.series_id and r.meeting.status == "planned"
            ]
            question = (
                f"Cancel series {m.series_id} with {m.candidate} ({m.kind})?\n"
                f"Its {len(planned)} planned meeting(s) are cancelled; held ones keep their status."
            )
        else:
            if m.status == "cancelled":
                self.notify(f"Meeting {m.id} is cancelled already.", severity="warning")
                return
            planned = [row]
            question = f"Cancel meeting {m.id} with {m.candidate} ({m.kind}) on {_day(row.ours)} {row.ours:%H:%M %Z}?"
        if not planned and series:
            self.notify(f"Series {m.series_id} has no planned meeting left.", severity="warning")
            return
        partners = {p for r in planned for p in r.clashes}
        self.app.push_screen(
            ConfirmDialog(question, yes="Cancel it", no="Keep it"),
            lambda yes: self._cancel(m.id, series, partners) if yes else None,
        )

    def _cancel(self, meeting_id: int, series: bool, partners: set[int]) -> None:
        sel = self.selection

        def job(services: Services) -> tuple[int, list[ScheduleRow]]:
            views = services.scheduling.cancel(meeting_id, series=series)
            only = {v.id for v in views} | partners
            return len(views), services.schedule_views.agenda(selection=sel, only=only)

        def done(result: tuple[int, list[ScheduleRow]]) -> None:
            count, rows = result
            self.apply(rows)
            self.notify(f"Cancelled {count} meeting(s)." if count else "Nothing was left to cancel.", title="Saved")

        self.call(job, done, failed=self._not_saved)

    def _not_saved(self, exc: BaseException) -> None:
        self.notify(describe_error(exc), title="Not saved", severity="error", timeout=10)

    def action_export(self) -> None:
        from screens.dialogs.file import PathDialog

        self.app.push_screen(
            PathDialog(
                "Export the calendar: every meeting of the selection, cancelled ones too (iCalendar)",
                "./meetings.ics",
                hint="An existing file is replaced. A folder gets meetings.ics inside it.",
            ),
            self._export,
        )

    def _export(self, path: str | None) -> None:
        if not path:
            return
        sel = self.selection

        def job(services: Services) -> tuple[Path, int]:
            from workbench.files import write_private

            target = Path(path).expanduser()
            if target.is_dir():
                target = target / "meetings.ics"
            data = services.calendar.export(selection=sel)
            return write_private(target, data).resolve(), data.count(b"BEGIN:VEVENT")

        def done(result: tuple[Path, int]) -> None:
            where, count = result
            self.notify(f"{count} meeting(s) written to {where}", title="Calendar exported", timeout=10)
            self.query_one("#schedule-detail", Static).update(Text(one_line(f"Calendar exported to {where}")))

        def failed(exc: BaseException) -> None:
            from screens.schedule.form_parts import user_message

            text = f"cannot write {path}: {exc.strerror}" if isinstance(exc, OSError) else user_message(exc)
            self.notify(text.removeprefix("-o: "), title="Not exported", severity="error", timeout=10)

        self.call(job, done, failed=failed)
