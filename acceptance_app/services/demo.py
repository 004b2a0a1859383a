"""A realistic demo: a residential project in 济南 as a Shandong inspector would see it, and a scaled set
of generated projects for benchmarks. All codes are valid by the domain checks (the demo passes them)."""

from __future__ import annotations

import random
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from sqlalchemy.orm import Session

from acceptance_app.domain.entities import PartyData, ProjectData, UnitData
from acceptance_app.domain.enums import BuildingUse, Department, PartyRole, Structure
from acceptance_app.domain.identifiers import make_uscc
from acceptance_app.services import projects
from acceptance_app.services.changes import Changes
from acceptance_app.services.checklist_demo import add_demo_checklists
from acceptance_app.services.document_numbers import grant_demo_blocks
from acceptance_app.services.findings_demo import add_demo_findings
from acceptance_app.services.photo_demo import add_demo_photos
from acceptance_app.services.signing_demo import add_demo_signing
from acceptance_app.services.timeline_demo import add_in_progress_timeline
from acceptance_app.storage.models import Inspector

DEMO_PROJECT_CODE = "2023-370112-47-01-258316"
DEMO_PROJECT_NAME = "泉华苑住宅小区（一期）"

DEMO_PROJECT = ProjectData(
    name=DEMO_PROJECT_NAME,
    project_code=DEMO_PROJECT_CODE,
    engineering_code=f"{DEMO_PROJECT_CODE}-001",
    location="济南市历城区华山街道华龙路以东、工业北路以北",
    region_code="370112",
    planning_permit_no="建字第370112202300118号",
    construction_permit_no="370112202308150101",
    land_use_area=38652.7,
)

DEMO_PARTIES = (
    PartyData(PartyRole.BUILDER, "济南泉华置业有限公司", make_uscc("91370112MA3NCK2L"), "王建国", "0531-88123456"),
    PartyData(PartyRole.SURVEYOR, "山东泉城岩土工程勘察有限公司", make_uscc("9137010016307215"), "李明", "0531-86012233"),
    PartyData(PartyRole.DESIGNER, "济南华泰建筑设计研究院有限公司", make_uscc("9137010226417883"), "赵丽", "0531-82906677"),
    PartyData(PartyRole.CONTRACTOR, "山东鲁建第三建设集团有限公司", make_uscc("9137000016309928"), "孙强", "0531-85551208"),
    PartyData(PartyRole.SUPERVISOR, "济南建元工程监理有限公司", make_uscc("91370102MA3PDT6Q"), "周敏", "0531-87780914"),
)


def _bdc(building: int) -> str:
    # 370112 历城区, 地籍区 005, 子区 003, GB = 国有建设用地使用权(地表), 宗地 00126, F + 幢号 + 0000.
    return f"370112005003GB00126F{building:04d}0000"


DEMO_UNITS = (
    UnitData("1#住宅楼", "1", "", _bdc(1), 12876.42, 1320.56, 18, 2, 54.90, Structure.SHEAR_WALL, BuildingUse.RESIDENTIAL),
    UnitData("2#住宅楼", "2", "", _bdc(2), 12880.15, 1318.77, 18, 2, 54.90, Structure.SHEAR_WALL, BuildingUse.RESIDENTIAL),
    UnitData("3#住宅楼", "3", "", _bdc(3), 18634.08, 1406.12, 26, 2, 79.80, Structure.SHEAR_WALL, BuildingUse.RESIDENTIAL),
    UnitData("5#住宅楼", "5", "", _bdc(5), 7952.36, 865.40, 11, 1, 33.45, Structure.SHEAR_WALL, BuildingUse.RESIDENTIAL),
    UnitData(
        "地下车库（含人防工程）", "8", "", _bdc(8), 0.0, 18650.30, 0, 2, 0.0, Structure.FRAME, BuildingUse.PARKING,
        has_civil_air_defense=True,
    ),
    UnitData(
        "幼儿园", "9", "", _bdc(9), 3186.55, 0.0, 3, 0, 13.50, Structure.FRAME, BuildingUse.KINDERGARTEN,
        accepted_alone=True,
    ),
    UnitData("配套商业S1", "10", "", _bdc(10), 2468.90, 0.0, 2, 0, 9.90, Structure.FRAME, BuildingUse.COMMERCIAL),
)

