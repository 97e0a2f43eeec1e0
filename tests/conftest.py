"""Shared fixtures: databases copied from session-wide templates, the one app factory, one way to wait for the app.

- ``db_url``: an empty database (a SQLite file, then a fresh PostgreSQL database).
- ``migrated_db_url``, ``services``: a database at the newest schema, copied from a template migrated once per
  session (and per xdist worker), on SQLite and PostgreSQL.
- ``sample_path``: a SQLite file holding the sample selection, copied from a template made once per session.
- ``make_app``: the one way the tests build the app; ``settle``: the one way they wait for its workers and saves
  (both from tests/harness.py, which also has ``Notices``: what the app notified, through ``run_test(message_hook=)``).
"""

from __future__ import annotations

import os
import shutil
import uuid
from collections.abc import Awaitable, Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from hypothesis import settings

from tests.harness import MEMBER, build_app, settle_app

# Hypothesis's per-example deadline is a timing assertion, and timings belong to benchmarks/: on a loaded
# two-core machine a property that passes can exceed 200 ms and be reported as failed.
settings.register_profile("workbench", deadline=None)
settings.load_profile("workbench")

PG_ENV = "WORKBENCH_TEST_PG_URL"


@pytest.fixture(autouse=True)
def _isolate_user_dirs(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> None:
    """Keep the developer's own data, config and WORKBENCH_DB out of every test."""
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.setenv("XDG_DATA_HOME", str(home / "data"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / "config"))
    monkeypatch.delenv("WORKBENCH_DB", raising=False)


# ---------------------------------------------------------------------------- databases


def _pg_url() -> str | None:
    return os.environ.get(PG_ENV) or None


def _pg_admin(sql: str) -> None:
    from sqlalchemy import create_engine, text

    base = _pg_url()
    assert base is not None
    admin = create_engine(base, isolation_level="AUTOCOMMIT")
    try:
        with admin.connect() as conn:
            conn.execute(text(sql))
    finally:
        admin.dispose()


def _pg_database_url(name: str) -> str:
    from sqlalchemy.engine import make_url

    base = _pg_url()
    assert base is not None
    return make_url(base).set(database=name).render_as_string(hide_password=False)


def _require_pg() -> None:
    if _pg_url() is None:
        if os.environ.get("CI"):
            pytest.fail(f"CI must run the PostgreSQL tests: set {PG_ENV}")
        pytest.skip(f"no PostgreSQL server: set {PG_ENV} to run the PostgreSQL service tests")


def _copy_sqlite(source: Path, target: Path) -> Path:
    """Copy a closed SQLite database (its mode, 0600, comes along)."""
    shutil.copy2(source, target)
    return target


def _migrate(url: str) -> None:
    from workbench.config import resolve_database
    from workbench.services import open_services

    open_services(resolve_database(url)).close()


@pytest.fixture(scope="session")
def _sqlite_schema(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A SQLite file at the newest schema, migrated once per session."""
    path = tmp_path_factory.mktemp("templates") / "schema.sqlite3"
    _migrate(f"sqlite:///{path}")
    return path


@pytest.fixture(scope="session")
def _pg_schema() -> Iterator[str]:
    """A PostgreSQL database at the newest schema, migrated once per session: the template of the others."""
    _require_pg()
    name = f"wb_template_{uuid.uuid4().hex[:12]}"
    _pg_admin(f'CREATE DATABASE "{name}"')
    try:
        _migrate(_pg_database_url(name))
        yield name
    finally:
        _pg_admin(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def backend(request: pytest.FixtureRequest) -> str:
    """Which database the test runs on: each such test runs on SQLite and on PostgreSQL."""
    if request.param == "postgresql":
        _require_pg()
    return str(request.param)


@pytest.fixture
def db_url(backend: str, tmp_path: Path) -> Iterator[str]:
    """A URL of an empty database: a SQLite file, then a fresh PostgreSQL database."""
    if backend == "sqlite":
        yield f"sqlite:///{tmp_path / 'test.sqlite3'}"
        return
    name = f"wb_test_{uuid.uuid4().hex[:12]}"
    _pg_admin(f'CREATE DATABASE "{name}"')
    try:
        yield _pg_database_url(name)
    finally:
        _pg_admin(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@pytest.fixture
def migrated_db_url(backend: str, tmp_path: Path, request: pytest.FixtureRequest) -> Iterator[str]:
    """A URL of a database at the newest schema with no data, copied from the session's template."""
    if backend == "sqlite":
        path = _copy_sqlite(request.getfixturevalue("_sqlite_schema"), tmp_path / "test.sqlite3")
        yield f"sqlite:///{path}"
        return
    template = request.getfixturevalue("_pg_schema")
    name = f"wb_test_{uuid.uuid4().hex[:12]}"
    _pg_admin(f'CREATE DATABASE "{name}" TEMPLATE "{template}"')
    try:
        yield _pg_database_url(name)
    finally:
        _pg_admin(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@pytest.fixture
def services(migrated_db_url: str) -> Iterator[Any]:
    """Services on a fresh database at the newest schema (SQLite and PostgreSQL)."""
    from workbench.config import resolve_database
    from workbench.services import open_services

    svc = open_services(resolve_database(migrated_db_url))
    try:
        yield svc
    finally:
        svc.close()


@pytest.fixture
def sqlite_services(tmp_path: Path, _sqlite_schema: Path) -> Iterator[Any]:
    """Services on a fresh SQLite file only."""
    from workbench.config import resolve_database
    from workbench.services import open_services

    path = _copy_sqlite(_sqlite_schema, tmp_path / "wb.sqlite3")
    svc = open_services(resolve_database(str(path)))
    try:
        yield svc
    finally:
        svc.close()


@pytest.fixture(scope="session")
def _sample_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A SQLite file holding the sample selection, made once per session through the services."""
    from workbench.config import resolve_database
    from workbench.services import open_services

    path = tmp_path_factory.mktemp("templates") / "sample.sqlite3"
    svc = open_services(resolve_database(str(path)))
    try:
        svc.demo.create_sample()
    finally:
        svc.close()
    return path


@pytest.fixture
def sample_copy(tmp_path: Path, _sample_template: Path) -> Callable[[str], Path]:
    """``sample_copy(name)``: a copy of the sample database in this test's folder, under ``name``."""
    return lambda name: _copy_sqlite(_sample_template, tmp_path / name)


@pytest.fixture
def sample_path(sample_copy: Callable[[str], Path]) -> Path:
    """A database file (wb.sqlite3) holding the sample selection."""
    return sample_copy("wb.sqlite3")


@pytest.fixture
def stored(sample_path: Path) -> Iterator[Any]:
    """Services on the sample database, to read back what the screens or commands stored."""
    from workbench.config import resolve_database
    from workbench.services import open_services

    svc = open_services(resolve_database(str(sample_path)))
    try:
        yield svc
    finally:
        svc.close()


# ---------------------------------------------------------------------------- the app


@pytest.fixture
def make_app() -> Callable[..., Any]:
    """``make_app(path, **options)``: the one app factory (tests.harness.build_app)."""
    return build_app


@pytest.fixture
def sample_app(sample_path: Path) -> Callable[..., Any]:
    """Builds the app on the sample database, working on the sample selection as Helen Marsh (or ``member``)."""
    return lambda member=MEMBER, **options: build_app(sample_path, member=member, **options)


@pytest.fixture
def settle() -> Callable[[Any, Any], Awaitable[None]]:
    """``await settle(app, pilot)``: wait for every worker and save, and for the screen to catch up."""

    async def wait(app: Any, pilot: Any) -> None:
        await settle_app(pilot)

    return wait
