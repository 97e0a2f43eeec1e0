"""`workbench score`, `submit`, `note` and `export scores`."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING, Any

from workbench.commands.output import emit, say, to_csv, to_json
from workbench.domain.vocabulary import NOTE_KINDS, spoken

if TYPE_CHECKING:
    from workbench.services import Services

SCORE_COLUMNS = (
    "meeting_id",
    "candidate_id",
    "candidate",
    "question_id",
    "criterion_id",
    "criterion",
    "member",
    "value",
    "comment",
    "submitted",
    "state",
    "updated_at",
)


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    from workbench.cli import add_format_option, add_selection_option

    p = sub.add_parser("score", help="score one agenda question of a meeting, 1 to 5 or na")
    p.add_argument("meeting", metavar="MEETING", help="the meeting's number")
    p.add_argument("question", metavar="QUESTION", help="the question's number (see 'meetings show')")
    p.add_argument("value", metavar="VALUE", help="1 to 5, or na for not applicable")
    p.add_argument("--member", metavar="NAME", required=True, help="the panel member scoring")
    p.add_argument("--comment", help="a comment (left out: the stored comment is kept)")
    p.set_defaults(handler=score)

    p = sub.add_parser("submit", help="submit your scorecard for a meeting; scores become final")
    p.add_argument("meeting", metavar="MEETING", help="the meeting's number")
    p.add_argument("--member", metavar="NAME", required=True)
    p.add_argument("--empty", action="store_true", help="submit it even with no question scored (the minutes say so)")
    p.set_defaults(handler=submit)

    p = sub.add_parser("note", help="add a note, decision, action, concern or knowledge gap to a meeting")
    p.add_argument("meeting", metavar="MEETING", help="the meeting's number")
    p.add_argument("--member", metavar="NAME", required=True, help="who writes it")
    p.add_argument("--kind", required=True, help=spoken(NOTE_KINDS))
    p.add_argument("--text", required=True)
    p.add_argument("--owner", default="", help="who does it (actions only)")
    p.add_argument("--due", metavar="YYYY-MM-DD", help="when it is due (actions only)")
    p.add_argument("--question", metavar="QUESTION", help="the agenda question it is about")
    p.set_defaults(handler=note)

    p = export_group(sub).add_parser(
        "scores", help="the scores of submitted scorecards (or one member's view, or every draft), as CSV or JSON"
    )
    add_format_option(p, ("csv", "json"), "csv")
    p.add_argument("-o", "--output", metavar="FILE", help="write to FILE (mode 0600) instead of the screen")
    p.add_argument(
        "--as",
        dest="as_member",
        metavar="NAME",
        default=argparse.SUPPRESS,
        help="what this panel member may see: their own drafts, and the others' scores of the meetings "
        "they have submitted (or do not attend)",
    )
    p.add_argument(
        "--include-drafts",
        action="store_true",
        help="the whole team's draft scores too (the column 'state' says draft or submitted)",
    )
    p.add_argument(
        "--submitted-only",
        action="store_true",
        help="only the scores of submitted scorecards (the default without --as)",
    )
    add_selection_option(p)
    p.set_defaults(handler=export_scores)


def export_group(
    sub: argparse._SubParsersAction[argparse.ArgumentParser],
) -> argparse._SubParsersAction[argparse.ArgumentParser]:
    """The subcommands of `workbench export`, created on first use so other modules can add to it."""
    parser = sub.choices.get("export")
    if parser is None:
        parser = sub.add_parser("export", help="export tables to CSV or JSON")
        parser._workbench_export = parser.add_subparsers(  # type: ignore[attr-defined]  # kept on the parser
            dest="what", metavar="WHAT", required=True
        )
    export: argparse._SubParsersAction[argparse.ArgumentParser] = parser._workbench_export  # type: ignore[attr-defined]
    return export


def parse_value(text: str) -> int | None:
    """A VALUE argument: 1..5, or na/NA for not applicable; UserError naming VALUE otherwise."""
    from workbench.services.errors import UserError

    cleaned = (text or "").strip()
    if cleaned.lower() in ("na", "n/a"):
        return None
    if cleaned in ("1", "2", "3", "4", "5"):
        return int(cleaned)
    raise UserError(f"{text!r} is not a score: give 1 to 5, or na for not applicable", field="VALUE")


def score(args: argparse.Namespace, services: Services) -> int:
    value = parse_value(args.value)
    view = services.scoring.score(args.meeting, args.question, value, member=args.member, comment=args.comment)
    shown = "N/A" if view.value is None else str(view.value)
    say(f"saved: meeting {view.meeting_id}, question {view.question_id} ({view.criterion}), {view.member}: {shown}")
    return 0


def submit(args: argparse.Namespace, services: Services) -> int:
    card = services.scoring.submit(args.meeting, member=args.member, empty=args.empty)
    empty = " (submitted empty)" if not card.scores else ""
    say(f"submitted: meeting {card.meeting_id}, {card.member}, {len(card.scores)} score(s){empty}")
    return 0


def note(args: argparse.Namespace, services: Services) -> int:
    view = services.notes.add(
        args.meeting,
        member=args.member,
        kind=args.kind,
        text=args.text,
        owner=args.owner,
        due=args.due,
        question_id=args.question,
    )
    say(f"added {view.kind} {view.id} to meeting {view.meeting_id}")
    return 0


def score_record(view: Any) -> dict[str, Any]:
    """A score as one row of `export scores`."""
    return {
        "meeting_id": view.meeting_id,
        "candidate_id": view.candidate_id,
        "candidate": view.candidate,
        "question_id": view.question_id,
        "criterion_id": view.criterion_id,
        "criterion": view.criterion,
        "member": view.member,
        "value": view.value,
        "comment": view.comment,
        "submitted": view.submitted,
        "state": "submitted" if view.submitted else "draft",
        "updated_at": view.updated_at,
    }


def export_scores(args: argparse.Namespace, services: Services) -> int:
    """Submitted scorecards only, unless --as NAME (that member's view) or --include-drafts (everyone's drafts)."""
    from workbench.services.errors import NotFound, UserError

    member = getattr(args, "as_member", None)
    if args.include_drafts and member is not None:
        raise UserError("give --as NAME (one member's view) or --include-drafts (everyone's), not both", field="--as")
    if args.include_drafts and args.submitted_only:
        raise UserError("--include-drafts and --submitted-only contradict each other", field="--include-drafts")
    if member is not None:
        try:
            member = services.members.get(member, selection=args.selection).name
        except NotFound:
            raise UserError(f"{member!r} is not a panel member of the selection", field="--as") from None
    submitted_only = args.submitted_only or (member is None and not args.include_drafts)
    found = services.scoring.scores(selection=args.selection, submitted_only=submitted_only, member=member)
    rows = [score_record(s) for s in found]
    if args.format == "json":
        text = to_json(rows)
    else:
        text = to_csv(SCORE_COLUMNS, [[r[c] for c in SCORE_COLUMNS] for r in rows])
    emit(text, args.output)
    if args.output not in (None, "-"):
        say(f"wrote {len(rows)} score(s) to {args.output}")
    return 0
