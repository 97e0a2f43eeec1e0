"""The interview's saves: one thread that stores them in the order they were made, and hands results back.

EditingScreen runs each save in a new Textual worker; a live interview saves on every key press, so
here one long-lived thread takes the saves from a queue (no worker to start per key, no state
messages), stores each through the services, and schedules its callback on the UI's event loop.
The order of the saves, and of their callbacks, is the order of the key presses.
"""

from __future__ import annotations

import asyncio
import queue
import threading
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from screens.base import WorkbenchScreen

Job = tuple[Callable[[Any], Any], Callable[[Any], None] | None, Callable[[BaseException], None]]


class Saver:
    """Stores saves one after another in its own thread; ``flush`` waits until every queued one is stored."""

    def __init__(self, screen: WorkbenchScreen) -> None:
        self.screen = screen
        self._loop = asyncio.get_running_loop()  # made on the UI thread
        self._jobs: queue.SimpleQueue[Job | None] = queue.SimpleQueue()
        self._lock = threading.Condition()
        self._unstored = 0  # queued or being stored
        self._undelivered = 0  # stored (or refused) whose callback has not run yet on the UI thread
        self._thread = threading.Thread(target=self._run, name="interview-saves", daemon=True)
        self._thread.start()

    @property
    def pending(self) -> int:
        """Saves not stored yet, or whose result the screen has not shown yet."""
        return self._unstored + self._undelivered

    def save(self, fn: Callable[[Any], Any], then: Callable[[Any], None] | None,
             failed: Callable[[BaseException], None]) -> None:
        """Queue ``fn(services)``; ``then(result)`` or ``failed(error)`` runs on the UI thread afterwards."""
        with self._lock:
            self._unstored += 1
            self._undelivered += 1
        self._jobs.put((fn, then, failed))

    def flush(self, timeout: float = 30.0) -> bool:
        """Wait until every queued save is stored (leaving the screen or the app); False on timeout."""
        with self._lock:
            return self._lock.wait_for(lambda: self._unstored == 0, timeout)

    def stop(self) -> None:
        """Let the thread end once the queued saves are stored."""
        self._jobs.put(None)

    def _run(self) -> None:
        while (job := self._jobs.get()) is not None:
            fn, then, failed = job
            try:
                outcome: tuple[Any, Any] = (then, fn(self.screen.wb.get_services()))
            except Exception as exc:  # noqa: BLE001 - handed to the screen, which shows it
                outcome = (failed, exc)
            with self._lock:
                self._unstored -= 1
                self._lock.notify_all()
            try:
                self._loop.call_soon_threadsafe(self._deliver, *outcome)
            except RuntimeError:  # the event loop is closed: the app has ended, the save is stored
                return

    def _deliver(self, callback: Callable[[Any], None] | None, value: Any) -> None:
        try:
            if callback is not None and self.screen.is_attached:
                callback(value)
        finally:
            self._undelivered -= 1
