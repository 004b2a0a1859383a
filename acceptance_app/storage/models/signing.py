"""Signing identities, signature images and the signatures made on documents.

Private keys never enter the database: a PKCS#12 identity keeps the path of its file, a token identity the
module, token and key labels; both keep the certificate (DER) and its SHA-256 fingerprint so the app can show
who it is and when it expires without the password.
"""

from __future__ import annotations

import uuid
from datetime import datetime

import sqlalchemy as sa
from sqlalchemy.orm import Mapped, mapped_column

from acceptance_app.storage.models.base import Base, SyncedMixin


class SigningIdentity(SyncedMixin, Base):
    __tablename__ = "signing_identities"

    kind: Mapped[str] = mapped_column(sa.String(16))  # pkcs12 | pkcs11 | training
    person: Mapped[str] = mapped_column(sa.String(80))
    department: Mapped[str] = mapped_column(sa.String(40))  # Department value
    pkcs12_path: Mapped[str] = mapped_column(sa.String(500), default="")
    pkcs11_module: Mapped[str] = mapped_column(sa.String(500), default="")
    token_label: Mapped[str] = mapped_column(sa.String(80), default="")
    key_label: Mapped[str] = mapped_column(sa.String(80), default="")
    certificate_der: Mapped[bytes] = mapped_column(sa.LargeBinary)
    fingerprint: Mapped[str] = mapped_column(sa.String(64), index=True)
    subject: Mapped[str] = mapped_column(sa.String(300))
    not_after: Mapped[datetime] = mapped_column()
    trusted: Mapped[bool] = mapped_column(default=False)  # False for training identities, always


class SignatureImage(SyncedMixin, Base):
    """A person's handwritten signature or a department's seal, as PNG."""

    __tablename__ = "signature_images"
    __table_args__ = (sa.UniqueConstraint("kind", "owner"),)

    kind: Mapped[str] = mapped_column(sa.String(16))  # handwriting | seal
    owner: Mapped[str] = mapped_column(sa.String(80))  # person name, or Department value for a seal
    png: Mapped[bytes] = mapped_column(sa.LargeBinary)
    training: Mapped[bool] = mapped_column(default=False)


class DocumentSignature(SyncedMixin, Base):
    """One signature on a document; the row of the latest signature names the current signed file."""

    __tablename__ = "document_signatures"
    __table_args__ = (sa.UniqueConstraint("document_id", "field"),)

    document_id: Mapped[uuid.UUID] = mapped_column(sa.ForeignKey("documents.id"), index=True)
    field: Mapped[str] = mapped_column(sa.String(40))
    department: Mapped[str] = mapped_column(sa.String(40))
    signer_name: Mapped[str] = mapped_column(sa.String(80))
    signer_subject: Mapped[str] = mapped_column(sa.String(300))
    fingerprint: Mapped[str] = mapped_column(sa.String(64))
    signed_at: Mapped[datetime] = mapped_column()
    timestamp: Mapped[str] = mapped_column(sa.String(40), default="")  # "" = no timestamp
    file_path: Mapped[str] = mapped_column(sa.String(300))  # the file after this signature, data-folder relative
    file_sha256: Mapped[str] = mapped_column(sa.String(64))
    input_sha256: Mapped[str] = mapped_column(sa.String(64))  # the file this signature was applied to
