"""Light SQLAlchemy Core handles on the few tables the home screen reads and a live score writes.

Defining the SQLModel classes of ``models.py`` (and importing SQLModel and pydantic for them)
costs a good part of a second, which the first screen with data would wait for. These handles
name only the tables and columns the overview reads and the live interview's score statement
(``workbench/store/live_score.py``) touches, with the same types, and need nothing but
SQLAlchemy Core. ``models.py`` stays the one definition of the schema: a test checks that every
column named here exists there with the same type.
"""

from __future__ import annotations

from sqlalchemy import Integer, String, column, table

from workbench.store.types import UTCDateTime

selection = table(
    "selection",
    column("id", Integer),
    column("name", String),
    column("timezone", String),
)

panel_member = table(
    "panel_member",
    column("id", Integer),
    column("selection_id", Integer),
    column("name", String),
    column("retired_at", UTCDateTime()),
)

candidate = table(
    "candidate",
    column("id", Integer),
    column("selection_id", Integer),
    column("name", String),
    column("timezone", String),
    column("status", String),
)

meeting = table(
    "meeting",
    column("id", Integer),
    column("selection_id", Integer),
    column("candidate_id", Integer),
    column("kind", String),
    column("start_utc", UTCDateTime()),
    column("duration_minutes", Integer),
    column("location", String),
    column("status", String),
    column("sequence", Integer),
    column("updated_at", UTCDateTime()),
)

meeting_member = table(
    "meeting_member",
    column("meeting_id", Integer),
    column("member_id", Integer),
)

scorecard = table(
    "scorecard",
    column("meeting_id", Integer),
    column("member_id", Integer),
)

agenda_item = table(
    "agenda_item",
    column("meeting_id", Integer),
    column("question_id", Integer),
)

question = table(
    "question",
    column("id", Integer),
    column("criterion_id", Integer),
)

criterion = table(
    "criterion",
    column("id", Integer),
    column("name", String),
)

score = table(
    "score",
    column("meeting_id", Integer),
    column("question_id", Integer),
    column("member_id", Integer),
    column("value", Integer),
    column("comment", String),
    column("updated_at", UTCDateTime()),
)

TABLES = (
    selection,
    panel_member,
    candidate,
    meeting,
    meeting_member,
    scorecard,
    agenda_item,
    question,
    criterion,
    score,
)
