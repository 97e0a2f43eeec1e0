"""WorkbenchApp: the terminal app's shell; it receives a factory for its services."""

from __future__ import annotations

import signal
from collections.abc import Callable
from typing import TYPE_CHECKING

from textual.app import App
from textual.binding import Binding

if TYPE_CHECKING:
    from workbench.config import DatabaseTarget
    from workbench.services import Services

TITLE = "Vendor Interview Workbench"


class WorkbenchApp(App[int]):
    """The terminal app. Data arrives from a worker after the first frame."""

    TITLE = TITLE
    CSS_PATH = "app.tcss"
    BINDINGS = [
        Binding("q", "quit", "Quit", tooltip="Leave the workbench (everything is saved already)"),
    ]

    def __init__(self, services_factory: Callable[[], Services], *, as_member: str | None = None, database_label: str = "") -> None:
        super().__init__()
        self._services_factory = services_factory
        self.services: Services | None = None
        self.as_member = as_member
        self.database_label = database_label

    def on_mount(self) -> None:
        from screens.home import HomeScreen

        self.sub_title = self.database_label
        self.push_screen(HomeScreen())
        self._install_signal_handlers()

    def get_services(self) -> Services:
        """The services, opened on first use (call from a worker thread)."""
        if self.services is None:
            self.services = self._services_factory()
        return self.services

    def _install_signal_handlers(self) -> None:
        """SIGTERM and SIGHUP leave cleanly (exit 0): everything is saved when it is typed."""
        import asyncio

        loop = asyncio.get_running_loop()
        for sig in (signal.SIGTERM, signal.SIGHUP):
            try:
                loop.add_signal_handler(sig, self.exit, 0)
            except (NotImplementedError, RuntimeError, ValueError):  # not the main thread (tests)
                pass

    def on_unmount(self) -> None:
        if self.services is not None:
            self.services.close()


def run_app(target: DatabaseTarget, *, as_member: str | None, open_services: Callable[[], Services]) -> int:
    """Run the terminal app on a database and return the exit code."""
    from workbench.config import redact_url

    app = WorkbenchApp(open_services, as_member=as_member, database_label=redact_url(target.url))
    result = app.run()
    if isinstance(app.return_value, int):
        return app.return_value
    return 0 if result is None else int(result)
