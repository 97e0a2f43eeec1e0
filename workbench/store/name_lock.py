"""A lock that keeps two writers from storing the same name at once on PostgreSQL.

Names are unique in their ``name_key`` form (``workbench.domain.text``): "ACME" and "acme" are one
name. The database's unique constraints compare the exact text only, so the services check the
key themselves, reading the names and then inserting in one unit of work. Under READ COMMITTED two
terminals could both read before either inserts; holding this lock for the rest of the transaction
makes them take turns. SQLite needs none: a writer holds the whole database's write lock.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from sqlalchemy import text

if TYPE_CHECKING:
    from sqlmodel import Session

_NAMESPACE = 0x57424E4D  # "WBNM": the workbench's names, apart from any other advisory lock
_ALL_SELECTIONS = 0  # the selections' own names, which are unique in the whole database


def hold_names(session: Session, selection_id: int | None) -> None:
    """Until the transaction ends, be the only writer naming things in a selection (None: naming a selection)."""
    bind = session.get_bind()
    if bind.dialect.name != "postgresql":
        return
    scope = _ALL_SELECTIONS if selection_id is None else selection_id
    session.execute(
        text("SELECT pg_advisory_xact_lock(CAST(:space AS integer), CAST(:scope AS integer))"),
        {"space": _NAMESPACE, "scope": scope % (2**31)},
    )