DEMO_INSPECTORS = (
    ("刘海涛", Department.PLANNING),
    ("陈静", Department.CIVIL_AIR_DEFENSE),
    ("张伟", Department.HOUSING),
    ("杨帆", Department.ARCHIVE),
)


@dataclass(frozen=True)
class DemoResult:
    project_ids: tuple[uuid.UUID, ...]
    unit_count: int


# Later features add their part of the demo here: functions (session, project_id) -> Changes, called in order.
# Each feature's part of the demo, in order: the checklists' failed items get findings with the photos.
DEMO_EXTENSIONS: tuple[Callable[[Session, uuid.UUID], Changes], ...] = (
    add_demo_photos, add_demo_checklists, add_demo_findings, add_demo_signing,
)


def create_demo_project(session: Session) -> tuple[uuid.UUID, Changes]:
    project_id, changes = projects.create_project(session, DEMO_PROJECT)
    for party in DEMO_PARTIES:
        changes |= projects.add_party(session, project_id, party)[1]
    for unit in DEMO_UNITS:
        changes |= projects.add_unit(session, project_id, unit)[1]
    for name, department in DEMO_INSPECTORS:
        session.add(Inspector(name=name, department=department))
    session.flush()
    grant_demo_blocks(session, "济", date.today().year)  # the city's 住建局 issues (the project's organ "")
    add_in_progress_timeline(session, project_id)
    for extend in DEMO_EXTENSIONS:
        changes |= extend(session, project_id)
    return project_id, changes


@dataclass(frozen=True)
class DemoProjects:
    main: uuid.UUID  # 一期: work in progress, every state of the loop
    ready: uuid.UUID  # 二期: concluded, every document renders from it


def create_demo(session: Session) -> tuple[DemoProjects, Changes]:
    """Both demo projects: 一期 (work in progress in every state) and 二期 (concluded, ready for its documents)."""
    from acceptance_app.services.ready_demo import create_ready_project

    main_id, changes = create_demo_project(session)
    ready_id, ready_changes = create_ready_project(session)
    return DemoProjects(main_id, ready_id), changes | ready_changes


_DISTRICTS = ("370102", "370103", "370104", "370105", "370112", "370113")
_STREETS = ("经十路", "二环东路", "工业南路", "旅游路", "北园大街", "华山北路", "凤鸣路", "奥体中路")


def create_scaled_projects(
    session: Session, count: int, units_per_project: int = 25, seed: int = 7
) -> tuple[DemoResult, Changes]:
    """``count`` generated projects with ``units_per_project`` units each, for benchmarks."""
    rng = random.Random(seed)
    ids: list[uuid.UUID] = []
    for n in range(1, count + 1):
        district = rng.choice(_DISTRICTS)
        data = ProjectData(
            name=f"济南示范住宅项目{n:04d}号地块",
            project_code=f"2024-{district}-47-01-{rng.randrange(100000, 999999)}",
            location=f"济南市{rng.choice(_STREETS)}{rng.randrange(1, 999)}号",
            region_code=district,
        )
        project_id, _ = projects.create_project(session, data)
        ids.append(project_id)
        builder = PartyData(PartyRole.BUILDER, f"济南示范置业第{n}有限公司", make_uscc(f"913701{n % 100:02d}MA3{n:05d}"[:16]))
        projects.add_party(session, project_id, builder)
        for k in range(1, units_per_project + 1):
            storeys = rng.randrange(6, 33)
            projects.add_unit(
                session,
                project_id,
                UnitData(
                    f"{k}#楼",
                    str(k),
                    area_above=round(storeys * rng.uniform(450, 900), 2),
                    area_below=round(rng.uniform(300, 1500), 2),
                    storeys_above=storeys,
                    storeys_below=rng.choice((1, 2)),
                    height=round(storeys * 2.95 + 0.45, 2),
                    has_civil_air_defense=k % 10 == 0,
                ),
            )
    return DemoResult(tuple(ids), count * units_per_project), Changes(project=True, unit=True, party=True)
