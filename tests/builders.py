"""Small builders for tests that need a project, not the demo: a project with its five parties and one unit,
and a concluded inspection round to hang findings on. Far cheaper than the demo, and what they make is
written in the test that uses them."""

from __future__ import annotations

import uuid
from dataclasses import dataclass

from sqlalchemy.orm import Session

from acceptance_app.domain.entities import PartyData, ProjectData, UnitData
from acceptance_app.domain.enums import (
    BuildingUse,
    Discipline,
    InspectionKind,
    InspectionStatus,
    PartyRole,
    Structure,
    Verdict,
)
from acceptance_app.domain.identifiers import make_uscc
from acceptance_app.services import projects
from acceptance_app.storage.models import Inspection

PROJECT = ProjectData(name="测试住宅项目", project_code="2024-370112-47-01-100001", location="济南市历城区测试路1号",
                      region_code="370112")
PARTIES = (
    PartyData(PartyRole.BUILDER, "济南测试置业有限公司", make_uscc("91370112MA3NTK1L")),
    PartyData(PartyRole.CONTRACTOR, "山东测试建设集团有限公司", make_uscc("91370000MA3PRK2Q")),
)
UNIT = UnitData("1#住宅楼", "1", area_above=7952.36, area_below=865.4, storeys_above=11, storeys_below=1,
                height=32.9, structure=Structure.SHEAR_WALL, use=BuildingUse.RESIDENTIAL)


@dataclass(frozen=True)
class Built:
    project_id: uuid.UUID
    unit_id: uuid.UUID


def project(session: Session, unit: UnitData = UNIT) -> Built:
    project_id, _ = projects.create_project(session, PROJECT)
    for party in PARTIES:
        projects.add_party(session, project_id, party)
    unit_id, _ = projects.add_unit(session, project_id, unit)
    return Built(project_id, unit_id)


def inspection(session: Session, unit_id: uuid.UUID, discipline: Discipline = Discipline.FIRE,
               kind: InspectionKind = InspectionKind.FORMAL, verdict: Verdict | None = Verdict.RECHECK) -> uuid.UUID:
    """A concluded round, without a form (findings and their deadlines need no checklist)."""
    row = Inspection(id=uuid.uuid4(), unit_id=unit_id, discipline=discipline, kind=kind, round=1,
                     status=InspectionStatus.COMPLETED, verdict=verdict)
    session.add(row)
    session.flush()
    return row.id
