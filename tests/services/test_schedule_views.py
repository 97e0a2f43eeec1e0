"""The schedule list: both zones, the scheduler's warnings, a fixed number of queries."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from sqlalchemy import event

NOW = datetime(2027, 3, 1, 12, 0, tzinfo=UTC)


@pytest.fixture
def svc(services):  # type: ignore[no-untyped-def]
    services.selections.create("S", timezone="Europe/London")
    for name in ("Ann", "Bob"):
        services.members.add(name)
    services.candidates.add("Acme", timezone="America/New_York", support_hours="08:00-18:00")
    services.candidates.add("Bolt", timezone="Europe/London", support_hours="09:00-17:00")
    return services


def _schedule(svc, **kw):  # type: ignore[no-untyped-def]
    return svc.scheduling.schedule(kind="introduction", tz="Europe/London", now=NOW, **kw)


def test_rows_match_the_warnings_given_when_scheduling(svc) -> None:  # type: ignore[no-untyped-def]
    a = _schedule(svc, candidate="Acme", at="2027-03-03 09:00", members=["Ann"])
    b = _schedule(svc, candidate="Bolt", at="2027-03-03 09:30", members=["Ann", "Bob"])
    c = _schedule(svc, candidate="Bolt", at="2027-03-03 16:30", members=["Bob"])
    rows = {r.meeting.id: r for r in svc.schedule_views.agenda()}
    a_id, b_id, c_id = (x.meetings[0].meeting.id for x in (a, b, c))
    assert rows[a_id].out_of_hours  # 04:00 in New York
    assert rows[b_id].clashes == (a_id,) and rows[a_id].clashes == (b_id,)  # Ann, seen from both meetings
    assert rows[b_id].warnings == b.meetings[0].warnings  # the scheduler's wording
    assert rows[c_id].warnings == c.meetings[0].warnings and rows[c_id].out_of_hours
    assert f"{rows[a_id].ours:%H:%M %Z}" == "09:00 GMT" and f"{rows[a_id].theirs:%H:%M %Z}" == "04:00 EST"
    svc.scheduling.cancel(a_id)
    rows = {r.meeting.id: r for r in svc.schedule_views.agenda()}
    assert rows[a_id].warnings == () and rows[b_id].clashes == ()  # a cancelled meeting clashes with nothing
    assert a_id not in {r.meeting.id for r in svc.schedule_views.agenda(include_cancelled=False)}


def test_only_returns_the_meetings_and_their_clashes(svc) -> None:  # type: ignore[no-untyped-def]
    a = _schedule(svc, candidate="Acme", at="2027-03-03 10:00", members=["Ann"]).meetings[0].meeting.id
    b = _schedule(svc, candidate="Bolt", at="2027-03-03 10:30", members=["Ann"]).meetings[0].meeting.id
    _schedule(svc, candidate="Bolt", at="2027-03-04 10:30", members=["Ann"])
    assert {r.meeting.id for r in svc.schedule_views.agenda(only=[a])} == {a, b}


def test_series_size_and_a_fixed_number_of_queries(svc) -> None:  # type: ignore[no-untyped-def]
    _schedule(svc, candidate="Bolt", at="2027-03-15 10:00", every="1 week", count=3, members=["Ann"])
    statements: list[str] = []

    def count(*args) -> None:  # type: ignore[no-untyped-def]
        statements.append(args[2])

    event.listen(svc.db.engine, "before_cursor_execute", count)
    try:
        few = svc.schedule_views.agenda()
        first = len(statements)
        _schedule(svc, candidate="Acme", at="2027-04-15 10:00", every="1 week", count=20, members=["Ann", "Bob"])
        statements.clear()
        many = svc.schedule_views.agenda()
    finally:
        event.remove(svc.db.engine, "before_cursor_execute", count)
    assert len(many) == len(few) + 20 and len(statements) == first
    assert [r.series_size for r in few] == [3, 3, 3]
