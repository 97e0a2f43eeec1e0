"""What the screens may ask of the app (a Protocol): the member, the selection, the services, the sections.

The screens know the app through this alone, so that no screen imports ``screens.app`` (which imports the
screens): ``WorkbenchScreen.wb`` hands it out. ``screens.app.WorkbenchApp`` implements it.
"""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING, Protocol

if TYPE_CHECKING:
    from workbench.services import Services


class Workbench(Protocol):
    """The app as a screen sees it."""

    member: str | None
    """The panel member this terminal speaks for."""

    selection: str | None
    """The name of the selection being worked on."""

    clock_now: datetime | None
    """A fixed "now" for the screens (tests); None: the clock."""

    def get_services(self) -> Services:
        """The services, opened on first use (call from a worker thread)."""
        ...

    def action_open(self, name: str) -> None:
        """Show a section of the workspace (see screens.shell.sections)."""
        ...

    def open_record(self, name: str, record: str | int) -> None:
        """Push a screen opened on one record, e.g. ``open_record("interview", meeting_id)``."""
        ...

    def ask_member(self, *, force: bool = False) -> None:
        """Ask which panel member this terminal speaks for."""
        ...

    def action_choose_member(self) -> None:
        """Pick the panel member this terminal speaks for."""
        ...

    def action_help(self) -> None:
        """Show the keys of the current screen."""
        ...

    def warm_up(self) -> None:
        """Load what the sections need in the background (once)."""
        ...
