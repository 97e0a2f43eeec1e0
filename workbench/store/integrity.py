"""The database's own consistency checks, where the database has them (SQLite's pragmas)."""

from __future__ import annotations

from typing import NamedTuple

from sqlalchemy import text
from sqlalchemy.engine import Engine


class IntegrityReport(NamedTuple):
    """What the database says of itself."""

    integrity: str  # "ok", or the first problems the database names
    foreign_key_problems: int  # rows whose parent is missing
    dialect: str  # the database's kind, as SQLAlchemy names it ("sqlite", "postgresql")


def check_integrity(engine: Engine) -> IntegrityReport:
    """SQLite's integrity and foreign-key checks; a server database is asked only that it answers."""
    integrity, fk_problems = "ok", 0
    with engine.connect() as conn:
        if engine.dialect.name == "sqlite":
            rows = conn.exec_driver_sql("PRAGMA integrity_check").fetchall()
            integrity = "; ".join(str(r[0]) for r in rows[:10])
            fk_problems = len(conn.exec_driver_sql("PRAGMA foreign_key_check").fetchall())
        else:
            conn.execute(text("SELECT 1"))
    return IntegrityReport(integrity, fk_problems, engine.dialect.name)
