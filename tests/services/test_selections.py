"""Selections and the panel, stored and read back (SQLite and PostgreSQL)."""

from __future__ import annotations

import pytest

from workbench.services.errors import Conflict, NotFound, UserError


def test_new_selection_copies_the_template(services) -> None:
    view = services.selections.create("Outsource backups")
    assert services.selections.get().id == view.id
    criteria = services.selections.criteria()
    assert len(criteria) >= 9
    assert all(len([a for a in c.anchors if a]) == 5 for c in criteria)
    assert len(services.selections.questions()) >= 40
    intro = services.selections.questions(kind="introduction")
    assert intro and all("introduction" in q.kinds for q in intro)
    assert [q.position for q in intro] == sorted(q.position for q in intro)
    assert services.selections.scope()


def test_duplicate_name_and_bad_zone_are_refused(services) -> None:
    services.selections.create("A")
    with pytest.raises(Conflict):
        services.selections.create("A")
    with pytest.raises(UserError, match="timezone"):
        services.selections.create("B", timezone="Mars/Olympus")
    assert [s.name for s in services.selections.list()] == ["A"]


def test_selection_is_found_by_name_or_id_and_required_when_several(services) -> None:
    a = services.selections.create("A", template=None)
    b = services.selections.create("B", template=None)
    assert services.selections.get("B").id == b.id
    assert services.selections.get(str(a.id)).id == a.id
    with pytest.raises(UserError, match="several selections"):
        services.selections.get()
    with pytest.raises(NotFound):
        services.selections.get("C")


def test_members_added_and_listed(services) -> None:
    services.selections.create("A", template=None)
    services.members.add("Ana Ortiz", role="IT lead")
    services.members.add("Ben Cole")
    assert [m.name for m in services.members.list()] == ["Ana Ortiz", "Ben Cole"]
    with pytest.raises(Conflict):
        services.members.add("ana ortiz")
    with pytest.raises(UserError, match="name"):
        services.members.add("   ")
    assert services.members.get("ben cole").name == "Ben Cole"
