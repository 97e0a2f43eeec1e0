"""Candidates and their evidence, stored and read back (SQLite and PostgreSQL)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from workbench import shipped
from workbench.services.errors import Conflict, ImportRejected, NotFound, UserError

CHECKLIST_KEYS = [item.key for item in shipped.load_checklist("it-outsourcing")]


@pytest.fixture
def svc(services):  # type: ignore[no-untyped-def]
    services.selections.create("Outsource help desk")
    return services


def test_add_get_update_delete(svc) -> None:
    added = svc.candidates.add(
        "Acme IT",
        website="https://acme.example",
        timezone="Europe/Berlin",
        support_hours="08:00-18:00",
        onsite=True,
        notes="big",
        status="shortlisted",
    )
    got = svc.candidates.get("acme it")
    assert got == added
    assert (
        got.name,
        got.website,
        got.timezone,
        got.support_hours,
        got.onsite,
        got.status,
        got.notes,
        got.baseline,
    ) == ("Acme IT", "https://acme.example", "Europe/Berlin", "08:00-18:00", True, "shortlisted", "big", False)
    assert svc.candidates.get(str(added.id)).id == added.id

    svc.candidates.update("Acme IT", notes="smaller", onsite=False)
    got = svc.candidates.get(added.id)
    assert (got.notes, got.onsite, got.timezone, got.status) == ("smaller", False, "Europe/Berlin", "shortlisted")

    svc.candidates.set_status("ACME it", "finalist")
    assert svc.candidates.get("Acme IT").status == "finalist"

    deleted = svc.candidates.delete("Acme IT")
    assert deleted.name == "Acme IT"
    assert svc.candidates.list() == []
    with pytest.raises(NotFound) as err:
        svc.candidates.get("Acme IT")
    assert err.value.field == "--candidate"


def test_list_is_sorted_by_name_ignoring_case_and_filters_status(svc) -> None:
    for name in ("beta", "Alpha", "gamma", "Delta"):
        svc.candidates.add(name)
    svc.candidates.set_status("gamma", "declined")
    assert [c.name for c in svc.candidates.list()] == ["Alpha", "beta", "Delta", "gamma"]
    assert [c.name for c in svc.candidates.list(status="declined")] == ["gamma"]
    with pytest.raises(UserError, match="--status"):
        svc.candidates.list(status="maybe")


@pytest.mark.parametrize(
    ("fields", "field"),
    [
        ({"name": "   "}, "name"),
        ({"name": "x" * 201}, "name"),
        ({"timezone": "Mars/Olympus"}, "timezone"),
        ({"timezone": "europe/london"}, "timezone"),
        ({"support_hours": "9-17"}, "support_hours"),
        ({"support_hours": "18:00-18:00"}, "support_hours"),  # issue 12: 18:00-08:00 (overnight) is accepted now
        ({"working_days": "mon-funday"}, "working_days"),
        ({"website": "ftp://acme.example"}, "website"),
        ({"website": "javascript:alert(1)"}, "website"),
        ({"status": "hired"}, "status"),
        ({"onsite": "perhaps"}, "onsite"),
    ],
)
def test_invalid_fields_are_refused_and_named(svc, fields: dict, field: str) -> None:
    values = {"name": "Acme", **fields}
    name = values.pop("name")
    with pytest.raises(UserError) as err:
        svc.candidates.add(name, **values)
    assert err.value.field == field
    assert field in str(err.value)
    assert svc.candidates.list() == []
    svc.candidates.add("Valid")
    with pytest.raises(UserError) as err:
        svc.candidates.update("Valid", **fields)
    assert err.value.field == field
    assert svc.candidates.get("Valid").timezone == "UTC"


def test_update_refuses_unknown_fields(svc) -> None:
    svc.candidates.add("Acme")
    with pytest.raises(UserError, match="colour"):
        svc.candidates.update("Acme", colour="red")


def test_duplicate_names_are_refused_ignoring_case(svc) -> None:
    svc.candidates.add("Acme")
    b = svc.candidates.add("Bolt")
    with pytest.raises(Conflict) as err:
        svc.candidates.add("ACME")
    assert err.value.field == "name"
    with pytest.raises(Conflict):
        svc.candidates.update("Bolt", name="acme")
    assert svc.candidates.get(b.id).name == "Bolt"
    svc.candidates.update("Bolt", name="BOLT")  # its own name in another case is fine
    assert [c.name for c in svc.candidates.list()] == ["Acme", "BOLT"]


def test_only_one_baseline(svc) -> None:
    svc.candidates.add("In-house hire", baseline=True)
    with pytest.raises(Conflict, match="baseline"):
        svc.candidates.add("Second hire", baseline=True)
    svc.candidates.add("Vendor")
    with pytest.raises(Conflict):
        svc.candidates.update("Vendor", baseline=True)
    assert [c.name for c in svc.candidates.list() if c.baseline] == ["In-house hire"]


def test_candidates_belong_to_their_selection(svc) -> None:
    other = svc.selections.create("Other", template=None)
    a = svc.candidates.add("Acme", selection="Outsource help desk")
    svc.candidates.add("Acme", selection=other.id)  # the same name in another selection is fine
    with pytest.raises(NotFound):
        svc.candidates.get(str(a.id), selection="Other")
    assert [c.name for c in svc.candidates.list(selection="Other")] == ["Acme"]


def test_checklist_is_created_with_the_candidate(svc) -> None:
    cand = svc.candidates.add("Acme")
    checks = svc.candidates.checks("Acme")
    assert [c.item for c in checks] == CHECKLIST_KEYS
    assert all(c.status == "todo" and c.candidate_id == cand.id for c in checks)
    assert checks[0].name == shipped.load_checklist("it-outsourcing")[0].name
    assert len(svc.candidates.ensure_checklist("Acme")) == len(CHECKLIST_KEYS)  # nothing added twice


def test_set_check(svc) -> None:
    svc.candidates.add("Acme")
    key = CHECKLIST_KEYS[0]
    svc.candidates.set_check("Acme", key, status="ok", evidence="three references called")
    svc.candidates.set_check("Acme", key, evidence="four references called")
    check = next(c for c in svc.candidates.checks("Acme") if c.item == key)
    assert (check.status, check.evidence) == ("ok", "four references called")
    with pytest.raises(UserError) as err:
        svc.candidates.set_check("Acme", key, status="done")
    assert err.value.field == "status"
    with pytest.raises(NotFound) as err:
        svc.candidates.set_check("Acme", "no-such-item", status="ok")
    assert err.value.field == "--item"
    summary = svc.candidates.summaries()[svc.candidates.get("Acme").id]
    assert (summary.checks, summary.checks_ok, summary.checks_todo) == (len(CHECKLIST_KEYS), 1, len(CHECKLIST_KEYS) - 1)


def test_recommendations_crud(svc) -> None:
    svc.candidates.add("Acme")
    rec = svc.candidates.add_recommendation(
        "acme",
        recommender="Dana Lee",
        company="Lee & Co",
        relationship="client for 3 years",
        sentiment="positive",
        rating=4,
        experience="fast help desk",
        given_on="2031-02-03",
    )
    svc.candidates.add_recommendation("Acme", recommender="Eli", sentiment="negative", rating="2")
    got = svc.candidates.recommendations("Acme")
    assert [(r.recommender, r.sentiment, r.rating) for r in got] == [
        ("Dana Lee", "positive", 4),
        ("Eli", "negative", 2),
    ]
    assert got[0].given_on == date(2031, 2, 3)
    svc.candidates.update_recommendation(rec.id, rating=5, experience="very fast")
    first = svc.candidates.recommendations("Acme")[0]
    assert (first.rating, first.experience, first.company) == (5, "very fast", "Lee & Co")
    summary = svc.candidates.summaries()[first.candidate_id]
    assert (summary.recommendations, summary.positive, summary.negative, summary.mean_rating) == (2, 1, 1, 3.5)
    for bad, field in (
        ({"rating": 6}, "rating"),
        ({"sentiment": "great"}, "sentiment"),
        ({"given_on": "03/02/2031"}, "given_on"),
        ({"recommender": ""}, "recommender"),
    ):
        with pytest.raises(UserError) as err:
            svc.candidates.update_recommendation(rec.id, **bad)
        assert err.value.field == field
    svc.candidates.delete_recommendation(rec.id)
    assert [r.recommender for r in svc.candidates.recommendations("Acme")] == ["Eli"]
    with pytest.raises(NotFound):
        svc.candidates.delete_recommendation(rec.id)


def test_people_crud(svc) -> None:
    svc.candidates.add("Acme")
    ceo = svc.candidates.add_person(
        "Acme",
        name="Fay Moss",
        role="CEO",
        profile_url="https://example.com/fay",
        tenure="8 years",
        researched=True,
        last_checked=date(2031, 1, 5),
    )
    svc.candidates.add_person("Acme", name="Al Bright", role="Engineer", team="delivery")
    people = svc.candidates.people("Acme")
    assert [(p.name, p.team) for p in people] == [("Fay Moss", "management"), ("Al Bright", "delivery")]
    assert people[0].researched is True and people[0].last_checked == date(2031, 1, 5)
    with pytest.raises(UserError) as err:
        svc.candidates.add_person("Acme", name="Bad", profile_url="file:///etc/passwd")
    assert err.value.field == "profile_url"
    with pytest.raises(UserError) as err:
        svc.candidates.add_person("Acme", name="Bad", team="sales")
    assert err.value.field == "team"
    svc.candidates.update_person(ceo.id, role="Chief executive", researched="no")
    updated = next(p for p in svc.candidates.people("Acme") if p.id == ceo.id)
    assert (updated.role, updated.researched, updated.tenure) == ("Chief executive", False, "8 years")
    svc.candidates.delete_person(ceo.id)
    assert [p.name for p in svc.candidates.people("Acme")] == ["Al Bright"]
    with pytest.raises(NotFound):
        svc.candidates.update_person(ceo.id, role="x")


def test_deleting_a_candidate_removes_its_evidence(svc) -> None:
    svc.candidates.add("Acme")
    rec = svc.candidates.add_recommendation("Acme", recommender="Dana")
    svc.candidates.delete("Acme")
    with pytest.raises(NotFound):
        svc.candidates.update_recommendation(rec.id, rating=3)
    assert svc.candidates.summaries() == {}


def test_set_scope(svc) -> None:
    scope = svc.selections.scope()
    svc.candidates.add("Acme")
    ids = [scope[0].id, scope[1].id]
    svc.candidates.set_scope("Acme", [*ids, scope[0].id])
    assert svc.candidates.get("Acme").scope_item_ids == tuple(sorted(ids))
    assert svc.candidates.list()[0].scope_item_ids == tuple(sorted(ids))
    with pytest.raises(UserError, match="--scope"):
        svc.candidates.set_scope("Acme", [999_999])
    assert svc.candidates.get("Acme").scope_item_ids == tuple(sorted(ids))
    svc.candidates.set_scope("Acme", [])
    assert svc.candidates.get("Acme").scope_item_ids == ()


def _csv(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "candidates.csv"
    path.write_text(text, encoding="utf-8", newline="")
    return path


def test_import_creates_candidates_with_checklists(svc, tmp_path: Path) -> None:
    path = _csv(
        tmp_path, 'name,timezone,support_hours,onsite,notes\nAcme,Europe/Paris,08:00-17:00,yes,"a\nb"\nBolt,,,,\n'
    )
    result = svc.candidates.import_csv(path)
    assert (result.created, result.updated, result.names) == (2, 0, ("Acme", "Bolt"))
    acme, bolt = svc.candidates.list()
    assert (acme.timezone, acme.support_hours, acme.onsite, acme.notes) == ("Europe/Paris", "08:00-17:00", True, "a\nb")
    assert (bolt.timezone, bolt.status, bolt.onsite) == ("UTC", "long-list", False)
    assert [c.item for c in svc.candidates.checks("Bolt")] == CHECKLIST_KEYS


def test_import_is_all_or_nothing(svc, tmp_path: Path) -> None:
    svc.candidates.add("Existing", notes="keep")
    path = _csv(tmp_path, "name,notes,timezone\nNew one,x,UTC\nExisting,changed,UTC\nBad,y,Mars/Base\n")
    with pytest.raises(ImportRejected) as err:
        svc.candidates.import_csv(path)
    assert [line for line, _ in err.value.problems] == [3, 4]
    assert "exists already" in err.value.problems[0][1]
    assert "timezone" in err.value.problems[1][1]
    assert [(c.name, c.notes) for c in svc.candidates.list()] == [("Existing", "keep")]
    with pytest.raises(ImportRejected):
        svc.candidates.import_csv(path, update=True)  # the bad zone still refuses the whole file
    assert [(c.name, c.notes) for c in svc.candidates.list()] == [("Existing", "keep")]


def test_import_update_changes_only_present_columns(svc, tmp_path: Path) -> None:
    svc.candidates.add("Acme", timezone="Asia/Tokyo", notes="old", website="https://acme.example", status="finalist")
    svc.candidates.add("Copper", status="shortlisted")
    path = _csv(tmp_path, "NAME , Notes,Status\nacme,new notes,\nBolt,fresh,\ncopper,,declined\n")
    result = svc.candidates.import_csv(path, update=True)
    assert (result.created, result.updated) == (1, 2)
    acme = svc.candidates.get("Acme")
    assert (acme.name, acme.notes, acme.timezone, acme.website, acme.status) == (
        "Acme",
        "new notes",
        "Asia/Tokyo",
        "https://acme.example",
        "finalist",
    )  # an empty status cell changes nothing
    copper = svc.candidates.get("Copper")
    assert (copper.name, copper.notes, copper.status) == ("Copper", "", "declined")
    bolt = svc.candidates.get("Bolt")
    assert (bolt.notes, bolt.status) == ("fresh", "long-list")
    assert len(svc.candidates.checks("Bolt")) == len(CHECKLIST_KEYS)


def test_import_of_many_rows(svc, tmp_path: Path) -> None:
    lines = ["name,website,timezone,support_hours,onsite,status,notes"]
    lines += [
        f"Vendor {i},https://v{i}.example,Europe/London,08:00-18:00,{'yes' if i % 2 else 'no'},long-list,n{i}"
        for i in range(1200)
    ]
    path = _csv(tmp_path, "\n".join(lines) + "\n")
    assert svc.candidates.import_csv(path).created == 1200
    rows = svc.candidates.list()
    assert len(rows) == 1200
    assert svc.candidates.get("Vendor 1199").onsite is True
    summaries = svc.candidates.summaries()
    assert {s.checks for s in summaries.values()} == {len(CHECKLIST_KEYS)}
    result = svc.candidates.import_csv(path, update=True)
    assert (result.created, result.updated) == (0, 1200)
    assert {s.checks for s in svc.candidates.summaries().values()} == {len(CHECKLIST_KEYS)}
