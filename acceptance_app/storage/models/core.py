"""Projects, their responsible parties and units, and the inspectors."""

from __future__ import annotations

import uuid
from typing import Any

import sqlalchemy as sa
from sqlalchemy.orm import Mapped, mapped_column, relationship

from acceptance_app.domain.enums import BuildingUse, Department, PartyRole, Structure
from acceptance_app.storage.models.base import Base, SyncedMixin, enum_column


class Inspector(SyncedMixin, Base):
    __tablename__ = "inspectors"

    name: Mapped[str] = mapped_column(sa.String(100))
    department: Mapped[Department] = enum_column(Department)
    employee_no: Mapped[str] = mapped_column(sa.String(50), default="")
    phone: Mapped[str] = mapped_column(sa.String(50), default="")


class Project(SyncedMixin, Base):
    __tablename__ = "projects"

    name: Mapped[str] = mapped_column(sa.String(200))
    project_code: Mapped[str] = mapped_column(sa.String(24), index=True)  # 项目代码
    engineering_code: Mapped[str] = mapped_column(sa.String(64), default="")  # 工程代码
    location: Mapped[str] = mapped_column(sa.String(300), default="")
    region_code: Mapped[str] = mapped_column(sa.String(6), default="")
    # The organ that issues the opinion: the code of an entry of the jurisdiction table's document.issuers
    # (the city's or the district's 住房和城乡建设局, whichever issued the 施工许可); "" = the city's.
    issuing_organ: Mapped[str] = mapped_column(sa.String(6), default="")
    survey_report_no: Mapped[str] = mapped_column(sa.String(64), default="")  # 竣工测量成果报告编号 (实测 areas)
    planning_permit_no: Mapped[str] = mapped_column(sa.String(100), default="")
    construction_permit_no: Mapped[str] = mapped_column(sa.String(100), default="")
    land_use_area: Mapped[float | None] = mapped_column(sa.Float)

    parties: Mapped[list[Party]] = relationship(
        back_populates="project", cascade="all, delete-orphan", order_by="Party.role"
    )
    units: Mapped[list[Unit]] = relationship(
        back_populates="project", cascade="all, delete-orphan", order_by="(Unit.sort_order, Unit.name)"
    )


class Party(SyncedMixin, Base):
    __tablename__ = "parties"

    project_id: Mapped[uuid.UUID] = mapped_column(sa.ForeignKey("projects.id", ondelete="CASCADE"), index=True)
    role: Mapped[PartyRole] = enum_column(PartyRole)
    name: Mapped[str] = mapped_column(sa.String(200))
    uscc: Mapped[str] = mapped_column(sa.String(18))  # 统一社会信用代码
    contact_person: Mapped[str] = mapped_column(sa.String(100), default="")
    phone: Mapped[str] = mapped_column(sa.String(50), default="")

    project: Mapped[Project] = relationship(back_populates="parties")


class Unit(SyncedMixin, Base):
    __tablename__ = "units"

    project_id: Mapped[uuid.UUID] = mapped_column(sa.ForeignKey("projects.id", ondelete="CASCADE"), index=True)
    name: Mapped[str] = mapped_column(sa.String(200))
    sort_order: Mapped[int] = mapped_column(default=0)
    building_no: Mapped[str] = mapped_column(sa.String(50), default="")  # 幢号
    unit_code: Mapped[str] = mapped_column(sa.String(40), default="")  # 单体代码
    real_estate_unit_code: Mapped[str] = mapped_column(sa.String(28), default="")  # 不动产单元代码
    area_above: Mapped[float | None] = mapped_column(sa.Float)
    area_below: Mapped[float | None] = mapped_column(sa.Float)
    storeys_above: Mapped[int | None] = mapped_column()
    storeys_below: Mapped[int | None] = mapped_column()
    height: Mapped[float | None] = mapped_column(sa.Float)
    structure: Mapped[Structure] = enum_column(Structure)
    use: Mapped[BuildingUse] = enum_column(BuildingUse)
    has_civil_air_defense: Mapped[bool] = mapped_column(default=False)
    accepted_alone: Mapped[bool] = mapped_column(default=False)
    # The facts the checklist rules need (domain.unit_facts.UnitFacts.as_dict: known facts only), and the
    # inspector's overrides of derived facts: name -> {value, reason, by, at}.
    facts: Mapped[dict[str, Any]] = mapped_column(sa.JSON, default=dict)
    fact_overrides: Mapped[dict[str, Any]] = mapped_column(sa.JSON, default=dict)

    project: Mapped[Project] = relationship(back_populates="units")
