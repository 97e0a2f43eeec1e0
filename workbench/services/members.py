"""The panel: the people on our side who interview and score."""

from __future__ import annotations

from sqlmodel import Session, col, select

from workbench.domain.text import find_by_name, name_key
from workbench.services.base import Service, clean_text, parse_ref, unit_of_work
from workbench.services.errors import Conflict, NotFound
from workbench.services.selections import find_selection
from workbench.services.views.selections import MemberView
from workbench.store.models import PanelMember, stored_id
from workbench.store.name_lock import hold_names


def member_view(row: PanelMember) -> MemberView:
    return MemberView(id=stored_id(row), selection_id=row.selection_id, name=row.name, role=row.role)


def find_member(session: Session, selection_id: int, ref: str | int) -> PanelMember:
    """The panel member named (exactly, else as the same name: any case, NFC or NFD) or numbered ``ref``.

    Raises:
        NotFound: no such member in the selection (field ``--member``).
    """
    number, text = parse_ref(ref)
    rows = session.exec(
        select(PanelMember).where(col(PanelMember.selection_id) == selection_id).order_by(col(PanelMember.id))
    ).all()
    row = find_by_name(rows, text, lambda m: m.name)
    if row is None and number is not None:
        row = session.get(PanelMember, number)
        if row is not None and row.selection_id != selection_id:
            row = None
    if row is None:
        raise NotFound(f"no panel member named {text!r} in this selection", field="--member")
    return row


def add_member(session: Session, selection_id: int, name: str, *, role: str = "") -> PanelMember:
    """Put someone on a selection's panel, in the caller's unit of work (a name taken in any form is refused)."""
    name = clean_text(name, field="name", required=True, max_length=200)
    role = clean_text(role, field="role", max_length=200)
    hold_names(session, selection_id)
    existing = session.exec(select(PanelMember).where(col(PanelMember.selection_id) == selection_id)).all()
    key = name_key(name)
    for member in existing:
        if name_key(member.name) == key:
            raise Conflict(f"{member.name!r} is on the panel already", field="name")
    row = PanelMember(selection_id=selection_id, name=name, role=role)
    session.add(row)
    session.flush()
    return row


class MemberService(Service):
    """List and add panel members."""

    @unit_of_work(write=False)
    def list(self, session: Session, selection: str | int | None = None) -> list[MemberView]:
        sel = find_selection(session, selection)
        rows = session.exec(
            select(PanelMember).where(col(PanelMember.selection_id) == sel.id).order_by(col(PanelMember.name))
        ).all()
        return [member_view(r) for r in rows]

    @unit_of_work(write=True)
    def add(self, session: Session, name: str, *, selection: str | int | None = None, role: str = "") -> MemberView:
        return member_view(add_member(session, stored_id(find_selection(session, selection)), name, role=role))

    @unit_of_work(write=False)
    def get(self, session: Session, ref: str | int, *, selection: str | int | None = None) -> MemberView:
        sel = find_selection(session, selection)
        return member_view(find_member(session, stored_id(sel), ref))
