"""Meeting series: every N days, weeks or months (dateutil.rrule) expanded to occurrences."""

from __future__ import annotations

import calendar
import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from typing import Literal

from dateutil.rrule import DAILY, MONTHLY, WEEKLY, rrule

from workbench.domain.date_range import LAST_YEAR, SUPPORTED
from workbench.domain.timezones import (
    FOLDS,
    MONTH_NAMES,
    AmbiguousTime,
    NonexistentTime,
    get_zone,
    is_naive_datetime,
    resolve_local,
    to_zone,
)
from workbench.domain.vocabulary import SERIES_FREQUENCIES

FREQS = SERIES_FREQUENCIES
MAX_INTERVAL = 365
MAX_COUNT = 500

_RRULE_FREQ: dict[str, Literal[0, 1, 2, 3, 4, 5, 6]] = {"daily": DAILY, "weekly": WEEKLY, "monthly": MONTHLY}
_ADVERBS = {"daily": ("daily", 1), "weekly": ("weekly", 1), "monthly": ("monthly", 1), "fortnightly": ("weekly", 2)}
_UNITS = {"day": "daily", "week": "weekly", "month": "monthly", "fortnight": "weekly"}
_EVERY_RE = re.compile(r"^(?:every\s+)?(?:(\d+)\s*)?(day|week|month|fortnight)s?$")


def _as_text(value: object) -> str:
    """The text a caller gave, or "" for anything else (a repeat is read from text only)."""
    return value if isinstance(value, str) else ""


def parse_every(text: str) -> tuple[str, int]:
    """Read how often a series repeats.

    Args:
        text: e.g. "2 weeks", "week", "weekly", "every 3 days", "monthly",
            "fortnightly" (any case).

    Returns:
        (freq, interval): freq one of FREQS, interval 1 to 365.

    Raises:
        ValueError: not a repeat, naming the text, or an interval out of range.
    """
    raw = _as_text(text)
    words = " ".join(raw.split()).lower()
    if words.startswith("every "):
        rest = words[len("every ") :]
        if rest in _ADVERBS:
            words = rest
    if words in _ADVERBS:
        return _ADVERBS[words]
    m = _EVERY_RE.match(words)
    if not m:
        raise ValueError(f"{text!r} is not a repeat such as '2 weeks', 'weekly', '3 days' or 'monthly'")
    number = int(m.group(1)) if m.group(1) is not None else 1
    unit = m.group(2)
    interval = number * 2 if unit == "fortnight" else number
    if not 1 <= interval <= MAX_INTERVAL:
        plural = "weeks" if unit == "fortnight" else f"{unit}s"
        raise ValueError(f"{text!r}: repeat every 1 to {MAX_INTERVAL} {plural}")
    return _UNITS[unit], interval


@dataclass(frozen=True, slots=True)
class Occurrence:
    """One meeting of a series: its 0-based index, wall time in the organiser's zone, start in UTC."""

    index: int
    wall: datetime
    start_utc: datetime


@dataclass(frozen=True, slots=True)
class Expansion:
    """A series' occurrences, and one line per month a monthly series skips."""

    occurrences: tuple[Occurrence, ...]
    skipped: tuple[str, ...]


def _check_int(value: object, low: int, high: int, what: str) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or not low <= value <= high:
        raise ValueError(f"{value!r} is not a whole number from {low} to {high} ({what})")
    return value


def _walls(
    start_wall: datetime, freq: str, interval: int, count: int | None, bound: datetime | None
) -> Iterator[datetime]:
    """Naive wall times from rrule (microseconds, which rrule drops, put back)."""
    until = bound if count is None else None
    for wall in rrule(
        _RRULE_FREQ[freq], interval=interval, dtstart=start_wall.replace(microsecond=0), count=count, until=until
    ):
        yield wall.replace(microsecond=start_wall.microsecond)


def _beyond(wall: datetime, zone: str, until_utc: datetime) -> bool:
    """Whether even the earliest reading of a wall time is after ``until_utc``."""
    earliest = min(wall.replace(tzinfo=get_zone(zone), fold=f).astimezone(UTC) for f in (0, 1))
    return earliest > until_utc


def _add_months(year: int, month: int, months: int) -> tuple[int, int]:
    total = year * 12 + (month - 1) + months
    return total // 12, total % 12 + 1


def _skipped(start_wall: datetime, interval: int, last: tuple[int, int] | None) -> tuple[str, ...]:
    """Lines for the months from the start up to ``last`` (year, month) that lack the start's day."""
    day = start_wall.day
    if day < 29 or last is None:
        return ()
    lines = []
    year, month = start_wall.year, start_wall.month
    while (year, month) <= last:
        length = calendar.monthrange(year, month)[1]
        if length < day:
            name = MONTH_NAMES[month - 1]
            lines.append(f"no {day} {name} {year}: {name} has {length} days")
        year, month = _add_months(year, month, interval)
    return tuple(lines)


