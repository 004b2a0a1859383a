from __future__ import annotations

import uuid

import pytest
import sqlalchemy as sa

from acceptance_app.domain.enums import Discipline, InspectionKind, InspectionStatus
from acceptance_app.storage.models import Inspection, Unit


@pytest.fixture
def unit_id(database, demo_project) -> uuid.UUID:  # type: ignore[no-untyped-def]
    with database.session() as s:
        return s.scalars(sa.select(Unit.id).where(Unit.project_id == demo_project).order_by(Unit.sort_order)).first()


@pytest.fixture
def inspection_id(database, unit_id) -> uuid.UUID:  # type: ignore[no-untyped-def]
    with database.session() as s, s.begin():
        inspection = Inspection(id=uuid.uuid4(), unit_id=unit_id, discipline=Discipline.FIRE,
                                kind=InspectionKind.FORMAL, status=InspectionStatus.IN_PROGRESS)
        s.add(inspection)
    return inspection.id
