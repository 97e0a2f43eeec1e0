"""The selection's own settings in a dialog: its name, our time zone, business hours and working days."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from screens.dialogs.form import FormDialog, FormField
from workbench.domain.workdays import days_label

if TYPE_CHECKING:
    from workbench.services.views.selections import SelectionView

# The service's field names (``services.selection_settings.edit``), so an error shows beside its field.
FIELD_LABELS = {
    "name": "Name",
    "timezone": "Our time zone (IANA name)",
    "hours": "Business hours (ours)",
    "days": "Working days (ours)",
}


def settings_values(view: SelectionView) -> dict[str, str]:
    """The dialog's start values for a stored selection."""
    return {
        "name": view.name,
        "timezone": view.timezone,
        "hours": view.business_hours,
        "days": days_label(view.business_days).replace(" ", "").lower(),
    }


def changed_settings(view: SelectionView, values: dict[str, Any]) -> dict[str, str]:
    """Only the fields the user changed (a name typed in another case counts as a change)."""
    start = settings_values(view)
    return {k: str(v) for k, v in values.items() if k in start and str(v).strip() != start[k]}


def selection_settings_dialog(view: SelectionView, submit: Callable[[FormDialog, dict[str, str]], None]) -> FormDialog:
    """A form with the selection's settings; ``submit(dialog, changed)`` gets only the changed fields."""
    start = settings_values(view)

    def on_submit(dialog: FormDialog, values: dict[str, Any]) -> None:
        submit(dialog, changed_settings(view, values))

    placeholders = {
        "name": "the selection's name",
        "timezone": "e.g. America/New_York",
        "hours": "HH:MM-HH:MM, e.g. 09:00-17:00 (17:00-09:00 runs overnight)",
        "days": "mon-fri, sun-thu or mon,tue,…",
    }
    fields = [FormField(n, label, start[n], placeholder=placeholders[n]) for n, label in FIELD_LABELS.items()]
    return FormDialog("Selection settings", fields, on_submit)  # the name is in its field, never in markup
