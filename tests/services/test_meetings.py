"""Meetings: time zones and clock changes, agenda, panel, listing and cancelling (SQLite and PostgreSQL)."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from workbench.services.errors import NotFound, UserError
from workbench.store.models import Candidate

UTC = UTC


def add_candidate(services, name: str, *, selection_id: int | None = None, tz: str = "Europe/London") -> int:  # type: ignore[no-untyped-def]
    """Insert a candidate row directly (independent of the candidates service)."""
    if selection_id is None:
        selection_id = services.selections.get().id
    now = datetime.now(UTC)
    with services.db.session(write=True) as session:
        row = Candidate(selection_id=selection_id, name=name, timezone=tz, created_at=now, updated_at=now)
        session.add(row)
        session.flush()
        return row.id


@pytest.fixture
def setup(services):  # type: ignore[no-untyped-def]
    services.selections.create("S")
    services.members.add("Ana Ortiz")
    services.members.add("Ben Cole")
    add_candidate(services, "Acme IT")
    add_candidate(services, "Blue Sky")
    return services


def test_meeting_stored_in_utc_with_agenda_of_its_kind(setup) -> None:
    services = setup
    view = services.meetings.add(
        candidate="acme it",
        kind="deep-dive",
        start_local=datetime(2031, 5, 6, 9, 0),
        timezone="Europe/London",
        members=["Ana Ortiz", "ben cole"],
        location="Room 1",
        their_attendees=["Cara (CTO)"],
    )
    expected = [q.id for q in services.selections.questions(kind="deep-dive")]
    assert expected
    got = services.meetings.get(view.id)
    assert got.start_utc == datetime(2031, 5, 6, 8, 0, tzinfo=UTC)
    assert got.start_utc.utcoffset() is not None
    assert got.timezone == "Europe/London"
    assert got.candidate == "Acme IT" and got.kind == "deep-dive" and got.status == "planned"
    assert [a.question_id for a in got.agenda] == expected
    assert [a.position for a in got.agenda] == list(range(len(expected)))
    assert got.members == ("Ana Ortiz", "Ben Cole")
    assert got.their_attendees == ("Cara (CTO)",)
    assert got.location == "Room 1" and got.duration_minutes == 60
    assert got.uid.endswith("@vendor-interview-workbench") and got.sequence == 0
    other = services.meetings.add(
        candidate="Blue Sky", kind="reference-call", start_local=datetime(2031, 5, 6, 9, 0), timezone="America/New_York"
    )
    assert other.uid != got.uid
    assert services.meetings.get(other.id).start_utc == datetime(2031, 5, 6, 13, 0, tzinfo=UTC)
    assert [a.question_id for a in services.meetings.get(other.id).agenda] == [
        q.id for q in services.selections.questions(kind="reference-call")
    ]


def test_spring_forward_gap_is_refused_with_a_proposal(setup) -> None:
    services = setup
    with pytest.raises(UserError, match="--at") as info:
        services.meetings.add(
            candidate="Acme IT", kind="introduction", start_local=datetime(2027, 3, 28, 1, 30), timezone="Europe/London"
        )
    assert "does not exist" in str(info.value)
    assert "2027-03-28 02:00" in str(info.value)
    with pytest.raises(UserError, match="2027-03-14 03:00"):
        services.meetings.add(
            candidate="Acme IT",
            kind="introduction",
            start_local=datetime(2027, 3, 14, 2, 30),
            timezone="America/New_York",
            fold="later",
        )
    assert services.meetings.list() == []


@pytest.mark.parametrize(
    ("zone", "wall", "earlier", "later"),
    [
        (
            "Europe/London",
            datetime(2027, 10, 31, 1, 30),
            datetime(2027, 10, 31, 0, 30, tzinfo=UTC),
            datetime(2027, 10, 31, 1, 30, tzinfo=UTC),
        ),
        (
            "America/New_York",
            datetime(2027, 11, 7, 1, 30),
            datetime(2027, 11, 7, 5, 30, tzinfo=UTC),
            datetime(2027, 11, 7, 6, 30, tzinfo=UTC),
        ),
    ],
)
def test_ambiguous_time_needs_a_fold(setup, zone: str, wall: datetime, earlier: datetime, later: datetime) -> None:
    services = setup
    with pytest.raises(UserError, match="--at") as info:
        services.meetings.add(candidate="Acme IT", kind="introduction", start_local=wall, timezone=zone)
    assert "twice" in str(info.value) and "--fold" in str(info.value)
    assert services.meetings.list() == []
    a = services.meetings.add(candidate="Acme IT", kind="introduction", start_local=wall, timezone=zone, fold="earlier")
    b = services.meetings.add(candidate="Acme IT", kind="introduction", start_local=wall, timezone=zone, fold="later")
    assert services.meetings.get(a.id).start_utc == earlier
    assert services.meetings.get(b.id).start_utc == later
    with pytest.raises(UserError, match="--fold"):
        services.meetings.add(candidate="Acme IT", kind="introduction", start_local=wall, timezone=zone, fold="middle")


def test_bad_inputs_are_refused_and_nothing_is_stored(setup) -> None:
    services = setup
    ok = {
        "candidate": "Acme IT",
        "kind": "introduction",
        "start_local": datetime(2031, 5, 6, 9),
        "timezone": "Europe/London",
    }
    cases = [
        ({"candidate": "Nobody"}, NotFound, "--candidate"),
        ({"kind": "party"}, UserError, "--kind"),
        ({"timezone": "Mars/Olympus"}, UserError, "--tz"),
        ({"timezone": ""}, UserError, "--tz"),
        ({"duration_minutes": 0}, UserError, "--duration"),
        ({"duration_minutes": 1441}, UserError, "--duration"),
        ({"members": ["Ana Ortiz", "Zed"]}, NotFound, "--member"),
        ({"status": "maybe"}, UserError, "--status"),
        ({"start_local": datetime(2031, 5, 6, 9, tzinfo=UTC)}, UserError, "--at"),
        ({"selection": "Other"}, NotFound, "--selection"),
    ]
    for change, error, field in cases:
        with pytest.raises(error, match=field):
            services.meetings.add(**{**ok, **change})
    assert services.meetings.list() == []
    assert services.meetings.add(**{**ok, "duration_minutes": 1440}).duration_minutes == 1440


def test_list_orders_by_start_filters_and_cancel_bumps_sequence(setup) -> None:
    services = setup
    late = services.meetings.add(
        candidate="Acme IT", kind="introduction", start_local=datetime(2031, 6, 1, 9), timezone="Europe/London"
    )
    early = services.meetings.add(
        candidate="Blue Sky", kind="introduction", start_local=datetime(2031, 5, 1, 9), timezone="Asia/Tokyo"
    )
    mid = services.meetings.add(
        candidate="Acme IT", kind="deep-dive", start_local=datetime(2031, 5, 15, 9), timezone="UTC"
    )
    assert [m.id for m in services.meetings.list()] == [early.id, mid.id, late.id]
    assert all(m.agenda for m in services.meetings.list())
    assert [m.id for m in services.meetings.list(candidate="acme it")] == [mid.id, late.id]
    with pytest.raises(NotFound, match="--candidate"):
        services.meetings.list(candidate="Nobody")
    cancelled = services.meetings.cancel(mid.id)
    assert cancelled.status == "cancelled" and cancelled.sequence == 1
    assert services.meetings.get(mid.id).sequence == 1
    assert [m.id for m in services.meetings.list(include_cancelled=False)] == [early.id, late.id]
    held = services.meetings.set_status(late.id, "held")
    assert (held.status, held.sequence) == ("held", 1)
    with pytest.raises(UserError, match="--status"):
        services.meetings.set_status(late.id, "done")
    assert services.meetings.get(late.id).status == "held"
    with pytest.raises(NotFound, match="MEETING"):
        services.meetings.get(9999)
    with pytest.raises(UserError, match="MEETING"):
        services.meetings.get("abc")


def test_meetings_of_another_selection_are_apart(setup) -> None:
    services = setup
    other = services.selections.create("T")
    add_candidate(services, "Acme IT", selection_id=other.id)
    services.meetings.add(
        candidate="Acme IT", kind="introduction", start_local=datetime(2031, 5, 1, 9), timezone="UTC", selection="S"
    )
    assert len(services.meetings.list(selection="S")) == 1
    assert services.meetings.list(selection="T") == []
    with pytest.raises(NotFound, match="--member"):
        services.meetings.add(
            candidate="Acme IT",
            kind="introduction",
            start_local=datetime(2031, 5, 1, 9),
            timezone="UTC",
            selection="T",
            members=["Ana Ortiz"],
        )
