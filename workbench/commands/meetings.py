"""`workbench meetings list|show|add|cancel` (and `edit|delete|held|minuted` in commands/meeting_life.py)."""

from __future__ import annotations

import argparse
import re
from datetime import datetime
from typing import TYPE_CHECKING, Any
from zoneinfo import ZoneInfo

from workbench.commands.output import emit, iso_utc, print_table, say, to_json
from workbench.commands.values import whole_number
from workbench.domain.vocabulary import MEETING_KINDS, spoken

if TYPE_CHECKING:
    from workbench.domain.attendees import Attendee
    from workbench.services import Services
    from workbench.services.views.meetings import MeetingView


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    from workbench.cli import add_format_option, add_selection_option

    meet = sub.add_parser("meetings", help="schedule and list meetings with candidates")
    meet_sub = meet.add_subparsers(dest="action", metavar="ACTION", required=True)
    meet._workbench_actions = meet_sub  # type: ignore[attr-defined]  # commands/schedule.py adds `schedule`

    p = meet_sub.add_parser("list", help="list the meetings, earliest first")
    p.add_argument("--candidate", metavar="NAME", help="only this candidate's meetings")
    add_selection_option(p)
    add_format_option(p, ("table", "json"), "table")
    p.set_defaults(handler=meetings_list)

    p = meet_sub.add_parser("show", help="one meeting with its agenda")
    p.add_argument("meeting", metavar="MEETING", help="the meeting's number")
    add_format_option(p, ("table", "json"), "table")
    p.set_defaults(handler=meetings_show)

    p = meet_sub.add_parser("add", help="schedule a meeting; its agenda is the questions of its kind")
    p.add_argument("--candidate", metavar="NAME", required=True)
    p.add_argument("--kind", required=True, help=spoken(MEETING_KINDS))
    p.add_argument("--at", metavar="YYYY-MM-DDTHH:MM", required=True, help="the start, local to --tz (no offset)")
    p.add_argument("--tz", metavar="ZONE", required=True, help="the IANA time zone of --at, e.g. Europe/London")
    p.add_argument("--duration", metavar="MIN", type=whole_number, default=60, help="minutes, 1 to 1440 (default 60)")
    p.add_argument("--member", metavar="NAME", action="append", default=[], help="a panel member attending (repeat)")
    add_their_attendee_option(p)
    p.add_argument("--location", default="", help="a place or a link")
    p.add_argument(
        "--fold", choices=["earlier", "later"], help="which of the two times when --at happens twice (clocks go back)"
    )
    add_selection_option(p)
    p.set_defaults(handler=meetings_add)

    p = meet_sub.add_parser("cancel", help="cancel a meeting, or its whole series (scores and notes are kept)")
    p.add_argument("meeting", metavar="MEETING", help="the meeting's number")
    p.add_argument("--series", action="store_true", help="cancel every planned occurrence of the meeting's series")
    p.set_defaults(handler=meetings_cancel)


def add_their_attendee_option(parser: argparse.ArgumentParser) -> None:
    """``--their-attendee NAME [ROLE [E-MAIL]]``, repeated: one of the vendor's people each time."""
    parser.add_argument(
        "--their-attendee",
        metavar="NAME [ROLE [E-MAIL]]",
        nargs="+",
        action="append",
        default=[],
        help="a vendor attendee: a name, then optionally a role and an e-mail address (repeat)",
    )


def their_attendees(values: list[list[str]]) -> list[Attendee]:
    """The people of ``--their-attendee``; UserError when one is given more than three words."""
    from workbench.domain.attendees import Attendee
    from workbench.services.errors import UserError

    out = []
    for parts in values:
        if len(parts) > 3:
            raise UserError(
                "give NAME, then at most a ROLE and an E-MAIL (quote a name of several words)", field="--their-attendee"
            )
        out.append(Attendee(*parts))
    return out


