"""WorkbenchApp: the terminal app's shell; it receives a factory for its services."""

from __future__ import annotations

import asyncio
import os
import threading
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from textual import events, work
from textual.app import App, ComposeResult
from textual.binding import Binding
from textual.reactive import reactive
from textual.widgets import Header, Static

from screens.shell.closing import ClosingApp
from screens.shell.idle_gc import IdleCollector
from screens.shell.palette import WorkbenchCommands
from screens.shell.plain import ControlFilter
from screens.shell.sections import RECORD_SCREENS, SECTIONS, WARM_UP

if TYPE_CHECKING:
    from datetime import datetime

    from textual.content import Content
    from textual.filter import LineFilter
    from textual.notifications import SeverityLevel

    from screens.shell.hangup import Guard
    from workbench.config import DatabaseTarget
    from workbench.prefs import Prefs
    from workbench.services import Services

TITLE = "Vendor Interview Workbench"


class WorkbenchApp(ClosingApp):
    """The terminal app. The first frame comes before the ORM is imported; data follows from workers."""

    TITLE = TITLE
    COMMANDS = App.COMMANDS | {WorkbenchCommands}
    BINDINGS = [
        Binding("f1", "help", "Help", tooltip="The keys of this screen"),
        Binding("f2", "open('scope')", "Scope", tooltip="What goes out and what stays in house"),
        Binding("f3", "open('candidates')", "Candidates", tooltip="Vendors and the in-house baseline"),
        Binding("f4", "open('schedule')", "Schedule", tooltip="Meetings by day, in our time and the vendor's"),
        Binding(
            "f5", "open('comparison')", "Compare", tooltip="The candidates side by side: weights, totals, robustness"
        ),
        Binding("question_mark", "help", "Help", show=False),
        Binding("q", "quit", "Quit", tooltip="Leave the workbench (everything is saved already)"),
    ]

    _control_filter = ControlFilter()  # stateless: one for every app

    member: reactive[str | None] = reactive(None)
    """The panel member this terminal speaks for."""

    selection: reactive[str | None] = reactive(None)
    """The name of the selection being worked on."""

    def __init__(
        self,
        services_factory: Callable[[], Services],
        *,
        as_member: str | None = None,
        database_label: str = "",
        prefs: Prefs | None = None,
        remember: bool = True,
        now: datetime | None = None,
        start: tuple[str, str] | None = None,
    ) -> None:
        super().__init__()
        self.clock_now = now  # a fixed "now" for the screens (tests); None = the clock
        self._start = start  # (record screen name, record id) to open over the home screen at once
        self._member_asked = False
        self._member_checked: set[str] = set()  # selections whose panel was checked for the member
        self._services_factory = services_factory
        self._services: Services | None = None
        self._services_failure: BaseException | None = None  # from the opening at the first frame, raised once
        self._services_lock = threading.Lock()
        self._first_frame = threading.Event()  # services open only after the title is on screen
        self._warmed_up = False
        self.idle_gc: IdleCollector | None = None  # set by run_app: full garbage collections while the user pauses
        self.guard: Guard | None = None  # set by run_app: the end of the process when the terminal goes
        self.database_label = database_label
        self._remember = remember
        from workbench.prefs import Prefs as _Prefs

        self.prefs = prefs or _Prefs()
        if self.prefs.theme and self.prefs.theme in self.available_themes:
            self.theme = self.prefs.theme
        self.set_reactive(WorkbenchApp.member, as_member or self.prefs.member)
        self.set_reactive(WorkbenchApp.selection, self.prefs.selection)
        if as_member:
            self._save_prefs(member=as_member)

    def compose(self) -> ComposeResult:
        # The first frame: the title only. The home screen (and the data) follow once it is shown.
        yield Header()
        yield Static("Opening…", id="app-opening")

    def get_line_filters(self) -> Sequence[LineFilter]:
        """Textual's filters, then the one that keeps control characters off the terminal (screens.shell.plain)."""
        return [*super().get_line_filters(), self._control_filter]

    def notify(
        self,
        message: str,
        *,
        title: str = "",
        severity: SeverityLevel = "information",
        timeout: float | None = None,
        markup: bool = False,
    ) -> None:
        """A notification shown as plain text: its words may hold names, and no markup is read in it."""
        from workbench.domain.display import one_line, several_lines

        del markup  # a notification is never markup here: user text would be read as styles, or fail to parse
        super().notify(several_lines(message), title=one_line(title), severity=severity, timeout=timeout, markup=False)

    def format_title(self, title: str, sub_title: str) -> Content:
        """The header's title and sub-title (the database, the member), plain and on one line."""
        from workbench.domain.display import one_line

        return super().format_title(one_line(title), one_line(sub_title))

    def on_mount(self) -> None:
        self._update_subtitle()
        self.remember_loop()
        if self.guard is not None:  # SIGTERM, SIGHUP, a lost terminal: save every screen, then exit
            self.guard.attach(asyncio.get_running_loop(), self.leave_saving)

    def on_ready(self) -> None:
        """The first frame is on screen: the home screen and the database (the ORM) may come now."""
        from screens.home.home import HomeScreen

        self._first_frame.set()
        self._open_services()  # in a thread, while the home screen is composed
        self.push_screen(HomeScreen())
        if self._start is not None:
            self.open_record(*self._start)

    def open_record(self, name: str, record: str | int) -> None:
        """Push a screen opened on one record, e.g. ``open_record("interview", meeting_id)``."""
        screen_class = self._screen_class(name, RECORD_SCREENS[name])
        if screen_class is None:
            return
        self.push_screen(screen_class(record))

    def _screen_class(self, name: str, spec: str) -> type | None:
        """The screen class of a "module:Class" spec, imported on first use; None (and a notice) when absent."""
        import importlib

        module, _, cls = spec.partition(":")
        try:
            return getattr(importlib.import_module(module), cls)  # type: ignore[no-any-return]
        except ModuleNotFoundError as exc:
            if exc.name != module:
                raise
            self.notify(f"The {name} screen is not part of this version yet.", severity="warning")
            return None

    def get_services(self) -> Services:
        """The services, opened on first use (from a worker thread: never before the first frame).

        A failure of the opening started at the first frame is raised to the first caller, the
        next call tries again (a refresh after the database came back).
        """
        self._first_frame.wait(timeout=5)
        with self._services_lock:
            if self._services_failure is not None:
                failure, self._services_failure = self._services_failure, None
                raise failure
            if self._services is None:
                self._services = self._services_factory()
            return self._services

    @work(thread=True, group="open-services", exit_on_error=False)
    def _open_services(self) -> None:
        """Open the services as soon as the first frame is out (the ORM's import is the longest wait)."""
        with self._services_lock:
            if self._services is None and self._services_failure is None:
                try:
                    self._services = self._services_factory()
                except Exception as exc:  # noqa: BLE001 - raised by the next get_services, shown by its screen
                    self._services_failure = exc

    def warm_up(self) -> None:
        """Load what the sections need in the background (once; called when the first data is on screen)."""
        if not self._warmed_up:
            self._warmed_up = True
            self._warm_up()

    @work(thread=True, group="warm-up", exit_on_error=False)
    def _warm_up(self) -> None:
        try:
            services = self.get_services()
            for name in WARM_UP:
                if self.closing.is_set():
                    return
                getattr(services, name)  # the first use of a service loads its module and the ORM classes
        except Exception:  # noqa: BLE001, S110 - only a head start: each screen reports its own failure
            pass
        if self.idle_gc is not None:
            self.call_from_thread(self._start_idle_gc)

    def _start_idle_gc(self) -> None:
        """From now on, the full garbage collections wait for a pause of the user (see screens.shell.idle_gc)."""
        assert self.idle_gc is not None
        self.idle_gc.start()
        self.set_interval(IdleCollector.TICK, self.idle_gc.tick)

    async def on_event(self, event: events.Event) -> None:
        if self.idle_gc is not None and isinstance(event, (events.Key, events.MouseDown)):
            self.idle_gc.saw_input()
        await super().on_event(event)

    @property
    def services_ready(self) -> bool:
        return self._services is not None

    def _update_subtitle(self) -> None:
        who = self.member or "no panel member chosen"
        self.sub_title = f"{self.database_label} · {who}"

    def watch_member(self, member: str | None) -> None:
        self._update_subtitle()
        if member:
            self._save_prefs(member=member)

    def watch_selection(self, selection: str | None) -> None:
        if selection:
            self._save_prefs(selection=selection)
            self.ask_member()

    def ask_member(self, *, force: bool = False) -> None:
        """Ask once which panel member this terminal speaks for (``force``: ask again, e.g. from the palette).

        Not asked when a member is known (``--as`` or remembered) or when the selection has no panel;
        a known member who is not on the selection's panel is told so and asked (once per selection).
        """
        if not force and self.member and self.selection and self.selection not in self._member_checked:
            self._member_checked.add(self.selection)
            self._check_member(self.selection, self.member)
            return
        if not force and (self.member or self._member_asked or not self.selection):
            return
        if not self.selection:
            self.notify("Choose a selection on the home screen first (enter on its row).", severity="warning")
            return
        self._member_asked = True
        self._load_members(self.selection, force)

    def action_choose_member(self) -> None:
        """Pick the panel member this terminal speaks for."""
        self.ask_member(force=True)

    @work(thread=True, group="members", exclusive=True, exit_on_error=False)
    def _load_members(self, selection: str, force: bool) -> None:
        try:
            names = [m.name for m in self.get_services().members.list(selection)]
        except Exception as exc:  # noqa: BLE001 - shown, never silent
            from screens.shell.base import describe_error

            self.call_from_thread(self.notify, describe_error(exc), severity="error")
            return
        self.call_from_thread(self._show_member_picker, selection, names, force)

    @work(thread=True, group="member-check", exclusive=True, exit_on_error=False)
    def _check_member(self, selection: str, member: str) -> None:
        """Whether ``member`` (a name, any case, or an id) is on the selection's panel; if not, say so and ask."""
        try:
            panel = self.get_services().members.list(selection)
        except Exception:  # noqa: BLE001 - only a check: the screens report a failing database themselves
            self.call_from_thread(self._member_checked.discard, selection)  # checked again next time
            return
        from workbench.domain.text import name_key

        wanted = member.strip()
        if not panel or any(name_key(wanted) == name_key(m.name) or wanted == str(m.id) for m in panel):
            return
        self.call_from_thread(self._member_not_on_panel, selection, member, [m.name for m in panel])

    def _member_not_on_panel(self, selection: str, member: str, names: list[str]) -> None:
        from screens.dialogs.member import MemberPicker

        if self.member != member or self.selection != selection:
            return  # chosen again meanwhile
        if any(isinstance(s, MemberPicker) or getattr(s, "ASKS_MEMBER", False) for s in self.screen_stack):
            return  # a picker is open already, or the screen on top asks for itself (the live interview)
        self.notify(
            f"{member} is not on the panel of {selection}: scores and notes would be refused. Choose who you are.",
            title="Not on the panel",
            severity="warning",
            timeout=8,
        )
        self._show_member_picker(selection, names, False)

    def _show_member_picker(self, selection: str, names: list[str], force: bool) -> None:
        from screens.dialogs.member import MemberPicker

        if not names:
            if force:
                self.notify(
                    f"{selection} has no panel members yet: add them in the Panel (p on the home screen, "
                    "or ctrl+p → Panel).",
                    severity="warning",
                )
            return

        def chosen(name: str | None) -> None:
            if name:
                self.member = name

        self.push_screen(MemberPicker(names, current=self.member), chosen)

    def watch_theme(self, theme: str) -> None:
        self._save_prefs(theme=theme)

    def _save_prefs(self, **changes: str) -> None:
        if not self._remember or all(getattr(self.prefs, k) == v for k, v in changes.items()):
            return
        from workbench.prefs import save_prefs

        self.prefs = self.prefs.with_(**changes)
        try:
            save_prefs(self.prefs)
        except OSError as exc:
            self.notify(f"could not remember the preference: {exc.strerror}", severity="warning")

    def action_open(self, name: str) -> None:
        """Show a section of the workspace; every section but home needs a selection.

        The stack is always the home screen, at most one section above it, and what was pushed
        over that section (a candidate, a record screen): opening a section closes what is above
        the home screen first (saving), so that screens never pile up.
        """

        from textual.screen import ModalScreen

        from screens.home.home import HomeScreen

        if isinstance(self.screen, ModalScreen):  # reached from code only: the keys of the app do not reach a dialog
            self.notify("Finish or close the dialog first (escape).", severity="warning")
            return
        if name != "home" and not self.selection:
            self.notify("Choose a selection on the home screen first (enter on its row).", severity="warning")
            return
        screen_class = self._screen_class(name, SECTIONS[name])
        if screen_class is None:
            return
        stack = self.screen_stack
        home = next((i for i, screen in enumerate(stack) if isinstance(screen, HomeScreen)), None)
        if home is None:  # the home screen comes with the first frame; nothing to leave yet
            return
        keep = home + 1  # screens to keep: up to the home screen, and the section when it is the one asked for
        if name != "home" and len(stack) > keep and isinstance(stack[keep], screen_class):
            keep += 1
        while len(self.screen_stack) > keep:
            self._leave_top()
        if len(self.screen_stack) == home + 1 and name != "home":
            self.push_screen(screen_class())

    def _leave_top(self) -> None:
        """Close the top screen, storing its queued saves first."""
        save = getattr(self.screen, "save_now", None)
        if callable(save):
            save()
        self.pop_screen()

    def action_help(self) -> None:
        from screens.shell.help import HelpScreen

        if not isinstance(self.screen, HelpScreen):
            self.push_screen(HelpScreen(self.screen))

    def on_unmount(self) -> None:
        if self._services is not None:
            self._services.close()


def run_app(
    target: DatabaseTarget,
    *,
    as_member: str | None,
    open_services: Callable[[], Services],
    start: tuple[str, str] | None = None,
) -> int:
    """Run the terminal app on a database and return the exit code (``start``: a record screen to open at once)."""
    from workbench.config import display_database
    from workbench.prefs import load_prefs

    app = WorkbenchApp(
        open_services, as_member=as_member, database_label=display_database(target), prefs=load_prefs(), start=start
    )
    app.idle_gc = IdleCollector()
    if os.name != "posix":
        app.run()
        return app.return_value if isinstance(app.return_value, int) else 0
    from textual.drivers.linux_driver import LinuxDriver

    from screens.shell.hangup import Guard
    from screens.shell.terminal import GuardedDriver

    app.guard = Guard(app.flush_saves, closing=app.closing)
    if app.driver_class is LinuxDriver:  # not one chosen through TEXTUAL_DRIVER
        app.driver_class = GuardedDriver
    app.guard.install()  # SIGTERM and SIGHUP leave cleanly (exit 0), saving first; a second SIGTERM at once
    try:
        app.run()
    finally:
        app.guard.ended(app.return_value if isinstance(app.return_value, int) else 0)
    return app.return_value if isinstance(app.return_value, int) else 0
