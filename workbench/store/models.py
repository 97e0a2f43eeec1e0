"""SQLModel tables: every concept of the specification, with keys and indexes."""

# No `from __future__ import annotations` here: SQLModel reads the annotations at runtime.

from collections.abc import Iterable
from datetime import date, datetime
from typing import Protocol

from sqlalchemy import CheckConstraint, Column, ForeignKey, Index, Integer, Table, UniqueConstraint
from sqlmodel import Field, SQLModel

from workbench.domain import vocabulary as v
from workbench.store.types import UTCDateTime

SQLModel.metadata.naming_convention = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}

# Every foreign key names its ON DELETE rule so that SQLite and PostgreSQL behave alike.


def _fk(target: str, *, nullable: bool = False, ondelete: str = "CASCADE", index: bool = True) -> Column[int]:
    return Column(Integer, ForeignKey(target, ondelete=ondelete), nullable=nullable, index=index)


def _one_of(column: str, words: Iterable[str]) -> str:
    """The SQL of a check constraint that ``column`` holds one of ``words``: ``status IN ('a','b')``."""
    quoted = ",".join("'" + word.replace("'", "''") + "'" for word in words)
    return f"{column} IN ({quoted})"


class Selection(SQLModel, table=True):
    """One outsourcing decision."""

    __tablename__ = "selection"
    id: int | None = Field(default=None, primary_key=True)
    name: str = Field(unique=True, max_length=200)
    description: str = ""
    timezone: str = "UTC"
    business_hours: str = "09:00-17:00"
    business_days: str = "0,1,2,3,4"  # ISO weekday numbers, Monday = 0
    date_order: str = "dmy"  # how an all-numeric date like 03/04/2027 is read: dmy or mdy
    rubric: str = ""
    created_at: datetime = Field(sa_type=UTCDateTime)


class ScopeItem(SQLModel, table=True):
    """An IT function and whether it goes out."""

    __tablename__ = "scope_item"
    __table_args__ = (
        UniqueConstraint("selection_id", "name"),
        CheckConstraint(_one_of("decision", v.SCOPE_DECISIONS), name="decision"),
    )
    id: int | None = Field(default=None, primary_key=True)
    selection_id: int = Field(sa_column=_fk("selection.id", index=False))
    key: str = ""
    name: str
    description: str = ""
    decision: str = "undecided"
    priority: int = 2
    notes: str = ""
    position: int = 0


class Criterion(SQLModel, table=True):
    """A rubric criterion with its weight and anchored descriptors."""

    __tablename__ = "criterion"
    __table_args__ = (
        UniqueConstraint("selection_id", "name"),
        CheckConstraint("weight >= 0", name="weight"),
    )
    id: int | None = Field(default=None, primary_key=True)
    selection_id: int = Field(sa_column=_fk("selection.id", index=False))
    key: str = ""
    name: str
    description: str = ""
    weight: float = 1.0
    position: int = 0
    anchor_1: str = ""
    anchor_2: str = ""
    anchor_3: str = ""
    anchor_4: str = ""
    anchor_5: str = ""


class CriterionScope(SQLModel, table=True):
    """Which scope items a criterion depends on."""

    __tablename__ = "criterion_scope"
    criterion_id: int = Field(
        sa_column=Column(Integer, ForeignKey("criterion.id", ondelete="CASCADE"), primary_key=True)
    )
    scope_item_id: int = Field(
        sa_column=Column(Integer, ForeignKey("scope_item.id", ondelete="CASCADE"), primary_key=True, index=True)
    )


class Question(SQLModel, table=True):
    """A question of the bank, tied to one criterion."""

    __tablename__ = "question"
    id: int | None = Field(default=None, primary_key=True)
    selection_id: int = Field(sa_column=_fk("selection.id"))
    criterion_id: int = Field(sa_column=_fk("criterion.id"))
    text: str
    guidance: str = ""
    position: int = 0


class QuestionKind(SQLModel, table=True):
    """A meeting kind a question belongs to."""

    __tablename__ = "question_kind"
    question_id: int = Field(sa_column=Column(Integer, ForeignKey("question.id", ondelete="CASCADE"), primary_key=True))
    kind: str = Field(primary_key=True, max_length=40)


