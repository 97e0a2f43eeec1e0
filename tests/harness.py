"""What the tests share besides fixtures: the one app factory, the one wait for the app, the notifications record.

The fixtures of tests/conftest.py hand these out; a test module may import them as ``tests.harness``.
"""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

SAMPLE = "Outsource IT support (sample)"
MEMBER = "Helen Marsh"


def build_app(
    path: Path | str,
    *,
    selection: str | None = SAMPLE,
    member: str | None = MEMBER,
    label: str | None = None,
    now: datetime | None = None,
    start: tuple[str, str] | None = None,
    remember: bool = False,
    prefs: Any = None,
    **kwargs: Any,
) -> Any:
    """The app on a database file, as the tests build it.

    Args:
        path: the database file.
        selection, member: the remembered selection and panel member (None: nothing remembered).
        label: the database label in the header (default: the path).
        now: a frozen clock for the screens.
        start: a record screen to open over the home screen at once, e.g. ("interview", "3").
        remember: whether the app writes its preferences (default: not).
        prefs: the preferences to start from instead of ``selection`` and ``member``.
    """
    from screens.app import WorkbenchApp
    from workbench.config import resolve_database
    from workbench.prefs import Prefs
    from workbench.services import open_services

    target = resolve_database(str(path))
    if prefs is None:
        prefs = Prefs(
            **({"selection": selection} if selection is not None else {}),
            **({"member": member} if member is not None else {}),
        )
    return WorkbenchApp(
        lambda: open_services(target),
        database_label=str(path) if label is None else label,
        now=now,
        start=start,
        prefs=prefs,
        remember=remember,
        **kwargs,
    )


def _running(app: Any) -> list[Any]:
    # a DirectoryTree's loader waits for work as long as the tree lives: not ours to wait for
    return [w for w in app.workers if not w.is_finished and w.group != "_loader"]


def _saves_pending(app: Any) -> bool:
    """A save queued or not yet shown on some screen (the interview stores in a thread of its own)."""
    return any(getattr(screen, "saves_pending", 0) for screen in app.screen_stack)


async def settle_app(pilot: Any, *, timeout: float = 30.0, rounds: int = 3) -> None:
    """Wait until the app stands still: no worker running, no save pending, the screen caught up.

    At least ``rounds`` rounds (a worker's result may start another worker), until one finds nothing to wait for.
    """
    from textual.worker import WorkerCancelled, WorkerFailed

    app = pilot.app
    loop = asyncio.get_running_loop()
    deadline = loop.time() + timeout
    done = 0
    while True:
        for worker in _running(app):
            with contextlib.suppress(WorkerCancelled, WorkerFailed):  # a failure is the screen's to show
                await asyncio.wait_for(worker.wait(), max(0.1, deadline - loop.time()))
        while _saves_pending(app):
            if loop.time() > deadline:
                raise AssertionError(f"saves still pending after {timeout:.0f} s")
            await asyncio.sleep(0.02)
        await pilot.pause()
        done += 1
        if done >= rounds and not _running(app) and not _saves_pending(app):
            return
        if loop.time() > deadline:
            raise AssertionError(f"the workers did not finish in {timeout:.0f} s")


@dataclass
class Notices:
    """The notifications an app showed, recorded as ``run_test(message_hook=notices)`` passes its messages."""

    shown: list[Any] = field(default_factory=list)

    def __call__(self, message: Any) -> None:
        from textual.notifications import Notify

        if isinstance(message, Notify):
            self.shown.append(message.notification)

    def __iter__(self) -> Iterator[Any]:
        return iter(self.shown)

    def __bool__(self) -> bool:
        return bool(self.shown)

    def messages(self, title: str | None = None) -> list[str]:
        """The messages shown (only those with ``title``, when given)."""
        return [n.message for n in self.shown if title is None or n.title == title]
