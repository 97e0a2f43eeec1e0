"""A live score in one SQL statement: validated, stored (insert or overwrite) and read back at once.

The interview stores a score on every key press, so ``ScoringService.score`` first tries this
path: one ``INSERT .. SELECT .. ON CONFLICT DO UPDATE .. RETURNING`` on a SQLAlchemy Core
connection, no ORM objects. The SELECT yields the row only when every rule holds in the same
statement, against the data as it is now (nothing cached): the meeting exists and is not
cancelled, the question is on its agenda, the member (by exact name) is on the selection's
panel and expected at the meeting (``store/attendance.py``), and the member has not submitted
the scorecard. RETURNING hands back what the
service's view needs, the names included, from that same statement (a ``StoredScore``).

No row back means some rule failed, or the member was named by id or in another case: nothing
was written, and the caller runs the checked path, which names the reason or stores the score.
The statement is built once per dialect and comment mode (SQLite and PostgreSQL both accept it).

On a SQLite file the statement runs on its own, in autocommit (``store_score_autocommit``): a
single statement is its own transaction there, taking the write lock (with the busy timeout)
before it reads, and committed (WAL, ``synchronous=FULL``) when it returns, so it needs no BEGIN
IMMEDIATE and no COMMIT round trip. It is compiled once to the driver's SQL and run on a pooled
connection.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from enum import Enum
from typing import Any, Final, NamedTuple

from sqlalchemy import Integer, String, and_, bindparam, exists, select
from sqlalchemy.engine import Connection, Engine
from sqlalchemy.exc import DBAPIError

from workbench.store import core_tables as t
from workbench.store.attendance import expected_clause
from workbench.store.locks import hold_member

_CONFLICT = ("meeting_id", "question_id", "member_id")
_STATEMENTS: dict[tuple[str, bool], Any] = {}
_SQLITE: dict[tuple[bool, str], tuple[str, tuple[str, ...], dict[str, Any], Callable[[Any], Any]]] = {}


class NotRun(Enum):
    """``store_score_autocommit``'s answer when it could not run the statement on its own: use ``store_score``."""

    NOT_RUN = "not run"


NOT_RUN: Final = NotRun.NOT_RUN


class StoredScore(NamedTuple):
    """What the statement stored and read back (the value and the time are the caller's)."""

    member_id: int
    comment: str
    candidate_id: int
    candidate: str
    criterion_id: int
    criterion: str
    starts_held: bool  # the meeting is planned and has started: this score marks it held


def _statement(dialect: str, keep_comment: bool) -> Any:
    if dialect == "sqlite":
        from sqlalchemy.dialects.sqlite import insert
    elif dialect == "postgresql":
        from sqlalchemy.dialects.postgresql import insert  # type: ignore[assignment]
    else:  # pragma: no cover - only the two supported databases
        raise NotImplementedError(f"no score statement for the {dialect} dialect")
    mt, ag, pm, card, sc = t.meeting.c, t.agenda_item.c, t.panel_member.c, t.scorecard.c, t.score.c
    mid, qid, name = bindparam("mid", type_=Integer), bindparam("qid", type_=Integer), bindparam("name", type_=String)
    source = (
        select(
            mt.id,
            ag.question_id,
            pm.id,
            bindparam("value", type_=Integer),
            bindparam("comment", type_=String),
            bindparam("now", type_=sc.updated_at.type),
        )
        .select_from(
            t.meeting.join(t.agenda_item, and_(ag.meeting_id == mt.id, ag.question_id == qid)).join(
                t.panel_member, and_(pm.selection_id == mt.selection_id, pm.name == name)
            )
        )
        .where(
            mt.id == mid,
            mt.status != "cancelled",
            expected_clause(mt.id, pm.id),
            ~exists().where(card.meeting_id == mt.id, card.member_id == pm.id),
        )
    )
    stmt = insert(t.score).from_select([*_CONFLICT, "value", "comment", "updated_at"], source)
    update = ("value", "updated_at") if keep_comment else ("value", "comment", "updated_at")
    stmt = stmt.on_conflict_do_update(index_elements=list(_CONFLICT), set_={c: stmt.excluded[c] for c in update})
    # What the view names, read in the same statement by the same parameters. One table per subquery:
    # SQLite writes RETURNING's column names unqualified, so a join there would be ambiguous.
    candidate_id = select(mt.candidate_id).where(mt.id == mid).scalar_subquery()
    candidate = select(t.candidate.c.name).where(t.candidate.c.id == candidate_id).scalar_subquery()
    criterion_id = select(t.question.c.criterion_id).where(t.question.c.id == qid).scalar_subquery()
    criterion = select(t.criterion.c.name).where(t.criterion.c.id == criterion_id).scalar_subquery()
    # Whether the meeting waits to be marked held (planned, started): one more test, read in the same statement.
    starts_held = (
        exists()
        .where(mt.id == mid, mt.status == "planned", mt.start_utc <= bindparam("now", type_=sc.updated_at.type))
        .label("starts_held")
    )
    return stmt.returning(sc.member_id, sc.comment, candidate_id, candidate, criterion_id, criterion, starts_held)


