"""The procedure clock's events per project, or per unit accepted on its own (domain/procedure.py)."""

from __future__ import annotations

import uuid
from datetime import date

import sqlalchemy as sa
from sqlalchemy.orm import Mapped, mapped_column

from acceptance_app.domain.procedure import Stage
from acceptance_app.storage.models.base import Base, SyncedMixin, enum_column


class ProcedureEvent(SyncedMixin, Base):
    __tablename__ = "procedure_events"

    project_id: Mapped[uuid.UUID] = mapped_column(sa.ForeignKey("projects.id", ondelete="CASCADE"), index=True)
    unit_id: Mapped[uuid.UUID | None] = mapped_column(sa.ForeignKey("units.id", ondelete="CASCADE"))  # accepted alone
    stage: Mapped[Stage] = enum_column(Stage)
    on_date: Mapped[date] = mapped_column(sa.Date)
    reference: Mapped[str] = mapped_column(sa.String(64), default="")  # 受理编号
    reason: Mapped[str] = mapped_column(sa.String(300), default="")  # why the clock pauses
    recorded_by: Mapped[str] = mapped_column(sa.String(100), default="")
