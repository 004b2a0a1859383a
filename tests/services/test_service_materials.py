"""The technical-service report names the materials its sessions checked (资料预审), per discipline, and those
found wanting (DOMAIN review of the service report: "the list of materials pre-checked" was missing)."""

import uuid

import sqlalchemy as sa

from acceptance_app.domain.checklists.answers import AnswerInput
from acceptance_app.domain.enums import Discipline, InspectionKind, ItemVerdict
from acceptance_app.services.checklists import inspections as checklists
from acceptance_app.services.documents.inputs import service_materials
from acceptance_app.storage.db import Database
from acceptance_app.storage.models import Inspection, Unit


def test_the_materials_a_service_session_checked_are_listed_with_those_wanting(database: Database,
                                                                              demo_project: uuid.UUID) -> None:
    with database.session() as s:
        units = list(s.scalars(sa.select(Unit.id).where(Unit.project_id == demo_project)))
        lines = service_materials(s, units)
        fifth = s.scalars(sa.select(Inspection.id).join(Unit).where(
            Unit.name == "5#住宅楼", Inspection.kind == InspectionKind.SERVICE,
            Inspection.discipline == Discipline.FIRE)).one()
        material = next(r.item for r in checklists.inspection_sheet(s, fifth).sheet.rows
                        if r.group_title.startswith("资料") and r.item.answer.type.value == "verdict")
    assert len(lines) == 1 and lines[0].startswith("消防验收：消防验收申请表（备案表）、") and "项）" in lines[0]
    assert "需补正" not in lines[0]
    with database.session() as s, s.begin():  # found wanting on a second look: corrected, the session still fails
        checklists.correct_answer(s, fifth, material.id, AnswerInput(verdict=ItemVerdict.FAIL),
                                  "复核：资料缺少盖章页")
    with database.session() as s:
        assert service_materials(s, units)[0].endswith(f"；需补正：{material.text}")
