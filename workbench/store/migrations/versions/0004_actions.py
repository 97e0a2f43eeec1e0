"""Notes and actions: an action's state (open, done, dropped) and the history of every changed or deleted note.

Revision ID: 0004_actions
Revises: 0004_ourside
Create Date: 2026-12-02 18:12:00
"""

import sqlalchemy as sa
from alembic import op

revision = "0004_actions"
down_revision = "0004_ourside"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("note", schema=None) as batch_op:
        batch_op.add_column(sa.Column("state", sa.String(), nullable=False, server_default="open"))
        batch_op.create_check_constraint(op.f("ck_note_state"), "state IN ('open','done','dropped')")

    op.create_table(
        "note_revision",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("note_id", sa.Integer(), nullable=False),
        sa.Column("meeting_id", sa.Integer(), nullable=False),
        sa.Column("author_id", sa.Integer(), nullable=False),
        sa.Column("changed_by", sa.Integer(), nullable=False),
        sa.Column("change", sa.String(), nullable=False),
        sa.Column("kind", sa.String(), nullable=False),
        sa.Column("text", sa.String(), nullable=False),
        sa.Column("owner", sa.String(), nullable=False),
        sa.Column("due", sa.Date(), nullable=True),
        sa.Column("state", sa.String(), nullable=False),
        sa.Column("written_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("changed_at", sa.DateTime(timezone=True), nullable=False),
        sa.CheckConstraint("change IN ('edited','deleted','state')", name=op.f("ck_note_revision_change")),
        sa.ForeignKeyConstraint(
            ["meeting_id"], ["meeting.id"], name=op.f("fk_note_revision_meeting_id_meeting"), ondelete="CASCADE"
        ),
        sa.ForeignKeyConstraint(
            ["author_id"], ["panel_member.id"], name=op.f("fk_note_revision_author_id_panel_member"), ondelete="CASCADE"
        ),
        sa.ForeignKeyConstraint(
            ["changed_by"],
            ["panel_member.id"],
            name=op.f("fk_note_revision_changed_by_panel_member"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_note_revision")),
    )
    with op.batch_alter_table("note_revision", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_note_revision_note_id"), ["note_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_note_revision_meeting_id"), ["meeting_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_note_revision_author_id"), ["author_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_note_revision_changed_by"), ["changed_by"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("note_revision", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_note_revision_changed_by"))
        batch_op.drop_index(batch_op.f("ix_note_revision_author_id"))
        batch_op.drop_index(batch_op.f("ix_note_revision_meeting_id"))
        batch_op.drop_index(batch_op.f("ix_note_revision_note_id"))
    op.drop_table("note_revision")
    with op.batch_alter_table("note", schema=None) as batch_op:
        batch_op.drop_constraint(op.f("ck_note_state"), type_="check")
        batch_op.drop_column("state")
