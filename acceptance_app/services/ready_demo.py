"""The demo's second project, 泉华苑住宅小区（二期）: the site visit is over, every applicable discipline of every
unit is concluded in the formal acceptance, so that the opinion, the rectification list, the technical-service
report and the record sheets all render from it at once. The first project (一期) stays work in progress.

6#: every discipline 合格 (after an advisory technical-service session on its fire systems); 7#: 消防
整改后复验 with an open finding; the garage holds the 人防 work and passes all four."""

from __future__ import annotations

import uuid
from datetime import date

from sqlalchemy.orm import Session

from acceptance_app.domain.entities import ProjectData, UnitData
from acceptance_app.domain.enums import (
    DISCIPLINES,
    BuildingUse,
    Discipline,
    InspectionKind,
    ItemClass,
    Structure,
)
from acceptance_app.domain.matrix import discipline_applies
from acceptance_app.services import projects
from acceptance_app.services.changes import Changes
from acceptance_app.services.checklist_demo import demo_forms_folder, run_demo_inspection
from acceptance_app.services.document_numbers import grant_demo_blocks
from acceptance_app.services.timeline_demo import add_concluded_timeline
from acceptance_app.storage.models import Unit

READY_PROJECT_CODE = "2024-370112-47-01-306127"
READY_PROJECT = ProjectData(
    name="泉华苑住宅小区（二期）",
    project_code=READY_PROJECT_CODE,
    engineering_code=f"{READY_PROJECT_CODE}-001",
    location="济南市历城区华山街道华龙路以东、华山北路以西",
    region_code="370112",
    planning_permit_no="建字第370112202400207号",
    construction_permit_no="370112202403200102",
    land_use_area=21480.3,
    survey_report_no="JC370112-2026-0417",  # a demo number: 竣工测量成果 shared through 多测合一
)


def _bdc(building: int) -> str:
    # The same 地籍子区 as 一期, its own 宗地 00127; F + 幢号 + 0000 for a whole building.
    return f"370112005003GB00127F{building:04d}0000"


READY_UNITS = (
    UnitData("6#住宅楼", "6", "", _bdc(6), 10452.18, 1102.35, 15, 2, 45.90, Structure.SHEAR_WALL, BuildingUse.RESIDENTIAL,
             accepted_alone=True),
    UnitData("7#住宅楼", "7", "", _bdc(7), 10460.02, 1098.64, 15, 2, 45.90, Structure.SHEAR_WALL, BuildingUse.RESIDENTIAL),
    UnitData(
        "二期地下车库（含人防工程）", "11", "", _bdc(11), 0.0, 9860.75, 0, 1, 0.0, Structure.FRAME, BuildingUse.PARKING,
        has_civil_air_defense=True,
    ),
)


def create_ready_project(session: Session) -> tuple[uuid.UUID, Changes]:
    from acceptance_app.services.demo import DEMO_PARTIES  # the demo module calls this one: import late

    project_id, changes = projects.create_project(session, READY_PROJECT)
    for party in DEMO_PARTIES:
        changes |= projects.add_party(session, project_id, party)[1]
    units = [projects.add_unit(session, project_id, data)[0] for data in READY_UNITS]
    folder = demo_forms_folder()
    sixth, seventh, garage = (session.get(Unit, unit_id) for unit_id in units)
    assert sixth is not None and seventh is not None and garage is not None
    run_demo_inspection(session, sixth, Discipline.FIRE, folder, fail=ItemClass.B, kind=InspectionKind.SERVICE)
    for unit, data in zip((sixth, seventh, garage), READY_UNITS, strict=True):
        for discipline in DISCIPLINES:
            if discipline_applies(data, discipline):
                failing = ItemClass.C if unit is seventh and discipline is Discipline.FIRE else None
                run_demo_inspection(session, unit, discipline, folder, fail=failing)
    grant_demo_blocks(session, "济", date.today().year)  # the city's 住建局 issues (the project's organ "")
    add_concluded_timeline(session, project_id, sixth.id)  # 6# is accepted on its own
    return project_id, changes | Changes(inspection=True, checklist=True, finding=True)
