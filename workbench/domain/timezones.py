"""Time zones: wall time to UTC across clock changes, business hours and their weekly overlap."""

from __future__ import annotations

import math
import re
import statistics
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

UTC = UTC
FOLDS = ("earlier", "later")  # how to read a wall time that happens twice

DAY_MINUTES = 24 * 60
MONTH_NAMES = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)
WEEKDAY_NAMES = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")

_HOURS_RE = re.compile(r"^(\d{1,2}):(\d{2})\s*[-\u2013]\s*(\d{1,2}):(\d{2})$")
_ONE_DAY = timedelta(days=1)


def day_label(day: date) -> str:
    """A day in words, independent of the locale.

    Args:
        day: the date (a datetime gives its date).

    Returns:
        E.g. "Sunday 28 March 2027".
    """
    return f"{WEEKDAY_NAMES[day.weekday()]} {day.day} {MONTH_NAMES[day.month - 1]} {day.year}"


def _when(wall: datetime) -> str:
    return f"{day_label(wall)} {wall:%H:%M}"


def _where(wall: datetime, index: int | None) -> str:
    return _when(wall) if index is None else f"meeting {index + 1} of the series ({_when(wall)})"


def _offset_label(offset: timedelta) -> str:
    sign = "-" if offset < timedelta(0) else "+"
    minutes = abs(int(offset.total_seconds())) // 60
    return f"UTC{sign}{minutes // 60:02d}:{minutes % 60:02d}"


class NonexistentTime(ValueError):
    """A wall time that the clocks skip when they go forward (a gap)."""

    def __init__(self, wall: datetime, zone: str, first_valid: datetime, *, index: int | None = None) -> None:
        self.wall, self.zone, self.first_valid, self.index = wall, zone, first_valid, index
        super().__init__(
            f"{_where(wall, index)} does not exist in {zone} (the clocks go forward); "
            f"the first valid time after it is {_when(first_valid)}"
        )


class AmbiguousTime(ValueError):
    """A wall time that happens twice when the clocks go back (a fold)."""

    def __init__(
        self, wall: datetime, zone: str, earlier_utc: datetime, later_utc: datetime, *, index: int | None = None
    ) -> None:
        self.wall, self.zone, self.index = wall, zone, index
        self.earlier_utc, self.later_utc = earlier_utc, later_utc
        self.earlier_offset = wall - earlier_utc.replace(tzinfo=None)
        self.later_offset = wall - later_utc.replace(tzinfo=None)
        super().__init__(
            f"{_where(wall, index)} happens twice in {zone} (the clocks go back): choose earlier "
            f"({_offset_label(self.earlier_offset)}, {earlier_utc:%H:%M} UTC) or later "
            f"({_offset_label(self.later_offset)}, {later_utc:%H:%M} UTC)"
        )


def as_utc(value: datetime) -> datetime:
    """An instant as an aware datetime in UTC; a naive one is read as UTC already."""
    return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)


def get_zone(name: str) -> ZoneInfo:
    """The IANA zone of that name.

    Args:
        name: e.g. "Europe/London".

    Returns:
        The zone; ValueError when there is no such zone.
    """
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError, TypeError):
        raise ValueError(f"{name!r} is not a known IANA time zone") from None


def is_naive_datetime(value: object) -> bool:
    """Tell whether a value is a datetime without a time zone (a wall time), checking untyped input too."""
    return isinstance(value, datetime) and value.tzinfo is None


def resolve_local(wall: datetime, zone: str, *, fold: str | None = None) -> datetime:
    """Interpret a naive wall-clock time in an IANA zone as an instant.

    Args:
        wall: the local time, naive.
        zone: the IANA zone it is local to.
        fold: "earlier" or "later", to choose between the two instants of a wall
            time that happens twice; ignored for every other time.

    Returns:
        The instant, aware, in UTC.

    Raises:
        NonexistentTime: the time is skipped by a clock change (never guessed).
        AmbiguousTime: the time happens twice and ``fold`` is not given.
        ValueError: ``wall`` is aware, ``fold`` or ``zone`` is unknown.
    """
    if not is_naive_datetime(wall):
        raise ValueError("give the local wall time without an offset; it is local to the time zone")
    if fold is not None and fold not in FOLDS:
        raise ValueError(f"{fold!r} is not one of {', '.join(FOLDS)}")
    tz = get_zone(zone)
    first, second = wall.replace(tzinfo=tz, fold=0), wall.replace(tzinfo=tz, fold=1)
    if first.utcoffset() == second.utcoffset():
        return first.astimezone(UTC)
    early = first.astimezone(UTC)
    if early.astimezone(tz).replace(tzinfo=None) != wall:
        raise NonexistentTime(wall, zone, _gap_end(first, second, tz))
    late = second.astimezone(UTC)
    if fold is None:
        raise AmbiguousTime(wall, zone, early, late)
    return early if fold == "earlier" else late


