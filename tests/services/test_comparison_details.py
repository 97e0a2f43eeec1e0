"""The comparison's details (drill-down, per-member means, extra rows) and re-ranking without the database,
worked by hand (SQLite and PostgreSQL)."""

from __future__ import annotations

from datetime import datetime

import pytest

from workbench.services.comparison_build import rebuild
from workbench.services.errors import NotFound


def _setup(services):  # type: ignore[no-untyped-def]
    """Criteria A (weight 3), B (1); members M1-M3; Acme, Bolt, Base (baseline). Returns question and meeting ids."""
    services.selections.create("S", template=None)
    sv = services.selections
    sv.add_criterion("A", weight=3)
    sv.add_criterion("B", weight=1)
    q = {
        "A1": sv.add_question("A", "A one?").id,
        "A2": sv.add_question("A", "A two?").id,
        "B1": sv.add_question("B", "B one?").id,
    }
    for m in ("M1", "M2", "M3"):
        services.members.add(m)
    for name in ("Acme", "Bolt"):
        services.candidates.add(name, timezone="Europe/London")
    services.candidates.add("Base", timezone="Europe/London", baseline=True)

    def meeting(candidate: str, day: int, members: list[str]) -> int:
        return services.meetings.add(
            candidate=candidate,
            kind="introduction",
            start_local=datetime(2027, 3, day, 10),
            timezone="Europe/London",
            members=members,
        ).id

    def card(meeting_id: int, member: str, values: dict[str, tuple[int | None, str]], submit: bool = True) -> None:
        for key, (value, comment) in values.items():
            services.scoring.score(meeting_id, q[key], value, member=member, comment=comment)
        if submit:
            services.scoring.submit(meeting_id, member=member)

    m = {
        "acme1": meeting("Acme", 15, ["M1", "M2", "M3"]),
        "acme2": meeting("Acme", 16, ["M1", "M2"]),
        "acme3": meeting("Acme", 17, ["M1"]),
        "bolt1": meeting("Bolt", 18, ["M1", "M2"]),
        "base1": meeting("Base", 19, ["M1"]),
    }
    card(m["acme1"], "M1", {"A1": (5, "clear"), "A2": (None, "not asked"), "B1": (4, "")})
    card(m["acme1"], "M2", {"A1": (1, "vague"), "A2": (2, "")})
    card(m["acme1"], "M3", {"A1": (5, "unsubmitted")}, submit=False)  # not submitted: does not count
    card(m["acme2"], "M1", {"A1": (3, "")})
    card(m["acme2"], "M2", {"A2": (4, "better")})
    card(m["acme3"], "M1", {"A1": (1, "cancelled later")})
    card(m["bolt1"], "M1", {"A1": (3, ""), "B1": (3, "")})
    card(m["bolt1"], "M2", {"A1": (4, ""), "B1": (2, "")})
    card(m["base1"], "M1", {"A1": (2, ""), "B1": (5, "")})
    services.meetings.cancel(m["acme3"])  # its scores no longer count
    return q, m


def test_drill_down_lists_the_submitted_scores_behind_a_cell(services) -> None:
    q, m = _setup(services)
    d = services.comparison_details.drill_down("Acme", "A")
    listed = [(s.meeting_id, s.question_id, s.member, s.value, s.comment) for s in d.scores]
    # by meeting, agenda order, member; N/A kept; M3's unsubmitted and the cancelled meeting's scores left out
    assert listed == [
        (m["acme1"], q["A1"], "M1", 5, "clear"),
        (m["acme1"], q["A1"], "M2", 1, "vague"),
        (m["acme1"], q["A2"], "M1", None, "not asked"),
        (m["acme1"], q["A2"], "M2", 2, ""),
        (m["acme2"], q["A1"], "M1", 3, ""),
        (m["acme2"], q["A2"], "M2", 4, "better"),
    ]
    assert {s.question for s in d.scores} == {"A one?", "A two?"}
    assert all(s.meeting_kind == "introduction" and s.meeting_start_utc.utcoffset() is not None for s in d.scores)
    # M1: (5 + 3) / 2 = 4 over 2 scores, 1 N/A; M2: (1 + 2 + 4) / 3 = 7/3
    means = {mm.member: (mm.mean, mm.scores, mm.not_applicable) for mm in d.member_means}
    assert means == {"M1": (pytest.approx(4.0), 2, 1), "M2": (pytest.approx(7 / 3), 3, 0)}
    assert d.score == pytest.approx((4 + 7 / 3) / 2)
    assert d.spread == pytest.approx(4 - 7 / 3) and not d.flagged
    view = services.comparison.compare(with_robustness=False)
    acme = next(r for r in view.candidates if r.name == "Acme")
    cell = acme.criteria[d.criterion_id]
    assert (cell.score, cell.spread, cell.flagged) == (pytest.approx(d.score), pytest.approx(d.spread), d.flagged)
    assert d.hidden_meetings == () and d.candidate == "Acme" and d.criterion == "A" and d.weight == 3.0


