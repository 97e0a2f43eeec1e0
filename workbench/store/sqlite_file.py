"""Is a SQLite file ours? Asked before any pragma or chmod, so a file that is not is left as it was.

A file is ours to open when it does not exist, is empty, is a SQLite database with nothing in it, or
holds the version table and the workbench's core tables (any version: a newer one is refused later, by
its number). Anything
else -- a text file, a device, another program's database -- is refused, its bytes and mode untouched.
"""

from __future__ import annotations

import os
import sqlite3
import stat
from pathlib import Path
from urllib.parse import quote

from workbench.store.errors import SchemaError

SQLITE_HEADER = b"SQLite format 3\x00"
VERSION_TABLE = "alembic_version"
CORE_TABLES = frozenset({"selection", "candidate", "panel_member", "meeting", "score"})
"""Tables of the first revision that every later one keeps: with the version table, they mark a file as ours.
(Another program managed by Alembic has a version table too.)"""
SHOWN_TABLES = 5


def refuse_foreign_file(path: Path) -> None:
    """Raise SchemaError, touching nothing, when ``path`` exists and is not a workbench database.

    Raises:
        SchemaError: not a regular file, not a SQLite database, or another program's database.
    """
    shown = repr(str(path))
    try:
        info = os.stat(path)
    except FileNotFoundError:
        return
    if stat.S_ISDIR(info.st_mode):
        raise SchemaError(f"{shown} is a folder, not a database file; not touched")
    if not stat.S_ISREG(info.st_mode):
        raise SchemaError(f"{shown} is not a regular file (a device, a pipe or a socket); not touched")
    if info.st_size == 0:
        return
    with open(path, "rb") as handle:
        header = handle.read(len(SQLITE_HEADER))
    if header != SQLITE_HEADER:
        raise SchemaError(f"{shown} is not a SQLite database, so not a workbench database; not touched")
    kinds = _schema_objects(path, shown)
    found = kinds.get("table", set())
    if not kinds or {VERSION_TABLE, *CORE_TABLES} <= found:
        return
    tables = sorted(found)
    if tables:
        names = ", ".join(tables[:SHOWN_TABLES]) + (
            f" and {len(tables) - SHOWN_TABLES} more" if len(tables) > 5 else ""
        )
        what = f"it holds tables that are not the workbench's ({names})"
    else:
        what = "it holds " + ", ".join(sorted(kinds)) + " objects but no workbench tables"
    raise SchemaError(f"{shown} is not a workbench database: {what}; not touched")


def _schema_objects(path: Path, shown: str) -> dict[str, set[str]]:
    """The objects of a SQLite file by kind, read through a read-only connection.

    Without a write-ahead log beside it the file is complete, and is read as immutable: SQLite then
    creates no -wal or -shm file beside it (a read-only open of a WAL database would leave both).
    """
    live_log = Path(f"{path}-wal").exists()
    uri = f"file:{quote(str(path))}?{'mode=ro' if live_log else 'immutable=1'}"
    try:
        conn = sqlite3.connect(uri, uri=True)
    except sqlite3.Error:
        raise SchemaError(f"{shown} cannot be opened read-only to see whether it is a workbench database") from None
    try:
        rows = conn.execute("SELECT type, name FROM sqlite_master").fetchall()
    except sqlite3.Error as exc:
        raise SchemaError(f"{shown} cannot be read as a SQLite database ({exc}); not touched") from None
    finally:
        conn.close()
    kinds: dict[str, set[str]] = {}
    for kind, name in rows:
        kinds.setdefault(str(kind), set()).add(str(name))
    return kinds
