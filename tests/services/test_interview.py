"""The live interview's service: what the screen reads, resume position, timers, comments, carry-over."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from workbench.services.carry_over import FOLLOW_UP_PREFIX
from workbench.services.errors import Conflict, NotFound, UserError

NOW = datetime(2031, 5, 1, 9, 0, tzinfo=UTC)


@pytest.fixture
def series(services):  # type: ignore[no-untyped-def]
    """A selection with three members, one candidate and a weekly series of three deep dives."""
    services.selections.create("S")
    for name in ("Ana Ortiz", "Ben Cole", "Cy Diaz"):
        services.members.add(name)
    services.candidates.add("Acme IT", timezone="America/New_York")
    result = services.scheduling.schedule(
        candidate="Acme IT",
        kind="deep-dive",
        at="2031-05-06 09:00",
        tz="Europe/London",
        every="weekly",
        count=3,
        members=["Ana Ortiz", "Ben Cole"],
        now=NOW,
    )
    return [s.meeting for s in result.meetings]


def test_open_shows_the_agenda_with_anchors_and_only_the_members_own_scores(services, series) -> None:
    first = series[0]
    q1, q2 = first.agenda[0].question_id, first.agenda[1].question_id
    services.scoring.score(first.id, q1, 4, member="Ana Ortiz", comment="clear")
    services.scoring.score(first.id, q2, None, member="Ana Ortiz")
    services.scoring.score(first.id, q1, 1, member="Ben Cole", comment="Ben's secret")
    services.notes.add(first.id, member="Ben Cole", kind="concern", text="Ben's concern")
    services.notes.add(first.id, member="Ana Ortiz", kind="gap", text="No restore test", question_id=q2)

    view = services.interview.open(first.id, member="ana ortiz")
    assert view.member == "Ana Ortiz" and not view.submitted
    assert [q.question_id for q in view.questions] == [a.question_id for a in first.agenda]
    assert [q.number for q in view.questions][:3] == [1, 2, 3]
    one, two, three = view.questions[:3]
    assert (one.state, one.value, one.comment) == ("scored", 4, "clear")
    assert (two.state, two.value, two.gaps) == ("N/A", None, 1)
    assert three.state == "not yet scored"
    criterion = next(c for c in services.selections.criteria() if c.id == one.criterion_id)
    assert one.anchors == criterion.anchors and all(one.anchors) and one.criterion == criterion.name
    assert one.guidance and one.text == first.agenda[0].text
    assert view.scored == 2 and view.position == 2  # nothing remembered: the first question not yet scored
    assert [n.text for n in view.notes] == ["No restore test"]  # Ben's concern is withheld before submitting
    assert view.columns == () and view.side_by_side == ()
    assert "Ben's secret" not in repr(view)
    assert view.header.candidate == "Acme IT" and view.header.candidate_zone == "America/New_York"
    assert view.header.series_id is not None and view.header.series_index == 0
    assert view.header.duration_minutes == 60 and view.header.start_utc.utcoffset() is not None
    assert view.panel == ("Ana Ortiz", "Ben Cole")


def test_after_submitting_everyone_is_side_by_side_with_the_spread(services, series) -> None:
    first = series[0]
    q1, q2 = first.agenda[0].question_id, first.agenda[1].question_id
    services.scoring.score(first.id, q1, 2, member="Ana Ortiz")
    services.scoring.score(first.id, q1, 5, member="Ben Cole", comment="great")
    services.scoring.score(first.id, q2, 3, member="Ben Cole")
    services.notes.add(first.id, member="Ben Cole", kind="concern", text="Ben's concern")

    view = services.interview.submit(first.id, member="Ana Ortiz")
    assert view.submitted and view.columns == ("Ana Ortiz", "Ben Cole")
    row1, row2 = view.side_by_side[0], view.side_by_side[1]
    assert [(s.member, s.value, s.comment, s.submitted) for s in row1.scores] == [
        ("Ana Ortiz", 2, "", True),
        ("Ben Cole", 5, "great", False),
    ]
    assert (row1.spread, row1.flagged, row1.mean) == (3.0, True, 3.5)
    assert [(s.member, s.value) for s in row2.scores] == [("Ben Cole", 3)] and row2.spread is None
    assert "Ben's concern" in [n.text for n in view.notes]
    # Ben has not submitted: he still sees only his own.
    ben = services.interview.open(first.id, member="Ben Cole")
    assert ben.side_by_side == () and [q.value for q in ben.questions[:2]] == [5, 3]
    assert "Ben's concern" in [n.text for n in ben.notes]
    with pytest.raises(Conflict):
        services.interview.submit(first.id, member="Ana Ortiz")


def test_position_is_remembered_per_member(services, series) -> None:
    first = series[0]
    third = first.agenda[2].question_id
    services.interview.set_position(first.id, third, member="Ana Ortiz")
    assert services.interview.open(first.id, member="Ana Ortiz").position == 2
    assert services.interview.open(first.id, member="Ben Cole").position == 0
    services.interview.set_position(first.id, first.agenda[1].question_id, member="Ana Ortiz")
    assert services.interview.open(first.id, member="Ana Ortiz").position == 1
    with pytest.raises(UserError, match="not on the agenda"):
        services.interview.set_position(first.id, 999_999, member="Ana Ortiz")


def test_the_timer_starts_pauses_and_follows_the_member(services, series) -> None:
    first = series[0]
    q1, q2 = first.agenda[0].question_id, first.agenda[1].question_id
    started = services.interview.toggle_timer(first.id, q1, member="Ana Ortiz")
    assert started.running and started.elapsed_seconds == 0
    moved = services.interview.set_position(first.id, q2, member="Ana Ortiz")  # a running timer follows
    assert moved.question_id == q2 and moved.running
    view = services.interview.open(first.id, member="Ana Ortiz")
    assert not view.questions[0].timer.running and view.questions[0].timer.elapsed_seconds >= 0
    assert view.questions[1].timer.running
    paused = services.interview.toggle_timer(first.id, q2, member="Ana Ortiz")
    assert not paused.running and paused.elapsed_seconds >= 0
    assert not services.interview.set_position(first.id, q1, member="Ana Ortiz").running  # a paused one stays
    assert not services.interview.open(first.id, member="Ben Cole").questions[1].timer.running  # per member


def test_comment_keeps_the_value_and_needs_a_score(services, series) -> None:
    first = series[0]
    q1, q2 = first.agenda[0].question_id, first.agenda[1].question_id
    services.scoring.score(first.id, q1, 4, member="Ana Ortiz")
    stored = services.interview.comment(first.id, q1, "  specific answer ", member="Ana Ortiz")
    assert (stored.value, stored.comment) == (4, "specific answer")
    assert services.scoring.scorecard(first.id, member="Ana Ortiz").scores[0].comment == "specific answer"
    with pytest.raises(UserError, match="not scored yet"):
        services.interview.comment(first.id, q2, "x", member="Ana Ortiz")
    services.scoring.submit(first.id, member="Ana Ortiz")
    with pytest.raises(Conflict):
        services.interview.comment(first.id, q1, "later", member="Ana Ortiz")


def test_carry_over_into_the_next_meeting_of_the_series_is_idempotent(services, series) -> None:
    first, second, third = series
    agenda = [a.question_id for a in first.agenda]
    for qid in agenda[1:]:
        services.scoring.score(first.id, qid, 3, member="Ben Cole")
    gap = services.notes.add(
        first.id, member="Ana Ortiz", kind="gap", text="Did not know their RPO", question_id=agenda[1]
    )
    services.notes.add(first.id, member="Ana Ortiz", kind="note", text="plain note")
    before = len(services.meetings.get(second.id).agenda)

    result = services.interview.carry_over(first.id)
    assert result.next_meeting_id == second.id and len(result.follow_up_question_ids) == 1
    follow_up = result.follow_up_question_ids[0]
    # Question 1 was left unanswered but is on the next deep dive's agenda already: not added twice.
    assert result.added_question_ids == (follow_up,)
    after = services.meetings.get(second.id).agenda
    assert len(after) == before + 1 and after[-1].question_id == follow_up
    assert after[-1].text == FOLLOW_UP_PREFIX + gap.text and after[-1].criterion_id == first.agenda[1].criterion_id
    view = services.interview.open(second.id, member="Ana Ortiz")
    assert view.questions[-1].carried_from == first.id and view.questions[0].carried_from is None
    # The follow-up question belongs to no meeting kind: new deep dives do not ask it.
    assert follow_up not in [q.id for q in services.selections.questions(kind="deep-dive")]
    bank = {q.id: q for q in services.selections.questions()}
    assert bank[follow_up].kinds == () and bank[follow_up].follow_up_of == first.id  # where it comes from
    assert all(q.follow_up_of is None for qid, q in bank.items() if qid != follow_up)

    again = services.interview.carry_over(first.id)
    assert (again.added_question_ids, again.follow_up_question_ids) == ((), ())
    assert len(services.meetings.get(second.id).agenda) == before + 1
    assert len(services.meetings.get(third.id).agenda) == before  # only the next meeting gets them


def test_unanswered_questions_go_to_the_candidates_next_meeting_of_another_kind(services) -> None:
    services.selections.create("S")
    services.members.add("Ana Ortiz")
    services.candidates.add("Acme IT", timezone="Europe/London")
    intro = services.meetings.add(
        candidate="Acme IT",
        kind="introduction",
        start_local=datetime(2031, 5, 6, 9),
        timezone="Europe/London",
        members=["Ana Ortiz"],
    )
    cancelled = services.meetings.add(
        candidate="Acme IT", kind="site-visit", start_local=datetime(2031, 5, 8, 9), timezone="Europe/London"
    )
    services.meetings.cancel(cancelled.id)
    team = services.meetings.add(
        candidate="Acme IT", kind="meet-the-team", start_local=datetime(2031, 5, 20, 9), timezone="Europe/London"
    )
    intro_q = [a.question_id for a in intro.agenda]
    services.scoring.score(intro.id, intro_q[0], 4, member="Ana Ortiz")
    services.scoring.score(intro.id, intro_q[1], None, member="Ana Ortiz")  # N/A counts as answered
    view = services.interview.submit(intro.id, member="Ana Ortiz")  # submitting carries over
    assert view.submitted
    team_before = [a.question_id for a in team.agenda]
    new = [q for q in intro_q[2:] if q not in team_before]
    assert new and intro_q[0] not in team_before
    after = services.meetings.get(team.id).agenda
    assert [a.question_id for a in after] == team_before + new  # appended in the introduction's order
    assert [q.carried_from for q in services.interview.open(team.id, member="Ana Ortiz").questions][-len(new) :] == [
        intro.id
    ] * len(new)
    assert len(services.meetings.get(cancelled.id).agenda) == len(cancelled.agenda)  # a cancelled one takes none


def test_the_last_meeting_carries_into_nothing(services, series) -> None:
    result = services.interview.carry_over(series[-1].id)
    assert result.next_meeting_id is None and result.added_question_ids == ()


def test_refusals_name_what_is_wrong(services, series) -> None:
    with pytest.raises(NotFound, match="no meeting numbered 999"):
        services.interview.open(999, member="Ana Ortiz")
    with pytest.raises(NotFound, match="Zed"):
        services.interview.open(series[0].id, member="Zed")
    services.meetings.cancel(series[1].id)
    with pytest.raises(UserError, match="cancelled") as caught:
        services.interview.open(series[1].id, member="Ana Ortiz")
    assert caught.value.field == "MEETING"
    with pytest.raises(UserError, match="cancelled"):
        services.interview.carry_over(series[1].id)
    with pytest.raises(UserError, match="not a meeting number"):
        services.interview.open("abc", member="Ana Ortiz")