def parse_local_datetime(value: str, *, field: str = "--at") -> datetime:
    """A local wall time as ISO 8601 without an offset; UserError naming ``field`` otherwise."""
    from workbench.services.errors import UserError

    text = (value or "").strip()
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}", text):
        raise UserError(f"{text!r} has no time of day; give YYYY-MM-DDTHH:MM", field=field)
    try:
        parsed = datetime.fromisoformat(text)
    except ValueError:
        raise UserError(f"{text!r} is not a date and time as YYYY-MM-DDTHH:MM", field=field) from None
    if parsed.tzinfo is not None:
        raise UserError(f"{text!r} has a UTC offset; give the wall time without one, it is local to --tz", field=field)
    return parsed


def meeting_json(view: MeetingView) -> dict[str, Any]:
    """A meeting as the JSON object that `meetings list` and `meetings show` print."""
    return {
        "id": view.id,
        "candidate": view.candidate,
        "kind": view.kind,
        "start": iso_utc(view.start_utc),
        "timezone": view.timezone,
        "duration_minutes": view.duration_minutes,
        "status": view.status,
        "location": view.location,
        "members": list(view.members),
        "agenda": [{"question_id": a.question_id, "criterion": a.criterion, "text": a.text} for a in view.agenda],
        "their_attendees": list(view.their_attendees),
    }


def _local(view: MeetingView) -> str:
    return view.start_utc.astimezone(ZoneInfo(view.timezone)).strftime("%Y-%m-%d %H:%M %Z")


def meetings_list(args: argparse.Namespace, services: Services) -> int:
    rows = services.meetings.list(selection=args.selection, candidate=args.candidate)
    if args.format == "json":
        emit(to_json([meeting_json(m) for m in rows]))
        return 0
    print_table(
        ["id", "start (local)", "start (UTC)", "candidate", "kind", "min", "status", "our attendees"],
        [
            [
                m.id,
                _local(m),
                iso_utc(m.start_utc),
                m.candidate,
                m.kind,
                m.duration_minutes,
                m.status,
                ", ".join(m.members),
            ]
            for m in rows
        ],
        title="Meetings",
    )
    return 0


def meetings_show(args: argparse.Namespace, services: Services) -> int:
    view = services.meetings.get(args.meeting)
    if args.format == "json":
        emit(to_json(meeting_json(view)))
        return 0
    print_table(
        ["field", "value"],
        [
            ["id", view.id],
            ["candidate", view.candidate],
            ["kind", view.kind],
            ["start (local)", _local(view)],
            ["start (UTC)", iso_utc(view.start_utc)],
            ["duration", f"{view.duration_minutes} min"],
            ["status", view.status],
            ["location", view.location],
            ["our attendees", ", ".join(view.members)],
            ["their attendees", "; ".join(p.label for p in view.their_people)],
        ],
        title=f"Meeting {view.id}",
    )
    print_table(
        ["#", "question", "criterion", "text"],
        [[a.position + 1, a.question_id, a.criterion, a.text] for a in view.agenda],
        title="Agenda",
    )
    return 0


def meetings_add(args: argparse.Namespace, services: Services) -> int:
    start = parse_local_datetime(args.at)
    view = services.meetings.add(
        candidate=args.candidate,
        kind=args.kind,
        start_local=start,
        timezone=args.tz,
        duration_minutes=args.duration,
        members=args.member,
        location=args.location,
        their_attendees=their_attendees(args.their_attendee),
        fold=args.fold,
        selection=args.selection,
    )
    say(
        f"created meeting {view.id}: {view.candidate}, {view.kind}, starts {iso_utc(view.start_utc)} "
        f"({_local(view)}), {len(view.agenda)} agenda questions"
    )
    return 0


def meetings_cancel(args: argparse.Namespace, services: Services) -> int:
    views = services.scheduling.cancel(args.meeting, series=args.series)
    for view in views:
        say(f"cancelled meeting {view.id}: {view.candidate}, {view.kind}, {iso_utc(view.start_utc)}")
    if not views:
        print("no planned occurrence left to cancel; the series is marked cancelled")
    return 0
