"""The end of the process when its terminal goes: a hang-up, a write error, SIGTERM (a second one: at once).

``Guard`` does not depend on the event loop, which may be the very thing that is stuck:

- SIGHUP and SIGTERM are noted by Python's C-level handler, which writes the signal's number to a
  pipe (``signal.set_wakeup_fd``) the moment the signal arrives, whatever the main thread is doing;
- a thread (``hangup-guard``) waits on that pipe and on the terminal itself: ``poll`` reports a
  hang-up of the terminal (POLLHUP) even without a signal, e.g. a dropped SSH connection whose
  SIGHUP went to another process group; the terminal's output (screens.shell.terminal) writes
  a byte there when a write fails (EIO, EPIPE);
- on the first of these the app is asked to save and exit on its own loop, ``closing`` is set
  (workers waiting on the loop give up, see screens.shell.closing), and a deadline is armed: when
  it passes with the process still alive, the queued saves are stored from this thread (a short,
  best-effort flush) and the process ends with ``os._exit``. A second SIGTERM does that at once;
  after a hang-up it is done as soon as the app has saved (nobody sees the screens close), and
  after a first SIGTERM once the app's run has returned (the terminal given back).

When the terminal is gone, its output is dropped at once, so that nothing can block on writing it.
"""

from __future__ import annotations

import contextlib
import os
import select
import signal
import sys
import threading
import time
from collections.abc import Callable
from os import _exit as end_process  # the process ends here and now: no atexit, no thread joined
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import asyncio

    from screens.shell.terminal import GuardedDriver

HANGUP_DEADLINE = 1.2
"""Seconds from a hang-up (or a failed write) to the forced end, if the app has not ended by itself."""

TERM_DEADLINE = 10.0
"""Seconds from a first SIGTERM to the forced end: the terminal is there, and a clean exit gives it back."""

EXIT_DEADLINE = 10.0
"""Seconds from the app's own end (its ``run`` returned) to the forced end, if a thread still holds the process."""

LAST_FLUSH = 0.3
"""Seconds the last, synchronous flush of the queued saves may take before ``os._exit``."""

LOST = 0xFF
"""The byte the terminal's output writes to the pipe when a write fails (no signal has this number)."""

SAVED = 0xFE
"""The byte written once the app has saved after a hang-up: the process may end at once."""

GONE = select.POLLHUP | select.POLLERR | select.POLLNVAL


def _noted(signum: int, frame: Any) -> None:
    """The Python-level handler: nothing to do, the signal's number is already on the guard's pipe."""


