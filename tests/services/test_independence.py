"""The independence rule at the edges (SQLite and PostgreSQL): no attendee list, non-attendees, exports, minutes."""

from __future__ import annotations

from datetime import datetime

import pytest
from sqlmodel import select

from workbench.exports.minutes import render_minutes
from workbench.services.errors import UserError
from workbench.store.models import Meeting, Score, Scorecard

WITHHELD = "Withheld until everyone expected has submitted"


@pytest.fixture
def panel(services):  # type: ignore[no-untyped-def]
    """A selection with three members (Ana, Ben, Cy) and one candidate."""
    services.selections.create("S")
    for name in ("Ana Ortiz", "Ben Cole", "Cy Park"):
        services.members.add(name)
    services.candidates.add("Acme IT")
    return services


def add_meeting(services, day: int, members: list[str] | None = None):  # type: ignore[no-untyped-def]
    return services.meetings.add(
        candidate="Acme IT",
        kind="introduction",
        start_local=datetime(2031, 5, day, 9),
        timezone="Europe/London",
        members=members or [],
    )


def stored_rows(services) -> list[tuple[int, int, int, int | None, str]]:  # type: ignore[no-untyped-def]
    with services.db.session(write=False) as session:
        return sorted(
            (s.meeting_id, s.question_id, s.member_id, s.value, s.comment) for s in session.exec(select(Score)).all()
        )


def cards(services) -> list[tuple[int, int]]:  # type: ignore[no-untyped-def]
    with services.db.session(write=False) as session:
        return sorted((c.meeting_id, c.member_id) for c in session.exec(select(Scorecard)).all())


def test_no_attendee_list_counts_the_whole_panel(panel) -> None:  # type: ignore[no-untyped-def]
    """Ana scored and submitted a meeting without attendees; Ben has not: nothing of hers reaches Ben."""
    m = add_meeting(panel, 6)
    q1 = m.agenda[0]
    panel.scoring.score(m.id, q1.question_id, 5, member="Ana Ortiz", comment="Ana thinks highly")
    panel.notes.add(m.id, member="Ana Ortiz", kind="concern", text="Ana's private worry")
    panel.scoring.submit(m.id, member="Ana Ortiz")

    minutes = panel.minutes.minutes(m.id)
    assert minutes.scores_pending and minutes.pending_members == ("Ben Cole", "Cy Park")
    assert all(row.scores == () and row.mean is None for row in minutes.agenda) and minutes.comments == ()
    assert minutes.notes_withheld and minutes.concerns == () and minutes.notes == ()
    for fmt in ("md", "html"):
        text = render_minutes(minutes, fmt)
        assert "Ana thinks highly" not in text and "Ana's private worry" not in text and WITHHELD in text

    as_ben = panel.comparison.compare(with_robustness=False, member="Ben Cole")
    assert [w.meeting_id for w in as_ben.withheld] == [m.id]
    assert as_ben.candidates[0].criteria == {} and as_ben.candidates[0].total is None
    everyone = panel.comparison.compare(with_robustness=False)
    assert everyone.candidates[0].criteria[q1.criterion_id].score == 5.0
    drill = panel.comparison_details.drill_down("Acme IT", q1.criterion_id, member="Ben Cole")
    assert drill.scores == () and drill.notes == () and drill.hidden_meetings == (m.id,)
    means = panel.comparison_details.member_means(member="Ben Cole")
    assert all(not values for values in means.means.values())
    assert panel.scoring.scores(member="Ben Cole") == []
    assert [s.member for s in panel.scoring.visible_scores(m.id, member="Ben Cole")] == []

    panel.scoring.submit(m.id, member="Ben Cole", empty=True)
    panel.scoring.submit(m.id, member="Cy Park", empty=True)
    done = panel.minutes.minutes(m.id)
    assert not done.scores_pending and not done.notes_withheld
    assert [c.text for c in done.concerns] == ["Ana's private worry"]
    assert done.scorers == ("Ana Ortiz", "Ben Cole", "Cy Park")
    assert [(s.member, s.value) for s in done.agenda[0].scores if s.scored] == [("Ana Ortiz", 5)]
    text = render_minutes(done, "md")
    assert "Ana thinks highly" in text and "Ana's private worry" in text and WITHHELD not in text
    assert panel.comparison.compare(with_robustness=False, member="Ben Cole").withheld == ()


