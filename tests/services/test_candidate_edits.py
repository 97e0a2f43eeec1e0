"""A candidate edited as a whole (fields, rename, the scope it offers) and removed with a guard (both dialects)."""

from __future__ import annotations

import unicodedata
from typing import Any

import pytest

from workbench.services.candidate_edits import what_goes
from workbench.services.comparison_build import rebuild
from workbench.services.errors import Conflict, NotFound, UserError

SAMPLE = "Outsource IT support (sample)"
TANAGER = "Tanager Digital Services"


@pytest.fixture
def svc(services):  # type: ignore[no-untyped-def]
    """A selection of the shipped template (help desk ... network outsourced, two undecided, two in house)."""
    services.selections.create("S")
    services.candidates.add("Acme IT", timezone="Europe/Berlin")
    services.candidates.add("Bolt")
    return services


def _ids(svc: Any, *keys: str) -> tuple[int, ...]:
    by_key = {s.key: s.id for s in svc.selections.scope()}
    return tuple(sorted(by_key[k] for k in keys))


def _add_scope_item(svc: Any, name: str, key: str, decision: str = "outsource") -> int:
    from workbench.store.models import ScopeItem

    sel = svc.selections.get().id
    with svc.db.session(write=True) as session:
        row = ScopeItem(selection_id=sel, key=key, name=name, decision=decision, position=99)
        session.add(row)
        session.flush()
        assert row.id is not None
        return row.id


def test_edit_changes_every_field_and_renames(svc) -> None:
    view = svc.candidates.edit(
        "acme it",
        name="Acme Managed IT",
        website="https://acme.example",
        timezone="Asia/Tokyo",
        support_hours="17:00-23:00",
        onsite=True,
        status="shortlisted",
        baseline=True,
        notes="line one\nline two",
    )
    again = svc.candidates.get("ACME MANAGED IT")
    assert again == view
    assert (again.name, again.website, again.timezone, again.support_hours) == (
        "Acme Managed IT",
        "https://acme.example",
        "Asia/Tokyo",
        "17:00-23:00",
    )
    assert (again.onsite, again.status, again.baseline, again.notes) == (
        True,
        "shortlisted",
        True,
        "line one\nline two",
    )
    with pytest.raises(NotFound) as exc:
        svc.candidates.get("Acme IT")
    assert exc.value.field == "--candidate"
    # its own name in another case is no clash; the name is stored as typed (NFC)
    assert svc.candidates.edit(view.id, name="ACME managed it").name == "ACME managed it"
    assert svc.candidates.edit(view.id, name=unicodedata.normalize("NFD", "Café IT")).name == "Café IT"


@pytest.mark.parametrize("taken", ["BOLT", " bolt ", "Ｂｏｌｔ", unicodedata.normalize("NFD", "Bolt")])
def test_a_rename_onto_another_candidate_is_refused_and_changes_nothing(svc, taken: str) -> None:
    before = svc.candidates.list()
    with pytest.raises(Conflict) as exc:
        svc.candidates.edit("Acme IT", name=taken, notes="not kept", covers=["help-desk"])
    assert exc.value.field == "name" and "'Bolt' exists already" in str(exc.value)
    assert svc.candidates.list() == before


@pytest.mark.parametrize(
    ("fields", "field"),
    [
        ({"name": "Acme\x1b[31m"}, "name"),
        ({"name": "   "}, "name"),
        ({"name": "Ac\u202eme"}, "name"),
        ({"timezone": "Mars/Base"}, "timezone"),
        ({"support_hours": "9 to 5"}, "support_hours"),
        ({"status": "hired"}, "status"),
        ({"website": "ftp://acme.example"}, "website"),
        ({"colour": "red"}, "colour"),
    ],
)
def test_a_bad_field_is_named_and_nothing_changes(svc, fields: dict[str, str], field: str) -> None:
    before = svc.candidates.list()
    with pytest.raises(UserError) as exc:
        svc.candidates.edit("Acme IT", covers=["help-desk"], **fields)
    assert exc.value.field == field
    assert svc.candidates.list() == before


