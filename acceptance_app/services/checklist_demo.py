"""The demo project's checklists: units fully answered (合格, 整改后复验, 不合格), one technical-service session,
one unit in progress. Written against whatever forms are installed: the shipped forms/*.yaml when all four
are there, else the small demo forms in resources/demo-forms."""

from __future__ import annotations

import uuid
from collections.abc import Iterable
from pathlib import Path

import sqlalchemy as sa
from sqlalchemy.orm import Session

from acceptance_app.domain.checklists.answers import AnswerInput, sample_passes
from acceptance_app.domain.checklists.form import AnswerType, EvidenceKind, Item
from acceptance_app.domain.checklists.jurisdiction import Jurisdiction
from acceptance_app.domain.checklists.sheet import ItemRow
from acceptance_app.domain.checklists.tolerance import Compare, Range, parse_tolerance
from acceptance_app.domain.enums import Discipline, InspectionKind, ItemClass, ItemVerdict, PartyRole
from acceptance_app.domain.findings import FindingData
from acceptance_app.domain.photos import PhotoTarget
from acceptance_app.domain.problems import KnownError
from acceptance_app.locator import forms_dir, resource
from acceptance_app.services import checklist_forms, checklists, verdicts
from acceptance_app.services.changes import Changes
from acceptance_app.services.findings_demo import add_demo_finding, demo_photo, link_photo
from acceptance_app.storage.models import Unit

JURISDICTION = "370100"


def demo_forms_folder() -> Path:
    shipped = forms_dir()
    if len(checklist_forms.library(shipped).forms) == len(Discipline):
        return shipped
    return resource("demo-forms")


def _measure(item: Item, design: float, jurisdiction: Jurisdiction, passing: bool) -> AnswerInput | None:
    """A plausible measured value inside (or outside) the item's tolerance, whatever the rule is."""
    tolerance = parse_tolerance(item.answer.tolerance)
    conditions = list(tolerance.conditions)
    for c in parse_tolerance(item.answer.limit).conditions if item.answer.limit else ():
        if isinstance(c, Compare) and c.value is not None and not c.check(design, None):
            design = c.value  # an approved design meets the code's limit
    for extra in (item.answer.limit, item.answer.advice):  # the code's limit and the advice bound values too
        if extra:
            conditions += parse_tolerance(extra).conditions
    for key in tolerance.references:  # a jurisdiction rule: take its bounds too
        try:
            conditions += parse_tolerance(jurisdiction.tolerance_for(key, design)).conditions
        except KnownError:
            continue
    candidates = [design, design * 1.004, design * 0.996, design * 1.5, design * 0.5, 0.0]
    for c in conditions:
        if isinstance(c, Compare) and c.value is not None:
            candidates += [c.value * 1.1 + 0.1, c.value * 0.9 - 0.1, c.value, c.value * 0.5, c.value * 1.5]
        if isinstance(c, Range):
            candidates += [(c.low + c.high) / 2, c.low - 1, c.high + 1]
    for value in candidates:
        value = round(value, 2)
        try:
            if sample_passes(item, value, design, jurisdiction) is passing:
                count = max(item.sampling.min_samples if item.sampling else 1, 1)
                return AnswerInput(samples=(value,) * count, design=design if tolerance.needs_design else None)
        except KnownError:
            continue
    return None


# Plausible design values by unit symbol, so the demo's measurements read like real ones.
_DESIGN_BY_UNIT = {
    "m": 13.0,
    "%": 35.0,
    "MPa": 0.35,
    "Pa": 50.0,
    "lx": 5.0,
    "dB": 60.0,
    "s": 30.0,
    "L/s": 10.0,
    "mm": 200.0,
    "℃": 20.0,
}


def _answer(item: Item, area: float, jurisdiction: Jurisdiction, passing: bool) -> AnswerInput:
    kind = item.answer.type
    design = area if item.answer.unit == "m²" else _DESIGN_BY_UNIT.get(item.answer.unit, 10.0)
    verdict = ItemVerdict.PASS if passing else ItemVerdict.FAIL
    note = "" if passing else f"{item.text}：现场与要求不符（演示）"
    if kind is AnswerType.MEASURE:
        found = _measure(item, design, jurisdiction, passing)
        if found is not None:
            return AnswerInput(samples=found.samples, design=found.design, note=note)
    if kind is AnswerType.COUNT:
        low = item.answer.min if isinstance(item.answer.min, int) else 2
        value = low if passing else max(low - 1, 0)
        return AnswerInput(samples=(float(value),), design=float(low), note=note)
    if kind is AnswerType.CHOICE:
        wrong = [o for o in item.answer.options if o not in item.answer.passing]
        choice = item.answer.passing[0] if passing or not wrong else wrong[0]
        return AnswerInput(choice=choice, note=note)
    return AnswerInput(verdict=verdict, text="符合设计要求" if kind is AnswerType.TEXT else "", note=note)