class Candidate(SQLModel, table=True):
    """A vendor, or the in-house hire baseline."""

    __tablename__ = "candidate"
    __table_args__ = (
        UniqueConstraint("selection_id", "name"),
        CheckConstraint(_one_of("status", v.CANDIDATE_STATUSES), name="status"),
    )
    id: int | None = Field(default=None, primary_key=True)
    selection_id: int = Field(sa_column=_fk("selection.id", index=False))
    name: str = Field(max_length=200)
    website: str = ""
    timezone: str = "UTC"
    support_hours: str = ""  # HH:MM-HH:MM in the candidate's zone (may run past midnight), "" when unknown
    working_days: str = Field(default="0,1,2,3,4", sa_column_kwargs={"server_default": "0,1,2,3,4"})  # Monday = 0
    onsite: bool = False
    status: str = "long-list"
    baseline: bool = False
    notes: str = ""
    created_at: datetime = Field(sa_type=UTCDateTime)
    updated_at: datetime = Field(sa_type=UTCDateTime)


class CandidateScope(SQLModel, table=True):
    """Which scope items a candidate covers."""

    __tablename__ = "candidate_scope"
    candidate_id: int = Field(
        sa_column=Column(Integer, ForeignKey("candidate.id", ondelete="CASCADE"), primary_key=True)
    )
    scope_item_id: int = Field(
        sa_column=Column(Integer, ForeignKey("scope_item.id", ondelete="CASCADE"), primary_key=True, index=True)
    )


class Recommendation(SQLModel, table=True):
    """A peer's word on a candidate."""

    __tablename__ = "recommendation"
    __table_args__ = (
        CheckConstraint(_one_of("sentiment", v.RECOMMENDATION_SENTIMENTS), name="sentiment"),
        CheckConstraint("rating IS NULL OR (rating >= 1 AND rating <= 5)", name="rating"),
    )
    id: int | None = Field(default=None, primary_key=True)
    candidate_id: int = Field(sa_column=_fk("candidate.id"))
    recommender: str
    company: str = ""
    relationship: str = ""
    sentiment: str = "neutral"
    rating: int | None = None
    experience: str = ""
    given_on: date | None = None


class VendorPerson(SQLModel, table=True):
    """Someone on the vendor's management or delivery team."""

    __tablename__ = "vendor_person"
    __table_args__ = (CheckConstraint(_one_of("team", v.VENDOR_TEAMS), name="team"),)
    id: int | None = Field(default=None, primary_key=True)
    candidate_id: int = Field(sa_column=_fk("candidate.id"))
    name: str
    role: str = ""
    team: str = "management"
    profile_url: str = ""
    tenure: str = ""
    notes: str = ""
    researched: bool = False
    last_checked: date | None = None


class DiligenceCheck(SQLModel, table=True):
    """One due-diligence checklist item for a candidate."""

    __tablename__ = "diligence_check"
    __table_args__ = (
        UniqueConstraint("candidate_id", "item"),
        CheckConstraint(_one_of("status", v.DILIGENCE_STATUSES), name="status"),
    )
    id: int | None = Field(default=None, primary_key=True)
    candidate_id: int = Field(sa_column=_fk("candidate.id", index=False))
    item: str
    name: str = ""
    status: str = "todo"
    evidence: str = ""
    position: int = 0


class PanelMember(SQLModel, table=True):
    """A person on our side who interviews and scores."""

    __tablename__ = "panel_member"
    __table_args__ = (UniqueConstraint("selection_id", "name"),)
    id: int | None = Field(default=None, primary_key=True)
    selection_id: int = Field(sa_column=_fk("selection.id", index=False))
    name: str = Field(max_length=200)
    role: str = ""
    email: str = ""  # optional; checked by workbench.domain.email
    # Retired: kept in history (past meetings, scores), gone from new meetings; NULL while on the panel.
    retired_at: datetime | None = Field(default=None, sa_type=UTCDateTime)


class MeetingSeries(SQLModel, table=True):
    """A recurring meeting: every N days, weeks or months, at a fixed wall time in its zone."""

    __tablename__ = "meeting_series"
    __table_args__ = (
        CheckConstraint(_one_of("freq", v.SERIES_FREQUENCIES), name="freq"),
        CheckConstraint("interval >= 1", name="interval"),
        CheckConstraint(_one_of("status", v.SERIES_STATUSES), name="status"),
    )
    id: int | None = Field(default=None, primary_key=True)
    selection_id: int = Field(sa_column=_fk("selection.id"))
    candidate_id: int = Field(sa_column=_fk("candidate.id"))
    kind: str = Field(max_length=40)
    timezone: str  # the organiser's IANA zone; the wall time stays fixed in it
    start_local: str  # first occurrence's wall time, ISO 8601 without offset
    freq: str = "weekly"
    interval: int = 1
    count: int | None = None
    until_utc: datetime | None = Field(default=None, sa_type=UTCDateTime)
    duration_minutes: int = 60
    location: str = ""
    status: str = "active"
    created_at: datetime = Field(sa_type=UTCDateTime)