class Guard:
    """Ends the process when its terminal goes, saving first (see the module's doc)."""

    def __init__(
        self,
        flush: Callable[[float], bool],
        *,
        closing: threading.Event | None = None,
        hangup_deadline: float = HANGUP_DEADLINE,
    ) -> None:
        """``flush(timeout)`` stores the queued saves from any thread, True when everything is stored;
        ``closing``: the app's own event (screens.shell.closing), set here when the end begins."""
        self.closing = closing or threading.Event()
        """Set once the process is ending: workers stop waiting on the event loop."""
        self.driver: GuardedDriver | None = None  # set by the driver itself (screens.shell.terminal)
        self._flush_saves = flush
        self._hangup_deadline = hangup_deadline
        self._loop: asyncio.AbstractEventLoop | None = None
        self._leave: Callable[[], None] | None = None
        self._ends_at: float | None = None
        self._begun = False  # a signal or a lost terminal began the end
        self._hung_up = False  # SIGHUP, or the terminal lost
        self._terms = 0
        self._lock = threading.Lock()
        self._read, self._write = os.pipe()
        os.set_blocking(self._read, False)
        os.set_blocking(self._write, False)

    # ---------------------------------------------------------------- set-up

    def install(self) -> None:
        """From the main thread, before the app runs: the signals, and the thread that watches."""
        signal.set_wakeup_fd(self._write, warn_on_full_buffer=False)
        for sig in (signal.SIGHUP, signal.SIGTERM):
            signal.signal(sig, _noted)
        terminals = []
        for fd in (0, 1, 2):
            with contextlib.suppress(OSError, ValueError):
                if os.isatty(fd):
                    terminals.append(fd)
        threading.Thread(target=self._watch, args=(terminals,), name="hangup-guard", daemon=True).start()

    def attach(self, loop: asyncio.AbstractEventLoop, leave: Callable[[], None]) -> None:
        """The app is mounted: ``leave()`` (run on ``loop``) saves and exits."""
        with self._lock:
            self._loop, self._leave = loop, leave
            begun = self._ends_at is not None
        if begun:  # the terminal went while the app was starting
            self._ask_to_leave()

    def terminal_lost(self) -> None:
        """A write to the terminal failed (any thread; the writer's)."""
        self._poke(LOST)

    def ended(self, code: int = 0) -> None:
        """The app's ``run`` returned ``code`` (on the main thread).

        After a signal or a hang-up the process ends here: the saves are stored, and the interpreter's own
        exit (joining the workers' threads, tearing down every module) can take seconds on a loaded machine.
        Otherwise what is left is that exit, which must not hang either: the deadline covers it.
        """
        if self._begun:
            self._force(LAST_FLUSH, code=code, restore=False)  # the driver has given the terminal back
        self._poke_deadline(EXIT_DEADLINE)

    # ---------------------------------------------------------------- the watching thread

    def _poke(self, byte: int) -> None:
        with contextlib.suppress(OSError):  # a full pipe already holds a wake-up
            os.write(self._write, bytes([byte]))

    def _poke_deadline(self, seconds: float) -> None:
        with self._lock:
            ends_at = time.monotonic() + seconds
            self._ends_at = ends_at if self._ends_at is None else min(self._ends_at, ends_at)
        self._poke(0)  # the thread recomputes its timeout

    def _watch(self, terminals: list[int]) -> None:
        poller = select.poll()
        poller.register(self._read, select.POLLIN)
        for fd in terminals:
            poller.register(fd, 0)  # no event asked: only a hang-up or an error is reported
        while True:
            with self._lock:
                ends_at = self._ends_at
            timeout = None if ends_at is None else max(0.0, ends_at - time.monotonic()) * 1000
            for fd, events in poller.poll(timeout):
                if fd == self._read:
                    with contextlib.suppress(BlockingIOError):
                        for byte in os.read(self._read, 256):
                            self._note(byte)
                elif events & GONE:
                    poller.unregister(fd)  # reported again at once on every poll otherwise
                    self._note(LOST)
            with self._lock:
                ends_at = self._ends_at
            if ends_at is not None and time.monotonic() >= ends_at:
                self._force(LAST_FLUSH)

    def _note(self, byte: int) -> None:
        if byte == LOST:
            if self.driver is not None:
                self.driver.output.lose()  # nothing more is written: nothing waits on the terminal
            self._hung_up = True
            self._begin(self._hangup_deadline)
        elif byte == signal.SIGHUP:
            self._hung_up = True
            self._begin(self._hangup_deadline)
        elif byte == SAVED:
            self._force(LAST_FLUSH)
        elif byte == signal.SIGTERM:
            self._terms += 1
            if self._terms > 1:
                self._force(LAST_FLUSH)
            self._begin(TERM_DEADLINE)

    def _begin(self, seconds: float) -> None:
        first = not self._begun
        self._begun = True
        self.closing.set()
        self._poke_deadline(seconds)
        if first:
            self._ask_to_leave()

    def _ask_to_leave(self) -> None:
        with self._lock:
            loop, leave = self._loop, self._leave
        if loop is None or leave is None:  # not mounted yet: nothing typed, nothing to save
            self._force(LAST_FLUSH)
            return

        def save_and_leave() -> None:
            leave()
            if self._hung_up:  # saved: nobody is there to see the screens close one by one
                self._poke(SAVED)

        with contextlib.suppress(RuntimeError):  # the loop is closed: the app has ended, the deadline ends it
            loop.call_soon_threadsafe(save_and_leave)

    def _force(self, grace: float, *, code: int = 0, restore: bool = True) -> None:
        """Store the queued saves (for ``grace`` seconds at most), give the terminal back, end the process
        (with ``code``, or 1 when some save could not be stored)."""
        stored = threading.Event()

        def flush() -> None:
            with contextlib.suppress(Exception):
                if self._flush_saves(grace):
                    stored.set()

        saving = threading.Thread(target=flush, name="last-flush", daemon=True)
        saving.start()
        saving.join(grace + 0.05)
        if restore and self.driver is not None:
            self.driver.restore_now()
        for stream in (sys.stdout, sys.stderr):
            with contextlib.suppress(Exception):
                stream.flush()
        end_process(code if stored.is_set() else 1)
