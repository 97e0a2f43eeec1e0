"""`workbench backup FILE` and `workbench db upgrade|check`."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING

from workbench.commands.output import say, to_json

if TYPE_CHECKING:
    from workbench.services import Services


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser("backup", help="write a consistent copy of the database (SQLite file, mode 0600)")
    p.add_argument("file", metavar="FILE")
    p.add_argument("--force", action="store_true", help="replace FILE when it exists")
    p.set_defaults(handler=backup)

    db = sub.add_parser("db", help="database schema and integrity")
    db_sub = db.add_subparsers(dest="action", metavar="ACTION", required=True)
    p = db_sub.add_parser("upgrade", help="upgrade the schema, after a backup beside the file")
    p.set_defaults(handler=db_upgrade, migrate=False)
    p = db_sub.add_parser("check", help="integrity and foreign-key checks, schema version")
    p.add_argument("--format", choices=["table", "json"], default="table")
    p.set_defaults(handler=db_check, migrate=False)


def backup(args: argparse.Namespace, services: Services) -> int:
    path = services.admin.backup(args.file, force=args.force)
    say(f"backup written to {path}")
    return 0


def db_upgrade(args: argparse.Namespace, services: Services) -> int:
    before, after, backup_path = services.admin.upgrade()
    if before == after:
        say(f"schema is up to date (version {after})")
        return 0
    if backup_path is not None:
        say(f"backup written to {backup_path}")
    say(f"schema upgraded from {before or 'empty'} to {after}")
    return 0


def db_check(args: argparse.Namespace, services: Services) -> int:
    result = services.admin.check()
    if args.format == "json":
        print(
            to_json(
                {
                    "ok": result.ok,
                    "integrity": result.integrity,
                    "foreign_key_problems": result.foreign_key_problems,
                    "schema_version": result.schema_version,
                    "head_version": result.head_version,
                    "dialect": result.dialect,
                    "up_to_date": result.schema_version == result.head_version,
                }
            )
        )
    else:
        say(f"database:      {services.display_url}")
        say(f"integrity:     {result.integrity}")
        orphans = result.foreign_key_problems
        say(f"foreign keys:  {'ok' if orphans == 0 else str(orphans) + ' orphan rows'}")
        hint = ""
        if result.schema_version != result.head_version:
            hint = " - run 'workbench db upgrade'" if result.ok else " - made by a newer workbench"
        say(f"schema:        {result.schema_version or 'empty'} (this workbench: {result.head_version}){hint}")
    return 0 if result.ok else 1
