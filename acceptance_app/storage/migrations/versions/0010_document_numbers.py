"""document numbers from blocks of serials; the issuing organ per project; the procedure clock

Revision ID: 0010
Revises: 0009
Create Date: 2026-12-05

Numbers were 济联验〔2026〕第<device>-0001号, per device. They are now plain annual serials drawn from blocks
granted to each laptop (document_number_blocks). The documents issued so far keep their numbers as printed
(no renumbering of an issued document); the old per-device counters are dropped, since the new numbers have a
different form and cannot meet the old ones. A document may now be a draft without a number (待编号).
procedure_events: the dated stages of each project's joint acceptance (申请 … 出具意见) and its pauses.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0010"
down_revision = "0009"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "document_number_blocks",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("series", sa.String(length=20), nullable=False),
        sa.Column("year", sa.Integer(), nullable=False),
        sa.Column("device", sa.String(length=32), nullable=False),
        sa.Column("first", sa.Integer(), nullable=False),
        sa.Column("last", sa.Integer(), nullable=False),
        sa.Column("next", sa.Integer(), nullable=False),
        sa.Column("granted_by", sa.String(length=100), nullable=False),
        sa.Column("granted_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index("ix_document_number_blocks_series", "document_number_blocks", ["series", "year", "device"])
    op.drop_table("document_number_series")
    with op.batch_alter_table("documents", schema=None) as batch_op:
        batch_op.alter_column("number", existing_type=sa.String(length=80), nullable=True)
        batch_op.add_column(sa.Column("series", sa.String(length=20), nullable=False, server_default=""))
    with op.batch_alter_table("documents", schema=None) as batch_op:
        batch_op.alter_column("series", server_default=None)
    with op.batch_alter_table("projects", schema=None) as batch_op:
        batch_op.add_column(sa.Column("issuing_organ", sa.String(length=6), nullable=False, server_default=""))
        batch_op.add_column(sa.Column("survey_report_no", sa.String(length=64), nullable=False, server_default=""))
    with op.batch_alter_table("projects", schema=None) as batch_op:
        batch_op.alter_column("issuing_organ", server_default=None)
        batch_op.alter_column("survey_report_no", server_default=None)
    op.create_table(
        "procedure_events",
        sa.Column("project_id", sa.Uuid(), nullable=False),
        sa.Column("unit_id", sa.Uuid(), nullable=True),
        sa.Column("stage", sa.Enum("applied", "accepted", "site", "rectification", "receipt", "reported", "recheck",
                                   "opinion", name="stage", native_enum=False, length=32), nullable=False),
        sa.Column("on_date", sa.Date(), nullable=False),
        sa.Column("reference", sa.String(length=64), nullable=False),
        sa.Column("reason", sa.String(length=300), nullable=False),
        sa.Column("recorded_by", sa.String(length=100), nullable=False),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("origin_device", sa.String(length=32), nullable=False),
        sa.ForeignKeyConstraint(["project_id"], ["projects.id"], ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["unit_id"], ["units.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("procedure_events", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_procedure_events_project_id"), ["project_id"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("procedure_events", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_procedure_events_project_id"))
    op.drop_table("procedure_events")
    with op.batch_alter_table("projects", schema=None) as batch_op:
        batch_op.drop_column("survey_report_no")
        batch_op.drop_column("issuing_organ")
    with op.batch_alter_table("documents", schema=None) as batch_op:
        batch_op.drop_column("series")
        batch_op.alter_column("number", existing_type=sa.String(length=80), nullable=False)
    op.drop_index("ix_document_number_blocks_series", table_name="document_number_blocks")
    op.drop_table("document_number_blocks")
    op.create_table(
        "document_number_series",
        sa.Column("series", sa.String(length=20), nullable=False),
        sa.Column("year", sa.Integer(), nullable=False),
        sa.Column("device", sa.String(length=32), nullable=False),
        sa.Column("last", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("series", "year", "device"),
    )
