"""Schema versions: which revision a database is at, which this version ships, and the upgrade to it.

Creating or upgrading a database after a backup (``ensure_schema``) is ``workbench.store.schema``.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import inspect, text
from sqlalchemy.engine import Connection, Engine

from workbench.store.engine import WRITE_OPTION, is_sqlite
from workbench.store.errors import SchemaError as SchemaError  # raised here too; its home is store/errors.py

MIGRATIONS = Path(__file__).with_name("migrations")
HEAD = "0004_meetings"
"""The newest revision, known without importing Alembic (a test checks it against the scripts)."""


@dataclass(frozen=True)
class SchemaState:
    """Where a database stands against the migrations this version ships."""

    current: str | None  # None: no schema yet
    head: str
    known: bool  # False: the database was made by a newer version

    @property
    def up_to_date(self) -> bool:
        return self.current == self.head


def _config(connection: Connection | None = None):  # type: ignore[no-untyped-def]
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    if connection is not None:
        cfg.attributes["connection"] = connection
    return cfg


def head_revision() -> str:
    """The newest revision this version knows."""
    from alembic.script import ScriptDirectory

    head = ScriptDirectory.from_config(_config()).get_current_head()
    assert head is not None
    return head


def _known_revisions() -> set[str]:
    from alembic.script import ScriptDirectory

    return {rev.revision for rev in ScriptDirectory.from_config(_config()).walk_revisions()}


def schema_state(engine: Engine) -> SchemaState:
    """Read the database's revision and compare it with this version's head."""
    with engine.connect() as conn:
        current = _current_revision(conn)
    if current == HEAD:  # the usual case: no need to load Alembic and its scripts
        return SchemaState(current=current, head=HEAD, known=True)
    head = head_revision()
    return SchemaState(current=current, head=head, known=current is None or current in _known_revisions())


def _current_revision(conn: Connection) -> str | None:
    if not inspect(conn).has_table("alembic_version"):
        return None
    row = conn.execute(text("SELECT version_num FROM alembic_version")).first()
    return row[0] if row else None


def _driver(conn: Connection) -> Any:
    """The DB-API connection under a SQLAlchemy one (sqlite3's, for the pragmas it must run outside a transaction)."""
    driver = conn.connection.driver_connection
    if driver is None:  # pragma: no cover - an open connection has its driver's
        raise SchemaError("the database connection is closed")
    return driver


def upgrade(engine: Engine, revision: str = "head") -> None:
    """Run the migrations up to ``revision`` in one transaction."""
    from alembic import command

    sqlite = is_sqlite(engine)
    with engine.connect() as conn:
        if sqlite:
            # Batch migrations rebuild tables; foreign keys are checked after, not during.
            _driver(conn).execute("PRAGMA foreign_keys=OFF")
        try:
            with conn.execution_options(**{WRITE_OPTION: True}).begin():
                command.upgrade(_config(conn), revision)
                if sqlite:
                    bad = conn.exec_driver_sql("PRAGMA foreign_key_check").fetchall()
                    if bad:
                        raise SchemaError(f"the upgrade left {len(bad)} rows without their parent; rolled back")
        finally:
            if sqlite:
                _driver(conn).execute("PRAGMA foreign_keys=ON")
