"""calendar: holiday tables kept in the database, and findings whose deadline was counted on weekends only

Revision ID: 0014
Revises: 0010
Create Date: 2026-12-05
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0014"
down_revision = "0010"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "calendar_tables",
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("year", sa.Integer(), nullable=False),
        sa.Column("content", sa.LargeBinary(), nullable=False),
        sa.Column("installed_by", sa.String(length=100), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("sha256"),
    )
    op.create_index("ix_calendar_tables_year", "calendar_tables", ["year"])
    with op.batch_alter_table("findings") as batch:
        batch.add_column(sa.Column("deadline_provisional", sa.Boolean(), nullable=False, server_default=sa.false()))


def downgrade() -> None:
    with op.batch_alter_table("findings") as batch:
        batch.drop_column("deadline_provisional")
    op.drop_index("ix_calendar_tables_year", table_name="calendar_tables")
    op.drop_table("calendar_tables")
