"""Row locks that keep concurrent writers in turn on PostgreSQL (SQLite writes one at a time anyway)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from sqlalchemy import and_, select
from sqlalchemy.engine import Connection

from workbench.store import core_tables as t

if TYPE_CHECKING:
    from sqlmodel import Session

    from workbench.store.models import Meeting


def hold_member(conn: Connection, member: int | tuple[int, str], *, submitting: bool) -> bool:
    """On PostgreSQL, lock a panel member's row until the transaction ends: shared to score, exclusive to submit.

    ``member``: the member's id, or (meeting id, exact name) for a member of that meeting's selection.

    Under READ COMMITTED a score's statement could otherwise miss a submit that another terminal
    has written but not yet committed, and store a score after the scorecard was submitted (and
    left out of what the submit returned). With the lock, a score waits for a submit under way and
    its next statement sees the scorecard (refused); a submit waits for the scores under way and
    reads them. SQLite needs none: a writer holds the whole database's write lock.

    Returns:
        Whether a lock was taken (PostgreSQL): what was read before it may have changed meanwhile.
    """
    if conn.dialect.name != "postgresql":
        return False
    pm, mt = t.panel_member.c, t.meeting.c
    if isinstance(member, tuple):
        mid, name = member
        rows = (
            select(pm.id)
            .select_from(t.meeting.join(t.panel_member, and_(pm.selection_id == mt.selection_id, pm.name == name)))
            .where(mt.id == mid)
        )
    else:
        rows = select(pm.id).where(pm.id == member)
    conn.execute(rows.with_for_update(read=not submitting, of=t.panel_member))
    return True


def lock_meeting(session: Session, meeting_id: int) -> Meeting | None:
    """The meeting row, locked until the end of the unit of work on PostgreSQL (SQLite writes one at a time anyway)."""
    from sqlmodel import col, select

    from workbench.store.models import Meeting

    return session.exec(select(Meeting).where(col(Meeting.id) == meeting_id).with_for_update()).first()
