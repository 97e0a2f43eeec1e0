"""The schedule's rows: the cells of a meeting and of a day, marks for clashes, series and hours."""

from __future__ import annotations

from datetime import date, timedelta
from typing import TYPE_CHECKING, Any

from rich.text import Text

if TYPE_CHECKING:
    from workbench.services.views.schedule import ScheduleRow


OUT_OF_HOURS = "⚠"


DOUBLE_BOOKED = "⚡"


SERIES = "↻"


COLUMNS = (
    ("ours", "Our time"),
    ("theirs", "Vendor's time"),
    ("candidate", "Candidate"),
    ("kind", "Kind"),
    ("members", "Members"),
    ("status", "Status"),
    ("marks", "!"),
    ("series", "Series"),
)


STATUS_STYLE = {"planned": "", "held": "green", "minuted": "green", "cancelled": "red strike"}


class SortText(Text):
    """A cell that knows its place: the table is sorted by it after rows are added."""

    def __init__(self, text: str, sort_key: tuple[Any, ...], style: str = "") -> None:
        super().__init__(text, style=style)
        self.sort_key = sort_key


def _same(a: Any, b: Any) -> bool:
    return type(a) is type(b) and a == b and getattr(a, "sort_key", None) == getattr(b, "sort_key", None)


def meeting_cells(row: ScheduleRow) -> tuple[Any, ...]:
    """The cells of one meeting, in COLUMNS order."""
    m = row.meeting
    end = (m.start_utc + timedelta(minutes=m.duration_minutes)).astimezone(row.ours.tzinfo)
    start_zone, end_zone = row.ours.tzname(), end.tzname()
    ours = (
        f"{row.ours:%H:%M}–{end:%H:%M} {end_zone}"
        if start_zone == end_zone
        else f"{row.ours:%H:%M} {start_zone}–{end:%H:%M} {end_zone}"
    )
    cancelled = m.status == "cancelled"
    dim = "dim" if cancelled else ""
    shift = (row.theirs.date() - row.ours.date()).days
    theirs = f"{row.theirs:%H:%M} {row.theirs.tzname()}" + (f" ({shift:+d}d)" if shift else "")
    marks = Text()
    if row.out_of_hours:
        marks.append(OUT_OF_HOURS, style="bold yellow")
    if row.double_booked:
        marks.append(DOUBLE_BOOKED, style="bold red")
    series = f"{SERIES} {(m.series_index or 0) + 1}/{row.series_size}" if m.series_id is not None else ""
    return (
        SortText(ours, (row.day, 1, m.start_utc, m.id), style=dim),
        Text(theirs, style=dim),
        Text(m.candidate, style=dim),
        Text(m.kind, style=dim),
        Text(", ".join(name.split()[0] for name in m.members if name.split()), style=dim),
        Text(m.status, style=STATUS_STYLE.get(m.status, "")),
        marks,
        Text(series, style=dim),
    )


def _day(day: date) -> str:
    return f"{day:%a} {day.day} {day:%b %Y}"


def day_cells(day: date) -> tuple[Any, ...]:
    label = _day(day)
    return (SortText(label, (day, 0), style="bold underline"), *[Text("") for _ in COLUMNS[1:]])
