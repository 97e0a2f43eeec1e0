"""Hours that run past midnight and working days, in workbench.domain.timezones (issue 12, our side)."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest

from workbench.domain.timezones import Hours, hours_from, weekly_overlap, within_hours

NIGHT = hours_from("17:00-09:00")  # a help desk's night shift, starting Monday to Friday
assert NIGHT is not None


def _london(y: int, mo: int, d: int, h: int, mi: int = 0) -> datetime:
    """A London wall time outside any clock change, in winter (GMT = UTC)."""
    return datetime(y, mo, d, h, mi, tzinfo=UTC)


def test_overnight_hours_are_stored_as_an_end_on_the_next_day() -> None:
    assert Hours(17 * 60, 33 * 60, frozenset(range(5))) == NIGHT
    assert hours_from("22:00-00:00") == Hours(22 * 60, 24 * 60, frozenset(range(5)))
    assert hours_from("00:00-24:00") == Hours(0, 24 * 60, frozenset(range(5)))
    for bad in ("09:00-09:00", "00:00-00:00"):
        with pytest.raises(ValueError, match="differ"):
            hours_from(bad)
    with pytest.raises(ValueError):
        Hours(17 * 60, 17 * 60 + 24 * 60 + 1, frozenset({0}))  # more than a day
    with pytest.raises(ValueError):
        Hours(24 * 60, 25 * 60, frozenset({0}))  # starts at 24:00


@pytest.mark.parametrize(
    ("start", "minutes", "inside"),
    [
        (_london(2027, 1, 11, 17), 60, True),  # Monday evening
        (_london(2027, 1, 11, 23, 30), 60, True),  # across Monday midnight
        (_london(2027, 1, 12, 2), 60, True),  # Tuesday 02:00: Monday's shift
        (_london(2027, 1, 12, 8), 60, True),  # ends exactly at 09:00
        (_london(2027, 1, 12, 8, 30), 60, False),  # runs past 09:00
        (_london(2027, 1, 12, 12), 30, False),  # daytime
        (_london(2027, 1, 11, 16, 30), 60, False),  # starts before 17:00
        (_london(2027, 1, 16, 2), 60, True),  # Saturday 02:00: Friday's shift runs into it
        (_london(2027, 1, 16, 10), 60, False),  # Saturday morning after the shift
        (_london(2027, 1, 17, 23), 60, False),  # Sunday night: Sunday is not a working day
        (_london(2027, 1, 11, 3), 60, False),  # Monday 03:00 would be Sunday's shift
        (_london(2027, 1, 12, 16), 24 * 60, False),  # a whole day cannot fit
        (_london(2027, 1, 12, 17), 16 * 60, True),  # the whole shift, Tuesday 17:00 to Wednesday 09:00
    ],
)
def test_a_meeting_inside_overnight_hours(start: datetime, minutes: int, inside: bool) -> None:
    assert within_hours(start, minutes, NIGHT, "Europe/London") is inside


def test_consecutive_overnight_shifts_join_up_but_a_gap_between_them_does_not() -> None:
    every_night = hours_from("17:00-16:00", range(7))  # one hour off a day, 16:00-17:00
    assert every_night is not None
    assert within_hours(_london(2027, 1, 12, 12), 4 * 60, every_night, "UTC")  # 12:00-16:00
    assert not within_hours(_london(2027, 1, 12, 15), 2 * 60, every_night, "UTC")  # 15:00-17:00 crosses the gap
    assert within_hours(_london(2027, 1, 12, 17), 23 * 60, every_night, "UTC")  # a whole shift
    nights = hours_from("17:00-09:00", range(7))
    assert nights is not None
    assert not within_hours(_london(2027, 1, 12, 8), 120, nights, "UTC")  # 09:00-10:00 is not worked


def test_overnight_hours_across_the_spring_clock_change() -> None:
    # Europe/London, Sunday 28 March 2027: 01:00 GMT becomes 02:00 BST. Saturday's shift
    # 17:00 GMT (17:00 UTC) to Sunday 09:00 BST (08:00 UTC) lasts 15 hours.
    shift = hours_from("17:00-09:00", range(7))
    assert shift is not None
    assert within_hours(datetime(2027, 3, 28, 7, 0, tzinfo=UTC), 60, shift, "Europe/London")  # 08:00-09:00 BST
    assert not within_hours(datetime(2027, 3, 28, 7, 30, tzinfo=UTC), 60, shift, "Europe/London")
    assert within_hours(datetime(2027, 3, 27, 17, 0, tzinfo=UTC), 15 * 60, shift, "Europe/London")
    assert not within_hours(datetime(2027, 3, 27, 17, 0, tzinfo=UTC), 15 * 60 + 1, shift, "Europe/London")
    # Monday to Friday only: the Friday shift ends on Saturday morning, before the change
    weekdays = hours_from("17:00-09:00")
    assert weekdays is not None
    assert not within_hours(datetime(2027, 3, 28, 7, 0, tzinfo=UTC), 60, weekdays, "Europe/London")


def test_overnight_hours_across_the_autumn_clock_change() -> None:
    # Sunday 31 October 2027: 02:00 BST becomes 01:00 GMT. Saturday's shift 17:00 BST (16:00 UTC)
    # to Sunday 09:00 GMT (09:00 UTC) lasts 17 hours.
    shift = hours_from("17:00-09:00", range(7))
    assert shift is not None
    assert within_hours(datetime(2027, 10, 30, 16, 0, tzinfo=UTC), 17 * 60, shift, "Europe/London")
    assert not within_hours(datetime(2027, 10, 30, 15, 59, tzinfo=UTC), 60, shift, "Europe/London")
    assert within_hours(datetime(2027, 10, 31, 8, 0, tzinfo=UTC), 60, shift, "Europe/London")
    assert not within_hours(datetime(2027, 10, 31, 8, 30, tzinfo=UTC), 60, shift, "Europe/London")


def test_a_saturday_is_out_of_hours_unless_it_is_a_working_day() -> None:
    saturday = datetime(2027, 1, 16, 10, 0, tzinfo=UTC)
    assert not within_hours(saturday, 60, hours_from("09:00-17:00"), "Europe/London")
    assert within_hours(saturday, 60, hours_from("09:00-17:00", (5,)), "Europe/London")
    sun_thu = hours_from("09:00-17:00", (6, 0, 1, 2, 3))
    assert within_hours(datetime(2027, 1, 17, 6, 0, tzinfo=UTC), 60, sun_thu, "Asia/Dubai")  # Sunday 10:00
    assert not within_hours(datetime(2027, 1, 15, 6, 0, tzinfo=UTC), 60, sun_thu, "Asia/Dubai")  # Friday 10:00


OFFICE = hours_from("09:00-17:00")


def test_fit_with_a_vendor_whose_desk_works_at_night() -> None:
    # Kolkata (UTC+05:30, no clock changes): 17:00-09:00 IST is 11:30-03:30 UTC.
    # London winter office 09:00-17:00 UTC overlaps 11:30-17:00 = 5.5 h a day; summer
    # (08:00-16:00 UTC) 4.5 h a day.
    fit = weekly_overlap(OFFICE, "Europe/London", NIGHT, "Asia/Kolkata", start=date(2027, 1, 4))
    weeks = dict(fit.weeks)
    assert weeks[date(2027, 1, 11)] == 27.5
    assert weeks[date(2027, 6, 7)] == 22.5
    assert (fit.min_weekly_hours, fit.max_weekly_hours) == (22.5, 27.5)
    # the same desk in London is exactly after our hours: no overlap at all
    assert weekly_overlap(OFFICE, "Europe/London", NIGHT, "Europe/London", start=date(2027, 1, 4)).max_weekly_hours == 0


def test_fit_counts_the_vendors_working_days() -> None:
    tue_sat = hours_from("09:00-17:00", (1, 2, 3, 4, 5))
    fit = weekly_overlap(OFFICE, "Europe/London", tue_sat, "Europe/London", start=date(2027, 1, 4))
    assert fit.typical_weekly_hours == 32.0
    assert fit.by_weekday == (0.0, 8.0, 8.0, 8.0, 8.0, 0.0, 0.0)
    # a Friday-night shift that runs into Saturday still overlaps our Saturday when we work it
    our_saturday = hours_from("00:00-12:00", (5,))
    fri_night = hours_from("17:00-09:00", (4,))
    fit = weekly_overlap(our_saturday, "Europe/London", fri_night, "Europe/London", start=date(2027, 1, 4))
    assert fit.typical_weekly_hours == 9.0
