"""Garbage collection out of the way of key presses: the full collections run when the user pauses."""

from __future__ import annotations

import gc
import time

IDLE_SECONDS = 1.0
"""How long without a key press or a click before a full collection may run."""


class IdleCollector:
    """Keeps CPython's full collections for the moments without input.

    A full collection scans every tracked object: once the ORM is loaded that is a pause of
    some 100 ms on a slow machine, and it comes whenever enough objects survived, often in the
    middle of a run of key presses. After ``start`` the objects alive are frozen (left out of the
    automatic collections); when no input came for IDLE_SECONDS after some input, one full
    collection runs over everything (unfrozen first, so that nothing is kept for ever) and the
    survivors are frozen again. The automatic collections then only scan what was made since.
    """

    TICK = 0.5
    """Seconds between two looks at the clock (``tick``)."""

    def __init__(self) -> None:
        self._last_input = time.monotonic()
        self._pending = False
        self.started = False
        self.collections = 0

    def start(self) -> None:
        """Freeze what the program has loaded by now (call once started, e.g. after the first screen's data)."""
        gc.freeze()
        self.started = True

    def saw_input(self) -> None:
        """A key press or a click: the user is active, a full collection waits for the next pause."""
        self._last_input = time.monotonic()
        self._pending = True

    def tick(self) -> None:
        """Call every TICK seconds: collect when the user paused after some input."""
        if self.started and self._pending and time.monotonic() - self._last_input >= IDLE_SECONDS:
            self._pending = False
            gc.unfreeze()
            gc.collect()
            gc.freeze()
            self.collections += 1
