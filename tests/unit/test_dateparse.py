"""Unit tests of workbench.domain.dateparse: a table of typed texts, then round-trip properties."""

from __future__ import annotations

import ast
from dataclasses import dataclass
from datetime import UTC, date, datetime, time
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from workbench.domain import dateparse
from workbench.domain.dateparse import DateParseError, ParsedWhen, fmt_date, parse_date, parse_when

MON = date(2027, 3, 15)  # Monday
WED = date(2027, 3, 17)  # Wednesday
SUN = date(2027, 3, 21)  # Sunday
JAN31 = date(2027, 1, 31)  # Sunday, a month end
DEC30 = date(2027, 12, 30)  # Thursday, before a year end


@dataclass(frozen=True)
class Err:
    """An expected DateParseError, by a fragment of its message."""

    fragment: str


def dt(y: int, mo: int, d: int, h: int = 0, mi: int = 0, s: int = 0) -> datetime:
    return datetime(y, mo, d, h, mi, s)


# (text, today, date_order, expected wall or Err, expected note fragment or None)
CASES: list[tuple[str, date, str, datetime | Err, str | None]] = [
    # ISO 8601
    ("2027-03-22", WED, "dmy", dt(2027, 3, 22), None),
    ("2027-03-22T10:00", WED, "dmy", dt(2027, 3, 22, 10), None),
    ("2027-03-22 10:00", WED, "mdy", dt(2027, 3, 22, 10), None),
    ("2027-03-22T10:00:30", WED, "dmy", dt(2027, 3, 22, 10, 0, 30), None),
    ("2027-03-04", WED, "mdy", dt(2027, 3, 4), None),  # year-first is never ambiguous
    ("2027-03-22T10:00Z", WED, "dmy", Err("local to the chosen zone"), None),
    ("2027-03-22T10:00+02:00", WED, "dmy", Err("give the zone with --tz"), None),
    ("2027-03-22 10:00 -0500", WED, "dmy", Err("offset (-0500)"), None),
    ("22 Mar 2027 10am UTC", WED, "dmy", Err("offset (UTC)"), None),
    # day and month-name forms
    ("22 Mar 2027", WED, "dmy", dt(2027, 3, 22), None),
    ("22 March 2027", WED, "mdy", dt(2027, 3, 22), None),
    ("Mar 22 2027", WED, "dmy", dt(2027, 3, 22), None),
    ("March 22, 2027", WED, "dmy", dt(2027, 3, 22), None),
    ("  march   22 ,2027  ", WED, "dmy", dt(2027, 3, 22), None),
    ("22 Mar 2027 10am", WED, "dmy", dt(2027, 3, 22, 10), None),
    ("Mon 22 Mar 2027", WED, "dmy", dt(2027, 3, 22), None),
    ("Monday, March 22, 2027 at 9:30", WED, "dmy", dt(2027, 3, 22, 9, 30), None),
    ("Tue 22 Mar 2027", WED, "dmy", Err("22 March 2027 is a Monday, not a Tuesday"), None),
    ("22 Mar", WED, "dmy", dt(2027, 3, 22), None),
    ("17 Mar", WED, "dmy", dt(2027, 3, 17), None),  # today itself counts
    ("16 Mar", WED, "dmy", dt(2028, 3, 16), None),  # passed this year: next year
    ("22 Jan", DEC30, "dmy", dt(2028, 1, 22), None),  # year rollover
    ("29 Feb", WED, "dmy", dt(2028, 2, 29), None),  # the next 29 February
    ("Mar 2027", WED, "dmy", Err("give a day of the month"), None),
    ("March", WED, "dmy", Err("give a day of the month"), None),
    ("22 Mar 27", WED, "dmy", Err("four digits"), None),
    ("31 Apr 2027", WED, "dmy", Err("April 2027 has no day 31"), None),
    ("31 Apr", WED, "dmy", Err("April has no day 31"), None),
    ("29 Feb 2027", WED, "dmy", Err("February 2027 has no day 29 (not a leap year)"), None),
    ("29 Feb 2028", WED, "dmy", dt(2028, 2, 29), None),
    # all-numeric
    ("03/04/2027", WED, "dmy", dt(2027, 4, 3), "read 03/04/2027 as day/month: 3 April 2027"),
    ("03/04/2027", WED, "mdy", dt(2027, 3, 4), "read 03/04/2027 as month/day: 4 March 2027"),
    ("3.4.2027", WED, "dmy", dt(2027, 4, 3), "read 3.4.2027 as day/month: 3 April 2027"),
    ("03-04-2027 15:00", WED, "mdy", dt(2027, 3, 4, 15), "as month/day"),
    ("04/04/2027", WED, "mdy", dt(2027, 4, 4), None),  # same either way: no note
    ("13/04/2027", WED, "dmy", dt(2027, 4, 13), None),  # only one reading is valid
    ("13/04/2027", WED, "mdy", dt(2027, 4, 13), None),
    ("04/13/2027", WED, "dmy", dt(2027, 4, 13), None),
    ("31/04/2027", WED, "dmy", Err("April 2027 has no day 31"), None),
    ("13/13/2027", WED, "dmy", Err("no month 13"), None),
    ("29/02/2027", WED, "dmy", Err("February 2027 has no day 29"), None),
    ("29/02/2028", WED, "dmy", dt(2028, 2, 29), None),
    ("03/04/27", WED, "dmy", Err("write the year with four digits"), None),
    ("3/4", WED, "dmy", Err("give the year too"), None),
    # relative words
    ("today", WED, "dmy", dt(2027, 3, 17), None),
    ("TOMORROW 9:30", WED, "dmy", dt(2027, 3, 18, 9, 30), None),
    ("yesterday", WED, "dmy", dt(2027, 3, 16), None),
    ("wednesday", WED, "dmy", dt(2027, 3, 24), None),  # bare weekday: strictly after today
    ("tue", WED, "dmy", dt(2027, 3, 23), None),
    ("thursday 10:00", WED, "dmy", dt(2027, 3, 18, 10), None),
    ("next tuesday 15:00", WED, "dmy", dt(2027, 3, 23, 15), None),  # Tuesday of next week
    ("next tuesday", MON, "dmy", dt(2027, 3, 23), None),  # 8 days, not tomorrow
    ("next tuesday", SUN, "dmy", dt(2027, 3, 23), None),  # next week starts tomorrow
    ("next sunday", SUN, "dmy", dt(2027, 3, 28), None),
    ("this friday", WED, "dmy", dt(2027, 3, 19), None),
    ("this wed", WED, "dmy", dt(2027, 3, 17), None),  # may be today
    ("this monday", WED, "dmy", Err("this Monday was 15 March 2027, which has passed"), None),
    ("next week", WED, "dmy", dt(2027, 3, 22), None),
    ("next week", SUN, "dmy", dt(2027, 3, 22), None),
    ("next month", JAN31, "dmy", dt(2027, 2, 1), None),
    ("next month", DEC30, "dmy", dt(2028, 1, 1), None),
    ("in 2 weeks 14:00", WED, "dmy", dt(2027, 3, 31, 14), None),
    ("in 3 days", JAN31, "dmy", dt(2027, 2, 3), None),
    ("in a week", WED, "dmy", dt(2027, 3, 24), None),
    ("in 1 month", JAN31, "dmy", dt(2027, 2, 28), "February 2027 has no day 31, so 28 February"),
    ("in 1 month", WED, "dmy", dt(2027, 4, 17), None),
    ("in 2 years", date(2028, 2, 29), "dmy", dt(2030, 2, 28), "no day 29"),
    ("in 3 days", DEC30, "dmy", dt(2028, 1, 2), None),
    ("in 2 hours", WED, "dmy", Err("days, weeks, months or years, not 'hours'"), None),
    # times
    ("tomorrow at 10:00", WED, "dmy", dt(2027, 3, 18, 10), None),
    ("tomorrow 10 am", WED, "dmy", dt(2027, 3, 18, 10), None),
    ("tomorrow 10:30pm", WED, "dmy", dt(2027, 3, 18, 22, 30), None),
    ("tomorrow 10 p.m.", WED, "dmy", dt(2027, 3, 18, 22), None),
    ("tomorrow 12am", WED, "dmy", dt(2027, 3, 18, 0), None),
    ("tomorrow 12pm", WED, "dmy", dt(2027, 3, 18, 12), None),
    ("tomorrow noon", WED, "dmy", dt(2027, 3, 18, 12), None),
    ("tomorrow at midnight", WED, "dmy", dt(2027, 3, 18, 0), None),
    ("tomorrow 24:00", WED, "dmy", Err("time '24:00'"), None),
    ("tomorrow 25:00", WED, "dmy", Err("time '25:00': the hours go from 0 to 23"), None),
    ("tomorrow 10:61", WED, "dmy", Err("time '10:61'"), None),
    ("tomorrow 13pm", WED, "dmy", Err("time '13pm': with am/pm the hour goes from 1 to 12"), None),
    ("tomorrow 10.30", WED, "dmy", Err("not a form I know"), None),
    ("tomorrow 10", WED, "dmy", Err("the trailing '10' is neither a time"), None),
    ("10:00", WED, "dmy", Err("give a date too"), None),
    ("at noon", WED, "dmy", Err("give a date too"), None),
    # anything else
    ("", WED, "dmy", Err("it is empty"), None),
    ("soon", WED, "dmy", Err("not a form I know"), None),
    ("next tuesday-ish", WED, "dmy", Err("not a form I know"), None),
    ("22 Mar 2027 or so", WED, "dmy", Err("not a form I know"), None),
    ("last tuesday", WED, "dmy", Err("not a form I know"), None),
]


