"""`workbench candidates ...`: list, export, import, add and move candidates (show, edit, remove: candidate_edit)."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING, Any

from workbench.commands.output import emit, print_table, say, to_csv, to_json
from workbench.domain.vocabulary import CANDIDATE_STATUSES, spoken

if TYPE_CHECKING:
    from workbench.services import Services
    from workbench.services.views.candidates import CandidateView

# The columns of `candidates export --format csv`, the same as `candidates import` reads.
EXPORT_COLUMNS = ("name", "website", "timezone", "support_hours", "onsite", "status", "notes")


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add the `candidates` command and its actions to the parser."""
    from workbench.cli import add_format_option, add_selection_option
    from workbench.commands.candidate_edit import add_scope_options
    from workbench.commands.candidate_edit import register as register_edits

    cand = sub.add_parser("candidates", help="the vendors (and the in-house baseline) of a selection")
    cand_sub = cand.add_subparsers(dest="action", metavar="ACTION", required=True)

    p = cand_sub.add_parser("list", help="list the candidates")
    p.add_argument("--status", help="only candidates of this status")
    add_format_option(p, ("table", "json", "csv"), "table")
    add_selection_option(p)
    p.set_defaults(handler=candidates_list)

    p = cand_sub.add_parser("export", help="write the candidates as CSV (importable again) or JSON")
    add_format_option(p, ("csv", "json"), "csv")
    p.add_argument("-o", "--output", metavar="FILE", help="write to FILE (default: standard output)")
    add_selection_option(p)
    p.set_defaults(handler=candidates_export)

    p = cand_sub.add_parser("import", help="import candidates from a CSV file (all or nothing)")
    p.add_argument("file", metavar="FILE.csv")
    p.add_argument("--update", action="store_true", help="update candidates whose name exists already")
    add_selection_option(p)
    p.set_defaults(handler=candidates_import)

    p = cand_sub.add_parser("add", help="add a candidate")
    p.add_argument("name")
    p.add_argument("--website", default="")
    p.add_argument("--timezone", default="UTC", help="the vendor's IANA time zone (default UTC)")
    p.add_argument("--support-hours", default="", metavar="HH:MM-HH:MM", help="support hours in the vendor's zone")
    p.add_argument(
        "--working-days", default="mon-fri", metavar="DAYS", help="days its support hours start on (default mon-fri)"
    )
    p.add_argument("--onsite", action="store_true", help="the vendor offers on-site support")
    p.add_argument("--status", default="long-list")
    p.add_argument("--baseline", action="store_true", help="this is the in-house hire baseline")
    p.add_argument("--notes", default="")
    add_scope_options(p, edit=False)
    add_selection_option(p)
    p.set_defaults(handler=candidates_add)

    p = cand_sub.add_parser("status", help="move a candidate to another status")
    p.add_argument("name", metavar="NAME_OR_ID")
    p.add_argument("status", metavar="STATUS", help=spoken(CANDIDATE_STATUSES))
    add_selection_option(p)
    p.set_defaults(handler=candidates_status)

    p = cand_sub.add_parser("show", help="one candidate: every field and the scope items it offers")
    p.add_argument("name", metavar="NAME_OR_ID")
    add_format_option(p, ("table", "json"), "table")
    add_selection_option(p)
    p.set_defaults(handler=candidates_show)

    register_edits(cand_sub)


def candidate_item(view: CandidateView) -> dict[str, Any]:
    """A candidate as a JSON object."""
    return {
        "id": view.id,
        "name": view.name,
        "baseline": view.baseline,
        "status": view.status,
        "timezone": view.timezone,
        "website": view.website,
        "support_hours": view.support_hours,
        "onsite": view.onsite,
        "notes": view.notes,
    }


def candidates_list(args: argparse.Namespace, services: Services) -> int:
    """`candidates list`: a table, JSON or CSV."""
    rows = services.candidates.list(selection=args.selection, status=args.status)
    if args.format == "json":
        emit(to_json([candidate_item(c) for c in rows]))
    elif args.format == "csv":
        columns = ["id", "name", "baseline", "status", "timezone", "website", "support_hours", "onsite", "notes"]
        emit(to_csv(columns, [[candidate_item(c)[k] for k in columns] for c in rows]))
    else:
        print_table(
            ["id", "name", "status", "time zone", "support hours", "on site", "website"],
            [
                [
                    c.id,
                    c.name + (" (baseline)" if c.baseline else ""),
                    c.status,
                    c.timezone,
                    c.support_hours,
                    "yes" if c.onsite else "no",
                    c.website,
                ]
                for c in rows
            ],
            title="Candidates",
        )
    return 0


def candidates_show(args: argparse.Namespace, services: Services) -> int:
    """`candidates show NAME`: the fields, the scope items offered, the coverage."""
    from workbench.commands.candidate_edit import coverage, coverage_line

    view = services.candidates.get(args.name, selection=args.selection)
    scope = services.selections.scope(args.selection)
    offered = [s for s in scope if s.id in view.scope_item_ids]
    if args.format == "json":
        item = candidate_item(view)
        item["covers"] = [{"id": s.id, "key": s.key, "name": s.name, "decision": s.decision} for s in offered]
        item["scope_coverage"] = coverage(view, scope)
        emit(to_json(item))
        return 0
    rows = [[k, "yes" if v is True else "no" if v is False else v] for k, v in candidate_item(view).items()]
    rows.append(["covers", ", ".join(f"{s.name} ({s.decision})" for s in offered) or "nothing recorded"])
    print_table(["field", "value"], rows, title=f"Candidate {view.id}")
    say(coverage_line(view, scope))
    return 0


def candidates_export(args: argparse.Namespace, services: Services) -> int:
    """`candidates export`: CSV in the import's columns, or JSON; to stdout or -o FILE."""
    rows = services.candidates.list(selection=args.selection)
    if args.format == "json":
        text = to_json([candidate_item(c) for c in rows])
    else:
        text = to_csv(EXPORT_COLUMNS, [[getattr(c, k) for k in EXPORT_COLUMNS] for c in rows])
    emit(text, args.output)
    if args.output not in (None, "-"):
        say(f"wrote {len(rows)} candidate(s) to {args.output}", err=True)
    return 0


def candidates_import(args: argparse.Namespace, services: Services) -> int:
    """`candidates import FILE`: every problem as FILE:LINE: message and exit 2, or a count."""
    from workbench.services.errors import ImportRejected

    try:
        result = services.candidates.import_csv(args.file, update=args.update, selection=args.selection)
    except ImportRejected as exc:
        for line, message in exc.problems:
            say(f"{args.file}:{line}: {message}", err=True)
        return 2
    say(f"imported {result.created} new, updated {result.updated}")
    return 0


def candidates_add(args: argparse.Namespace, services: Services) -> int:
    """`candidates add NAME ...`."""
    view = services.candidates.add_with_scope(
        args.name,
        covers=args.covers,
        website=args.website,
        timezone=args.timezone,
        support_hours=args.support_hours,
        working_days=args.working_days,
        onsite=args.onsite,
        status=args.status,
        baseline=args.baseline,
        notes=args.notes,
        selection=args.selection,
    )
    say(f"added candidate {view.id}: {view.name}")
    return 0


def candidates_status(args: argparse.Namespace, services: Services) -> int:
    """`candidates status NAME STATUS`."""
    view = services.candidates.set_status(args.name, args.status, selection=args.selection)
    say(f"{view.name} is now {view.status}")
    return 0
