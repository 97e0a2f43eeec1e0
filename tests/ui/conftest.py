"""Fixtures of the screen tests: the sample selection in a fresh database, an app on it, and waiting for saves."""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

SAMPLE = "Outsource IT support (sample)"
MEMBER = "Helen Marsh"


@pytest.fixture
def sample_path(tmp_path: Path) -> Path:
    """A database file holding the sample selection."""
    from workbench.config import resolve_database
    from workbench.services import open_services

    path = tmp_path / "wb.sqlite3"
    svc = open_services(resolve_database(str(path)))
    try:
        svc.demo.create_sample()
    finally:
        svc.close()
    return path


@pytest.fixture
def sample_app(sample_path: Path) -> Callable[[], Any]:
    """Builds the app on the sample database, working on the sample selection as Helen Marsh (or ``member``)."""
    from screens.app import WorkbenchApp
    from workbench.config import resolve_database
    from workbench.prefs import Prefs
    from workbench.services import open_services

    target = resolve_database(str(sample_path))

    def make(member: str = MEMBER) -> WorkbenchApp:
        return WorkbenchApp(
            lambda: open_services(target),
            database_label=str(sample_path),
            prefs=Prefs(selection=SAMPLE, member=member),
            remember=False,
        )

    return make


@pytest.fixture
def stored(sample_path: Path) -> Iterator[Any]:
    """Services on the same database, to read back what the screens stored."""
    from workbench.config import resolve_database
    from workbench.services import open_services

    svc = open_services(resolve_database(str(sample_path)))
    try:
        yield svc
    finally:
        svc.close()


@pytest.fixture
def settle() -> Callable[[Any, Any], Awaitable[None]]:
    """Wait until every worker has finished, including saves queued one after another, and the screen caught up."""

    async def wait(app: Any, pilot: Any) -> None:
        from textual.worker import WorkerCancelled, WorkerFailed

        def running() -> list[Any]:
            # a DirectoryTree's loader waits for work as long as the tree lives: not ours to wait for
            return [w for w in app.workers if w.is_running and w.group != "_loader"]

        for _ in range(200):
            for worker in running():
                try:
                    await worker.wait()
                except (WorkerCancelled, WorkerFailed):
                    pass
            await pilot.pause()
            if not running() and not any(getattr(s, "saves_pending", 0) for s in app.screen_stack):
                return
        raise AssertionError("the workers did not finish")

    return wait
