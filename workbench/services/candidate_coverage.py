"""Which scope items a candidate offers: scope items named by a person, coverage edited, coverage counted.

A scope item is named by its number (``3`` or ``#3``), its key (``help-desk``) or its name in any case or
form (``name_key``). A list is comma-separated (``help-desk,network``); an argument that names one item as a
whole is that item, so a name holding a comma can still be given.

Coverage counts the selection's *outsourced* scope items only: "covers 5 of 6 outsourced items". A candidate
may be marked as offering an item that stays in house or is undecided; that link is kept (the decision may
change) and counts once the item goes out.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from sqlalchemy import delete, insert
from sqlmodel import Session, col, select

from workbench.domain.text import name_key
from workbench.services.base import parse_ref
from workbench.services.errors import UserError
from workbench.services.views.comparison import ScopeCoverage
from workbench.store.models import Candidate, CandidateScope, ScopeItem

OUTSOURCED = "outsource"


def _items(session: Session, selection_id: int) -> list[tuple[int, str, str, str]]:
    """(id, key, name, decision) of the selection's scope items, in scope order."""
    return [
        (stored, k, n, d)
        for stored, k, n, d in session.exec(
            select(col(ScopeItem.id), col(ScopeItem.key), col(ScopeItem.name), col(ScopeItem.decision))
            .where(col(ScopeItem.selection_id) == selection_id)
            .order_by(col(ScopeItem.position), col(ScopeItem.id))
        ).all()
        if stored is not None  # a stored row's key
    ]


def _match(items: Sequence[tuple[int, str, str, str]], text: str) -> int | None:
    """The id of the item ``text`` names (key, then name, then number), else None."""
    stripped = text.strip()
    if not stripped:
        return None
    for iid, key, _, _ in items:
        if key and key == stripped:
            return iid
    wanted = name_key(stripped)
    for iid, key, name, _ in items:
        if name_key(name) == wanted or (key and name_key(key) == wanted):
            return iid
    number, _ = parse_ref(stripped)
    if number is not None and any(iid == number for iid, *_ in items):
        return number
    return None


def resolve_scope_items(session: Session, selection_id: int, refs: Iterable[str], *, field: str) -> list[int]:
    """The ids of the scope items ``refs`` name (each a name, key or number, or a comma-separated list of them).

    Raises:
        UserError: naming ``field`` and the first part that names no scope item of the selection.
    """
    items = _items(session, selection_id)
    found: list[int] = []
    for ref in refs:
        whole = _match(items, str(ref))
        parts = [str(ref)] if whole is not None else str(ref).split(",")
        for part in parts:
            iid = whole if whole is not None else _match(items, part)
            if iid is None:
                if not part.strip():
                    raise UserError("an empty scope item name in the list", field=field)
                raise UserError(f"no scope item named or numbered {part.strip()!r} in this selection", field=field)
            if iid not in found:
                found.append(iid)
    return found


def edit_coverage(
    session: Session,
    selection_id: int,
    row: Candidate,
    *,
    covers: Iterable[str] = (),
    uncovers: Iterable[str] = (),
    clear: bool = False,
) -> tuple[int, ...]:
    """Change which scope items a candidate offers: first ``clear`` (none), then take ``uncovers`` off, then
    add ``covers``; an item in both lists is refused. Returns the ids covered now, sorted."""
    add = resolve_scope_items(session, selection_id, covers, field="--covers")
    drop = resolve_scope_items(session, selection_id, uncovers, field="--no-cover")
    both = [i for i in add if i in drop]
    if both:
        name = next(n for i, _, n, _ in _items(session, selection_id) if i == both[0])
        raise UserError(f"{name!r} is given to --covers too", field="--no-cover")
    current = set() if clear else set(_covered(session, row.id))
    return _store(session, row, (current - set(drop)) | set(add))


def cover_one(
    session: Session, selection_id: int, row: Candidate, scope_item_id: int, covered: bool
) -> tuple[int, ...]:
    """Mark the scope item numbered ``scope_item_id`` as offered by the candidate, or not; the ids covered now."""
    if not any(iid == scope_item_id for iid, *_ in _items(session, selection_id)):
        raise UserError(f"no scope item numbered {scope_item_id} in this selection", field="scope item")
    current = set(_covered(session, row.id))
    return _store(session, row, current | {scope_item_id} if covered else current - {scope_item_id})


def _store(session: Session, row: Candidate, wanted: set[int]) -> tuple[int, ...]:
    session.execute(delete(CandidateScope).where(col(CandidateScope.candidate_id) == row.id))
    if wanted:
        session.execute(insert(CandidateScope), [{"candidate_id": row.id, "scope_item_id": i} for i in sorted(wanted)])
    return tuple(sorted(wanted))


def _covered(session: Session, candidate_id: int | None) -> list[int]:
    return [
        int(i)
        for i in session.exec(
            select(col(CandidateScope.scope_item_id)).where(col(CandidateScope.candidate_id) == candidate_id)
        ).all()
    ]


def scope_coverage(session: Session, selection_id: int) -> dict[int, ScopeCoverage]:
    """Candidate id -> how many of the selection's outsourced scope items it offers, and which it lacks."""
    outsourced = [(iid, name) for iid, _, name, decision in _items(session, selection_id) if decision == OUTSOURCED]
    offered: dict[int, set[int]] = {}
    for cid, sid in session.exec(
        select(col(CandidateScope.candidate_id), col(CandidateScope.scope_item_id))
        .join(Candidate, col(Candidate.id) == col(CandidateScope.candidate_id))
        .where(col(Candidate.selection_id) == selection_id)
    ).all():
        offered.setdefault(int(cid), set()).add(int(sid))
    cids = session.exec(select(col(Candidate.id)).where(col(Candidate.selection_id) == selection_id)).all()
    result: dict[int, ScopeCoverage] = {}
    for key in cids:
        if key is None:  # pragma: no cover - a stored row's key
            continue
        have = offered.get(key, set())
        missing = tuple(name for iid, name in outsourced if iid not in have)
        result[key] = ScopeCoverage(covered=len(outsourced) - len(missing), of=len(outsourced), missing=missing)
    return result
