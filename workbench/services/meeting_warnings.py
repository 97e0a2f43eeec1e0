"""The warnings a meeting gets: outside the vendor's support hours or ours, members double-booked."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlmodel import Session, col, select

from workbench.domain import timezones
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
    out: list[str] = []
    theirs = timezones.hours_from(cand.support_hours) if cand.support_hours else None
    if theirs is not None and not timezones.within_hours(start, minutes, theirs, cand.timezone):
        local = timezones.to_zone(start, cand.timezone)
        out.append(
            f"outside {cand.name}'s support hours ({cand.support_hours} Mon-Fri {cand.timezone}; "
            f"starts {local:%a %H:%M} there)"
        )
    days = [int(d) for d in sel.business_days.split(",") if d.strip()]
    ours = timezones.hours_from(sel.business_hours, days)
    if ours is not None and not timezones.within_hours(start, minutes, ours, sel.timezone):
        local = timezones.to_zone(start, sel.timezone)
        out.append(f"outside our business hours ({sel.business_hours} {sel.timezone}; starts {local:%a %H:%M} here)")
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


def lenient_hours(text: str, days: Sequence[int] = range(5)) -> timezones.Hours | None:
    try:
        return timezones.hours_from(text, days) if text else None
    except ValueError:  # stored before hours were checked: treat as unknown
        return None


def hours_warnings(view: MeetingView, sel: Selection, ours: timezones.Hours | None, vendor: Vendor) -> list[str]:
    """Outside the vendor's support hours, outside our business hours (the wording of ``meeting_warnings``)."""
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