def test_a_non_attendee_cannot_score_comment_submit_or_open(panel) -> None:  # type: ignore[no-untyped-def]
    m = add_meeting(panel, 6, ["Ana Ortiz", "Ben Cole"])
    qid = m.agenda[0].question_id
    panel.scoring.score(m.id, qid, 4, member="Ana Ortiz", comment="mine")
    panel.scoring.submit(m.id, member="Ana Ortiz")
    before, cards_before = stored_rows(panel), cards(panel)
    cy = panel.members.get("Cy Park")
    message = f"Cy Park is not an attendee of meeting {m.id}"
    # the live statement (exact name), the checked path (an id, another case), and every other writer
    calls = [
        lambda: panel.scoring.score(m.id, qid, 1, member="Cy Park", comment="peek"),
        lambda: panel.scoring.score(m.id, qid, 1, member=str(cy.id)),
        lambda: panel.scoring.score(m.id, qid, None, member="cy park"),
        lambda: panel.scoring.submit(m.id, member="Cy Park"),
        lambda: panel.interview.comment(m.id, qid, "x", member="Cy Park"),
        lambda: panel.interview.open(m.id, member="Cy Park"),
        lambda: panel.interview.submit(m.id, member="Cy Park"),
        lambda: panel.scoring.require_attendee(m.id, member="Cy Park"),
    ]
    for call in calls:
        with pytest.raises(UserError, match="--member") as caught:
            call()
        assert message in str(caught.value)
    assert stored_rows(panel) == before and cards(panel) == cards_before
    assert panel.scoring.require_attendee(m.id, member="ben cole") == "Ben Cole"
    # Cy may not score, so nothing is withheld from Cy: the submitted scorecard counts, as for anyone.
    assert panel.comparison.compare(with_robustness=False, member="Cy Park").withheld == ()
    assert [(s.member, s.submitted) for s in panel.scoring.scores(member="Cy Park")] == [("Ana Ortiz", True)]
    # Ben, who attends and has not submitted, sees none of Ana's.
    assert [w.meeting_id for w in panel.comparison.compare(with_robustness=False, member="Ben Cole").withheld] == [m.id]


def test_without_attendees_every_panel_member_may_score(panel) -> None:  # type: ignore[no-untyped-def]
    m = add_meeting(panel, 6)
    qid = m.agenda[0].question_id
    for name in ("Ana Ortiz", "Ben Cole", "Cy Park"):
        assert panel.scoring.score(m.id, qid, 3, member=name).member == name
    assert panel.interview.open(m.id, member="Cy Park").panel == ("Ana Ortiz", "Ben Cole", "Cy Park")
    assert panel.scoring.expected_members(m.id) == ["Ana Ortiz", "Ben Cole", "Cy Park"]
    listed = add_meeting(panel, 7, ["Cy Park", "Ana Ortiz"])
    assert panel.scoring.expected_members(listed.id) == ["Ana Ortiz", "Cy Park"]
    assert panel.interview.open(listed.id, member="Ana Ortiz").panel == ("Ana Ortiz", "Cy Park")


