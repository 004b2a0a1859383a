"""Issued documents and the number series they draw from.

A document number is reserved in its own committed transaction before rendering, from a series keyed by
(series, year, device): the device prefix keeps numbers unique across laptops that work offline, and a
reserved number is never handed out again even if the program crashes before the PDF exists.
"""

from __future__ import annotations

import uuid
from datetime import datetime

import sqlalchemy as sa
from sqlalchemy.orm import Mapped, mapped_column

from acceptance_app.domain.enums import DocumentState, DocumentType
from acceptance_app.storage.models.base import Base, SyncedMixin, enum_column


class Document(SyncedMixin, Base):
    __tablename__ = "documents"

    type: Mapped[DocumentType] = enum_column(DocumentType)
    project_id: Mapped[uuid.UUID] = mapped_column(sa.ForeignKey("projects.id"), index=True)
    unit_id: Mapped[uuid.UUID | None] = mapped_column(sa.ForeignKey("units.id"))
    # e.g. the discipline of a record sheet; "" for the others. Versions chain within (type, project, unit, scope).
    scope: Mapped[str] = mapped_column(sa.String(40), default="")
    number: Mapped[str] = mapped_column(sa.String(80), unique=True)
    version: Mapped[int] = mapped_column(default=1)
    state: Mapped[DocumentState] = enum_column(DocumentState)
    file_path: Mapped[str] = mapped_column(sa.String(300))  # relative to the data folder
    file_sha256: Mapped[str] = mapped_column(sa.String(64))
    inputs_sha256: Mapped[str] = mapped_column(sa.String(64))  # the content without number and date
    manifest_sha256: Mapped[str] = mapped_column(sa.String(64))  # what the QR code carries
    form_versions: Mapped[str] = mapped_column(sa.String(500), default="")  # "fire:XF-2023@3,..."
    supersedes_id: Mapped[uuid.UUID | None] = mapped_column(sa.ForeignKey("documents.id"))
    issued_at: Mapped[datetime | None] = mapped_column()


class NumberSeries(Base):
    __tablename__ = "document_number_series"

    series: Mapped[str] = mapped_column(sa.String(20), primary_key=True)  # 济联验, 济联验整 ...
    year: Mapped[int] = mapped_column(primary_key=True)
    device: Mapped[str] = mapped_column(sa.String(32), primary_key=True)
    last: Mapped[int] = mapped_column(default=0)
