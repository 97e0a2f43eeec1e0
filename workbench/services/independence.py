"""The facts the independence rule needs, read in bulk: each meeting's expected members and submitted scorecards.

``meeting_panels`` reads them in two queries for any number of meetings; the rule itself is
``workbench.domain.independence.MeetingPanel``. ``require_expected`` is the one refusal of a
member who is not expected at a meeting (scoring, commenting, submitting, the live interview).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from sqlalchemy import select

from workbench.domain.independence import MeetingPanel
from workbench.services.errors import UserError
from workbench.store import core_tables as t
from workbench.store.attendance import expected_pairs, is_expected

EMPTY = MeetingPanel(expected=frozenset(), submitted=frozenset())


class Panels(Mapping[int, MeetingPanel]):
    """Meeting id -> its panel; a meeting nobody is expected at and nobody submitted has the empty one."""

    def __init__(self, panels: dict[int, MeetingPanel]) -> None:
        self._panels = panels

    def __getitem__(self, meeting_id: int) -> MeetingPanel:
        return self._panels.get(meeting_id, EMPTY)

    def __iter__(self) -> Any:
        return iter(self._panels)

    def __len__(self) -> int:
        return len(self._panels)


def meeting_panels(
    session: Any, *, selection_id: int | None = None, meeting_ids: Iterable[int] | None = None
) -> Panels:
    """The panels of a selection's meetings, or of the meetings given (a session or a Core connection).

    Two queries whatever the number of meetings.
    """
    ids = None if meeting_ids is None else sorted(set(meeting_ids))
    if ids is not None and not ids:
        return Panels({})
    expected: dict[int, set[int]] = {}
    for mid, pid in session.execute(expected_pairs(selection_id=selection_id, meeting_ids=ids)).all():
        expected.setdefault(mid, set()).add(pid)
    card, mt = t.scorecard.c, t.meeting.c
    stmt = select(card.meeting_id, card.member_id)
    if ids is not None:
        stmt = stmt.where(card.meeting_id.in_(ids))
    if selection_id is not None:
        stmt = stmt.select_from(t.scorecard.join(t.meeting, mt.id == card.meeting_id)).where(
            mt.selection_id == selection_id
        )
    submitted: dict[int, set[int]] = {}
    for mid, pid in session.execute(stmt).all():
        submitted.setdefault(mid, set()).add(pid)
    return Panels(
        {
            mid: MeetingPanel(expected=frozenset(expected.get(mid, ())), submitted=frozenset(submitted.get(mid, ())))
            for mid in expected.keys() | submitted.keys()
        }
    )


def not_expected_message(member: str, meeting_id: int) -> str:
    """The words of the refusal, the same in the app and on the command line."""
    return f"{member} is not an attendee of meeting {meeting_id}: only its attendees score it"


def require_expected(session: Any, meeting_id: int, member_id: int, member: str) -> None:
    """Refuse (UserError naming --member) a member who is not expected at the meeting: they may not score it."""
    if not is_expected(session, meeting_id, member_id):
        raise UserError(not_expected_message(member, meeting_id), field="--member")