class Meeting(SQLModel, table=True):
    """A face-to-face meeting with a candidate, stored in UTC with its zone."""

    __tablename__ = "meeting"
    __table_args__ = (
        CheckConstraint(_one_of("status", v.MEETING_STATUSES), name="status"),
        CheckConstraint("duration_minutes > 0", name="duration"),
        Index("ix_meeting_selection_start", "selection_id", "start_utc"),
    )
    id: int | None = Field(default=None, primary_key=True)
    selection_id: int = Field(sa_column=_fk("selection.id", index=False))
    candidate_id: int = Field(sa_column=_fk("candidate.id"))
    kind: str = Field(max_length=40)
    start_utc: datetime = Field(sa_type=UTCDateTime)  # stored in UTC, read back aware
    timezone: str  # the IANA zone the time was entered in
    duration_minutes: int = 60
    location: str = ""
    their_attendees: str = ""  # one per line
    status: str = "planned"
    uid: str = Field(unique=True, max_length=80)
    sequence: int = 0
    series_id: int | None = Field(default=None, sa_column=_fk("meeting_series.id", nullable=True, ondelete="SET NULL"))
    series_index: int | None = None  # 0-based position of the occurrence in its series
    created_at: datetime = Field(sa_type=UTCDateTime)
    updated_at: datetime = Field(sa_type=UTCDateTime)


class MeetingMember(SQLModel, table=True):
    """Our attendees of a meeting."""

    __tablename__ = "meeting_member"
    meeting_id: int = Field(sa_column=Column(Integer, ForeignKey("meeting.id", ondelete="CASCADE"), primary_key=True))
    member_id: int = Field(
        sa_column=Column(Integer, ForeignKey("panel_member.id", ondelete="CASCADE"), primary_key=True, index=True)
    )


class AgendaItem(SQLModel, table=True):
    """A question on a meeting's agenda, in order."""

    __tablename__ = "agenda_item"
    __table_args__ = (UniqueConstraint("meeting_id", "question_id"),)
    id: int | None = Field(default=None, primary_key=True)
    meeting_id: int = Field(sa_column=_fk("meeting.id", index=False))
    question_id: int = Field(sa_column=_fk("question.id"))
    position: int = 0
    # The earlier meeting of the series this item was carried over from (left unanswered, or a knowledge gap).
    carried_from: int | None = Field(
        default=None, sa_column=_fk("meeting.id", nullable=True, ondelete="SET NULL", index=False)
    )


class Score(SQLModel, table=True):
    """One member's score of one question in one meeting (value NULL = N/A)."""

    __tablename__ = "score"
    __table_args__ = (
        UniqueConstraint("meeting_id", "question_id", "member_id", name="uq_score_cell"),
        CheckConstraint("value IS NULL OR (value >= 1 AND value <= 5)", name="value"),
        # Covering index for the comparison aggregate: join on meeting and member, read question and value.
        Index("ix_score_compare", "meeting_id", "member_id", "question_id", "value"),
    )
    id: int | None = Field(default=None, primary_key=True)
    meeting_id: int = Field(sa_column=_fk("meeting.id", index=False))
    question_id: int = Field(sa_column=_fk("question.id"))
    member_id: int = Field(sa_column=_fk("panel_member.id"))
    value: int | None = None
    comment: str = ""
    updated_at: datetime = Field(sa_type=UTCDateTime)


class Scorecard(SQLModel, table=True):
    """A member's scorecard for a meeting; scores count once it is submitted."""

    __tablename__ = "scorecard"
    meeting_id: int = Field(sa_column=Column(Integer, ForeignKey("meeting.id", ondelete="CASCADE"), primary_key=True))
    member_id: int = Field(
        sa_column=Column(Integer, ForeignKey("panel_member.id", ondelete="CASCADE"), primary_key=True, index=True)
    )
    submitted_at: datetime = Field(sa_type=UTCDateTime)


