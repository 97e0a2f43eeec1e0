"""`workbench calendar [-o FILE.ics] [--candidate NAME]`: meetings as iCalendar."""

from __future__ import annotations

import argparse
import sys
from typing import TYPE_CHECKING

from workbench.commands.output import say

if TYPE_CHECKING:
    from workbench.services import Services

# Escaping folds user text into its property, so this line starts only a real event.
_EVENT_START = b"\r\nBEGIN:VEVENT\r\n"


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add the `calendar` command.

    Args:
        sub: the command line's subparsers.
    """
    from workbench.cli import add_selection_option

    p = sub.add_parser("calendar", help="export the meetings as an iCalendar (.ics) file")
    p.add_argument("-o", "--output", metavar="FILE.ics", help="write this file (mode 0600) instead of printing")
    p.add_argument("--candidate", metavar="NAME", help="only this candidate's meetings")
    add_selection_option(p)
    p.set_defaults(handler=calendar_export)


def calendar_export(args: argparse.Namespace, services: Services) -> int:
    """Print the calendar, or write it atomically to ``-o`` and say how many meetings.

    Args:
        args: the parsed command line.
        services: the services.

    Returns:
        The exit code (0).
    """
    data = services.calendar.export(selection=args.selection, candidate=args.candidate)
    if args.output in (None, "-"):
        _write_stdout(data)
        return 0
    from workbench.files import write_private

    write_private(args.output, data)
    count = data.count(_EVENT_START)
    say(f"wrote {count} meeting(s) to {args.output}", err=True)
    return 0


def _write_stdout(data: bytes) -> None:
    """The calendar (CRLF kept, control characters shown as in domain.display) to stdout."""
    from workbench.domain.display import document

    data = document(data.decode("utf-8")).encode("utf-8")
    buffer = getattr(sys.stdout, "buffer", None)
    if buffer is None:
        sys.stdout.write(data.decode("utf-8"))
        return
    sys.stdout.flush()
    buffer.write(data)
    buffer.flush()
