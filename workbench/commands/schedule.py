"""`workbench meetings schedule` (typed times, series, warnings) and `workbench timezones fit`."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING

from workbench.commands.output import emit, iso_utc, print_table, say, to_json
from workbench.commands.values import whole_number
from workbench.domain.vocabulary import MEETING_KINDS, spoken

if TYPE_CHECKING:
    from workbench.services import Services


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    from workbench.cli import add_format_option, add_selection_option

    meet_sub: argparse._SubParsersAction[argparse.ArgumentParser] = sub.choices["meetings"]._workbench_actions  # type: ignore[attr-defined]
    p = meet_sub.add_parser("schedule", help="schedule a meeting or a series from a typed time, with warnings")
    p.add_argument("--candidate", metavar="NAME", required=True)
    p.add_argument("--kind", required=True, help=spoken(MEETING_KINDS))
    p.add_argument(
        "--at",
        metavar="TEXT",
        required=True,
        help="e.g. '2027-03-22 10:00', '22 Mar 2027 10am', 'tomorrow 9:30', 'next tuesday 15:00', 'in 2 weeks 14:00'",
    )
    p.add_argument("--tz", metavar="ZONE", required=True, help="the IANA zone --at is typed in (the organiser's)")
    p.add_argument("--duration", metavar="MIN", type=whole_number, default=60, help="minutes (default 60)")
    p.add_argument("--every", metavar="'N days|weeks|months'", help="make a series")
    group = p.add_mutually_exclusive_group()
    group.add_argument("--count", metavar="N", type=whole_number, help="how many occurrences")
    group.add_argument("--until", metavar="DATE", help="the last day of the series (in --tz)")
    p.add_argument("--member", metavar="NAME", action="append", default=[], help="a panel member attending (repeat)")
    p.add_argument("--location", default="", help="a place or a link")
    p.add_argument("--fold", choices=["earlier", "later"], help="which of the two times when --at happens twice")
    add_format_option(p, ("table", "json"), "table")
    add_selection_option(p)
    p.set_defaults(handler=schedule)

    p = meet_sub.add_parser("series", help="list the meeting series")
    add_format_option(p, ("table", "json"), "table")
    add_selection_option(p)
    p.set_defaults(handler=series_list)

    p = meet_sub.add_parser("extend", help="add occurrences to a series")
    p.add_argument("series", metavar="SERIES", help="the series' number (see 'meetings series')")
    group = p.add_mutually_exclusive_group(required=True)
    group.add_argument("--count", metavar="N", type=whole_number, help="occurrences in all")
    group.add_argument("--until", metavar="DATE", help="the new last day (in the series' zone)")
    p.add_argument("--fold", choices=["earlier", "later"], help="for an occurrence whose time happens twice")
    add_format_option(p, ("table", "json"), "table")
    p.set_defaults(handler=extend)

    tz = sub.add_parser("timezones", help="time-zone fit of the candidates")
    tz_sub = tz.add_subparsers(dest="action", metavar="ACTION", required=True)
    p = tz_sub.add_parser("fit", help="weekly hours our business hours overlap each vendor's support hours (12 months)")
    add_format_option(p, ("table", "json"), "table")
    add_selection_option(p)
    p.set_defaults(handler=fit)


def schedule(args: argparse.Namespace, services: Services) -> int:
    result = services.scheduling.schedule(
        candidate=args.candidate,
        kind=args.kind,
        at=args.at,
        tz=args.tz,
        duration=args.duration,
        every=args.every,
        count=args.count,
        until=args.until,
        members=args.member,
        location=args.location,
        fold=args.fold,
        selection=args.selection,
    )
    return _print_result(result, args.format)


def extend(args: argparse.Namespace, services: Services) -> int:
    result = services.scheduling.extend(args.series, count=args.count, until=args.until, fold=args.fold)
    return _print_result(result, args.format)


def series_list(args: argparse.Namespace, services: Services) -> int:
    rows = services.scheduling.series(selection=args.selection)
    if args.format == "json":
        emit(
            to_json(
                [
                    {
                        "id": s.id,
                        "candidate": s.candidate,
                        "kind": s.kind,
                        "timezone": s.timezone,
                        "start_local": s.start_local,
                        "every": _every(s.interval, s.freq),
                        "count": s.count,
                        "until": iso_utc(s.until_utc),
                        "status": s.status,
                        "meetings": list(s.meeting_ids),
                    }
                    for s in rows
                ]
            )
        )
        return 0
    print_table(
        ["id", "candidate", "kind", "first (local)", "every", "until / count", "status", "meetings"],
        [
            [
                s.id,
                s.candidate,
                s.kind,
                f"{s.start_local} {s.timezone}",
                _every(s.interval, s.freq),
                iso_utc(s.until_utc) if s.until_utc else s.count,
                s.status,
                ", ".join(map(str, s.meeting_ids)),
            ]
            for s in rows
        ],
        title="Meeting series",
    )
    return 0


def _every(interval: int, freq: str) -> str:
    unit = {"daily": "day", "weekly": "week", "monthly": "month"}.get(freq, freq)
    return f"{interval} {unit}{'s' if interval != 1 else ''}"


def _print_result(result, fmt: str) -> int:  # type: ignore[no-untyped-def]
    if fmt == "json":
        emit(
            to_json(
                {
                    "series_id": result.series_id,
                    "notes": list(result.notes),
                    "meetings": [
                        {
                            "id": s.meeting.id,
                            "start": iso_utc(s.meeting.start_utc),
                            "timezone": s.meeting.timezone,
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
        say(f"note: {note}")
    rows = [
        [
            s.meeting.id,
            iso_utc(s.meeting.start_utc),
            f"{s.ours:%a %d %b %Y %H:%M} {s.ours.tzinfo}",
            f"{s.theirs:%a %d %b %Y %H:%M} {s.theirs.tzinfo}",
            "; ".join(s.warnings) or "-",
        ]
        for s in result.meetings
    ]
    title = f"Scheduled {len(rows)} meeting(s)" + (f" in series {result.series_id}" if result.series_id else "")
    print_table(["id", "UTC start", "our time", "vendor's time", "warnings"], rows, title=title)
    return 0


def fit(args: argparse.Namespace, services: Services) -> int:
    rows = services.scheduling.fit(selection=args.selection)
    if args.format == "json":
        emit(
            to_json(
                [
                    {
                        "candidate_id": f.candidate_id,
                        "candidate": f.candidate,
                        "timezone": f.timezone,
                        "support_hours": f.support_hours,
                        "min_weekly_hours": f.min_weekly_hours,
                        "typical_weekly_hours": f.typical_weekly_hours,
                        "max_weekly_hours": f.max_weekly_hours,
                    }
                    for f in rows
                ]
            )
        )
        return 0

    def h(v: float | None) -> str:
        return "unknown" if v is None else f"{v:g} h"

    print_table(
        ["candidate", "time zone", "support hours", "minimum / week", "typical / week"],
        [
            [f.candidate, f.timezone, f.support_hours or "-", h(f.min_weekly_hours), h(f.typical_weekly_hours)]
            for f in rows
        ],
        title="Time-zone fit over the next 12 months",
    )
    return 0