def test_nothing_to_change_is_refused(svc) -> None:
    with pytest.raises(UserError, match="nothing to change"):
        svc.candidates.edit("Acme IT")


def test_a_second_baseline_is_refused(svc) -> None:
    svc.candidates.edit("Bolt", baseline=True)
    with pytest.raises(Conflict) as exc:
        svc.candidates.edit("Acme IT", baseline=True)
    assert exc.value.field == "baseline"


def test_covers_by_key_name_number_and_lists(svc) -> None:
    network = _ids(svc, "network")[0]
    view = svc.candidates.edit(
        "Acme IT", covers=["help-desk", "END-USER devices,  Network and internet ", f"#{network}"]
    )
    assert view.scope_item_ids == _ids(svc, "help-desk", "end-user-devices", "network")
    assert svc.candidates.get("Acme IT").scope_item_ids == view.scope_item_ids
    view = svc.candidates.edit("Acme IT", uncovers=["network"], covers=["printing"])
    assert view.scope_item_ids == _ids(svc, "help-desk", "end-user-devices", "printing")
    view = svc.candidates.edit("Acme IT", clear_covers=True, covers=["telephony"])
    assert view.scope_item_ids == _ids(svc, "telephony")
    assert svc.candidates.edit("Acme IT", clear_covers=True).scope_item_ids == ()
    assert svc.candidates.get("Bolt").scope_item_ids == ()


def test_a_name_holding_a_comma_is_one_item(svc) -> None:
    odd = _add_scope_item(svc, "Backup, restore", "odd")
    assert svc.candidates.edit("Acme IT", covers=["backup, RESTORE"]).scope_item_ids == (odd,)
    with pytest.raises(UserError) as exc:  # not one item as a whole: each part must be one, and "backup" is none
        svc.candidates.edit("Acme IT", covers=["backup, restore,help-desk"])
    assert exc.value.field == "--covers" and "'backup'" in str(exc.value)
    both = svc.candidates.edit("Acme IT", covers=["Backup, restore", "help-desk"])  # given apart, both are found
    assert both.scope_item_ids == tuple(sorted((odd, *_ids(svc, "help-desk"))))


@pytest.mark.parametrize(
    ("kwargs", "field", "words"),
    [
        ({"covers": ["nope"]}, "--covers", "'nope'"),
        ({"covers": ["help-desk,nope"]}, "--covers", "'nope'"),
        ({"covers": ["help-desk,,network"]}, "--covers", "empty"),
        ({"covers": ["999999"]}, "--covers", "'999999'"),
        ({"uncovers": ["nope"]}, "--no-cover", "'nope'"),
        ({"covers": ["help-desk"], "uncovers": ["Help desk"]}, "--no-cover", "--covers too"),
    ],
)
def test_an_unknown_scope_item_is_named_and_nothing_changes(
    svc, kwargs: dict[str, Any], field: str, words: str
) -> None:
    svc.candidates.edit("Acme IT", covers=["network"])
    before = svc.candidates.list()
    with pytest.raises(UserError) as exc:
        svc.candidates.edit("Acme IT", notes="not kept", **kwargs)
    assert exc.value.field == field and words in str(exc.value)
    assert svc.candidates.list() == before


def test_another_selections_scope_item_is_unknown(svc) -> None:
    svc.selections.create("T")
    theirs = svc.selections.scope("T")[0].id
    with pytest.raises(UserError) as exc:
        svc.candidates.edit("Acme IT", covers=[str(theirs)], selection="S")
    assert exc.value.field == "--covers"
    with pytest.raises(UserError):
        svc.candidates.set_covered("Acme IT", theirs, True, selection="S")
    assert svc.candidates.get("Acme IT", selection="S").scope_item_ids == ()


def test_set_covered_marks_one_item(svc) -> None:
    desk, network = _ids(svc, "help-desk", "network")
    assert svc.candidates.set_covered("Acme IT", desk, True).scope_item_ids == (desk,)
    assert svc.candidates.set_covered("Acme IT", network, True).scope_item_ids == (desk, network)
    assert svc.candidates.set_covered("Acme IT", network, True).scope_item_ids == (desk, network)
    assert svc.candidates.set_covered("Acme IT", desk, False).scope_item_ids == (network,)


