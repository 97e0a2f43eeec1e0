"""Who is expected to score a meeting, as one SQL condition that every statement asking it shares.

A meeting's expected members are its attendees when it lists any, else every panel member of
its selection who was on the panel when it started: a retired member stays expected at the
meetings that started before they were retired (and at any meeting that lists them), and new
meetings do not default to them. They are the members who may score it, whose scorecards its minutes wait for,
and who are held to the independence rule for it (``workbench.domain.independence``).

The condition is written once, on the light Core tables (``core_tables``), so the live score
statement, the home screen's counts and the services' reads all use the same one.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import and_, exists, or_, select

from workbench.store import core_tables as t


def expected_clause(meeting_id: Any, member_id: Any) -> Any:
    """True where ``member_id`` (a panel member of the meeting's selection) is expected at ``meeting_id``.

    Both arguments are SQL expressions (columns or bound parameters). The caller makes sure the
    member belongs to the meeting's selection; an attendee row always does.
    """
    mm = t.meeting_member.c
    listed = exists().where(mm.meeting_id == meeting_id, mm.member_id == member_id)
    unlisted = ~exists().where(mm.meeting_id == meeting_id)
    # Aliases, so that the condition never correlates with the caller's own meeting or panel_member.
    pm, mt = t.panel_member.alias("expected_pm").c, t.meeting.alias("expected_mt").c
    on_panel = exists().where(
        pm.id == member_id,
        mt.id == meeting_id,
        or_(pm.retired_at.is_(None), mt.start_utc < pm.retired_at),
    )
    return or_(listed, and_(unlisted, on_panel))


def expected_pairs(*, selection_id: int | None = None, meeting_ids: list[int] | None = None) -> Any:
    """(meeting_id, member_id) of every expected member of the meetings asked for (a selection's, or those ids)."""
    mt, pm = t.meeting.c, t.panel_member.c
    stmt = (
        select(mt.id.label("meeting_id"), pm.id.label("member_id"))
        .select_from(t.meeting.join(t.panel_member, pm.selection_id == mt.selection_id))
        .where(expected_clause(mt.id, pm.id))
    )
    if selection_id is not None:
        stmt = stmt.where(mt.selection_id == selection_id)
    if meeting_ids is not None:
        stmt = stmt.where(mt.id.in_(meeting_ids))
    return stmt


def is_expected(conn: Any, meeting_id: int, member_id: int) -> bool:
    """Whether a panel member of the meeting's selection is expected at the meeting (one small query)."""
    mt, pm = t.meeting.c, t.panel_member.c
    stmt = select(mt.id).where(
        mt.id == meeting_id,
        exists().where(and_(pm.id == member_id, pm.selection_id == mt.selection_id)),
        expected_clause(mt.id, member_id),
    )
    return conn.execute(stmt).first() is not None
