"""The command line: `workbench [--db PATH_OR_URL] COMMAND ...`; no command opens the terminal app."""

from __future__ import annotations

import argparse
import importlib
import os
import sys
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from workbench import __version__

if TYPE_CHECKING:
    from workbench.services import Services

EXIT_OK, EXIT_FAILURE, EXIT_USAGE = 0, 1, 2

# Each module under workbench/commands registers its subcommands with `register(subparsers)`.
COMMAND_MODULES = (
    "workbench.commands.selections",
    "workbench.commands.candidates",
    "workbench.commands.meetings",
    "workbench.commands.scoring",
    "workbench.commands.compare",
    "workbench.commands.schedule",
    "workbench.commands.meeting_life",
    "workbench.commands.calendar",
    "workbench.commands.minutes",
    "workbench.commands.admin",
    "workbench.commands.interview",
    "workbench.commands.actions",
)

Handler = Callable[[argparse.Namespace, "Services"], int | None]


class UsageError(Exception):
    """Wrong words on the command line."""


class Parser(argparse.ArgumentParser):
    """argparse that reports a usage mistake as one line and exit code 2."""

    def error(self, message: str) -> None:  # type: ignore[override]
        command = self.prog.removeprefix("workbench").strip()  # e.g. "meetings schedule"
        where = f"{command}: " if command else ""
        raise UsageError(f"workbench: {where}{message} (see '{self.prog} --help')")


def build_parser(*, commands: bool = True) -> Parser:
    """The argument parser; without ``commands`` only the options that open the terminal app (a faster start)."""
    parser = Parser(
        prog="workbench", description="Vendor Interview Workbench: choose an IT vendor by structured interviews."
    )
    parser.add_argument("--version", action="version", version=f"workbench {__version__}")
    parser.add_argument(
        "--db",
        metavar="PATH_OR_URL",
        help="SQLite file or database URL (default: $WORKBENCH_DB, else the user data folder)",
    )
    parser.add_argument("--as", dest="as_member", metavar="NAME", help="the panel member you are (terminal app)")
    if not commands:
        return parser
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=Parser)
    for name in COMMAND_MODULES:
        try:
            module = importlib.import_module(name)
        except ModuleNotFoundError as exc:
            if exc.name != name:
                raise
            continue
        module.register(sub)
    return parser


def add_selection_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--selection", metavar="NAME_OR_ID", help="which selection (may be left out when there is only one)"
    )


def add_format_option(parser: argparse.ArgumentParser, choices: Sequence[str], default: str) -> None:
    parser.add_argument("--format", choices=list(choices), default=default, help=f"output format (default {default})")