def _answer_rows(
    session: Session, inspection_id: uuid.UUID, rows: Iterable[ItemRow], design: float, failing: set[str]
) -> None:
    jurisdiction = checklists.inspection_sheet(session, inspection_id).jurisdiction
    for row in rows:
        answer = _answer(row.item, design, jurisdiction, row.item.id not in failing)
        try:
            checklists.answer_item(session, inspection_id, row.item.id, answer, answered_by="演示")
        except KnownError:
            continue  # a rule the generator cannot satisfy: the item stays open, the demo goes on


def _add_evidence(session: Session, inspection_id: uuid.UUID, rows: Iterable[ItemRow], failing: set[str]) -> None:
    """What the items' evidence rules ask: a photo where a pass needs one, a finding with a photo per failure."""
    photo = demo_photo(session, "IMG_2301.JPG")
    for row in rows:
        if row.item.id in failing:
            finding_id = add_demo_finding(session, inspection_id, FindingData(
                f"{row.item.text}：现场与要求不符", row.item.item_class, PartyRole.CONTRACTOR, 15, row.item.id),
                days_ago=3)
            link_photo(session, PhotoTarget.finding(finding_id), photo)
        elif EvidenceKind.PHOTO in row.item.evidence.on_pass:
            link_photo(session, PhotoTarget.inspection(inspection_id, row.item.id), photo)


def _pick(rows: tuple[ItemRow, ...], item_class: ItemClass) -> set[str]:
    """One unit-level item of the class (or of any class when the form has none)."""
    own = [r for r in rows if not r.shared]
    chosen = next((r for r in own if r.item.item_class is item_class), own[0] if own else None)
    return {chosen.item.id} if chosen else set()


def run_demo_inspection(
    session: Session,
    unit: Unit,
    discipline: Discipline,
    folder: Path,
    *,
    fail: ItemClass | None = None,
    kind: InspectionKind = InspectionKind.FORMAL,
    fraction: float = 1.0,
    conclude: bool = True,
) -> None:
    inspection_id, _ = checklists.start_inspection(
        session, unit.id, discipline, kind, forms_folder=folder, jurisdiction=JURISDICTION
    )
    rows = checklists.inspection_sheet(session, inspection_id).sheet.rows
    failing = _pick(rows, fail) if fail else set()
    todo = [r for r in rows if r.verdict is ItemVerdict.PENDING][: max(1, int(len(rows) * fraction))]
    design = unit.area_above or unit.height or 10.0
    _answer_rows(session, inspection_id, todo, design, failing)
    _add_evidence(session, inspection_id, todo, failing)
    if conclude:
        try:
            verdicts.conclude_inspection(session, inspection_id)
        except KnownError:
            pass  # something left open (see above): the inspection stays in progress


def add_demo_checklists(session: Session, project_id: uuid.UUID) -> Changes:
    folder = demo_forms_folder()
    units = {u.name: u for u in session.scalars(sa.select(Unit).where(Unit.project_id == project_id))}
    first, second, third, fifth = (units.get(n) for n in ("1#住宅楼", "2#住宅楼", "3#住宅楼", "5#住宅楼"))
    if not (first and second and third and fifth):
        return Changes()
    for discipline in (Discipline.PLANNING, Discipline.FIRE, Discipline.ARCHIVE):
        run_demo_inspection(session, first, discipline, folder)  # 1#: every discipline 合格
    run_demo_inspection(session, second, Discipline.PLANNING, folder)
    run_demo_inspection(session, second, Discipline.FIRE, folder, fail=ItemClass.C)  # 2#: 整改后复验
    run_demo_inspection(session, third, Discipline.FIRE, folder, fail=ItemClass.A)  # 3#: 不合格
    run_demo_inspection(session, fifth, Discipline.FIRE, folder, fail=ItemClass.B, kind=InspectionKind.SERVICE)  # 技术服务
    run_demo_inspection(session, fifth, Discipline.FIRE, folder, fraction=0.5, conclude=False)  # formal, in progress
    return Changes(inspection=True, checklist=True)
