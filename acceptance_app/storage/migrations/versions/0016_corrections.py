"""answers.change_reason and inspections.reopen_reason: a concluded discipline is changed only with a reason

Revision ID: 0016
Revises: 0015
Create Date: 2026-12-05
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0016"
down_revision = "0015"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("answers") as batch_op:
        batch_op.add_column(sa.Column("change_reason", sa.Text(), nullable=False, server_default=""))
    with op.batch_alter_table("inspections") as batch_op:
        batch_op.add_column(sa.Column("reopen_reason", sa.Text(), nullable=False, server_default=""))


def downgrade() -> None:
    with op.batch_alter_table("inspections") as batch_op:
        batch_op.drop_column("reopen_reason")
    with op.batch_alter_table("answers") as batch_op:
        batch_op.drop_column("change_reason")
