"""Fixtures of the command-line tests: `workbench` run in this process, and the databases it runs on."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager, contextmanager
from datetime import UTC
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest

from workbench.cli import main

if TYPE_CHECKING:
    from workbench.services import Services


class Cli:
    """Runs ``workbench`` in this process: ``run(db, *args)`` gives the exit code, stdout and stderr."""

    def __init__(self, capsys: pytest.CaptureFixture[str]) -> None:
        self._capsys = capsys

    def __call__(self, db: str | None, *args: str) -> tuple[int, str, str]:
        """``workbench --db DB ARGS...`` (without ``--db`` when ``db`` is None)."""
        self._capsys.readouterr()  # what earlier steps printed is not this command's
        code = main([*(["--db", db] if db is not None else []), *args])
        out, err = self._capsys.readouterr()
        return code, out, err

    def json(self, db: str, *args: str) -> Any:
        """What a command that must succeed prints with ``--format json``, parsed."""
        code, out, err = self(db, *args, "--format", "json")
        assert code == 0, err
        return json.loads(out)


@pytest.fixture
def run(capsys: pytest.CaptureFixture[str]) -> Cli:
    """``run(db, *args) -> (exit code, stdout, stderr)``; ``run.json(db, *args)`` for a listing."""
    return Cli(capsys)


@pytest.fixture
def demo_db(sample_copy: Callable[[str], Path]) -> str:
    """A database file holding the sample selection (as ``workbench demo`` makes it; test_core_cli runs that)."""
    return str(sample_copy("demo.sqlite3"))


@contextmanager
def _services_on(db: str) -> Iterator[Services]:
    from workbench.config import resolve_database
    from workbench.services import open_services

    services = open_services(resolve_database(db))
    try:
        yield services
    finally:
        services.close()


@pytest.fixture
def services_on() -> Callable[[str], AbstractContextManager[Services]]:
    """``with services_on(db) as services:`` the services on a database file, closed afterwards."""
    return _services_on


@pytest.fixture
def raw_candidates(services_on: Callable[[str], AbstractContextManager[Services]]) -> Callable[..., None]:
    """``raw_candidates(db, *names)`` stores candidates in the only selection without the services' checks,
    so that a test can see what the commands do with a name that `candidates add` would refuse."""

    def add(db: str, *names: str) -> None:
        from datetime import datetime

        from workbench.store.models import Candidate

        now = datetime.now(UTC)
        with services_on(db) as services:
            selection_id = services.selections.get().id
            with services.db.session(write=True) as session:
                for name in names:
                    session.add(Candidate(selection_id=selection_id, name=name, created_at=now, updated_at=now))

    return add
