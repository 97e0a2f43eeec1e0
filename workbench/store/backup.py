"""Consistent copies of the database, taken while others may be writing."""

from __future__ import annotations

import os
import sqlite3
from datetime import UTC, datetime
from pathlib import Path

from sqlalchemy.engine import Engine

from workbench.config import FILE_MODE


def _install(tmp: Path, target: Path, *, overwrite: bool) -> None:
    """Put the finished copy in place: replace ``target``, or (without ``overwrite``) only create it.

    Without ``overwrite`` the copy is hard-linked to its name, which fails when the name exists, so a
    file that appears between a check and the write is not overwritten either.

    Raises:
        FileExistsError: ``target`` exists and ``overwrite`` is False.
    """
    if overwrite:
        os.replace(tmp, target)
        return
    try:
        os.link(tmp, target)
    except OSError as exc:
        if isinstance(exc, FileExistsError) or os.path.lexists(target):
            raise FileExistsError(target) from None
        os.replace(tmp, target)  # a file system without hard links: checked, then renamed
        return
    tmp.unlink()


def sqlite_backup(engine: Engine, target: Path, *, overwrite: bool = True) -> Path:
    """Copy a SQLite database with the online backup API into ``target`` (mode 0600).

    The copy is written to a temporary file beside the target and renamed into
    place, so a reader never sees half a backup.

    Args:
        engine: an engine on a SQLite file.
        target: the file to write.
        overwrite: replace an existing file (else FileExistsError, nothing written).

    Returns:
        The target path.
    """
    target = Path(target)
    tmp = target.with_name(f".{target.name}.tmp-{os.getpid()}")
    fd = os.open(tmp, os.O_CREAT | os.O_WRONLY | os.O_TRUNC, FILE_MODE)
    os.close(fd)
    try:
        dest = sqlite3.connect(tmp)
        try:
            raw = engine.raw_connection()
            try:
                driver = raw.driver_connection
                if driver is None:  # pragma: no cover - a pooled connection that is open has its driver's
                    raise OSError("the database connection is closed")
                driver.backup(dest)
            finally:
                raw.close()
            dest.execute("PRAGMA journal_mode=DELETE")
        finally:
            dest.close()
        os.chmod(tmp, FILE_MODE)
        _install(tmp, target, overwrite=overwrite)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    return target


def backup_before_upgrade(engine: Engine, path: Path, revision: str) -> Path:
    """Copy the SQLite database beside itself before an upgrade and return the copy's path."""
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
    target = path.with_name(f"{path.name}.{revision}.{stamp}.bak")
    sqlite_backup(engine, target)
    return target


def backup_database(engine: Engine, target: Path, *, overwrite: bool = False) -> Path:
    """A consistent copy of the whole database as a SQLite file (mode 0600), whatever the database.

    SQLite is copied with the online backup API while others may write; a server database is
    copied table by table inside one repeatable-read snapshot (``copy_to_sqlite``).

    Raises:
        FileExistsError: ``target`` exists and ``overwrite`` is False (nothing is written).
    """
    if engine.dialect.name == "sqlite":
        return sqlite_backup(engine, target, overwrite=overwrite)
    return copy_to_sqlite(engine, target, overwrite=overwrite)


def copy_to_sqlite(engine: Engine, target: Path, *, overwrite: bool = True) -> Path:
    """Copy a server database into a new SQLite file at the same schema version.

    The rows are read inside one REPEATABLE READ transaction, so the copy is a
    consistent snapshot even while others write.
    """
    from sqlalchemy import select
    from sqlmodel import SQLModel

    from workbench.store.engine import make_engine
    from workbench.store.migrate import upgrade

    target = Path(target)
    tmp = target.with_name(f".{target.name}.tmp-{os.getpid()}")
    tmp.unlink(missing_ok=True)
    dest = make_engine(f"sqlite:///{tmp}")
    try:
        with engine.connect().execution_options(isolation_level="REPEATABLE READ") as source, source.begin():
            version = source.exec_driver_sql("SELECT version_num FROM alembic_version").scalar()
            upgrade(dest, version or "head")
            with dest.connect() as out, out.begin():
                for table in SQLModel.metadata.sorted_tables:
                    rows = [dict(r._mapping) for r in source.execute(select(table))]
                    if rows:
                        out.execute(table.insert(), rows)
        dest.dispose()
        with sqlite3.connect(tmp) as conn:
            conn.execute("PRAGMA journal_mode=DELETE")
        for suffix in ("-wal", "-shm"):
            Path(f"{tmp}{suffix}").unlink(missing_ok=True)
        os.chmod(tmp, FILE_MODE)
        _install(tmp, target, overwrite=overwrite)
    except BaseException:
        dest.dispose()
        for suffix in ("", "-wal", "-shm"):
            Path(f"{tmp}{suffix}").unlink(missing_ok=True)
        raise
    return target
