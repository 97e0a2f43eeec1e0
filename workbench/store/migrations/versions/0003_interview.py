"""Live interview: resume position and question timers per meeting and member, carried-over agenda items.

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-26 15:33:14.642841
"""

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "interview_position",
        sa.Column("meeting_id", sa.Integer(), nullable=False),
        sa.Column("member_id", sa.Integer(), nullable=False),
        sa.Column("question_id", sa.Integer(), nullable=True),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["meeting_id"], ["meeting.id"], name=op.f("fk_interview_position_meeting_id_meeting"), ondelete="CASCADE"
        ),
        sa.ForeignKeyConstraint(
            ["member_id"],
            ["panel_member.id"],
            name=op.f("fk_interview_position_member_id_panel_member"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["question_id"],
            ["question.id"],
            name=op.f("fk_interview_position_question_id_question"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("meeting_id", "member_id", name=op.f("pk_interview_position")),
    )
    with op.batch_alter_table("interview_position", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_interview_position_member_id"), ["member_id"], unique=False)

    op.create_table(
        "question_timer",
        sa.Column("meeting_id", sa.Integer(), nullable=False),
        sa.Column("member_id", sa.Integer(), nullable=False),
        sa.Column("question_id", sa.Integer(), nullable=False),
        sa.Column("elapsed_seconds", sa.Float(), nullable=False),
        sa.Column("running_since", sa.DateTime(timezone=True), nullable=True),
        sa.CheckConstraint("elapsed_seconds >= 0", name=op.f("ck_question_timer_elapsed")),
        sa.ForeignKeyConstraint(
            ["meeting_id"], ["meeting.id"], name=op.f("fk_question_timer_meeting_id_meeting"), ondelete="CASCADE"
        ),
        sa.ForeignKeyConstraint(
            ["member_id"],
            ["panel_member.id"],
            name=op.f("fk_question_timer_member_id_panel_member"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["question_id"], ["question.id"], name=op.f("fk_question_timer_question_id_question"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("meeting_id", "member_id", "question_id", name=op.f("pk_question_timer")),
    )
    with op.batch_alter_table("question_timer", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_question_timer_member_id"), ["member_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_question_timer_question_id"), ["question_id"], unique=False)

    op.create_table(
        "carried_gap",
        sa.Column("note_id", sa.Integer(), nullable=False),
        sa.Column("question_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(["note_id"], ["note.id"], name=op.f("fk_carried_gap_note_id_note"), ondelete="CASCADE"),
        sa.ForeignKeyConstraint(
            ["question_id"], ["question.id"], name=op.f("fk_carried_gap_question_id_question"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("note_id", name=op.f("pk_carried_gap")),
    )
    with op.batch_alter_table("carried_gap", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_carried_gap_question_id"), ["question_id"], unique=False)

    with op.batch_alter_table("agenda_item", schema=None) as batch_op:
        batch_op.add_column(sa.Column("carried_from", sa.Integer(), nullable=True))
        batch_op.create_foreign_key(
            batch_op.f("fk_agenda_item_carried_from_meeting"), "meeting", ["carried_from"], ["id"], ondelete="SET NULL"
        )


def downgrade() -> None:
    with op.batch_alter_table("agenda_item", schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f("fk_agenda_item_carried_from_meeting"), type_="foreignkey")
        batch_op.drop_column("carried_from")

    with op.batch_alter_table("carried_gap", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_carried_gap_question_id"))

    op.drop_table("carried_gap")
    with op.batch_alter_table("question_timer", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_question_timer_question_id"))
        batch_op.drop_index(batch_op.f("ix_question_timer_member_id"))

    op.drop_table("question_timer")
    with op.batch_alter_table("interview_position", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_interview_position_member_id"))

    op.drop_table("interview_position")
