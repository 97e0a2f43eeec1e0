"""A selection's own settings: its name, time zone, business hours and working days, changed in one unit of work."""

from __future__ import annotations

from sqlmodel import Session, col, select

from workbench.domain.text import name_key
from workbench.services.base import Service, clean_text, unit_of_work
from workbench.services.errors import Conflict, UserError
from workbench.services.kit_wording import reword_kit
from workbench.services.selections import find_selection, selection_view
from workbench.services.views.selections import SelectionView
from workbench.store.models import Selection
from workbench.store.name_lock import hold_names

# The fields as the command line's options and the app's edit dialog name them.
SETTING_FIELDS = ("name", "timezone", "hours", "days")


def edit_selection(
    session: Session,
    sel: Selection,
    *,
    name: str | None = None,
    timezone: str | None = None,
    hours: str | None = None,
    days: str | tuple[int, ...] | None = None,
) -> Selection:
    """Change the given settings of a selection in the caller's unit of work; None leaves one as it is.

    Every field is checked before anything changes. The kit's wording that names our place
    (``workbench.domain.our_place``) follows a new zone or new hours where it was not edited.

    Raises:
        UserError: a field is invalid (the error names it: name, timezone, hours, days).
        Conflict: another selection has that name already.
    """
    from workbench.services.validate import check_days, check_hours, check_timezone

    new_name = None if name is None else clean_text(name, field="name", required=True, max_length=200)
    new_zone = None if timezone is None else check_timezone(timezone, field="timezone")
    new_hours = None if hours is None else check_hours(hours, field="hours", allow_empty=False)
    new_days = None if days is None else check_days(days, field="days")
    if new_name is not None and new_name != sel.name:
        hold_names(session, None)
        for sid, other in session.exec(select(col(Selection.id), col(Selection.name))).all():
            if sid != sel.id and name_key(other) == name_key(new_name):
                raise Conflict(f"a selection named {other!r} exists already", field="name")
        sel.name = new_name
    old_zone, old_hours, old_days = sel.timezone, sel.business_hours, sel.business_days
    if new_zone is not None:
        sel.timezone = new_zone
    if new_hours is not None:
        sel.business_hours = new_hours
    if new_days is not None:
        sel.business_days = new_days
    if (sel.timezone, sel.business_hours, sel.business_days) != (old_zone, old_hours, old_days):
        reword_kit(session, sel, old_zone, old_hours, old_days)
    session.add(sel)
    session.flush()
    return sel


class SelectionSettingsService(Service):
    """The selection's own settings: ``services.selection_settings.edit``."""

    @unit_of_work(write=True)
    def edit(
        self,
        session: Session,
        ref: str | int | None = None,
        *,
        name: str | None = None,
        timezone: str | None = None,
        hours: str | None = None,
        days: str | tuple[int, ...] | None = None,
    ) -> SelectionView:
        """Change a selection's name, time zone, business hours (``HH:MM-HH:MM``, may run past midnight)
        or working days (``mon-fri``, ``sun-thu``, ``mon,wed,fri``, or day numbers, Monday = 0).

        Returns:
            The selection as stored now.

        Raises:
            UserError: nothing to change, or a field is invalid (the error names it).
            Conflict: another selection has that name.
        """
        if name is None and timezone is None and hours is None and days is None:
            raise UserError("nothing to change: give --name, --timezone, --hours or --days", field="selection")
        sel = find_selection(session, ref)
        return selection_view(edit_selection(session, sel, name=name, timezone=timezone, hours=hours, days=days))
