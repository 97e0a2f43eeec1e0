"""Minutes on the sample selection: scores shown or pending, notes in time order, the next meeting."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest
from sqlalchemy import event

from workbench.services.errors import NotFound
from workbench.store.models import Meeting, MeetingSeries


@pytest.fixture
def sample(services):  # type: ignore[no-untyped-def]
    services.demo.create_sample()
    return services


def meeting_id(services, candidate: str, kind: str) -> int:  # type: ignore[no-untyped-def]
    found = [m.id for m in services.meetings.list(candidate=candidate) if m.kind == kind]
    assert len(found) == 1
    return found[0]


def test_all_members_submitted_shows_scores_per_member(sample) -> None:  # type: ignore[no-untyped-def]
    view = sample.minutes.minutes(meeting_id(sample, "Northgate Managed IT", "introduction"))
    assert not view.scores_pending and view.pending_members == ()
    assert view.scorers == ("Helen Marsh", "Priya Nair", "Tom Adeyemi")
    assert view.our_attendees == ("Helen Marsh", "Priya Nair", "Tom Adeyemi")
    assert view.their_attendees == ("Graham Tully (Managing director)", "Louise Okafor (Account manager)")
    assert len(view.agenda) == 14 and [r.number for r in view.agenda] == list(range(1, 15))
    first = view.agenda[0]
    assert not first.scores_pending and first.text and first.criterion
    assert [(s.member, s.value) for s in first.scores] == [("Helen Marsh", 4), ("Priya Nair", 4), ("Tom Adeyemi", 3)]
    assert first.mean == pytest.approx(11 / 3)
    assert view.title == "Introduction with Northgate Managed IT" and view.kind_label == "Introduction"
    assert view.candidate_timezone == "Europe/London" and view.our_timezone == "Europe/London"


def test_na_scores_and_comments(sample) -> None:  # type: ignore[no-untyped-def]
    view = sample.minutes.minutes(meeting_id(sample, "Northgate Managed IT", "deep-dive"))
    tom_q8 = next(s for s in view.agenda[7].scores if s.member == "Tom Adeyemi")
    assert tom_q8.scored and tom_q8.value is None
    comments = [(row.number, s.member, s.comment) for row, s in view.comments]
    assert comments == [
        (4, "Tom Adeyemi", "No date for the last full restore test; 'we test regularly'."),
        (6, "Helen Marsh", "Ravi's firewall outage story was specific and honest."),
        (7, "Tom Adeyemi", "Generic answer; did not ask about CAD file sizes or the plotter."),
    ]


def test_unsubmitted_member_makes_scores_pending(sample) -> None:  # type: ignore[no-untyped-def]
    view = sample.minutes.minutes(meeting_id(sample, "Tanager Digital Services", "deep-dive"))
    assert view.scores_pending and view.pending_members == ("Priya Nair",)
    assert view.agenda and all(r.scores_pending and r.scores == () and r.mean is None for r in view.agenda)
    assert view.comments == ()
    assert view.start_theirs.utcoffset() == timedelta(hours=5, minutes=30)
    assert (view.start_ours.hour, view.start_theirs.hour, view.start_theirs.minute) == (10, 15, 30)


def test_notes_grouped_and_in_time_order(sample) -> None:  # type: ignore[no-untyped-def]
    view = sample.minutes.minutes(meeting_id(sample, "Vistula Cloud Services", "deep-dive"))
    assert [n.text[:20] for n in view.notes] == ["Showed a restore-tes", "Exit plan is in the "]
    assert [n.at.strftime("%H:%M") for n in view.notes] == ["09:25", "10:52"]
    assert all(n.at.tzinfo is not None and n.at.utcoffset() == timedelta(0) for n in view.notes)  # London in winter
    assert [n.kind for n in view.decisions] == ["decision"] and [n.kind for n in view.concerns] == ["concern"]
    (action,) = view.actions
    assert (action.owner, action.due, action.member) == ("Helen Marsh", date(2026, 11, 6), "Helen Marsh")
    gaps = sample.minutes.minutes(meeting_id(sample, "Northgate Managed IT", "deep-dive")).gaps
    assert [g.text[:26] for g in gaps] == ["Could not say when a full "]


def test_next_meeting_is_the_candidates_next_one_not_cancelled(sample) -> None:  # type: ignore[no-untyped-def]
    intro = meeting_id(sample, "Northgate Managed IT", "introduction")
    deep = meeting_id(sample, "Northgate Managed IT", "deep-dive")
    team = meeting_id(sample, "Northgate Managed IT", "meet-the-team")
    nxt = sample.minutes.minutes(intro).next_meeting
    assert nxt is not None and (nxt.id, nxt.kind, nxt.status, nxt.in_series) == (deep, "deep-dive", "held", False)
    assert sample.minutes.minutes(deep).next_meeting.id == team
    assert sample.minutes.minutes(team).next_meeting is None
    sample.meetings.cancel(deep)
    assert sample.minutes.minutes(intro).next_meeting.id == team


def test_next_meeting_of_a_series_skips_cancelled_occurrences(sample) -> None:  # type: ignore[no-untyped-def]
    visit = sample.meetings.get(meeting_id(sample, "Vistula Cloud Services", "site-visit"))
    now = datetime.now(UTC)
    with sample.db.session(write=True) as session:
        series = MeetingSeries(
            selection_id=visit.selection_id,
            candidate_id=visit.candidate_id,
            kind="meet-the-team",
            timezone="Europe/London",
            start_local="2027-01-05T10:00",
            freq="weekly",
            count=4,
            created_at=now,
        )
        session.add(series)
        session.flush()
        ids = []
        for i, status in enumerate(("held", "cancelled", "planned", "planned")):
            row = Meeting(
                selection_id=visit.selection_id,
                candidate_id=visit.candidate_id,
                kind="meet-the-team",
                start_utc=datetime(2027, 1, 5, 10, tzinfo=UTC) + timedelta(weeks=i * 2),
                timezone="Europe/London",
                status=status,
                uid=f"series-{i}@test",
                series_id=series.id,
                series_index=i,
                created_at=now,
                updated_at=now,
            )
            session.add(row)
            session.flush()
            ids.append(row.id)
    first = sample.minutes.minutes(ids[0])
    # the site visit (20 Jan) comes first in time, but the series' next occurrence wins (2 Feb; 19 Jan is cancelled)
    assert first.next_meeting is not None and (first.next_meeting.id, first.next_meeting.in_series) == (ids[2], True)
    assert first.title == "Meet the team with Vistula Cloud Services (session 1)"
    last = sample.minutes.minutes(ids[3]).next_meeting
    assert last is None  # nothing after the last occurrence, and no other meeting later
    assert sample.minutes.minutes(ids[2]).next_meeting.id == ids[3]


def test_without_listed_members_the_whole_panel_is_expected(sample) -> None:  # type: ignore[no-untyped-def]
    """No attendee list: every panel member owes a scorecard, so one member's submission shows nothing yet."""
    view = sample.meetings.add(
        candidate="Tanager Digital Services",
        kind="reference-call",
        start_local=datetime(2027, 2, 1, 9, 0),
        timezone="Europe/London",
    )
    qid = view.agenda[0].question_id
    panel = ("Helen Marsh", "Priya Nair", "Tom Adeyemi")
    empty = sample.minutes.minutes(view.id)
    assert empty.scores_pending and empty.pending_members == panel and empty.agenda[0].scores == ()
    sample.scoring.score(view.id, qid, 2, member="Tom Adeyemi", comment="late")
    sample.scoring.submit(view.id, member="Tom Adeyemi")
    one = sample.minutes.minutes(view.id)
    assert one.scores_pending and one.pending_members == ("Helen Marsh", "Priya Nair")
    assert one.agenda[0].scores == () and one.comments == ()
    sample.scoring.submit(view.id, member="Helen Marsh", empty=True)
    sample.scoring.submit(view.id, member="Priya Nair", empty=True)
    done = sample.minutes.minutes(view.id)
    assert not done.scores_pending and done.scorers == panel
    assert [(s.member, s.value, s.comment, s.scored) for s in done.agenda[0].scores] == [
        ("Helen Marsh", None, "", False),
        ("Priya Nair", None, "", False),
        ("Tom Adeyemi", 2, "late", True),
    ]
    assert [(s.value, s.scored) for s in done.agenda[1].scores] == [(None, False)] * 3