def test_drill_down_hides_others_scores_until_the_asking_member_submits(services) -> None:
    q, m = _setup(services)
    services.scoring.score(m["acme1"], q["B1"], 5, member="M3")  # M3 attends acme1 and has not submitted
    as_m3 = services.comparison_details.drill_down("Acme", "B", member="M3")
    assert as_m3.scores == () and as_m3.member_means == ()
    assert as_m3.hidden_meetings == (m["acme1"],)
    assert as_m3.score is None and as_m3.spread is None  # nothing M3 may see: M1's submitted 4 is withheld too
    as_m2 = services.comparison_details.drill_down("Acme", "B", member="M2")  # submitted acme1 already
    assert [(s.member, s.value) for s in as_m2.scores] == [("M1", 4)] and as_m2.hidden_meetings == ()
    services.scoring.submit(m["acme1"], member="M3")
    after = services.comparison_details.drill_down("Acme", "B", member="M3")
    assert [(s.member, s.value) for s in after.scores] == [("M1", 4), ("M3", 5)]
    assert after.score == pytest.approx(4.5) and after.hidden_meetings == ()
    nobody = services.comparison_details.drill_down("Acme", "B", member="Someone else")  # not on the panel
    assert [(s.member, s.value) for s in nobody.scores] == [("M1", 4), ("M3", 5)]


def test_drill_down_notes_are_those_of_the_meetings_about_the_criterion(services) -> None:
    q, m = _setup(services)
    add = services.notes.add
    about_a = add(m["acme1"], member="M1", kind="gap", text="Did not know the RPO", question_id=q["A1"]).id
    general = add(
        m["acme2"],
        member="M2",
        kind="decision",
        text="Second round",
    ).id
    add(m["acme1"], member="M1", kind="note", text="About B", question_id=q["B1"])  # another criterion
    add(m["bolt1"], member="M1", kind="note", text="Bolt's meeting")  # another candidate
    add(m["acme3"], member="M1", kind="note", text="Cancelled meeting")
    d = services.comparison_details.drill_down("Acme", "A")
    assert [(n.id, n.kind, n.question_id, n.question) for n in d.notes] == [
        (about_a, "gap", q["A1"], "A one?"),
        (general, "decision", None, ""),
    ]
    assert d.notes[0].member == "M1" and d.notes[0].created_at.utcoffset() is not None


def test_drill_down_of_an_unscored_cell_and_of_unknown_names(services) -> None:
    _setup(services)
    services.candidates.add("Zed")
    empty = services.comparison_details.drill_down("Zed", "A", member="M1")
    assert (empty.scores, empty.member_means, empty.notes, empty.score, empty.spread, empty.flagged) == (
        (),
        (),
        (),
        None,
        None,
        False,
    )
    bolt_a = services.comparison_details.drill_down("Bolt", "A", member="M1")
    assert [(s.member, s.value) for s in bolt_a.scores] == [("M1", 3), ("M2", 4)]
    base_a = services.comparison_details.drill_down("Base", "B")
    assert [(s.member, s.value) for s in base_a.scores] == [("M1", 5)]
    with pytest.raises(NotFound) as err:
        services.comparison_details.drill_down("Nobody", "A")
    assert err.value.field == "--candidate"
    with pytest.raises(NotFound) as err:
        services.comparison_details.drill_down("Acme", "Z")
    assert err.value.field == "criterion"


