"""An action's due date as typed: a calendar date written YYYY-MM-DD (ASCII digits), or nothing."""

from __future__ import annotations

import re
from datetime import date

from workbench.domain.date_range import outside_range

_ISO_DAY = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")


def due_problem(text: str) -> str | None:
    """Why ``text`` is not a due date (None: it is one, or it is blank: no date)."""
    typed = (text or "").strip()
    if not typed:
        return None
    try:
        if _ISO_DAY.fullmatch(typed):
            return outside_range(date.fromisoformat(typed))
    except ValueError:
        pass
    shown = typed if len(typed) <= 40 else typed[:40] + "…"
    return f"{shown!r} is not a date: write it as YYYY-MM-DD, e.g. 2031-05-20"


def parse_due(text: str) -> date | None:
    """The date ``text`` names (None when blank); ValueError with ``due_problem``'s words otherwise."""
    found = due_problem(text)
    if found is not None:
        raise ValueError(found)
    typed = (text or "").strip()
    return date.fromisoformat(typed) if typed else None
