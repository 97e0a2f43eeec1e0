"""The dates the workbench takes: years 1900 to 2999, in every field and every zone.

Python's datetimes end at year 1 and 9999, so a wall time near either end cannot be moved to UTC in a zone
far from it (9999-12-31 23:30 in Pacific/Pago_Pago is in year 10000 in UTC). A meeting, a due date or a
check date outside these years is a typo; refusing it gives one clear answer in every zone.
"""

from __future__ import annotations

from datetime import date

FIRST_YEAR = 1900
LAST_YEAR = 2999
SUPPORTED = f"dates from {FIRST_YEAR} to {LAST_YEAR} are supported"


def outside_range(day: date) -> str | None:
    """Why a date (or a datetime's date) is refused, or None when it is within the supported years.

    Args:
        day: the date typed, or the wall time's date.

    Returns:
        E.g. "9999-12-31 is after 2999 (dates from 1900 to 2999 are supported)", or None.
    """
    if day.year < FIRST_YEAR:
        return f"{day.isoformat()[:10]} is before {FIRST_YEAR} ({SUPPORTED})"
    if day.year > LAST_YEAR:
        return f"{day.isoformat()[:10]} is after {LAST_YEAR} ({SUPPORTED})"
    return None
