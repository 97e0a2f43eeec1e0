"""Checks of single values that people type: zones, hours, choices, dates, URLs."""

from __future__ import annotations

import re
from datetime import date
from typing import TypeVar
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError, available_timezones

from workbench.domain.date_range import outside_range
from workbench.services.base import clean_text
from workbench.services.errors import UserError

MAX_DURATION = 24 * 60  # minutes a meeting may last
D = TypeVar("D", bound=date)
HOURS_RE = re.compile(r"^([01]\d|2[0-3]):([0-5]\d)-([01]\d|2[0-4]):([0-5]\d)$")


# A zone must name a place (Area/City), whose clock changes it follows, or be UTC. Legacy names, abbreviations and
# fixed offsets (EST, MST7MDT, GMT, Etc/GMT+5, US/Eastern, Japan) are refused: "EST" typed for New York would put
# every summer meeting an hour out, silently.
PLACE_AREAS = frozenset(
    {"Africa", "America", "Antarctica", "Arctic", "Asia", "Atlantic", "Australia", "Europe", "Indian", "Pacific"}
)
_NOT_A_PLACE = (
    "is not the time zone of a place: legacy names, abbreviations and fixed offsets (such as EST, GMT, Etc/GMT+5 "
    "or US/Eastern) do not follow a place's clock changes; give Area/City, e.g. America/New_York, or UTC"
)


def check_timezone(value: str, *, field: str = "timezone") -> str:
    """An IANA zone name of a place (``Area/City``, exactly as the tz database spells it), or ``UTC``."""
    text = (value or "").strip()
    if not text:
        raise UserError("a time zone is required (an IANA name such as Europe/London)", field=field)
    if text not in _zones():
        zone = _suggested_zone(text)
        hint = f" (did you mean {zone}?)" if zone else ""
        shown = text if len(text) <= 60 else text[:59] + "\u2026"
        if text.casefold() in _all_zones() and (zone or "").casefold() != text.casefold():  # a legacy name
            raise UserError(f"{shown!r} {_NOT_A_PLACE}{hint}", field=field)
        raise UserError(f"{shown!r} is not an IANA time zone name{hint}", field=field)
    try:
        ZoneInfo(text)
    except (ZoneInfoNotFoundError, ValueError):
        raise UserError(f"{text!r} is not an IANA time zone name", field=field) from None
    return text


_ZONES: frozenset[str] | None = None
_ALL_FOLDED: frozenset[str] | None = None


def place_zones() -> frozenset[str]:
    """Every zone name ``check_timezone`` accepts: the tz database's places, and UTC."""
    return _zones()


def _zones() -> frozenset[str]:
    global _ZONES
    if _ZONES is None:
        _ZONES = frozenset({z for z in available_timezones() if z.split("/", 1)[0] in PLACE_AREAS} | {"UTC"})
    return _ZONES


def _all_zones() -> frozenset[str]:
    """Every name the tz database knows, case-folded (the legacy ones too)."""
    global _ALL_FOLDED
    if _ALL_FOLDED is None:
        _ALL_FOLDED = frozenset(z.casefold() for z in available_timezones())
    return _ALL_FOLDED


def _suggested_zone(text: str) -> str | None:
    """The accepted zone a text names in another case, or as its last part ("singapore": Asia/Singapore)."""
    lowered = text.casefold().replace(" ", "_")
    for zone in sorted(_zones()):
        if zone.casefold() == lowered or zone.casefold().endswith("/" + lowered):
            return zone
    return None


def check_hours(value: str, *, field: str = "support_hours", allow_empty: bool = True) -> str:
    """Hours as ``HH:MM-HH:MM`` (24-hour clock; 24:00 allowed as an end).

    An end before the start runs past midnight (``17:00-09:00``: from 17:00 to 09:00 the next
    morning); an end equal to the start is refused (``00:00-24:00`` is the whole day).
    """
    text = (value or "").strip()
    if not text and allow_empty:
        return ""
    m = HOURS_RE.match(text)
    if not m:
        raise UserError(f"{text!r} is not hours as HH:MM-HH:MM (e.g. 08:00-18:00)", field=field)
    start = int(m.group(1)) * 60 + int(m.group(2))
    end = int(m.group(3)) * 60 + int(m.group(4))
    if end > 24 * 60:
        raise UserError(f"{text!r}: the end is after 24:00", field=field)
    if end == start:
        raise UserError(f"{text!r}: the end must differ from the start (00:00-24:00 is the whole day)", field=field)
    return text


