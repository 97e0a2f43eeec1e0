"""The overview: progress per selection and the coming meetings, checked by hand on the sample (both dialects)."""

from __future__ import annotations

from datetime import UTC, datetime
from zoneinfo import ZoneInfo

import pytest

from workbench.services.errors import NotFound, UserError

SAMPLE = "Outsource IT support (sample)"
UTC = UTC


@pytest.fixture
def sample(services):  # type: ignore[no-untyped-def]
    services.demo.create_sample()
    return services


def test_progress_of_the_sample_counted_by_hand(sample) -> None:
    [p] = sample.overview.progress()
    assert (p.name, p.timezone, p.members, p.candidates) == (SAMPLE, "Europe/London", 3, 4)
    # Northgate and Vistula are finalists, Tanager is interviewing, the in-house baseline is shortlisted.
    assert dict(p.statuses) == {
        "long-list": 0,
        "shortlisted": 1,
        "interviewing": 1,
        "finalist": 2,
        "chosen": 0,
        "declined": 0,
    }
    assert [s for s, _ in p.statuses] == ["long-list", "shortlisted", "interviewing", "finalist", "chosen", "declined"]
    assert p.status_count("finalist") == 2 and p.status_count("no such status") == 0
    # Eleven meetings: 2 and 6 are planned (January 2027), the other nine were held.
    assert (p.meetings_held, p.meetings_planned, p.meetings_cancelled) == (9, 2, 0)
    # Attendees of held meetings: 3+3+3+3+2+3+3+2+2 = 24; Priya's card for meeting 8 is not submitted.
    assert (p.scorecards_submitted, p.scorecards_expected) == (23, 24)


def test_progress_of_an_empty_selection_and_the_order_by_name(sample) -> None:
    sample.selections.create("Another selection", timezone="America/New_York")
    sample.selections.create("outsource backups", template=None)
    first, second, third = sample.overview.progress()
    # By name whatever the case, on SQLite (binary collation) as on PostgreSQL.
    assert (first.name, second.name, third.name) == ("Another selection", "outsource backups", SAMPLE)
    assert (
        first.timezone,
        first.members,
        first.candidates,
        first.meetings_held,
        first.meetings_planned,
        first.meetings_cancelled,
        first.scorecards_submitted,
        first.scorecards_expected,
    ) == ("America/New_York", 0, 0, 0, 0, 0, 0, 0)
    assert all(n == 0 for _, n in first.statuses)
    assert (second.candidates, second.scorecards_expected) == (0, 0)
    assert third.scorecards_submitted == 23


def test_progress_of_an_empty_database(services) -> None:
    assert services.overview.progress() == []
    assert services.overview.upcoming(now=datetime(2027, 1, 1, tzinfo=UTC)) == []


def test_cancelling_moves_a_meeting_from_planned_to_cancelled(sample) -> None:
    planned = [m for m in sample.meetings.list(selection=SAMPLE) if m.status == "planned"]
    sample.meetings.cancel(planned[0].id)
    [p] = sample.overview.progress()
    assert (p.meetings_held, p.meetings_planned, p.meetings_cancelled) == (9, 1, 1)


def test_a_newly_submitted_scorecard_counts(sample) -> None:
    tanager_deep_dive = next(
        m
        for m in sample.meetings.list(selection=SAMPLE)
        if m.candidate == "Tanager Digital Services" and m.kind == "deep-dive"
    )
    sample.scoring.submit(tanager_deep_dive.id, member="Priya Nair")
    [p] = sample.overview.progress()
    assert (p.scorecards_submitted, p.scorecards_expected) == (24, 24)


def test_progress_takes_a_fixed_number_of_queries(sample) -> None:
    from sqlalchemy import event

    def count_selects() -> int:
        seen: list[str] = []

        def hook(conn, cursor, statement, *args):  # type: ignore[no-untyped-def]
            if statement.lstrip().upper().startswith("SELECT"):
                seen.append(statement)

        event.listen(sample.db.engine, "before_cursor_execute", hook)
        try:
            sample.overview.progress()
        finally:
            event.remove(sample.db.engine, "before_cursor_execute", hook)
        return len(seen)

    before = count_selects()
    for i in range(5):
        sample.selections.create(f"Selection {i}", template=None)
        sample.candidates.add(f"Vendor {i}", selection=f"Selection {i}")
        sample.members.add(f"Member {i}", selection=f"Selection {i}")
    assert count_selects() == before <= 6