@pytest.mark.parametrize(
    ("text", "today", "order", "expected", "note"), CASES, ids=[f"{c[0]!r}@{c[1]}/{c[2]}" for c in CASES]
)
def test_parse_when_table(text: str, today: date, order: str, expected: datetime | Err, note: str | None) -> None:
    if isinstance(expected, Err):
        with pytest.raises(DateParseError) as info:
            parse_when(text, today=today, date_order=order)
        message = str(info.value)
        assert expected.fragment in message
        assert f'"{" ".join(text.split())}"' in message  # quotes the text
        assert "Accepted forms include: 2027-03-22 10:00" in message  # and gives examples
        return
    got = parse_when(text, today=today, date_order=order)
    assert got.wall == expected
    assert got.wall.tzinfo is None
    if note is None:
        assert got.note is None
    else:
        assert got.note is not None and note in got.note


def test_table_is_large_enough() -> None:
    assert len(CASES) >= 45


def test_date_only_and_default_time() -> None:
    assert parse_when("22 Mar 2027", today=WED) == ParsedWhen(dt(2027, 3, 22), True, None)
    assert parse_when("22 Mar 2027 00:00", today=WED) == ParsedWhen(dt(2027, 3, 22), False, None)
    got = parse_when("22 Mar 2027", today=WED, default_time=time(9, 30))
    assert got == ParsedWhen(dt(2027, 3, 22, 9, 30), True, None)  # still date-only
    assert parse_when("22 Mar 2027 14:00", today=WED, default_time=time(9)).wall.hour == 14


