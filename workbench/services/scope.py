"""Scope: change a scope item's decision, priority and notes; what in the rubric depends on it."""

from __future__ import annotations

from typing import Any, NamedTuple

from sqlmodel import Session, col, func, select

from workbench.domain.vocabulary import SCOPE_DECISIONS
from workbench.services.base import Service, clean_text, parse_ref, unit_of_work
from workbench.services.errors import NotFound, UserError
from workbench.services.selections import find_selection
from workbench.services.views.kit import ScopeItemView
from workbench.store.models import Criterion, CriterionScope, Question, ScopeItem, stored_id

PRIORITIES = (1, 2, 3)  # 1 high, 2 medium, 3 low
NOTES_MAX = 50_000


class Dependents(NamedTuple):
    """The criteria that depend on a scope item, in rubric order, and each one's number of questions."""

    criteria: tuple[str, ...]
    questions: tuple[int, ...]

    @property
    def total_questions(self) -> int:
        return sum(self.questions)


class Dropped(NamedTuple):
    """The criteria that drop out of the rubric when a scope item stays in house, and their questions."""

    criteria: tuple[str, ...]
    questions: int


def scope_item_view(row: ScopeItem) -> ScopeItemView:
    """A view of a ScopeItem row."""
    return ScopeItemView(
        id=stored_id(row),
        selection_id=row.selection_id,
        key=row.key,
        name=row.name,
        description=row.description,
        decision=row.decision,
        priority=row.priority,
        notes=row.notes,
    )


def check_decision(value: Any) -> str:
    """outsource, in-house or undecided ("in house" and "inhouse" are read as in-house)."""
    text = "" if value is None else str(value).strip().lower().replace(" ", "-").replace("_", "-")
    if text == "inhouse":
        text = "in-house"
    if text not in SCOPE_DECISIONS:
        raise UserError(f"{value!r} is not one of {', '.join(SCOPE_DECISIONS)}", field="decision")
    return text


def check_priority(value: Any) -> int:
    """A priority from 1 (high) to 3 (low)."""
    if isinstance(value, bool):
        raise UserError(f"{value!r} is not a priority from 1 (high) to 3 (low)", field="priority")
    try:
        number = int(str(value).strip())
    except ValueError:
        raise UserError(f"{value!r} is not a priority from 1 (high) to 3 (low)", field="priority") from None
    if number not in PRIORITIES:
        raise UserError(f"{number} is not a priority from 1 (high) to 3 (low)", field="priority")
    return number


def _find_item(session: Session, item_id: int | str) -> ScopeItem:
    number, text = parse_ref(item_id)
    row = session.get(ScopeItem, number) if number is not None else None
    if row is None:
        raise NotFound(f"no scope item numbered {text!r}", field="scope item")
    return row


def _links(session: Session, selection_id: int) -> tuple[list[tuple[int, str]], dict[int, list[int]], dict[int, int]]:
    """The selection's criteria (id, name) in rubric order, criterion -> scope item ids, criterion -> questions."""
    criteria = [
        (cid, name)
        for cid, name in session.exec(
            select(col(Criterion.id), col(Criterion.name))
            .where(col(Criterion.selection_id) == selection_id)
            .order_by(col(Criterion.position), col(Criterion.id))
        ).all()
        if cid is not None  # a stored row's key
    ]
    scope_of: dict[int, list[int]] = {}
    for cid, sid in session.exec(
        select(col(CriterionScope.criterion_id), col(CriterionScope.scope_item_id))
        .join(Criterion, col(Criterion.id) == col(CriterionScope.criterion_id))
        .where(col(Criterion.selection_id) == selection_id)
    ).all():
        scope_of.setdefault(cid, []).append(sid)
    counts = {
        cid: int(n)
        for cid, n in session.exec(
            select(col(Question.criterion_id), func.count())
            .where(col(Question.selection_id) == selection_id)
            .group_by(col(Question.criterion_id))
        ).all()
    }
    return criteria, scope_of, counts


def update_scope_item(
    session: Session,
    item_id: int | str,
    *,
    decision: str | None = None,
    priority: int | str | None = None,
    notes: str | None = None,
) -> tuple[ScopeItemView, ScopeItemView]:
    """Change the given fields of a scope item in the caller's unit of work (see ``ScopeService.update_item``)."""
    row = _find_item(session, item_id)
    values: dict[str, Any] = {}
    if decision is not None:
        values["decision"] = check_decision(decision)
    if priority is not None:
        values["priority"] = check_priority(priority)
    if notes is not None:
        values["notes"] = clean_text(notes, field="notes", max_length=NOTES_MAX, multiline=True)
    old = scope_item_view(row)
    for name, value in values.items():
        setattr(row, name, value)
    session.add(row)
    session.flush()
    return old, scope_item_view(row)


class ScopeService(Service):
    """Edit scope items and tell what in the rubric depends on each."""

    @unit_of_work(write=True)
    def update_item(
        self,
        session: Session,
        item_id: int | str,
        *,
        decision: str | None = None,
        priority: int | str | None = None,
        notes: str | None = None,
    ) -> tuple[ScopeItemView, ScopeItemView]:
        """Change the given fields of a scope item (the others stay).

        Args:
            item_id: the scope item's id.
            decision: outsource, in-house or undecided.
            priority: 1 (high) to 3 (low).
            notes: free text.

        Returns:
            (the item as it was, the item as it is now), so a screen can undo the change.

        Raises:
            UserError: a value is invalid (the error names the field); nothing is changed.
            NotFound: no scope item with this id.
        """
        return update_scope_item(session, item_id, decision=decision, priority=priority, notes=notes)

    @unit_of_work(write=False)
    def dependents(self, session: Session, selection: str | int | None = None) -> dict[int, Dependents]:
        """What depends on each scope item of a selection.

        Returns:
            Scope item id -> the criteria linked to it (rubric order) and each one's question count.
            Every scope item of the selection is a key, with empty tuples when nothing depends on it.
        """
        sel = find_selection(session, selection)
        criteria, scope_of, counts = _links(session, stored_id(sel))
        found: dict[int, tuple[list[str], list[int]]] = {
            sid: ([], [])
            for sid in session.exec(select(col(ScopeItem.id)).where(col(ScopeItem.selection_id) == sel.id)).all()
            if sid is not None  # a stored row's key
        }
        for cid, name in criteria:
            for sid in scope_of.get(cid, ()):
                names, questions = found.setdefault(sid, ([], []))
                names.append(name)
                questions.append(counts.get(cid, 0))
        return {sid: Dependents(tuple(names), tuple(qs)) for sid, (names, qs) in found.items()}

    @unit_of_work(write=False)
    def dropped_if_in_house(self, session: Session, item_id: int | str) -> Dropped:
        """The criteria that would depend only on in-house items if this item stayed in house.

        A criterion that depends on no scope item at all (say, the management team) never drops out.

        Returns:
            Their names (rubric order) and how many questions they hold together.
        """
        item = _find_item(session, item_id)
        criteria, scope_of, counts = _links(session, item.selection_id)
        in_house = set(
            session.exec(
                select(col(ScopeItem.id)).where(
                    col(ScopeItem.selection_id) == item.selection_id, col(ScopeItem.decision) == "in-house"
                )
            ).all()
        ) | {item.id}
        names: list[str] = []
        questions = 0
        for cid, name in criteria:
            items = scope_of.get(cid, [])
            if item.id in items and all(sid in in_house for sid in items):
                names.append(name)
                questions += counts.get(cid, 0)
        return Dropped(tuple(names), questions)
