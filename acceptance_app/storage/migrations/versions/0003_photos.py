"""photos

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-25

Photos (one row per distinct original, by sha256), their links to a project, unit, inspection (+ item) or
finding, and the annotation layer. Links RESTRICT deletes: evidence is never removed by a cascade.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "photos",
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("original_name", sa.String(length=255), nullable=False),
        sa.Column("size", sa.BigInteger(), nullable=False),
        sa.Column("width", sa.Integer(), nullable=False),
        sa.Column("height", sa.Integer(), nullable=False),
        sa.Column("mime", sa.String(length=32), nullable=False),
        sa.Column("taken_at", sa.DateTime(), nullable=True),
        sa.Column("gps_lat", sa.Float(), nullable=True),
        sa.Column("gps_lon", sa.Float(), nullable=True),
        sa.Column("camera_make", sa.String(length=100), nullable=False),
        sa.Column("camera_model", sa.String(length=100), nullable=False),
        sa.Column("orientation", sa.Integer(), nullable=False),
        sa.Column("imported_by", sa.String(length=100), nullable=False),
        sa.Column("imported_at", sa.DateTime(), nullable=False),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("origin_device", sa.String(length=32), nullable=False),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("sha256"),
    )
    op.create_table(
        "photo_annotations",
        sa.Column("photo_id", sa.Uuid(), nullable=False),
        sa.Column("shapes", sa.JSON(), nullable=False),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("origin_device", sa.String(length=32), nullable=False),
        sa.ForeignKeyConstraint(["photo_id"], ["photos.id"], ondelete="RESTRICT"),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("photo_id"),
    )
    op.create_table(
        "photo_links",
        sa.Column("photo_id", sa.Uuid(), nullable=False),
        sa.Column(
            "target_kind",
            sa.Enum(
                "project", "unit", "inspection", "finding", name="targetkind", native_enum=False, length=32
            ),
            nullable=False,
        ),
        sa.Column("project_id", sa.Uuid(), nullable=True),
        sa.Column("unit_id", sa.Uuid(), nullable=True),
        sa.Column("inspection_id", sa.Uuid(), nullable=True),
        sa.Column("item_id", sa.String(length=64), nullable=False),
        sa.Column("finding_id", sa.Uuid(), nullable=True),
        sa.Column("caption", sa.String(length=500), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("origin_device", sa.String(length=32), nullable=False),
        sa.CheckConstraint(
            "(target_kind = 'project' AND project_id IS NOT NULL) OR (target_kind = 'unit' AND unit_id IS NOT NULL) OR (target_kind = 'inspection' AND inspection_id IS NOT NULL) OR (target_kind = 'finding' AND finding_id IS NOT NULL)",
            name="ck_photo_links_target",
        ),
        sa.ForeignKeyConstraint(["inspection_id"], ["inspections.id"], ondelete="RESTRICT"),
        sa.ForeignKeyConstraint(["photo_id"], ["photos.id"], ondelete="RESTRICT"),
        sa.ForeignKeyConstraint(["project_id"], ["projects.id"], ondelete="RESTRICT"),
        sa.ForeignKeyConstraint(["unit_id"], ["units.id"], ondelete="RESTRICT"),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("photo_links", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_photo_links_finding_id"), ["finding_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_photo_links_inspection_id"), ["inspection_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_photo_links_photo_id"), ["photo_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_photo_links_project_id"), ["project_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_photo_links_unit_id"), ["unit_id"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("photo_links", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_photo_links_unit_id"))
        batch_op.drop_index(batch_op.f("ix_photo_links_project_id"))
        batch_op.drop_index(batch_op.f("ix_photo_links_photo_id"))
        batch_op.drop_index(batch_op.f("ix_photo_links_inspection_id"))
        batch_op.drop_index(batch_op.f("ix_photo_links_finding_id"))

    op.drop_table("photo_links")
    op.drop_table("photo_annotations")
    op.drop_table("photos")
