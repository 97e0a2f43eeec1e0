"""Database housekeeping: integrity check, schema upgrade and consistent backups."""

from __future__ import annotations

import os
from pathlib import Path

from workbench.services.base import Service
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
            UserError: the database comes from a newer version (it is not touched).
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
        if state.up_to_date:
            return state.current, state.head, None
        backup = None
        if state.current is not None and self.db.sqlite_path is not None:
            backup = backup_before_upgrade(self.db.engine, self.db.sqlite_path, state.current)
        upgrade(self.db.engine)
        return state.current, state.head, backup

    def backup(self, target: str | os.PathLike[str]) -> Path:
        """Write a consistent copy of the whole database to a SQLite file (mode 0600).

        SQLite is copied with the online backup API while others may write; a
        server database is copied table by table inside one repeatable-read snapshot.
        """
        path = Path(target).expanduser()
        if not path.parent.is_dir():
            raise UserError(f"the folder {str(path.parent)!r} does not exist", field="FILE")
        if path.is_dir():
            raise UserError(f"{str(path)!r} is a folder, not a file", field="FILE")
        if self.db.sqlite_path is not None and path.absolute() == self.db.sqlite_path.absolute():
            raise UserError("the backup cannot overwrite the database itself", field="FILE")
        from workbench.store.backup import backup_database

        return backup_database(self.db.engine, path)
