"""WorkbenchScreen: header, footer, and service calls in thread workers that report back."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any, TypeVar, cast

from textual import work
from textual.app import ComposeResult
from textual.screen import Screen
from textual.widgets import Header

from screens.shell.footer import WorkbenchFooter

if TYPE_CHECKING:
    from screens.shell.host import Workbench
    from workbench.services import Services

T = TypeVar("T")


def describe_error(exc: BaseException) -> str:
    """A message fit for the screen, on one line and plain: a user error's own words, else only the kind of failure."""
    from workbench.domain.display import one_line
    from workbench.services.errors import UserError

    if isinstance(exc, UserError):
        return one_line(exc)
    return f"unexpected {type(exc).__name__}; nothing secret is shown (run with WORKBENCH_DEBUG=1 for details)"


class WorkbenchScreen(Screen[Any]):
    """Base of the workbench's screens.

    Subclasses compose their body in ``compose_body``; data comes from ``call``, which
    runs a service function in a thread worker and hands its result to a callback on
    the UI thread. Workers never touch widgets.
    """

    def compose(self) -> ComposeResult:
        yield Header()
        yield from self.compose_body()
        yield WorkbenchFooter()

    def compose_body(self) -> ComposeResult:
        yield from ()

    @property
    def wb(self) -> Workbench:
        """The app as the screens see it: the member, the selection, the services (screens.shell.host)."""
        return cast("Workbench", self.app)

    def call(
        self,
        fn: Callable[[Services], T],
        then: Callable[[T], None] | None = None,
        *,
        failed: Callable[[BaseException], None] | None = None,
        group: str = "service",
        exclusive: bool = False,
    ) -> None:
        """Run ``fn(services)`` in a thread; call ``then(result)`` (or ``failed(error)``) on the UI thread."""
        self._run(fn, then, failed, group=group, exclusive=exclusive)

    def _run(self, fn, then, failed, *, group: str, exclusive: bool) -> None:  # type: ignore[no-untyped-def]
        @work(thread=True, group=group, exclusive=exclusive, exit_on_error=False)
        def job(screen: WorkbenchScreen) -> None:
            try:
                result = fn(screen.wb.get_services())
            except Exception as exc:  # noqa: BLE001 - reported on screen, never silent
                screen.app.call_from_thread(failed or screen.show_error, exc)
                return
            if then is not None:
                screen.app.call_from_thread(then, result)

        job(self)

    def call_now(self, fn: Callable[[Services], T]) -> T | None:
        """Run a service call on the UI thread (only for saving while leaving); errors are shown."""
        try:
            return fn(self.wb.get_services())
        except Exception as exc:  # noqa: BLE001
            self.show_error(exc)
            return None

    def show_error(self, exc: BaseException) -> None:
        """A failed call is shown, never silent."""
        self.notify(describe_error(exc), title="Not saved" if self._saving else "Error", severity="error", timeout=8)

    _saving = False
