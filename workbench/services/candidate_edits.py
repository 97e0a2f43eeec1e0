"""Editing a candidate as a whole: its fields and the scope it covers in one unit of work, and removing it
after saying what goes (``workbench candidates add|edit|remove`` and the app's profile and delete)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sqlmodel import Session

from workbench.services.base import unit_of_work
from workbench.services.candidate_coverage import cover_one, edit_coverage
from workbench.services.candidate_entry import add_candidate
from workbench.services.candidate_fields import clean_candidate_fields
from workbench.services.candidate_snapshot import CandidateSnapshot
from workbench.services.candidates import CandidateService, _apply, _remove, _snapshot, _view_of
from workbench.services.errors import Conflict, UserError
from workbench.services.lookups import find_candidate
from workbench.services.selections import find_selection
from workbench.services.views.candidates import CandidateView
from workbench.store.models import stored_id

# (table, one, many): what a removal takes, in the order a person reads it
GOES = (
    ("meeting", "meeting", "meetings"),
    ("score", "score", "scores"),
    ("scorecard", "submitted scorecard", "submitted scorecards"),
    ("note", "note", "notes"),
    ("recommendation", "recommendation", "recommendations"),
    ("vendor_person", "person", "people"),
    ("diligence_check", "checklist item", "checklist items"),
)


def what_goes(snapshot: CandidateSnapshot) -> str:
    """What deleting the candidate removes, in words: ``2 meetings, 14 scores, 3 notes, 12 checklist items``."""
    parts = [f"{n} {one if n == 1 else many}" for table, one, many in GOES if (n := snapshot.count(table))]
    return ", ".join(parts) if parts else "nothing but the candidate"


class CandidateEditService(CandidateService):
    """The candidate service with whole-candidate edits: add or edit with scope coverage, remove with a guard."""

    @unit_of_work(write=True)
    def add_with_scope(
        self,
        session: Session,
        /,
        name: str,
        *,
        covers: Sequence[str] = (),
        selection: str | int | None = None,
        **fields: Any,
    ) -> CandidateView:
        """Add a candidate (fields as in ``add``) offering the scope items ``covers`` names (names, keys or
        numbers, comma-separated lists too); nothing is stored when a field or an item is refused."""
        sel = find_selection(session, selection)
        row = add_candidate(session, sel, name=name, **{"baseline": False, **fields})
        edit_coverage(session, stored_id(sel), row, covers=covers)
        return _view_of(session, row)

    @unit_of_work(write=True)
    def edit(
        self,
        session: Session,
        /,
        ref: str | int,
        *,
        covers: Sequence[str] = (),
        uncovers: Sequence[str] = (),
        clear_covers: bool = False,
        selection: str | int | None = None,
        **fields: Any,
    ) -> CandidateView:
        """Change the given fields (``name`` renames it: the text rule and one name per selection apply) and
        the scope it covers: none first when ``clear_covers``, then ``uncovers`` off, then ``covers`` on.

        Raises:
            UserError: a field or scope item is refused, or nothing to change is given; nothing changed.
            Conflict: the new name is another candidate's (in any case or form), or a second baseline.
        """
        if not fields and not covers and not uncovers and not clear_covers:
            raise UserError("nothing to change: give a field (--name, --website, ...) or --covers/--no-cover")
        sel = find_selection(session, selection)
        row = find_candidate(session, stored_id(sel), ref)
        if fields:
            _apply(session, row, clean_candidate_fields(fields))
        if covers or uncovers or clear_covers:
            edit_coverage(session, stored_id(sel), row, covers=covers, uncovers=uncovers, clear=clear_covers)
        return _view_of(session, row)

    @unit_of_work(write=True)
    def set_covered(
        self, session: Session, ref: str | int, scope_item_id: int, covered: bool, *, selection: str | int | None = None
    ) -> CandidateView:
        """Mark one scope item (by id) as offered by the candidate, or not (the app's profile)."""
        sel = find_selection(session, selection)
        row = find_candidate(session, stored_id(sel), ref)
        cover_one(session, stored_id(sel), row, int(scope_item_id), bool(covered))
        return _view_of(session, row)

    @unit_of_work(write=True)
    def remove(
        self, session: Session, ref: str | int, *, with_meetings: bool = False, selection: str | int | None = None
    ) -> CandidateSnapshot:
        """Delete a candidate with everything that goes with it; one that has meetings only ``with_meetings``.

        Returns:
            What was deleted (``what_goes`` says it in words; ``restore`` puts it back).

        Raises:
            Conflict: the candidate has meetings and ``with_meetings`` is False (field ``--with-meetings``);
                the message says what would go. Nothing changed.
        """
        row = find_candidate(session, stored_id(find_selection(session, selection)), ref)
        snap = _snapshot(session, row)
        if snap.meetings and not with_meetings:
            raise Conflict(
                f"{row.name!r} has {what_goes(snap)}; give --with-meetings to delete them with it",
                field="--with-meetings",
            )
        _remove(session, row)
        return snap
