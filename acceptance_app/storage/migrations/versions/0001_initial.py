"""initial schema

Revision ID: 0001
Revises:
Create Date: 2026-11-25

The first tables: projects, parties, units, inspectors, inspections, the audit log and local metadata.
Migrations never import the app's models: they describe the schema as it was at that revision.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "audit_events",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("at", sa.DateTime(), nullable=False),
        sa.Column("device", sa.String(length=32), nullable=False),
        sa.Column("actor", sa.String(length=100), nullable=False),
        sa.Column("entity", sa.String(length=50), nullable=False),
        sa.Column("entity_id", sa.String(length=36), nullable=False),
        sa.Column("action", sa.String(length=10), nullable=False),
        sa.Column("changes", sa.JSON(), nullable=False),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("audit_events", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_audit_events_at"), ["at"], unique=False)
        batch_op.create_index(batch_op.f("ix_audit_events_entity_id"), ["entity_id"], unique=False)

    op.create_table(
        "inspectors",
        sa.Column("name", sa.String(length=100), nullable=False),
        sa.Column(
            "department",
            sa.Enum(
                "housing",
                "planning",
                "civil-air-defense",
                "archive",
                "approval",
                name="department",
                native_enum=False,
                length=32,
            ),
            nullable=False,
        ),
        sa.Column("employee_no", sa.String(length=50), nullable=False),
        sa.Column("phone", sa.String(length=50), nullable=False),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("origin_device", sa.String(length=32), nullable=False),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_table(
        "local_meta",
        sa.Column("key", sa.String(length=64), nullable=False),
        sa.Column("value", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("key"),
    )
    op.create_table(
        "projects",
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("project_code", sa.String(length=24), nullable=False),
        sa.Column("engineering_code", sa.String(length=64), nullable=False),
        sa.Column("location", sa.String(length=300), nullable=False),
        sa.Column("region_code", sa.String(length=6), nullable=False),
        sa.Column("planning_permit_no", sa.String(length=100), nullable=False),
        sa.Column("construction_permit_no", sa.String(length=100), nullable=False),
        sa.Column("land_use_area", sa.Float(), nullable=True),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("origin_device", sa.String(length=32), nullable=False),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("projects", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_projects_project_code"), ["project_code"], unique=False)

    op.create_table(
        "parties",
        sa.Column("project_id", sa.Uuid(), nullable=False),
        sa.Column(
            "role",
            sa.Enum(
                "builder",
                "surveyor",
                "designer",
                "contractor",
                "supervisor",
                "fire-service",
                name="partyrole",
                native_enum=False,
                length=32,
            ),
            nullable=False,
        ),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("uscc", sa.String(length=18), nullable=False),
        sa.Column("contact_person", sa.String(length=100), nullable=False),
        sa.Column("phone", sa.String(length=50), nullable=False),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("origin_device", sa.String(length=32), nullable=False),
        sa.ForeignKeyConstraint(["project_id"], ["projects.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("parties", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_parties_project_id"), ["project_id"], unique=False)

    op.create_table(
        "units",
        sa.Column("project_id", sa.Uuid(), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("sort_order", sa.Integer(), nullable=False),
        sa.Column("building_no", sa.String(length=50), nullable=False),
        sa.Column("unit_code", sa.String(length=40), nullable=False),
        sa.Column("real_estate_unit_code", sa.String(length=28), nullable=False),
        sa.Column("area_above", sa.Float(), nullable=True),
        sa.Column("area_below", sa.Float(), nullable=True),
        sa.Column("storeys_above", sa.Integer(), nullable=True),
        sa.Column("storeys_below", sa.Integer(), nullable=True),
        sa.Column("height", sa.Float(), nullable=True),
        sa.Column(
            "structure",
            sa.Enum(
                "frame",
                "shear-wall",
                "frame-shear-wall",
                "frame-core-tube",
                "masonry",
                "steel",
                "other",
                name="structure",
                native_enum=False,
                length=32,
            ),
            nullable=False,
        ),
        sa.Column(
            "use",
            sa.Enum(
                "residential",
                "commercial",
                "office",
                "kindergarten",
                "school",
                "parking",
                "industrial",
                "public",
                "other",
                name="buildinguse",
                native_enum=False,
                length=32,
            ),
            nullable=False,
        ),
        sa.Column("has_civil_air_defense", sa.Boolean(), nullable=False),
        sa.Column("accepted_alone", sa.Boolean(), nullable=False),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("origin_device", sa.String(length=32), nullable=False),
        sa.ForeignKeyConstraint(["project_id"], ["projects.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("units", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_units_project_id"), ["project_id"], unique=False)

    op.create_table(
        "inspections",
        sa.Column("unit_id", sa.Uuid(), nullable=False),
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
        sa.Column(
            "status",
            sa.Enum(
                "not-started",
                "in-progress",
                "completed",
                name="inspectionstatus",
                native_enum=False,
                length=32,
            ),
            nullable=False,
        ),
        sa.Column(
            "verdict",
            sa.Enum(
                "passed", "failed", "recheck", "not-applicable", name="verdict", native_enum=False, length=32
            ),
            nullable=True,
        ),
        sa.Column("inspector_id", sa.Uuid(), nullable=True),
        sa.Column("started_at", sa.DateTime(), nullable=True),
        sa.Column("completed_at", sa.DateTime(), nullable=True),
        sa.Column("form_id", sa.String(length=64), nullable=False),
        sa.Column("form_version", sa.String(length=32), nullable=False),
        sa.Column("form_hash", sa.String(length=64), nullable=False),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("origin_device", sa.String(length=32), nullable=False),
        sa.ForeignKeyConstraint(
            ["inspector_id"],
            ["inspectors.id"],
        ),
        sa.ForeignKeyConstraint(["unit_id"], ["units.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("unit_id", "discipline", "kind", "round"),
    )
    with op.batch_alter_table("inspections", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_inspections_unit_id"), ["unit_id"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("inspections", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_inspections_unit_id"))

    op.drop_table("inspections")
    with op.batch_alter_table("units", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_units_project_id"))

    op.drop_table("units")
    with op.batch_alter_table("parties", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_parties_project_id"))

    op.drop_table("parties")
    with op.batch_alter_table("projects", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_projects_project_code"))

    op.drop_table("projects")
    op.drop_table("local_meta")
    op.drop_table("inspectors")
    with op.batch_alter_table("audit_events", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_audit_events_entity_id"))
        batch_op.drop_index(batch_op.f("ix_audit_events_at"))

    op.drop_table("audit_events")