def test_member_means_by_hand(services) -> None:
    _setup(services)
    services.members.add("M4")
    crit = {c.name: c.id for c in services.selections.criteria()}
    cand = {c.name: c.id for c in services.candidates.list()}
    view = services.comparison_details.member_means()
    names = dict(view.members)
    assert sorted(names.values()) == ["M1", "M2", "M3", "M4"]
    by_name = {names[mid]: means for mid, means in view.means.items()}
    assert by_name["M1"] == {
        (cand["Acme"], crit["A"]): pytest.approx(4.0),
        (cand["Acme"], crit["B"]): pytest.approx(4.0),
        (cand["Bolt"], crit["A"]): pytest.approx(3.0),
        (cand["Bolt"], crit["B"]): pytest.approx(3.0),
        (cand["Base"], crit["A"]): pytest.approx(2.0),
        (cand["Base"], crit["B"]): pytest.approx(5.0),
    }
    assert by_name["M2"] == {
        (cand["Acme"], crit["A"]): pytest.approx(7 / 3),
        (cand["Bolt"], crit["A"]): pytest.approx(4.0),
        (cand["Bolt"], crit["B"]): pytest.approx(2.0),
    }
    assert by_name["M3"] == {} and by_name["M4"] == {}


def test_extras_count_diligence_recommendations_and_gaps(services) -> None:
    q, m = _setup(services)
    cand = {c.name: c.id for c in services.candidates.list()}
    checks = services.candidates.checks("Acme")
    services.candidates.set_check("Acme", checks[0].item, status="ok")
    services.candidates.set_check("Acme", checks[1].item, status="concern")
    services.candidates.set_check("Acme", checks[2].item, status="n/a")
    services.candidates.add_recommendation("Acme", recommender="Ann", sentiment="positive", rating=5)
    services.candidates.add_recommendation("Acme", recommender="Bob", sentiment="negative")
    services.candidates.add_recommendation("Bolt", recommender="Cy")
    services.notes.add(m["acme1"], member="M1", kind="gap", text="RPO unknown")
    services.notes.add(m["acme2"], member="M2", kind="gap", text="No DR plan", question_id=q["A2"])
    services.notes.add(m["acme2"], member="M2", kind="concern", text="Not a gap")
    services.notes.add(m["acme3"], member="M1", kind="gap", text="In a cancelled meeting")
    extras = services.comparison_details.extras()
    assert set(extras) == set(cand.values())
    acme, bolt = extras[cand["Acme"]], extras[cand["Bolt"]]
    assert (acme.checks, acme.checks_done, acme.checks_concern) == (len(checks), 3, 1)
    assert acme.diligence_completion == pytest.approx(3 / len(checks))
    assert (acme.recommendations, acme.positive, acme.negative, acme.knowledge_gaps) == (2, 1, 1, 2)
    assert (bolt.recommendations, bolt.positive, bolt.negative, bolt.knowledge_gaps) == (1, 0, 0, 0)
    assert bolt.checks_done == 0 and bolt.diligence_completion == 0.0


def _numbers(view):  # type: ignore[no-untyped-def]
    flip = view.leader_flip
    return (
        [
            (r.id, r.rank, r.total, r.total_100, r.coverage, r.p_first, r.fit_typical_weekly_hours)
            for r in view.candidates
        ],
        [(c.id, c.weight) for c in view.criteria],
        None if flip is None else (flip.criterion_id, flip.new_weight, flip.new_leader_id),
    )


def test_rebuild_gives_what_compare_gives(services) -> None:
    _setup(services)
    crit = {c.name: c.id for c in services.selections.criteria()}
    full = services.comparison.compare()
    assert _numbers(rebuild(full)) == _numbers(full)
    for weights in ({crit["A"]: 1.0}, {crit["A"]: 0.0, crit["B"]: 2.5}, {crit["B"]: 9.0}):
        assert _numbers(rebuild(full, weights=weights)) == _numbers(services.comparison.compare(weights=weights))
        assert _numbers(rebuild(full, weights=weights, include_baseline=False)) == _numbers(
            services.comparison.compare(weights=weights, include_baseline=False)
        )
    assert _numbers(rebuild(full, include_baseline=False)) == _numbers(
        services.comparison.compare(include_baseline=False)
    )


