"""`workbench actions list|done|reopen|drop`: the action items agreed in a selection's meetings."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING, Any

from workbench.commands.output import emit, to_json

if TYPE_CHECKING:
    from workbench.services import Services
    from workbench.services.views.actions import ActionView

COLUMNS = ("id", "state", "due", "owner", "candidate", "meeting", "written by", "action")
STATE_OF = {"done": "done", "reopen": "open", "drop": "dropped"}


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    from workbench.cli import add_format_option, add_selection_option

    group = sub.add_parser("actions", help="the action items of the meetings: list them, mark them done or dropped")
    act = group.add_subparsers(dest="actions_command", metavar="COMMAND", required=True)

    p = act.add_parser("list", help="every action, overdue first (then open, done, dropped; by due date)")
    p.add_argument("--open", dest="open_only", action="store_true", help="only the open ones")
    p.add_argument("--owner", metavar="NAME", help="only those this owner does (any case)")
    p.add_argument(
        "--as",
        dest="as_member",
        metavar="NAME",
        default=argparse.SUPPRESS,
        help="the panel member looking: their own actions, and the others' of the meetings whose notes they may "
        "see; without it, only the actions of meetings every expected member has submitted (as in the minutes)",
    )
    add_format_option(p, ("table", "json"), "table")
    add_selection_option(p)
    p.set_defaults(handler=list_actions)

    for name, says in (
        ("done", "mark an action done"),
        ("reopen", "open a done or dropped action again"),
        ("drop", "drop an action: it will not be done"),
    ):
        p = act.add_parser(name, help=f"{says} (the state before is kept in the note's history)")
        p.add_argument("action", metavar="ID", help="the action's number (see 'actions list')")
        p.add_argument("--member", metavar="NAME", required=True, help="the panel member making the change")
        p.set_defaults(handler=change_state, state=STATE_OF[name])


def action_record(a: ActionView) -> dict[str, Any]:
    """An action as one object of `actions list --format json`."""
    return {
        "id": a.id,
        "state": a.state,
        "overdue": a.overdue,
        "due": a.due,
        "owner": a.owner,
        "text": a.text,
        "candidate_id": a.candidate_id,
        "candidate": a.candidate,
        "meeting_id": a.meeting_id,
        "meeting_start": a.meeting_start,
        "written_by": a.member,
        "created_at": a.created_at,
    }


def _line(value: str) -> str:
    """User text on one line of the table (a note may hold line breaks)."""
    return " ".join(value.split())


def action_rows(actions: list[ActionView]) -> list[tuple[str, ...]]:
    """The table's rows: plain text, one line each."""
    return [
        (
            str(a.id),
            "OVERDUE" if a.overdue else a.state,
            a.due.isoformat() if a.due else "no date",
            _line(a.owner) or "unassigned",
            _line(a.candidate),
            str(a.meeting_id),
            _line(a.member),
            _line(a.text),
        )
        for a in actions
    ]


def list_actions(args: argparse.Namespace, services: Services) -> int:
    actions = services.actions.list(
        selection=args.selection,
        member=getattr(args, "as_member", None),
        open_only=args.open_only,
        owner=args.owner,
    )
    if args.format == "json":
        emit(to_json([action_record(a) for a in actions]))
        return 0
    if not actions:
        print("no open actions" if args.open_only else "no actions")
        return 0
    rows = action_rows(actions)
    widths = [max(len(c), *(len(r[i]) for r in rows)) for i, c in enumerate(COLUMNS)]
    for row in (COLUMNS, *rows):
        print("  ".join(cell.ljust(w) for cell, w in zip(row[:-1], widths, strict=False)) + "  " + row[-1])
    return 0


def change_state(args: argparse.Namespace, services: Services) -> int:
    view = services.actions.set_state(args.action, args.state, member=args.member)
    print(f"action {view.id} is {view.state}")
    return 0
