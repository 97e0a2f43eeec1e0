"""Unit tests of workbench.domain.recurrence: parsing repeats and expanding meeting series."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from workbench.domain.recurrence import FREQS, Expansion, expand, parse_every
from workbench.domain.timezones import AmbiguousTime, NonexistentTime, to_zone

UTC = UTC


def _walls(exp: Expansion) -> list[datetime]:
    return [o.wall for o in exp.occurrences]


def _starts(exp: Expansion) -> list[datetime]:
    return [o.start_utc for o in exp.occurrences]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2 weeks", ("weekly", 2)),
        ("1 week", ("weekly", 1)),
        ("week", ("weekly", 1)),
        ("weekly", ("weekly", 1)),
        ("3 days", ("daily", 3)),
        ("day", ("daily", 1)),
        ("daily", ("daily", 1)),
        ("1 month", ("monthly", 1)),
        ("monthly", ("monthly", 1)),
        ("every 2 weeks", ("weekly", 2)),
        ("Every  6 Months", ("monthly", 6)),
        (" 2weeks ", ("weekly", 2)),
        ("fortnightly", ("weekly", 2)),
        ("every month", ("monthly", 1)),
        ("365 days", ("daily", 365)),
    ],
)
def test_parse_every(text: str, expected: tuple[str, int]) -> None:
    assert parse_every(text) == expected
    assert expected[0] in FREQS


@pytest.mark.parametrize(
    "text",
    [
        "",
        "   ",
        "0 days",
        "366 days",
        "-1 weeks",
        "2",
        "weeks 2",
        "yearly",
        "1 year",
        "2.5 weeks",
        "every",
        "two weeks",
        "2 weeks and a day",
    ],
)
def test_parse_every_refuses_and_names_the_text(text: str) -> None:
    with pytest.raises(ValueError) as info:
        parse_every(text)
    assert repr(text) in str(info.value)


def test_weekly_across_the_london_spring_change_keeps_local_time() -> None:
    exp = expand(datetime(2027, 3, 14, 10, 0), "Europe/London", "weekly", 1, count=4)
    assert _walls(exp) == [datetime(2027, 3, d, 10, 0) for d in (14, 21, 28)] + [datetime(2027, 4, 4, 10, 0)]
    assert _starts(exp) == [
        datetime(2027, 3, 14, 10, 0, tzinfo=UTC),
        datetime(2027, 3, 21, 10, 0, tzinfo=UTC),
        datetime(2027, 3, 28, 9, 0, tzinfo=UTC),
        datetime(2027, 4, 4, 9, 0, tzinfo=UTC),
    ]
    assert [o.index for o in exp.occurrences] == [0, 1, 2, 3]
    assert exp.skipped == ()


def test_weekly_across_the_new_york_spring_change_keeps_local_time() -> None:
    exp = expand(datetime(2027, 3, 8, 9, 0), "America/New_York", "weekly", 1, count=3)
    assert {w.time() for w in _walls(exp)} == {datetime(2027, 1, 1, 9, 0).time()}
    assert _starts(exp) == [
        datetime(2027, 3, 8, 14, 0, tzinfo=UTC),
        datetime(2027, 3, 15, 13, 0, tzinfo=UTC),
        datetime(2027, 3, 22, 13, 0, tzinfo=UTC),
    ]


def test_monthly_on_the_31st_lists_the_skipped_months() -> None:
    exp = expand(datetime(2027, 1, 31, 10, 0), "Europe/London", "monthly", 1, count=6)
    assert [w.date() for w in _walls(exp)] == [
        date(2027, 1, 31),
        date(2027, 3, 31),
        date(2027, 5, 31),
        date(2027, 7, 31),
        date(2027, 8, 31),
        date(2027, 10, 31),
    ]
    assert exp.skipped == (
        "no 31 February 2027: February has 28 days",
        "no 31 April 2027: April has 30 days",
        "no 31 June 2027: June has 30 days",
        "no 31 September 2027: September has 30 days",
    )


def test_monthly_every_two_months_only_names_the_months_it_would_have_used() -> None:
    exp = expand(datetime(2027, 1, 31, 10, 0), "UTC", "monthly", 2, count=4)
    assert [w.date() for w in _walls(exp)] == [
        date(2027, 1, 31),
        date(2027, 3, 31),
        date(2027, 5, 31),
        date(2027, 7, 31),
    ]
    assert exp.skipped == ()
    exp = expand(datetime(2027, 5, 31, 10, 0), "UTC", "monthly", 2, count=3)
    assert [w.date() for w in _walls(exp)] == [date(2027, 5, 31), date(2027, 7, 31), date(2028, 1, 31)]
    assert exp.skipped == ("no 31 September 2027: September has 30 days", "no 31 November 2027: November has 30 days")


def test_monthly_on_the_29th_skips_february_only_outside_leap_years() -> None:
    plain = expand(datetime(2027, 1, 29, 10, 0), "Europe/London", "monthly", 1, count=3)
    assert [w.date() for w in _walls(plain)] == [date(2027, 1, 29), date(2027, 3, 29), date(2027, 4, 29)]
    assert plain.skipped == ("no 29 February 2027: February has 28 days",)
    leap = expand(datetime(2028, 1, 29, 10, 0), "Europe/London", "monthly", 1, count=3)
    assert [w.date() for w in _walls(leap)] == [date(2028, 1, 29), date(2028, 2, 29), date(2028, 3, 29)]
    assert leap.skipped == ()
    thirtieth = expand(datetime(2028, 1, 30, 10, 0), "Europe/London", "monthly", 1, count=2)
    assert thirtieth.skipped == ("no 30 February 2028: February has 29 days",)


def test_monthly_until_names_the_skipped_months_the_until_covers() -> None:
    start = datetime(2027, 1, 31, 10, 0)
    to_end_of_june = expand(start, "UTC", "monthly", 1, until_utc=datetime(2027, 6, 30, 12, 0, tzinfo=UTC))
    assert [w.date() for w in _walls(to_end_of_june)] == [date(2027, 1, 31), date(2027, 3, 31), date(2027, 5, 31)]
    assert to_end_of_june.skipped[-1] == "no 31 June 2027: June has 30 days"
    mid_june = expand(start, "UTC", "monthly", 1, until_utc=datetime(2027, 6, 15, tzinfo=UTC))
    assert mid_june.skipped == ("no 31 February 2027: February has 28 days", "no 31 April 2027: April has 30 days")


def test_until_is_compared_in_utc() -> None:
    # Tuesdays 23:30 in Los Angeles (PST) start at 07:30 UTC on Wednesdays.
    start = datetime(2027, 1, 5, 23, 30)
    edge = datetime(2027, 1, 13, 7, 30, tzinfo=UTC)
    included = expand(start, "America/Los_Angeles", "weekly", 1, until_utc=edge)
    assert _starts(included) == [datetime(2027, 1, 6, 7, 30, tzinfo=UTC), edge]
    assert _walls(included)[-1] == datetime(2027, 1, 12, 23, 30)
    excluded = expand(start, "America/Los_Angeles", "weekly", 1, until_utc=edge - timedelta(minutes=1))
    assert _starts(excluded) == [datetime(2027, 1, 6, 7, 30, tzinfo=UTC)]
    # The same instant given with another offset is the same until.
    in_tokyo = expand(start, "America/Los_Angeles", "weekly", 1, until_utc=to_zone(edge, "Asia/Tokyo"))
    assert _starts(in_tokyo) == _starts(included)


def test_daily_every_three_days_with_a_count() -> None:
    exp = expand(datetime(2027, 1, 1, 8, 15), "Asia/Kolkata", "daily", 3, count=4)
    assert [w.date() for w in _walls(exp)] == [date(2027, 1, 1), date(2027, 1, 4), date(2027, 1, 7), date(2027, 1, 10)]
    assert _starts(exp)[0] == datetime(2027, 1, 1, 2, 45, tzinfo=UTC)


def test_a_meeting_in_a_gap_refuses_the_series_naming_its_date() -> None:
    with pytest.raises(NonexistentTime) as info:
        expand(datetime(2027, 3, 14, 1, 30), "Europe/London", "weekly", 1, count=4)
    err = info.value
    assert err.index == 2 and err.wall == datetime(2027, 3, 28, 1, 30)
    assert err.first_valid == datetime(2027, 3, 28, 2, 0)
    assert "28 March 2027" in str(err) and "meeting 3" in str(err)
    with pytest.raises(NonexistentTime):  # a fold choice does not guess a gap
        expand(datetime(2027, 3, 14, 1, 30), "Europe/London", "weekly", 1, count=4, fold="later")


def test_a_meeting_in_a_fold_needs_a_choice() -> None:
    with pytest.raises(AmbiguousTime) as info:
        expand(datetime(2027, 10, 24, 1, 30), "Europe/London", "weekly", 1, count=2)
    assert info.value.index == 1 and "31 October 2027" in str(info.value)
    later = expand(datetime(2027, 10, 24, 1, 30), "Europe/London", "weekly", 1, count=2, fold="later")
    assert _starts(later) == [datetime(2027, 10, 24, 0, 30, tzinfo=UTC), datetime(2027, 10, 31, 1, 30, tzinfo=UTC)]


def test_a_gap_after_the_until_does_not_matter() -> None:
    exp = expand(
        datetime(2027, 3, 14, 1, 30), "Europe/London", "weekly", 1, until_utc=datetime(2027, 3, 27, tzinfo=UTC)
    )
    assert len(exp.occurrences) == 2


def test_limits_and_bad_arguments() -> None:
    start = datetime(2027, 1, 4, 9, 0)
    with pytest.raises(ValueError, match="more than"):
        expand(start, "UTC", "daily", 1, until_utc=datetime(2030, 1, 1, tzinfo=UTC))
    assert len(expand(start, "UTC", "daily", 1, count=500).occurrences) == 500
    with pytest.raises(ValueError, match="more than"):
        expand(start, "UTC", "daily", 1, count=20, limit=10)
    with pytest.raises(ValueError, match="more than"):
        expand(start, "UTC", "daily", 1, until_utc=datetime(2027, 2, 1, tzinfo=UTC), limit=10)
    bad = [
        dict(count=None),
        dict(count=3, until_utc=datetime(2027, 2, 1, tzinfo=UTC)),
        dict(count=0),
        dict(count=501),
        dict(count=True),
        dict(until_utc=datetime(2027, 2, 1)),
        dict(until_utc=datetime(2027, 1, 1, tzinfo=UTC)),
        dict(count=3, fold="middle"),
    ]
    for kwargs in bad:
        with pytest.raises(ValueError):
            expand(start, "UTC", "daily", 1, **kwargs)
    with pytest.raises(ValueError):
        expand(start, "UTC", "yearly", 1, count=3)
    with pytest.raises(ValueError):
        expand(start, "UTC", "daily", 0, count=3)
    with pytest.raises(ValueError):
        expand(start.replace(tzinfo=UTC), "UTC", "daily", 1, count=3)
    with pytest.raises(ValueError):
        expand(start, "Nowhere/Else", "daily", 1, count=3)


ZONES = (
    "Europe/London",
    "America/New_York",
    "Australia/Lord_Howe",
    "Asia/Kolkata",
    "Pacific/Chatham",
    "America/St_Johns",
    "America/Santiago",
    "Africa/Casablanca",
)


@settings(max_examples=100, deadline=None)
@given(
    zone=st.sampled_from(ZONES),
    freq=st.sampled_from(FREQS),
    interval=st.integers(1, 4),
    start=st.datetimes(min_value=datetime(2000, 1, 1), max_value=datetime(2035, 12, 31)).map(
        lambda d: d.replace(second=0, microsecond=0)
    ),
)
def test_every_meeting_keeps_the_wall_time(zone: str, freq: str, interval: int, start: datetime) -> None:
    try:
        exp = expand(start, zone, freq, interval, count=12)
    except (NonexistentTime, AmbiguousTime):
        assume(False)
        return
    assert len(exp.occurrences) == 12
    for occ in exp.occurrences:
        assert occ.wall.time() == start.time()
        assert to_zone(occ.start_utc, zone).replace(tzinfo=None) == occ.wall
    assert _starts(exp) == sorted(_starts(exp))
