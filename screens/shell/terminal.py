"""The terminal's output, made so that losing the terminal can never block the app.

Textual's Linux driver writes through a thread that takes text from a queue of 30 writes. When the
terminal goes (tmux kill-session, a dropped SSH connection), a write fails with EIO or EPIPE, the
thread dies of it, nothing drains the queue any more, and the next 30 writes block the event loop
for ever, and with it the driver's own ``close`` (upstream: Textualize/textual#6692).

``GuardedDriver`` hands the writer thread a ``TerminalOutput`` instead of the raw file: a failed write
marks the terminal gone and tells the hang-up guard (screens.shell.hangup); from then on every write
is dropped, so the thread keeps draining its queue and nothing waits for a terminal that is not there.
"""

from __future__ import annotations

import os
import select
import termios
from collections.abc import Callable
from typing import IO, TYPE_CHECKING, Any, cast

from textual.drivers.linux_driver import LinuxDriver

if TYPE_CHECKING:
    from textual.app import App

RESTORE = (
    "\x1b[<u"  # the Kitty keyboard protocol off
    "\x1b[?1000l\x1b[?1003l\x1b[?1015l\x1b[?1006l"  # mouse reports off
    "\x1b[?2004l"  # bracketed paste off
    "\x1b[?1004l"  # focus reports off
    "\x1b[?7h"  # line wrap on
    "\x1b[?1049l"  # back from the alternate screen
    "\x1b[?25h"  # the cursor shown
)
"""What the driver's own stop writes, for a process that must end without it (``restore_now``)."""


class TerminalOutput:
    """The file the writer thread writes to: the terminal, until a write or a flush fails (then nothing)."""

    def __init__(self, file: IO[str], lost: Callable[[], None]) -> None:
        self.file = file
        self.gone = False
        self._tell = lost

    def lose(self) -> None:
        """The terminal is gone: drop everything from now on (any thread)."""
        if not self.gone:
            self.gone = True
            self._tell()

    def write(self, text: str) -> None:
        if self.gone:
            return
        try:
            self.file.write(text)
        except Exception:  # noqa: BLE001 - EIO, EPIPE, a closed file: the terminal is gone, whatever the error
            self.lose()

    def flush(self) -> None:
        if self.gone:
            return
        try:
            self.file.flush()
        except Exception:  # noqa: BLE001 - as write
            self.lose()

    def fileno(self) -> int:
        return self.file.fileno()

    def isatty(self) -> bool:
        return True


class GuardedDriver(LinuxDriver):
    """Textual's Linux driver whose output never blocks once the terminal is gone.

    The app's hang-up guard (its ``guard`` attribute, screens.shell.hangup) is told when a write fails,
    and keeps this driver to drop the output and give the terminal back when the process must end.
    """

    def __init__(self, app: App[Any], **options: Any) -> None:
        super().__init__(app, **options)
        guard = getattr(app, "guard", None)
        lost: Callable[[], None] = guard.terminal_lost if guard is not None else (lambda: None)
        self.output = TerminalOutput(cast("IO[str]", self._file), lost)
        self._file = self.output  # type: ignore[assignment] # the writer thread writes here (a file-like)
        if guard is not None:
            guard.driver = self

    def write(self, data: str) -> None:
        """Queue ``data`` for the terminal; dropped once it is gone (the writer's queue is bounded)."""
        if not self.output.gone:
            super().write(data)

    def restore_now(self) -> None:
        """Give the terminal back as the driver's stop would, without waiting (any thread, the process ending).

        Written only when the terminal takes it at once: a terminal that does not read is left as it is.
        """
        if self.output.gone:
            return
        try:
            fd = self.output.fileno()
            if select.select([], [fd], [], 0)[1]:
                os.write(fd, RESTORE.encode())
            if self.attrs_before is not None:
                termios.tcsetattr(self.fileno, termios.TCSANOW, self.attrs_before)
        except (OSError, ValueError, termios.error):
            pass
