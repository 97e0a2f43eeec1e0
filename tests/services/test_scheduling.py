"""Scheduling from typed times: series across clock changes, refusals, warnings, cancelling, fit."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from workbench.services.errors import UserError

NOW = datetime(2027, 3, 1, 12, 0, tzinfo=UTC)  # a Monday


@pytest.fixture
def svc(services):  # type: ignore[no-untyped-def]
    services.selections.create("S", timezone="Europe/London")
    for name in ("Ann", "Bob"):
        services.members.add(name)
    services.candidates.add("Acme", timezone="America/New_York", support_hours="08:00-18:00")
    services.candidates.add("Bolt", timezone="Europe/London", support_hours="09:00-17:00")
    return services


def _utc(result) -> list[str]:  # type: ignore[no-untyped-def]
    return [s.meeting.start_utc.strftime("%Y-%m-%d %H:%M") for s in result.meetings]


def test_weekly_series_keeps_its_wall_time_across_the_clock_change(svc) -> None:  # type: ignore[no-untyped-def]
    result = svc.scheduling.schedule(
        candidate="Bolt",
        kind="introduction",
        at="2027-03-15 10:00",
        tz="Europe/London",
        every="1 week",
        count=4,
        now=NOW,
    )
    assert _utc(result) == ["2027-03-15 10:00", "2027-03-22 10:00", "2027-03-29 09:00", "2027-04-05 09:00"]
    assert [f"{s.ours:%H:%M}" for s in result.meetings] == ["10:00"] * 4
    assert result.series_id is not None
    series = svc.scheduling.series()
    assert len(series) == 1 and len(series[0].meeting_ids) == 4 and series[0].freq == "weekly"
    stored = svc.meetings.list()
    assert [m.series_index for m in stored] == [0, 1, 2, 3]
    assert all(m.agenda for m in stored)


def test_typed_forms_are_read_in_the_given_zone(svc) -> None:  # type: ignore[no-untyped-def]
    r = svc.scheduling.schedule(candidate="Bolt", kind="introduction", at="tomorrow 9:30", tz="Europe/London", now=NOW)
    assert _utc(r) == ["2027-03-02 09:30"]
    r = svc.scheduling.schedule(
        candidate="Acme", kind="introduction", at="22 Mar 2027 10am", tz="America/New_York", now=NOW
    )
    assert _utc(r) == ["2027-03-22 14:00"]  # New York is on daylight time (UTC-4) from 14 March
    assert f"{r.meetings[0].theirs:%H:%M}" == "10:00" and f"{r.meetings[0].ours:%H:%M}" == "14:00"
    r = svc.scheduling.schedule(
        candidate="Bolt", kind="introduction", at="03/04/2027 11:00", tz="Europe/London", now=NOW
    )
    assert _utc(r) == ["2027-04-03 10:00"] and any("3 April" in n or "day/month" in n for n in r.notes)


def test_gap_is_refused_with_the_first_valid_time_and_nothing_is_stored(svc) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(UserError, match="02:00"):
        svc.scheduling.schedule(
            candidate="Bolt", kind="introduction", at="2027-03-28 01:30", tz="Europe/London", now=NOW
        )
    with pytest.raises(UserError, match="28"):  # a series whose third occurrence falls in the gap
        svc.scheduling.schedule(
            candidate="Bolt",
            kind="introduction",
            at="2027-03-14 01:30",
            tz="Europe/London",
            every="1 week",
            count=3,
            now=NOW,
        )
    assert svc.meetings.list() == [] and svc.scheduling.series() == []


def test_fold_needs_a_choice(svc) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(UserError, match=r"earlier|later"):
        svc.scheduling.schedule(
            candidate="Acme", kind="introduction", at="2027-11-07 01:30", tz="America/New_York", now=NOW
        )
    early = svc.scheduling.schedule(
        candidate="Acme", kind="introduction", at="2027-11-07 01:30", tz="America/New_York", fold="earlier", now=NOW
    )
    late = svc.scheduling.schedule(
        candidate="Acme", kind="deep-dive", at="2027-11-07 01:30", tz="America/New_York", fold="later", now=NOW
    )
    assert _utc(early) == ["2027-11-07 05:30"] and _utc(late) == ["2027-11-07 06:30"]


def test_warnings_out_of_hours_and_double_booking(svc) -> None:  # type: ignore[no-untyped-def]
    # 09:00 London = 05:00 New York (before Acme's 08:00): outside the vendor's hours, inside ours.
    r = svc.scheduling.schedule(
        candidate="Acme", kind="introduction", at="2027-03-03 09:00", tz="Europe/London", members=["Ann"], now=NOW
    )
    assert any("support hours" in w for w in r.meetings[0].warnings)
    assert not any("our business hours" in w for w in r.meetings[0].warnings)
    # 17:30 London on the same day: outside ours; Ann is free.
    r2 = svc.scheduling.schedule(
        candidate="Bolt", kind="introduction", at="2027-03-03 16:30", tz="Europe/London", members=["Bob"], now=NOW
    )
    assert any("our business hours" in w for w in r2.meetings[0].warnings)
    # 09:30 London overlaps Ann's 09:00-10:00 meeting.
    r3 = svc.scheduling.schedule(
        candidate="Bolt", kind="deep-dive", at="2027-03-03 09:30", tz="Europe/London", members=["Ann", "Bob"], now=NOW
    )
    assert any("double-booked: Ann" in w and str(r.meetings[0].meeting.id) in w for w in r3.meetings[0].warnings)
    # Saturday: outside ours.
    r4 = svc.scheduling.schedule(candidate="Bolt", kind="deep-dive", at="2027-03-06 10:00", tz="Europe/London", now=NOW)
    assert any("our business hours" in w for w in r4.meetings[0].warnings)


def test_cancel_one_occurrence_and_then_the_series(svc) -> None:  # type: ignore[no-untyped-def]
    result = svc.scheduling.schedule(
        candidate="Bolt",
        kind="introduction",
        at="2027-03-15 10:00",
        tz="Europe/London",
        every="2 weeks",
        count=4,
        now=NOW,
    )
    ids = [s.meeting.id for s in result.meetings]
    svc.meetings.set_status(ids[0], "held")
    svc.scheduling.cancel(ids[1])
    assert [m.status for m in svc.meetings.list()] == ["held", "cancelled", "planned", "planned"]
    cancelled = svc.scheduling.cancel(ids[2], series=True)
    assert sorted(m.id for m in cancelled) == ids[2:]
    assert [m.status for m in svc.meetings.list()] == ["held", "cancelled", "cancelled", "cancelled"]
    assert svc.scheduling.series()[0].status == "cancelled"
    assert all(m.sequence >= 1 for m in svc.meetings.list()[1:])
    with pytest.raises(UserError, match="series"):
        single = svc.scheduling.schedule(
            candidate="Bolt", kind="introduction", at="2027-05-03 10:00", tz="Europe/London", now=NOW
        )
        svc.scheduling.cancel(single.meetings[0].meeting.id, series=True)


def test_monthly_on_the_31st_says_which_months_it_skips(svc) -> None:  # type: ignore[no-untyped-def]
    r = svc.scheduling.schedule(
        candidate="Bolt",
        kind="introduction",
        at="2027-01-31 10:00",
        tz="Europe/London",
        every="1 month",
        count=4,
        now=NOW,
    )
    assert [f"{s.ours:%Y-%m-%d}" for s in r.meetings] == ["2027-01-31", "2027-03-31", "2027-05-31", "2027-07-31"]
    skipped = " ".join(r.notes)
    assert "February" in skipped or "Feb" in skipped
    assert "April" in skipped or "Apr" in skipped


def test_until_is_the_end_of_that_day_in_the_organisers_zone(svc) -> None:  # type: ignore[no-untyped-def]
    # 23:30 in Los Angeles is 07:30 UTC the next day; until 2027-03-22 includes the 22nd's meeting.
    svc.candidates.add("West", timezone="America/Los_Angeles")
    r = svc.scheduling.schedule(
        candidate="West",
        kind="introduction",
        at="2027-03-08 23:30",
        tz="America/Los_Angeles",
        every="1 week",
        until="2027-03-22",
        now=NOW,
    )
    assert [f"{s.theirs:%Y-%m-%d %H:%M}" for s in r.meetings] == [
        "2027-03-08 23:30",
        "2027-03-15 23:30",
        "2027-03-22 23:30",
    ]
    with pytest.raises(UserError, match=r"--count|--until"):
        svc.scheduling.schedule(
            candidate="West",
            kind="introduction",
            at="2027-03-08 10:00",
            tz="America/Los_Angeles",
            every="1 week",
            now=NOW,
        )


def test_time_zone_fit_per_candidate(svc) -> None:  # type: ignore[no-untyped-def]
    svc.candidates.add("Nohours", timezone="Asia/Tokyo")
    fit = {f.candidate: f for f in svc.scheduling.fit(start=datetime(2027, 1, 4).date())}
    assert fit["Bolt"].typical_weekly_hours == pytest.approx(40.0)  # same zone, same hours
    # London 09-17 vs New York 08-18: 13:00-17:00 London most weeks = 4 h/day = 20 h.
    assert fit["Acme"].typical_weekly_hours == pytest.approx(20.0)
    assert fit["Acme"].min_weekly_hours <= fit["Acme"].typical_weekly_hours <= fit["Acme"].max_weekly_hours
    assert fit["Nohours"].typical_weekly_hours is None


def test_extend_a_series_by_count_and_until(svc) -> None:  # type: ignore[no-untyped-def]
    r = svc.scheduling.schedule(
        candidate="Bolt",
        kind="introduction",
        at="2027-03-15 10:00",
        tz="Europe/London",
        every="1 week",
        count=2,
        members=["Ann"],
        now=NOW,
    )
    more = svc.scheduling.extend(r.series_id, count=4, now=NOW)
    # Only the new occurrences are added, at the same wall time after the clock change.
    assert [f"{s.ours:%Y-%m-%d %H:%M}" for s in more.meetings] == ["2027-03-29 10:00", "2027-04-05 10:00"]
    assert _utc(more) == ["2027-03-29 09:00", "2027-04-05 09:00"]
    assert [m.members for m in svc.meetings.list()] == [("Ann",)] * 4
    later = svc.scheduling.extend(r.series_id, until="2027-04-19", now=NOW)
    assert [f"{s.ours:%Y-%m-%d}" for s in later.meetings] == ["2027-04-12", "2027-04-19"]
    assert len(svc.scheduling.series()[0].meeting_ids) == 6
    with pytest.raises(UserError, match="larger"):
        svc.scheduling.extend(r.series_id, count=3, now=NOW)
    with pytest.raises(UserError, match="SERIES"):
        svc.scheduling.extend(999, count=3, now=NOW)
    svc.scheduling.cancel(svc.meetings.list()[-1].id, series=True)
    with pytest.raises(UserError, match="cancelled"):
        svc.scheduling.extend(r.series_id, count=9, now=NOW)
