"""ScopeService: editing scope items, what depends on them, what drops out when one stays in house."""

from __future__ import annotations

from typing import Any

import pytest

from workbench.services.errors import NotFound, UserError

SAMPLE = "Outsource IT support (sample)"


def _item(services: Any, name: str) -> Any:
    return next(i for i in services.selections.scope(SAMPLE) if i.name == name)


def test_update_item_returns_old_and_new_and_stores_only_the_given_fields(services: Any) -> None:
    services.demo.create_sample()
    network = _item(services, "Network and internet")
    old, new = services.scope.update_item(network.id, decision="in house", priority="3")
    assert old == network
    assert (new.decision, new.priority, new.notes) == ("in-house", 3, network.notes)
    assert _item(services, "Network and internet") == new


@pytest.mark.parametrize(
    ("fields", "field"),
    [
        ({"decision": "maybe"}, "decision"),
        ({"priority": 0}, "priority"),
        ({"priority": "high"}, "priority"),
        ({"priority": True}, "priority"),
        ({"notes": "a\x00b"}, "notes"),
    ],
)
def test_update_item_refuses_bad_values_and_changes_nothing(services: Any, fields: dict[str, Any], field: str) -> None:
    services.demo.create_sample()
    item = _item(services, "Help desk")
    valid = {"priority": 3} if field == "decision" else {"decision": "undecided"}  # not stored either
    with pytest.raises(UserError) as caught:
        services.scope.update_item(item.id, **valid, **fields)
    assert caught.value.field == field
    assert _item(services, "Help desk") == item


def test_update_item_of_no_item_is_not_found(services: Any) -> None:
    services.demo.create_sample()
    with pytest.raises(NotFound):
        services.scope.update_item(99999, decision="outsource")


def test_dependents_list_criteria_and_question_counts_for_every_item(services: Any) -> None:
    services.demo.create_sample()
    items = services.selections.scope(SAMPLE)
    deps = services.scope.dependents(SAMPLE)
    assert set(deps) == {i.id for i in items}
    help_desk = deps[_item(services, "Help desk").id]
    assert "Service levels and support process" in help_desk.criteria
    assert len(help_desk.questions) == len(help_desk.criteria) and all(n > 0 for n in help_desk.questions)
    assert deps[_item(services, "Printers and plotters").id].criteria == ()


def test_dropped_if_in_house_names_criteria_left_with_only_in_house_items(services: Any) -> None:
    services.demo.create_sample()
    help_desk, security = _item(services, "Help desk"), _item(services, "Security monitoring")
    assert services.scope.dropped_if_in_house(help_desk.id).criteria == ()
    services.scope.update_item(security.id, decision="in-house")
    dropped = services.scope.dropped_if_in_house(help_desk.id)
    assert dropped.criteria == ("Service levels and support process",)
    counts = services.scope.dependents(SAMPLE)[help_desk.id]
    assert (
        dropped.questions
        == dict(zip(counts.criteria, counts.questions, strict=False))["Service levels and support process"]
    )
