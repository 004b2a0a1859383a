"""findings and commitments

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-25

Findings with their event history, and commitments (告知承诺 / 容缺). It also joins the photos (0003) and
documents (0005) branches, both made on 0001, into one head; the lead may re-chain at merge.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "commitments",
        sa.Column("project_id", sa.Uuid(), nullable=False),
        sa.Column("unit_id", sa.Uuid(), nullable=True),
        sa.Column(
            "kind",
            sa.Enum("promise", "deferred", name="commitmentkind", native_enum=False, length=32),
            nullable=False,
        ),
        sa.Column("subject", sa.String(length=500), nullable=False),
        sa.Column("promise", sa.Text(), nullable=False),
        sa.Column("party_id", sa.Uuid(), nullable=False),
        sa.Column("made_on", sa.Date(), nullable=False),
        sa.Column("due_on", sa.Date(), nullable=False),
        sa.Column(
            "status",
            sa.Enum("open", "fulfilled", "broken", name="commitmentstatus", native_enum=False, length=32),
            nullable=False,
        ),
        sa.Column("blocks_opinion", sa.Boolean(), nullable=False),
        sa.Column("created_by", sa.String(length=100), nullable=False),
        sa.Column("checked_by", sa.String(length=100), nullable=False),
        sa.Column("checked_at", sa.DateTime(), nullable=True),
        sa.Column("check_note", sa.Text(), nullable=False),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("origin_device", sa.String(length=32), nullable=False),
        sa.ForeignKeyConstraint(
            ["party_id"],
            ["parties.id"],
        ),
        sa.ForeignKeyConstraint(
            ["project_id"],
            ["projects.id"],
        ),
        sa.ForeignKeyConstraint(
            ["unit_id"],
            ["units.id"],
        ),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("commitments", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_commitments_project_id"), ["project_id"], unique=False)

    op.create_table(
        "findings",
        sa.Column("project_id", sa.Uuid(), nullable=False),
        sa.Column("unit_id", sa.Uuid(), nullable=False),
        sa.Column("inspection_id", sa.Uuid(), nullable=False),
        sa.Column("item_id", sa.String(length=40), nullable=True),
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
        sa.Column("description", sa.Text(), nullable=False),
        sa.Column(
            "item_class",
            sa.Enum("A", "B", "C", name="itemclass", native_enum=False, length=32),
            nullable=False,
        ),
        sa.Column("party_id", sa.Uuid(), nullable=False),
        sa.Column("opened_on", sa.Date(), nullable=False),
        sa.Column("deadline_days", sa.Integer(), nullable=False),
        sa.Column("deadline", sa.Date(), nullable=False),
        sa.Column(
            "status",
            sa.Enum("open", "rectified", "closed", name="findingstatus", native_enum=False, length=32),
            nullable=False,
        ),
        sa.Column(
            "origin",
            sa.Enum("formal", "service", name="findingorigin", native_enum=False, length=32),
            nullable=False,
        ),
        sa.Column("carried_from_id", sa.Uuid(), nullable=True),
        sa.Column("recheck_inspection_id", sa.Uuid(), nullable=True),
        sa.Column("created_by", sa.String(length=100), nullable=False),
        sa.Column("closed_by", sa.String(length=100), nullable=False),
        sa.Column("closed_at", sa.DateTime(), nullable=True),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("origin_device", sa.String(length=32), nullable=False),
        sa.ForeignKeyConstraint(
            ["carried_from_id"],
            ["findings.id"],
        ),
        sa.ForeignKeyConstraint(
            ["inspection_id"],
            ["inspections.id"],
        ),
        sa.ForeignKeyConstraint(
            ["party_id"],
            ["parties.id"],
        ),
        sa.ForeignKeyConstraint(
            ["project_id"],
            ["projects.id"],
        ),
        sa.ForeignKeyConstraint(
            ["recheck_inspection_id"],
            ["inspections.id"],
        ),
        sa.ForeignKeyConstraint(
            ["unit_id"],
            ["units.id"],
        ),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("findings", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_findings_inspection_id"), ["inspection_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_findings_project_id"), ["project_id"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_findings_recheck_inspection_id"), ["recheck_inspection_id"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_findings_unit_id"), ["unit_id"], unique=False)

    op.create_table(
        "finding_events",
        sa.Column("finding_id", sa.Uuid(), nullable=False),
        sa.Column(
            "action",
            sa.Enum(
                "open",
                "rectify",
                "recheck-pass",
                "recheck-fail",
                name="findingaction",
                native_enum=False,
                length=32,
            ),
            nullable=False,
        ),
        sa.Column(
            "status_after",
            sa.Enum("open", "rectified", "closed", name="findingstatus", native_enum=False, length=32),
            nullable=False,
        ),
        sa.Column("at", sa.DateTime(), nullable=False),
        sa.Column("by", sa.String(length=100), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("inspection_id", sa.Uuid(), nullable=True),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("origin_device", sa.String(length=32), nullable=False),
        sa.ForeignKeyConstraint(["finding_id"], ["findings.id"], ondelete="CASCADE"),
        sa.ForeignKeyConstraint(
            ["inspection_id"],
            ["inspections.id"],
        ),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("finding_events", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_finding_events_finding_id"), ["finding_id"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("finding_events", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_finding_events_finding_id"))

    op.drop_table("finding_events")
    with op.batch_alter_table("findings", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_findings_unit_id"))
        batch_op.drop_index(batch_op.f("ix_findings_recheck_inspection_id"))
        batch_op.drop_index(batch_op.f("ix_findings_project_id"))
        batch_op.drop_index(batch_op.f("ix_findings_inspection_id"))

    op.drop_table("findings")
    with op.batch_alter_table("commitments", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_commitments_project_id"))

    op.drop_table("commitments")
