"""`workbench candidates edit|remove`, the scope options of `add` and the coverage `show` prints.

Scope items are named by number, key or name (any case), several at once comma-separated: ``--covers
help-desk,network``. ``remove`` deletes a candidate that has no meetings at once; one with meetings only
with ``--with-meetings``, which is the confirmation (there is no question asked: the command runs in
scripts too). Either way it says what goes; ``--dry-run`` says it and deletes nothing.
"""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING, Any

from workbench.commands.output import say
from workbench.domain.vocabulary import CANDIDATE_STATUSES, spoken

if TYPE_CHECKING:
    from workbench.services import Services
    from workbench.services.views.candidates import CandidateView
    from workbench.services.views.kit import ScopeItemView

ITEMS = "ITEM[,ITEM...]"


def add_scope_options(p: argparse.ArgumentParser, *, edit: bool) -> None:
    """``--covers`` (and for ``edit`` ``--no-cover`` and ``--clear-covers``) on a parser."""
    p.add_argument(
        "--covers",
        action="append",
        default=[],
        metavar=ITEMS,
        help="scope items the candidate offers (number, key or name; repeat or separate with commas)",
    )
    if edit:
        p.add_argument("--no-cover", action="append", default=[], metavar=ITEMS, help="scope items it no longer offers")
        p.add_argument("--clear-covers", action="store_true", help="it offers no scope item (before --covers, if any)")


def register(cand_sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add `candidates edit` and `remove` to the `candidates` command."""
    from workbench.cli import add_selection_option

    p = cand_sub.add_parser("edit", help="change a candidate's fields (--name renames it) and the scope it offers")
    p.add_argument("name", metavar="NAME_OR_ID")
    p.add_argument("--name", dest="new_name", metavar="NEW_NAME", help="rename the candidate")
    p.add_argument("--website")
    p.add_argument("--timezone", help="the vendor's IANA time zone")
    p.add_argument("--support-hours", metavar="HH:MM-HH:MM", help="support hours in the vendor's zone ('' for none)")
    p.add_argument("--onsite", action=argparse.BooleanOptionalAction, help="on-site support offered, or not")
    p.add_argument("--status", help=spoken(CANDIDATE_STATUSES))
    p.add_argument("--baseline", action=argparse.BooleanOptionalAction, help="the in-house hire baseline, or not")
    p.add_argument("--notes")
    add_scope_options(p, edit=True)
    add_selection_option(p)
    p.set_defaults(handler=candidates_edit)

    p = cand_sub.add_parser(
        "remove", help="delete a candidate with its evidence; one with meetings only with --with-meetings"
    )
    p.add_argument("name", metavar="NAME_OR_ID")
    p.add_argument(
        "--with-meetings",
        action="store_true",
        help="delete its meetings, scores and notes too (this flag is the confirmation)",
    )
    p.add_argument("--dry-run", action="store_true", help="say what would go and delete nothing")
    add_selection_option(p)
    p.set_defaults(handler=candidates_remove)


def shown(text: str) -> str:
    """User text for a line of output: as written when it passes the text rule, else escaped (stored before it)."""
    from workbench.domain.display import one_line
    from workbench.domain.text import problem

    return one_line(text) if problem(text) is None else ascii(text)


def coverage(view: CandidateView, scope: list[ScopeItemView]) -> dict[str, Any]:
    """The candidate's coverage of the outsourced scope items: ``{"covered": 5, "of": 6, "missing": [...]}``."""
    out = [s for s in scope if s.decision == "outsource"]
    missing = [s.name for s in out if s.id not in view.scope_item_ids]
    return {"covered": len(out) - len(missing), "of": len(out), "missing": missing}


def coverage_line(view: CandidateView, scope: list[ScopeItemView]) -> str:
    """``covers 5 of 6 outsourced scope items (not: Printing)``."""
    cov = coverage(view, scope)
    if not cov["of"]:
        return "covers: no scope item is outsourced yet"
    missing = f" (not: {', '.join(shown(n) for n in cov['missing'])})" if cov["missing"] else ""
    return f"covers {cov['covered']} of {cov['of']} outsourced scope items{missing}"


def candidates_edit(args: argparse.Namespace, services: Services) -> int:
    """`candidates edit NAME [--name NEW] [--website ...] [--covers ...] [--no-cover ...]`: one unit of work."""
    names = {"new_name": "name", "website": "website", "timezone": "timezone", "support_hours": "support_hours"}
    names |= {"onsite": "onsite", "status": "status", "baseline": "baseline", "notes": "notes"}
    fields = {field: getattr(args, arg) for arg, field in names.items() if getattr(args, arg) is not None}
    view = services.candidates.edit(
        args.name,
        covers=args.covers,
        uncovers=args.no_cover,
        clear_covers=args.clear_covers,
        selection=args.selection,
        **fields,
    )
    say(f"changed candidate {view.id}: {shown(view.name)}")
    if args.covers or args.no_cover or args.clear_covers:
        say(coverage_line(view, services.selections.scope(args.selection)))
    return 0


def candidates_remove(args: argparse.Namespace, services: Services) -> int:
    """`candidates remove NAME [--with-meetings] [--dry-run]`: says what goes, refuses meetings without the flag."""
    from workbench.services.candidate_edits import what_goes

    if args.dry_run:
        snap = services.candidates.snapshot(args.name, selection=args.selection)
        flag = " (needs --with-meetings)" if snap.meetings and not args.with_meetings else ""
        c = snap.candidate
        say(f"would delete candidate {c.id}: {shown(c.name)} with {what_goes(snap)}{flag}")
        return 0
    snap = services.candidates.remove(args.name, with_meetings=args.with_meetings, selection=args.selection)
    say(f"deleted candidate {snap.candidate.id}: {shown(snap.candidate.name)} with {what_goes(snap)}")
    return 0