def _params(mid: int, qid: int, value: int | None, name: str, comment: str | None, now: Any) -> dict[str, Any]:
    return {"mid": mid, "qid": qid, "name": name, "value": value, "comment": comment or "", "now": now}


def store_score(
    conn: Connection, mid: int, qid: int, value: int | None, name: str, comment: str | None, now: datetime
) -> StoredScore | None:
    """Store a score by the member's exact name in one statement; None when nothing was stored.

    Args:
        conn: a write connection in its transaction.
        comment: the comment; None keeps the stored one (an empty one for a new score).

    Returns:
        What was stored, or None: a rule failed (or the name is not exact) and nothing changed.
    """
    hold_member(conn, (mid, name), submitting=False)  # PostgreSQL: wait for a submit of theirs under way
    key = (conn.dialect.name, comment is None)
    stmt = _STATEMENTS.get(key)
    if stmt is None:
        stmt = _STATEMENTS[key] = _statement(*key)
    row = conn.execute(stmt, _params(mid, qid, value, name, comment, now)).first()
    return None if row is None else StoredScore(*row)


def _sqlite_sql(
    engine: Engine, keep_comment: bool
) -> tuple[str, tuple[str, ...], dict[str, Any], Callable[[Any], Any]]:
    """The statement as the driver's SQL, its parameters' names in order, their fixed values, the time's conversion."""
    dialect = engine.dialect
    key = (keep_comment, dialect.paramstyle)
    found = _SQLITE.get(key)
    if found is None:
        compiled = _statement("sqlite", keep_comment).compile(dialect=dialect)
        convert = t.score.c.updated_at.type.dialect_impl(dialect).bind_processor(dialect) or (lambda v: v)
        found = _SQLITE[key] = (str(compiled), tuple(compiled.positiontup or ()), dict(compiled.params), convert)
    return found


def _on_a_sqlite_file(engine: Engine) -> bool:
    return engine.dialect.name == "sqlite" and engine.url.database not in (None, "", ":memory:")


def store_score_autocommit(
    engine: Engine, mid: int, qid: int, value: int | None, name: str, comment: str | None, now: datetime
) -> StoredScore | NotRun | None:
    """``store_score`` as one statement committed on its own (a SQLite file): committed when it returns.

    Returns:
        What was stored; None when a rule failed (nothing changed); ``NOT_RUN`` when the database
        is not a SQLite file, or the pooled connection is not in autocommit, or inside a transaction
        (nothing run: use ``store_score`` in a unit of work).

    Raises:
        sqlalchemy.exc.DBAPIError: the driver's error, wrapped as SQLAlchemy wraps it.
    """
    if not _on_a_sqlite_file(engine):
        return NOT_RUN
    import sqlite3

    sql, names, fixed, convert = _sqlite_sql(engine, comment is None)
    values = {**fixed, **_params(mid, qid, value, name, comment, convert(now))}
    args: Any = [values[n] for n in names] if names else values  # positional (qmark), else named
    pooled = engine.raw_connection()
    try:
        driver = pooled.driver_connection
        # Only where the driver commits each statement itself (the engine's connect hook sets that up):
        # inside a transaction, or where it would open one, the statement would not be committed here.
        if driver is None or driver.isolation_level is not None or driver.in_transaction:
            return NOT_RUN
        try:
            rows = driver.execute(sql, args).fetchall()  # read to the end: the statement ends and commits
        except sqlite3.Error as exc:
            raise DBAPIError.instance(
                sql, args, exc, sqlite3.Error, hide_parameters=True, dialect=engine.dialect
            ) from exc
    finally:
        pooled.close()
    return StoredScore(*rows[0]) if rows else None