class Note(SQLModel, table=True):
    """A note typed during a meeting: note, decision, action, concern or knowledge gap."""

    __tablename__ = "note"
    __table_args__ = (
        CheckConstraint(_one_of("kind", v.NOTE_KINDS), name="kind"),
        CheckConstraint(_one_of("state", v.ACTION_STATES), name="state"),
    )
    id: int | None = Field(default=None, primary_key=True)
    meeting_id: int = Field(sa_column=_fk("meeting.id"))
    member_id: int = Field(sa_column=_fk("panel_member.id"))
    kind: str = "note"
    text: str = ""
    owner: str = ""
    due: date | None = None
    question_id: int | None = Field(default=None, sa_column=_fk("question.id", nullable=True, ondelete="SET NULL"))
    created_at: datetime = Field(sa_type=UTCDateTime)
    updated_at: datetime = Field(sa_type=UTCDateTime)
    state: str = Field(default="open", sa_column_kwargs={"server_default": "open"})  # an action's; "open" otherwise


class NoteRevision(SQLModel, table=True):
    """A note as it was before a member changed, deleted or (an action) closed it: nothing goes without a trace.

    ``note_id`` has no foreign key on purpose: the revision of a deleted note outlives it.
    """

    __tablename__ = "note_revision"
    __table_args__ = (CheckConstraint(_one_of("change", v.NOTE_CHANGES), name="change"),)
    id: int | None = Field(default=None, primary_key=True)
    note_id: int = Field(index=True)
    meeting_id: int = Field(sa_column=_fk("meeting.id"))
    author_id: int = Field(sa_column=_fk("panel_member.id"))
    changed_by: int = Field(sa_column=_fk("panel_member.id"))
    change: str
    kind: str
    text: str
    owner: str
    due: date | None = None
    state: str
    written_at: datetime = Field(sa_type=UTCDateTime)
    changed_at: datetime = Field(sa_type=UTCDateTime)


class InterviewPosition(SQLModel, table=True):
    """Where a member was on a meeting's agenda in the live interview: reopening resumes there."""

    __tablename__ = "interview_position"
    meeting_id: int = Field(sa_column=Column(Integer, ForeignKey("meeting.id", ondelete="CASCADE"), primary_key=True))
    member_id: int = Field(
        sa_column=Column(Integer, ForeignKey("panel_member.id", ondelete="CASCADE"), primary_key=True, index=True)
    )
    question_id: int | None = Field(
        default=None, sa_column=_fk("question.id", nullable=True, ondelete="SET NULL", index=False)
    )
    updated_at: datetime = Field(sa_type=UTCDateTime)


class QuestionTimer(SQLModel, table=True):
    """A member's timer of one agenda question: seconds counted so far, and since when it runs (NULL: paused)."""

    __tablename__ = "question_timer"
    __table_args__ = (CheckConstraint("elapsed_seconds >= 0", name="elapsed"),)
    meeting_id: int = Field(sa_column=Column(Integer, ForeignKey("meeting.id", ondelete="CASCADE"), primary_key=True))
    member_id: int = Field(
        sa_column=Column(Integer, ForeignKey("panel_member.id", ondelete="CASCADE"), primary_key=True, index=True)
    )
    question_id: int = Field(
        sa_column=Column(Integer, ForeignKey("question.id", ondelete="CASCADE"), primary_key=True, index=True)
    )
    elapsed_seconds: float = 0.0
    running_since: datetime | None = Field(default=None, sa_type=UTCDateTime)


class CarriedGap(SQLModel, table=True):
    """A knowledge gap turned into a follow-up question for the next meeting (once per gap)."""

    __tablename__ = "carried_gap"
    note_id: int = Field(sa_column=Column(Integer, ForeignKey("note.id", ondelete="CASCADE"), primary_key=True))
    question_id: int = Field(sa_column=_fk("question.id"))


class _Stored(Protocol):
    @property
    def id(self) -> int | None: ...


def stored_id(row: _Stored) -> int:
    """The primary key of a row that is in the database (flushed): a row not stored yet has none.

    Raises:
        ValueError: the row has no id yet.
    """
    if row.id is None:
        raise ValueError(f"{type(row).__name__} has no id: it is not stored yet")
    return row.id


def table_of(model: type[SQLModel]) -> Table:
    """The Core table of a table model, for Core statements (SQLModel does not type ``__table__``)."""
    table = model.__table__  # type: ignore[attr-defined]  # set by SQLModel on every table=True class
    if not isinstance(table, Table):  # pragma: no cover - every model above is a table
        raise TypeError(f"{model.__name__} is not a table model")
    return table
