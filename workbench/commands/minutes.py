"""`workbench minutes MEETING | --all -o DIR`: meeting minutes as Markdown or HTML."""

from __future__ import annotations

import argparse
import sys
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from workbench.services import Services
    from workbench.services.minutes import MinutesView

EXTENSIONS = {"md": ".md", "html": ".html"}


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    from workbench.cli import add_format_option, add_selection_option

    p = sub.add_parser("minutes", help="minutes of a meeting (or of every meeting) as Markdown or HTML")
    p.add_argument("meeting", metavar="MEETING", nargs="?", help="the meeting's number (or use --all)")
    p.add_argument("--all", action="store_true", help="every meeting of the selection, one file each in -o DIR")
    p.add_argument("--candidate", metavar="NAME", help="with --all: only this candidate's meetings")
    add_format_option(p, ("md", "html"), "md")
    p.add_argument(
        "-o",
        "--output",
        metavar="FILE_OR_DIR",
        help="write to FILE (mode 0600) instead of the screen; with --all, the folder to write into",
    )
    add_selection_option(p)
    p.set_defaults(handler=minutes)


def minutes_file_name(view: MinutesView, fmt: str) -> str:
    """``2027-03-15-northgate-managed-it-introduction-12.md``: date in our zone, then safe user text, then the id."""
    import re

    from workbench.files import safe_name

    slug = re.sub(r"[^a-z0-9]+", "-", f"{view.candidate_name}-{view.meeting.kind}".lower()).strip("-")
    stem = safe_name(f"{view.start_ours:%Y-%m-%d}-{slug}", fallback="meeting", max_length=80)
    return f"{stem}-{view.meeting.id}{EXTENSIONS[fmt]}"


def minutes(args: argparse.Namespace, services: Services) -> int:
    from workbench.services.errors import UserError

    if args.all and args.meeting is not None:
        raise UserError("give either MEETING or --all, not both", field="MEETING")
    if not args.all and args.meeting is None:
        raise UserError("give a meeting number, or --all -o DIR for every meeting", field="MEETING")
    if args.all:
        return _all(args, services)
    if args.candidate:
        raise UserError("--candidate goes with --all; a single MEETING needs no candidate", field="--candidate")
    from workbench.commands.output import emit
    from workbench.exports.minutes import render_minutes

    view = services.minutes.minutes(args.meeting)
    if (
        args.selection is not None
        and str(args.selection).strip()
        and services.selections.get(args.selection).id != view.selection_id
    ):
        raise UserError(f"meeting {view.meeting.id} is not in the selection {args.selection!r}", field="MEETING")
    emit(render_minutes(view, args.format), args.output)
    return 0


def _all(args: argparse.Namespace, services: Services) -> int:
    from pathlib import Path

    from workbench.exports.minutes import render_minutes
    from workbench.files import inside, write_private
    from workbench.services.errors import UserError

    if args.output in (None, "", "-"):
        raise UserError("--all writes one file per meeting: give the folder with -o DIR", field="-o")
    folder = Path(args.output).expanduser()
    if not folder.exists():
        raise UserError(f"the folder {args.output!r} does not exist", field="-o")
    if not folder.is_dir():
        raise UserError(f"{args.output!r} is not a folder", field="-o")
    views = services.minutes.all_for(selection=args.selection, candidate=args.candidate)
    documents = [(inside(folder, minutes_file_name(v, args.format)), render_minutes(v, args.format)) for v in views]
    for target, text in documents:
        write_private(target, text)
    noun = "file" if len(documents) == 1 else "files"
    print(f"wrote {len(documents)} minutes {noun} to {folder}", file=sys.stdout)
    return 0
