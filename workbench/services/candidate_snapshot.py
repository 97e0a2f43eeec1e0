"""What deleting a candidate removes, kept as plain values so that one unit of work can put it all back.

The rows are found through the foreign keys of the SQLAlchemy metadata, not a fixed list of
tables: every row that ``ON DELETE CASCADE`` removes with the candidate (its scope links,
recommendations, people, checklist, series, meetings with their attendees, agenda, scores,
scorecards and notes, and any table added later), and every link that ``ON DELETE SET NULL``
clears in a row that stays.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import MetaData, Table, insert, select, update
from sqlalchemy.sql.schema import ForeignKeyConstraint
from sqlmodel import Session, SQLModel

from workbench.services.base import cast_result
from workbench.services.views.candidates import CandidateView

CHUNK = 500  # values per IN (...) list: far below SQLite's limit of bound parameters


@dataclass(frozen=True, slots=True)
class TableRows:
    """The rows of one table that the deletion removes, as stored (column values in ``columns`` order)."""

    table: str
    columns: tuple[str, ...]
    rows: tuple[tuple[Any, ...], ...]


@dataclass(frozen=True, slots=True)
class NulledLink:
    """A column of a row that stays, which the deletion sets to NULL (ON DELETE SET NULL)."""

    table: str
    key: tuple[tuple[str, Any], ...]  # primary key column -> value
    column: str
    value: Any


@dataclass(frozen=True, slots=True)
class CandidateSnapshot:
    """Everything deleting a candidate removes: its row and every row that goes with it, parents first."""

    candidate: CandidateView
    tables: tuple[TableRows, ...]
    nulled: tuple[NulledLink, ...] = ()

    def count(self, table: str) -> int:
        """How many rows of a table the snapshot holds."""
        return sum(len(t.rows) for t in self.tables if t.table == table)

    @property
    def meetings(self) -> int:
        return self.count("meeting")


@dataclass(frozen=True, slots=True)
class RestoredCandidate:
    """A candidate put back, and what could not come back because what it referred to was deleted meanwhile."""

    candidate: CandidateView
    left_out: tuple[tuple[str, int], ...] = ()  # table -> rows left out


def _single(fk: ForeignKeyConstraint) -> tuple[str, str, str]:
    """(child column, parent table, parent column) of a one-column foreign key."""
    if len(fk.elements) != 1:
        raise NotImplementedError(f"{fk.table.name}: a foreign key of several columns is not supported")
    element = fk.elements[0]
    return element.parent.name, element.column.table.name, element.column.name


def _target(fk: ForeignKeyConstraint) -> tuple[str, str]:
    _, parent, column = _single(fk)
    return parent, column


def _rule(fk: ForeignKeyConstraint) -> str:
    return (fk.ondelete or "NO ACTION").upper()


def _chunks(values: Sequence[Any]) -> Iterator[Sequence[Any]]:
    for start in range(0, len(values), CHUNK):
        yield values[start : start + CHUNK]


def _key(table: Table, row: Any) -> tuple[Any, ...]:
    return tuple(row[c.name] for c in table.primary_key.columns)


def capture(
    session: Session, root: str, key: tuple[Any, ...], metadata: MetaData | None = None
) -> tuple[tuple[TableRows, ...], tuple[NulledLink, ...]]:
    """Read the row ``key`` of table ``root`` and every row its deletion removes or changes.

    Args:
        session: the unit of work.
        root: the table of the row to be deleted.
        key: its primary key values.
        metadata: the tables (default: every SQLModel table).

    Returns:
        The removed rows per table, parents before children, and the links set to NULL.
    """
    metadata = metadata if metadata is not None else SQLModel.metadata
    tables = metadata.sorted_tables
    root_table = metadata.tables[root]
    found: dict[str, dict[tuple[Any, ...], Any]] = {t.name: {} for t in tables}
    where = [c == v for c, v in zip(root_table.primary_key.columns, key, strict=True)]
    for row in session.execute(select(root_table).where(*where)).mappings():
        found[root][_key(root_table, row)] = row
    asked: dict[tuple[int, str], set[Any]] = {}
    changed = True
    while changed:  # a table may be reached through several parents (a meeting: its candidate and its series)
        changed = False
        for table in tables:
            for fk in table.foreign_key_constraints:
                if _rule(fk) != "CASCADE":
                    continue
                child_col, parent, parent_col = _single(fk)
                done = asked.setdefault((id(fk), table.name), set())
                values = sorted({r[parent_col] for r in found[parent].values()} - done - {None})
                done.update(values)
                for chunk in _chunks(values):
                    for row in session.execute(select(table).where(table.c[child_col].in_(chunk))).mappings():
                        pk = _key(table, row)
                        if pk not in found[table.name]:
                            found[table.name][pk] = row
                            changed = True
    nulled: list[NulledLink] = []
    for table in tables:
        for fk in table.foreign_key_constraints:
            if _rule(fk) != "SET NULL":
                continue
            child_col, parent, parent_col = _single(fk)
            values = sorted({r[parent_col] for r in found[parent].values()} - {None})
            for chunk in _chunks(values):
                for row in session.execute(select(table).where(table.c[child_col].in_(chunk))).mappings():
                    if _key(table, row) not in found[table.name]:
                        pk = tuple((c.name, row[c.name]) for c in table.primary_key.columns)
                        nulled.append(NulledLink(table.name, pk, child_col, row[child_col]))
    kept = []
    for table in tables:
        rows = found[table.name]
        if rows:
            columns = tuple(c.name for c in table.columns)
            ordered = sorted(rows.items(), key=lambda item: tuple((v is None, v) for v in item[0]))
            kept.append(TableRows(table.name, columns, tuple(tuple(r[c] for c in columns) for _, r in ordered)))
    return tuple(kept), tuple(nulled)


def _existing(session: Session, table: Table, column: str, values: Iterable[Any]) -> set[Any]:
    wanted = sorted(set(values) - {None})
    present: set[Any] = set()
    for chunk in _chunks(wanted):
        present.update(session.scalars(select(table.c[column]).where(table.c[column].in_(chunk))))
    return present


def put_back(
    session: Session, tables: Sequence[TableRows], nulled: Sequence[NulledLink], metadata: MetaData | None = None
) -> tuple[dict[tuple[str, str], dict[Any, Any]], tuple[tuple[str, int], ...]]:
    """Insert captured rows again, with their old ids where those are free, and set the cleared links back.

    A row whose id was taken meanwhile gets a new one, and the rows that refer to it follow.
    A row that refers to something outside the snapshot that was deleted meanwhile is left
    out (with what depends on it), or keeps NULL in that column when its foreign key is
    ON DELETE SET NULL: as if that deletion had happened after this restore.

    Returns:
        (table, id column) -> {old id: new id} for the ids that changed, and how many rows each table left out.
    """
    metadata = metadata if metadata is not None else SQLModel.metadata
    state = _Restore(session, tables)
    for captured in tables:
        table = metadata.tables[captured.table]
        rows = [dict(zip(captured.columns, row, strict=True)) for row in captured.rows]
        state.insert(table, state.follow_parents(table, rows))
    for link in nulled:
        table = metadata.tables[link.table]
        fk = next(fk for fk in table.foreign_key_constraints if _single(fk)[0] == link.column)
        target = _target(fk)
        if link.value in state.dropped.get(target, set()):
            continue
        value = state.moved.get(target, {}).get(link.value, link.value)
        where = [table.c[name] == v for name, v in link.key] + [table.c[link.column].is_(None)]
        session.execute(update(table).where(*where).values({link.column: value}))
    return state.moved, tuple(sorted(state.left_out.items()))


class _Restore:
    """The ids that changed and the rows left out so far, while tables are inserted parents first."""

    def __init__(self, session: Session, tables: Sequence[TableRows]) -> None:
        self.session = session
        self.tables = {t.table: t for t in tables}
        self.moved: dict[tuple[str, str], dict[Any, Any]] = {}
        self.dropped: dict[tuple[str, str], set[Any]] = {}
        self.left_out: dict[str, int] = {}
        self._values: dict[tuple[str, str], set[Any]] = {}

    def _captured(self, table: str, column: str) -> set[Any]:
        """The values of a column among the snapshot's rows of a table."""
        key = (table, column)
        if key not in self._values:
            captured = self.tables.get(table)
            index = captured.columns.index(column) if captured is not None else -1
            self._values[key] = {row[index] for row in captured.rows} if captured is not None else set()
        return self._values[key]

    def follow_parents(self, table: Table, rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
        """Point each row at its parents' new ids; leave out (or clear) what refers to a parent that is gone.

        A parent is in the snapshot (put back just before, perhaps under a new id, or left out) or
        outside it (still stored, or deleted meanwhile).
        """
        for fk in table.foreign_key_constraints:
            child_col, parent, parent_col = _single(fk)
            target = _target(fk)
            ours = self._captured(parent, parent_col)
            outside = {r[child_col] for r in rows} - ours - {None}
            present = _existing(self.session, fk.referred_table, parent_col, outside) if outside else set()
            gone = (outside - present) | (self.dropped.get(target, set()) & ours)
            renamed = self.moved.get(target, {})
            kept = []
            for row in rows:
                value = row[child_col]
                if value is not None and value in gone:
                    if _rule(fk) == "SET NULL" and table.c[child_col].nullable:
                        row[child_col] = None
                    else:
                        self._leave_out(table, row)
                        continue
                elif value in ours and value in renamed:
                    row[child_col] = renamed[value]
                kept.append(row)
            rows = kept
        return rows

    def _leave_out(self, table: Table, row: dict[str, Any]) -> None:
        self.left_out[table.name] = self.left_out.get(table.name, 0) + 1
        for column in table.columns:  # whatever a child's foreign key may point at
            self.dropped.setdefault((table.name, column.name), set()).add(row[column.name])

    def insert(self, table: Table, rows: list[dict[str, Any]]) -> None:
        """Insert rows with their old ids; a row whose id was taken meanwhile gets a new one."""
        if not rows:
            return
        auto = table.autoincrement_column
        taken = _existing(self.session, table, auto.name, (r[auto.name] for r in rows)) if auto is not None else set()
        free = [r for r in rows if auto is None or r[auto.name] not in taken]
        if free:
            self.session.execute(insert(table), free)
        for row in rows:
            if auto is not None and row[auto.name] in taken:
                old = row.pop(auto.name)
                key = cast_result(self.session.execute(insert(table).values(row))).inserted_primary_key
                if key is None:  # pragma: no cover - an INSERT of one row has its key
                    raise RuntimeError(f"no key for the row put back into {table.name}")
                new = key[0]
                self.moved.setdefault((table.name, auto.name), {})[old] = new
