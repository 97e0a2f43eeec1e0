"""`workbench selections ...`, `workbench members ...` and `workbench demo`."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING

from workbench.commands.output import emit, print_table, say, to_csv, to_json

if TYPE_CHECKING:
    from workbench.services import Services


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    from workbench.cli import add_format_option, add_selection_option

    sel = sub.add_parser("selections", help="list or create selections")
    sel_sub = sel.add_subparsers(dest="action", metavar="ACTION", required=True)
    p = sel_sub.add_parser("list", help="list the selections")
    add_format_option(p, ("table", "json", "csv"), "table")
    p.set_defaults(handler=selections_list)
    p = sel_sub.add_parser("new", help="create a selection from a template")
    p.add_argument("name")
    p.add_argument("--template", default="it-outsourcing", help="rubric template (default it-outsourcing)")
    p.add_argument("--timezone", default="Europe/London", help="our IANA time zone (default Europe/London)")
    p.set_defaults(handler=selections_new)
    p = sel_sub.add_parser("edit", help="change a selection's name, time zone, business hours or working days")
    p.add_argument("selection", metavar="NAME_OR_ID")
    p.add_argument("--name", help="a new name")
    p.add_argument("--timezone", metavar="ZONE", help="our IANA time zone, e.g. America/New_York")
    p.add_argument("--hours", metavar="HH:MM-HH:MM", help="our business hours (an end before the start runs overnight)")
    p.add_argument("--days", metavar="DAYS", help="our working days: mon-fri, sun-thu or mon,tue,...")
    p.set_defaults(handler=selections_edit)

    mem = sub.add_parser("members", help="the selection's panel")
    mem_sub = mem.add_subparsers(dest="action", metavar="ACTION", required=True)
    p = mem_sub.add_parser("list", help="list the panel members")
    add_selection_option(p)
    add_format_option(p, ("table", "json", "csv"), "table")
    p.set_defaults(handler=members_list)
    p = mem_sub.add_parser("add", help="add a panel member")
    p.add_argument("name")
    p.add_argument("--role", default="")
    p.add_argument("--email", default="", help="an e-mail address for invitations (optional)")
    add_selection_option(p)
    p.set_defaults(handler=members_add)
    p = mem_sub.add_parser("edit", help="change a member's role or e-mail address (an empty value clears it)")
    p.add_argument("name", metavar="NAME")
    p.add_argument("--role", help="the new role")
    p.add_argument("--email", help="the new e-mail address ('' removes it)")
    add_selection_option(p)
    p.set_defaults(handler=members_edit)
    p = mem_sub.add_parser("rename", help="rename a member: their scores, notes and meetings follow")
    p.add_argument("old", metavar="OLD")
    p.add_argument("new", metavar="NEW")
    add_selection_option(p)
    p.set_defaults(handler=members_rename)
    p = mem_sub.add_parser(
        "retire", help="retire a member: kept in history and past meetings, left out of new meetings"
    )
    p.add_argument("name", metavar="NAME")
    add_selection_option(p)
    p.set_defaults(handler=members_retire)
    p = mem_sub.add_parser("restore", help="put a retired member back on the panel")
    p.add_argument("name", metavar="NAME")
    add_selection_option(p)
    p.set_defaults(handler=members_restore)
    p = mem_sub.add_parser(
        "remove", help="delete a member with no scores, scorecards, notes or meetings (else: retire them)"
    )
    p.add_argument("name", metavar="NAME")
    add_selection_option(p)
    p.set_defaults(handler=members_remove)

    p = sub.add_parser("demo", help="create the sample selection (again: changes nothing)")
    p.set_defaults(handler=demo)


def selections_list(args: argparse.Namespace, services: Services) -> int:
    rows = services.selections.list()
    if args.format == "json":
        emit(
            to_json(
                [
                    {"id": s.id, "name": s.name, "timezone": s.timezone, "rubric": s.rubric, "created_at": s.created_at}
                    for s in rows
                ]
            )
        )
    elif args.format == "csv":
        emit(to_csv(["id", "name", "timezone", "rubric"], [[s.id, s.name, s.timezone, s.rubric] for s in rows]))
    else:
        print_table(
            ["id", "name", "time zone", "rubric"],
            [[s.id, s.name, s.timezone, s.rubric] for s in rows],
            title="Selections",
        )
    return 0


def selections_new(args: argparse.Namespace, services: Services) -> int:
    view = services.selections.create(args.name, template=args.template or None, timezone=args.timezone)
    say(f"created selection {view.id}: {view.name}")
    return 0


def selections_edit(args: argparse.Namespace, services: Services) -> int:
    from workbench.domain.workdays import days_label

    view = services.selection_settings.edit(
        args.selection, name=args.name, timezone=args.timezone, hours=args.hours, days=args.days
    )
    print(
        f"selection {view.id}: {view.name} · {view.timezone} · {view.business_hours} {days_label(view.business_days)}"
    )
    return 0


def members_list(args: argparse.Namespace, services: Services) -> int:
    rows = services.members.list(args.selection, include_retired=True)
    if args.format == "json":
        emit(
            to_json(
                [{"id": m.id, "name": m.name, "role": m.role, "email": m.email, "retired": m.retired} for m in rows]
            )
        )
    elif args.format == "csv":
        emit(
            to_csv(
                ["id", "name", "role", "email", "retired"],
                [[m.id, m.name, m.role, m.email, "yes" if m.retired else "no"] for m in rows],
            )
        )
    else:
        print_table(
            ["id", "name", "role", "e-mail", "state"],
            [[m.id, m.name, m.role, m.email, "retired" if m.retired else "on the panel"] for m in rows],
            title="Panel",
        )
    return 0


def members_add(args: argparse.Namespace, services: Services) -> int:
    view = services.members.add(args.name, selection=args.selection, role=args.role, email=args.email)
    say(f"added panel member {view.id}: {view.name}")
    return 0


def members_edit(args: argparse.Namespace, services: Services) -> int:
    from workbench.services.errors import UserError

    if args.role is None and args.email is None:
        raise UserError("nothing to change: give --role or --email (to rename: 'members rename')", field="--email")
    view = services.members.edit(args.name, role=args.role, email=args.email, selection=args.selection)
    say(f"changed panel member {view.id}: {view.name}")
    return 0


def members_rename(args: argparse.Namespace, services: Services) -> int:
    old = services.members.get(args.old, selection=args.selection).name
    view = services.members.rename(args.old, args.new, selection=args.selection)
    say(f"renamed panel member {view.id}: {old} is now {view.name}")
    return 0


def members_retire(args: argparse.Namespace, services: Services) -> int:
    view = services.members.retire(args.name, selection=args.selection)
    say(f"retired panel member {view.id}: {view.name} (kept in past meetings, left out of new ones)")
    return 0


def members_restore(args: argparse.Namespace, services: Services) -> int:
    view = services.members.restore(args.name, selection=args.selection)
    say(f"restored panel member {view.id}: {view.name}")
    return 0


def members_remove(args: argparse.Namespace, services: Services) -> int:
    view = services.members.remove(args.name, selection=args.selection)
    say(f"removed panel member {view.id}: {view.name}")
    return 0


def demo(args: argparse.Namespace, services: Services) -> int:
    view, created = services.demo.create_sample()
    say(f"{'created' if created else 'already present'}: selection {view.id}: {view.name}")
    return 0
