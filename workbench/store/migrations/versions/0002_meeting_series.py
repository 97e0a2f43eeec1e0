"""Meeting series: a recurring meeting and the link from each occurrence to it.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-26 12:58:26.371769
"""

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "meeting_series",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("selection_id", sa.Integer(), nullable=False),
        sa.Column("candidate_id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=40), nullable=False),
        sa.Column("timezone", sa.String(), nullable=False),
        sa.Column("start_local", sa.String(), nullable=False),
        sa.Column("freq", sa.String(), nullable=False),
        sa.Column("interval", sa.Integer(), nullable=False),
        sa.Column("count", sa.Integer(), nullable=True),
        sa.Column("until_utc", sa.DateTime(timezone=True), nullable=True),
        sa.Column("duration_minutes", sa.Integer(), nullable=False),
        sa.Column("location", sa.String(), nullable=False),
        sa.Column("status", sa.String(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.CheckConstraint("freq IN ('daily','weekly','monthly')", name=op.f("ck_meeting_series_freq")),
        sa.CheckConstraint("status IN ('active','cancelled')", name=op.f("ck_meeting_series_status")),
        sa.CheckConstraint("interval >= 1", name=op.f("ck_meeting_series_interval")),
        sa.ForeignKeyConstraint(
            ["candidate_id"],
            ["candidate.id"],
            name=op.f("fk_meeting_series_candidate_id_candidate"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["selection_id"],
            ["selection.id"],
            name=op.f("fk_meeting_series_selection_id_selection"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_meeting_series")),
    )
    with op.batch_alter_table("meeting_series", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_meeting_series_candidate_id"), ["candidate_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_meeting_series_selection_id"), ["selection_id"], unique=False)

    with op.batch_alter_table("meeting", schema=None) as batch_op:
        batch_op.add_column(sa.Column("series_id", sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column("series_index", sa.Integer(), nullable=True))
        batch_op.create_index(batch_op.f("ix_meeting_series_id"), ["series_id"], unique=False)
        batch_op.create_foreign_key(
            batch_op.f("fk_meeting_series_id_meeting_series"),
            "meeting_series",
            ["series_id"],
            ["id"],
            ondelete="SET NULL",
        )


def downgrade() -> None:
    with op.batch_alter_table("meeting", schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f("fk_meeting_series_id_meeting_series"), type_="foreignkey")
        batch_op.drop_index(batch_op.f("ix_meeting_series_id"))
        batch_op.drop_column("series_index")
        batch_op.drop_column("series_id")

    with op.batch_alter_table("meeting_series", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_meeting_series_selection_id"))
        batch_op.drop_index(batch_op.f("ix_meeting_series_candidate_id"))

    op.drop_table("meeting_series")
