"""The due-diligence checklist of candidates: shipped items, created when first needed."""

from __future__ import annotations

from typing import Any

from sqlalchemy import Integer, String, and_, cast, exists, insert, literal, true, union_all
from sqlalchemy import select as sa_select
from sqlalchemy.sql.elements import ColumnElement
from sqlmodel import Session, col, select

from workbench.domain.text import name_key
from workbench.services.base import cast_result, clean_text
from workbench.services.views.candidates import DiligenceCheckView
from workbench.store.models import Candidate, DiligenceCheck, Selection, stored_id, table_of

DEFAULT_CHECKLIST = "it-outsourcing"
_CHUNK = 500  # at most this many ids in an IN list


def check_view(row: DiligenceCheck) -> DiligenceCheckView:
    """A view of a DiligenceCheck row."""
    return DiligenceCheckView(
        id=stored_id(row),
        candidate_id=row.candidate_id,
        item=row.item,
        name=row.name,
        status=row.status,
        evidence=row.evidence,
        position=row.position,
    )


def checklist_items(selection: Selection) -> tuple[Any, ...]:
    """The shipped checklist of the selection's rubric (the default one when it has none)."""
    from workbench import shipped

    for key in (selection.rubric or DEFAULT_CHECKLIST, DEFAULT_CHECKLIST):
        try:
            return shipped.load_checklist(key)
        except ValueError:
            continue
    return ()


def create_checklists(session: Session, selection: Selection, candidate_ids: list[int]) -> int:
    """Add the missing checklist items of each candidate, with INSERT ... SELECT in the database.

    Args:
        session: the unit of work's session.
        selection: the candidates' selection (its rubric names the checklist).
        candidate_ids: the candidates to complete.

    Returns:
        How many check rows were inserted.
    """
    items = checklist_items(selection)
    if not items or not candidate_ids:
        return 0
    listed = union_all(
        *(
            select(
                cast(literal(item.key), String).label("item"),
                cast(literal(item.name), String).label("name"),
                cast(literal(pos), Integer).label("position"),
            )
            for pos, item in enumerate(items)
        )
    ).subquery("items")
    missing = ~exists().where(
        col(DiligenceCheck.candidate_id) == col(Candidate.id), col(DiligenceCheck.item) == listed.c.item
    )
    which: ColumnElement[bool]
    if len(candidate_ids) <= _CHUNK:
        which = col(Candidate.id).in_(candidate_ids)
    else:
        # Many (freshly imported) candidates: an id range of the selection instead of a long IN list.
        # Any other candidate in that range already has its checklist, or gains the items it lacks.
        which = and_(
            col(Candidate.selection_id) == selection.id,
            col(Candidate.id).between(min(candidate_ids), max(candidate_ids)),
        )
    rows = (
        sa_select(
            col(Candidate.id),
            listed.c.item,
            listed.c.name,
            cast(literal("todo"), String),
            cast(literal(""), String),
            listed.c.position,
        )
        .select_from(Candidate)
        .join(listed, true())
        .where(which, missing)
    )
    columns = ["candidate_id", "item", "name", "status", "evidence", "position"]
    result = session.execute(insert(table_of(DiligenceCheck)).from_select(columns, rows))
    return max(cast_result(result).rowcount or 0, 0)


def load_checks(session: Session, candidate_id: int) -> list[DiligenceCheckView]:
    rows = session.exec(
        select(DiligenceCheck)
        .where(col(DiligenceCheck.candidate_id) == candidate_id)
        .order_by(col(DiligenceCheck.position), col(DiligenceCheck.id))
    ).all()
    return [check_view(r) for r in rows]


def find_check(session: Session, candidate_id: int, item_key: str) -> DiligenceCheck | None:
    key = clean_text(item_key, field="--item", required=True, max_length=200)
    row = session.exec(
        select(DiligenceCheck).where(col(DiligenceCheck.candidate_id) == candidate_id, col(DiligenceCheck.item) == key)
    ).first()
    if row is None:
        wanted = name_key(key)
        for check_id, item, name in session.exec(
            select(col(DiligenceCheck.id), col(DiligenceCheck.item), col(DiligenceCheck.name)).where(
                col(DiligenceCheck.candidate_id) == candidate_id
            )
        ).all():
            if wanted in (name_key(item), name_key(name)):
                return session.get(DiligenceCheck, check_id)
    return row
