"""unit facts: what the checklist rules need (人员密集场所, sprinklers, 消防电梯, garage, stairs...) and the
inspector's overrides of derived facts (高层, 一类/二类, fire regime) with their reasons

Revision ID: 0009
Revises: 0008
Create Date: 2026-12-05
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("units") as batch_op:
        batch_op.add_column(sa.Column("facts", sa.JSON(), nullable=False, server_default="{}"))
        batch_op.add_column(sa.Column("fact_overrides", sa.JSON(), nullable=False, server_default="{}"))


def downgrade() -> None:
    with op.batch_alter_table("units") as batch_op:
        batch_op.drop_column("fact_overrides")
        batch_op.drop_column("facts")
