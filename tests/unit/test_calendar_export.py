"""The .ics export read back by an independent parser (vobject): instants, identity, escaping, folding."""

from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta

import pytest
import vobject

from workbench.exports.calendar import calendar_ics
from workbench.services.views.meetings import AgendaItemView, MeetingView

UTC = UTC
NOW = datetime(2027, 1, 15, 12, 0, tzinfo=UTC)
EVIL = "Evil Corp\nEND:VEVENT\nBEGIN:VEVENT\nSUMMARY:pwned"
ODD_LOCATION = 'Room ;,\\ 7: "B"'


def read_ics(text: str):  # type: ignore[no-untyped-def]
    """Parse with vobject, forgetting the VTIMEZONEs of earlier parses first.

    vobject keeps the first VTIMEZONE it meets per TZID for the whole process, and
    ours cover only the years of their meetings; each file must be read on its own.
    """
    registry = getattr(vobject.icalendar, "__tzidMap")
    for tzid in [k for k in registry if k != "UTC"]:
        del registry[tzid]
    return vobject.readOne(text)


def meeting(mid: int, start: datetime, zone: str, **extra: object) -> MeetingView:
    values: dict = dict(
        id=mid,
        selection_id=1,
        candidate_id=10 + mid,
        candidate=f"Vendor {mid}",
        kind="deep-dive",
        start_utc=start,
        timezone=zone,
        duration_minutes=60,
        location="",
        their_attendees=(),
        status="planned",
        uid=f"uid-{mid}@vendor-interview-workbench",
        sequence=0,
        members=(),
        agenda=(
            AgendaItemView(
                question_id=1,
                position=0,
                criterion_id=1,
                criterion="Security",
                text="Do you hold ISO 27001?",
                guidance="",
            ),
            AgendaItemView(
                question_id=2, position=1, criterion_id=2, criterion="Price", text="How is the fee built?", guidance=""
            ),
        ),
        updated_at=datetime(2027, 1, 2, 9, 0, tzinfo=UTC),
    )
    values.update(extra)
    return MeetingView(**values)


MEETINGS = [
    # London, two hours across the clocks going forward (00:30 GMT -> 03:30 BST)
    meeting(
        1,
        datetime(2027, 3, 28, 0, 30, tzinfo=UTC),
        "Europe/London",
        duration_minutes=120,
        sequence=3,
        members=("Ana Ortiz", "Ben Cole"),
        their_attendees=("Cara Diaz, CTO",),
        status="held",
    ),
    # New York, 01:30 happens twice on 2027-11-07: first EDT (05:30Z), then EST (06:30Z)
    meeting(2, datetime(2027, 11, 7, 5, 30, tzinfo=UTC), "America/New_York", duration_minutes=90),
    meeting(3, datetime(2027, 11, 7, 6, 30, tzinfo=UTC), "America/New_York", sequence=1),
    meeting(
        4,
        datetime(2027, 6, 1, 14, 0, tzinfo=UTC),
        "America/New_York",
        status="cancelled",
        sequence=2,
        series_id=5,
        series_index=1,
    ),
    meeting(
        5,
        datetime(2027, 7, 1, 9, 0, tzinfo=UTC),
        "UTC",
        candidate=EVIL,
        location=ODD_LOCATION,
        their_attendees=('Dan; "the" boss',),
        members=("Émilie Ørsted",),
    ),
]
VENDOR_ZONES = {11: "Asia/Kolkata", 12: "America/New_York", 13: "America/New_York", 14: "America/New_York", 15: "UTC"}


@pytest.fixture(scope="module")
def raw() -> bytes:
    return calendar_ics(
        MEETINGS, selection_name="Choose a vendor; 2027", our_zone="Europe/London", vendor_zones=VENDOR_ZONES, now=NOW
    )


@pytest.fixture(scope="module")
def parsed(raw: bytes):  # type: ignore[no-untyped-def]
    return read_ics(raw.decode("utf-8"))


def events_by_uid(parsed) -> dict[str, object]:  # type: ignore[no-untyped-def]
    return {e.uid.value: e for e in parsed.vevent_list}


def test_one_event_per_meeting_with_exact_instants_and_durations(parsed) -> None:  # type: ignore[no-untyped-def]
    events = events_by_uid(parsed)
    assert len(parsed.vevent_list) == len(MEETINGS) == len(events)
    for m in MEETINGS:
        e = events[m.uid]
        start, end = e.dtstart.value, e.dtend.value
        assert start.tzinfo is not None and end.tzinfo is not None
        assert start.astimezone(UTC) == m.start_utc, m.id
        assert end.astimezone(UTC) - start.astimezone(UTC) == timedelta(minutes=m.duration_minutes), m.id
        assert int(e.sequence.value) == m.sequence
        assert e.dtstamp.value.astimezone(UTC) == NOW
        assert e.last_modified.value.astimezone(UTC) == m.updated_at
    assert sorted(e.dtstart.value.astimezone(UTC) for e in parsed.vevent_list) == sorted(m.start_utc for m in MEETINGS)


def test_status_summary_and_calendar_properties(parsed) -> None:  # type: ignore[no-untyped-def]
    events = events_by_uid(parsed)
    assert {m.id: events[m.uid].status.value for m in MEETINGS} == {
        1: "CONFIRMED",
        2: "CONFIRMED",
        3: "CONFIRMED",
        4: "CANCELLED",
        5: "CONFIRMED",
    }
    assert events[MEETINGS[0].uid].summary.value == "Deep Dive — Vendor 1"
    assert events[MEETINGS[3].uid].x_workbench_series.value == "5"
    assert parsed.prodid.value == "-//Vendor Interview Workbench//EN"
    assert parsed.version.value == "2.0"
    assert parsed.calscale.value == "GREGORIAN" and parsed.method.value == "PUBLISH"
    assert parsed.x_wr_calname.value == "Choose a vendor; 2027"


