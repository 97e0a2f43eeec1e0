"""Calendar export: a selection's meetings as one iCalendar file."""

from __future__ import annotations

from datetime import datetime

from sqlmodel import Session

from workbench.exports.calendar import calendar_ics
from workbench.services.base import Service, unit_of_work, utcnow
from workbench.services.lookups import candidate_filter
from workbench.services.meeting_views import meeting_views
from workbench.services.selections import find_selection
from workbench.store.lookups import selection_meetings
from workbench.store.models import stored_id


class CalendarService(Service):
    """Export meetings as iCalendar."""

    @unit_of_work(write=False)
    def export(
        self,
        session: Session,
        *,
        selection: str | int | None = None,
        candidate: str | int | None = None,
        now: datetime | None = None,
    ) -> bytes:
        """The selection's meetings, cancelled ones too, as an RFC 5545 calendar.

        The meetings and their candidates' zones come in one query, their agendas and
        attendees in two more, whatever the number of meetings.

        Args:
            selection: the selection's name or id (may be left out when there is one).
            candidate: only this candidate's meetings (name or id).
            now: the export time (DTSTAMP); the current time when left out.

        Returns:
            The calendar as UTF-8 bytes with CRLF line ends.

        Raises:
            NotFound: no such selection or candidate.
        """
        sel = find_selection(session, selection)
        sel_id = stored_id(sel)
        rows = selection_meetings(session, sel_id, candidate_id=candidate_filter(session, sel_id, candidate))
        vendor_zones = {r.meeting.candidate_id: r.candidate_timezone for r in rows}
        views = meeting_views(session, [(r.meeting, r.candidate) for r in rows], with_agenda=True)
        return calendar_ics(
            views,
            selection_name=sel.name,
            our_zone=sel.timezone,
            vendor_zones=vendor_zones,
            now=now if now is not None else utcnow(),
        )
