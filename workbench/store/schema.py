"""Bring a database to this version's schema: create it by migrating, or back it up, then upgrade it."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import inspect
from sqlalchemy.engine import Engine

from workbench.store.backup import backup_before_upgrade
from workbench.store.migrate import SchemaError, SchemaState, schema_state, upgrade


def ensure_schema(engine: Engine, *, sqlite_path: Path | None = None) -> SchemaState:
    """Bring the database to head: create it, or upgrade it after a backup.

    Args:
        engine: the engine.
        sqlite_path: the SQLite file, so an upgrade can write a backup beside it.

    Returns:
        The state before the call.

    Raises:
        SchemaError: the database comes from a newer version, or is not a workbench database.
    """
    state = schema_state(engine)
    if not state.known:
        raise SchemaError(
            f"database schema version {state.current} is newer than this workbench "
            f"(which knows up to {state.head}); upgrade the workbench, the database was not touched"
        )
    if state.up_to_date:
        return state
    if state.current is None:
        refuse_foreign(engine)
    elif sqlite_path is not None:
        backup_before_upgrade(engine, sqlite_path, state.current)
    upgrade(engine)
    return state


def refuse_foreign(engine: Engine) -> None:
    """Raise SchemaError when a database without a workbench version holds tables (another program's)."""
    tables = set(inspect(engine).get_table_names())
    if tables:
        names = ", ".join(sorted(tables)[:5])
        more = f" and {len(tables) - 5} more" if len(tables) > 5 else ""
        raise SchemaError(
            f"not a workbench database: it holds tables that are not the workbench's ({names}{more}) "
            "and no workbench version; not touched"
        )
