"""Checklist answers (versioned, project-level ones with unit_id NULL) and pinned form snapshots.

Revision ID: 0002
Revises: 0005
Create Date: 2026-11-25 06:39:36.895664
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("inspections", schema=None) as batch_op:
        batch_op.add_column(sa.Column("jurisdiction_hash", sa.String(length=64), nullable=False, server_default=""))
    op.create_table(
        "form_snapshots",
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.Column(
            "discipline",
            sa.Enum(
                "planning",
                "civil-air-defense",
                "fire",
                "archive",
                name="discipline",
                native_enum=False,
                length=32,
            ),
            nullable=True,
        ),
        sa.Column("version", sa.String(length=32), nullable=False),
        sa.Column("content", sa.LargeBinary(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("sha256"),
    )
    op.create_table(
        "answers",
        sa.Column("project_id", sa.Uuid(), nullable=False),
        sa.Column("unit_id", sa.Uuid(), nullable=True),
        sa.Column(
            "discipline",
            sa.Enum(
                "planning",
                "civil-air-defense",
                "fire",
                "archive",
                name="discipline",
                native_enum=False,
                length=32,
            ),
            nullable=False,
        ),
        sa.Column(
            "kind",
            sa.Enum("formal", "service", name="inspectionkind", native_enum=False, length=32),
            nullable=False,
        ),
        sa.Column("round", sa.Integer(), nullable=False),
        sa.Column("inspection_id", sa.Uuid(), nullable=False),
        sa.Column("item_id", sa.String(length=32), nullable=False),
        sa.Column("form_hash", sa.String(length=64), nullable=False),
        sa.Column(
            "verdict",
            sa.Enum("pending", "pass", "fail", "na", name="itemverdict", native_enum=False, length=32),
            nullable=False,
        ),
        sa.Column("samples", sa.JSON(), nullable=False),
        sa.Column("design_value", sa.Double(), nullable=True),
        sa.Column("choice", sa.String(length=200), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("na_reason", sa.Text(), nullable=False),
        sa.Column("answered_by", sa.String(length=100), nullable=False),
        sa.Column("answered_at", sa.DateTime(), nullable=False),
        sa.Column("sequence", sa.Integer(), nullable=False),
        sa.Column("replaces_id", sa.Uuid(), nullable=True),
        sa.Column("retired", sa.Boolean(), nullable=False),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("origin_device", sa.String(length=32), nullable=False),
        sa.ForeignKeyConstraint(["inspection_id"], ["inspections.id"], ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["project_id"], ["projects.id"], ondelete="CASCADE"),
        sa.ForeignKeyConstraint(
            ["replaces_id"],
            ["answers.id"],
        ),
        sa.ForeignKeyConstraint(["unit_id"], ["units.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("answers", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_answers_inspection_id"), ["inspection_id"], unique=False)
        batch_op.create_index(
            "ix_answers_project_scope", ["project_id", "discipline", "kind", "round", "retired"], unique=False
        )
        batch_op.create_index(
            "ix_answers_unit_scope", ["unit_id", "discipline", "kind", "round", "retired"], unique=False
        )


def downgrade() -> None:
    with op.batch_alter_table("answers", schema=None) as batch_op:
        batch_op.drop_index("ix_answers_unit_scope")
        batch_op.drop_index("ix_answers_project_scope")
        batch_op.drop_index(batch_op.f("ix_answers_inspection_id"))

    op.drop_table("answers")
    op.drop_table("form_snapshots")
    with op.batch_alter_table("inspections", schema=None) as batch_op:
        batch_op.drop_column("jurisdiction_hash")
