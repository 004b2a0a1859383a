"""Plain data handed between layers: inputs for the services and immutable rows for the UI.

The UI never sees live ORM objects (a session is never shared across threads); it gets these frozen dataclasses.
"""

from __future__ import annotations

import uuid
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime

from acceptance_app.domain.enums import (
    BuildingUse,
    CellStatus,
    Discipline,
    InspectionKind,
    InspectionStatus,
    PartyRole,
    Structure,
    Verdict,
)
from acceptance_app.domain.unit_facts import Override, UnitFacts


@dataclass(frozen=True)
class ProjectData:
    name: str
    project_code: str
    location: str = ""
    engineering_code: str = ""
    region_code: str = ""
    planning_permit_no: str = ""  # 建设工程规划许可证号
    construction_permit_no: str = ""  # 施工许可证号
    land_use_area: float | None = None  # 用地面积 m²
    # The region code of the 住房和城乡建设局 that issues the opinion (who issued the 施工许可): the city's or a
    # district's, listed in the jurisdiction table's document.issuers; "" = the city's.
    issuing_organ: str = ""
    survey_report_no: str = ""  # 竣工测量（多测合一）成果报告编号: the opinion's areas are then 实测


@dataclass(frozen=True)
class PartyData:
    role: PartyRole
    name: str
    uscc: str
    contact_person: str = ""
    phone: str = ""


@dataclass(frozen=True)
class UnitData:
    name: str
    building_no: str = ""  # 幢号
    unit_code: str = ""  # 单体代码 (JGJ/T 496; opaque until the standard is known)
    real_estate_unit_code: str = ""  # 不动产单元代码 of the whole building
    area_above: float | None = None  # 地上建筑面积 m²
    area_below: float | None = None  # 地下建筑面积 m²
    storeys_above: int | None = None
    storeys_below: int | None = None
    height: float | None = None  # 建筑高度 m
    structure: Structure = Structure.FRAME_SHEAR_WALL
    use: BuildingUse = BuildingUse.RESIDENTIAL
    has_civil_air_defense: bool = False  # contains 人防 works
    accepted_alone: bool = False  # accepted on its own (单体单独验收)
    facts: UnitFacts = field(default_factory=UnitFacts)  # what the checklist rules need (unit_facts)
    overrides: Mapping[str, Override] = field(default_factory=dict)  # derived facts the inspector corrected


@dataclass(frozen=True)
class ProjectRow:
    id: uuid.UUID
    name: str
    project_code: str
    location: str
    builder_name: str
    unit_count: int
    updated_at: datetime


@dataclass(frozen=True)
class PartyRow:
    id: uuid.UUID
    project_id: uuid.UUID
    data: PartyData


@dataclass(frozen=True)
class InspectionSummary:
    id: uuid.UUID
    unit_id: uuid.UUID
    discipline: Discipline
    kind: InspectionKind
    round: int
    status: InspectionStatus
    verdict: Verdict | None
    inspector_name: str = ""
    form_version: str = ""


@dataclass(frozen=True)
class UnitRow:
    id: uuid.UUID
    project_id: uuid.UUID
    data: UnitData
    cells: dict[Discipline, CellStatus] = field(default_factory=dict)


@dataclass(frozen=True)
class ProjectDetail:
    id: uuid.UUID
    data: ProjectData
    parties: tuple[PartyRow, ...]
    units: tuple[UnitRow, ...]
    updated_at: datetime
