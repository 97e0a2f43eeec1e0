"""Unit tests of workbench.domain.timezones: clock changes, business hours, weekly overlap."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from workbench.domain.timezones import (
    AmbiguousTime,
    Fit,
    Hours,
    NonexistentTime,
    hours_from,
    overlaps,
    parse_hours,
    resolve_local,
    to_zone,
    weekly_overlap,
    within_hours,
)

UTC = UTC
ZONES = (
    "UTC",
    "Europe/London",
    "Europe/Berlin",
    "Europe/Dublin",
    "America/New_York",
    "America/Los_Angeles",
    "America/St_Johns",
    "America/Sao_Paulo",
    "America/Santiago",
    "Asia/Kolkata",
    "Asia/Kathmandu",
    "Asia/Tokyo",
    "Australia/Sydney",
    "Australia/Lord_Howe",
    "Pacific/Chatham",
    "Pacific/Apia",
    "Africa/Casablanca",
)
OFFICE = hours_from("09:00-17:00")


# --- clock changes ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("zone", "wall", "first_valid"),
    [
        ("Europe/London", datetime(2027, 3, 28, 1, 30), datetime(2027, 3, 28, 2, 0)),
        ("America/New_York", datetime(2027, 3, 14, 2, 30), datetime(2027, 3, 14, 3, 0)),
        ("Australia/Lord_Howe", datetime(2027, 10, 3, 2, 10), datetime(2027, 10, 3, 2, 30)),
    ],
)
def test_a_time_in_a_gap_is_refused_with_the_first_valid_time(zone: str, wall: datetime, first_valid: datetime) -> None:
    with pytest.raises(NonexistentTime) as info:
        resolve_local(wall, zone)
    err = info.value
    assert (err.wall, err.zone, err.first_valid) == (wall, zone, first_valid)
    assert "does not exist" in str(err) and zone in str(err)
    assert f"{first_valid:%H:%M}" in str(err)
    for fold in ("earlier", "later"):  # a gap is never guessed
        with pytest.raises(NonexistentTime):
            resolve_local(wall, zone, fold=fold)
    assert resolve_local(first_valid, zone) is not None


@pytest.mark.parametrize(
    ("zone", "wall", "earlier", "later"),
    [
        (
            "Europe/London",
            datetime(2027, 10, 31, 1, 30),
            datetime(2027, 10, 31, 0, 30, tzinfo=UTC),
            datetime(2027, 10, 31, 1, 30, tzinfo=UTC),
        ),
        (
            "America/New_York",
            datetime(2027, 11, 7, 1, 30),
            datetime(2027, 11, 7, 5, 30, tzinfo=UTC),
            datetime(2027, 11, 7, 6, 30, tzinfo=UTC),
        ),
    ],
)
def test_a_time_in_a_fold_needs_a_choice(zone: str, wall: datetime, earlier: datetime, later: datetime) -> None:
    with pytest.raises(AmbiguousTime) as info:
        resolve_local(wall, zone)
    err = info.value
    assert (err.earlier_utc, err.later_utc) == (earlier, later)
    message = str(err)
    assert "earlier" in message and "later" in message and "twice" in message
    assert f"{earlier:%H:%M} UTC" in message and f"{later:%H:%M} UTC" in message
    assert "UTC-04:00" in message or "UTC+01:00" in message
    assert resolve_local(wall, zone, fold="earlier") == earlier
    assert resolve_local(wall, zone, fold="later") == later


def test_fold_is_ignored_for_an_ordinary_time_and_bad_input_is_refused() -> None:
    wall = datetime(2027, 6, 1, 9, 0)
    assert resolve_local(wall, "Europe/London", fold="later") == datetime(2027, 6, 1, 8, 0, tzinfo=UTC)
    with pytest.raises(ValueError, match="offset"):
        resolve_local(wall.replace(tzinfo=UTC), "Europe/London")
    with pytest.raises(ValueError, match="middle"):
        resolve_local(wall, "Europe/London", fold="middle")
    with pytest.raises(ValueError, match="Mars/Base"):
        resolve_local(wall, "Mars/Base")
    with pytest.raises(ValueError, match="naive"):
        to_zone(wall, "Europe/London")


def test_to_zone_gives_the_instant_on_local_clocks() -> None:
    local = to_zone(datetime(2027, 1, 15, 12, 0, tzinfo=UTC), "Asia/Kolkata")
    assert local.replace(tzinfo=None) == datetime(2027, 1, 15, 17, 30)
    assert local.utcoffset() == timedelta(hours=5, minutes=30)


@settings(max_examples=400, deadline=None)
@given(
    zone=st.sampled_from(ZONES),
    wall=st.datetimes(min_value=datetime(2000, 1, 1), max_value=datetime(2037, 12, 31, 23, 59)),
)
def test_resolving_a_wall_time_and_showing_it_again_round_trips(zone: str, wall: datetime) -> None:
    try:
        instant = resolve_local(wall, zone)
    except (NonexistentTime, AmbiguousTime):
        assume(False)
        return
    assert instant.utcoffset() == timedelta(0)
    assert to_zone(instant, zone).replace(tzinfo=None) == wall


@settings(max_examples=200, deadline=None)
@given(
    zone=st.sampled_from(ZONES),
    instant=st.datetimes(min_value=datetime(2000, 1, 1), max_value=datetime(2037, 12, 31), timezones=st.just(UTC)),
)
def test_every_instant_is_found_again_from_its_wall_time(zone: str, instant: datetime) -> None:
    wall = to_zone(instant, zone).replace(tzinfo=None)
    try:
        assert resolve_local(wall, zone) == instant
    except AmbiguousTime as twice:
        assert instant in (twice.earlier_utc, twice.later_utc)
        assert twice.earlier_utc < twice.later_utc
        fold = "earlier" if instant == twice.earlier_utc else "later"
        assert resolve_local(wall, zone, fold=fold) == instant


# --- hours --------------------------------------------------------------------------------------


def test_parse_hours() -> None:
    assert parse_hours("09:00-17:00") == (time(9, 0), time(17, 0))
    assert parse_hours(" 8:30 - 18:00 ") == (time(8, 30), time(18, 0))
    assert parse_hours("00:00-24:00") == (time(0, 0), time.max)
    assert parse_hours("") is None and parse_hours("   ") is None
    assert parse_hours("17:00-09:00") == (time(17, 0), time(9, 0))  # issue 12: overnight hours run past midnight
    for bad in (
        "9-5",
        "09:00",
        "09:00-09:00",
        "25:00-26:00",
        "09:60-10:00",
        "09:00-24:30",
        "nine to five",
    ):
        with pytest.raises(ValueError):
            parse_hours(bad)


def test_hours_from() -> None:
    assert hours_from("09:00-17:00") == Hours(540, 1020, frozenset(range(5)))
    assert hours_from("00:00-24:00", range(7)) == Hours(0, 1440, frozenset(range(7)))
    assert hours_from("") is None
    with pytest.raises(ValueError):
        hours_from("09:00-17:00", [7])
    with pytest.raises(ValueError):
        Hours(600, 600, frozenset({0}))


@pytest.mark.parametrize(
    ("start", "minutes", "inside"),
    [
        (datetime(2027, 6, 7, 16, 0), 60, True),  # ends exactly at 17:00
        (datetime(2027, 6, 7, 9, 0), 60, True),  # starts exactly at 09:00
        (datetime(2027, 6, 7, 16, 30), 60, False),  # runs past 17:00
        (datetime(2027, 6, 7, 8, 59), 30, False),  # starts before 09:00
        (datetime(2027, 6, 7, 17, 0), 30, False),  # starts at the close
        (datetime(2027, 6, 5, 10, 0), 60, False),  # Saturday
        (datetime(2027, 6, 6, 10, 0), 60, False),  # Sunday
    ],
)
def test_within_hours_in_london_summer(start: datetime, minutes: int, inside: bool) -> None:
    start_utc = resolve_local(start, "Europe/London")
    assert within_hours(start_utc, minutes, OFFICE, "Europe/London") is inside


def test_within_hours_uses_the_local_day_of_the_zone() -> None:
    # Monday 23:00 UTC is Tuesday 08:00 in Tokyo (before the hours) and Monday 16:00 in Los Angeles.
    start = datetime(2027, 6, 7, 23, 0, tzinfo=UTC)
    assert within_hours(start, 60, OFFICE, "America/Los_Angeles")
    assert not within_hours(start, 60, OFFICE, "Asia/Tokyo")
    assert within_hours(start + timedelta(hours=1), 60, OFFICE, "Asia/Tokyo")
    # Friday 16:30 in Sydney is Friday 06:30 UTC; an hour runs into the close.
    assert not within_hours(datetime(2027, 6, 11, 6, 30, tzinfo=UTC), 60, OFFICE, "Australia/Sydney")


def test_round_the_clock_hours_join_across_midnight() -> None:
    always = hours_from("00:00-24:00", range(7))
    assert within_hours(datetime(2027, 3, 27, 23, 30, tzinfo=UTC), 120, always, "Europe/London")  # across the gap
    weekdays = hours_from("00:00-24:00")
    assert not within_hours(datetime(2027, 6, 4, 23, 30, tzinfo=UTC), 60, weekdays, "UTC")  # Friday into Saturday
    assert within_hours(datetime(2027, 6, 3, 23, 30, tzinfo=UTC), 60, weekdays, "UTC")  # Thursday into Friday


def test_overlaps_is_half_open() -> None:
    a = datetime(2027, 6, 7, 9, 0, tzinfo=UTC)
    assert overlaps(a, 60, a + timedelta(minutes=59), 30)
    assert not overlaps(a, 60, a + timedelta(minutes=60), 30)
    assert not overlaps(a + timedelta(minutes=60), 30, a, 60)
    assert overlaps(a, 60, a - timedelta(minutes=10), 11)
    assert overlaps(a, 120, a + timedelta(minutes=30), 10)  # one inside the other
    assert not overlaps(a, 0, a, 60)


# --- weekly overlap -----------------------------------------------------------------------------


def _weeks(fit: Fit) -> dict[date, float]:
    return dict(fit.weeks)


def test_london_and_new_york_overlap_more_while_only_one_has_moved_its_clocks() -> None:
    fit = weekly_overlap(OFFICE, "Europe/London", OFFICE, "America/New_York", start=date(2027, 1, 4))
    weeks = _weeks(fit)
    moved = {date(2027, 3, 15), date(2027, 3, 22), date(2027, 11, 1)}
    for monday in moved:
        assert weeks[monday] == 20.0
    assert weeks[date(2027, 3, 8)] == 15.0  # the US change is on Sunday 14 March
    assert weeks[date(2027, 3, 29)] == 15.0
    assert weeks[date(2027, 10, 25)] == 15.0
    assert weeks[date(2027, 11, 8)] == 15.0
    assert all(hours == 15.0 for monday, hours in weeks.items() if monday not in moved and monday < date(2028, 1, 3))
    assert (fit.min_weekly_hours, fit.typical_weekly_hours, fit.max_weekly_hours) == (15.0, 15.0, 20.0)
    assert fit.by_weekday == (3.0, 3.0, 3.0, 3.0, 3.0, 0.0, 0.0)


def test_partial_weeks_count_their_days_but_not_the_summary() -> None:
    fit = weekly_overlap(OFFICE, "Europe/London", OFFICE, "America/New_York", start=date(2027, 1, 6), days=14)
    assert fit.weeks == ((date(2027, 1, 4), 9.0), (date(2027, 1, 11), 15.0), (date(2027, 1, 18), 6.0))
    assert (fit.min_weekly_hours, fit.typical_weekly_hours, fit.max_weekly_hours) == (15.0, 15.0, 15.0)
    short = weekly_overlap(OFFICE, "Europe/London", OFFICE, "America/New_York", start=date(2027, 1, 6), days=2)
    assert short.weeks == ((date(2027, 1, 4), 6.0),) and short.min_weekly_hours == 6.0
    with pytest.raises(ValueError):
        weekly_overlap(OFFICE, "Europe/London", OFFICE, "America/New_York", start=date(2027, 1, 6), days=0)


def test_london_and_kolkata_follow_the_uk_clock_changes() -> None:
    fit = weekly_overlap(OFFICE, "Europe/London", OFFICE, "Asia/Kolkata", start=date(2027, 1, 4))
    weeks = _weeks(fit)
    assert weeks[date(2027, 1, 11)] == 12.5  # 09:00-11:30 UTC
    assert weeks[date(2027, 7, 12)] == 17.5  # 08:00-11:30 UTC
    assert (fit.min_weekly_hours, fit.max_weekly_hours) == (12.5, 17.5)
    assert fit.typical_weekly_hours == 17.5  # summer time lasts longer than winter


def test_no_overlap_at_all() -> None:
    fit = weekly_overlap(OFFICE, "Europe/London", OFFICE, "Pacific/Auckland", start=date(2027, 1, 4))
    assert (fit.min_weekly_hours, fit.typical_weekly_hours, fit.max_weekly_hours) == (0.0, 0.0, 0.0)
    assert all(hours == 0.0 for _, hours in fit.weeks)


def test_overlap_with_the_vendors_next_day_respects_its_weekend() -> None:
    # Los Angeles 09:00-17:00 PST is 17:00-01:00 UTC; Tokyo 09:00 is 00:00 UTC of the next day, so
    # Monday to Thursday meet Tokyo's Tuesday to Friday for an hour, and Friday meets Saturday.
    fit = weekly_overlap(OFFICE, "America/Los_Angeles", OFFICE, "Asia/Tokyo", start=date(2027, 1, 4))
    weeks = _weeks(fit)
    assert weeks[date(2027, 1, 11)] == 4.0
    assert weeks[date(2027, 7, 12)] == 0.0  # PDT: 16:00-00:00 UTC
    assert fit.by_weekday[4] == 0.0


def test_round_the_clock_support_covers_all_our_hours() -> None:
    always = hours_from("00:00-24:00", range(7))
    for zone in ("Pacific/Chatham", "America/St_Johns", "Europe/London"):
        fit = weekly_overlap(OFFICE, "Europe/London", always, zone, start=date(2027, 1, 4))
        assert (fit.min_weekly_hours, fit.typical_weekly_hours, fit.max_weekly_hours) == (40.0, 40.0, 40.0)


def test_a_year_of_overlap_across_the_date_line_is_bounded_and_repeatable() -> None:
    """New York against Lord Howe (half-hour clock changes, opposite seasons); its speed: benchmarks/bench_domain.py."""
    fit = weekly_overlap(OFFICE, "America/New_York", OFFICE, "Australia/Lord_Howe", start=date(2027, 1, 4))
    assert 0.0 <= fit.min_weekly_hours <= fit.typical_weekly_hours <= fit.max_weekly_hours <= 40.0
    assert fit == weekly_overlap(OFFICE, "America/New_York", OFFICE, "Australia/Lord_Howe", start=date(2027, 1, 4))
