"""Candidates: the vendors (and the in-house baseline) of a selection, their scope and CSV import."""

from __future__ import annotations

import builtins
import os
from typing import Any

from sqlalchemy import bindparam, delete, insert
from sqlalchemy import select as sa_select
from sqlalchemy import update as sql_update
from sqlmodel import Session, col, select

from workbench.domain.text import name_key
from workbench.domain.vocabulary import CANDIDATE_STATUSES
from workbench.domain.workdays import stored_days
from workbench.services.base import unit_of_work, utcnow
from workbench.services.candidate_details import CandidateDetails
from workbench.services.candidate_entry import (
    add_candidate,
    check_one_baseline,
    check_unique_name,
    set_candidate_scope,
)
from workbench.services.candidate_fields import clean_candidate_fields
from workbench.services.candidate_snapshot import CandidateSnapshot, RestoredCandidate, capture, put_back
from workbench.services.errors import Conflict, ImportRejected
from workbench.services.lookups import find_candidate
from workbench.services.selections import find_selection
from workbench.services.validate import check_choice
from workbench.services.views.candidates import CandidateView, ImportResult
from workbench.store.models import Candidate, CandidateScope, stored_id, table_of
from workbench.store.name_lock import hold_names

_VIEW_COLUMNS = (
    col(Candidate.id),
    col(Candidate.selection_id),
    col(Candidate.name),
    col(Candidate.website),
    col(Candidate.timezone),
    col(Candidate.support_hours),
    col(Candidate.working_days),
    col(Candidate.onsite),
    col(Candidate.status),
    col(Candidate.baseline),
    col(Candidate.notes),
)


def candidate_view(row: Any, scope_ids: tuple[int, ...] = ()) -> CandidateView:
    """A view of a Candidate row (or of a row of its columns)."""
    return CandidateView(
        id=row.id,
        selection_id=row.selection_id,
        name=row.name,
        website=row.website,
        timezone=row.timezone,
        support_hours=row.support_hours,
        onsite=bool(row.onsite),
        status=row.status,
        baseline=bool(row.baseline),
        notes=row.notes,
        scope_item_ids=scope_ids,
        working_days=stored_days(row.working_days),
    )


def _scope_ids(session: Session, candidate_ids: list[int] | None, selection_id: int) -> dict[int, tuple[int, ...]]:
    stmt = select(col(CandidateScope.candidate_id), col(CandidateScope.scope_item_id))
    if candidate_ids is None:
        stmt = stmt.join(Candidate, col(Candidate.id) == col(CandidateScope.candidate_id)).where(
            col(Candidate.selection_id) == selection_id
        )
    else:
        stmt = stmt.where(col(CandidateScope.candidate_id).in_(candidate_ids))
    found: dict[int, list[int]] = {}
    for cid, sid in session.exec(stmt).all():
        found.setdefault(cid, []).append(sid)
    return {cid: tuple(sorted(ids)) for cid, ids in found.items()}


def _view_of(session: Session, row: Candidate) -> CandidateView:
    return candidate_view(row, _scope_ids(session, [stored_id(row)], row.selection_id).get(stored_id(row), ()))


