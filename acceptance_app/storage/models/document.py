"""Issued documents and the blocks of serials their numbers are drawn from.

A document number is taken in its own committed transaction before rendering, from one of this laptop's
blocks (a range of serials of a series granted by the lead's office or the hub, domain/document_numbers.py):
a taken serial is never handed out again even if the program crashes before the PDF exists. A draft issued
without a free serial has no number (NULL) until one is given to it.
"""

from __future__ import annotations

import uuid
from datetime import datetime

import sqlalchemy as sa
from sqlalchemy.orm import Mapped, mapped_column

from acceptance_app.domain.enums import DocumentState, DocumentType
from acceptance_app.storage.models.base import Base, SyncedMixin, enum_column, utcnow


class Document(SyncedMixin, Base):
    __tablename__ = "documents"

    type: Mapped[DocumentType] = enum_column(DocumentType)
    project_id: Mapped[uuid.UUID] = mapped_column(sa.ForeignKey("projects.id"), index=True)
    unit_id: Mapped[uuid.UUID | None] = mapped_column(sa.ForeignKey("units.id"))
    # e.g. the discipline of a record sheet; "" for the others. Versions chain within (type, project, unit, scope).
    scope: Mapped[str] = mapped_column(sa.String(40), default="")
    number: Mapped[str | None] = mapped_column(sa.String(80), unique=True)  # NULL: a draft 待编号
    series: Mapped[str] = mapped_column(sa.String(20), default="")  # the series its number is (to be) drawn from
    version: Mapped[int] = mapped_column(default=1)
    state: Mapped[DocumentState] = enum_column(DocumentState)
    file_path: Mapped[str] = mapped_column(sa.String(300))  # relative to the data folder
    file_sha256: Mapped[str] = mapped_column(sa.String(64))
    inputs_sha256: Mapped[str] = mapped_column(sa.String(64))  # the content without number and date
    manifest_sha256: Mapped[str] = mapped_column(sa.String(64))  # what the QR code carries
    form_versions: Mapped[str] = mapped_column(sa.String(500), default="")  # "fire:XF-2023@3,..."
    supersedes_id: Mapped[uuid.UUID | None] = mapped_column(sa.ForeignKey("documents.id"))
    issued_at: Mapped[datetime | None] = mapped_column()


class NumberBlock(Base):
    """A range of serials of one series and year granted to one device. Local to the laptop (never synced):
    a copied database keeps the blocks of the device it came from, which the copy may not use."""

    __tablename__ = "document_number_blocks"

    id: Mapped[uuid.UUID] = mapped_column(sa.Uuid, primary_key=True, default=uuid.uuid4)
    series: Mapped[str] = mapped_column(sa.String(20))  # 济联验, 济联验整 ...
    year: Mapped[int] = mapped_column()
    device: Mapped[str] = mapped_column(sa.String(32))  # the laptop the block was granted to
    first: Mapped[int] = mapped_column()
    last: Mapped[int] = mapped_column()
    next: Mapped[int] = mapped_column()  # the next free serial; > last when used up
    granted_by: Mapped[str] = mapped_column(sa.String(100))  # "hub <url>" or the office's note
    granted_at: Mapped[datetime] = mapped_column(default=utcnow)

    __table_args__ = (sa.Index("ix_document_number_blocks_series", "series", "year", "device"),)