def test_add_with_scope_is_all_or_nothing(svc) -> None:
    view = svc.candidates.add_with_scope("Copper", covers=["help-desk,network"], timezone="Europe/Oslo")
    assert (view.timezone, view.scope_item_ids) == ("Europe/Oslo", _ids(svc, "help-desk", "network"))
    with pytest.raises(UserError) as exc:
        svc.candidates.add_with_scope("Dune", covers=["nope"])
    assert exc.value.field == "--covers"
    assert "Dune" not in {c.name for c in svc.candidates.list()}


def test_the_comparison_counts_the_outsourced_items_offered(svc) -> None:
    svc.candidates.edit("Acme IT", covers=["help-desk,network,printing,custom-apps"])
    view = svc.comparison.compare()
    scope = {r.name: r.scope for r in view.candidates}
    assert (scope["Acme IT"].covered, scope["Acme IT"].of) == (2, 5)  # printing stays in house, custom-apps undecided
    assert scope["Acme IT"].missing == ("End-user devices", "Microsoft 365 and cloud storage", "Backup and recovery")
    assert (scope["Bolt"].covered, scope["Bolt"].of, len(scope["Bolt"].missing)) == (0, 5, 5)
    # the decision changes: the link kept counts once the item goes out
    custom = _ids(svc, "custom-apps")[0]
    svc.scope.update_item(custom, decision="outsource")
    again = {r.name: r.scope for r in svc.comparison.compare().candidates}
    assert (again["Acme IT"].covered, again["Acme IT"].of) == (3, 6)
    # the screen's re-ranking keeps it
    assert {r.name: r.scope for r in rebuild(svc.comparison.compare(), weights={}).candidates} == again
    assert {r.name: r.scope for r in rebuild(view, include_baseline=False).candidates} == scope


def test_nothing_outsourced_counts_of_zero(svc) -> None:
    for item in svc.selections.scope():
        svc.scope.update_item(item.id, decision="in-house")
    svc.candidates.edit("Acme IT", covers=["help-desk"])
    result = {r.name: r.scope for r in svc.comparison.compare().candidates}
    assert (result["Acme IT"].covered, result["Acme IT"].of, result["Acme IT"].missing) == (0, 0, ())


def test_remove_without_meetings_deletes_at_once(svc) -> None:
    snap = svc.candidates.remove("Bolt")
    assert snap.candidate.name == "Bolt" and snap.meetings == 0
    assert what_goes(snap) == f"{snap.count('diligence_check')} checklist items"
    assert [c.name for c in svc.candidates.list()] == ["Acme IT"]


def test_remove_with_meetings_needs_the_flag_and_says_what_goes(services) -> None:
    services.demo.create_sample()
    before = services.candidates.snapshot(TANAGER, selection=SAMPLE)
    assert before.meetings == 2 and before.count("score") and before.count("note")
    with pytest.raises(Conflict) as exc:
        services.candidates.remove(TANAGER, selection=SAMPLE)
    assert exc.value.field == "--with-meetings"
    message = str(exc.value)
    assert f"'{TANAGER}' has 2 meetings, {before.count('score')} scores" in message
    assert f"{before.count('note')} notes" in message and "give --with-meetings" in message
    assert services.candidates.get(TANAGER, selection=SAMPLE) == before.candidate  # nothing changed
    assert len(services.meetings.list(selection=SAMPLE, candidate=TANAGER)) == 2
    gone = services.candidates.remove(TANAGER, with_meetings=True, selection=SAMPLE)
    assert what_goes(gone) == what_goes(before)
    assert TANAGER not in {c.name for c in services.candidates.list(selection=SAMPLE)}
    assert all(m.candidate != TANAGER for m in services.meetings.list(selection=SAMPLE))
    back = services.candidates.restore(gone)  # what was removed can be put back, scope included
    assert back.candidate.scope_item_ids == before.candidate.scope_item_ids
    assert len(services.meetings.list(selection=SAMPLE, candidate=TANAGER)) == 2