class CandidateService(CandidateDetails):
    """Add, change, list and import candidates; their evidence comes from CandidateDetails."""

    @unit_of_work(write=False)
    def list(
        self, session: Session, *, selection: str | int | None = None, status: str | None = None
    ) -> list[CandidateView]:
        """The selection's candidates by name (case-insensitive), optionally of one status.

        Returns:
            The candidates, each with the scope item ids it covers.
        """
        sel = find_selection(session, selection)
        stmt = sa_select(*_VIEW_COLUMNS).where(col(Candidate.selection_id) == sel.id)
        if status is not None:
            stmt = stmt.where(col(Candidate.status) == check_choice(status, CANDIDATE_STATUSES, field="--status"))
        rows = session.execute(stmt).all()
        scopes = _scope_ids(session, None, stored_id(sel))
        rows = sorted(rows, key=lambda r: (r.name.casefold(), r.name, r.id))
        return [candidate_view(r, scopes.get(r.id, ())) for r in rows]

    @unit_of_work(write=False)
    def get(self, session: Session, ref: str | int, *, selection: str | int | None = None) -> CandidateView:
        """The candidate named (case-insensitively) or numbered ``ref``; NotFound names ``--candidate``."""
        sel = find_selection(session, selection)
        return _view_of(session, find_candidate(session, stored_id(sel), ref))

    @unit_of_work(write=True)
    def add(
        self,
        session: Session,
        name: str,
        *,
        website: str = "",
        timezone: str = "UTC",
        support_hours: str = "",
        working_days: str | tuple[int, ...] = "mon-fri",
        onsite: bool | str = False,
        status: str = "long-list",
        baseline: bool | str = False,
        notes: str = "",
        selection: str | int | None = None,
    ) -> CandidateView:
        """Add a candidate with its due-diligence checklist.

        Returns:
            The new candidate.

        Raises:
            UserError: a field is invalid (the error names it).
            Conflict: the name is taken (case-insensitively), or a second baseline.
        """
        row = add_candidate(
            session,
            find_selection(session, selection),
            name=name,
            website=website,
            timezone=timezone,
            support_hours=support_hours,
            working_days=working_days,
            onsite=onsite,
            status=status,
            baseline=baseline,
            notes=notes,
        )
        return candidate_view(row)

    @unit_of_work(write=True)
    def update(
        self, session: Session, /, ref: str | int, *, selection: str | int | None = None, **fields: Any
    ) -> CandidateView:
        """Change only the given fields (name, website, timezone, support_hours, working_days, onsite, status,
        baseline, notes).

        Returns:
            The changed candidate.
        """
        sel = find_selection(session, selection)
        row = find_candidate(session, stored_id(sel), ref)
        return _apply(session, row, clean_candidate_fields(fields))

    @unit_of_work(write=True)
    def set_status(
        self, session: Session, ref: str | int, status: str, *, selection: str | int | None = None
    ) -> CandidateView:
        """Move a candidate to another status (long-list ... chosen / declined)."""
        sel = find_selection(session, selection)
        row = find_candidate(session, stored_id(sel), ref)
        return _apply(session, row, clean_candidate_fields({"status": status}))

    @unit_of_work(write=True)
    def delete(self, session: Session, ref: str | int, *, selection: str | int | None = None) -> CandidateView:
        """Delete a candidate with its evidence, scope, meetings and scores.

        Returns:
            The candidate as it was.
        """
        row = find_candidate(session, stored_id(find_selection(session, selection)), ref)
        view = _view_of(session, row)
        _remove(session, row)
        return view

    @unit_of_work(write=False)
    def snapshot(self, session: Session, ref: str | int, *, selection: str | int | None = None) -> CandidateSnapshot:
        """Everything deleting the candidate would remove: its row, scope links, recommendations, people,
        checklist, series and meetings with attendees, agenda, scores, scorecards and notes (every table whose
        foreign keys cascade from the candidate), as plain values for ``restore``."""
        sel = find_selection(session, selection)
        return _snapshot(session, find_candidate(session, stored_id(sel), ref))

    @unit_of_work(write=True)
    def snapshot_and_delete(
        self, session: Session, ref: str | int, *, selection: str | int | None = None
    ) -> CandidateSnapshot:
        """Delete a candidate like ``delete``, returning the snapshot taken in the same transaction (for undo)."""
        row = find_candidate(session, stored_id(find_selection(session, selection)), ref)
        snap = _snapshot(session, row)
        _remove(session, row)
        return snap

    @unit_of_work(write=True)
    def restore(self, session: Session, snapshot: CandidateSnapshot) -> RestoredCandidate:
        """Put a deleted candidate back with everything its deletion removed, in one unit of work.

        Ids stay the same where they are free. A row referring to something deleted meanwhile (a panel
        member, a question, a scope item) stays out, as if that deletion came after this one.

        Returns:
            The candidate as stored again, and how many rows of each table were left out.

        Raises:
            NotFound: the selection was deleted meanwhile.
            Conflict: a candidate of the same name (or a second baseline) was added meanwhile; nothing changed.
        """
        view = snapshot.candidate
        sel = find_selection(session, view.selection_id)
        try:
            check_unique_name(session, stored_id(sel), view.name)
            if view.baseline:
                check_one_baseline(session, stored_id(sel))
        except Conflict as exc:
            raise Conflict(
                f"cannot bring back {view.name!r}: {exc.args[0]}; rename or delete that one first", field=exc.field
            ) from None
        moved, left_out = put_back(session, snapshot.tables, snapshot.nulled)
        row = session.get(Candidate, moved.get(("candidate", "id"), {}).get(view.id, view.id))
        if row is None:  # pragma: no cover - the candidate row has no parent but the selection checked above
            raise Conflict(f"cannot bring back {view.name!r}", field="name")
        return RestoredCandidate(_view_of(session, row), left_out)

    @unit_of_work(write=True)
    def set_scope(
        self,
        session: Session,
        candidate_ref: str | int,
        scope_item_ids: builtins.list[int],
        *,
        selection: str | int | None = None,
    ) -> CandidateView:
        """Replace the scope items a candidate covers.

        Args:
            candidate_ref: the candidate's name or id.
            scope_item_ids: ids of scope items of the same selection.

        Returns:
            The candidate with its new scope.
        """
        sel = find_selection(session, selection)
        row = find_candidate(session, stored_id(sel), candidate_ref)
        return candidate_view(row, set_candidate_scope(session, stored_id(sel), row, scope_item_ids))

    def import_csv(
        self, path: str | os.PathLike[str], *, update: bool = False, selection: str | int | None = None
    ) -> ImportResult:
        """Import candidates from a CSV file, all or nothing.

        Args:
            path: the CSV file (columns name, website, timezone, support_hours, onsite, status, notes).
            update: update candidates whose name exists already instead of refusing them.
            selection: the selection to import into.

        Returns:
            How many candidates were created and updated, and their names in file order.

        Raises:
            ImportRejected: every problem of the file, with its line; nothing was written.
            UserError: the file cannot be read.
        """
        from workbench.imports.candidates_csv import parse_candidates_csv

        rows, problems = parse_candidates_csv(path)  # before the transaction: no write lock while reading
        return self._write_import(os.fspath(path), rows, problems, update=update, selection=selection)

    @unit_of_work(write=True)
    def _write_import(
        self,
        session: Session,
        source: str,
        rows: builtins.list[Any],
        problems: builtins.list[tuple[int, str]],
        *,
        update: bool,
        selection: str | int | None,
    ) -> ImportResult:
        """Check the parsed rows against the stored names, then write them all in this one transaction."""
        sel = find_selection(session, selection)
        problems = list(problems)
        hold_names(session, stored_id(sel))
        existing = {
            name_key(name): cid
            for cid, name in session.exec(
                select(col(Candidate.id), col(Candidate.name)).where(col(Candidate.selection_id) == sel.id)
            ).all()
        }
        if not update:
            for row in rows:
                if name_key(row.name) in existing:
                    problems.append(
                        (
                            row.line,
                            f"name: a candidate named {row.name!r} exists already in this selection "
                            "(import with --update to update it)",
                        )
                    )
        if problems:
            raise ImportRejected(source, sorted(problems, key=lambda p: p[0]))
        now = utcnow()
        creates: builtins.list[dict[str, Any]] = []
        updates: builtins.list[dict[str, Any]] = []
        for row in rows:
            cid = existing.get(name_key(row.name))
            if cid is None:
                values = {
                    "website": "",
                    "timezone": "UTC",
                    "support_hours": "",
                    "onsite": False,
                    "status": "long-list",
                    "notes": "",
                    **row.fields,
                }
                creates.append(
                    {"selection_id": sel.id, "baseline": False, "created_at": now, "updated_at": now, **values}
                )
            else:
                # the name is the key: a stored "Acme" stays "Acme" when the file says "ACME" (or "Ａｃｍｅ")
                updates.append({"id": cid, "updated_at": now, **{k: v for k, v in row.fields.items() if k != "name"}})
        _bulk_update(session, updates)
        if creates:
            # A plain executemany; the checklist rows of imported candidates are made on first look (checks()).
            session.execute(insert(table_of(Candidate)), creates)
        return ImportResult(created=len(creates), updated=len(updates), names=tuple(r.name for r in rows))


