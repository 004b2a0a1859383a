"""Small builders shared by the checklist tests."""

import uuid

from acceptance_app.domain.checklists.answers import AnswerInput
from acceptance_app.domain.entities import UnitData
from acceptance_app.domain.enums import BuildingUse, Discipline, InspectionKind, ItemVerdict
from acceptance_app.services import projects
from acceptance_app.services.checklists import inspections as checklists
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


def give_evidence(session, inspection_id: uuid.UUID, item_id: str) -> None:
    """What a 不合格 item's default evidence rule asks for: a finding (naming the contractor) with a photo."""
    import io
    import tempfile
    from pathlib import Path

    from PIL import Image

    from acceptance_app.domain.enums import PartyRole
    from acceptance_app.domain.findings import FindingData
    from acceptance_app.domain.identifiers import make_uscc
    from acceptance_app.domain.photos import PhotoTarget
    from acceptance_app.services.findings import workflow as findings
    from acceptance_app.services.photos import library as photos
    from acceptance_app.storage.db import data_folder_of
    from acceptance_app.storage.models import Inspection, Party

    inspection = session.get(Inspection, inspection_id)
    project_id = inspection.unit.project_id
    if not any(p.role is PartyRole.CONTRACTOR for p in session.query(Party).filter_by(project_id=project_id)):
        projects.add_party(session, project_id, projects.PartyData(
            PartyRole.CONTRACTOR, "测试施工有限公司", make_uscc("9137010016307215")))
    item_class = findings.item_class_of(session, inspection, item_id) or FindingData("").item_class
    finding_id, _ = findings.add_finding(session, inspection_id, FindingData(
        f"{item_id}：实测不符合判定规则", item_class=item_class, item_id=item_id))
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / f"{item_id}.jpg"
        buffer = io.BytesIO()
        shade = sum(item_id.encode()) % 200  # one stored photo per item
        Image.new("RGB", (64, 48), (180, shade, 40)).save(buffer, "JPEG")
        path.write_bytes(buffer.getvalue())
        folder = data_folder_of(session)
        assert folder is not None
        results = photos.import_photos(session, folder, [path], PhotoTarget.finding(finding_id), workers=1)
    assert all(r.photo_id is not None for r in results), results