def test_rebuild_with_one_members_means(services) -> None:
    from workbench.services.views.comparison import CriterionCell

    _setup(services)
    crit = {c.name: c.id for c in services.selections.criteria()}
    cand = {c.name: c.id for c in services.candidates.list()}
    means = services.comparison_details.member_means()
    m2 = next(mid for mid, name in means.members if name == "M2")
    cells = {key: CriterionCell(score=v, spread=0.0, flagged=False, members=1) for key, v in means.means[m2].items()}
    view = rebuild(services.comparison.compare(), cells=cells)
    by = {r.id: r for r in view.candidates}
    # M2 alone: Acme has A only (7/3); Bolt (3 * 4 + 1 * 2) / 4 = 3.5; Base has nothing.
    assert by[cand["Acme"]].total == pytest.approx(7 / 3) and by[cand["Acme"]].coverage == pytest.approx(3 / 4)
    assert by[cand["Bolt"]].total == pytest.approx(3.5) and by[cand["Bolt"]].rank == 1
    assert by[cand["Base"]].total is None and by[cand["Base"]].rank is None
    assert view.criteria[0].id == crit["A"]


def test_the_comparison_withholds_the_meetings_the_member_has_not_submitted(services) -> None:
    """The independence rule in the matrix: M3 attends acme1 and has not submitted, so acme1 does not count for M3."""
    q, m = _setup(services)
    services.scoring.score(m["acme1"], q["B1"], 5, member="M3")

    def acme(view):  # type: ignore[no-untyped-def]
        return next(r for r in view.candidates if r.name == "Acme")

    everyone = services.comparison.compare(with_robustness=False)
    as_m3 = services.comparison.compare(with_robustness=False, member="M3")
    a, b = (c.id for c in everyone.criteria)
    # everyone: A from acme1 (M1 5, M2 1 and 2) and acme2 (M1 3, M2 4); B from acme1 (M1 4)
    assert acme(everyone).criteria[a].score == pytest.approx((4 + 7 / 3) / 2) and b in acme(everyone).criteria
    # M3: acme2 only (M1 3, M2 4); B had its only score in acme1
    assert acme(as_m3).criteria[a].score == pytest.approx(3.5) and b not in acme(as_m3).criteria
    assert [(w.meeting_id, w.candidate, w.kind) for w in as_m3.withheld] == [(m["acme1"], "Acme", "introduction")]
    assert everyone.withheld == () and services.comparison.compare(with_robustness=False, member="M2").withheld == ()
    drill = services.comparison_details.drill_down("Acme", "A", member="M3")
    cell = acme(as_m3).criteria[a]
    assert (drill.score, drill.spread) == (pytest.approx(cell.score), pytest.approx(cell.spread))
    means = services.comparison_details.member_means(member="M3")
    names = dict(means.members)
    m1 = next(mid for mid, name in names.items() if name == "M1")
    assert means.means[m1][(acme(as_m3).id, a)] == pytest.approx(3.0)  # acme2 only
    # a re-rank keeps the withheld meetings named
    assert rebuild(as_m3, weights={a: 1.0}, with_robustness=False).withheld == as_m3.withheld
    services.scoring.submit(m["acme1"], member="M3")
    after = services.comparison.compare(with_robustness=False, member="M3")
    assert after.withheld == () and acme(after).criteria[b].score == pytest.approx(4.5)


def test_a_meeting_nobody_else_submitted_is_not_withheld(services) -> None:
    """Only meetings where another member's scorecard is in count as withheld: an unscored plan is nothing hidden."""
    q, _m = _setup(services)
    assert services.comparison.compare(with_robustness=False, member="M2").withheld == ()  # submitted all hers
    later = services.meetings.add(
        candidate="Bolt",
        kind="introduction",
        start_local=datetime(2027, 4, 1, 10),
        timezone="Europe/London",
        members=["M1", "M2"],
    ).id
    assert services.comparison.compare(with_robustness=False, member="M2").withheld == ()
    services.scoring.score(later, q["A1"], 2, member="M1")
    services.scoring.submit(later, member="M1")
    assert [w.meeting_id for w in services.comparison.compare(with_robustness=False, member="M2").withheld] == [later]


def test_drill_down_notes_of_a_withheld_meeting_are_the_members_own(services) -> None:
    q, m = _setup(services)
    services.notes.add(m["acme1"], member="M1", kind="note", text="M1 on A", question_id=q["A1"])
    services.notes.add(m["acme1"], member="M3", kind="note", text="M3 on A", question_id=q["A1"])
    services.notes.add(m["acme2"], member="M2", kind="note", text="M2 later")
    texts = [n.text for n in services.comparison_details.drill_down("Acme", "A", member="M3").notes]
    assert texts == ["M3 on A", "M2 later"]
    assert [n.text for n in services.comparison_details.drill_down("Acme", "A").notes] == [
        "M1 on A",
        "M3 on A",
        "M2 later",
    ]
