"""Working days as people type them, and the words for our place in the kit (issue 12, our side)."""

from __future__ import annotations

import pytest

from workbench.domain import our_place
from workbench.domain.workdays import check_days, days_label, parse_days, store_days, stored_days


@pytest.mark.parametrize(
    ("text", "days"),
    [
        ("mon-fri", (0, 1, 2, 3, 4)),
        ("Mon-Fri", (0, 1, 2, 3, 4)),
        (" mon , tue,thu ", (0, 1, 3)),
        ("sun-thu", (0, 1, 2, 3, 6)),  # a range wraps past Sunday
        ("fri-mon", (0, 4, 5, 6)),
        ("saturday", (5,)),
        ("mon-sun", tuple(range(7))),
        ("wed-wed", (2,)),
        ("mon,mon-tue", (0, 1)),
    ],
)
def test_parse_days(text: str, days: tuple[int, ...]) -> None:
    assert parse_days(text) == days


@pytest.mark.parametrize("text", ["", "   ", "mon,", ",mon", "mon-", "mon-tue-wed", "funday", "mo", "1,2", "m\u200bon"])
def test_parse_days_refuses(text: str) -> None:
    with pytest.raises(ValueError):
        parse_days(text)


def test_days_in_their_stored_form() -> None:
    assert store_days((4, 0, 1)) == "0,1,4"
    assert stored_days("0,1,2,3,4") == (0, 1, 2, 3, 4)
    assert stored_days("") == (0, 1, 2, 3, 4) and stored_days("x,9") == (0, 1, 2, 3, 4)
    for bad in ((), (7,), (-1,), (True,)):
        with pytest.raises(ValueError):
            check_days(bad)


@pytest.mark.parametrize(
    ("days", "label"),
    [
        ((0, 1, 2, 3, 4), "Mon-Fri"),
        ((6, 0, 1, 2, 3), "Sun-Thu"),
        ((0, 2, 4), "Mon, Wed, Fri"),
        ((5, 6), "Sat, Sun"),
        (tuple(range(7)), "every day"),
        ((0, 1, 2, 4, 5, 6), "Fri-Wed"),
        ((0, 1, 3, 4, 5), "Mon, Tue, Thu-Sat"),
    ],
)
def test_days_label(days: tuple[int, ...], label: str) -> None:
    assert days_label(days) == label
    if len(days) < 7:
        assert parse_days(label.replace(" ", "")) == tuple(sorted(days))  # the label reads back


def test_the_kit_names_our_place() -> None:
    text = "During which hours, in {our_time}, ({our_hours}); cover for {our_holidays}?"
    assert our_place.render(text, "Europe/London", "09:00-17:00") == (
        "During which hours, in London time, (09:00-17:00 London); cover for UK bank holidays?"
    )
    assert our_place.render(text, "America/New_York", "08:00-16:00") == (
        "During which hours, in New York time, (08:00-16:00 New York); cover for public holidays in New York?"
    )
    assert our_place.render(text, "Asia/Dubai", "08:00-17:00", (6, 0, 1, 2, 3)) == (
        "During which hours, in Dubai time, (08:00-17:00 Sun-Thu Dubai); cover for public holidays in Dubai?"
    )
    assert our_place.render("in {our_time}", "UTC", "09:00-17:00") == "in UTC"
    assert our_place.render("in {our_time}", "America/Argentina/Buenos_Aires", "x") == "in Buenos Aires time"
    # only the three tokens: any other brace stays as typed
    assert our_place.render("{our_x} {0} {our_time", "UTC", "") == "{our_x} {0} {our_time"
