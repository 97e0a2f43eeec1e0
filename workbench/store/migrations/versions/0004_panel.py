"""The panel: a member's optional e-mail address, and when they were retired (NULL: on the panel).

Revision ID: 0004_panel
Revises: 0003
Create Date: 2026-12-02 18:15:00
"""

import sqlalchemy as sa
from alembic import op

revision = "0004_panel"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("panel_member", schema=None) as batch_op:
        batch_op.add_column(sa.Column("email", sa.String(), nullable=False, server_default=""))
        batch_op.add_column(sa.Column("retired_at", sa.DateTime(timezone=True), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("panel_member", schema=None) as batch_op:
        batch_op.drop_column("retired_at")
        batch_op.drop_column("email")