def test_all_for_in_start_order_with_a_constant_number_of_queries(sample) -> None:  # type: ignore[no-untyped-def]
    statements: list[str] = []

    def count(conn, cursor, statement, *args) -> None:  # type: ignore[no-untyped-def]
        statements.append(statement)

    event.listen(sample.db.engine, "before_cursor_execute", count)
    try:
        everything = sample.minutes.all_for()
        for_all = len(statements)
        statements.clear()
        vistula = sample.minutes.all_for(candidate="Vistula Cloud Services")
        for_one = len(statements)
    finally:
        event.remove(sample.db.engine, "before_cursor_execute", count)
    assert len(everything) == 11 and len(vistula) == 4
    assert [v.start_ours for v in everything] == sorted(v.start_ours for v in everything)
    assert {v.candidate_name for v in vistula} == {"Vistula Cloud Services"}
    assert for_all <= 12 and for_one == for_all + 1  # one more: finding the candidate
    one = sample.minutes.minutes(vistula[1].meeting.id)
    assert one == vistula[1]


def test_unknown_meeting_and_candidate(sample) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(NotFound) as info:
        sample.minutes.minutes(999)
    assert info.value.field == "MEETING"
    with pytest.raises(NotFound):
        sample.minutes.all_for(candidate="Nobody")
