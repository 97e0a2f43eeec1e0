"""The schedule as a list: meetings in both zones with their warnings, in a fixed number of queries."""

from __future__ import annotations

from collections.abc import Collection, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from sqlmodel import Session, col, select

from workbench.domain import timezones
from workbench.services.base import Service, unit_of_work
from workbench.services.meetings import find_candidate, meeting_views
from workbench.services.members import find_member
from workbench.services.scheduling import meeting_warnings
from workbench.services.selections import find_selection
from workbench.services.views.meetings import MeetingView
from workbench.store.models import Candidate, Meeting, Selection


@dataclass(frozen=True, slots=True)
class ScheduleRow:
    """One meeting of the schedule, as the schedule screen shows it."""

    meeting: MeetingView
    ours: datetime  # aware, in the selection's zone
    theirs: datetime  # aware, in the vendor's zone
    our_zone: str
    their_zone: str
    warnings: tuple[str, ...]
    out_of_hours: bool  # outside the vendor's support hours or our business hours
    clashes: tuple[int, ...]  # ids of other live meetings that share a panel member at the same time
    series_size: int | None  # meetings in its series (None outside a series)

    @property
    def day(self) -> date:
        """Our local day of the meeting."""
        return self.ours.date()

    @property
    def double_booked(self) -> bool:
        return bool(self.clashes)


@dataclass(frozen=True, slots=True)
class _Vendor:
    name: str
    timezone: str
    hours: timezones.Hours | None
    support_hours: str


def _hours(text: str, days: Sequence[int] = range(5)) -> timezones.Hours | None:
    try:
        return timezones.hours_from(text, days) if text else None
    except ValueError:  # stored before hours were checked: treat as unknown
        return None


def hours_warnings(view: MeetingView, sel: Selection, ours: timezones.Hours | None, vendor: _Vendor) -> list[str]:
    """Outside the vendor's support hours, outside our business hours (the wording of the scheduler)."""
    out: list[str] = []
    start, minutes = view.start_utc, view.duration_minutes
    if vendor.hours is not None and not timezones.within_hours(start, minutes, vendor.hours, vendor.timezone):
        local = timezones.to_zone(start, vendor.timezone)
        out.append(
            f"outside {vendor.name}'s support hours ({vendor.support_hours} Mon-Fri {vendor.timezone}; "
            f"starts {local:%a %H:%M} there)"
        )
    if ours is not None and not timezones.within_hours(start, minutes, ours, sel.timezone):
        local = timezones.to_zone(start, sel.timezone)
        out.append(f"outside our business hours ({sel.business_hours} {sel.timezone}; starts {local:%a %H:%M} here)")
    return out


def find_clashes(views: Sequence[MeetingView]) -> dict[int, dict[int, set[str]]]:
    """Live meetings that overlap in time and share a panel member: id -> other id -> shared names.

    One sweep over the meetings in start order: each is compared only with the earlier
    ones that have not ended yet.
    """
    live = sorted((v for v in views if v.status != "cancelled" and v.members), key=lambda v: (v.start_utc, v.id))
    out: dict[int, dict[int, set[str]]] = {}
    running: list[tuple[datetime, MeetingView]] = []  # (end, meeting)
    for view in live:
        running = [(end, other) for end, other in running if end > view.start_utc]
        names = set(view.members)
        for _, other in running:
            shared = names.intersection(other.members)
            if shared and timezones.overlaps(
                view.start_utc, view.duration_minutes, other.start_utc, other.duration_minutes
            ):
                out.setdefault(view.id, {})[other.id] = shared
                out.setdefault(other.id, {})[view.id] = shared
        running.append((view.start_utc + timedelta(minutes=view.duration_minutes), view))
    return out


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
        rows = session.exec(
            select(Meeting, Candidate.name, Candidate.timezone, Candidate.support_hours)
            .join(Candidate, col(Candidate.id) == Meeting.candidate_id)
            .where(Meeting.selection_id == sel.id)
            .order_by(Meeting.start_utc, Meeting.id)
        ).all()
        vendors = {m.candidate_id: _Vendor(name, zone, _hours(hours), hours) for m, name, zone, hours in rows}
        views = meeting_views(session, [(m, name) for m, name, _, _ in rows], with_agenda=False)
        days = [int(d) for d in sel.business_days.split(",") if d.strip()]
        ours = _hours(sel.business_hours, days)
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
    ) -> tuple[str, ...]:
        """The warnings a meeting would get if it were scheduled now (nothing is stored).

        Args:
            candidate: the candidate's name or id.
            start_utc: the start, aware.
            duration: minutes.
            members: our attendees by name.
            selection: the selection's name or id (may be left out when there is one).

        Returns:
            Out of the vendor's hours, out of ours, members double-booked: the scheduler's words.
        """
        sel = find_selection(session, selection)
        cand = find_candidate(session, sel.id, candidate)
        member_ids = list(dict.fromkeys(find_member(session, sel.id, ref).id for ref in members))
        return tuple(meeting_warnings(session, sel, cand, start_utc, duration, member_ids))
