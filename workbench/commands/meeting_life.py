"""`workbench meetings edit|delete|held|minuted`: change, reschedule, delete a meeting; mark it held or minuted."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING

from workbench.commands.meetings import add_their_attendee_option, their_attendees
from workbench.commands.output import emit, iso_utc, print_table, to_json

if TYPE_CHECKING:
    from workbench.services import Services
    from workbench.services.views.meetings import MeetingView
    from workbench.services.views.schedule import ScheduleResult


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    from workbench.cli import add_format_option

    meet_sub: argparse._SubParsersAction[argparse.ArgumentParser] = sub.choices["meetings"]._workbench_actions  # type: ignore[attr-defined]
    p = meet_sub.add_parser(
        "edit", help="reschedule a meeting, change its attendees, length or location (its calendar sequence rises)"
    )
    p.add_argument("meeting", metavar="MEETING", help="the meeting's number")
    p.add_argument("--at", metavar="TEXT", help="the new start, e.g. '29 Mar 2027 10:00' (in --tz, else its zone)")
    p.add_argument("--tz", metavar="ZONE", help="the IANA zone --at is typed in; alone: the same wall time there")
    p.add_argument("--duration", metavar="MIN", type=int, help="minutes, 1 to 1440")
    p.add_argument(
        "--member", metavar="NAME", action="append", help="our attendees, replacing them (repeat; see --no-members)"
    )
    p.add_argument("--no-members", action="store_true", help="nobody from our side is named (the whole panel)")
    add_their_attendee_option(p)
    p.add_argument("--no-their-attendees", action="store_true", help="no vendor attendee is named")
    p.add_argument("--location", help="a place or a link ('' clears it)")
    p.add_argument("--fold", choices=["earlier", "later"], help="which of the two times when --at happens twice")
    p.add_argument(
        "--following", action="store_true", help="change the following planned occurrences of its series too"
    )
    add_format_option(p, ("table", "json"), "table")
    p.set_defaults(handler=meetings_edit, their_attendee=None)

    p = meet_sub.add_parser("delete", help="delete a planned meeting that has no scores, notes or scorecards")
    p.add_argument("meeting", metavar="MEETING", help="the meeting's number")
    p.set_defaults(handler=meetings_delete)

    p = meet_sub.add_parser("held", help="mark a meeting held (a score or note after its start does it too)")
    p.add_argument("meeting", metavar="MEETING", help="the meeting's number")
    p.set_defaults(handler=meetings_held)

    p = meet_sub.add_parser("minuted", help="mark a held meeting minuted (its minutes are agreed and sent)")
    p.add_argument("meeting", metavar="MEETING", help="the meeting's number")
    p.set_defaults(handler=meetings_minuted)


def meetings_edit(args: argparse.Namespace, services: Services) -> int:
    from workbench.services.errors import UserError

    if args.no_members and args.member:
        raise UserError("give either --member or --no-members", field="--member")
    if args.no_their_attendees and args.their_attendee:
        raise UserError("give either --their-attendee or --no-their-attendees", field="--their-attendee")
    members = [] if args.no_members else args.member
    theirs = [] if args.no_their_attendees else (their_attendees(args.their_attendee) if args.their_attendee else None)
    result = services.meeting_life.edit(
        args.meeting,
        at=args.at,
        tz=args.tz,
        duration=args.duration,
        members=members,
        their_attendees=theirs,
        location=args.location,
        fold=args.fold,
        following=args.following,
    )
    return _print_changed(result, args.format)


def _print_changed(result: ScheduleResult, fmt: str) -> int:
    if fmt == "json":
        emit(
            to_json(
                {
                    "notes": list(result.notes),
                    "meetings": [
                        {
                            "id": s.meeting.id,
                            "start": iso_utc(s.meeting.start_utc),
                            "timezone": s.meeting.timezone,
                            "duration_minutes": s.meeting.duration_minutes,
                            "sequence": s.meeting.sequence,
                            "location": s.meeting.location,
                            "members": list(s.meeting.members),
                            "their_attendees": [
                                {"name": p.name, "role": p.role, "email": p.email} for p in s.meeting.their_people
                            ],
                            "ours": s.ours.isoformat(),
                            "theirs": s.theirs.isoformat(),
                            "warnings": list(s.warnings),
                        }
                        for s in result.meetings
                    ],
                }
            )
        )
        return 0
    for note in result.notes:
        print(f"note: {note}")
    rows = [
        [
            s.meeting.id,
            iso_utc(s.meeting.start_utc),
            f"{s.ours:%a %d %b %Y %H:%M} {s.ours.tzinfo}",
            f"{s.theirs:%a %d %b %Y %H:%M} {s.theirs.tzinfo}",
            s.meeting.duration_minutes,
            ", ".join(s.meeting.members) or "-",
            "; ".join(p.label for p in s.meeting.their_people) or "-",
            "; ".join(s.warnings) or "-",
        ]
        for s in result.meetings
    ]
    print_table(
        ["id", "UTC start", "our time", "vendor's time", "min", "our attendees", "their attendees", "warnings"],
        rows,
        title=f"Changed {len(rows)} meeting(s)",
    )
    return 0


def _said(view: MeetingView) -> str:
    return f"{view.candidate}, {view.kind}, {iso_utc(view.start_utc)}"


def meetings_delete(args: argparse.Namespace, services: Services) -> int:
    mid, candidate, kind = services.meeting_life.delete(args.meeting)
    print(f"deleted meeting {mid}: {candidate}, {kind}")
    return 0


def meetings_held(args: argparse.Namespace, services: Services) -> int:
    before = services.meetings.get(args.meeting).status
    view = services.meeting_life.held(args.meeting)
    print(
        f"meeting {view.id} was {view.status} already: {_said(view)}"
        if before != "planned"
        else f"held meeting {view.id}: {_said(view)}"
    )
    return 0


def meetings_minuted(args: argparse.Namespace, services: Services) -> int:
    before = services.meetings.get(args.meeting).status
    view = services.meeting_life.minuted(args.meeting)
    already = before == "minuted"
    print(
        f"meeting {view.id} was minuted already: {_said(view)}"
        if already
        else f"minuted meeting {view.id}: {_said(view)}"
    )
    return 0
