"""outbox: packages to send to the hub, and the pull cursor per hub

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-01
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "outbox",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("package_id", sa.String(length=36), nullable=False),
        sa.Column("project_id", sa.Uuid(), nullable=False),
        sa.Column("discipline", sa.String(length=40), nullable=False),
        sa.Column("file_path", sa.String(length=500), nullable=False),
        sa.Column("size", sa.BigInteger(), nullable=False),
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("manifest_sha256", sa.String(length=64), nullable=False),
        sa.Column("content_sha256", sa.String(length=64), nullable=False),
        sa.Column("state", sa.Enum("pending", "uploading", "sent", "failed-permanent", name="outboxstate",
                                   native_enum=False, length=32), nullable=False),
        sa.Column("bytes_confirmed", sa.BigInteger(), nullable=False),
        sa.Column("attempts", sa.Integer(), nullable=False),
        sa.Column("next_attempt_at", sa.DateTime(), nullable=False),
        sa.Column("last_error", sa.Text(), nullable=False),
        sa.Column("hub_url", sa.String(length=500), nullable=False),
        sa.Column("receipt", sa.JSON(), nullable=True),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("sent_at", sa.DateTime(), nullable=True),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("package_id"),
    )
    with op.batch_alter_table("outbox") as batch_op:
        batch_op.create_index("ix_outbox_project_id", ["project_id"])
        batch_op.create_index("ix_outbox_state", ["state"])
    op.create_table(
        "hub_pulls",
        sa.Column("hub_url", sa.String(length=500), nullable=False),
        sa.Column("cursor", sa.BigInteger(), nullable=False),
        sa.Column("pulled_at", sa.DateTime(), nullable=True),
        sa.Column("last_error", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("hub_url"),
    )


def downgrade() -> None:
    op.drop_table("hub_pulls")
    with op.batch_alter_table("outbox") as batch_op:
        batch_op.drop_index("ix_outbox_state")
        batch_op.drop_index("ix_outbox_project_id")
    op.drop_table("outbox")