def test_upcoming_in_our_time_and_the_vendors(sample) -> None:
    now = datetime(2027, 1, 10, 8, 0, tzinfo=UTC)
    first, second = sample.overview.upcoming(now=now)
    # Northgate meet-the-team, 14 January 2027 10:00 London (GMT), vendor in London too.
    assert (first.candidate, first.kind, first.status, first.selection) == (
        "Northgate Managed IT",
        "meet-the-team",
        "planned",
        SAMPLE,
    )
    assert first.start_utc == datetime(2027, 1, 14, 10, 0, tzinfo=UTC)
    assert first.start_ours == first.start_vendor == datetime(2027, 1, 14, 10, 0, tzinfo=ZoneInfo("Europe/London"))
    assert first.start_ours.tzinfo == ZoneInfo("Europe/London") and first.start_ours.hour == 10
    assert first.members == ("Helen Marsh", "Tom Adeyemi") and first.duration_minutes == 90
    # Vistula site visit, 20 January 09:00 London = 10:00 in Warsaw (CET).
    assert (second.candidate, second.kind, second.our_zone, second.vendor_zone) == (
        "Vistula Cloud Services",
        "site-visit",
        "Europe/London",
        "Europe/Warsaw",
    )
    assert (second.start_ours.hour, second.start_vendor.hour) == (9, 10)
    assert second.start_vendor.tzinfo == ZoneInfo("Europe/Warsaw")
    assert second.start_vendor == second.start_utc == datetime(2027, 1, 20, 9, 0, tzinfo=UTC)


def test_upcoming_window_edges_selection_and_cancelled(sample) -> None:
    ups = sample.overview.upcoming
    # The window is [now, now + days): the site visit at 09:00 UTC on the 20th is in from just after 09:00 on the 6th.
    assert [m.kind for m in ups(now=datetime(2027, 1, 6, 9, 1, tzinfo=UTC))] == ["meet-the-team", "site-visit"]
    assert [m.kind for m in ups(now=datetime(2027, 1, 6, 9, 0, tzinfo=UTC))] == ["meet-the-team"]
    assert [m.kind for m in ups(now=datetime(2027, 1, 14, 10, 0, tzinfo=UTC))] == ["meet-the-team", "site-visit"]
    assert [m.kind for m in ups(now=datetime(2027, 1, 14, 10, 1, tzinfo=UTC))] == ["site-visit"]
    assert [m.kind for m in ups(now=datetime(2027, 1, 10, tzinfo=UTC), days=5)] == ["meet-the-team"]
    # A naive "now" is UTC; another zone's instant is the same instant.
    assert len(ups(now=datetime(2027, 1, 6, 9, 1))) == 2
    assert len(ups(now=datetime(2027, 1, 6, 10, 1, tzinfo=ZoneInfo("Europe/Warsaw")))) == 2
    assert len(ups(now=datetime(2027, 1, 6, 10, 0, tzinfo=ZoneInfo("Europe/Warsaw")))) == 1
    # Held meetings lie in the past: nothing upcoming in October 2026 from the end of it.
    assert ups(now=datetime(2026, 11, 11, tzinfo=UTC)) == []
    sample.selections.create("Other", template=None)
    assert len(ups(now=datetime(2027, 1, 10, tzinfo=UTC), selection=SAMPLE)) == 2
    assert ups(now=datetime(2027, 1, 10, tzinfo=UTC), selection="Other") == []
    site_visit = ups(now=datetime(2027, 1, 10, tzinfo=UTC))[1]
    sample.meetings.cancel(site_visit.meeting_id)
    assert [m.kind for m in ups(now=datetime(2027, 1, 10, tzinfo=UTC))] == ["meet-the-team"]


def test_upcoming_rejects_bad_arguments(sample) -> None:
    for days in (0, -1, 367, True, 1.5):
        with pytest.raises(UserError) as err:
            sample.overview.upcoming(days=days)  # type: ignore[arg-type]
        assert err.value.field == "--days"
    with pytest.raises(NotFound):
        sample.overview.upcoming(selection="no such selection")