def _gap_end(first: datetime, second: datetime, tz: ZoneInfo) -> datetime:
    """The first wall time after a gap: the transition instant in the new offset."""
    low = math.floor(second.timestamp())  # before the transition
    high = math.ceil(first.timestamp())  # at or after it
    before = second.astimezone(UTC).astimezone(tz).utcoffset()
    while high - low > 1:
        mid = (low + high) // 2
        if datetime.fromtimestamp(mid, UTC).astimezone(tz).utcoffset() == before:
            low = mid
        else:
            high = mid
    return datetime.fromtimestamp(high, UTC).astimezone(tz).replace(tzinfo=None)


def to_zone(utc: datetime, zone: str) -> datetime:
    """The same instant on the clocks of a zone.

    Args:
        utc: an aware instant (any offset).
        zone: the IANA zone.

    Returns:
        The instant, aware, in ``zone``; ValueError when ``utc`` is naive or the zone unknown.
    """
    if utc.tzinfo is None or utc.utcoffset() is None:
        raise ValueError("give an aware instant, not a naive wall time")
    return utc.astimezone(get_zone(zone))


def _hours_minutes(text: str | None) -> tuple[int, int] | None:
    raw = (text or "").strip()
    if not raw:
        return None
    m = _HOURS_RE.match(raw)
    if not m:
        raise ValueError(f"{raw!r} is not hours as HH:MM-HH:MM (e.g. 09:00-17:00)")
    sh, sm, eh, em = (int(g) for g in m.groups())
    if sh > 23 or sm > 59 or em > 59 or eh > 24 or (eh == 24 and em):
        raise ValueError(f"{raw!r}: hours run from 00:00 to 24:00")
    start, end = sh * 60 + sm, eh * 60 + em
    if end == start:
        raise ValueError(f"{raw!r}: the end must differ from the start (00:00-24:00 is the whole day)")
    if end < start:  # overnight: the hours run past midnight into the next day
        end += DAY_MINUTES
    return start, end


