"""Calendar export: a selection's meetings as one iCalendar file."""

from __future__ import annotations

from datetime import datetime

from sqlmodel import Session, col, select

from workbench.exports.calendar import calendar_ics
from workbench.services.base import Service, unit_of_work, utcnow
from workbench.services.meetings import find_candidate, meeting_views
from workbench.services.selections import find_selection
from workbench.store.models import Candidate, Meeting


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
        stmt = (
            select(Meeting, Candidate.name, Candidate.timezone)
            .join(Candidate, col(Candidate.id) == Meeting.candidate_id)
            .where(Meeting.selection_id == sel.id)
            .order_by(Meeting.start_utc, Meeting.id)
        )
        if candidate is not None and str(candidate).strip():
            stmt = stmt.where(Meeting.candidate_id == find_candidate(session, sel.id, candidate).id)
        rows = session.exec(stmt).all()
        vendor_zones = {m.candidate_id: zone for m, _, zone in rows}
        views = meeting_views(session, [(m, name) for m, name, _ in rows], with_agenda=True)
        return calendar_ics(
            views,
            selection_name=sel.name,
            our_zone=sel.timezone,
            vendor_zones=vendor_zones,
            now=now if now is not None else utcnow(),
        )
