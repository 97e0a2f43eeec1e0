"""Times as people type them ("next Tuesday 10:00", "03/04/2027 9:30") read in a zone; clock changes refused."""

from __future__ import annotations

from datetime import datetime, time, timedelta
from zoneinfo import ZoneInfo

from workbench.domain import dateparse, timezones
from workbench.services.errors import UserError
from workbench.services.validate import check_date_range


def domain_error(exc: ValueError, field: str) -> UserError:
    """A domain rule's refusal as the user error naming the input."""
    return UserError(str(exc), field=field)


def read_time(
    text: str, zone: str, *, date_order: str, now: datetime, fold: str | None = None
) -> tuple[datetime, datetime, str | None]:
    """Typed text in ``zone`` -> (naive wall time, aware UTC start, note); clock changes are refused."""
    today = now.astimezone(ZoneInfo(zone)).date()
    try:
        parsed = dateparse.parse_when(text, today=today, date_order=date_order, default_time=None)
    except ValueError as exc:
        raise domain_error(exc, "--at") from None
    if parsed.date_only:
        raise UserError(f"{text.strip()!r} gives no time of day; add one, e.g. '{text.strip()} 10:00'", field="--at")
    check_date_range(parsed.wall, field="--at")
    try:
        start = timezones.resolve_local(parsed.wall, zone, fold=fold)
    except ValueError as exc:
        raise domain_error(exc, "--at") from None
    return parsed.wall, start, parsed.note


def read_until(text: str, zone: str, *, date_order: str, now: datetime) -> tuple[datetime, str | None]:
    """``--until DATE``: the end of that day in the organiser's zone, as a UTC instant (and a reading note)."""
    today = now.astimezone(ZoneInfo(zone)).date()
    try:
        parsed = dateparse.parse_when(text, today=today, date_order=date_order)
    except ValueError as exc:
        raise domain_error(exc, "--until") from None
    if not parsed.date_only:
        raise UserError(f"{text.strip()!r}: give a date without a time of day", field="--until")
    check_date_range(parsed.wall, field="--until")
    end = datetime.combine(parsed.wall.date() + timedelta(days=1), time(0, 0))
    try:
        last = timezones.resolve_local(end, zone, fold="earlier")
    except timezones.NonexistentTime as exc:
        last = timezones.resolve_local(exc.first_valid, zone)
    return last - timedelta(microseconds=1), (f"--until: {parsed.note}" if parsed.note else None)
