"""The life of a meeting: held by a score or note after the start, or by hand; minuted; rescheduled across a
clock change with its scores kept; attendees changed; deleted when it holds nothing (SQLite and PostgreSQL)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import icalendar
import pytest

from tests.services.test_meetings import add_candidate
from workbench.domain.attendees import Attendee
from workbench.services.errors import UserError

LONDON_SAT = datetime(2027, 3, 27, 10, 0)  # the day before the clocks go forward (last Sunday of March 2027)


@pytest.fixture
def setup(services):  # type: ignore[no-untyped-def]
    services.selections.create("S", timezone="Europe/London")
    services.members.add("Ana Ortiz")
    services.members.add("Ben Cole")
    add_candidate(services, "Acme IT")
    return services


def _add(services, start: datetime, **extra):  # type: ignore[no-untyped-def]
    return services.meetings.add(
        candidate="Acme IT",
        kind="introduction",
        start_local=start,
        timezone="Europe/London",
        members=["Ana Ortiz", "Ben Cole"],
        **extra,
    )


def _event(services, meeting_id: int):  # type: ignore[no-untyped-def]
    calendar = icalendar.Calendar.from_ical(services.calendar.export(selection="S"))
    found = [e for e in calendar.walk("VEVENT") if str(e.get("X-WORKBENCH-MEETING")) == str(meeting_id)]
    assert len(found) == 1
    return found[0]


def test_reschedule_across_the_clock_change_keeps_scores_and_raises_the_sequence(setup) -> None:
    services = setup
    m = _add(services, LONDON_SAT)
    assert m.start_utc == datetime(2027, 3, 27, 10, 0, tzinfo=UTC)  # GMT
    q = m.agenda[0].question_id
    services.scoring.score(m.id, q, 4, member="Ana Ortiz", comment="clear answer")
    before = _event(services, m.id)
    assert before.decoded("DTSTART") == datetime(2027, 3, 27, 10, 0, tzinfo=before.decoded("DTSTART").tzinfo)
    assert int(before.get("SEQUENCE")) == 0

    result = services.meeting_life.edit(m.id, at="2027-03-29 10:00")  # Monday, BST
    assert [s.meeting.id for s in result.meetings] == [m.id]

    got = services.meetings.get(m.id)
    assert got.start_utc == datetime(2027, 3, 29, 9, 0, tzinfo=UTC)  # 10:00 BST is 09:00 UTC
    assert got.timezone == "Europe/London" and got.status == "planned"
    scores = services.scoring.scores(member="Ana Ortiz")
    assert [(s.meeting_id, s.question_id, s.value, s.comment) for s in scores] == [(m.id, q, 4, "clear answer")]
    after = _event(services, m.id)
    start = after.decoded("DTSTART")
    assert (start.replace(tzinfo=None), str(after["DTSTART"].params["TZID"])) == (
        datetime(2027, 3, 29, 10, 0),
        "Europe/London",
    )
    assert start.astimezone(UTC) == datetime(2027, 3, 29, 9, 0, tzinfo=UTC)
    assert after.decoded("DTEND").astimezone(UTC) == datetime(2027, 3, 29, 10, 0, tzinfo=UTC)
    assert int(after.get("SEQUENCE")) > int(before.get("SEQUENCE"))
    assert str(after.get("UID")) == str(before.get("UID"))


def test_a_new_time_in_the_gap_or_the_fold_is_refused_or_asked(setup) -> None:
    services = setup
    m = _add(services, LONDON_SAT)
    with pytest.raises(UserError, match=r"does not exist in Europe/London.*02:00") as gap:
        services.meeting_life.edit(m.id, at="2027-03-28 01:30")
    assert gap.value.field == "--at"
    with pytest.raises(UserError, match="happens twice") as twice:
        services.meeting_life.edit(m.id, at="2027-10-31 01:30")
    assert twice.value.field == "--at"
    assert services.meetings.get(m.id).start_utc == datetime(2027, 3, 27, 10, 0, tzinfo=UTC)  # nothing changed
    services.meeting_life.edit(m.id, at="2027-10-31 01:30", fold="later")
    assert services.meetings.get(m.id).start_utc == datetime(2027, 10, 31, 1, 30, tzinfo=UTC)  # GMT, the second


def test_tz_alone_reads_the_same_wall_time_in_the_new_zone(setup) -> None:
    services = setup
    m = _add(services, LONDON_SAT)
    services.meeting_life.edit(m.id, tz="America/New_York")
    got = services.meetings.get(m.id)
    assert (got.timezone, got.start_utc) == ("America/New_York", datetime(2027, 3, 27, 14, 0, tzinfo=UTC))  # EDT


def test_series_one_occurrence_or_all_following(setup) -> None:
    services = setup
    made = services.scheduling.schedule(
        candidate="Acme IT", kind="introduction", at="2027-03-13 10:00", tz="Europe/London", every="1 week", count=4
    )
    ids = [s.meeting.id for s in made.meetings]
    services.meeting_life.edit(ids[1], at="2027-03-20 11:00")  # this one only
    starts = [services.meetings.get(i).start_utc.hour for i in ids]
    assert starts == [10, 11, 10, 9]  # 10:00 GMT, 11:00 GMT, 10:00 GMT, 10:00 BST
    result = services.meeting_life.edit(ids[2], at="2027-03-27 15:00", following=True)  # a Saturday, 5 hours later
    assert [s.meeting.id for s in result.meetings] == ids[2:]
    got = [services.meetings.get(i).start_utc for i in ids]
    assert got[2:] == [datetime(2027, 3, 27, 15, 0, tzinfo=UTC), datetime(2027, 4, 3, 14, 0, tzinfo=UTC)]
    assert got[:2] == [datetime(2027, 3, 13, 10, 0, tzinfo=UTC), datetime(2027, 3, 20, 11, 0, tzinfo=UTC)]
    more = services.scheduling.extend(made.series_id, count=5)  # a new occurrence keeps the new time
    assert more.meetings[0].meeting.start_utc == datetime(2027, 4, 10, 14, 0, tzinfo=UTC)
    with pytest.raises(UserError, match="not part of a series"):
        services.meeting_life.edit(_add(services, LONDON_SAT).id, at="2027-03-30 10:00", following=True)


def test_following_refuses_an_occurrence_in_the_gap_naming_it(setup) -> None:
    services = setup
    made = services.scheduling.schedule(
        candidate="Acme IT", kind="introduction", at="2027-03-14 10:00", tz="Europe/London", every="1 week", count=3
    )
    ids = [s.meeting.id for s in made.meetings]
    with pytest.raises(UserError, match=rf"meeting {ids[2]}: .*does not exist"):
        services.meeting_life.edit(ids[0], at="2027-03-14 01:30", following=True)  # the 28th at 01:30 is skipped
    assert [services.meetings.get(i).start_utc.hour for i in ids] == [10, 10, 9]


def test_attendees_location_and_length_change_and_a_removed_member_keeps_scores(setup) -> None:
    services = setup
    m = _add(services, LONDON_SAT, their_attendees=["Cara"])
    q = m.agenda[0].question_id
    services.scoring.score(m.id, q, 3, member="Ben Cole")
    services.meeting_life.edit(
        m.id,
        members=["Ana Ortiz"],
        their_attendees=[Attendee("Dan Eze", "CTO", "dan@acme.example"), "Eve"],
        location="Room 2",
        duration=90,
    )
    got = services.meetings.get(m.id)
    assert got.members == ("Ana Ortiz",)
    assert got.their_people == (Attendee("Dan Eze", "CTO", "dan@acme.example"), Attendee("Eve"))
    assert got.their_attendees == ("Dan Eze", "Eve")
    assert (got.location, got.duration_minutes, got.sequence) == ("Room 2", 90, 1)
    assert [(s.member, s.value) for s in services.scoring.scores(member="Ben Cole")] == [("Ben Cole", 3)]
    attendees = _event(services, m.id).get("ATTENDEE")
    theirs = {str(a.params["CN"]): str(a) for a in attendees if str(a.params["CN"]) in ("Dan Eze", "Eve")}
    assert theirs["Dan Eze"] == "mailto:dan@acme.example" and theirs["Eve"].startswith("urn:uuid:")
    services.scoring.submit(m.id, member="Ana Ortiz", empty=True)
    minutes = services.minutes.minutes(m.id)
    assert minutes.scorers == ("Ana Ortiz", "Ben Cole (not on the meeting)")
    assert minutes.their_attendees == ("Dan Eze (CTO, dan@acme.example)", "Eve")
    with pytest.raises(UserError, match="not an e-mail address") as bad:
        services.meeting_life.edit(m.id, their_attendees=[Attendee("Fay", "", "fay at acme")])
    assert bad.value.field == "their_attendees e-mail"
    with pytest.raises(UserError, match="nothing to change"):
        services.meeting_life.edit(m.id)


def test_held_by_the_first_score_after_the_start_then_minuted(setup) -> None:
    services = setup
    past = _add(services, datetime(2026, 1, 5, 10, 0))
    future = _add(services, datetime(2031, 1, 6, 10, 0))
    services.scoring.score(future.id, future.agenda[0].question_id, 4, member="Ana Ortiz")
    assert services.meetings.get(future.id).status == "planned"  # typed before the start
    services.scoring.score(past.id, past.agenda[0].question_id, 4, member="Ana Ortiz")
    got = services.meetings.get(past.id)
    assert (got.status, got.sequence) == ("held", 1)
    services.scoring.score(past.id, past.agenda[0].question_id, 5, member="Ana Ortiz")
    assert services.meetings.get(past.id).sequence == 1  # held once
    assert services.overview.progress()[0].meetings_held == 1
    with pytest.raises(UserError, match="has not been held yet"):
        services.meeting_life.minuted(future.id)
    assert services.meeting_life.minuted(past.id).status == "minuted"
    assert services.overview.progress()[0].meetings_held == 1  # minuted meetings were held
    assert services.meeting_life.minuted(past.id).sequence == 2  # minuted once


def test_a_note_after_the_start_marks_held_and_held_by_hand(setup) -> None:
    services = setup
    noted = _add(services, datetime(2026, 1, 5, 10, 0))
    by_hand = _add(services, datetime(2026, 1, 6, 10, 0))
    services.notes.add(noted.id, member="Ana Ortiz", kind="note", text="late start")
    assert services.meetings.get(noted.id).status == "held"
    assert services.meeting_life.held(by_hand.id).status == "held"
    assert services.meeting_life.held(by_hand.id).sequence == 1  # again: no change
    future = _add(services, datetime.now(UTC).replace(tzinfo=None) + timedelta(days=30))
    with pytest.raises(UserError, match="cannot be held before it starts"):
        services.meeting_life.held(future.id)
    services.meetings.cancel(future.id)
    with pytest.raises(UserError, match="is cancelled"):
        services.meeting_life.held(future.id)
    with pytest.raises(UserError, match="its time cannot change"):
        services.meeting_life.edit(noted.id, at="2027-03-29 10:00")


def test_delete_only_a_planned_meeting_that_holds_nothing(setup) -> None:
    services = setup
    empty = _add(services, LONDON_SAT)
    scored = _add(services, LONDON_SAT + timedelta(days=1))
    services.scoring.score(scored.id, scored.agenda[0].question_id, 2, member="Ana Ortiz")
    with pytest.raises(UserError, match="has 1 score; it cannot be deleted, cancel it instead"):
        services.meeting_life.delete(scored.id)
    assert services.meeting_life.delete(empty.id) == (empty.id, "Acme IT", "introduction")
    assert [m.id for m in services.meetings.list()] == [scored.id]
    services.meetings.cancel(scored.id)
    with pytest.raises(UserError, match="is cancelled; only a planned meeting is deleted"):
        services.meeting_life.delete(scored.id)