def test_zones_written_in_the_meetings_own_zone_with_a_vtimezone_each(raw: bytes, parsed) -> None:  # type: ignore[no-untyped-def]
    text = raw.decode("utf-8").replace("\r\n ", "")
    assert "DTSTART;TZID=Europe/London:20270328T003000" in text
    assert "DTEND;TZID=Europe/London:20270328T033000" in text  # two hours later, clocks went forward
    assert "DTSTART;TZID=America/New_York:20271107T013000" in text  # the first 01:30 (EDT)
    assert "DTSTART:20271107T063000Z" in text  # the second 01:30 can only be exact in UTC
    assert "DTSTART:20270701T090000Z" in text
    used = set(re.findall(r";TZID=([^;:]+)[;:]", text))
    assert used == {"Europe/London", "America/New_York"}
    assert sorted(tz.tzid.value for tz in parsed.vtimezone_list) == sorted(used)


def test_attendees_and_description(parsed) -> None:  # type: ignore[no-untyped-def]
    events = events_by_uid(parsed)
    first = events[MEETINGS[0].uid]
    attendees = first.attendee_list
    assert [a.params["CN"][0] for a in attendees] == ["Ana Ortiz", "Ben Cole", "Cara Diaz, CTO"]
    for a in attendees:
        assert a.value.startswith("urn:uuid:")
        assert a.params["ROLE"] == ["REQ-PARTICIPANT"] and a.params["CUTYPE"] == ["INDIVIDUAL"]
    assert len({a.value for a in attendees}) == 3
    description = first.description.value
    lines = description.split("\n")
    assert lines[0] == "Candidate: Vendor 1"
    assert "Vendor's time: Sun 2027-03-28 06:00 IST (Asia/Kolkata)" in lines
    assert "Our attendees: Ana Ortiz, Ben Cole" in lines and "Their attendees: Cara Diaz, CTO" in lines
    assert lines[-2:] == ["1. Do you hold ISO 27001? (Security)", "2. How is the fee built? (Price)"]
    assert "Our time:" not in description  # the meeting is in our zone already
    assert "Our time: Sun 2027-11-07 06:30 GMT (Europe/London)" in events[MEETINGS[2].uid].description.value


def test_user_text_stays_inside_its_event_and_property(raw: bytes, parsed) -> None:  # type: ignore[no-untyped-def]
    assert len(parsed.vevent_list) == len(MEETINGS)
    assert raw.count(b"\r\nBEGIN:VEVENT\r\n") == len(MEETINGS) == raw.count(b"\r\nEND:VEVENT\r\n")
    assert b"\r\nSUMMARY:pwned" not in raw
    e = events_by_uid(parsed)[MEETINGS[4].uid]
    assert e.summary.value == f"Deep Dive — {EVIL}"
    assert e.location.value == ODD_LOCATION
    assert e.description.value.startswith(f"Candidate: {EVIL}\n")
    cns = [a.params["CN"][0] for a in e.attendee_list]
    assert cns[0] == "Émilie Ørsted"
    # RFC 6868 carets encode the double quotes inside a parameter; vobject does not decode them
    assert cns[1].replace("^'", '"') == 'Dan; "the" boss'


def test_lines_end_in_crlf_and_are_folded_at_75_octets() -> None:
    long_name = "Société Générale Informatique 🚀 " * 8
    raw = calendar_ics(
        [meeting(9, datetime(2027, 5, 5, 8, tzinfo=UTC), "Europe/Paris", candidate=long_name, location="x" * 300)],
        selection_name="S",
        our_zone="Europe/Paris",
        vendor_zones={},
        now=NOW,
    )
    assert raw.endswith(b"\r\n")
    lines = raw[:-2].split(b"\r\n")
    assert all(b"\n" not in line and b"\r" not in line for line in lines)
    assert max(len(line) for line in lines) <= 75
    assert any(line.startswith(b" ") for line in lines)
    for line in lines:
        line.decode("utf-8")  # no multi-byte character split across a fold
    e = read_ics(raw.decode("utf-8")).vevent
    assert e.summary.value == f"Deep Dive — {long_name}" and e.location.value == "x" * 300
    assert e.dtstart.value.astimezone(UTC) == datetime(2027, 5, 5, 8, tzinfo=UTC)


def test_empty_and_naive_inputs() -> None:
    raw = calendar_ics([], selection_name="S", our_zone="UTC", vendor_zones={}, now=NOW)
    parsed = read_ics(raw.decode("utf-8"))
    assert parsed.contents.get("vevent", []) == [] and parsed.contents.get("vtimezone", []) == []
    with pytest.raises(ValueError):
        calendar_ics(MEETINGS, selection_name="S", our_zone="UTC", vendor_zones={}, now=NOW.replace(tzinfo=None))


def test_same_input_same_bytes() -> None:
    kwargs = dict(selection_name="S", our_zone="Europe/London", vendor_zones=VENDOR_ZONES, now=NOW)
    assert calendar_ics(MEETINGS, **kwargs) == calendar_ics(list(MEETINGS), **kwargs)
