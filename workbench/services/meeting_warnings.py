"""The warnings a meeting gets: outside the vendor's support hours or ours, members double-booked."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlmodel import Session, col, select

from workbench.domain import timezones, workdays
from workbench.services.validate import MAX_DURATION
from workbench.services.views.meetings import MeetingView
from workbench.store.models import Candidate, Meeting, MeetingMember, PanelMember, Selection


def meeting_warnings(
    session: Session,
    sel: Selection,
    cand: Candidate,
    start: datetime,
    minutes: int,
    member_ids: Sequence[int],
    *,
    exclude: Sequence[int] = (),
    extra: Sequence[tuple[datetime, int]] = (),
) -> list[str]:
    """Outside the vendor's support hours, outside our business hours, members double-booked."""
    vendor = vendor_of(cand.name, cand.timezone, cand.support_hours, cand.working_days)
    out = _hours_warnings(start, minutes, sel, our_hours(sel), vendor)
    if member_ids:
        end = start + timedelta(minutes=minutes)
        rows = session.exec(
            select(
                col(MeetingMember.meeting_id),
                col(Meeting.start_utc),
                col(Meeting.duration_minutes),
                col(PanelMember.name),
            )
            .join(Meeting, col(Meeting.id) == col(MeetingMember.meeting_id))
            .join(PanelMember, col(PanelMember.id) == col(MeetingMember.member_id))
            .where(
                col(MeetingMember.member_id).in_(list(member_ids)),
                col(Meeting.status) != "cancelled",
                col(Meeting.selection_id) == sel.id,
                col(Meeting.start_utc) < end,
                col(Meeting.start_utc) >= start - timedelta(minutes=MAX_DURATION),
            )
        ).all()
        clashes: dict[int, list[str]] = {}
        for mid, other_start, other_minutes, name in rows:
            if mid in exclude or not timezones.overlaps(start, minutes, other_start, other_minutes):
                continue
            clashes.setdefault(mid, []).append(name)
        for mid, names in sorted(clashes.items()):
            out.append(f"double-booked: {', '.join(sorted(names))} also in meeting {mid}")
        for other_start, other_minutes in extra:
            if timezones.overlaps(start, minutes, other_start, other_minutes):
                out.append("overlaps another occurrence of this series")
                break
    return out


@dataclass(frozen=True, slots=True)
class Vendor:
    """What the warnings need of a candidate."""

    name: str
    timezone: str
    hours: timezones.Hours | None
    support_hours: str
    days: tuple[int, ...] = workdays.DEFAULT_DAYS


def lenient_hours(text: str, days: Sequence[int] = range(5)) -> timezones.Hours | None:
    try:
        return timezones.hours_from(text, days) if text else None
    except ValueError:  # stored before hours were checked: treat as unknown
        return None


def vendor_of(name: str, zone: str, support_hours: str, working_days: str) -> Vendor:
    """A candidate's support hours on its working days (stored forms; unreadable hours are unknown)."""
    days = workdays.stored_days(working_days)
    return Vendor(name, zone, lenient_hours(support_hours, days), support_hours, days)


def our_hours(sel: Selection) -> timezones.Hours | None:
    """The selection's business hours on its working days."""
    return lenient_hours(sel.business_hours, workdays.stored_days(sel.business_days))


def hours_warnings(view: MeetingView, sel: Selection, ours: timezones.Hours | None, vendor: Vendor) -> list[str]:
    """Outside the vendor's support hours, outside our business hours (the wording of ``meeting_warnings``)."""
    return _hours_warnings(view.start_utc, view.duration_minutes, sel, ours, vendor)


def _hours_warnings(
    start: datetime, minutes: int, sel: Selection, ours: timezones.Hours | None, vendor: Vendor
) -> list[str]:
    out: list[str] = []
    if vendor.hours is not None and not timezones.within_hours(start, minutes, vendor.hours, vendor.timezone):
        local = timezones.to_zone(start, vendor.timezone)
        out.append(
            f"outside {vendor.name}'s support hours ({vendor.support_hours} {workdays.days_label(vendor.days)} "
            f"{vendor.timezone}; starts {local:%a %H:%M} there)"
        )
    if ours is not None and not timezones.within_hours(start, minutes, ours, sel.timezone):
        local = timezones.to_zone(start, sel.timezone)
        out.append(
            f"outside our business hours ({sel.business_hours} {workdays.days_label(ours.days)} {sel.timezone}; "
            f"starts {local:%a %H:%M} here)"
        )
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
