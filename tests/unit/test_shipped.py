"""Shipped templates: rubric, checklist, scope and the sample selection load and make sense."""

from __future__ import annotations

import datetime as dt
import itertools
import re
import shutil
from collections import defaultdict
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from workbench import shipped
from workbench.shipped import (
    MEETING_KINDS,
    ChecklistItem,
    CriterionTemplate,
    QuestionTemplate,
    Rubric,
    ScopeTemplate,
    agenda_for,
    load_checklist,
    load_rubric,
    load_sample,
    load_scope,
    rubric_names,
)
from workbench.shipped_data import data_root

REQUIRED_CRITERIA = {
    "Scope fit",
    "Technical depth",
    "Management team",
    "References and track record",
    "Time-zone fit and on-site support",
    "Security and compliance",
    "Service levels and support process",
    "Commercial terms and exit",
    "Cultural fit",
}
CANDIDATE_STATUSES = {"long-list", "shortlisted", "interviewing", "finalist", "chosen", "declined"}
NOTE_KINDS = {"note", "decision", "action", "concern", "gap"}
HOURS = re.compile(r"^([01]\d|2[0-3]):[0-5]\d-([01]\d|2[0-3]):[0-5]\d$")


@pytest.fixture(scope="module")
def rubric() -> Rubric:
    return load_rubric()


@pytest.fixture(scope="module")
def sample() -> dict:
    return load_sample()


def _agenda(rubric: Rubric, kind: str) -> list[QuestionTemplate]:
    """Agenda of a meeting kind, computed here independently of agenda_for."""
    return [q for q in rubric.questions if kind in q.kinds]


# ------------------------------------------------------------------ rubric


def test_rubric_is_listed_and_loads(rubric):
    assert "it-outsourcing" in rubric_names()
    assert isinstance(rubric, Rubric)
    assert rubric.key == "it-outsourcing"
    assert rubric.name and rubric.description


def test_rubric_has_the_nine_criteria_with_anchors(rubric):
    assert len(rubric.criteria) >= 9
    names = {c.name for c in rubric.criteria}
    assert names >= REQUIRED_CRITERIA
    assert len({c.key for c in rubric.criteria}) == len(rubric.criteria)
    for criterion in rubric.criteria:
        assert isinstance(criterion, CriterionTemplate)
        assert criterion.description.strip(), criterion.key
        assert criterion.weight > 0
        assert isinstance(criterion.anchors, tuple) and len(criterion.anchors) == 5
        assert all(a.strip() for a in criterion.anchors), criterion.key
        assert len(set(criterion.anchors)) == 5, criterion.key
        assert isinstance(criterion.scope, tuple)
    assert sum(c.weight for c in rubric.criteria) == pytest.approx(100)


def test_criterion_scope_keys_are_shipped_scope_items(rubric):
    scope_keys = {item.key for item in load_scope("it-outsourcing")}
    for criterion in rubric.criteria:
        assert set(criterion.scope) <= scope_keys, criterion.key


def test_question_bank_covers_every_kind_and_criterion(rubric):
    assert len(rubric.questions) >= 40
    for question in rubric.questions:
        assert isinstance(question, QuestionTemplate)
        assert question.text.strip() and len(question.text) <= 200
        assert question.guidance.strip(), question.text
        assert question.kinds and set(question.kinds) <= set(MEETING_KINDS)
    assert len({q.text for q in rubric.questions}) == len(rubric.questions)
    for kind in MEETING_KINDS:
        assert len(_agenda(rubric, kind)) >= 6, kind
    for criterion in rubric.criteria:
        count = sum(q.criterion == criterion.key for q in rubric.questions)
        assert count >= 3, criterion.key


def test_agenda_for_keeps_file_order(rubric):
    for kind in MEETING_KINDS:
        assert agenda_for(rubric, kind) == tuple(_agenda(rubric, kind))
    with pytest.raises(ValueError, match="lunch"):
        agenda_for(rubric, "lunch")


def test_templates_are_frozen(rubric):
    with pytest.raises(AttributeError):
        rubric.criteria[0].weight = 1  # type: ignore[misc]


# ------------------------------------------------------- checklist, scope


def test_checklist_loads():
    items = load_checklist("it-outsourcing")
    assert len(items) >= 10
    assert all(isinstance(i, ChecklistItem) and i.key and i.name and i.description for i in items)
    keys = {i.key for i in items}
    assert len(keys) == len(items)
    for needed in (
        "references-called",
        "certifications",
        "insurance",
        "exit-terms",
        "data-location-gdpr",
        "subcontractors",
        "background-checks",
        "business-continuity",
        "financial-standing",
        "sla-reviewed",
    ):
        assert needed in keys


