"""Light SQLAlchemy Core handles on the few tables the home screen reads.

Defining the SQLModel classes of ``models.py`` (and importing SQLModel and pydantic for them)
costs a good part of a second, which the first screen with data would wait for. These handles
name only the tables and columns the overview reads, with the same types, and need nothing but
SQLAlchemy Core. ``models.py`` stays the one definition of the schema: a test checks that every
column named here exists there with the same type.
"""

from __future__ import annotations

from sqlalchemy import DateTime, Integer, String, column, table

selection = table(
    "selection",
    column("id", Integer), column("name", String), column("timezone", String),
)

panel_member = table(
    "panel_member",
    column("id", Integer), column("selection_id", Integer), column("name", String),
)

candidate = table(
    "candidate",
    column("id", Integer), column("selection_id", Integer), column("name", String), column("timezone", String),
    column("status", String),
)

meeting = table(
    "meeting",
    column("id", Integer), column("selection_id", Integer), column("candidate_id", Integer), column("kind", String),
    column("start_utc", DateTime), column("duration_minutes", Integer), column("location", String),
    column("status", String),
)

meeting_member = table(
    "meeting_member",
    column("meeting_id", Integer), column("member_id", Integer),
)

scorecard = table(
    "scorecard",
    column("meeting_id", Integer), column("member_id", Integer),
)

TABLES = (selection, panel_member, candidate, meeting, meeting_member, scorecard)
