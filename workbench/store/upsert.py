"""One INSERT ... ON CONFLICT DO UPDATE statement on SQLite and PostgreSQL alike."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from sqlalchemy import Table
from sqlalchemy.engine import Row
from sqlmodel import Session


def _table(table_or_model: Any) -> Table:
    table = getattr(table_or_model, "__table__", table_or_model)
    if not isinstance(table, Table):
        raise TypeError(f"not a table or a table model: {table_or_model!r}")
    return table


def upsert(
    session: Session,
    table_or_model: Any,
    values: Mapping[str, Any],
    conflict_cols: Sequence[str],
    update_cols: Sequence[str],
    *,
    returning: Sequence[str] = (),
) -> Row[Any] | None:
    """Insert a row, or update the row that has the same conflict columns, in one statement.

    This is the one place that knows both dialects' upsert syntax.

    Args:
        session: the unit of work's session.
        table_or_model: a SQLModel table class or a SQLAlchemy ``Table``.
        values: column name -> value of the row to insert.
        conflict_cols: the columns of the unique constraint that decides "same row".
        update_cols: the columns overwritten with the new values on a conflict
            (none: the existing row is kept as it is).
        returning: columns to return from the inserted or updated row.

    Returns:
        The returned row when ``returning`` names columns (None when an existing row
        was kept because ``update_cols`` is empty), else None.
    """
    table = _table(table_or_model)
    dialect = session.get_bind().dialect.name
    key = (dialect, table, tuple(conflict_cols), tuple(update_cols), tuple(returning))
    stmt = _STATEMENTS.get(key)
    if stmt is None:
        stmt = _STATEMENTS[key] = _statement(*key)
    if returning:
        return session.connection().execute(stmt, dict(values)).first()
    session.connection().execute(stmt, dict(values))
    return None


# Built statements, reused: building an ON CONFLICT clause costs more than running it.
_STATEMENTS: dict[tuple[Any, ...], Any] = {}


def _statement(
    dialect: str, table: Table, conflict_cols: tuple[str, ...], update_cols: tuple[str, ...], returning: tuple[str, ...]
) -> Any:
    if dialect == "sqlite":
        from sqlalchemy.dialects.sqlite import insert
    elif dialect == "postgresql":
        from sqlalchemy.dialects.postgresql import insert  # type: ignore[assignment]
    else:  # pragma: no cover - only the two supported databases
        raise NotImplementedError(f"no upsert for the {dialect} dialect")
    stmt = insert(table)
    if update_cols:
        stmt = stmt.on_conflict_do_update(
            index_elements=list(conflict_cols),
            set_={name: stmt.excluded[name] for name in update_cols},
        )
    else:
        stmt = stmt.on_conflict_do_nothing(index_elements=list(conflict_cols))
    if returning:
        return stmt.returning(*(table.c[name] for name in returning))
    return stmt
