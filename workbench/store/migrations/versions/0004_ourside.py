"""Our side: each candidate's working days (the selection has its own already).

Revision ID: 0004_ourside
Revises: 0004_panel
Create Date: 2026-12-02 18:30:00
"""

import sqlalchemy as sa
from alembic import op

revision = "0004_ourside"
down_revision = "0004_panel"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("candidate") as batch:
        batch.add_column(sa.Column("working_days", sa.String(), nullable=False, server_default="0,1,2,3,4"))


def downgrade() -> None:
    with op.batch_alter_table("candidate") as batch:
        batch.drop_column("working_days")
