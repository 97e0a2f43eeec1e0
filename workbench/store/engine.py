"""make_engine(url): SQLite pragmas, immediate write transactions, private files."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from sqlalchemy import event
from sqlalchemy.engine import Engine, make_url
from sqlalchemy.pool import StaticPool

from workbench.config import prepare_private_file
from workbench.store.sqlite_file import refuse_foreign_file

BUSY_TIMEOUT_MS = 30_000
WRITE_OPTION = "workbench_write"


def make_engine(url: str, *, create_file: bool = True) -> Engine:
    """Build the process's one engine for a database URL.

    SQLite gets WAL, ``synchronous=FULL``, foreign keys, a busy timeout and
    ``BEGIN IMMEDIATE`` for write transactions; its file is created 0600 first. An existing
    file that is not a workbench database is refused before anything touches it.

    Args:
        url: a SQLAlchemy URL (``sqlite:///path`` or ``postgresql+psycopg://...``).
        create_file: create a missing SQLite file (and its folder) with private modes.

    Raises:
        workbench.store.errors.SchemaError: a SQLite file that is not a workbench database.

    Returns:
        The engine; pass ``engine.execution_options(workbench_write=True)`` to a
        session that writes.
    """
    from sqlalchemy import create_engine

    parsed = make_url(url)
    if parsed.get_backend_name() == "sqlite":
        return _sqlite_engine(url, parsed.database, create_file=create_file)
    engine = create_engine(url, hide_parameters=True, pool_pre_ping=True, future=True)
    return engine


def _sqlite_engine(url: str, database: str | None, *, create_file: bool) -> Engine:
    from sqlalchemy import create_engine

    memory = not database or database == ":memory:"
    if database and not memory:
        # Before any chmod or pragma: a file that is not ours keeps its bytes and its mode.
        refuse_foreign_file(Path(database))
        if create_file:
            prepare_private_file(Path(database))
    kwargs: dict[str, Any] = {
        "hide_parameters": True,
        "connect_args": {"timeout": BUSY_TIMEOUT_MS / 1000, "check_same_thread": False},
    }
    if memory:
        kwargs["poolclass"] = StaticPool
    engine = create_engine(url, **kwargs)

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection, _record):  # type: ignore[no-untyped-def]
        # Let SQLAlchemy's "begin" event below issue BEGIN itself.
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        try:
            if not memory:
                cursor.execute("PRAGMA journal_mode=WAL")
            cursor.execute("PRAGMA synchronous=FULL")
            cursor.execute("PRAGMA foreign_keys=ON")
            cursor.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
        finally:
            cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(conn):  # type: ignore[no-untyped-def]
        write = conn.get_execution_options().get(WRITE_OPTION, False)
        conn.exec_driver_sql("BEGIN IMMEDIATE" if write else "BEGIN")

    return engine


def is_sqlite(engine: Engine) -> bool:
    """True when the engine talks to SQLite."""
    return engine.dialect.name == "sqlite"
