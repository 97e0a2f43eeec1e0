"""An app that knows when it is closing: workers stop waiting on its event loop, and the saves are stored.

Textual's ``call_from_thread`` waits for the event loop without a limit; a worker that calls it while the
app ends (the loop stopped, or stuck) waits for ever, and the interpreter's exit waits for that worker.
``ClosingApp.call_from_thread`` does the same work but gives up (``AppClosing``) once ``closing`` is set,
which it is from the moment the app begins to exit, or the terminal goes (screens.shell.hangup).

``leave_saving`` (on the UI thread) stores what every screen of the stack has queued, then exits;
``flush_saves`` (from any thread, the event loop being possibly stuck) stores what is queued, best effort.
"""

from __future__ import annotations

import asyncio
import concurrent.futures
import contextvars
import inspect
import threading
import time
from collections.abc import Awaitable, Callable
from typing import Any, TypeVar

from textual.app import App

T = TypeVar("T")

WAIT_STEP = 0.05
"""Seconds between two looks at ``closing`` while a worker waits for the event loop."""


class AppClosing(RuntimeError):
    """The app is closing: what a worker hands to the screens is not shown any more."""


class ClosingApp(App[int]):
    """An app whose workers give up on the event loop once it is closing (see the module's doc)."""

    def __init__(self) -> None:
        super().__init__()
        self.closing = threading.Event()
        """Set once the app is ending (its exit began, or the terminal went)."""
        self._ui_loop: asyncio.AbstractEventLoop | None = None
        self._ui_context: contextvars.Context | None = None
        self._ui_thread: int | None = None

    def remember_loop(self) -> None:
        """On mount (the UI thread, the app's own context): where ``call_from_thread`` runs its callbacks."""
        self._ui_loop = asyncio.get_running_loop()
        self._ui_thread = threading.get_ident()
        self._ui_context = contextvars.copy_context()  # the active app and message pump, as Textual sets them

    def exit(self, result: int | None = None, return_code: int = 0, message: Any = None) -> None:
        self.closing.set()
        super().exit(result, return_code, message)

    def call_from_thread(self, callback: Callable[..., T | Awaitable[T]], *args: Any, **kwargs: Any) -> T:
        """Run ``callback`` on the UI thread and return its result; ``AppClosing`` once the app is closing."""
        loop, context = self._ui_loop, self._ui_context
        if loop is None or context is None:  # not mounted yet
            return super().call_from_thread(callback, *args, **kwargs)
        if self._ui_thread == threading.get_ident():
            raise RuntimeError("call_from_thread must run in a thread other than the app's")
        if self.closing.is_set():
            raise AppClosing
        future: concurrent.futures.Future[T] = concurrent.futures.Future()

        async def run() -> None:
            try:
                result = callback(*args, **kwargs)
                if inspect.isawaitable(result):
                    result = await result
            except BaseException as exc:  # noqa: BLE001 - handed to the waiting thread
                future.set_exception(exc)
            else:
                future.set_result(result)

        def start() -> None:
            if future.set_running_or_notify_cancel():
                loop.create_task(run(), context=context.copy())

        try:
            loop.call_soon_threadsafe(start)
        except RuntimeError:  # the loop is closed
            raise AppClosing from None
        while True:
            try:
                return future.result(timeout=WAIT_STEP)
            except concurrent.futures.TimeoutError:
                if self.closing.is_set():
                    future.cancel()
                    raise AppClosing from None

    # ------------------------------------------------------------------ saving before the end

    def leave_saving(self) -> None:
        """Store what each screen of the stack has queued (the top first), then exit (on the UI thread)."""
        for screen in reversed(self.screen_stack):
            save = getattr(screen, "save_now", None)
            if callable(save):
                try:
                    save()
                except Exception:  # noqa: BLE001 - the next screen's saves still count
                    continue
        self.exit(0)

    def flush_saves(self, timeout: float) -> bool:
        """Store what the screens have queued, from any thread, within ``timeout`` seconds; True when all is."""
        deadline = time.monotonic() + timeout
        stored = True
        try:
            stack = list(self.screen_stack)
        except Exception:  # noqa: BLE001 - the app is gone already: nothing is queued any more
            return True
        for screen in reversed(stack):
            flush = getattr(screen, "flush_saves", None)
            if callable(flush):
                stored = bool(flush(max(0.0, deadline - time.monotonic()))) and stored
        return stored
