"""The panel: the people on our side who interview and score; add, edit, rename, retire, restore, remove.

A member who has left the panel is *retired*, never deleted while anything refers to them: their
scores, scorecards and notes stay, the meetings that started before they were retired still expect
them (``workbench.store.attendance``), and new meetings, the member picker and the attendee choices
leave them out. A member nothing refers to (no score, scorecard, note or meeting) may be removed.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import exists
from sqlmodel import Session, col, select

from workbench.domain.email import email_problem
from workbench.domain.text import find_by_name, name_key
from workbench.services.base import Service, clean_text, parse_ref, unit_of_work, utcnow
from workbench.services.errors import Conflict, NotFound, UserError
from workbench.services.selections import find_selection
from workbench.services.views.selections import MemberView
from workbench.store.models import MeetingMember, Note, PanelMember, Score, Scorecard, stored_id
from workbench.store.name_lock import hold_names

MAX_NAME = 200


def member_view(row: PanelMember) -> MemberView:
    return MemberView(
        id=stored_id(row),
        selection_id=row.selection_id,
        name=row.name,
        role=row.role,
        email=row.email,
        retired=row.retired_at is not None,
    )


def check_email(value: str | None, *, field: str = "email") -> str:
    """An optional e-mail address ("" for none) under the text rule and the address rule; UserError naming ``field``."""
    address = clean_text(value, field=field, max_length=1000)
    if not address:
        return ""
    problem = email_problem(address)
    if problem is not None:
        raise UserError(f"{address!r} is not an e-mail address: it {problem}", field=field)
    return address


def find_member(session: Session, selection_id: int, ref: str | int) -> PanelMember:
    """The panel member named (exactly, else as the same name: any case, NFC or NFD) or numbered ``ref``.

    Retired members are found too: their history stays theirs.

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


def retired_message(name: str) -> str:
    """The words of the refusal of a retired member where only the current panel may be chosen."""
    return f"{name} is retired from the panel: restore them first with 'workbench members restore'"


def find_active_member(session: Session, selection_id: int, ref: str | int) -> PanelMember:
    """``find_member``, refusing a retired member (UserError naming --member): for new meetings' attendees."""
    row = find_member(session, selection_id, ref)
    if row.retired_at is not None:
        raise UserError(retired_message(row.name), field="--member")
    return row


def _check_name_free(session: Session, selection_id: int, name: str, *, other_than: int | None = None) -> None:
    hold_names(session, selection_id)
    key = name_key(name)
    for member in session.exec(select(PanelMember).where(col(PanelMember.selection_id) == selection_id)).all():
        if member.id != other_than and name_key(member.name) == key:
            state = " (retired)" if member.retired_at is not None else ""
            raise Conflict(f"{member.name!r}{state} is on the panel already", field="name")


def add_member(session: Session, selection_id: int, name: str, *, role: str = "", email: str = "") -> PanelMember:
    """Put someone on a selection's panel, in the caller's unit of work (a name taken in any form is refused)."""
    name = clean_text(name, field="name", required=True, max_length=MAX_NAME)
    role = clean_text(role, field="role", max_length=200)
    email = check_email(email)
    _check_name_free(session, selection_id, name)
    row = PanelMember(selection_id=selection_id, name=name, role=role, email=email)
    session.add(row)
    session.flush()
    return row


def _history(session: Session, member_id: int) -> list[str]:
    """What refers to a member, in words (empty: nothing, they may be removed)."""
    checks = (
        ("scores", col(Score.member_id)),
        ("scorecards", col(Scorecard.member_id)),
        ("notes", col(Note.member_id)),
        ("meetings", col(MeetingMember.member_id)),
    )
    found = []
    for words, column in checks:
        if session.exec(select(exists().where(column == member_id))).one():
            found.append(words)
    return found


