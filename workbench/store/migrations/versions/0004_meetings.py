"""The life of a meeting: a meeting may be "minuted" (after it was held).

Revision ID: 0004_meetings
Revises: 0004_actions
Create Date: 2026-12-02 18:20:00
"""

from alembic import op

revision = "0004_meetings"
down_revision = "0004_actions"
branch_labels = None
depends_on = None

_OLD = "status IN ('planned','held','cancelled')"
_NEW = "status IN ('planned','held','minuted','cancelled')"


def upgrade() -> None:
    with op.batch_alter_table("meeting", schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f("ck_meeting_status"), type_="check")
        batch_op.create_check_constraint(batch_op.f("ck_meeting_status"), _NEW)


def downgrade() -> None:
    op.execute("UPDATE meeting SET status = 'held' WHERE status = 'minuted'")
    with op.batch_alter_table("meeting", schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f("ck_meeting_status"), type_="check")
        batch_op.create_check_constraint(batch_op.f("ck_meeting_status"), _OLD)
