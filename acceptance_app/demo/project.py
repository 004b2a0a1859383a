"""A realistic demo: a residential project in 济南 as a Shandong inspector would see it, and a scaled set
of generated projects for benchmarks. All codes are valid by the domain checks (the demo passes them)."""

from __future__ import annotations

import random
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from sqlalchemy.orm import Session

from acceptance_app.demo import data as demo_data
from acceptance_app.demo.checklists import add_demo_checklists
from acceptance_app.demo.findings import add_demo_findings
from acceptance_app.demo.photos import add_demo_photos
from acceptance_app.demo.signing import add_demo_signing
from acceptance_app.demo.timeline import add_in_progress_timeline, date_demo_visits
from acceptance_app.domain.entities import PartyData, ProjectData, UnitData
from acceptance_app.domain.enums import PartyRole
from acceptance_app.domain.identifiers import make_uscc
from acceptance_app.services import projects
from acceptance_app.services.changes import Changes
from acceptance_app.services.documents.numbers import grant_demo_blocks
from acceptance_app.storage.models import Inspector

# The facts live in demo_data; these names are what the rest of the code and the benchmarks import.
DEMO_PROJECT_CODE = demo_data.MAIN_CODE
DEMO_PROJECT_NAME = demo_data.MAIN_PROJECT.name
DEMO_PROJECT = demo_data.MAIN_PROJECT
DEMO_PARTIES = demo_data.PARTIES
DEMO_UNITS = demo_data.MAIN_UNITS
DEMO_INSPECTORS = demo_data.INSPECTORS


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
    date_demo_visits(session, project_id)
    return project_id, changes


@dataclass(frozen=True)
class DemoProjects:
    main: uuid.UUID  # 一期: work in progress, every state of the loop
    ready: uuid.UUID  # 二期: concluded, every document renders from it


def create_demo(session: Session) -> tuple[DemoProjects, Changes]:
    """Both demo projects: 一期 (work in progress in every state) and 二期 (concluded, ready for its documents)."""
    from acceptance_app.demo.ready import create_ready_project

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
