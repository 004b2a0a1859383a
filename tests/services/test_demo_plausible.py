"""The demo read as an inspector reads it (the implausible values a Chinese inspector found in the first demo):
buildings a designer draws, values in realistic ranges, defects on the right items, no 演示 on any record."""

from __future__ import annotations

import uuid
from datetime import timedelta

import sqlalchemy as sa

from acceptance_app.demo.data import (
    CHECKLIST_DEFECTS,
    HAND_FINDINGS,
    INSPECTORS,
    MAIN_UNITS,
    SERVICE_FINDING,
)
from acceptance_app.domain.enums import BuildingUse, ItemVerdict
from acceptance_app.locator import forms_dir
from acceptance_app.services.checklists import forms as checklist_forms
from acceptance_app.storage.db import Database
from acceptance_app.storage.models import Answer, Commitment, Finding, Photo, Unit

SHANGHAI = timedelta(hours=8)


def _answers(session, project_id: uuid.UUID, item_id: str, unit: str | None = None) -> list[Answer]:  # type: ignore[no-untyped-def]
    query = (sa.select(Answer).outerjoin(Unit, Unit.id == Answer.unit_id)  # project-level answers have no unit
             .where(Answer.project_id == project_id, Answer.item_id == item_id, Answer.retired.is_(False)))
    if unit is not None:
        query = query.where(Unit.name == unit)
    return list(session.scalars(query))


def test_buildings_stay_under_the_height_thresholds_a_designer_aims_at() -> None:
    heights = {u.name: (u.storeys_above, u.height) for u in MAIN_UNITS}
    assert heights["5#住宅楼"][0] == 11 and heights["5#住宅楼"][1] <= 33  # no 消防电梯, no 防烟楼梯间
    assert heights["1#住宅楼"][0] == 18 and heights["1#住宅楼"][1] <= 54  # 二类高层住宅
    garage = next(u for u in MAIN_UNITS if u.use is BuildingUse.PARKING)
    assert garage.height == 0 and garage.storeys_above == 0 and garage.has_civil_air_defense


def test_measured_values_are_in_realistic_ranges(database: Database, demo_project: uuid.UUID) -> None:
    with database.session() as s:
        doors = [v for a in _answers(s, demo_project, "XF-09-4") for v in a.samples]
        lobbies = [v for a in _answers(s, demo_project, "XF-09-5c") for v in a.samples]
        forces = [v for a in _answers(s, demo_project, "XF-06-4a") for v in a.samples]
        pools = [v for a in _answers(s, demo_project, "XF-11-1a") for v in a.samples]
        tank = [v for a in _answers(s, demo_project, "XF-11-3") for v in a.samples]
        storeys = _answers(s, demo_project, "XF-01-1a", "2#住宅楼")
    assert doors and all(0.95 <= v <= 1.1 for v in doors)  # 户门 about 1 m, not 13 m
    assert lobbies and all(4.5 <= v <= 12 for v in lobbies)  # 合用前室 a few m², not the building's area
    assert forces and all(40 <= v <= 100 for v in forces)
    assert pools and all(300 <= v <= 800 for v in pools)  # hundreds of m³
    assert tank and all(0.04 <= v <= 0.15 for v in tank)
    assert [a.samples for a in storeys] == [[18.0]]


def test_items_that_do_not_apply_are_not_answered_as_passed(database: Database, demo_project: uuid.UUID) -> None:
    with database.session() as s:
        garage_height = _answers(s, demo_project, "XF-01-1", "地下车库（含人防工程）")
        tower_smoke = _answers(s, demo_project, "XF-07-2", "1#住宅楼")
        tower_dry = _answers(s, demo_project, "XF-12-4", "1#住宅楼")
    assert all(a.verdict is ItemVerdict.NOT_APPLICABLE and a.na_reason for a in
               (*garage_height, *tower_smoke, *tower_dry))
    assert tower_smoke and tower_dry


def test_findings_point_to_existing_items_and_say_where_what_and_which_clause(
        database: Database, demo_project: uuid.UUID) -> None:
    items = {i.id for form in checklist_forms.library(forms_dir()).forms.values() for i in form.items}
    for defect in (*CHECKLIST_DEFECTS, *HAND_FINDINGS, SERVICE_FINDING):
        assert defect.item_id in items, defect.item_id
        assert defect.unit.split("（")[0] in defect.description and ("不符合" in defect.description), defect.description
    with database.session() as s:
        rows = s.scalars(sa.select(Finding).where(Finding.project_id == demo_project)).all()
    assert rows and all(r.item_id in items and "现场与要求不符" not in r.description for r in rows)


def test_no_demo_marker_and_photos_in_working_hours(database: Database, demo_project: uuid.UUID) -> None:
    names = {name for name, _ in INSPECTORS}
    with database.session() as s:
        answered_by = set(s.scalars(sa.select(Answer.answered_by).where(Answer.project_id == demo_project)))
        photos = s.scalars(sa.select(Photo)).all()
        subjects = [c.subject + c.promise for c in s.scalars(sa.select(Commitment))]
    assert answered_by <= names and "演示" not in answered_by
    assert photos and all(p.imported_by in names for p in photos)
    for photo in photos:
        assert photo.taken_at is not None, photo.original_name
        local = photo.taken_at.replace(tzinfo=None) + SHANGHAI  # stored in UTC, taken in 济南
        assert 9 <= local.hour < 18 and local.weekday() < 5, (photo.original_name, local)
    # The 竣工测量报告 is the core evidence of 规划核实: never accepted as missing (容缺).
    assert not any("测量" in text for text in subjects)
