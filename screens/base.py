"""WorkbenchScreen: header, footer, and service calls in thread workers that report back."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any, TypeVar

from textual import work
from textual.app import ComposeResult
from textual.screen import Screen
from textual.widgets import Footer, Header
from textual.widgets._footer import FooterKey

if TYPE_CHECKING:
    from screens.app import WorkbenchApp
    from workbench.services import Services

T = TypeVar("T")


def describe_error(exc: BaseException) -> str:
    """A message fit for the screen: a user error's own words, else only the kind of failure."""
    from workbench.services.errors import UserError

    if isinstance(exc, UserError):
        return str(exc)
    return f"unexpected {type(exc).__name__}; nothing secret is shown (run with WORKBENCH_DEBUG=1 for details)"


class WorkbenchFooter(Footer):
    """Textual's footer, looking the same, with less work each time the bindings change.

    Textual's footer rebuilds all its keys after every change of bindings (several in a row when
    a screen opens or the focus moves) and styles each new key three times (its ``compact``
    starts True, then the binding sets it to the footer's value). Here it rebuilds at most once
    per refresh and only when the keys it shows differ, and a new key is styled once.
    """

    _rebuild_queued = False
    _shown: tuple[Any, ...] | None = None

    def bindings_changed(self, screen: Screen[Any]) -> None:
        self._bindings_ready = True
        if not screen.app.app_focus:
            return
        if self.is_attached and screen is self.screen and not self._rebuild_queued:
            self._rebuild_queued = True
            self.call_after_refresh(self._rebuild)

    def _keys(self) -> tuple[Any, ...]:
        """What the footer shows: every active binding with its state, and the footer's own options."""
        return (
            self.compact,
            self.show_command_palette,
            tuple(
                (b.key, b.action, b.description, b.show, b.group, b.tooltip, enabled, tooltip)
                for (_node, b, enabled, tooltip) in self.screen.active_bindings.values()
            ),
        )

    async def _rebuild(self) -> None:
        self._rebuild_queued = False
        if self.is_attached and self._keys() != self._shown:
            await self.recompose()

    def compose(self) -> ComposeResult:
        if self._bindings_ready:
            self._shown = self._keys()
        for widget in super().compose():
            if isinstance(widget, FooterKey) and not widget.has_class("-command-palette"):
                widget.set_reactive(FooterKey.compact, self.compact)  # bound to the footer's value right after
            yield widget


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
    def wb(self) -> WorkbenchApp:
        return self.app  # type: ignore[return-value]

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
