"""Action items across a selection: listed (overdue first), closed, reopened or dropped, carried to the next meeting.

Whose actions a member sees is the independence rule on notes (``MeetingPanel.may_see_notes_of``):
their own, and the others' once they are not withheld from them. Nobody named (the command line
without --as, the minutes) sees a meeting's actions once every member expected has submitted, as
the minutes do: a list for everyone never shows notes still withheld from one of them.
"""

from __future__ import annotations

import builtins
from collections.abc import Iterable
from datetime import date, datetime
from typing import Any
from zoneinfo import ZoneInfo

from sqlmodel import Session, col, select

from workbench.domain.independence import MeetingPanel
from workbench.domain.text import is_blank, name_key
from workbench.domain.vocabulary import ACTION_STATES
from workbench.services.base import Service, parse_ref, unit_of_work, utcnow
from workbench.services.errors import NotFound, UserError
from workbench.services.independence import meeting_panels
from workbench.services.lookups import find_meeting
from workbench.services.members import find_member
from workbench.services.note_history import keep_revision
from workbench.services.selections import find_selection
from workbench.services.views.actions import ActionView
from workbench.store.models import Candidate, Meeting, Note, PanelMember, Selection, stored_id

_ORDER = {state: i for i, state in enumerate(ACTION_STATES)}


def today_in(zone: str, now: datetime | None = None) -> date:
    """Today's date in a selection's zone (an unknown zone: UTC)."""
    try:
        tz = ZoneInfo(zone)
    except (ValueError, KeyError, OSError):
        tz = ZoneInfo("UTC")
    return (now or utcnow()).astimezone(tz).date()


def visible(panel: MeetingPanel, author: int, viewer: int | None) -> bool:
    """Whether ``viewer`` (None: everyone, as the minutes) may see an action by ``author`` at a meeting."""
    if viewer is None:
        return panel.complete
    return panel.may_see_notes_of(viewer, author)


def _rows(session: Session, *where: Any) -> list[tuple[Note, str, Meeting, str]]:
    stmt = (
        select(Note, col(PanelMember.name), Meeting, col(Candidate.name))
        .join(PanelMember, col(PanelMember.id) == col(Note.member_id))
        .join(Meeting, col(Meeting.id) == col(Note.meeting_id))
        .join(Candidate, col(Candidate.id) == col(Meeting.candidate_id))
        .where(col(Note.kind) == "action", *where)
    )
    return [(n, who, m, cand) for n, who, m, cand in session.exec(stmt).all()]


def action_view(note: Note, author: str, meeting: Meeting, candidate: str, today: date) -> ActionView:
    return ActionView(
        id=stored_id(note),
        meeting_id=stored_id(meeting),
        meeting_start=meeting.start_utc,
        candidate_id=meeting.candidate_id,
        candidate=candidate,
        member=author,
        member_id=note.member_id,
        text=note.text,
        owner=note.owner,
        due=note.due,
        state=note.state,
        overdue=note.state == "open" and note.due is not None and note.due < today,
        created_at=note.created_at,
    )


def sort_actions(actions: Iterable[ActionView]) -> list[ActionView]:
    """Overdue first, then open, done, dropped; by due date within each (no date last), then as written."""
    return sorted(
        actions,
        key=lambda a: (not a.overdue, _ORDER.get(a.state, 9), a.due is None, a.due or date.min, a.created_at, a.id),
    )


def _viewer(session: Session, selection_id: int, member: str | int | None, field: str) -> int | None:
    if member is None or not str(member).strip():
        return None
    try:
        return stored_id(find_member(session, selection_id, member))
    except NotFound as exc:
        raise NotFound(str(exc.args[0]), field=field) from None


def carried_actions(
    session: Session, meetings: Iterable[Meeting], *, viewer: int | None, now: datetime | None = None
) -> dict[int, list[ActionView]]:
    """For each meeting, the open actions of its candidate's earlier (not cancelled) meetings ``viewer`` may see."""
    wanted = list(meetings)
    if not wanted:
        return {}
    cand_ids = sorted({m.candidate_id for m in wanted})
    rows = _rows(
        session, col(Note.state) == "open", col(Meeting.candidate_id).in_(cand_ids), col(Meeting.status) != "cancelled"
    )
    panels = meeting_panels(session, meeting_ids=[stored_id(m) for _, _, m, _ in rows])
    zones = dict(
        session.exec(
            select(col(Selection.id), col(Selection.timezone)).where(
                col(Selection.id).in_(sorted({m.selection_id for m in wanted}))
            )
        ).all()
    )
    out: dict[int, list[ActionView]] = {}
    for target in wanted:
        here = (target.start_utc, stored_id(target))
        today = today_in(zones.get(target.selection_id, "UTC"), now)
        out[stored_id(target)] = sort_actions(
            action_view(n, who, m, cand, today)
            for n, who, m, cand in rows
            if m.candidate_id == target.candidate_id
            and (m.start_utc, stored_id(m)) < here
            and visible(panels[stored_id(m)], n.member_id, viewer)
        )
    return out


