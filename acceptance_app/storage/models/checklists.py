"""Checklist answers (versioned, never deleted) and the form files inspections are pinned to.

Answers are append-only versions: a new answer to an item retires the item's current row and keeps a link
to it (``replaces_id``); undo retires the newest row and brings back the one it replaced. Both are plain
updates, so the audit log records them, and nothing an inspector entered is ever deleted.

Project-level items (总平面, 消防车道, 室外管网 ...) are answered once per project + discipline + kind + round:
their rows have ``unit_id`` NULL and count for every unit of the project they apply to.
"""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Any

import sqlalchemy as sa
from sqlalchemy.orm import Mapped, mapped_column

from acceptance_app.domain.enums import Discipline, InspectionKind, ItemVerdict
from acceptance_app.storage.models.base import Base, SyncedMixin, enum_column, utcnow


class FormSnapshot(Base):
    """The exact bytes of a form file (kind "form") or of the effective jurisdiction table after inheritance
    (kind "jurisdiction") an inspection was pinned to, by content hash."""

    __tablename__ = "form_snapshots"

    sha256: Mapped[str] = mapped_column(sa.String(64), primary_key=True)
    kind: Mapped[str] = mapped_column(sa.String(16), default="form")
    discipline: Mapped[Discipline | None] = enum_column(Discipline, nullable=True)
    version: Mapped[str] = mapped_column(sa.String(32))
    content: Mapped[bytes] = mapped_column(sa.LargeBinary)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)


class Answer(SyncedMixin, Base):
    __tablename__ = "answers"
    __table_args__ = (
        sa.Index("ix_answers_unit_scope", "unit_id", "discipline", "kind", "round", "retired"),
        sa.Index("ix_answers_project_scope", "project_id", "discipline", "kind", "round", "retired"),
    )

    # Where it counts: unit_id NULL = a project-level item, shared by the units of the project.
    project_id: Mapped[uuid.UUID] = mapped_column(sa.ForeignKey("projects.id", ondelete="CASCADE"))
    unit_id: Mapped[uuid.UUID | None] = mapped_column(sa.ForeignKey("units.id", ondelete="CASCADE"))
    discipline: Mapped[Discipline] = enum_column(Discipline)
    kind: Mapped[InspectionKind] = enum_column(InspectionKind)
    round: Mapped[int] = mapped_column(default=1)
    # The inspection through which it was given (and whose undo can take it back).
    inspection_id: Mapped[uuid.UUID] = mapped_column(sa.ForeignKey("inspections.id", ondelete="CASCADE"), index=True)
    item_id: Mapped[str] = mapped_column(sa.String(32))
    form_hash: Mapped[str] = mapped_column(sa.String(64))  # the form version the verdict was computed with

    verdict: Mapped[ItemVerdict] = enum_column(ItemVerdict)
    samples: Mapped[list[Any]] = mapped_column(sa.JSON, default=list)  # measured values, or [count]
    design_value: Mapped[float | None] = mapped_column()
    choice: Mapped[str] = mapped_column(sa.String(200), default="")
    text: Mapped[str] = mapped_column(sa.Text, default="")
    note: Mapped[str] = mapped_column(sa.Text, default="")
    na_reason: Mapped[str] = mapped_column(sa.Text, default="")
    answered_by: Mapped[str] = mapped_column(sa.String(100), default="")
    answered_at: Mapped[datetime] = mapped_column(default=utcnow)

    # Versioning: one live row per item and scope; older versions are retired, never deleted.
    sequence: Mapped[int] = mapped_column(default=0)  # order of answering within the inspection
    replaces_id: Mapped[uuid.UUID | None] = mapped_column(sa.ForeignKey("answers.id"))
    retired: Mapped[bool] = mapped_column(default=False)
    # Copied from another unit's answer ("identical buildings"): that answer's id, so the record (and its audit
    # event) says where it came from. No foreign key: the source may arrive later in an exchange package.
    copied_from_id: Mapped[uuid.UUID | None] = mapped_column(sa.Uuid, default=None)
    # Why an answer of a concluded inspection was changed (更正): required then, recorded with the new version.
    change_reason: Mapped[str] = mapped_column(sa.Text, default="", server_default="")