def test_scope_loads():
    items = load_scope("it-outsourcing")
    assert len(items) >= 8
    for item in items:
        assert isinstance(item, ScopeTemplate)
        assert item.decision in {"outsource", "in-house", "undecided"}
        assert item.priority in {1, 2, 3}
        assert item.name and item.description
    assert {"help-desk", "cloud-m365", "backup-recovery", "network"} <= {i.key for i in items}


@pytest.mark.parametrize("loader", [load_rubric, load_checklist, load_scope])
def test_unknown_template_key_names_it_and_the_available_ones(loader):
    with pytest.raises(ValueError) as info:
        loader("nope")
    assert "nope" in str(info.value)
    assert "it-outsourcing" in str(info.value)


def test_load_rubric_nope_raises_value_error():
    with pytest.raises(ValueError, match="nope"):
        load_rubric("nope")


# ------------------------------------------------------ validation on load


@pytest.fixture
def fake_data(tmp_path, monkeypatch):
    """A copy of the shipped data folder that a test may break."""
    root = tmp_path / "data"
    shutil.copytree(Path(str(data_root())), root)
    monkeypatch.setattr(shipped, "data_root", lambda: root)
    return root


def _rewrite(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


@pytest.mark.parametrize(
    ("old", "new", "expected"),
    [
        ("weight = 15\n", "weight = 0\n", "weight"),
        ('criterion = "cultural-fit"', 'criterion = "charm"', "charm"),
        ('kinds = ["site-visit"]', 'kinds = ["lunch"]', "lunch"),
        ("anchors = [\n", 'anchors = ["extra",\n', "anchors"),
    ],
)
def test_broken_rubric_names_file_and_entry(fake_data, old, new, expected):
    path = fake_data / "rubrics" / "it-outsourcing.toml"
    _rewrite(path, old, new)
    with pytest.raises(ValueError) as info:
        load_rubric()
    message = str(info.value)
    assert "rubrics/it-outsourcing.toml" in message
    assert expected in message
    assert re.search(r"(criteria|questions)\[\d+\]", message)


def test_invalid_toml_is_a_value_error(fake_data):
    (fake_data / "checklists" / "it-outsourcing.toml").write_text("[[items]\n", encoding="utf-8")
    with pytest.raises(ValueError, match=re.escape("checklists/it-outsourcing.toml")):
        load_checklist("it-outsourcing")


def test_bad_scope_decision_is_named(fake_data):
    path = fake_data / "scope" / "it-outsourcing.toml"
    _rewrite(path, 'decision = "in-house"', 'decision = "maybe"')
    with pytest.raises(ValueError, match="maybe"):
        load_scope("it-outsourcing")


# ------------------------------------------------------------------ sample


def test_sample_selection(sample):
    selection = sample["selection"]
    assert selection["name"] == "Outsource IT support (sample)"
    assert selection["timezone"] == "Europe/London"
    assert HOURS.match(selection["business_hours"])
    assert selection["rubric"] in rubric_names()
    load_checklist(selection["checklist"])
    scope_keys = {i.key for i in load_scope(selection["scope"])}
    for override in sample.get("scope_overrides", []):
        assert override["key"] in scope_keys
        assert override["decision"] in {"outsource", "in-house", "undecided"}
        assert override["priority"] in {1, 2, 3}
    assert len(sample["members"]) == 3


def test_sample_candidates(sample):
    candidates = sample["candidates"]
    assert len(candidates) == 4
    baselines = [c for c in candidates if c["baseline"]]
    vendors = [c for c in candidates if not c["baseline"]]
    assert len(baselines) == 1 and len(vendors) == 3
    zones = {ZoneInfo(c["timezone"]).key for c in vendors}
    assert len(zones) >= 3
    ZoneInfo(baselines[0]["timezone"])
    scope_keys = {i.key for i in load_scope(sample["selection"]["scope"])}
    for c in candidates:
        assert HOURS.match(c["support_hours"]), c["name"]
        assert c["status"] in CANDIDATE_STATUSES
        assert isinstance(c["onsite"], bool)
        assert set(c["scope"]) <= scope_keys
        if not c["baseline"]:
            assert c["website"].startswith("https://") and c["website"].endswith(".example")


def test_sample_references_are_consistent(sample):
    names = {c["name"] for c in sample["candidates"]}
    members = {m["name"] for m in sample["members"]}
    checklist = {i.key for i in load_checklist(sample["selection"]["checklist"])}
    for rec in sample["recommendations"]:
        assert rec["candidate"] in names
        assert rec["sentiment"] in {"positive", "neutral", "negative"}
        assert 1 <= rec["rating"] <= 5
        dt.date.fromisoformat(rec["date"])
    for person in sample["people"]:
        assert person["candidate"] in names
        assert person["team"] in {"management", "delivery"}
        assert person["profile_url"].startswith("https://example.com/")
        assert isinstance(person["researched"], bool)
        dt.date.fromisoformat(person["last_checked"])
    for check in sample["checks"]:
        assert check["candidate"] in names
        assert check["item"] in checklist
        assert check["status"] in {"todo", "ok", "concern", "n/a"}
    for meeting in sample["meetings"]:
        assert meeting["candidate"] in names
        assert meeting["kind"] in MEETING_KINDS
        assert set(meeting["members"]) <= members
        assert meeting["status"] in {"planned", "held"}
        zone = ZoneInfo(meeting["timezone"])
        start = dt.datetime.fromisoformat(meeting["start"]).replace(tzinfo=zone)
        assert start.tzinfo is not None and meeting["duration_minutes"] > 0
        if meeting["status"] == "planned":
            assert start.year == 2027


def test_every_candidate_has_two_meetings(sample):
    per_candidate = defaultdict(int)
    for meeting in sample["meetings"]:
        per_candidate[meeting["candidate"]] += 1
    for candidate in sample["candidates"]:
        assert per_candidate[candidate["name"]] >= 2, candidate["name"]


def test_scorecards_match_their_agendas(sample, rubric):
    meetings = sample["meetings"]
    seen = set()
    for card in sample["scores"]:
        meeting = meetings[card["meeting"]]
        assert meeting["status"] == "held"
        assert card["member"] in meeting["members"]
        assert (card["meeting"], card["member"]) not in seen
        seen.add((card["meeting"], card["member"]))
        agenda = _agenda(rubric, meeting["kind"])
        assert len(card["values"]) == len(agenda), (card["meeting"], card["member"])
        for value in card["values"]:
            assert value == "na" or (type(value) is int and 1 <= value <= 5)
        for index in card.get("comments", {}):
            assert 0 <= int(index) < len(agenda)
    all_values = [v for card in sample["scores"] for v in card["values"]]
    assert "na" in all_values
    assert any(card["submitted"] is False for card in sample["scores"])


def test_notes_cover_every_kind(sample):
    meetings = sample["meetings"]
    kinds = set()
    for note in sample["notes"]:
        meeting = meetings[note["meeting"]]
        assert note["member"] in meeting["members"]
        assert 0 <= note["minute"] <= meeting["duration_minutes"]
        assert note["text"].strip()
        kinds.add(note["kind"])
        if note["kind"] == "action":
            assert note["owner"].strip()
            dt.date.fromisoformat(note["due"])
    assert kinds == NOTE_KINDS


def _results(sample: dict, rubric: Rubric) -> tuple[dict[str, float], list[tuple[str, str, float]]]:
    """Weighted totals and member spreads, per SPEC, from submitted scorecards only."""
    weights = {c.key: c.weight for c in rubric.criteria}
    scores: dict[tuple[str, str, str], list[int]] = defaultdict(list)
    for card in sample["scores"]:
        if not card["submitted"]:
            continue
        meeting = sample["meetings"][card["meeting"]]
        for question, value in zip(_agenda(rubric, meeting["kind"]), card["values"], strict=False):
            if value != "na":
                scores[(meeting["candidate"], question.criterion, card["member"])].append(value)
    totals: dict[str, float] = {}
    spreads: list[tuple[str, str, float]] = []
    for candidate in (c["name"] for c in sample["candidates"]):
        weighted = weight_sum = 0.0
        for criterion, weight in weights.items():
            means = [
                sum(values) / len(values)
                for (cand, crit, _member), values in scores.items()
                if cand == candidate and crit == criterion
            ]
            if not means:
                continue
            weighted += weight * sum(means) / len(means)
            weight_sum += weight
            spreads.append((candidate, criterion, max(means) - min(means)))
        assert weight_sum > 0, candidate
        totals[candidate] = weighted / weight_sum
    return totals, spreads


def test_sample_results_rank_and_flag(sample, rubric):
    totals, spreads = _results(sample, rubric)
    assert len(totals) == 4
    assert all(1 <= t <= 5 for t in totals.values())
    ranked = sorted(totals.values())
    assert all(b - a > 1e-6 for a, b in itertools.pairwise(ranked)), totals
    assert any(spread >= 2.0 for _c, _k, spread in spreads)


def test_unsubmitted_scorecard_would_change_results(sample, rubric):
    totals, _ = _results(sample, rubric)
    everything = dict(sample, scores=[dict(c, submitted=True) for c in sample["scores"]])
    all_totals, _ = _results(everything, rubric)
    assert all_totals != totals