def test_parse_date_accepts_the_date_forms_and_refuses_a_time() -> None:
    assert parse_date("2027-03-22", today=WED) == date(2027, 3, 22)
    assert parse_date("03/04/2027", today=WED, date_order="mdy") == date(2027, 3, 4)
    assert parse_date("in 2 weeks", today=WED) == date(2027, 3, 31)
    assert parse_date("next month", today=WED) == date(2027, 4, 1)
    with pytest.raises(DateParseError, match="without a time of day") as info:
        parse_date("tomorrow 10:00", today=WED)
    assert "14:00" not in str(info.value)  # date examples only
    with pytest.raises(DateParseError, match="without a time of day"):
        parse_date("22 Mar 2027 noon", today=WED)


def test_errors_are_value_errors_and_bad_arguments_are_refused() -> None:
    assert issubclass(DateParseError, ValueError)
    with pytest.raises(ValueError, match="date_order"):
        parse_when("today", today=WED, date_order="ymd")
    with pytest.raises(ValueError, match="naive"):
        parse_when("today", today=WED, default_time=time(9, tzinfo=UTC))


def test_far_away_is_refused_not_crashed() -> None:
    with pytest.raises(DateParseError, match="too far away"):
        parse_when("in 99999999999999999999 days", today=WED)
    with pytest.raises(DateParseError, match="too far away"):
        parse_when("in 9000 years", today=WED)
    for text, today in (("tomorrow", date.max), ("next month", date.max), ("yesterday", date.min)):
        with pytest.raises(DateParseError, match="too far away"):
            parse_when(text, today=today)


