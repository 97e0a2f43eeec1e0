"""Meetings as an RFC 5545 calendar (.ics), written with the icalendar library."""

from __future__ import annotations

import uuid
from collections.abc import Mapping, Sequence
from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

from icalendar import Calendar, Event, Timezone, vCalAddress

from workbench.domain.attendees import Attendee
from workbench.services.views.meetings import MeetingView

PRODID = "-//Vendor Interview Workbench//EN"
STATUS = {"planned": "CONFIRMED", "held": "CONFIRMED", "minuted": "CONFIRMED", "cancelled": "CANCELLED"}
# A vendor attendee with an e-mail address is ``mailto:`` it; anyone else (our members have no e-mail
# yet) gets a stable name-based UUID URN (RFC 4122): RFC 5545 (3.3.3) makes a cal-address any URI.
_PEOPLE = uuid.uuid5(uuid.NAMESPACE_URL, "urn:x-vendor-interview-workbench:people")
_UTC_ZONES = {"UTC", "Etc/UTC", "Etc/Universal", "Etc/Zulu", "Universal", "Zulu"}


def calendar_ics(
    meetings: Sequence[MeetingView],
    *,
    selection_name: str,
    our_zone: str,
    vendor_zones: Mapping[int, str],
    now: datetime,
) -> bytes:
    """Render meetings as one iCalendar object.

    Every meeting (each occurrence of a series too) is one VEVENT with the meeting's
    stable UID and SEQUENCE; its start and end are written in the zone it was entered
    in, with one VTIMEZONE per zone used. All user text goes through icalendar's
    property escaping, so no name, title or location can end or start a component.

    Args:
        meetings: the meetings, in the order their events are written.
        selection_name: the calendar's name (X-WR-CALNAME).
        our_zone: our IANA zone; the description gives the start in it.
        vendor_zones: candidate id -> the vendor's IANA zone, for the description.
        now: the export time (aware); DTSTAMP of every event.

    Returns:
        The calendar as UTF-8 bytes: CRLF line ends, lines folded at 75 octets.

    Raises:
        ValueError: ``now`` or a meeting's start is naive.
    """
    if now.tzinfo is None:
        raise ValueError("now must be an aware datetime")
    stamp = now.astimezone(UTC)
    cal = Calendar()
    cal.add("PRODID", PRODID)
    cal.add("VERSION", "2.0")
    cal.add("CALSCALE", "GREGORIAN")
    cal.add("METHOD", "PUBLISH")
    cal.add("X-WR-CALNAME", selection_name)
    events = [_event(m, our_zone=our_zone, vendor_zone=vendor_zones.get(m.candidate_id), stamp=stamp) for m in meetings]
    for tz in _timezones(meetings):
        cal.add_component(tz)
    for event in events:
        cal.add_component(event)
    data: bytes = cal.to_ical()
    return data


def kind_title(kind: str) -> str:
    """A meeting kind for people: ``deep-dive`` -> ``Deep Dive``."""
    return kind.replace("-", " ").title()


