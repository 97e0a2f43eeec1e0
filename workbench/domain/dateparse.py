"""Typed dates and times as a person writes them, read strictly as naive wall-clock values."""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from dateutil.relativedelta import relativedelta

MONTHS = (
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
WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
_MONTH = {
    **{m.lower(): i for i, m in enumerate(MONTHS, 1)},
    **{m[:3].lower(): i for i, m in enumerate(MONTHS, 1)},
    "sept": 9,
}
_WEEKDAY = {
    **{d.lower(): i for i, d in enumerate(WEEKDAYS)},
    **{d[:3].lower(): i for i, d in enumerate(WEEKDAYS)},
    "tues": 1,
    "weds": 2,
    "thur": 3,
    "thurs": 3,
}
_MON = "(?P<mon>" + "|".join(sorted(_MONTH, key=len, reverse=True)) + r")\.?"
_WD = "(?:(?P<wd>" + "|".join(sorted(_WEEKDAY, key=len, reverse=True)) + r")\.?,?\s+)?"
_DAY = r"(?P<day>\d{1,2})(?:st|nd|rd|th)?"
_YEAR = r"(?:,?[\s-]+(?P<year>\d+))?"
_DAY_MON = re.compile(rf"^{_WD}{_DAY}[\s-]+{_MON}{_YEAR}$")
_MON_DAY = re.compile(rf"^{_WD}{_MON}\s+{_DAY}{_YEAR}$")
_MON_ONLY = re.compile(rf"^{_MON}(?:,?\s+\d+)?$")
_NUMERIC = re.compile(r"^(\d+)([/.-])(\d+)\2(\d+)$")
_NUMERIC_NO_YEAR = re.compile(r"^\d{1,2}[/.-]\d{1,2}$")
_REL_WEEKDAY = re.compile(
    r"^(?:(?P<word>this|next)\s+)?(?P<wd>" + "|".join(sorted(_WEEKDAY, key=len, reverse=True)) + r")\.?$"
)
_RELATIVE = re.compile(r"^in\s+(?P<n>\d+|an?|one)\s+(?P<unit>\w+)$")
_UNITS = {"day": "days", "week": "weeks", "month": "months", "year": "years"}
_TIME_TAIL = re.compile(r"(?:^|\s)(?:at\s+)?(?P<time>noon|midnight|\d[\d:.]*\s?(?:am|pm)|\d+:[\d:.]*)$")
_TIME_12 = re.compile(r"^(\d{1,2})(?::(\d{2}))?\s?(am|pm)$")
_TIME_24 = re.compile(r"^(\d{1,2}):(\d{2})(?::(\d{2}))?$")
_OFFSET = re.compile(
    r"(?:\d:\d{2}(?::\d{2}(?:\.\d+)?)?|\d\s?[ap]m|noon|midnight)\s*"
    r"(?P<off>z|[+-]\d{1,2}(?::?\d{2})?|(?:utc|gmt)(?:\s*[+-]\d{1,2}(?::?\d{2})?)?)$"
)
_WHEN_EXAMPLES = "2027-03-22 10:00, 22 Mar 2027 10am, tomorrow 9:30, next tuesday 15:00, in 2 weeks 14:00"
_DATE_EXAMPLES = "2027-03-22, 22 Mar 2027, 22/03/2027, tomorrow, next tuesday, in 2 weeks"


@dataclass(frozen=True, slots=True)
class ParsedWhen:
    """What a typed date (and time) means, before any time zone is applied."""

    wall: datetime
    date_only: bool
    note: str | None


class DateParseError(ValueError):
    """Typed text that is not a date (or date and time) this module reads."""


class _Bad(Exception):
    """Internal: the reason a text was refused, before it is quoted in a DateParseError."""


def fmt_date(day: date) -> str:
    """Write a date without ambiguity, in English, e.g. "3 April 2027".

    Args:
        day: the date.

    Returns:
        day number, month name and four-digit year.
    """
    return f"{day.day} {MONTHS[day.month - 1]} {day.year}"


def parse_when(text: str, *, today: date, date_order: str = "dmy", default_time: time | None = None) -> ParsedWhen:
    """Read a typed date and optional time of day, strictly (never a fuzzy parse).

    Accepted (case-insensitive): ISO `2027-03-22[T| ]10:00[:30]`; `22 Mar 2027`,
    `Mar 22, 2027`, `Mon 22 Mar 2027` (the weekday is checked), `22 Mar` (the next such
    date on or after today); `22/03/2027`, `22.3.2027`, `22-03-2027` (four-digit year;
    day/month order from `date_order` when both readings are valid, with a note);
    `today`, `tomorrow`, `yesterday`; a bare weekday = its next occurrence strictly
    after today (1 to 7 days ahead); `this <weekday>` = that day of the current Monday-Sunday
    week, refused when it is before today; `next <weekday>` = that day of the next
    Monday-Sunday week (so on a Monday `next tuesday` is 8 days ahead, on a Sunday 2 days);
    `next week` = Monday of the next week; `next month` = the 1st of the next month;
    `in N days|weeks|months|years` (`in a week`) by dateutil.relativedelta, where a month
    or year step that lands past a month end is clamped to its last day (31 Jan + 1 month
    = 28 Feb) and says so in `note`. A time may follow, optionally after `at`: `10:00`,
    `9:30`, `10:00:30`, `10am`, `10:30 pm`, `12am` (00:00), `12pm`, `noon`, `midnight`
    (00:00 of that date). A time alone, an offset or `Z`, and two-digit years are refused.

    Args:
        text: what the person typed.
        today: the current date in the zone the text is interpreted in.
        date_order: "dmy" or "mdy", for all-numeric dates whose order is ambiguous.
        default_time: the time of day used when the text gives none (else 00:00);
            `date_only` stays True either way.

    Returns:
        the naive wall-clock date-time, whether the text gave only a date, and a note
        when a reading was chosen or adjusted (ambiguous order, month-end clamp).

    Raises:
        DateParseError: the text is not one of the accepted forms, or not a real date.
    """
    if default_time is not None and default_time.tzinfo is not None:
        raise ValueError("default_time must be a naive wall-clock time")
    day, at, note = _parse(text, today, date_order, _WHEN_EXAMPLES)
    if at is None:
        return ParsedWhen(datetime.combine(day, default_time or time()), True, note)
    return ParsedWhen(datetime.combine(day, at), False, note)


def parse_date(text: str, *, today: date, date_order: str = "dmy") -> date:
    """Read a typed date without a time of day (for --until and due dates).

    The forms and rules are those of `parse_when`; a time of day in the text is refused.

    Args:
        text: what the person typed.
        today: the current date in the zone the text is interpreted in.
        date_order: "dmy" or "mdy", for all-numeric dates whose order is ambiguous.

    Returns:
        the date.

    Raises:
        DateParseError: the text is not an accepted date form, or it gives a time.
    """
    day, _at, _note = _parse(text, today, date_order, _DATE_EXAMPLES, allow_time=False)
    return day


def _parse(
    text: str, today: date, order: str, examples: str, *, allow_time: bool = True
) -> tuple[date, time | None, str | None]:
    """Split the text into date and time parts and read both; quote the text on error."""
    if order not in ("dmy", "mdy"):
        raise ValueError(f"date_order must be 'dmy' or 'mdy', not {order!r}")
    shown = " ".join(str(text).split())
    try:
        s = re.sub(r"(?<=[\d\s])([ap])\.m\.?(?=\s|$)", r"\1m", shown.lower())
        s = re.sub(r"\s*,\s*", ", ", s)
        s = re.sub(r"^(\d{4}-\d{1,2}-\d{1,2})t(?=\d)", r"\1 ", s)
        if (off := _OFFSET.search(s)) is not None:
            raise _Bad(
                f"it has a time-zone offset ({off['off'].upper()}); the time is read as "
                "local to the chosen zone, so leave the offset out and give the zone "
                "with --tz"
            )
        at: time | None = None
        if (m := _TIME_TAIL.search(s)) is not None:
            if not allow_time:
                raise _Bad(f"give a date without a time of day (not {m['time']!r})")
            at = _time(m["time"])
            s = s[: m.start()].strip()
        if not s:
            raise _Bad("give a date too, e.g. 'today 10:00' or 'tomorrow 9:30'" if at is not None else "it is empty")
        try:
            day, note = _date(s, today, order)
        except (OverflowError, ValueError):  # arithmetic past year 1 or 9999
            raise _Bad("that is too far away") from None
        return day, at, note
    except _Bad as bad:
        raise DateParseError(f'cannot read "{shown}" as a date: {bad}. Accepted forms include: {examples}') from None


def _time(tok: str) -> time:
    """Read a time of day: 24-hour `HH:MM[:SS]`, 12-hour `10am`/`10:30 pm`, noon, midnight."""
    if tok in ("noon", "midnight"):
        return time(12) if tok == "noon" else time(0)
    if (m := _TIME_12.match(tok)) is not None:
        hour, minute = int(m[1]), int(m[2] or 0)
        if not 1 <= hour <= 12:
            raise _Bad(f"time {tok!r}: with am/pm the hour goes from 1 to 12")
        if minute > 59:
            raise _Bad(f"time {tok!r}: the minutes go from 00 to 59")
        return time(hour % 12 + (12 if m[3] == "pm" else 0), minute)
    if (m := _TIME_24.match(tok)) is not None:
        hour, minute, second = int(m[1]), int(m[2]), int(m[3] or 0)
        if hour > 23:
            raise _Bad(f"time {tok!r}: the hours go from 0 to 23 (24:00 is 00:00 of the next day)")
        if minute > 59 or second > 59:
            raise _Bad(f"time {tok!r}: the minutes and seconds go from 00 to 59")
        return time(hour, minute, second)
    raise _Bad(f"time {tok!r} is not a time; write e.g. 10:00, 9:30 or 10am")


def _date(s: str, today: date, order: str) -> tuple[date, str | None]:
    """Read the date part (already lower-cased, spaces collapsed); return it and any note."""
    if s in ("today", "tomorrow", "yesterday"):
        return today + timedelta(days=("yesterday", "today", "tomorrow").index(s) - 1), None
    if (m := _REL_WEEKDAY.match(s)) is not None:
        return _weekday(m["word"] or "", _WEEKDAY[m["wd"]], today), None
    if s == "next week":
        return today + timedelta(days=7 - today.weekday()), None
    if s == "next month":
        return today + relativedelta(months=1, day=1), None
    if (m := _RELATIVE.match(s)) is not None:
        return _in(m["n"], m["unit"], today)
    if (m := _NUMERIC.match(s)) is not None:
        return _numeric(m, order)
    if _NUMERIC_NO_YEAR.match(s):
        raise _Bad("give the year too, with four digits, e.g. 22/03/2027")
    for form in (_DAY_MON, _MON_DAY):
        if (m := form.match(s)) is not None:
            return _named(m, today), None
    if _MON_ONLY.match(s):
        raise _Bad("give a day of the month too, e.g. 22 Mar 2027")
    if (m := re.match(r"^(.*\S)\s+(\d{1,2})$", s)) is not None:
        try:
            _date(m[1], today, order)
        except _Bad:
            pass
        else:
            raise _Bad(
                f"the trailing {m[2]!r} is neither a time nor part of the date "
                f"(a time is written e.g. {m[2]}:00 or {m[2]}am)"
            )
    raise _Bad("that is not a form I know, and I do not guess")


def _weekday(word: str, weekday: int, today: date) -> date:
    """Resolve a bare, `this` or `next` weekday (rules in parse_when's docstring)."""
    monday = today - timedelta(days=today.weekday())
    if word == "next":
        return monday + timedelta(days=7 + weekday)
    if word == "this":
        day = monday + timedelta(days=weekday)
        if day < today:
            raise _Bad(
                f"this {WEEKDAYS[weekday]} was {fmt_date(day)}, which has passed; "
                f"write 'next {WEEKDAYS[weekday].lower()}' or the date"
            )
        return day
    return today + timedelta(days=(weekday - today.weekday() - 1) % 7 + 1)


def _in(count: str, unit: str, today: date) -> tuple[date, str | None]:
    """Resolve `in N days|weeks|months|years`; note a month-end clamp."""
    plural = _UNITS.get(unit) or (unit if unit in _UNITS.values() else None)
    if plural is None:
        raise _Bad(f"'in ...' counts days, weeks, months or years, not {unit!r}")
    n = int(count) if count.isdigit() else 1
    step = {
        "days": relativedelta(days=n),
        "weeks": relativedelta(weeks=n),
        "months": relativedelta(months=n),
        "years": relativedelta(years=n),
    }
    day = today + step[plural]
    note = None
    if plural in ("months", "years") and day.day != today.day:
        note = (
            f"in {n} {plural if n != 1 else unit.rstrip('s')} from {fmt_date(today)}: "
            f"{MONTHS[day.month - 1]} {day.year} has no day {today.day}, "
            f"so {fmt_date(day)}"
        )
    return day, note


def _year(tok: str) -> int:
    """Check a year is written with four digits."""
    if len(tok) != 4:
        raise _Bad(f"write the year with four digits (e.g. 2027), not {tok!r}")
    return int(tok)


def _make(year: int, month: int, day: int) -> date:
    """Build a date, or say why it does not exist."""
    if not 1 <= month <= 12:
        raise _Bad(f"there is no month {month}")
    last = calendar.monthrange(year, month)[1] if year >= 1 else 31
    if not 1 <= day <= last:
        leap = " (not a leap year)" if month == 2 and day == 29 else ""
        raise _Bad(f"{MONTHS[month - 1]} {year} has no day {day}{leap}")
    try:
        return date(year, month, day)
    except ValueError:
        raise _Bad(f"the year {year} is out of range") from None


def _numeric(m: re.Match[str], order: str) -> tuple[date, str | None]:
    """Read an all-numeric date: year-first is Y-M-D; else D/M/Y or M/D/Y by `order`."""
    a, sep, b, c = m[1], m[2], m[3], m[4]
    if len(a) == 4:
        return _make(int(a), int(b), int(c)), None
    if len(a) > 2 or len(b) > 2:
        raise _Bad("that is not a form I know, and I do not guess")
    year, x, y = _year(c), int(a), int(b)
    readings = {"dmy": (y, x), "mdy": (x, y)}  # (month, day)
    month, day = readings[order]
    if x <= 12 and y <= 12 and x != y:
        found = _make(year, month, day)
        how = "day/month" if order == "dmy" else "month/day"
        return found, f"read {a}{sep}{b}{sep}{c} as {how}: {fmt_date(found)}"
    if month > 12:  # only the other reading can be valid: use it without a note
        month, day = readings["mdy" if order == "dmy" else "dmy"]
    return _make(year, month, day), None


def _named(m: re.Match[str], today: date) -> date:
    """Read a date with a month name; a missing year is the next such date on or after today."""
    month, day = _MONTH[m["mon"]], int(m["day"])
    if m["year"] is not None:
        found = _make(_year(m["year"]), month, day)
    else:
        if not 1 <= day <= calendar.monthrange(2000, month)[1]:
            raise _Bad(f"{MONTHS[month - 1]} has no day {day}")
        year = today.year
        while day > calendar.monthrange(year, month)[1] or date(year, month, day) < today:
            year += 1
            if year > 9999:
                raise _Bad("that is too far away")
        found = date(year, month, day)
    if m["wd"] is not None and found.weekday() != _WEEKDAY[m["wd"]]:
        raise _Bad(f"{fmt_date(found)} is a {WEEKDAYS[found.weekday()]}, not a {WEEKDAYS[_WEEKDAY[m['wd']]]}")
    return found
