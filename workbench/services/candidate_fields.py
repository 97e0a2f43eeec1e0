"""The fields of a candidate as a person or a file gives them: each one's rule, checked the same everywhere."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from workbench.domain.vocabulary import CANDIDATE_STATUSES
from workbench.services.base import clean_text
from workbench.services.errors import UserError
from workbench.services.validate import (
    check_choice,
    check_days,
    check_hours,
    check_timezone,
    check_url,
    parse_bool,
)

TEXT_MAX = 200
LONG_TEXT_MAX = 50_000

CANDIDATE_RULES: dict[str, Callable[[Any], Any]] = {
    "name": lambda v: clean_text(v, field="name", required=True, max_length=TEXT_MAX),
    "website": lambda v: check_url(clean_text(v, field="website", max_length=2000), field="website"),
    "timezone": lambda v: check_timezone(clean_text(v, field="timezone", max_length=TEXT_MAX), field="timezone"),
    "support_hours": lambda v: check_hours(
        clean_text(v, field="support_hours", max_length=TEXT_MAX), field="support_hours"
    ),
    "working_days": lambda v: check_days(v, field="working_days"),
    "onsite": lambda v: parse_bool(v, field="onsite"),
    "status": lambda v: check_choice(
        clean_text(v, field="status", max_length=TEXT_MAX), CANDIDATE_STATUSES, field="status"
    ),
    "baseline": lambda v: parse_bool(v, field="baseline"),
    "notes": lambda v: clean_text(v, field="notes", max_length=LONG_TEXT_MAX, multiline=True),
}


def clean_candidate_fields(fields: dict[str, Any]) -> dict[str, Any]:
    """Validate candidate fields; UserError names the first bad (or unknown) field.

    Args:
        fields: field name -> raw value (only the fields being set).

    Returns:
        Field name -> clean value.
    """
    unknown = sorted(set(fields) - set(CANDIDATE_RULES))
    if unknown:
        raise UserError(f"unknown field(s) {', '.join(unknown)}; known: {', '.join(CANDIDATE_RULES)}", field=unknown[0])
    return {name: CANDIDATE_RULES[name](value) for name, value in fields.items()}