def _event(m: MeetingView, *, our_zone: str, vendor_zone: str | None, stamp: datetime) -> Event:
    if m.start_utc.tzinfo is None:
        raise ValueError(f"meeting {m.id} has a naive start")
    start = m.start_utc.astimezone(UTC)
    end = start + timedelta(minutes=m.duration_minutes)
    zone = ZoneInfo(m.timezone)
    event = Event()
    event.add("UID", m.uid)
    event.add("DTSTAMP", stamp)
    event.add("SEQUENCE", m.sequence)
    if m.updated_at is not None:
        event.add("LAST-MODIFIED", m.updated_at.astimezone(UTC))
    event.add("SUMMARY", f"{kind_title(m.kind)} — {m.candidate}")
    event.add("DTSTART", _wall(start, zone))
    event.add("DTEND", _wall(end, zone))
    event.add("STATUS", STATUS.get(m.status, "TENTATIVE"))
    if m.status == "cancelled":
        event.add("TRANSP", "TRANSPARENT")
    if m.location:
        event.add("LOCATION", m.location)
    event.add("DESCRIPTION", _description(m, start, our_zone=our_zone, vendor_zone=vendor_zone))
    event.add("CATEGORIES", [kind_title(m.kind)])
    for name in m.members:
        event.add("ATTENDEE", _attendee(name, f"member:{m.selection_id}:{name}"))
    for person in m.their_people or tuple(Attendee(name) for name in m.their_attendees):
        event.add("ATTENDEE", _attendee(person.name, f"vendor:{m.candidate_id}:{person.name}", email=person.email))
    event.add("X-WORKBENCH-MEETING", str(m.id))
    event.add("X-WORKBENCH-STATUS", m.status)
    if m.series_id is not None:
        event.add("X-WORKBENCH-SERIES", str(m.series_id))
        if m.series_index is not None:
            event.add("X-WORKBENCH-SERIES-INDEX", str(m.series_index))
    return event


def _wall(instant: datetime, zone: ZoneInfo) -> datetime:
    """The instant in ``zone``, or in UTC when its wall time happens twice and it is the second.

    RFC 5545 (3.3.5) reads an ambiguous local time as its first occurrence, so the
    later one can only be written exactly in UTC.
    """
    if zone.key in _UTC_ZONES:
        return instant
    local = instant.astimezone(zone)
    if local.fold and local.replace(fold=0).utcoffset() != local.utcoffset():
        return instant
    return local


def _timezones(meetings: Sequence[MeetingView]) -> list[Timezone]:
    """One VTIMEZONE per zone used, covering the years of the meetings, in name order."""
    zones = sorted({m.timezone for m in meetings} - _UTC_ZONES)
    if not zones:
        return []
    starts = [m.start_utc for m in meetings]
    ends = [m.start_utc + timedelta(minutes=m.duration_minutes) for m in meetings]
    first = date(min(starts).year - 1, 1, 1)
    last = date(max(ends).year + 2, 1, 1)
    return [Timezone.from_tzinfo(ZoneInfo(name), name, first, last) for name in zones]


def _attendee(name: str, key: str, *, email: str = "") -> vCalAddress:
    """A person: their ``mailto:`` address when it is known, else a stable URN made from ``key``."""
    address = vCalAddress(f"mailto:{email}" if email else uuid.uuid5(_PEOPLE, key).urn)
    address.params["CN"] = name
    address.params["CUTYPE"] = "INDIVIDUAL"
    address.params["ROLE"] = "REQ-PARTICIPANT"
    return address


def _when(instant: datetime, zone_name: str) -> str:
    local = instant.astimezone(ZoneInfo(zone_name))
    return f"{local:%a %Y-%m-%d %H:%M} {local.tzname()} ({zone_name})"


def _description(m: MeetingView, start: datetime, *, our_zone: str, vendor_zone: str | None) -> str:
    lines = [f"Candidate: {m.candidate}", f"Meeting: {kind_title(m.kind)}, {m.duration_minutes} min, {m.status}"]
    lines.append(f"Start: {_when(start, m.timezone)}")
    if our_zone and our_zone != m.timezone:
        lines.append(f"Our time: {_when(start, our_zone)}")
    if vendor_zone:
        lines.append(f"Vendor's time: {_when(start, vendor_zone)}")
    if m.location:
        lines.append(f"Location: {m.location}")
    lines.append(f"Our attendees: {', '.join(m.members) or '-'}")
    lines.append(f"Their attendees: {', '.join(m.their_attendees) or '-'}")
    if m.series_id is not None:
        lines.append(
            f"Series: {m.series_id}" + (f", meeting {m.series_index + 1}" if m.series_index is not None else "")
        )
    if m.agenda:
        lines += ["", "Agenda:"]
        lines += [f"{n}. {item.text} ({item.criterion})" for n, item in enumerate(m.agenda, start=1)]
    return "\n".join(lines)