def test_scores_as_a_member_and_submitted_only(panel) -> None:  # type: ignore[no-untyped-def]
    """A member's view: their own drafts, the others' where they submitted or do not attend; never a withheld one."""
    drafting = add_meeting(panel, 6, ["Ana Ortiz", "Ben Cole", "Cy Park"])  # Ana has not submitted
    submitted = add_meeting(panel, 7, ["Ana Ortiz", "Ben Cole", "Cy Park"])  # Ana has
    elsewhere = add_meeting(panel, 8, ["Ben Cole", "Cy Park"])  # Ana does not attend
    q = drafting.agenda[0].question_id
    for mid in (drafting.id, submitted.id):
        panel.scoring.score(mid, q, 2, member="Ana Ortiz", comment="ana draft")
    for mid in (drafting.id, submitted.id, elsewhere.id):
        panel.scoring.score(mid, q, 3, member="Ben Cole", comment="ben draft")
        panel.scoring.score(mid, q, 4, member="Cy Park", comment="cy final")
        panel.scoring.submit(mid, member="Cy Park")
    panel.scoring.submit(submitted.id, member="Ana Ortiz")

    def seen(**kwargs):  # type: ignore[no-untyped-def]
        return [(s.meeting_id, s.member, s.submitted) for s in panel.scoring.scores(**kwargs)]

    assert seen(member="Ana Ortiz") == [
        (drafting.id, "Ana Ortiz", False),
        (submitted.id, "Ana Ortiz", True),
        (submitted.id, "Ben Cole", False),  # Ana has submitted: she sees the panel's, drafts marked
        (submitted.id, "Cy Park", True),
        (elsewhere.id, "Cy Park", True),
    ]
    assert seen(member="Ben Cole") == [
        (drafting.id, "Ben Cole", False),
        (submitted.id, "Ben Cole", False),
        (elsewhere.id, "Ben Cole", False),
    ]
    assert seen(submitted_only=True) == [
        (drafting.id, "Cy Park", True),
        (submitted.id, "Ana Ortiz", True),
        (submitted.id, "Cy Park", True),
        (elsewhere.id, "Cy Park", True),
    ]
    assert len(seen()) == 8  # the whole team's, drafts included


def test_minutes_withhold_notes_exactly_while_scores_are_pending(panel) -> None:  # type: ignore[no-untyped-def]
    m = add_meeting(panel, 6, ["Ana Ortiz", "Ben Cole"])
    panel.notes.add(m.id, member="Ana Ortiz", kind="note", text="ana note")
    panel.notes.add(m.id, member="Ben Cole", kind="decision", text="ben decision")
    panel.notes.add(m.id, member="Ben Cole", kind="action", text="ben action", owner="Ana Ortiz")
    panel.notes.add(m.id, member="Ben Cole", kind="gap", text="ben gap")
    panel.scoring.score(m.id, m.agenda[0].question_id, 4, member="Ana Ortiz")
    panel.scoring.submit(m.id, member="Ana Ortiz")
    pending = panel.minutes.minutes(m.id)
    assert pending.notes_withheld and pending.pending_members == ("Ben Cole",)
    assert (pending.notes, pending.decisions, pending.actions, pending.concerns, pending.gaps) == ((),) * 5
    assert len(pending.agenda) == len(m.agenda)  # the agenda itself is never withheld
    # the drill-down withholds Ana's note from Ben for the same reason, and shows Ben his own
    crit = m.agenda[0].criterion_id
    as_ben = panel.comparison_details.drill_down("Acme IT", crit, member="Ben Cole")
    assert as_ben.hidden_meetings == (m.id,)
    assert [n.text for n in as_ben.notes] == ["ben decision", "ben action", "ben gap"]
    panel.scoring.submit(m.id, member="Ben Cole", empty=True)
    shown = panel.minutes.minutes(m.id)
    assert not shown.notes_withheld
    assert [n.text for n in (*shown.notes, *shown.decisions, *shown.actions, *shown.gaps)] == [
        "ana note",
        "ben decision",
        "ben action",
        "ben gap",
    ]
    assert "ana note" in [n.text for n in panel.comparison_details.drill_down("Acme IT", crit, member="Ben Cole").notes]


def test_home_counts_owe_a_scorecard_from_the_whole_panel_without_attendees(panel) -> None:  # type: ignore[no-untyped-def]
    listed = add_meeting(panel, 6, ["Ana Ortiz"])
    unlisted = add_meeting(panel, 7)
    with panel.db.session(write=True) as session:
        for mid in (listed.id, unlisted.id):
            row = session.get(Meeting, mid)
            row.status = "held"
            session.add(row)
    panel.scoring.submit(unlisted.id, member="Ben Cole", empty=True)
    (progress,) = panel.overview.progress()
    assert (progress.scorecards_submitted, progress.scorecards_expected) == (1, 1 + 3)
