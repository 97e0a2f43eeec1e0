"""initial schema

Revision ID: 0001
Revises:
Create Date: 2026-11-26 12:51:47.355316
"""

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "selection",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("description", sa.String(), nullable=False),
        sa.Column("timezone", sa.String(), nullable=False),
        sa.Column("business_hours", sa.String(), nullable=False),
        sa.Column("business_days", sa.String(), nullable=False),
        sa.Column("date_order", sa.String(), nullable=False),
        sa.Column("rubric", sa.String(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_selection")),
        sa.UniqueConstraint("name", name=op.f("uq_selection_name")),
    )
    op.create_table(
        "candidate",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("selection_id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("website", sa.String(), nullable=False),
        sa.Column("timezone", sa.String(), nullable=False),
        sa.Column("support_hours", sa.String(), nullable=False),
        sa.Column("onsite", sa.Boolean(), nullable=False),
        sa.Column("status", sa.String(), nullable=False),
        sa.Column("baseline", sa.Boolean(), nullable=False),
        sa.Column("notes", sa.String(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.CheckConstraint(
            "status IN ('long-list','shortlisted','interviewing','finalist','chosen','declined')",
            name=op.f("ck_candidate_status"),
        ),
        sa.ForeignKeyConstraint(
            ["selection_id"], ["selection.id"], name=op.f("fk_candidate_selection_id_selection"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_candidate")),
        sa.UniqueConstraint("selection_id", "name", name=op.f("uq_candidate_selection_id_name")),
    )
    op.create_table(
        "criterion",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("selection_id", sa.Integer(), nullable=False),
        sa.Column("key", sa.String(), nullable=False),
        sa.Column("name", sa.String(), nullable=False),
        sa.Column("description", sa.String(), nullable=False),
        sa.Column("weight", sa.Float(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("anchor_1", sa.String(), nullable=False),
        sa.Column("anchor_2", sa.String(), nullable=False),
        sa.Column("anchor_3", sa.String(), nullable=False),
        sa.Column("anchor_4", sa.String(), nullable=False),
        sa.Column("anchor_5", sa.String(), nullable=False),
        sa.CheckConstraint("weight >= 0", name=op.f("ck_criterion_weight")),
        sa.ForeignKeyConstraint(
            ["selection_id"], ["selection.id"], name=op.f("fk_criterion_selection_id_selection"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_criterion")),
        sa.UniqueConstraint("selection_id", "name", name=op.f("uq_criterion_selection_id_name")),
    )
    op.create_table(
        "panel_member",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("selection_id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("role", sa.String(), nullable=False),
        sa.ForeignKeyConstraint(
            ["selection_id"], ["selection.id"], name=op.f("fk_panel_member_selection_id_selection"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_panel_member")),
        sa.UniqueConstraint("selection_id", "name", name=op.f("uq_panel_member_selection_id_name")),
    )
    op.create_table(
        "scope_item",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("selection_id", sa.Integer(), nullable=False),
        sa.Column("key", sa.String(), nullable=False),
        sa.Column("name", sa.String(), nullable=False),
        sa.Column("description", sa.String(), nullable=False),
        sa.Column("decision", sa.String(), nullable=False),
        sa.Column("priority", sa.Integer(), nullable=False),
        sa.Column("notes", sa.String(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.CheckConstraint("decision IN ('outsource','in-house','undecided')", name=op.f("ck_scope_item_decision")),
        sa.ForeignKeyConstraint(
            ["selection_id"], ["selection.id"], name=op.f("fk_scope_item_selection_id_selection"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_scope_item")),
        sa.UniqueConstraint("selection_id", "name", name=op.f("uq_scope_item_selection_id_name")),
    )
    op.create_table(
        "candidate_scope",
        sa.Column("candidate_id", sa.Integer(), nullable=False),
        sa.Column("scope_item_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["candidate_id"],
            ["candidate.id"],
            name=op.f("fk_candidate_scope_candidate_id_candidate"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["scope_item_id"],
            ["scope_item.id"],
            name=op.f("fk_candidate_scope_scope_item_id_scope_item"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("candidate_id", "scope_item_id", name=op.f("pk_candidate_scope")),
    )
    with op.batch_alter_table("candidate_scope", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_candidate_scope_scope_item_id"), ["scope_item_id"], unique=False)

    op.create_table(
        "criterion_scope",
        sa.Column("criterion_id", sa.Integer(), nullable=False),
        sa.Column("scope_item_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["criterion_id"],
            ["criterion.id"],
            name=op.f("fk_criterion_scope_criterion_id_criterion"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["scope_item_id"],
            ["scope_item.id"],
            name=op.f("fk_criterion_scope_scope_item_id_scope_item"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("criterion_id", "scope_item_id", name=op.f("pk_criterion_scope")),
    )
    with op.batch_alter_table("criterion_scope", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_criterion_scope_scope_item_id"), ["scope_item_id"], unique=False)

    op.create_table(
        "diligence_check",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("candidate_id", sa.Integer(), nullable=False),
        sa.Column("item", sa.String(), nullable=False),
        sa.Column("name", sa.String(), nullable=False),
        sa.Column("status", sa.String(), nullable=False),
        sa.Column("evidence", sa.String(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.CheckConstraint("status IN ('todo','ok','concern','n/a')", name=op.f("ck_diligence_check_status")),
        sa.ForeignKeyConstraint(
            ["candidate_id"],
            ["candidate.id"],
            name=op.f("fk_diligence_check_candidate_id_candidate"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_diligence_check")),
        sa.UniqueConstraint("candidate_id", "item", name=op.f("uq_diligence_check_candidate_id_item")),
    )
    op.create_table(
        "meeting",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("selection_id", sa.Integer(), nullable=False),
        sa.Column("candidate_id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=40), nullable=False),
        sa.Column("start_utc", sa.DateTime(timezone=True), nullable=False),
        sa.Column("timezone", sa.String(), nullable=False),
        sa.Column("duration_minutes", sa.Integer(), nullable=False),
        sa.Column("location", sa.String(), nullable=False),
        sa.Column("their_attendees", sa.String(), nullable=False),
        sa.Column("status", sa.String(), nullable=False),
        sa.Column("uid", sa.String(length=80), nullable=False),
        sa.Column("sequence", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.CheckConstraint("status IN ('planned','held','cancelled')", name=op.f("ck_meeting_status")),
        sa.CheckConstraint("duration_minutes > 0", name=op.f("ck_meeting_duration")),
        sa.ForeignKeyConstraint(
            ["candidate_id"], ["candidate.id"], name=op.f("fk_meeting_candidate_id_candidate"), ondelete="CASCADE"
        ),
        sa.ForeignKeyConstraint(
            ["selection_id"], ["selection.id"], name=op.f("fk_meeting_selection_id_selection"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_meeting")),
        sa.UniqueConstraint("uid", name=op.f("uq_meeting_uid")),
    )
    with op.batch_alter_table("meeting", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_meeting_candidate_id"), ["candidate_id"], unique=False)
        batch_op.create_index("ix_meeting_selection_start", ["selection_id", "start_utc"], unique=False)

    op.create_table(
        "question",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("selection_id", sa.Integer(), nullable=False),
        sa.Column("criterion_id", sa.Integer(), nullable=False),
        sa.Column("text", sa.String(), nullable=False),
        sa.Column("guidance", sa.String(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["criterion_id"], ["criterion.id"], name=op.f("fk_question_criterion_id_criterion"), ondelete="CASCADE"
        ),
        sa.ForeignKeyConstraint(
            ["selection_id"], ["selection.id"], name=op.f("fk_question_selection_id_selection"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_question")),
    )
    with op.batch_alter_table("question", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_question_criterion_id"), ["criterion_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_question_selection_id"), ["selection_id"], unique=False)

    op.create_table(
        "recommendation",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("candidate_id", sa.Integer(), nullable=False),
        sa.Column("recommender", sa.String(), nullable=False),
        sa.Column("company", sa.String(), nullable=False),
        sa.Column("relationship", sa.String(), nullable=False),
        sa.Column("sentiment", sa.String(), nullable=False),
        sa.Column("rating", sa.Integer(), nullable=True),
        sa.Column("experience", sa.String(), nullable=False),
        sa.Column("given_on", sa.Date(), nullable=True),
        sa.CheckConstraint("sentiment IN ('positive','neutral','negative')", name=op.f("ck_recommendation_sentiment")),
        sa.CheckConstraint("rating IS NULL OR (rating >= 1 AND rating <= 5)", name=op.f("ck_recommendation_rating")),
        sa.ForeignKeyConstraint(
            ["candidate_id"],
            ["candidate.id"],
            name=op.f("fk_recommendation_candidate_id_candidate"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_recommendation")),
    )
    with op.batch_alter_table("recommendation", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_recommendation_candidate_id"), ["candidate_id"], unique=False)

    op.create_table(
        "vendor_person",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("candidate_id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(), nullable=False),
        sa.Column("role", sa.String(), nullable=False),
        sa.Column("team", sa.String(), nullable=False),
        sa.Column("profile_url", sa.String(), nullable=False),
        sa.Column("tenure", sa.String(), nullable=False),
        sa.Column("notes", sa.String(), nullable=False),
        sa.Column("researched", sa.Boolean(), nullable=False),
        sa.Column("last_checked", sa.Date(), nullable=True),
        sa.CheckConstraint("team IN ('management','delivery')", name=op.f("ck_vendor_person_team")),
        sa.ForeignKeyConstraint(
            ["candidate_id"], ["candidate.id"], name=op.f("fk_vendor_person_candidate_id_candidate"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_vendor_person")),
    )
    with op.batch_alter_table("vendor_person", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_vendor_person_candidate_id"), ["candidate_id"], unique=False)

    op.create_table(
        "agenda_item",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("meeting_id", sa.Integer(), nullable=False),
        sa.Column("question_id", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["meeting_id"], ["meeting.id"], name=op.f("fk_agenda_item_meeting_id_meeting"), ondelete="CASCADE"
        ),
        sa.ForeignKeyConstraint(
            ["question_id"], ["question.id"], name=op.f("fk_agenda_item_question_id_question"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_agenda_item")),
        sa.UniqueConstraint("meeting_id", "question_id", name=op.f("uq_agenda_item_meeting_id_question_id")),
    )
    with op.batch_alter_table("agenda_item", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_agenda_item_question_id"), ["question_id"], unique=False)

    op.create_table(
        "meeting_member",
        sa.Column("meeting_id", sa.Integer(), nullable=False),
        sa.Column("member_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["meeting_id"], ["meeting.id"], name=op.f("fk_meeting_member_meeting_id_meeting"), ondelete="CASCADE"
        ),
        sa.ForeignKeyConstraint(
            ["member_id"],
            ["panel_member.id"],
            name=op.f("fk_meeting_member_member_id_panel_member"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("meeting_id", "member_id", name=op.f("pk_meeting_member")),
    )
    with op.batch_alter_table("meeting_member", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_meeting_member_member_id"), ["member_id"], unique=False)

    op.create_table(
        "note",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("meeting_id", sa.Integer(), nullable=False),
        sa.Column("member_id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(), nullable=False),
        sa.Column("text", sa.String(), nullable=False),
        sa.Column("owner", sa.String(), nullable=False),
        sa.Column("due", sa.Date(), nullable=True),
        sa.Column("question_id", sa.Integer(), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.CheckConstraint("kind IN ('note','decision','action','concern','gap')", name=op.f("ck_note_kind")),
        sa.ForeignKeyConstraint(
            ["meeting_id"], ["meeting.id"], name=op.f("fk_note_meeting_id_meeting"), ondelete="CASCADE"
        ),
        sa.ForeignKeyConstraint(
            ["member_id"], ["panel_member.id"], name=op.f("fk_note_member_id_panel_member"), ondelete="CASCADE"
        ),
        sa.ForeignKeyConstraint(
            ["question_id"], ["question.id"], name=op.f("fk_note_question_id_question"), ondelete="SET NULL"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_note")),
    )
    with op.batch_alter_table("note", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_note_meeting_id"), ["meeting_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_note_member_id"), ["member_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_note_question_id"), ["question_id"], unique=False)

    op.create_table(
        "question_kind",
        sa.Column("question_id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=40), nullable=False),
        sa.ForeignKeyConstraint(
            ["question_id"], ["question.id"], name=op.f("fk_question_kind_question_id_question"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("question_id", "kind", name=op.f("pk_question_kind")),
    )
    op.create_table(
        "score",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("meeting_id", sa.Integer(), nullable=False),
        sa.Column("question_id", sa.Integer(), nullable=False),
        sa.Column("member_id", sa.Integer(), nullable=False),
        sa.Column("value", sa.Integer(), nullable=True),
        sa.Column("comment", sa.String(), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.CheckConstraint("value IS NULL OR (value >= 1 AND value <= 5)", name=op.f("ck_score_value")),
        sa.ForeignKeyConstraint(
            ["meeting_id"], ["meeting.id"], name=op.f("fk_score_meeting_id_meeting"), ondelete="CASCADE"
        ),
        sa.ForeignKeyConstraint(
            ["member_id"], ["panel_member.id"], name=op.f("fk_score_member_id_panel_member"), ondelete="CASCADE"
        ),
        sa.ForeignKeyConstraint(
            ["question_id"], ["question.id"], name=op.f("fk_score_question_id_question"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_score")),
        sa.UniqueConstraint("meeting_id", "question_id", "member_id", name="uq_score_cell"),
    )
    with op.batch_alter_table("score", schema=None) as batch_op:
        batch_op.create_index("ix_score_compare", ["meeting_id", "member_id", "question_id", "value"], unique=False)
        batch_op.create_index(batch_op.f("ix_score_member_id"), ["member_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_score_question_id"), ["question_id"], unique=False)

    op.create_table(
        "scorecard",
        sa.Column("meeting_id", sa.Integer(), nullable=False),
        sa.Column("member_id", sa.Integer(), nullable=False),
        sa.Column("submitted_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["meeting_id"], ["meeting.id"], name=op.f("fk_scorecard_meeting_id_meeting"), ondelete="CASCADE"
        ),
        sa.ForeignKeyConstraint(
            ["member_id"], ["panel_member.id"], name=op.f("fk_scorecard_member_id_panel_member"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("meeting_id", "member_id", name=op.f("pk_scorecard")),
    )
    with op.batch_alter_table("scorecard", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_scorecard_member_id"), ["member_id"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("scorecard", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_scorecard_member_id"))

    op.drop_table("scorecard")
    with op.batch_alter_table("score", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_score_question_id"))
        batch_op.drop_index(batch_op.f("ix_score_member_id"))
        batch_op.drop_index("ix_score_compare")

    op.drop_table("score")
    op.drop_table("question_kind")
    with op.batch_alter_table("note", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_note_question_id"))
        batch_op.drop_index(batch_op.f("ix_note_member_id"))
        batch_op.drop_index(batch_op.f("ix_note_meeting_id"))

    op.drop_table("note")
    with op.batch_alter_table("meeting_member", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_meeting_member_member_id"))

    op.drop_table("meeting_member")
    with op.batch_alter_table("agenda_item", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_agenda_item_question_id"))

    op.drop_table("agenda_item")
    with op.batch_alter_table("vendor_person", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_vendor_person_candidate_id"))

    op.drop_table("vendor_person")
    with op.batch_alter_table("recommendation", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_recommendation_candidate_id"))

    op.drop_table("recommendation")
    with op.batch_alter_table("question", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_question_selection_id"))
        batch_op.drop_index(batch_op.f("ix_question_criterion_id"))

    op.drop_table("question")
    with op.batch_alter_table("meeting", schema=None) as batch_op:
        batch_op.drop_index("ix_meeting_selection_start")
        batch_op.drop_index(batch_op.f("ix_meeting_candidate_id"))

    op.drop_table("meeting")
    op.drop_table("diligence_check")
    with op.batch_alter_table("criterion_scope", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_criterion_scope_scope_item_id"))

    op.drop_table("criterion_scope")
    with op.batch_alter_table("candidate_scope", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_candidate_scope_scope_item_id"))

    op.drop_table("candidate_scope")
    op.drop_table("scope_item")
    op.drop_table("panel_member")
    op.drop_table("criterion")
    op.drop_table("candidate")
    op.drop_table("selection")
