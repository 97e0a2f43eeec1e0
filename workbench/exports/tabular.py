"""Tables as CSV cells that no spreadsheet reads as a formula nor a terminal as a control sequence, and UTC
timestamps."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Sequence
from datetime import UTC, date, datetime
from typing import Any

from workbench.domain.display import several_lines


def iso_utc(value: datetime | None) -> str | None:
    """An aware (or naive UTC) datetime as ``2031-05-06T08:00:00Z``."""
    if value is None:
        return None
    if value.tzinfo is None:
        value = value.replace(tzinfo=UTC)
    return value.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


FORMULA_STARTS = frozenset("=+-@\t\r")


def safe_cell(value: Any) -> Any:
    """Neutralise a CSV cell that a spreadsheet would read as a formula, or a terminal as a control sequence
    (control characters shown as in ``workbench.domain.display.several_lines``); numbers untouched."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, (int, float)):
        return value
    if isinstance(value, datetime):
        return iso_utc(value)
    if isinstance(value, date):
        return value.isoformat()
    text = several_lines(value)
    if text and text[0] in FORMULA_STARTS:
        if _is_number(text):
            return text
        return "'" + text
    if text.startswith("'") and text.lstrip("'")[:1] in tuple(FORMULA_STARTS):
        return "'" + text  # an apostrophe of the user's own survives the importer's unquoting
    return text


def _is_number(text: str) -> bool:
    try:
        float(text)
    except ValueError:
        return False
    return True


def to_csv(columns: Sequence[str], rows: Iterable[Sequence[Any]]) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(columns)
    for row in rows:
        writer.writerow([safe_cell(v) for v in row])
    return buffer.getvalue()