def test_module_is_pure() -> None:
    tree = ast.parse(Path(dateparse.__file__).read_text(encoding="utf-8"))
    imported = {a.name for n in ast.walk(tree) if isinstance(n, ast.Import) for a in n.names}
    imported |= {n.module for n in ast.walk(tree) if isinstance(n, ast.ImportFrom) and n.module}
    allowed = {"__future__", "calendar", "re", "dataclasses", "datetime", "dateutil.relativedelta"}
    assert imported <= allowed
    assert "now(" not in Path(dateparse.__file__).read_text(encoding="utf-8")


# --- properties ------------------------------------------------------------------------

MONTH_ABBR = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
walls = st.builds(
    datetime.combine,
    st.dates(date(1990, 1, 1), date(2100, 12, 31)),
    st.builds(time, st.integers(0, 23), st.integers(0, 59)),
)
todays = st.dates(date(1990, 1, 1), date(2100, 12, 31))


@given(wall=walls, today=todays, order=st.sampled_from(["dmy", "mdy"]))
def test_formatted_walls_parse_back(wall: datetime, today: date, order: str) -> None:
    hm = f"{wall:%H:%M}"
    iso = parse_when(f"{wall:%Y-%m-%d}T{hm}", today=today, date_order=order)
    assert iso == ParsedWhen(wall, False, None)
    assert parse_when(f"{wall:%Y-%m-%d} {hm}", today=today, date_order=order).wall == wall
    named = f"{wall.day} {MONTH_ABBR[wall.month - 1]} {wall.year} {hm}"
    assert parse_when(named, today=today, date_order=order) == ParsedWhen(wall, False, None)
    long = f"{fmt_date(wall.date())} at {hm}"
    assert parse_when(long, today=today, date_order=order).wall == wall
    if wall.day > 12:  # an unambiguous numeric form, written either way round
        for numeric in (f"{wall.day}/{wall.month}/{wall.year}", f"{wall.month}/{wall.day}/{wall.year}"):
            got = parse_when(f"{numeric} {hm}", today=today, date_order=order)
            assert got == ParsedWhen(wall, False, None)


@given(day=st.dates(date(1990, 1, 1), date(2100, 12, 31)))
def test_ambiguous_numeric_follows_the_order_and_says_so(day: date) -> None:
    dmy = f"{day.day:02}/{day.month:02}/{day.year}"
    mdy = f"{day.month:02}/{day.day:02}/{day.year}"
    got_dmy = parse_when(dmy, today=day, date_order="dmy")
    got_mdy = parse_when(mdy, today=day, date_order="mdy")
    assert got_dmy.wall.date() == got_mdy.wall.date() == day
    ambiguous = day.day <= 12 and day.day != day.month
    assert (got_dmy.note is not None) == ambiguous == (got_mdy.note is not None)
    if ambiguous:
        assert got_dmy.note == f"read {dmy} as day/month: {fmt_date(day)}"
        assert got_mdy.note == f"read {mdy} as month/day: {fmt_date(day)}"


def name(day: date) -> str:
    return dateparse.WEEKDAYS[day.weekday()].lower()


@given(
    today=todays,
    weekday=st.sampled_from(["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]),
)
def test_weekday_rules(today: date, weekday: str) -> None:
    bare = parse_date(weekday, today=today)
    assert 1 <= (bare - today).days <= 7 and name(bare) == weekday
    nxt = parse_date(f"next {weekday}", today=today)
    assert nxt.isocalendar()[:2] == parse_date("next week", today=today).isocalendar()[:2]
    assert name(nxt) == weekday
    this_day = date.fromisocalendar(*today.isocalendar()[:2], nxt.isoweekday())
    if this_day >= today:
        assert parse_date(f"this {weekday}", today=today) == this_day
    else:
        with pytest.raises(DateParseError, match="has passed"):
            parse_date(f"this {weekday}", today=today)
