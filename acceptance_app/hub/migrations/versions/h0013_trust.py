"""hub: revocable, expiring accounts; the audit table; the hub's own record of who owns each result row

Revision ID: h0013
Revises: h0002
Create Date: 2026-12-05
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "h0013"
down_revision = "h0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("accounts") as batch:
        batch.add_column(sa.Column("disabled_at", sa.DateTime(timezone=True), nullable=True))
        batch.add_column(sa.Column("token_expires_at", sa.DateTime(timezone=True), nullable=True))
    op.create_table(
        "row_owners",
        sa.Column("entity", sa.String(length=40), nullable=False),
        sa.Column("entity_id", sa.String(length=36), nullable=False),
        sa.Column("discipline", sa.String(length=40), nullable=False),
        sa.Column("package_id", sa.String(length=36), nullable=False),
        sa.PrimaryKeyConstraint("entity", "entity_id"),
    )
    op.create_table(
        "hub_audit",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("action", sa.String(length=40), nullable=False),
        sa.Column("account_id", sa.Uuid(), nullable=True),
        sa.Column("account_name", sa.String(length=100), nullable=False),
        sa.Column("detail", sa.JSON(), nullable=False),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index("ix_hub_audit_at", "hub_audit", ["at"])


def downgrade() -> None:
    op.drop_index("ix_hub_audit_at", table_name="hub_audit")
    op.drop_table("hub_audit")
    op.drop_table("row_owners")
    with op.batch_alter_table("accounts") as batch:
        batch.drop_column("token_expires_at")
        batch.drop_column("disabled_at")
