"""Scores, scorecards and the independence rule (SQLite and PostgreSQL)."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from sqlalchemy.exc import IntegrityError
from sqlmodel import select

from workbench.services.errors import Conflict, NotFound, UserError
from workbench.store.models import Candidate, Score

UTC = UTC


def add_candidate(services, name: str) -> int:  # type: ignore[no-untyped-def]
    now = datetime.now(UTC)
    with services.db.session(write=True) as session:
        row = Candidate(selection_id=services.selections.get().id, name=name, created_at=now, updated_at=now)
        session.add(row)
        session.flush()
        return row.id


@pytest.fixture
def meeting(services):  # type: ignore[no-untyped-def]
    """A selection with two members, one candidate and one introduction meeting."""
    services.selections.create("S")
    services.members.add("Ana Ortiz")
    services.members.add("Ben Cole")
    add_candidate(services, "Acme IT")
    view = services.meetings.add(
        candidate="Acme IT",
        kind="introduction",
        start_local=datetime(2031, 5, 6, 9),
        timezone="Europe/London",
        members=["Ana Ortiz", "Ben Cole"],
    )
    assert len(view.agenda) >= 3
    return view


def test_score_is_stored_and_overwritten(services, meeting) -> None:
    q1, q2 = meeting.agenda[0], meeting.agenda[1]
    first = services.scoring.score(meeting.id, q1.question_id, 3, member="Ana Ortiz", comment="vague")
    assert (first.value, first.comment, first.submitted, first.criterion) == (3, "vague", False, q1.criterion)
    assert first.candidate == "Acme IT" and first.member == "Ana Ortiz" and first.updated_at.utcoffset() is not None
    services.scoring.score(meeting.id, q1.question_id, 4, member="ana ortiz")  # comment kept, any case of the name
    services.scoring.score(meeting.id, q2.question_id, None, member="Ana Ortiz", comment="not asked")
    card = services.scoring.scorecard(meeting.id, member="Ana Ortiz")
    assert card.submitted_at is None
    assert [(s.question_id, s.value, s.comment) for s in card.scores] == [
        (q1.question_id, 4, "vague"),
        (q2.question_id, None, "not asked"),
    ]
    services.scoring.score(meeting.id, q1.question_id, 5, member="Ana Ortiz", comment="")
    again = services.scoring.scorecard(meeting.id, member="Ana Ortiz").scores[0]
    assert (again.value, again.comment) == (5, "")
    with services.db.session(write=False) as session:
        assert len(session.exec(select(Score)).all()) == 2


def test_score_by_member_id(services, meeting) -> None:
    ana = services.members.get("Ana Ortiz")
    view = services.scoring.score(meeting.id, meeting.agenda[0].question_id, 2, member=str(ana.id))
    assert view.member == "Ana Ortiz" and view.member_id == ana.id


def test_every_error_path_of_score_changes_nothing(services, meeting) -> None:
    qid = meeting.agenda[0].question_id
    services.scoring.score(meeting.id, qid, 3, member="Ana Ortiz", comment="kept")
    off_agenda = next(
        q.id for q in services.selections.questions() if q.id not in {a.question_id for a in meeting.agenda}
    )
    cases = [
        ((9999, qid, 4), {"member": "Ana Ortiz"}, NotFound, "MEETING"),
        (("x", qid, 4), {"member": "Ana Ortiz"}, UserError, "MEETING"),
        ((meeting.id, off_agenda, 4), {"member": "Ana Ortiz"}, UserError, "QUESTION"),
        ((meeting.id, "q1", 4), {"member": "Ana Ortiz"}, UserError, "QUESTION"),
        ((meeting.id, qid, 0), {"member": "Ana Ortiz"}, UserError, "VALUE"),
        ((meeting.id, qid, 6), {"member": "Ana Ortiz"}, UserError, "VALUE"),
        ((meeting.id, qid, True), {"member": "Ana Ortiz"}, UserError, "VALUE"),
        ((meeting.id, qid, 4), {"member": "Zed"}, NotFound, "--member"),
        ((meeting.id, qid, 4), {"member": "Ana Ortiz", "comment": "a\x00b"}, UserError, "--comment"),
    ]
    for args, kwargs, error, field in cases:
        with pytest.raises(error, match=field):
            services.scoring.score(*args, **kwargs)
    scores = services.scoring.scores()
    assert [(s.question_id, s.value, s.comment) for s in scores] == [(qid, 3, "kept")]


def test_scores_after_submit_and_submit_twice_are_conflicts(services, meeting) -> None:
    qid = meeting.agenda[0].question_id
    services.scoring.score(meeting.id, qid, 4, member="Ana Ortiz")
    card = services.scoring.submit(meeting.id, member="Ana Ortiz")
    assert card.submitted_at is not None and [s.value for s in card.scores] == [4]
    assert all(s.submitted for s in card.scores)
    with pytest.raises(Conflict, match="already submitted"):
        services.scoring.submit(meeting.id, member="ana ortiz")
    with pytest.raises(Conflict, match="--member"):
        services.scoring.score(meeting.id, qid, 1, member="Ana Ortiz")
    with pytest.raises(Conflict):
        services.scoring.score(meeting.id, meeting.agenda[1].question_id, 1, member="Ana Ortiz")
    assert [(s.value, s.submitted) for s in services.scoring.scores()] == [(4, True)]
    assert services.scoring.scorecard(meeting.id, member="Ana Ortiz").submitted_at == card.submitted_at
    # Ben has not submitted: he may still score.
    assert services.scoring.score(meeting.id, qid, 2, member="Ben Cole").value == 2


def test_cancelled_meeting_takes_no_scores(services, meeting) -> None:
    services.meetings.cancel(meeting.id)
    with pytest.raises(UserError, match="cancelled"):
        services.scoring.score(meeting.id, meeting.agenda[0].question_id, 3, member="Ana Ortiz")
    with pytest.raises(UserError, match="cancelled"):
        services.scoring.submit(meeting.id, member="Ana Ortiz")
    assert services.scoring.scores() == []


def test_independence_others_scores_only_after_submitting(services, meeting) -> None:
    q1, q2 = meeting.agenda[0].question_id, meeting.agenda[1].question_id
    services.scoring.score(meeting.id, q1, 4, member="Ana Ortiz")
    services.scoring.score(meeting.id, q1, 2, member="Ben Cole")
    services.scoring.score(meeting.id, q2, 5, member="Ben Cole")
    before = services.scoring.visible_scores(meeting.id, member="Ana Ortiz")
    assert [(s.member, s.value) for s in before] == [("Ana Ortiz", 4)]
    assert {s.member for s in services.scoring.visible_scores(meeting.id, member="Ben Cole")} == {"Ben Cole"}
    services.scoring.submit(meeting.id, member="Ana Ortiz")
    after = services.scoring.visible_scores(meeting.id, member="Ana Ortiz")
    assert [(s.question_id, s.member, s.value) for s in after] == [
        (q1, "Ana Ortiz", 4),
        (q1, "Ben Cole", 2),
        (q2, "Ben Cole", 5),
    ]
    assert [s.submitted for s in after] == [True, False, False]
    # Ben still sees only his own until he submits.
    assert {s.member for s in services.scoring.visible_scores(meeting.id, member="Ben Cole")} == {"Ben Cole"}
    with pytest.raises(NotFound, match="--member"):
        services.scoring.visible_scores(meeting.id, member="Zed")


def test_scores_export_order_and_submitted_only(services, meeting) -> None:
    q1, q2 = meeting.agenda[0].question_id, meeting.agenda[1].question_id
    later = services.meetings.add(
        candidate="Acme IT", kind="introduction", start_local=datetime(2031, 5, 7, 9), timezone="UTC"
    )
    services.scoring.score(later.id, q1, 1, member="Ben Cole")
    services.scoring.score(meeting.id, q2, 3, member="Ben Cole")
    services.scoring.score(meeting.id, q1, None, member="Ben Cole")
    services.scoring.score(meeting.id, q1, 5, member="Ana Ortiz")
    rows = services.scoring.scores(selection="S")
    assert [(s.meeting_id, s.question_id, s.member, s.value) for s in rows] == [
        (meeting.id, q1, "Ana Ortiz", 5),
        (meeting.id, q1, "Ben Cole", None),
        (meeting.id, q2, "Ben Cole", 3),
        (later.id, q1, "Ben Cole", 1),
    ]
    services.scoring.submit(meeting.id, member="Ben Cole")
    assert [(s.meeting_id, s.question_id) for s in services.scoring.scores(submitted_only=True)] == [
        (meeting.id, q1),
        (meeting.id, q2),
    ]


def test_orphan_score_is_refused_by_foreign_keys(services, meeting) -> None:
    member_id = services.members.get("Ana Ortiz").id
    with pytest.raises(IntegrityError), services.db.session(write=True) as session:
        session.add(
            Score(
                meeting_id=987654,
                question_id=meeting.agenda[0].question_id,
                member_id=member_id,
                value=3,
                updated_at=datetime.now(UTC),
            )
        )
        session.flush()
    assert services.scoring.scores() == []