def check_days(value: object, *, field: str = "working_days") -> str:
    """Working days as typed (``mon-fri``, ``sun-thu``, ``mon,wed,fri``) or as week day numbers;
    the stored form ``"0,1,2,3,4"`` (Monday = 0)."""
    from workbench.domain import workdays

    try:
        if isinstance(value, str):
            days = workdays.parse_days(clean_text(value, field=field, max_length=200))
        elif isinstance(value, (list, tuple, set, frozenset)):
            days = workdays.check_days(value)
        else:
            raise ValueError(f"{value!r} is not week days (e.g. mon-fri)")
    except ValueError as exc:
        raise UserError(str(exc), field=field) from None
    return workdays.store_days(days)


def is_weight(value: object) -> bool:
    """Tell whether a value is a criterion weight: a finite number >= 0."""
    import math

    return isinstance(value, (int, float)) and math.isfinite(value) and value >= 0


def is_whole_in(value: object, low: int, high: int) -> bool:
    """Tell whether a value is a whole number from ``low`` to ``high`` (a bool is not one)."""
    return isinstance(value, int) and not isinstance(value, bool) and low <= value <= high


def check_duration(value: object, *, field: str = "--duration") -> int:
    """A meeting's length: a whole number of minutes from 1 to ``MAX_DURATION``."""
    if isinstance(value, bool) or not isinstance(value, int) or not 1 <= value <= MAX_DURATION:
        raise UserError(f"{value!r} is not a whole number of minutes from 1 to {MAX_DURATION}", field=field)
    return value


def check_count(value: object, *, field: str = "--count") -> int:
    """How many meetings a series has in all: a whole number from 1 to the most a series may have."""
    from workbench.domain.recurrence import MAX_COUNT

    if not is_whole_in(value, 1, MAX_COUNT):
        raise UserError(f"{value!r} is not a whole number of meetings from 1 to {MAX_COUNT}", field=field)
    assert isinstance(value, int)
    return value


def check_one_line(value: object, *, field: str, max_length: int) -> str:
    """A single-line text (a location, an owner) under the rule of ``workbench.domain.text``."""
    return clean_text(value, field=field, max_length=max_length)


def check_choice(value: str, choices: tuple[str, ...], *, field: str) -> str:
    text = (value or "").strip().lower()
    if text not in choices:
        raise UserError(f"{value!r} is not one of {', '.join(choices)}", field=field)
    return text


def parse_bool(value: str | bool, *, field: str) -> bool:
    if isinstance(value, bool):
        return value
    text = (value or "").strip().lower()
    if text in ("yes", "y", "true", "1"):
        return True
    if text in ("no", "n", "false", "0", ""):
        return False
    raise UserError(f"{value!r} is not yes or no", field=field)


def parse_date(value: str | date, *, field: str) -> date:
    """A date as YYYY-MM-DD (or a date already), within the supported years."""
    if isinstance(value, date):
        return check_date_range(value, field=field)
    text = (value or "").strip()
    try:
        day = date.fromisoformat(text)
    except ValueError:
        shown = text if len(text) <= 40 else text[:39] + "\u2026"
        raise UserError(f"{shown!r} is not a date as YYYY-MM-DD", field=field) from None
    return check_date_range(day, field=field)


def check_date_range(day: D, *, field: str) -> D:
    """A date or a wall time, refused naming ``field`` when its year is outside the supported ones (1900-2999)."""
    problem = outside_range(day)
    if problem:
        raise UserError(problem, field=field)
    return day


def check_url(value: str, *, field: str = "website") -> str:
    """An http(s) URL, or empty."""
    text = (value or "").strip()
    if not text:
        return ""
    if not _URL_RE.match(text):
        raise UserError(f"{text!r} is not an http(s) address", field=field)
    return text


# scheme://host[:port][/path?query#fragment], no white space or control characters anywhere.
_URL_RE = re.compile(r"(?i)^https?://[^\s/?#@:\x00-\x1f]+(:\d{1,5})?([/?#][^\s\x00-\x1f]*)?$")
