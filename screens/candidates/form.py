"""Adding a candidate: a small form saved through the services."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from screens.dialogs.form import FormDialog, FormField

if TYPE_CHECKING:
    from screens.shell.editing import EditingScreen
    from workbench.services.views.candidates import CandidateView


def new_candidate_dialog(
    screen: EditingScreen, selection: str | None, added: Callable[[CandidateView], None]
) -> FormDialog:
    """A form for a new candidate; saving it adds the candidate through the services.

    Args:
        screen: the screen whose save queue stores it.
        selection: the selection's name.
        added: called with the stored candidate, after the dialog closed.
    """

    def submit(dialog: FormDialog, values: dict[str, Any]) -> None:
        def stored(view: CandidateView) -> None:
            dialog.dismiss(view)
            added(view)

        screen.save(
            lambda services: services.candidates.add(selection=selection, **values), stored, failed=dialog.show_error
        )

    return FormDialog(
        "New candidate",
        [
            FormField("name", "Name", placeholder="The vendor's name"),
            FormField("website", "Website", placeholder="https://…"),
            FormField("timezone", "Home time zone (IANA name)", "UTC", placeholder="Europe/London"),
            FormField("support_hours", "Support hours (local)", placeholder="08:00-18:00 (17:00-09:00 runs overnight)"),
            FormField("working_days", "Working days", "mon-fri", placeholder="mon-fri, sun-thu or mon,tue,…"),
            FormField("onsite", "On-site support", False, kind="switch"),
            FormField("baseline", "In-house hire baseline", False, kind="switch"),
        ],
        submit,
    )
