from __future__ import annotations

import uuid

import pytest

from acceptance_app.domain.entities import ProjectData, UnitData
from acceptance_app.domain.enums import Discipline, InspectionKind, InspectionStatus
from acceptance_app.services import projects
from acceptance_app.storage.models import Inspection


def make_unit(database) -> uuid.UUID:  # type: ignore[no-untyped-def]
    """A project with one unit and no photos (the demo project comes with photos of its own)."""
    with database.session() as s, s.begin():
        project_id, _ = projects.create_project(s, ProjectData("照片测试项目", "2024-370102-47-01-000777"))
        unit_id, _ = projects.add_unit(s, project_id, UnitData("1#楼", "1"))
    return unit_id


@pytest.fixture
def unit_id(database) -> uuid.UUID:  # type: ignore[no-untyped-def]
    return make_unit(database)


@pytest.fixture
def inspection_id(database, unit_id) -> uuid.UUID:  # type: ignore[no-untyped-def]
    with database.session() as s, s.begin():
        inspection = Inspection(id=uuid.uuid4(), unit_id=unit_id, discipline=Discipline.FIRE,
                                kind=InspectionKind.FORMAL, status=InspectionStatus.IN_PROGRESS)
        s.add(inspection)
    return inspection.id