def expand(
    start_wall: datetime,
    zone: str,
    freq: str,
    interval: int,
    *,
    count: int | None = None,
    until_utc: datetime | None = None,
    fold: str | None = None,
    limit: int = MAX_COUNT,
) -> Expansion:
    """Expand a series to its meetings, keeping the wall time fixed in the organiser's zone.

    A monthly series on the 29th to 31st skips the months that lack that day (as
    rrule does); ``count`` counts real meetings, and ``skipped`` names the skipped
    months between the first meeting and the last (with ``until_utc``: up to the
    last month whose final day the until reaches).

    Args:
        start_wall: the first meeting's naive wall time in ``zone``.
        zone: the organiser's IANA zone.
        freq: one of FREQS.
        interval: every how many days, weeks or months (1 to 365).
        count: how many meetings (1 to 500); or
        until_utc: the last instant a meeting may start, aware; compared in UTC.
        fold: "earlier"/"later", applied to every meeting whose wall time happens twice.
        limit: the most meetings allowed.

    Returns:
        The meetings in order, and the skipped-month lines.

    Raises:
        NonexistentTime: a meeting falls in a clock-change gap (never guessed); its
            ``index`` and message name that meeting.
        AmbiguousTime: a meeting's wall time happens twice and ``fold`` is not given.
        ValueError: bad arguments, not exactly one of count and until, no meeting
            before the until, or more than ``limit`` meetings.
    """
    if not is_naive_datetime(start_wall):
        raise ValueError("the start must be a naive wall time in the organiser's zone")
    get_zone(zone)
    if freq not in FREQS:
        raise ValueError(f"{freq!r} is not one of {', '.join(FREQS)}")
    interval = _check_int(interval, 1, MAX_INTERVAL, "the interval")
    if fold is not None and fold not in FOLDS:
        raise ValueError(f"{fold!r} is not one of {', '.join(FOLDS)}")
    if (count is None) == (until_utc is None):
        raise ValueError("give exactly one of a count and an until")
    limit = _check_int(limit, 1, 10**6, "the limit")
    bound = None
    if count is not None:
        count = _check_int(count, 1, MAX_COUNT, "the count")
        if count > limit:
            raise ValueError(f"a series of {count} meetings is more than the {limit} allowed")
    elif until_utc is not None:  # always, with no count
        until_utc = to_zone(until_utc, "UTC").astimezone(UTC)
        try:
            bound = to_zone(until_utc, zone).replace(tzinfo=None) + timedelta(days=2)
        except OverflowError:
            bound = None
    occurrences: list[Occurrence] = []
    for index, wall in enumerate(_walls(start_wall, freq, interval, count, bound)):
        if until_utc is not None and _beyond(wall, zone, until_utc):
            break
        if wall.year > LAST_YEAR:
            raise ValueError(f"meeting {index + 1} of the series would be after {LAST_YEAR} ({SUPPORTED})")
        if len(occurrences) >= limit:
            raise ValueError(
                f"the series has more than the {limit} meetings allowed; give an earlier until or a longer interval"
            )
        try:
            start = resolve_local(wall, zone, fold=fold)
        except NonexistentTime as gap:
            raise NonexistentTime(wall, zone, gap.first_valid, index=index) from None
        except AmbiguousTime as twice:
            raise AmbiguousTime(wall, zone, twice.earlier_utc, twice.later_utc, index=index) from None
        if until_utc is not None and start > until_utc:
            break
        occurrences.append(Occurrence(index=index, wall=wall, start_utc=start))
    if not occurrences:
        raise ValueError("no meeting of the series starts on or before the until")
    if count is not None and len(occurrences) < count:
        raise ValueError(f"the series ends after {len(occurrences)} meetings, at the end of the calendar")
    if freq != "monthly":
        return Expansion(tuple(occurrences), ())
    last_wall = occurrences[-1].wall
    last = (last_wall.year, last_wall.month)
    if until_utc is not None:
        until_day = to_zone(until_utc, zone).date()
        last = max(last, _full_month_before(until_day))
    return Expansion(tuple(occurrences), _skipped(start_wall, interval, last))


def _full_month_before(day: date) -> tuple[int, int]:
    """The last (year, month) whose final day is on or before ``day``."""
    if day.day == calendar.monthrange(day.year, day.month)[1]:
        return day.year, day.month
    return _add_months(day.year, day.month, -1)
