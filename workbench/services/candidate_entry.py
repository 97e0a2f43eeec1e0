"""A candidate entered, in the caller's unit of work: added with its checklist, its scope replaced."""

from __future__ import annotations

from typing import Any

from sqlalchemy import delete, insert
from sqlmodel import Session, col, select

from workbench.domain.text import name_key
from workbench.services.base import utcnow
from workbench.services.candidate_fields import clean_candidate_fields
from workbench.services.checklist import create_checklists
from workbench.services.errors import Conflict, UserError
from workbench.store.models import Candidate, CandidateScope, ScopeItem, Selection, stored_id
from workbench.store.name_lock import hold_names


def check_unique_name(session: Session, selection_id: int, name: str, *, except_id: int | None = None) -> None:
    """Refuse a candidate name the selection has already, as the same name (any case, NFC or NFD; ``name_key``),
    but for candidate ``except_id``. Holds the selection's names until the unit of work ends (PostgreSQL)."""
    hold_names(session, selection_id)
    key = name_key(name)
    for cid, other in session.exec(
        select(col(Candidate.id), col(Candidate.name)).where(col(Candidate.selection_id) == selection_id)
    ).all():
        if cid != except_id and name_key(other) == key:
            raise Conflict(f"a candidate named {other!r} exists already in this selection", field="name")


def check_one_baseline(session: Session, selection_id: int, *, except_id: int | None = None) -> None:
    """Refuse a second in-house baseline in a selection (but for candidate ``except_id``)."""
    stmt = select(col(Candidate.name)).where(
        col(Candidate.selection_id) == selection_id, col(Candidate.baseline).is_(True)
    )
    if except_id is not None:
        stmt = stmt.where(col(Candidate.id) != except_id)
    other = session.exec(stmt).first()
    if other is not None:
        raise Conflict(f"{other!r} is the selection's in-house baseline already", field="baseline")


def add_candidate(session: Session, sel: Selection, **fields: Any) -> Candidate:
    """Store a candidate with its due-diligence checklist (fields checked as in ``CandidateService.add``).

    Raises:
        UserError: a field is invalid (the error names it).
        Conflict: the name is taken (case-insensitively), or a second baseline.
    """
    sel_id = stored_id(sel)
    values = clean_candidate_fields(fields)
    check_unique_name(session, sel_id, values["name"])
    if values["baseline"]:
        check_one_baseline(session, sel_id)
    now = utcnow()
    row = Candidate(selection_id=sel_id, created_at=now, updated_at=now, **values)
    session.add(row)
    session.flush()
    create_checklists(session, sel, [stored_id(row)])
    return row


def set_candidate_scope(session: Session, selection_id: int, row: Candidate, scope_item_ids: Any) -> tuple[int, ...]:
    """Replace the scope items a candidate covers (ids of the selection's scope items); the ids stored, sorted."""
    try:
        wanted = sorted({int(i) for i in scope_item_ids})
    except (TypeError, ValueError, OverflowError):  # OverflowError: int(float("inf"))
        raise UserError(f"{scope_item_ids!r} are not scope item ids", field="--scope") from None
    known = set(session.exec(select(col(ScopeItem.id)).where(col(ScopeItem.selection_id) == selection_id)).all())
    unknown = [i for i in wanted if i not in known]
    if unknown:
        raise UserError(f"no scope item numbered {', '.join(map(str, unknown))} in this selection", field="--scope")
    session.execute(delete(CandidateScope).where(col(CandidateScope.candidate_id) == row.id))
    if wanted:
        session.execute(insert(CandidateScope), [{"candidate_id": row.id, "scope_item_id": i} for i in wanted])
    return tuple(wanted)
