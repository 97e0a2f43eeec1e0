"""The value rules written once: ids, zones, the supported years, counts and whole numbers as typed."""

from __future__ import annotations

import argparse
from datetime import date, datetime
from zoneinfo import available_timezones

import pytest

from workbench.commands.values import whole_number
from workbench.domain import recurrence
from workbench.domain.date_range import outside_range
from workbench.services.base import id_of, parse_ref
from workbench.services.errors import NotFound, UserError
from workbench.services.validate import check_count, check_date_range, check_timezone, parse_date, place_zones
from workbench.store.types import ID_MAX


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("12", (12, "12")),
        ("#12", (12, "#12")),
        (" 007 ", (7, "007")),
        (str(ID_MAX), (ID_MAX, str(ID_MAX))),
        (str(ID_MAX + 1), (None, str(ID_MAX + 1))),
        ("0", (None, "0")),
        ("9" * 5000, (None, "9" * 5000)),  # past Python's 4300-digit int() limit: no ValueError
        ("\u0661\u0662", (None, "\u0661\u0662")),  # other scripts' digits are a name
        ("-1", (None, "-1")),
        ("Acme", (None, "Acme")),
    ],
)
def test_parse_ref(text: str, expected: tuple[int | None, str]) -> None:
    assert parse_ref(text) == expected


def test_id_of_names_the_field() -> None:
    assert id_of(" #5", noun="meeting", field="MEETING") == 5
    with pytest.raises(NotFound, match=r"^MEETING: no meeting numbered 9223372036854775808$"):
        id_of("9223372036854775808", noun="meeting", field="MEETING")
    with pytest.raises(NotFound, match=r"^SERIES: no series numbered 0$"):
        id_of(0, noun="series", field="SERIES")
    with pytest.raises(UserError, match=r"^QUESTION: '-3' is not a question number$"):
        id_of(-3, noun="question", field="QUESTION")
    with pytest.raises(UserError, match="is not a meeting number") as info:
        id_of("x" * 100_000, noun="meeting", field="MEETING")
    assert len(str(info.value)) < 100  # the echo is cut


def test_every_place_zone_and_utc_are_accepted() -> None:
    zones = place_zones()
    assert "UTC" in zones and "Europe/London" in zones and "America/Argentina/Buenos_Aires" in zones
    for zone in zones:
        assert check_timezone(zone) == zone


@pytest.mark.parametrize("zone", sorted(z for z in available_timezones() if z not in place_zones()))
def test_legacy_zones_are_refused_with_a_place_suggested(zone: str) -> None:
    with pytest.raises(UserError, match=r"is not the time zone of a place.*America/New_York, or UTC") as info:
        check_timezone(zone, field="--tz")
    assert str(info.value).startswith(f"--tz: {zone!r}")


def test_a_legacy_name_of_a_place_suggests_the_place() -> None:
    with pytest.raises(
        UserError, match=r"'Singapore' is not the time zone of a place.*\(did you mean Asia/Singapore\?\)"
    ):
        check_timezone("Singapore")


def test_unknown_zone_keeps_its_hint() -> None:
    with pytest.raises(UserError, match=r"'london' is not an IANA time zone name \(did you mean Europe/London\?\)"):
        check_timezone("london")
    with pytest.raises(UserError, match=r"'utc' is not an IANA time zone name \(did you mean UTC\?\)"):
        check_timezone("utc")


def test_supported_years() -> None:
    assert outside_range(date(1900, 1, 1)) is None and outside_range(datetime(2999, 12, 31, 23, 59)) is None
    assert outside_range(date(1, 1, 1)) == "0001-01-01 is before 1900 (dates from 1900 to 2999 are supported)"
    assert outside_range(date(3000, 1, 1)) == "3000-01-01 is after 2999 (dates from 1900 to 2999 are supported)"
    with pytest.raises(UserError, match=r"^--at: 9999-12-31 is after 2999"):
        check_date_range(datetime(9999, 12, 31, 23, 30), field="--at")
    with pytest.raises(UserError, match=r"^--due: 1899-12-31 is before 1900"):
        parse_date(date(1899, 12, 31), field="--due")
    with pytest.raises(UserError, match=r"^--due: '9999-99-99' is not a date as YYYY-MM-DD$"):
        parse_date("9999-99-99", field="--due")
    assert parse_date("2027-01-31", field="--due") == date(2027, 1, 31)


def test_a_series_stops_at_the_last_supported_year() -> None:
    with pytest.raises(ValueError, match=r"meeting 3 of the series would be after 2999"):
        recurrence.expand(datetime(2998, 1, 1, 10), "Pacific/Pago_Pago", "monthly", 12, count=3)
    assert (
        len(recurrence.expand(datetime(2998, 1, 1, 10), "Pacific/Pago_Pago", "monthly", 12, count=2).occurrences) == 2
    )


def test_count() -> None:
    assert check_count(500) == 500
    for bad in (0, 501, 100_000, -1, True, "3", 2.0):
        with pytest.raises(UserError, match=r"^--count: .* is not a whole number of meetings from 1 to 500$"):
            check_count(bad)


def test_whole_number_as_typed() -> None:
    assert whole_number(" 60 ") == 60 and whole_number("-5") == -5 and whole_number("+7") == 7
    for bad in ("nan", "inf", "1e3", "1_000", "\u0661\u0662", "", "9" * 19, "6O"):
        with pytest.raises(argparse.ArgumentTypeError, match="is not a whole number"):
            whole_number(bad)
