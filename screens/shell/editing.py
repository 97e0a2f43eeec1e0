"""EditingScreen: saves run one after another through the services, and ctrl+z undoes the last edit."""

from __future__ import annotations

import threading
import time
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from textual.binding import Binding

from screens.shell.base import WorkbenchScreen, describe_error

if TYPE_CHECKING:
    from workbench.services import Services

UNDO_DEPTH = 100
UNDO_BINDING = Binding("ctrl+z", "undo", "Undo", tooltip="Undo the last field edit or deletion on this screen")
"""Each editing screen ends its BINDINGS with this one, so the footer shows the screen's own keys first."""

LEAVE_BINDINGS = [
    Binding("f2", "leave('scope')", "Scope", tooltip="What goes out and what stays in house"),
    Binding("f3", "leave('candidates')", "Candidates", tooltip="Back to the candidates"),
    Binding("f4", "leave('schedule')", "Schedule", tooltip="Meetings by day, in our time and the vendor's"),
]
"""For a screen pushed over the candidates: F2-F4 close it first, so screens do not pile up."""


def leave_for(screen: WorkbenchScreen, section: str) -> None:
    """Save, close a screen pushed over the candidates, and show a section of the workspace."""
    save = getattr(screen, "save_now", None)
    if callable(save):
        save()
    app = screen.app
    app.pop_screen()
    if section != "candidates":
        app.call_later(app.run_action, f"open({section!r})")


@dataclass(frozen=True)
class Undo:
    """How to take back one saved edit: a service call, and what the screen does with its result."""

    label: str
    run: Callable[[Services], Any]
    then: Callable[[Any], None] | None = None


@dataclass(frozen=True)
class _Save:
    fn: Callable[[Services], Any]
    then: Callable[[Any], None] | None
    failed: Callable[[BaseException], None] | None
    undo: Callable[[Any], Undo | None] | None


class EditingScreen(WorkbenchScreen):
    """A screen whose edits are saved at once, in the order they were made, and can be undone.

    ``save`` queues a service call; the next one starts only when the previous one has
    answered, so two quick key presses reach the database in the order they were pressed.
    A failed save is shown ("Not saved") and never silent.
    """

    def __init__(self) -> None:
        super().__init__()
        self._undo: list[Undo] = []
        self._queue: deque[_Save] = deque()
        self._busy = False
        self._draining = threading.Lock()  # one thread at a time stores the queue (in its order)
        self._save_done = threading.Event()  # clear while a save runs in its worker
        self._save_done.set()

    # ------------------------------------------------------------------ saving

    @property
    def saves_pending(self) -> int:
        """How many saves are queued or running."""
        return len(self._queue) + (1 if self._busy else 0)

    def save(
        self,
        fn: Callable[[Services], Any],
        then: Callable[[Any], None] | None = None,
        *,
        failed: Callable[[BaseException], None] | None = None,
        undo: Callable[[Any], Undo | None] | None = None,
    ) -> None:
        """Queue ``fn(services)``; ``then(result)`` runs on the UI thread once it is stored.

        Args:
            fn: the service call (runs in a thread).
            then: shows the stored result.
            failed: shows a failure (default: a "Not saved" notification).
            undo: builds the way back from the result; pushed on this screen's undo stack.
        """
        self._queue.append(_Save(fn, then, failed, undo))
        self._next()

    def _next(self) -> None:
        if self._busy or not self._queue:
            return
        self._busy = True
        job = self._queue.popleft()

        def done(result: Any) -> None:
            self._busy = False
            try:
                if job.undo is not None:
                    entry = job.undo(result)
                    if entry is not None:
                        self.push_undo(entry)
                if job.then is not None:
                    job.then(result)
            finally:
                self._next()

        def bad(exc: BaseException) -> None:
            self._busy = False
            try:
                (job.failed or self.show_not_saved)(exc)
            finally:
                self._next()

        self._save_done.clear()

        def store(services: Services) -> Any:
            try:
                return job.fn(services)
            finally:
                self._save_done.set()

        self.call(store, done, failed=bad, group="save")

    def save_now(self) -> None:
        """Store the queued saves synchronously (leaving the screen, or the app on SIGTERM/SIGHUP).

        A screen's workers are cancelled when it unmounts, and a queued save would never start.
        """
        with self._draining:
            while self._queue:
                job = self._queue.popleft()
                self.call_now(job.fn)

    def flush_saves(self, timeout: float) -> bool:
        """Store the queued saves from any thread, the event loop being possibly stuck (the process ending).

        Best effort within ``timeout`` seconds; True when nothing queued is left unstored. Nothing is
        shown: the app is gone or going.
        """
        deadline = time.monotonic() + timeout
        if self._busy and not self._save_done.wait(timeout):  # the save running in its worker comes first
            return False
        if not self._draining.acquire(timeout=max(deadline - time.monotonic(), 0.001)):
            return False  # the UI thread is storing the queue itself
        try:
            while self._queue:
                job = self._queue.popleft()
                try:
                    job.fn(self.wb.get_services())
                except Exception:  # noqa: BLE001 - refused or failed: not stored, and said so by the result
                    return False
            return True
        finally:
            self._draining.release()

    def on_unmount(self) -> None:
        self.save_now()

    def show_not_saved(self, exc: BaseException) -> None:
        """A failed save, shown as such."""
        self.notify(describe_error(exc), title="Not saved", severity="error", timeout=8)

    # ------------------------------------------------------------------ undo

    def push_undo(self, entry: Undo) -> None:
        self._undo.append(entry)
        del self._undo[:-UNDO_DEPTH]

    def action_undo(self) -> None:
        """Take back the last edit or deletion made on this screen."""
        if not self._undo:
            self.notify("Nothing to undo on this screen.", timeout=3)
            return
        entry = self._undo.pop()

        def undone(result: Any) -> None:
            if entry.then is not None:
                entry.then(result)
            self.notify(f"Undone: {entry.label}", timeout=3)

        def not_undone(exc: BaseException) -> None:
            self.push_undo(entry)  # still there to try again
            self.show_not_saved(exc)

        self.save(entry.run, undone, failed=not_undone)
