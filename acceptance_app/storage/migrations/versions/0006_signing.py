"""signing identities, signature images and document signatures

Revision ID: 0006
Revises: 0004
Create Date: 2026-11-25

The brief said down_revision 0001; main already holds 0005 (documents), which document_signatures references,
so this branch chains after it (one head). The lead re-chains at merge as needed.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:

    op.create_table("signature_images",
    sa.Column("kind", sa.String(length=16), nullable=False),
    sa.Column("owner", sa.String(length=80), nullable=False),
    sa.Column("png", sa.LargeBinary(), nullable=False),
    sa.Column("training", sa.Boolean(), nullable=False),
    sa.Column("id", sa.Uuid(), nullable=False),
    sa.Column("created_at", sa.DateTime(), nullable=False),
    sa.Column("updated_at", sa.DateTime(), nullable=False),
    sa.Column("origin_device", sa.String(length=32), nullable=False),
    sa.PrimaryKeyConstraint("id"),
    sa.UniqueConstraint("kind", "owner")
    )
    op.create_table("signing_identities",
    sa.Column("kind", sa.String(length=16), nullable=False),
    sa.Column("person", sa.String(length=80), nullable=False),
    sa.Column("department", sa.String(length=40), nullable=False),
    sa.Column("pkcs12_path", sa.String(length=500), nullable=False),
    sa.Column("pkcs11_module", sa.String(length=500), nullable=False),
    sa.Column("token_label", sa.String(length=80), nullable=False),
    sa.Column("key_label", sa.String(length=80), nullable=False),
    sa.Column("certificate_der", sa.LargeBinary(), nullable=False),
    sa.Column("fingerprint", sa.String(length=64), nullable=False),
    sa.Column("subject", sa.String(length=300), nullable=False),
    sa.Column("not_after", sa.DateTime(), nullable=False),
    sa.Column("trusted", sa.Boolean(), nullable=False),
    sa.Column("id", sa.Uuid(), nullable=False),
    sa.Column("created_at", sa.DateTime(), nullable=False),
    sa.Column("updated_at", sa.DateTime(), nullable=False),
    sa.Column("origin_device", sa.String(length=32), nullable=False),
    sa.PrimaryKeyConstraint("id")
    )
    with op.batch_alter_table("signing_identities", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_signing_identities_fingerprint"), ["fingerprint"], unique=False)

    op.create_table("document_signatures",
    sa.Column("document_id", sa.Uuid(), nullable=False),
    sa.Column("field", sa.String(length=40), nullable=False),
    sa.Column("department", sa.String(length=40), nullable=False),
    sa.Column("signer_name", sa.String(length=80), nullable=False),
    sa.Column("signer_subject", sa.String(length=300), nullable=False),
    sa.Column("fingerprint", sa.String(length=64), nullable=False),
    sa.Column("signed_at", sa.DateTime(), nullable=False),
    sa.Column("timestamp", sa.String(length=40), nullable=False),
    sa.Column("file_path", sa.String(length=300), nullable=False),
    sa.Column("file_sha256", sa.String(length=64), nullable=False),
    sa.Column("input_sha256", sa.String(length=64), nullable=False),
    sa.Column("id", sa.Uuid(), nullable=False),
    sa.Column("created_at", sa.DateTime(), nullable=False),
    sa.Column("updated_at", sa.DateTime(), nullable=False),
    sa.Column("origin_device", sa.String(length=32), nullable=False),
    sa.ForeignKeyConstraint(["document_id"], ["documents.id"], ),
    sa.PrimaryKeyConstraint("id"),
    sa.UniqueConstraint("document_id", "field")
    )
    with op.batch_alter_table("document_signatures", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_document_signatures_document_id"), ["document_id"], unique=False)




def downgrade() -> None:

    with op.batch_alter_table("document_signatures", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_document_signatures_document_id"))

    op.drop_table("document_signatures")
    with op.batch_alter_table("signing_identities", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_signing_identities_fingerprint"))

    op.drop_table("signing_identities")
    op.drop_table("signature_images")

