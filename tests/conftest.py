"""Shared fixtures: a fresh database per test on SQLite, and on PostgreSQL when one is given."""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest

PG_ENV = "WORKBENCH_TEST_PG_URL"


@pytest.fixture(autouse=True)
def _isolate_user_dirs(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> None:
    """Keep the developer's own data, config and WORKBENCH_DB out of every test."""
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.setenv("XDG_DATA_HOME", str(home / "data"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / "config"))
    monkeypatch.delenv("WORKBENCH_DB", raising=False)


def _pg_url() -> str | None:
    return os.environ.get(PG_ENV) or None


def _new_pg_database(url: str) -> tuple[str, str]:
    """Create an empty database on the test server; return (its URL, its name)."""
    from sqlalchemy import create_engine, text
    from sqlalchemy.engine import make_url

    name = f"wb_test_{uuid.uuid4().hex[:12]}"
    admin = create_engine(url, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    admin.dispose()
    return make_url(url).set(database=name).render_as_string(hide_password=False), name


def _drop_pg_database(url: str, name: str) -> None:
    from sqlalchemy import create_engine, text

    admin = create_engine(url, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
    admin.dispose()


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def db_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """A URL of an empty database: a SQLite file, then a fresh PostgreSQL database."""
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'test.sqlite3'}"
        return
    base = _pg_url()
    if base is None:
        if os.environ.get("CI"):
            pytest.fail(f"CI must run the PostgreSQL tests: set {PG_ENV}")
        pytest.skip(f"no PostgreSQL server: set {PG_ENV} to run the PostgreSQL service tests")
    url, name = _new_pg_database(base)
    try:
        yield url
    finally:
        _drop_pg_database(base, name)


@pytest.fixture
def services(db_url: str):  # type: ignore[no-untyped-def]
    """Services on a fresh, migrated database (SQLite and PostgreSQL)."""
    from workbench.config import resolve_database
    from workbench.services import open_services

    svc = open_services(resolve_database(db_url))
    try:
        yield svc
    finally:
        svc.close()


@pytest.fixture
def sqlite_services(tmp_path: Path):  # type: ignore[no-untyped-def]
    """Services on a fresh SQLite file only."""
    from workbench.config import resolve_database
    from workbench.services import open_services

    svc = open_services(resolve_database(str(tmp_path / "wb.sqlite3")))
    try:
        yield svc
    finally:
        svc.close()