def _remove(session: Session, row: Candidate) -> None:
    """Delete a candidate; the database's cascades take what belongs to it."""
    session.execute(delete(Candidate).where(col(Candidate.id) == row.id))
    session.expunge(row)


def _snapshot(session: Session, row: Candidate) -> CandidateSnapshot:
    tables, nulled = capture(session, Candidate.__tablename__, (row.id,))
    return CandidateSnapshot(_view_of(session, row), tables, nulled)


def _apply(session: Session, row: Candidate, values: dict[str, Any]) -> CandidateView:
    if "name" in values:
        check_unique_name(session, row.selection_id, values["name"], except_id=row.id)
    if values.get("baseline") and not row.baseline:
        check_one_baseline(session, row.selection_id, except_id=row.id)
    for name, value in values.items():
        setattr(row, name, value)
    row.updated_at = utcnow()
    session.add(row)
    session.flush()
    return _view_of(session, row)


def _bulk_update(session: Session, updates: list[dict[str, Any]]) -> None:
    """UPDATE candidates by id with executemany, one statement per set of columns."""
    table = table_of(Candidate)
    groups: dict[tuple[str, ...], list[dict[str, Any]]] = {}
    for values in updates:
        keys = tuple(sorted(k for k in values if k != "id"))
        groups.setdefault(keys, []).append({f"v_{k}": v for k, v in values.items()})
    for keys, params in groups.items():
        stmt = sql_update(table).where(table.c.id == bindparam("v_id")).values({k: bindparam(f"v_{k}") for k in keys})
        session.execute(stmt, params)