def parse_hours(text: str) -> tuple[time, time] | None:
    """Read business hours written as ``HH:MM-HH:MM`` (24-hour clock).

    Args:
        text: e.g. "09:00-17:00"; 24:00 is allowed as the end; "" means unknown.

    Returns:
        (start, end), with ``time.max`` standing for an end of 24:00; None for "". Hours that run
        past midnight (``17:00-09:00``) give an end before the start.

    Raises:
        ValueError: not hours, a time out of range, or the end equal to the start.
    """
    minutes = _hours_minutes(text)
    if minutes is None:
        return None
    start, end = minutes
    if end == DAY_MINUTES:
        return time(start // 60, start % 60), time.max
    end %= DAY_MINUTES
    return time(start // 60, start % 60), time(end // 60, end % 60)


@dataclass(frozen=True, slots=True)
class Hours:
    """Business hours: minutes from local midnight on weekdays Mon=0..Sun=6.

    The hours start on each of ``days``; an end past 1440 runs into the next day (overnight
    hours such as 17:00-09:00 are 1020-1980), so a shift that starts on Friday evening
    ends on Saturday morning even when Saturday is not one of the days.
    """

    start_min: int
    end_min: int
    days: frozenset[int]

    def __post_init__(self) -> None:
        if not (0 <= self.start_min < DAY_MINUTES and self.start_min < self.end_min <= self.start_min + DAY_MINUTES):
            raise ValueError(
                f"hours {self.start_min}-{self.end_min}: need 0 <= start < {DAY_MINUTES} and "
                f"start < end <= start + {DAY_MINUTES} minutes"
            )
        object.__setattr__(self, "days", frozenset(self.days))
        if not self.days <= frozenset(range(7)):
            raise ValueError(f"week days must be 0 (Monday) to 6 (Sunday), not {sorted(self.days)}")


def hours_from(text: str, days: Iterable[int] = range(5)) -> Hours | None:
    """Business hours from ``HH:MM-HH:MM`` text.

    Args:
        text: e.g. "09:00-17:00" ("" for unknown).
        days: the week days they apply to, Monday=0 .. Sunday=6 (default Monday to Friday).

    Returns:
        The hours, or None when ``text`` is empty.

    Raises:
        ValueError: the text is not hours, or a day is out of range.
    """
    minutes = _hours_minutes(text)
    return None if minutes is None else Hours(minutes[0], minutes[1], frozenset(days))


def _day_interval(day: date, hours: Hours, tz: ZoneInfo) -> tuple[int, int]:
    """The hours of one local day as POSIX seconds [start, end); gap or fold times read with fold=0."""
    midnight = datetime(day.year, day.month, day.day)
    start = (midnight + timedelta(minutes=hours.start_min)).replace(tzinfo=tz).timestamp()
    end = (midnight + timedelta(minutes=hours.end_min)).replace(tzinfo=tz).timestamp()
    return round(start), max(round(start), round(end))


def within_hours(start_utc: datetime, duration_minutes: int, hours: Hours, zone: str) -> bool:
    """Whether a whole meeting falls inside business hours in a zone.

    Adjacent hours of consecutive days join up, so with 00:00-24:00 every day a
    meeting across midnight is inside.

    Args:
        start_utc: the meeting's start, aware.
        duration_minutes: its length (0 or more).
        hours: the business hours, local to ``zone``.
        zone: the IANA zone of the hours.

    Returns:
        True when every minute of the meeting is within the hours of a business day.

    Raises:
        ValueError: a naive start, a negative duration or an unknown zone.
    """
    if duration_minutes < 0:
        raise ValueError("the duration cannot be negative")
    tz = get_zone(zone)
    begin = to_zone(start_utc, zone).timestamp()
    finish = begin + duration_minutes * 60
    day, last = datetime.fromtimestamp(begin, tz).date(), datetime.fromtimestamp(finish, tz).date()
    if hours.end_min > DAY_MINUTES:  # the evening before may run into this day
        day -= _ONE_DAY
    cursor = begin
    while day <= last:
        if day.weekday() in hours.days:
            a, b = _day_interval(day, hours, tz)
            if b > cursor:
                if a > cursor:
                    return False
                cursor = b
                if cursor >= finish:
                    return True
        day += _ONE_DAY
    return False


def overlaps(a_start: datetime, a_minutes: int, b_start: datetime, b_minutes: int) -> bool:
    """Whether two half-open intervals [start, start + minutes) share any instant.

    Args:
        a_start: the first start (aware, or naive like ``b_start``).
        a_minutes: its length in minutes.
        b_start: the second start.
        b_minutes: its length in minutes.

    Returns:
        True when they overlap; touching end to start, or an empty interval, is no overlap.
    """
    if a_minutes <= 0 or b_minutes <= 0:
        return False
    return a_start < b_start + timedelta(minutes=b_minutes) and b_start < a_start + timedelta(minutes=a_minutes)


@dataclass(frozen=True, slots=True)
class Fit:
    """Weekly overlap of our business hours with a vendor's, over a span of days."""

    min_weekly_hours: float
    typical_weekly_hours: float  # the median over the weeks
    max_weekly_hours: float
    weeks: tuple[tuple[date, float], ...]  # (Monday, hours that week), partial weeks at the ends too
    by_weekday: tuple[float, ...] = ()  # median hours on each of our week days, Monday to Sunday


def weekly_overlap(ours: Hours, our_zone: str, theirs: Hours, their_zone: str, *, start: date, days: int = 365) -> Fit:
    """Hours of overlap between our business hours and a vendor's, week by week.

    Each of our business days in [start, start + days) is intersected, in UTC, with
    every vendor business day that can touch it, so clock changes on either side
    count. Weeks run Monday to Sunday on our calendar; min, typical (median) and max
    are over full weeks only (over all weeks when there is no full week).

    Args:
        ours: our business hours.
        our_zone: the IANA zone of ours.
        theirs: the vendor's support hours.
        their_zone: the vendor's IANA zone.
        start: the first of our local days.
        days: how many days, at least 1.

    Returns:
        The fit; ValueError for days below 1 or an unknown zone.
    """
    if days < 1:
        raise ValueError("the span must be at least one day")
    our_tz, their_tz = get_zone(our_zone), get_zone(their_zone)
    vendor_days: dict[date, tuple[int, int] | None] = {}
    seconds: dict[date, int] = {}  # per Monday
    counts: dict[date, int] = {}  # days in range per Monday
    per_weekday: list[list[float]] = [[] for _ in range(7)]
    day = start
    for _ in range(days):
        monday = day - timedelta(days=day.weekday())
        counts[monday] = counts.get(monday, 0) + 1
        total = 0
        if day.weekday() in ours.days:
            a, b = _day_interval(day, ours, our_tz)
            their_day, their_last = (datetime.fromtimestamp(t, their_tz).date() for t in (a, b))
            if theirs.end_min > DAY_MINUTES:  # their evening before may run into our day
                their_day -= _ONE_DAY
            while their_day <= their_last:
                if their_day not in vendor_days:
                    vendor_days[their_day] = (
                        _day_interval(their_day, theirs, their_tz) if their_day.weekday() in theirs.days else None
                    )
                interval = vendor_days[their_day]
                if interval is not None:
                    total += max(0, min(b, interval[1]) - max(a, interval[0]))
                their_day += _ONE_DAY
        seconds[monday] = seconds.get(monday, 0) + total
        per_weekday[day.weekday()].append(total / 3600)
        day += _ONE_DAY
    weeks = tuple((monday, secs / 3600) for monday, secs in seconds.items())
    full = [hours for monday, hours in weeks if counts[monday] == 7] or [hours for _, hours in weeks]
    by_weekday = tuple(float(statistics.median(v)) if v else 0.0 for v in per_weekday)
    return Fit(min(full), float(statistics.median(full)), max(full), weeks, by_weekday)
