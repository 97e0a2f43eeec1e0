"""The life of a meeting after it is scheduled: changed, rescheduled, deleted, held, minuted."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from sqlmodel import Session

from workbench.domain.attendees import Attendee
from workbench.services.base import Service, unit_of_work
from workbench.services.meeting_edit import MeetingChanges, delete_meeting, edit_meeting
from workbench.services.meeting_status import mark_held, mark_minuted
from workbench.services.views.meetings import MeetingView
from workbench.services.views.schedule import ScheduleResult


class MeetingLifeService(Service):
    """Change, reschedule and delete meetings; mark them held or minuted."""

    @unit_of_work(write=True)
    def edit(
        self,
        session: Session,
        meeting_id: str | int,
        *,
        at: str | None = None,
        tz: str | None = None,
        duration: int | None = None,
        members: Sequence[str] | None = None,
        their_attendees: Sequence[str | Attendee] | None = None,
        location: str | None = None,
        fold: str | None = None,
        following: bool = False,
        now: datetime | None = None,
    ) -> ScheduleResult:
        """Change a planned or held meeting; reschedule a planned one (see ``meeting_edit``).

        Args:
            meeting_id: the meeting.
            at: the new start as typed (``29 Mar 2027 10:00``), in ``tz`` or the meeting's zone.
            tz: the IANA zone the start is typed in; alone, the same wall time in that zone.
            duration: minutes, 1 to 1440.
            members: our attendees by name (replacing them; an empty list: nobody named).
            their_attendees: the vendor's people (replacing them).
            location: a place or a link ("" clears it).
            fold: "earlier"/"later" for a new time that happens twice.
            following: the following planned occurrences of its series change too.

        Returns:
            The changed meetings, with their times in both zones and their warnings.
        """
        changes = MeetingChanges(
            at=at,
            tz=tz,
            duration=duration,
            members=members,
            their_attendees=their_attendees,
            location=location,
            fold=fold,
            following=following,
        )
        return edit_meeting(session, meeting_id, changes, now=now)

    @unit_of_work(write=True)
    def delete(self, session: Session, meeting_id: str | int) -> tuple[int, str, str]:
        """Delete a planned meeting with no score, note or scorecard: (id, candidate, kind) of what went."""
        return delete_meeting(session, meeting_id)

    @unit_of_work(write=True)
    def held(self, session: Session, meeting_id: str | int, *, now: datetime | None = None) -> MeetingView:
        """Mark a meeting held by hand (it must have started); a held one is left as it is."""
        return mark_held(session, meeting_id, now=now)

    @unit_of_work(write=True)
    def minuted(self, session: Session, meeting_id: str | int) -> MeetingView:
        """Mark a held meeting minuted (its minutes are agreed and sent); a minuted one is left as it is."""
        return mark_minuted(session, meeting_id)
