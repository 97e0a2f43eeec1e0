"""A live score (one statement that checks and stores): what it returns, when it is stored, and what it refuses.

Each rule is checked against the data as it is when the key is pressed: another terminal (a second
Services on the same database) submits, cancels or renames between two scores. SQLite and PostgreSQL.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime

import pytest

from workbench.services.errors import Conflict, NotFound, UserError
from workbench.store.models import MeetingMember


@pytest.fixture
def meeting(services):  # type: ignore[no-untyped-def]
    """A selection with two members, one candidate and one introduction meeting."""
    services.selections.create("S")
    services.members.add("Ana Ortiz")
    services.members.add("Ben Cole")
    services.candidates.add("Acme IT", timezone="Europe/Warsaw")
    view = services.meetings.add(
        candidate="Acme IT",
        kind="introduction",
        start_local=datetime(2031, 5, 6, 9),
        timezone="Europe/London",
        members=["Ana Ortiz", "Ben Cole"],
    )
    assert len(view.agenda) >= 3
    return view


@pytest.fixture
def other(migrated_db_url: str, services) -> Iterator:  # type: ignore[no-untyped-def]
    """Another terminal: its own Services (engine, connections) on the same database."""
    from workbench.config import resolve_database
    from workbench.services import open_services

    svc = open_services(resolve_database(migrated_db_url))
    try:
        yield svc
    finally:
        svc.close()


def test_the_returned_score_is_the_stored_one_names_included(services, meeting) -> None:
    qid = meeting.agenda[1].question_id
    first = services.scoring.score(meeting.id, qid, 4, member="Ben Cole")
    stored = next(s for s in services.scoring.scorecard(meeting.id, member="Ben Cole").scores if s.question_id == qid)
    assert (first.meeting_id, first.question_id, first.value, first.comment, first.submitted) == (
        meeting.id,
        qid,
        4,
        "",
        False,
    )
    for field in ("candidate_id", "candidate", "criterion_id", "criterion", "member_id", "member", "value", "comment"):
        assert getattr(first, field) == getattr(stored, field), field
    # The same cell by the member's id (the checked path) answers the same view.
    ben = services.members.get("Ben Cole")
    by_id = services.scoring.score(meeting.id, qid, 4, member=str(ben.id))
    assert {f: getattr(by_id, f) for f in ("candidate", "criterion", "member_id", "member", "value", "comment")} == {
        f: getattr(first, f) for f in ("candidate", "criterion", "member_id", "member", "value", "comment")
    }


def test_a_comment_is_kept_replaced_or_cleared(services, meeting) -> None:
    qid = meeting.agenda[0].question_id
    assert (
        services.scoring.score(meeting.id, qid, 2, member="Ana Ortiz", comment="  thin answer ").comment
        == "thin answer"
    )
    assert services.scoring.score(meeting.id, qid, 3, member="Ana Ortiz").comment == "thin answer"  # None keeps it
    assert services.scoring.score(meeting.id, qid, None, member="Ana Ortiz", comment="").comment == ""
    [only] = services.scoring.scorecard(meeting.id, member="Ana Ortiz").scores
    assert (only.value, only.comment) == (None, "")


def test_a_score_is_stored_when_the_call_returns(services, other, meeting) -> None:
    for i, item in enumerate(meeting.agenda):
        services.scoring.score(meeting.id, item.question_id, i % 5 + 1, member="Ana Ortiz")
        # The other terminal reads it at once (its own connection): it was committed, not just sent.
        seen = {s.question_id: s.value for s in other.scoring.visible_scores(meeting.id, member="Ana Ortiz")}
        assert seen[item.question_id] == i % 5 + 1


def test_a_scorecard_submitted_elsewhere_refuses_the_next_score(services, other, meeting) -> None:
    q1, q2 = meeting.agenda[0].question_id, meeting.agenda[1].question_id
    services.scoring.score(meeting.id, q1, 3, member="Ana Ortiz")
    other.scoring.submit(meeting.id, member="Ana Ortiz")
    with pytest.raises(Conflict, match="submitted"):
        services.scoring.score(meeting.id, q2, 5, member="Ana Ortiz")
    with pytest.raises(Conflict, match="submitted"):
        services.scoring.score(meeting.id, q1, 5, member="Ana Ortiz")
    assert [(s.question_id, s.value) for s in other.scoring.scorecard(meeting.id, member="Ana Ortiz").scores] == [
        (q1, 3)
    ]
    assert services.scoring.score(meeting.id, q2, 1, member="Ben Cole").value == 1  # Ben has not submitted


def test_a_meeting_cancelled_elsewhere_takes_no_more_scores(services, other, meeting) -> None:
    qid = meeting.agenda[0].question_id
    services.scoring.score(meeting.id, qid, 3, member="Ana Ortiz")
    other.meetings.cancel(meeting.id)
    with pytest.raises(UserError, match="cancelled"):
        services.scoring.score(meeting.id, qid, 4, member="Ana Ortiz")
    assert [s.value for s in other.scoring.scores()] == [3]


def test_a_rename_elsewhere_shows_in_the_next_score(services, other, meeting) -> None:
    qid = meeting.agenda[0].question_id
    assert services.scoring.score(meeting.id, qid, 3, member="Ana Ortiz").candidate == "Acme IT"
    other.candidates.update("Acme IT", name="Acme IT Services")
    assert services.scoring.score(meeting.id, qid, 4, member="Ana Ortiz").candidate == "Acme IT Services"


def test_the_member_is_found_by_exact_name_first_then_case_then_id(services, meeting) -> None:
    qid = meeting.agenda[0].question_id
    ana = services.members.get("Ana Ortiz")
    # A member named like another member's id: the name wins, as it did before.
    named_like_id = services.members.add(str(ana.id))
    with services.db.session(write=True) as session:  # only attendees score: the new member attends too
        session.add(MeetingMember(meeting_id=meeting.id, member_id=named_like_id.id))
    assert services.scoring.score(meeting.id, qid, 2, member=str(ana.id)).member_id == named_like_id.id
    assert services.scoring.score(meeting.id, qid, 5, member="ANA ORTIZ").member == "Ana Ortiz"
    with pytest.raises(NotFound, match="--member"):
        services.scoring.score(meeting.id, qid, 5, member="Ana")
    by_member = {s.member: s.value for s in services.scoring.scores()}
    assert by_member == {str(ana.id): 2, "Ana Ortiz": 5}


def test_a_question_off_this_agenda_is_refused_even_when_on_another(services, meeting) -> None:
    later = services.meetings.add(
        candidate="Acme IT",
        kind="deep-dive",
        start_local=datetime(2031, 5, 13, 9),
        timezone="Europe/London",
        members=["Ana Ortiz"],
    )
    only_later = next(
        (a.question_id for a in later.agenda if a.question_id not in {m.question_id for m in meeting.agenda}), None
    )
    assert only_later is not None
    with pytest.raises(UserError, match="QUESTION"):
        services.scoring.score(meeting.id, only_later, 4, member="Ana Ortiz")
    assert services.scoring.score(later.id, only_later, 4, member="Ana Ortiz").value == 4
    assert [(s.meeting_id, s.question_id) for s in services.scoring.scores()] == [(later.id, only_later)]


def test_a_score_racing_a_submit_is_refused_or_in_the_submitted_card(services, other, meeting, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """Another terminal submits Ana's card; this one scores for her while that submit is not yet committed.

    The score waits for the submit and is refused, or counts in the card the submit returned: never a
    score stored after the card was submitted without being in it (PostgreSQL's READ COMMITTED let it).
    """
    import threading

    from workbench.services import scoring as scoring_module

    q1, q2 = meeting.agenda[0].question_id, meeting.agenda[1].question_id
    services.scoring.score(meeting.id, q1, 3, member="Ana Ortiz")
    in_submit, release = threading.Event(), threading.Event()
    real = scoring_module._score_views

    def paused(*args, **kwargs):  # type: ignore[no-untyped-def]
        views = real(*args, **kwargs)
        in_submit.set()  # the scorecard row is written and its scores read, the transaction still open
        release.wait(10)
        return views

    monkeypatch.setattr(scoring_module, "_score_views", paused)
    card: dict = {}
    outcome: dict = {}
    submitter = threading.Thread(target=lambda: card.update(view=other.scoring.submit(meeting.id, member="Ana Ortiz")))
    submitter.start()
    assert in_submit.wait(10)

    def score() -> None:
        try:
            outcome["stored"] = services.scoring.score(meeting.id, q2, 5, member="Ana Ortiz")
        except Conflict as exc:
            outcome["refused"] = exc

    scorer = threading.Thread(target=score)
    scorer.start()
    scorer.join(1.0)  # it may wait for the submit: let it try for a second
    release.set()
    submitter.join(20)
    scorer.join(20)
    submitted = [(s.question_id, s.value) for s in card["view"].scores]
    stored = [(s.question_id, s.value) for s in other.scoring.scorecard(meeting.id, member="Ana Ortiz").scores]
    assert submitted == stored
    assert ("refused" in outcome) != ((q2, 5) in submitted)
