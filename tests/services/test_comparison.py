"""The comparison computed in SQL equals the rules of SPEC.md, worked by hand (SQLite and PostgreSQL)."""

from __future__ import annotations

from datetime import datetime

import pytest

from workbench.domain.scoring import ScoreRow, criterion_stats


def _setup(services):  # type: ignore[no-untyped-def]
    """Criteria A (weight 3), B (1), C (2, never scored); members M1-M3; Acme, Bolt, Zed, Base (baseline)."""
    services.selections.create("S", template=None)
    sv = services.selections
    sv.add_criterion("A", weight=3)
    sv.add_criterion("B", weight=1)
    sv.add_criterion("C", weight=2)
    q = {
        "A1": sv.add_question("A", "A one?").id,
        "A2": sv.add_question("A", "A two?").id,
        "B1": sv.add_question("B", "B one?").id,
        "C1": sv.add_question("C", "C one?").id,
    }
    for m in ("M1", "M2", "M3"):
        services.members.add(m)
    for name in ("Acme", "Bolt", "Zed"):
        services.candidates.add(name, timezone="Europe/London")
    services.candidates.add("Base", timezone="Europe/London", baseline=True)

    def meeting(candidate: str, day: int) -> int:
        return services.meetings.add(
            candidate=candidate,
            kind="introduction",
            start_local=datetime(2027, 3, day, 10),
            timezone="Europe/London",
            members=["M1", "M2", "M3"],
        ).id

    def card(meeting_id: int, member: str, values: dict[str, int | None], submit: bool = True) -> None:
        for key, value in values.items():
            services.scoring.score(meeting_id, q[key], value, member=member)
        if submit:
            services.scoring.submit(meeting_id, member=member)

    acme1, acme2 = meeting("Acme", 15), meeting("Acme", 16)
    card(acme1, "M1", {"A1": 5, "A2": 5, "B1": 4, "C1": None})
    card(acme1, "M2", {"A1": 1, "B1": 2})
    card(acme1, "M3", {"A1": 5, "B1": 5}, submit=False)  # not submitted: does not count
    card(acme2, "M1", {"A1": 3})
    bolt1, bolt2 = meeting("Bolt", 17), meeting("Bolt", 18)
    card(bolt1, "M1", {"A1": 3, "A2": 3, "B1": 3})
    card(bolt1, "M2", {"A1": 2, "A2": 3, "B1": 2})
    card(bolt2, "M2", {"B1": 3})
    base = meeting("Base", 19)
    card(base, "M1", {"A1": 2, "B1": 2})
    return q


def test_criterion_scores_totals_ranks_by_hand(services) -> None:
    _setup(services)
    view = services.comparison.compare()
    by = {r.name: r for r in view.candidates}
    crit = {c.name: c.id for c in view.criteria}
    acme = by["Acme"]
    # Acme A: M1 means (5+5+3)/3 = 13/3 over two meetings; M2 means 1 -> (13/3 + 1)/2 = 8/3; spread 10/3.
    assert acme.criteria[crit["A"]].score == pytest.approx(8 / 3)
    assert acme.criteria[crit["A"]].spread == pytest.approx(10 / 3)
    assert acme.criteria[crit["A"]].flagged and acme.criteria[crit["A"]].members == 2
    # Acme B: M1 4, M2 2 -> 3.0, spread exactly 2.0 -> flagged. M3's 5 is not submitted.
    assert acme.criteria[crit["B"]].score == pytest.approx(3.0)
    assert acme.criteria[crit["B"]].flagged
    # Acme C: only N/A -> no score; coverage (3 + 1) / 6.
    assert crit["C"] not in acme.criteria
    assert acme.coverage == pytest.approx(4 / 6)
    # Total (3 * 8/3 + 1 * 3) / 4 = 2.75 -> 0-100: 43.75.
    assert acme.total == pytest.approx(2.75)
    assert acme.total_100 == pytest.approx(43.75)
    # Bolt A: M1 3, M2 (2+3)/2 = 2.5 -> 2.75; B: M1 3, M2 (2+3)/2 -> 2.75; total 2.75: a tie with Acme.
    assert by["Bolt"].total == pytest.approx(2.75)
    assert not by["Bolt"].criteria[crit["B"]].flagged
    # Ties are broken by name; no scores -> no rank; baseline ranks like anyone.
    assert [(r.name, r.rank) for r in view.candidates] == [("Acme", 1), ("Bolt", 2), ("Base", 3), ("Zed", None)]
    assert by["Base"].total == pytest.approx(2.0) and by["Base"].baseline
    assert by["Zed"].total is None and by["Zed"].coverage == 0.0 and by["Zed"].p_first == 0.0
    assert sum(r.p_first for r in view.candidates) == pytest.approx(1.0)
    # Acme leads only on the name: a hair more weight on A (where Bolt is better), or a hair
    # less on B (where Acme is better), puts Bolt first.
    flip = view.leader_flip
    assert flip is not None and flip.new_leader == "Bolt"
    assert (flip.criterion, flip.weight_change > 0) in {("A", True), ("B", False)}
    assert abs(flip.weight_change) < 0.001


def test_sql_aggregate_equals_the_domain_rule_on_the_sample(services) -> None:
    services.demo.create_sample()
    view = services.comparison.compare(with_robustness=False)
    rows = [
        ScoreRow(candidate_id=s.candidate_id, criterion_id=s.criterion_id, member_id=s.member_id, value=s.value)
        for s in services.scoring.scores(submitted_only=True)
    ]
    expected = criterion_stats(rows)
    cells = {(r.id, cid): cell for r in view.candidates for cid, cell in r.criteria.items()}
    assert set(cells) == {k for k, v in expected.items() if v.score is not None}
    for key, cell in cells.items():
        assert cell.score == pytest.approx(expected[key].score)
        assert cell.spread == pytest.approx(expected[key].spread)
        assert cell.flagged == expected[key].flagged


def test_sample_gives_a_full_ranking_with_a_disagreement_flag(services) -> None:
    services.demo.create_sample()
    again = services.demo.create_sample()
    assert again[1] is False
    view = services.comparison.compare()
    assert sorted(r.rank for r in view.candidates) == [1, 2, 3, 4]
    assert len({round(r.total, 9) for r in view.candidates}) == 4
    assert any(cell.flagged for r in view.candidates for cell in r.criteria.values())
    assert sum(r.baseline for r in view.candidates) == 1
    assert len(view.criteria) >= 9


def test_weights_what_if_and_stored_weight(services) -> None:
    _setup(services)
    crit = {c.name: c.id for c in services.selections.criteria()}
    # Only B counts: Acme 3.0 beats Bolt 2.75.
    view = services.comparison.compare(weights={crit["A"]: 0, crit["B"]: 1, crit["C"]: 0}, with_robustness=False)
    assert [r.name for r in view.candidates][:2] == ["Acme", "Bolt"]
    # Only A counts: Bolt 2.75 beats Acme 8/3.
    services.comparison.set_weight("A", 5)
    services.comparison.set_weight("B", 0)
    view = services.comparison.compare(with_robustness=False)
    assert [r.name for r in view.candidates][:2] == ["Bolt", "Acme"]
    assert {c.name: c.weight for c in view.criteria}["A"] == 5.0
    without = services.comparison.compare(include_baseline=False, with_robustness=False)
    assert "Base" not in [r.name for r in without.candidates]