def _opens_app(args: list[str]) -> bool:
    """True when the words are only --db/--as options: the terminal app opens, no subcommand is needed."""
    rest = list(args)
    while rest:
        word = rest.pop(0)
        if word in ("--db", "--as") and rest:
            rest.pop(0)
        elif not (word.startswith(("--db=", "--as="))):
            return False
    return True


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line and return the exit code."""
    args_list = list(sys.argv[1:] if argv is None else argv)
    parser = build_parser(commands=not _opens_app(args_list))
    try:
        args = parser.parse_args(args_list)
    except UsageError as exc:
        from workbench.redact import scrub  # argparse quotes a misplaced word, which may be a URL

        _say(scrub(str(exc), _secrets(_db_words(args_list))))
        return EXIT_USAGE
    return run(args)


def _db_words(args: list[str]) -> list[str]:
    """Every word that may hold a database URL: the arguments themselves, and WORKBENCH_DB."""
    return [*args, os.environ.get("WORKBENCH_DB", "")]


def _secrets(values: Sequence[str | None]) -> set[str]:
    from workbench.redact import secret_values

    found: set[str] = set()
    for value in values:
        found |= secret_values((value or "").strip())
    return found


def run(args: argparse.Namespace) -> int:
    from workbench.config import resolve_database
    from workbench.db_url import DatabaseUrlError
    from workbench.redact import scrub
    from workbench.services.errors import UserError

    secrets = _secrets([args.db, os.environ.get("WORKBENCH_DB")])
    handler: Handler | None = getattr(args, "handler", None)
    url: str | None = None
    try:
        target = resolve_database(args.db)
        url = target.url
        if handler is None:  # no command, or a command that opens the terminal app on a screen (``start``)
            return _open_app(args, target)
        services = _open(target, migrate=getattr(args, "migrate", True))
        try:
            code = handler(args, services)
        finally:
            services.close()
        return EXIT_OK if code is None else code
    except DatabaseUrlError as exc:
        _say(scrub(f"workbench: --db: {exc}", secrets))
        return EXIT_USAGE
    except UserError as exc:
        _say(scrub(f"workbench: {exc}", secrets, shapes=False))  # its own words, no secret value
        return EXIT_USAGE
    except KeyboardInterrupt:
        print("workbench: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return EXIT_OK
    except Exception as exc:  # noqa: BLE001 - the last line of defence prints nothing secret
        failure = _connect_failure(exc, url) if url is not None else None
        if failure is not None:  # the connection went (or never came) while a command ran
            _say(scrub(f"workbench: --db: {failure}", secrets))
            return EXIT_USAGE
        return _unexpected(exc, secrets)


def _connect_failure(exc: BaseException, url: str) -> str | None:
    from workbench.store.connect_errors import describe_connect_failure

    return describe_connect_failure(exc, url)


def _open(target, *, migrate: bool = True) -> Services:  # type: ignore[no-untyped-def]
    from workbench.services import open_services
    from workbench.services.errors import UserError
    from workbench.store.migrate import SchemaError

    if target.path is not None and target.explicit and not target.path.parent.is_dir():
        raise UserError(f"the folder {str(target.path.parent)!r} does not exist", field="--db")
    try:
        return open_services(target, migrate=migrate)
    except SchemaError as exc:
        raise UserError(str(exc), field="--db") from None
    except OSError as exc:
        raise UserError(f"cannot open the database file: {exc.strerror}", field="--db") from None
    except Exception as exc:
        from sqlalchemy.exc import DatabaseError, OperationalError

        failure = _connect_failure(exc, target.url)
        if failure is not None:
            raise UserError(failure, field="--db") from None
        if isinstance(exc, (OperationalError, DatabaseError)):
            from workbench.config import display_database

            reason = type(getattr(exc, "orig", exc)).__name__
            raise UserError(f"cannot open the database {display_database(target)} ({reason})", field="--db") from None
        raise


def _open_app(args: argparse.Namespace, target) -> int:  # type: ignore[no-untyped-def]
    from screens.app import run_app

    start = getattr(args, "start", None)  # e.g. ("interview", "12"), set by workbench.commands.interview
    precheck: Handler | None = getattr(args, "precheck", None)
    if precheck is None:
        return run_app(target, as_member=args.as_member, open_services=lambda: _open(target), start=start) or EXIT_OK
    # A command that opens the app on a record checks its words first (exit 2 before any screen is shown),
    # and the app reuses the services opened for the check.
    services = _open(target)
    try:
        precheck(args, services)
    except BaseException:
        services.close()
        raise
    return run_app(target, as_member=args.as_member, open_services=lambda: services, start=start) or EXIT_OK


def _say(message: str) -> None:
    """A message to stderr on one line, user text in it shown as plain text (see workbench.domain.display)."""
    from workbench.domain.display import one_line

    print(one_line(message), file=sys.stderr)


def _unexpected(exc: BaseException, secrets: set[str]) -> int:
    if os.environ.get("WORKBENCH_DEBUG") == "1":
        import traceback

        from workbench.domain.display import several_lines
        from workbench.redact import scrub

        # The traceback's text, scrubbed: a driver's message may quote the URL or a "password=..." DSN.
        sys.stderr.write(several_lines(scrub("".join(traceback.format_exception(exc)), secrets)))
    kind = type(exc).__name__
    print(
        f"workbench: unexpected error ({kind}); nothing secret is shown here, set WORKBENCH_DEBUG=1 for the traceback",
        file=sys.stderr,
    )
    return EXIT_FAILURE


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
