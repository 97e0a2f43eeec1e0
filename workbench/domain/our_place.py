"""The kit's words for our place: a shipped text says ``{our_time}``, ``{our_hours}`` or ``{our_holidays}``
and a selection's copy names its own zone, hours and holidays.

Only these three tokens are replaced (plain text replacement, never ``str.format``), so a brace typed by
a person stays as typed. Holidays are named as UK bank holidays only when the zone is a UK one; every
other zone gets "public holidays in <place>" (the workbench knows no holiday calendar, only the words).
"""

from __future__ import annotations

from collections.abc import Iterable

from workbench.domain.workdays import DEFAULT_DAYS, days_label

TOKENS = ("{our_time}", "{our_hours}", "{our_holidays}")
UK_ZONES = frozenset({"Europe/London", "Europe/Belfast", "GB", "GB-Eire"})


def place(zone: str) -> str:
    """A zone's place in words: ``America/New_York`` -> ``New York``; ``UTC`` or ``Etc/GMT+5`` stay as they are."""
    if "/" not in zone or zone.startswith("Etc/"):
        return zone
    return zone.rsplit("/", 1)[1].replace("_", " ")


def wording(zone: str, hours: str, days: Iterable[int] = DEFAULT_DAYS) -> dict[str, str]:
    """Each token's words for a selection's zone, business hours and working days."""
    where = place(zone)
    time_words = where if where == zone else f"{where} time"
    days = tuple(sorted(set(days)))
    hours_words = hours if days == DEFAULT_DAYS else f"{hours} {days_label(days)}"
    holidays = "UK bank holidays" if zone in UK_ZONES else f"public holidays in {where}"
    return {"{our_time}": time_words, "{our_hours}": f"{hours_words} {where}", "{our_holidays}": holidays}


def render(text: str, zone: str, hours: str, days: Iterable[int] = DEFAULT_DAYS) -> str:
    """A shipped text with its tokens replaced by the words for our place."""
    if "{our_" not in text:
        return text
    for token, words in wording(zone, hours, days).items():
        text = text.replace(token, words)
    return text