class MemberService(Service):
    """The panel of a selection: list, add, edit, rename, retire, restore and remove members."""

    @unit_of_work(write=False)
    def list(
        self, session: Session, selection: str | int | None = None, *, include_retired: bool = False
    ) -> list[MemberView]:
        """The panel by name; the retired members too with ``include_retired`` (the history and the Panel)."""
        sel = find_selection(session, selection)
        stmt = select(PanelMember).where(col(PanelMember.selection_id) == sel.id).order_by(col(PanelMember.name))
        if not include_retired:
            stmt = stmt.where(col(PanelMember.retired_at).is_(None))
        return [member_view(r) for r in session.exec(stmt).all()]

    @unit_of_work(write=True)
    def add(
        self, session: Session, name: str, *, selection: str | int | None = None, role: str = "", email: str = ""
    ) -> MemberView:
        sel_id = stored_id(find_selection(session, selection))
        return member_view(add_member(session, sel_id, name, role=role, email=email))

    @unit_of_work(write=False)
    def get(self, session: Session, ref: str | int, *, selection: str | int | None = None) -> MemberView:
        sel = find_selection(session, selection)
        return member_view(find_member(session, stored_id(sel), ref))

    @unit_of_work(write=True)
    def edit(
        self,
        session: Session,
        ref: str | int,
        *,
        name: str | None = None,
        role: str | None = None,
        email: str | None = None,
        selection: str | int | None = None,
    ) -> MemberView:
        """Change a member's name, role or e-mail address (None: kept; an empty role or address clears it).

        A new name follows the text rule and must not be another member's in any form (``name_key``).
        """
        sel_id = stored_id(find_selection(session, selection))
        row = find_member(session, sel_id, ref)
        if name is not None:
            new = clean_text(name, field="name", required=True, max_length=MAX_NAME)
            if new != row.name:
                _check_name_free(session, sel_id, new, other_than=stored_id(row))
                row.name = new
        if role is not None:
            row.role = clean_text(role, field="role", max_length=200)
        if email is not None:
            row.email = check_email(email)
        session.add(row)
        session.flush()
        return member_view(row)

    @unit_of_work(write=True)
    def rename(self, session: Session, old: str | int, new: str, *, selection: str | int | None = None) -> MemberView:
        """Rename a member: the scores, notes and meetings stay theirs, under the new name."""
        sel_id = stored_id(find_selection(session, selection))
        row = find_member(session, sel_id, old)
        new = clean_text(new, field="name", required=True, max_length=MAX_NAME)
        if new == row.name:
            raise UserError(f"{row.name!r} has that name already", field="name")
        _check_name_free(session, sel_id, new, other_than=stored_id(row))
        row.name = new
        session.add(row)
        session.flush()
        return member_view(row)

    @unit_of_work(write=True)
    def retire(
        self, session: Session, ref: str | int, *, selection: str | int | None = None, now: datetime | None = None
    ) -> MemberView:
        """Retire a member (at ``now``, else the current time): kept in history and the meetings that started
        before, gone from new meetings, their attendee choices and the member picker."""
        sel_id = stored_id(find_selection(session, selection))
        row = find_member(session, sel_id, ref)
        if row.retired_at is not None:
            raise Conflict(f"{row.name} is retired already", field="--member")
        row.retired_at = now or utcnow()
        session.add(row)
        session.flush()
        return member_view(row)

    @unit_of_work(write=True)
    def restore(self, session: Session, ref: str | int, *, selection: str | int | None = None) -> MemberView:
        """Put a retired member back on the panel, as if never retired."""
        sel_id = stored_id(find_selection(session, selection))
        row = find_member(session, sel_id, ref)
        if row.retired_at is None:
            raise Conflict(f"{row.name} is on the panel, not retired", field="--member")
        row.retired_at = None
        session.add(row)
        session.flush()
        return member_view(row)

    @unit_of_work(write=True)
    def remove(self, session: Session, ref: str | int, *, selection: str | int | None = None) -> MemberView:
        """Delete a member nothing refers to; one with scores, scorecards, notes or meetings is refused: retire them."""
        sel_id = stored_id(find_selection(session, selection))
        row = find_member(session, sel_id, ref)
        history = _history(session, stored_id(row))
        if history:
            raise Conflict(
                f"{row.name} has {', '.join(history)} on record: retire them instead "
                "('workbench members retire'), which keeps their history",
                field="--member",
            )
        view = member_view(row)
        session.delete(row)
        session.flush()
        return view