class ActionService(Service):
    """The action items of a selection's meetings."""

    @unit_of_work(write=False)
    def list(
        self,
        session: Session,
        *,
        selection: str | int | None = None,
        member: str | int | None = None,
        open_only: bool = False,
        owner: str | None = None,
        now: datetime | None = None,
    ) -> list[ActionView]:
        """The actions of a selection's meetings that ``member`` may see (None: those shown to everyone).

        Args:
            selection: the selection's name or id (may be left out when there is one).
            member: the panel member looking (NotFound naming --as when there is none such).
            open_only: only the open ones.
            owner: only those this owner does (the same name in any case or spacing).
            now: the time "overdue" is judged at (default: now), in the selection's zone.

        Returns:
            Overdue first, then open, done, dropped; by due date (no date last).
        """
        sel = find_selection(session, selection)
        viewer = _viewer(session, stored_id(sel), member, "--as")
        rows = _rows(session, col(Meeting.selection_id) == sel.id)
        panels = meeting_panels(session, selection_id=stored_id(sel))
        today = today_in(sel.timezone, now)
        if owner is not None and is_blank(str(owner)):
            raise UserError("give the owner's name", field="--owner")
        wanted_owner = None if owner is None else name_key(str(owner))
        return sort_actions(
            action_view(n, who, m, cand, today)
            for n, who, m, cand in rows
            if visible(panels[stored_id(m)], n.member_id, viewer)
            and (not open_only or n.state == "open")
            and (wanted_owner is None or name_key(n.owner) == wanted_owner)
        )

    @unit_of_work(write=False)
    def carried(
        self, session: Session, meeting_id: str | int, *, member: str | int | None = None, now: datetime | None = None
    ) -> builtins.list[ActionView]:
        """The open actions of the candidate's earlier meetings, for the start of this one (what ``member`` may see)."""
        meeting = find_meeting(session, meeting_id)
        viewer = _viewer(session, meeting.selection_id, member, "--member")
        return carried_actions(session, [meeting], viewer=viewer, now=now)[stored_id(meeting)]

    @unit_of_work(write=True)
    def set_state(
        self, session: Session, action_id: str | int, state: str, *, member: str | int, now: datetime | None = None
    ) -> ActionView:
        """Mark an action done, open again or dropped, as ``member`` (who must be able to see it); history kept.

        Raises:
            NotFound: no action numbered so (field ACTION), or one ``member`` may not see yet.
            UserError: the note is not an action (ACTION); an unknown state (--state); an unknown member (--member).
        """
        if state not in ACTION_STATES:
            raise UserError(f"{state!r} is not a state: open, done or dropped", field="--state")
        number, text = parse_ref(action_id)
        found = _rows(session, col(Note.id) == number) if number is not None else []
        if not found:
            kind = session.exec(select(col(Note.kind)).where(col(Note.id) == number)).first() if number else None
            if kind is not None:
                raise UserError(f"note {number} is a {kind}, not an action: it has no state", field="ACTION")
            raise NotFound(f"no action numbered {text!r}", field="ACTION")
        note, author, meeting, candidate = found[0]
        who = find_member(session, meeting.selection_id, member)
        panels = meeting_panels(session, meeting_ids=[stored_id(meeting)])
        if not panels[stored_id(meeting)].may_see_notes_of(stored_id(who), note.member_id):
            # Withheld from them: said as if it were not there, so nothing of it leaks.
            raise NotFound(f"no action numbered {text!r}", field="ACTION")
        at = now or utcnow()
        if note.state != state:
            keep_revision(session, note, change="state", by=stored_id(who), at=at)
            note.state = state
            note.updated_at = at
            session.add(note)
            session.flush()
        sel_zone = session.exec(select(col(Selection.timezone)).where(col(Selection.id) == meeting.selection_id)).one()
        return action_view(note, author, meeting, candidate, today_in(sel_zone, now))
