"""The home screen: each selection's progress and the meetings of the next 14 days, or a welcome."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.widgets import Button, DataTable, Static

from screens.shell.base import WorkbenchScreen, describe_error
from screens.widgets.table import Table
from workbench.domain.display import one_line

if TYPE_CHECKING:
    from datetime import datetime

    from workbench.services.overview import SelectionProgress, UpcomingMeeting

DAYS = 14
TEMPLATE = "it-outsourcing"

WELCOME = (
    "[b]Welcome.[/] This database holds no selection yet.\n"
    "Load the [b]sample selection[/] (key [b]s[/]) to look around: four candidates, a panel of three, "
    "eleven meetings with scores and notes.\n"
    "Or start a [b]new selection from the it-outsourcing template[/] (key [b]n[/]): its scope, rubric and "
    "question bank, ready for your candidates."
)

# Candidate statuses as shown in the progress table, most advanced first, in short words.
STATUS_WORDS = {
    "chosen": "chosen",
    "finalist": "final",
    "interviewing": "interview",
    "shortlisted": "short",
    "long-list": "long",
    "declined": "declined",
}


def candidates_text(p: SelectionProgress) -> str:
    """``4: 2 final · 1 interview · 1 short`` (statuses without candidates left out)."""
    if not p.candidates:
        return "none yet"
    parts = [f"{p.status_count(s)} {word}" for s, word in STATUS_WORDS.items() if p.status_count(s)]
    return f"{p.candidates}: " + " · ".join(parts)


def meetings_text(p: SelectionProgress) -> str:
    """``9 held · 2 planned`` (and the cancelled ones when there are any)."""
    text = f"{p.meetings_held} held · {p.meetings_planned} planned"
    return text + (f" · {p.meetings_cancelled} cancelled" if p.meetings_cancelled else "")


def scorecards_text(p: SelectionProgress) -> str:
    """``23/24`` submitted of expected, ``—`` before any meeting was held."""
    return f"{p.scorecards_submitted}/{p.scorecards_expected}" if p.scorecards_expected else "—"


def when_text(at: datetime, zone: str | None = None, *, same_day_as: datetime | None = None) -> str:
    """``Wed 20 Jan 10:00 CET Warsaw``: the day, the wall time, the zone's abbreviation (and city).

    Args:
        at: an aware time on the zone's clocks.
        zone: its IANA name, whose city is added when given.
        same_day_as: leave the day out when ``at`` falls on this one's date.
    """
    city = f" {zone.rsplit('/', 1)[-1].replace('_', ' ')}" if zone else ""
    day = "" if same_day_as is not None and same_day_as.date() == at.date() else f"{at:%a %d %b} "
    return f"{day}{at:%H:%M} {at.tzname()}{city}"


class HomeScreen(WorkbenchScreen):
    """The selections with their progress, and what comes in the next 14 days; a welcome when empty."""

    CSS_PATH = "home.tcss"

    BINDINGS = [
        Binding("enter", "open_selection", "Work on it", tooltip="Work on the selection under the cursor", show=False),
        Binding("s", "load_sample", "Load sample", tooltip="Create the sample selection (once) and work on it"),
        Binding("n", "new_selection", "New selection", tooltip="A new selection from the it-outsourcing template"),
        Binding("p", "panel", "Panel", tooltip="The selection's panel: add, edit, rename, retire members", show=False),
        Binding(
            "e",
            "edit_selection",
            "Selection settings",
            tooltip="Name, our time zone, business hours, working days",
            show=False,
        ),
        Binding("m", "app.choose_member", "I am…", tooltip="Choose the panel member this terminal speaks for"),
        Binding("r", "refresh", "Refresh", tooltip="Read the progress and the meetings again"),
        Binding(
            "a",
            "app.open('actions')",
            "Actions",
            show=False,
            tooltip="Every action item of the meetings, overdue first",
        ),
    ]

    def compose_body(self) -> ComposeResult:
        with Vertical(id="home-body"):
            yield Static("Opening the database…", id="home-status")
            with Vertical(id="welcome"):
                yield Static(WELCOME, id="welcome-text")
                with Horizontal(id="welcome-buttons"):
                    yield Button("Load the sample selection", id="load-sample", variant="primary")
                    yield Button("New selection from a template", id="new-selection")
            yield Table(id="selections", cursor_type="row", zebra_stripes=True)
            with Vertical(id="upcoming-box"):
                yield Static(f"[b]Next {DAYS} days[/] · our time and the vendor's", id="upcoming-title")
                yield Static(f"No meetings in the next {DAYS} days.", id="upcoming-empty")
                yield Table(id="upcoming", cursor_type="row", zebra_stripes=True)

    @property
    def table(self) -> DataTable[Any]:
        return self.query_one("#selections", DataTable)

    @property
    def upcoming_table(self) -> DataTable[Any]:
        return self.query_one("#upcoming", DataTable)

    @property
    def status(self) -> Static:
        return self.query_one("#home-status", Static)

    def on_mount(self) -> None:
        table = self.table
        table.add_column("", key="mark", width=1)
        for label, key in (
            ("Selection", "name"),
            ("Panel", "panel"),
            ("Candidates", "candidates"),
            ("Meetings", "meetings"),
            ("Scorecards", "scorecards"),
        ):
            table.add_column(label, key=key)
        for widget in (self.query_one("#welcome"), table, self.query_one("#upcoming-box")):
            widget.display = False
        self._upcoming: dict[str, UpcomingMeeting] = {}
        self.watch(self.app, "selection", self._mark_current, init=False)
        self.load()

    def load(self) -> None:
        """Read the progress and the coming meetings in a worker."""
        now = self.wb.clock_now

        def read(services):  # type: ignore[no-untyped-def]
            return services.overview.progress(), services.overview.upcoming(days=DAYS, now=now)

        self.call(read, self.show_overview, failed=self.show_failure, exclusive=True, group="home")

    def show_overview(self, result: tuple[list[SelectionProgress], list[UpcomingMeeting]]) -> None:
        progress, upcoming = result
        self._show_progress(progress)
        self._show_upcoming(upcoming, several=len({m.selection_id for m in upcoming}) > 1)
        self.call_after_refresh(self.wb.warm_up)  # once this is on screen
        names = [p.name for p in progress]
        if not names:
            self.query_one("#load-sample", Button).focus()
            return
        self.table.focus()
        if self.wb.selection in names:
            self.table.move_cursor(row=names.index(self.wb.selection))
            self.wb.ask_member()
        elif len(names) == 1:
            self.wb.selection = names[0]
        elif self.wb.selection is not None:
            self.wb.selection = None  # the remembered selection is gone

    def _show_progress(self, progress: list[SelectionProgress]) -> None:
        table = self.table
        table.clear()
        for p in progress:
            table.add_row(
                "▸" if p.name == self.wb.selection else "",
                p.name,
                str(p.members),
                candidates_text(p),
                meetings_text(p),
                scorecards_text(p),
                key=p.name,
            )
        empty = not progress
        self.query_one("#welcome").display = empty
        table.display = not empty
        self.query_one("#upcoming-box").display = not empty
        if empty:
            self.status.update("")
        else:
            self.status.update(
                f"{len(progress)} selection{'s' if len(progress) != 1 else ''} · "
                "enter works on one · scorecards: submitted / expected of held meetings"
            )

    def _show_upcoming(self, upcoming: list[UpcomingMeeting], *, several: bool) -> None:
        """The coming meetings; a Selection column only when they belong to several selections."""
        table = self.upcoming_table
        table.clear(columns=True)
        table.add_columns(
            "Our time", "Vendor's time", "Candidate", "Meeting", *(["Selection"] if several else []), "Panel"
        )
        for m in upcoming:
            table.add_row(
                when_text(m.start_ours),
                when_text(m.start_vendor, m.vendor_zone, same_day_as=m.start_ours),
                m.candidate,
                f"{m.kind} · {m.duration_minutes} min",
                *([m.selection] if several else []),
                ", ".join(m.members) or "—",
                key=str(m.meeting_id),
            )
        table.display = bool(upcoming)
        self.query_one("#upcoming-empty").display = not upcoming
        self._upcoming = {str(m.meeting_id): m for m in upcoming}

    def _mark_current(self, selection: str | None) -> None:
        table = self.table
        for row_key in table.rows:
            table.update_cell(row_key, "mark", "▸" if row_key.value == selection else "")

    def show_failure(self, exc: BaseException) -> None:
        self.status.update(Content.assemble(("Cannot open the database:", "b red"), f" {describe_error(exc)}"))

    @on(Button.Pressed, "#load-sample")
    def _pressed_sample(self) -> None:
        self.action_load_sample()

    @on(Button.Pressed, "#new-selection")
    def _pressed_new(self) -> None:
        self.action_new_selection()

    @on(DataTable.RowSelected, "#selections")
    def _row_selected(self, event: DataTable.RowSelected) -> None:
        self._work_on(str(event.row_key.value))

    @on(DataTable.RowSelected, "#upcoming")
    def _meeting_selected(self, event: DataTable.RowSelected) -> None:
        meeting = self._upcoming.get(str(event.row_key.value))
        if meeting is not None:
            self._work_on(meeting.selection)

    def _work_on(self, name: str) -> None:
        self.wb.selection = name
        self.notify(f"Working on {name}: F2 scope, F3 candidates, F4 schedule.")

    def action_open_selection(self) -> None:
        if self.table.row_count:
            self.table.action_select_cursor()

    def action_refresh(self) -> None:
        self.load()

    def action_load_sample(self) -> None:
        self.status.update("Creating the sample selection…")

        def create(services):  # type: ignore[no-untyped-def]
            view, created = services.demo.create_sample()
            return view.name, created

        def done(result: tuple[str, bool]) -> None:
            name, created = result
            self.notify(f"{'Created' if created else 'Already here:'} {name}.")
            self.wb.selection = name
            self.load()

        self.call(create, done, failed=self._failed_write, group="home-write")

    def action_new_selection(self) -> None:
        from screens.home.new_selection import NewSelectionDialog

        def answered(answer: tuple[str, str] | None) -> None:
            if answer is None:
                return
            name, zone = answer
            self.status.update(Content(f"Creating {one_line(name)}…"))

            def create(services):  # type: ignore[no-untyped-def]
                return services.selections.create(name, template=TEMPLATE, timezone=zone).name

            def done(created: str) -> None:
                self.notify(f"Created {created} from the {TEMPLATE} template.")
                self.wb.selection = created
                self.load()
                self.open_panel(created, intro=f"{created} has no panel members yet: press a to add the first one.")

            self.call(create, done, failed=self._failed_write, group="home-write")

        self.app.push_screen(NewSelectionDialog(), answered)

    def action_panel(self) -> None:
        """The Panel dialog of the selection worked on (or the one under the cursor)."""
        name = self.wb.selection
        rows = self.table.ordered_rows
        if name is None and 0 <= self.table.cursor_row < len(rows):
            name = str(rows[self.table.cursor_row].key.value)
        if name is None:
            self.notify("Choose a selection first (enter on its row), or create one (n).", severity="warning")
            return
        self.open_panel(name)

    def open_panel(self, selection: str, *, intro: str = "") -> None:
        from screens.home.panel import PanelDialog

        def closed(changed: bool | None) -> None:
            if changed:
                self.load()
                if self.wb.member is None:
                    self.wb.ask_member(force=True)  # now there is someone to be

        self.app.push_screen(PanelDialog(self, selection, intro=intro), closed)

    def action_edit_selection(self) -> None:
        """Open the settings of the selection under the cursor (else the one worked on)."""
        from screens.home.settings import selection_settings_dialog

        table = self.table
        name = self.wb.selection
        if table.row_count:
            name = str(table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value)
        if not name:
            self.notify("Create or load a selection first (n or s).")
            return

        def shown(view):  # type: ignore[no-untyped-def]
            def submit(dialog, changed):  # type: ignore[no-untyped-def]
                if not changed:
                    dialog.dismiss(None)
                    return

                def saved(stored) -> None:  # type: ignore[no-untyped-def]
                    dialog.dismiss(stored)
                    if self.wb.selection == view.name:
                        self.wb.selection = stored.name
                    self.notify(f"Saved the settings of {stored.name}.")
                    self.load()

                self.call(
                    lambda services: services.selection_settings.edit(view.id, **changed),
                    saved,
                    failed=dialog.show_error,
                    group="home-write",
                )

            self.app.push_screen(selection_settings_dialog(view, submit))

        self.call(lambda services: services.selections.get(name), shown, failed=self.show_error)

    def _failed_write(self, exc: BaseException) -> None:
        self.show_error(exc)
        self.load()
