"""Small builders shared by the checklist tests."""

import uuid

from acceptance_app.domain.checklists.answers import AnswerInput
from acceptance_app.domain.entities import UnitData
from acceptance_app.domain.enums import BuildingUse, Discipline, InspectionKind, ItemVerdict
from acceptance_app.services import checklists, projects
from tests.checklists.conftest import FIXTURE_FORMS

PASS = AnswerInput(verdict=ItemVerdict.PASS)
FAIL = AnswerInput(verdict=ItemVerdict.FAIL)


def na(reason="本单体无此项"):
    return AnswerInput(verdict=ItemVerdict.NOT_APPLICABLE, na_reason=reason)


def make_project(session, units=("1#楼", "2#楼")):
    project_id, _ = projects.create_project(session, projects.ProjectData("测试项目", "2024-370112-47-01-123456"))
    unit_ids = [
        projects.add_unit(
            session, project_id, UnitData(name, storeys_above=18, storeys_below=1, height=54.9, use=BuildingUse.RESIDENTIAL)
        )[0]
        for name in units
    ]
    return project_id, unit_ids


def start(session, unit_id: uuid.UUID, discipline=Discipline.FIRE, kind=InspectionKind.FORMAL, folder=FIXTURE_FORMS):
    return checklists.start_inspection(session, unit_id, discipline, kind, forms_folder=folder, jurisdiction="370100")[0]


# A passing answer for every fixture fire item, by id.
FIRE_PASSING = {
    "XF-04-1": AnswerInput(samples=(13.2,), design=13.0),
    "XF-04-2": AnswerInput(samples=(4.5,)),
    "XF-06-1": AnswerInput(samples=(2,), design=2),
    "XF-06-2": AnswerInput(choice="甲级"),
    "XF-06-3": PASS,
    "XF-06-4": AnswerInput(samples=(0.36, 0.38)),
    "XF-06-5": AnswerInput(text="排烟风机联动正常", verdict=ItemVerdict.PASS),
}


def answer_all(session, inspection_id, answers=FIRE_PASSING, **overrides):
    for item_id, answer in {**answers, **overrides}.items():
        checklists.answer_item(session, inspection_id, item_id, answer)
