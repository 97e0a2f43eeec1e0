"""Working days: the week days a side works, as people type them (``mon-fri``, ``sun-thu``, ``mon,wed``)."""

from __future__ import annotations

from collections.abc import Iterable

DAY_ABBREVIATIONS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
_FULL_NAMES = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_LABELS = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
DEFAULT_DAYS: tuple[int, ...] = (0, 1, 2, 3, 4)  # Monday to Friday
STORED_DEFAULT = "0,1,2,3,4"


def _day(word: str, raw: str) -> int:
    key = word.strip().casefold()
    for names in (DAY_ABBREVIATIONS, _FULL_NAMES):
        if key in names:
            return names.index(key)
    raise ValueError(f"{raw!r}: {word.strip()!r} is not a week day (mon, tue, wed, thu, fri, sat, sun)")


def parse_days(text: object) -> tuple[int, ...]:
    """Week days from text: names or ranges separated by commas.

    A range runs forward through the week and may wrap past Sunday (``sun-thu``,
    ``fri-mon``); ``mon-sun`` is every day.

    Args:
        text: e.g. "mon-fri", "Mon,Tue,Thu", "sun-thu", "saturday".

    Returns:
        The days, Monday=0 .. Sunday=6, sorted, each once.

    Raises:
        ValueError: empty, a word that is not a day, or a malformed range.
    """
    raw = text if isinstance(text, str) else ""
    if not raw.strip():
        raise ValueError("give at least one week day, e.g. mon-fri or mon,tue,wed")
    days: set[int] = set()
    for part in raw.split(","):
        if not part.strip():
            raise ValueError(f"{raw!r}: an empty day between commas")
        ends = part.split("-")
        if len(ends) == 1:
            days.add(_day(ends[0], raw))
        elif len(ends) == 2:
            first, last = _day(ends[0], raw), _day(ends[1], raw)
            span = (last - first) % 7
            days.update((first + i) % 7 for i in range(span + 1))
        else:
            raise ValueError(f"{raw!r}: a range is two days, e.g. mon-fri")
    return tuple(sorted(days))


def check_days(days: Iterable[object]) -> tuple[int, ...]:
    """Days as stored: at least one, each 0 (Monday) to 6 (Sunday); ValueError otherwise."""
    given = list(days)
    if not given:
        raise ValueError("give at least one week day")
    out: set[int] = set()
    for d in given:
        if isinstance(d, bool) or not isinstance(d, int) or not 0 <= d <= 6:
            raise ValueError(f"week days are 0 (Monday) to 6 (Sunday), not {d!r}")
        out.add(d)
    return tuple(sorted(out))


def stored_days(text: str | None) -> tuple[int, ...]:
    """Days from their stored form ``"0,1,2,3,4"``; Monday to Friday when empty or unreadable."""
    try:
        return check_days(int(d) for d in (text or "").split(",") if d.strip())
    except ValueError:
        return DEFAULT_DAYS


def store_days(days: Iterable[int]) -> str:
    """The stored form of days: ``"0,1,2,3,4"``."""
    return ",".join(str(d) for d in check_days(days))


def days_label(days: Iterable[int]) -> str:
    """Days in short words, runs joined: ``Mon-Fri``, ``Sun-Thu``, ``Mon, Wed, Fri``, ``every day``."""
    wanted = set(days)
    if len(wanted) == 7:
        return "every day"
    if not wanted:
        return "no days"
    # start a run where the day before is not worked, so a run may wrap past Sunday
    start = next(d for d in range(7) if d in wanted and (d - 1) % 7 not in wanted)
    runs: list[tuple[int, int]] = []
    d = start
    for _ in range(7):
        if d in wanted:
            if runs and (runs[-1][1] + 1) % 7 == d:
                runs[-1] = (runs[-1][0], d)
            else:
                runs.append((d, d))
        d = (d + 1) % 7
    parts = []
    for first, last in runs:
        length = (last - first) % 7 + 1
        if length >= 3:
            parts.append(f"{_LABELS[first]}-{_LABELS[last]}")
        else:
            parts.extend(_LABELS[(first + i) % 7] for i in range(length))
    return ", ".join(parts)
