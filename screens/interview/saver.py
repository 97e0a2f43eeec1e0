"""The interview's saves: one thread that stores them in the order they were made, and hands results back;
and the screen's saving glue (``Saving``): the indicator, queueing, and storing everything when leaving.

EditingScreen runs each save in a new Textual worker; a live interview saves on every key press, so
here one long-lived thread takes the saves from a queue (no worker to start per key, no state
messages), stores each through the services, and schedules its callback on the UI's event loop.
The order of the saves, and of their callbacks, is the order of the key presses.
"""

from __future__ import annotations

import asyncio
import queue
import threading
import time
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from screens.shell.editing import EditingScreen

if TYPE_CHECKING:
    from screens.interview.editor import NoteEditing
    from screens.interview.position import Position
    from screens.interview.status import StatusLine
    from screens.shell.base import WorkbenchScreen
    from workbench.services.views.interview import InterviewView

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

    def save(
        self, fn: Callable[[Any], Any], then: Callable[[Any], None] | None, failed: Callable[[BaseException], None]
    ) -> None:
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


SLOW_SAVE = 0.5
"""Seconds a save may take before the indicator says "saving…" (checked with the clock, once a second)."""


class Saving(EditingScreen):
    """The interview screen's saving glue: saves go to the screen's ``Saver``, and the save indicator says
    "saving…" until the service has answered, "saved" once it has committed.

    The interview screen sets what is declared below (its view, editor, position and status line).
    """

    view: InterviewView | None
    editor: NoteEditing
    position: Position
    status: StatusLine

    def show_progress(self) -> None:
        """Draw how many questions are scored (the interview screen's own)."""
        raise NotImplementedError

    saver: Saver | None = None  # the thread that stores this screen's saves, in order (made on mount)
    _pending = 0  # saves the indicator waits for
    _since = 0.0  # when the oldest unanswered save was queued ("saving…" after SLOW_SAVE seconds)
    _last_saved = ""
    _carried = False

    def user_save(self, fn: Any, then: Any, *, failed: Any = None) -> None:
        """Queue a save the indicator waits for: "saving…" until the service has answered."""
        if not self._pending:
            self._since = time.monotonic()
        self._pending += 1

        def answered() -> None:
            self._pending -= 1

        def done(result: Any) -> None:
            answered()
            then(result)

        def bad(exc: BaseException) -> None:
            answered()
            (failed or self.not_saved)(exc)

        self.save(fn, done, failed=bad)

    def not_saved(self, exc: BaseException) -> None:
        from screens.shell.base import describe_error

        self.show_saved(describe_error(exc), failed=True)
        self.show_not_saved(exc)

    def show_saved(self, text: str | None, *, failed: bool = False) -> None:
        """The indicator: "saved" and what was saved last, once the service has committed (None: as before)."""
        status = self.status
        if failed:
            status.saved(self._last_saved, self._pending, failure=text or "")
            return
        self._last_saved = self._last_saved if text is None else text
        status.saved(self._last_saved, self._pending)

    def show_slow_save(self) -> None:
        """Once a second: "saving…" for a save taking long enough to be seen."""
        if self._pending and time.monotonic() - self._since >= SLOW_SAVE:
            self.show_saved(None)

    def save(self, fn: Any, then: Any = None, *, failed: Any = None, undo: Any = None) -> None:
        """Queue a save on this screen's save thread (in key order); before mount, EditingScreen's way."""
        if self.saver is None:
            super().save(fn, then, failed=failed, undo=undo)
        else:
            self.saver.save(fn, then, failed or self.show_not_saved)

    @property
    def saves_pending(self) -> int:
        return super().saves_pending + (self.saver.pending if self.saver is not None else 0)

    def reset_saving(self) -> None:
        """A new member at the keyboard: their own position, indicator and carry-over."""
        self.position.shown(None)
        self._last_saved, self._carried = "", False
        self.show_saved("")
        self.show_progress()

    def save_now(self) -> None:
        """Store the queued saves and the note being typed, synchronously (leaving the screen or the app)."""
        super().save_now()
        if self.saver is not None and not self.saver.flush():
            self.notify("Some saves are still running; they will finish in the background.", severity="warning")
        self.editor.save_now(self.call_now)
        self.position.save_now(self.call_now)
        view = self.view
        if view is not None and view.submitted and not self._carried:  # gaps noted after submitting too
            mid = view.header.meeting_id
            self._carried = True
            self.call_now(lambda s: s.interview.carry_over(mid))

    def flush_saves(self, timeout: float) -> bool:
        """Store the queued saves and the note being typed from any thread (the process ending; best effort)."""
        deadline = time.monotonic() + timeout
        stored = super().flush_saves(timeout)
        if self.saver is not None:
            stored = self.saver.flush(max(0.0, deadline - time.monotonic())) and stored
        draft, (text, owner, due) = self.editor.draft, self.editor.typed
        if draft is not None:
            try:
                draft.store(self.wb.get_services(), text, owner, due)
            except Exception:  # noqa: BLE001 - not stored; the result says so
                stored = False
        return stored

    def stop_saving(self) -> None:
        """Leaving the screen: store what is queued, then let the save thread end."""
        self.save_now()
        if self.saver is not None:
            self.saver.stop()
