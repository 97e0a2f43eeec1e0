"""The schedule as a list: meetings in both zones with their warnings, in a fixed number of queries."""

from __future__ import annotations

from collections.abc import Collection, Sequence
from datetime import datetime

from sqlmodel import Session

from workbench.domain import timezones
from workbench.services.base import Service, unit_of_work
from workbench.services.lookups import find_meeting_candidate
from workbench.services.meeting_views import meeting_views
from workbench.services.meeting_warnings import find_clashes, hours_warnings, meeting_warnings, our_hours, vendor_of
from workbench.services.members import find_member
from workbench.services.selections import find_selection
from workbench.services.views.schedule import ScheduleRow
from workbench.store.lookups import selection_meetings
from workbench.store.models import stored_id


class ScheduleViewService(Service):
    """Read the schedule for the terminal app."""

    @unit_of_work(write=False)
    def agenda(
        self,
        session: Session,
        *,
        selection: str | int | None = None,
        include_cancelled: bool = True,
        only: Collection[int] | None = None,
    ) -> list[ScheduleRow]:
        """The selection's meetings in start order, in our zone and the vendor's, with warnings.

        Everything comes from three queries whatever the number of meetings (the selection,
        the meetings with their candidates, their panel members); out-of-hours and
        double-booking are worked out over the loaded meetings. A cancelled meeting has no
        warnings: it will not happen.

        Args:
            selection: the selection's name or id (may be left out when there is one).
            include_cancelled: include cancelled meetings.
            only: just these meetings and the live meetings that clash with them (whose
                markers change with them); warnings are still worked out against all.

        Returns:
            The rows, earliest first.
        """
        sel = find_selection(session, selection)
        rows = selection_meetings(session, stored_id(sel))
        vendors = {
            r.meeting.candidate_id: vendor_of(r.candidate, r.candidate_timezone, r.support_hours, r.working_days)
            for r in rows
        }
        views = meeting_views(session, [(r.meeting, r.candidate) for r in rows], with_agenda=False)
        ours = our_hours(sel)
        clashes = find_clashes(views)
        series_sizes: dict[int, int] = {}
        for view in views:
            if view.series_id is not None:
                series_sizes[view.series_id] = series_sizes.get(view.series_id, 0) + 1
        wanted: set[int] | None = None
        if only is not None:
            wanted = set(only)
            for mid in list(wanted):
                wanted.update(clashes.get(mid, {}))
        out: list[ScheduleRow] = []
        for view in views:
            if (wanted is not None and view.id not in wanted) or (not include_cancelled and view.status == "cancelled"):
                continue
            vendor = vendors[view.candidate_id]
            warnings: list[str] = []
            if view.status != "cancelled":
                warnings = hours_warnings(view, sel, ours, vendor)
                for other, names in sorted(clashes.get(view.id, {}).items()):
                    warnings.append(f"double-booked: {', '.join(sorted(names))} also in meeting {other}")
            out.append(
                ScheduleRow(
                    meeting=view,
                    ours=timezones.to_zone(view.start_utc, sel.timezone),
                    theirs=timezones.to_zone(view.start_utc, vendor.timezone),
                    our_zone=sel.timezone,
                    their_zone=vendor.timezone,
                    warnings=tuple(warnings),
                    out_of_hours=any(w.startswith("outside") for w in warnings),
                    clashes=tuple(sorted(clashes.get(view.id, {}))) if view.status != "cancelled" else (),
                    series_size=series_sizes.get(view.series_id) if view.series_id is not None else None,
                )
            )
        return out

    @unit_of_work(write=False)
    def check(
        self,
        session: Session,
        *,
        candidate: str | int,
        start_utc: datetime,
        duration: int = 60,
        members: Sequence[str] = (),
        selection: str | int | None = None,
        exclude: Sequence[int] = (),
    ) -> tuple[str, ...]:
        """The warnings a meeting would get if it were scheduled now (nothing is stored).

        Args:
            candidate: the candidate's name or id.
            start_utc: the start, aware.
            duration: minutes.
            members: our attendees by name.
            selection: the selection's name or id (may be left out when there is one).
            exclude: meetings not to count as clashes (the one being rescheduled).

        Returns:
            Out of the vendor's hours, out of ours, members double-booked: the scheduler's words.
        """
        sel = find_selection(session, selection)
        sel_id = stored_id(sel)
        cand = find_meeting_candidate(session, sel_id, candidate)
        member_ids = list(dict.fromkeys(stored_id(find_member(session, sel_id, ref)) for ref in members))
        return tuple(meeting_warnings(session, sel, cand, start_utc, duration, member_ids, exclude=exclude))
