"""Database housekeeping: integrity check, schema upgrade and consistent backups."""

from __future__ import annotations

import os
from pathlib import Path

from workbench.services.base import Service, shorten
from workbench.services.errors import UserError
from workbench.services.views.selections import DatabaseCheck


class AdminService(Service):
    """Check, upgrade and back up the database."""

    def check(self) -> DatabaseCheck:
        """Integrity and foreign-key checks (SQLite) and the schema version."""
        from workbench.store.integrity import check_integrity
        from workbench.store.migrate import schema_state

        state = schema_state(self.db.engine)
        report = check_integrity(self.db.engine)
        ok = report.integrity == "ok" and report.foreign_key_problems == 0 and state.known
        return DatabaseCheck(
            ok=ok,
            integrity=report.integrity,
            foreign_key_problems=report.foreign_key_problems,
            schema_version=state.current,
            head_version=state.head,
            dialect=report.dialect,
        )

    def upgrade(self) -> tuple[str | None, str, Path | None]:
        """Upgrade the schema to this version's head, after a backup of a SQLite file.

        Returns:
            (version before, version after, backup path or None).

        Raises:
            UserError: the database comes from a newer version, or holds tables but no workbench
                version (another program's); it is not touched.
        """
        from workbench.store.backup import backup_before_upgrade
        from workbench.store.migrate import schema_state, upgrade

        state = schema_state(self.db.engine)
        if not state.known:
            raise UserError(
                f"database schema version {state.current} is newer than this workbench "
                f"(which knows up to {state.head}); not touched",
                field="--db",
            )
        if state.current is None:
            from workbench.store.migrate import SchemaError
            from workbench.store.schema import refuse_foreign

            try:
                refuse_foreign(self.db.engine)
            except SchemaError as exc:
                raise UserError(str(exc), field="--db") from None
        if state.up_to_date:
            return state.current, state.head, None
        backup = None
        if state.current is not None and self.db.sqlite_path is not None:
            backup = backup_before_upgrade(self.db.engine, self.db.sqlite_path, state.current)
        upgrade(self.db.engine)
        return state.current, state.head, backup

    def backup(self, target: str | os.PathLike[str], *, force: bool = False) -> Path:
        """Write a consistent copy of the whole database to a SQLite file (mode 0600).

        SQLite is copied with the online backup API while others may write; a
        server database is copied table by table inside one repeatable-read snapshot.

        Args:
            target: the file to write.
            force: replace an existing file.

        Raises:
            UserError: the folder is missing, the target is a folder, the database itself (or one of
                its companion files, by any path, link or hard link), or exists without ``force``.
        """
        path = Path(target).expanduser()
        shown = repr(shorten(str(path), 120))
        try:
            return self._backup_to(path, shown, force=force)
        except OSError as exc:
            reason = exc.strerror or type(exc).__name__
            raise UserError(f"cannot write {shown}: {reason}", field="FILE") from None

    def _backup_to(self, path: Path, shown: str, *, force: bool) -> Path:
        if not path.parent.is_dir():
            raise UserError(f"the folder {shorten(str(path.parent), 120)!r} does not exist", field="FILE")
        if path.is_dir():
            raise UserError(f"{shown} is a folder, not a file", field="FILE")
        if self.db.sqlite_path is not None and _is_database_file(path, self.db.sqlite_path):
            raise UserError(
                f"{shown} is the database itself (or its journal); the backup cannot overwrite it", field="FILE"
            )
        if os.path.lexists(path):
            if not _is_regular_file(path):
                raise UserError(
                    f"{shown} is not a regular file (a device, a pipe or a socket); a backup is written only"
                    " to a regular file",
                    field="FILE",
                )
            if not force:
                raise UserError(f"{shown} exists; give --force to overwrite it", field="FILE")
        from workbench.store.backup import backup_database

        try:
            return backup_database(self.db.engine, path, overwrite=force)
        except FileExistsError:
            raise UserError(f"{shown} exists; give --force to overwrite it", field="FILE") from None


def _is_regular_file(path: Path) -> bool:
    """True when ``path`` (after its links) is a regular file; a dangling link counts as none."""
    import stat

    try:
        return stat.S_ISREG(os.stat(path).st_mode)
    except FileNotFoundError:
        return True  # a dangling link: replacing it writes a new regular file
    except OSError:
        return False


def _is_database_file(path: Path, database: Path) -> bool:
    """True when ``path`` is the database or one of its companion files, by whatever way it is named.

    Both sides are resolved (``..``, symbolic links) and, where the file exists, compared by device
    and inode, so a hard link is caught too.
    """
    candidate = path.resolve()
    for suffix in ("", "-wal", "-shm", "-journal"):
        live = Path(f"{database}{suffix}")
        if candidate == Path(f"{database.resolve()}{suffix}"):
            return True
        try:
            if path.exists() and live.exists() and os.path.samefile(path, live):
                return True
        except OSError:
            continue
    return False
