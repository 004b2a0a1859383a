"""The demo project's checklists: units fully answered (合格, 整改后复验, 不合格), one technical-service session,
one unit in progress. Written against whatever forms are installed: the shipped forms/*.yaml when all four
are there, else the small demo forms in resources/demo-forms.

Values come from the per-item ranges of ``demo_data.TYPICAL`` (drawn with a seed per unit and item, so every
run gives the same figures), items that do not apply to the unit kind are answered 不适用 with the reason an
inspector writes, and a failing item is one of ``demo_data.CHECKLIST_DEFECTS``: its measured value, its
finding with location and clause, its photo. Each answer names the discipline's inspector."""

from __future__ import annotations

import random
import uuid
from collections.abc import Iterable
from pathlib import Path

import sqlalchemy as sa
from sqlalchemy.orm import Session

from acceptance_app.demo.data import (
    CHECKLIST_DEFECTS,
    INSPECTOR_OF,
    LOW_TOWER_NA,
    NOT_APPLICABLE,
    PHOTO_OF_KIND,
    TYPICAL,
    Defect,
    Typical,
)
from acceptance_app.demo.findings import add_demo_finding, demo_photo, link_photo
from acceptance_app.domain.checklists.answers import AnswerInput, sample_passes
from acceptance_app.domain.checklists.form import AnswerType, EvidenceKind, Item
from acceptance_app.domain.checklists.jurisdiction import Jurisdiction
from acceptance_app.domain.checklists.sheet import ItemRow
from acceptance_app.domain.checklists.tolerance import Compare, Range, parse_tolerance
from acceptance_app.domain.enums import Discipline, InspectionKind, ItemVerdict
from acceptance_app.domain.findings import FindingData
from acceptance_app.domain.photos import PhotoTarget
from acceptance_app.domain.problems import KnownError
from acceptance_app.locator import forms_dir, resource
from acceptance_app.services.changes import Changes
from acceptance_app.services.checklists import forms as checklist_forms
from acceptance_app.services.checklists import inspections as checklists
from acceptance_app.services.checklists import verdicts
from acceptance_app.storage.models import Unit

JURISDICTION = "370100"


def demo_forms_folder() -> Path:
    shipped = forms_dir()
    if len(checklist_forms.library(shipped).forms) == len(Discipline):
        return shipped
    return resource("demo-forms")


def _design(typical: Typical, unit: Unit) -> float | None:
    own = dict(typical.per_project).get(unit.project.project_code)
    if own is not None:
        return own
    if isinstance(typical.design, str):
        if typical.design == "area":
            return round((unit.area_above or 0) + (unit.area_below or 0), 2)
        value = getattr(unit, typical.design, None)
        return float(value) if value is not None else None
    return typical.design


def _draw(typical: Typical, design: float | None, rng: random.Random) -> float:
    deviation = rng.uniform(typical.low, typical.high)
    if typical.offset and design is not None:
        # Areas deviate relatively (a few per mille); other offsets are absolute (m, pieces ...).
        value = design * (1 + deviation) if abs(typical.high) < 0.01 and abs(typical.low) < 0.01 else design + deviation
    else:
        value = deviation
    return round(value, typical.decimals)


def _fallback(item: Item, design: float, jurisdiction: Jurisdiction, rng: random.Random) -> tuple[float, float]:
    """An item the demo has no range for (a form newer than the demo): a value comfortably inside its rule."""
    tolerance = parse_tolerance(item.answer.tolerance)
    for c in parse_tolerance(item.answer.limit).conditions if item.answer.limit else ():
        # The code's mandatory limit bounds the approved design too: a design that meets it.
        if isinstance(c, Compare) and c.value is not None and not c.check(design, None):
            design = round(c.value * (1.2 if c.op in (">=", ">") else 0.8), 2)
    for c in tolerance.conditions:
        if isinstance(c, Range):
            return round(rng.uniform(c.low + (c.high - c.low) * 0.3, c.low + (c.high - c.low) * 0.7), 2), design
        if isinstance(c, Compare) and c.value is not None:
            factor = rng.uniform(1.1, 1.4) if c.op in (">=", ">") else rng.uniform(0.5, 0.85)
            return round(c.value * factor, 2), design
    return round(design * rng.uniform(0.999, 1.001), 2), design


def _samples(item: Item, unit: Unit, jurisdiction: Jurisdiction, rng: random.Random) -> AnswerInput | None:
    count = max(item.sampling.min_samples if item.sampling else 1, 1)
    typical = TYPICAL.get(item.id)
    design = _design(typical, unit) if typical else None
    needs_design = parse_tolerance(item.answer.tolerance).needs_design
    for _attempt in range(6):
        if typical:
            values = [_draw(typical, design, rng) for _ in range(count)]
        else:
            base = float(unit.area_above or unit.height or 10.0) if item.answer.unit == "m²" else 10.0
            pairs = [_fallback(item, base, jurisdiction, rng) for _ in range(count)]
            values, design = [v for v, _ in pairs], pairs[0][1]
        try:
            if all(sample_passes(item, v, design, jurisdiction) for v in values):
                return AnswerInput(samples=tuple(values), design=design if needs_design else None)
        except KnownError:
            return None
    return None


def _not_applicable(item: Item, unit: Unit) -> str:
    reasons = dict(NOT_APPLICABLE.get(unit.use, {}))
    if unit.height is not None and unit.height <= 33 and unit.use.value == "residential":
        reasons.update(LOW_TOWER_NA)
    rule = item.applies_to
    if not unit.height and rule is not None and rule.min_height is not None:
        return "全地下建筑，无地上部分"
    return reasons.get(item.id, "")


def _answer(item: Item, unit: Unit, jurisdiction: Jurisdiction, defect: Defect | None) -> AnswerInput | None:
    kind = item.answer.type
    rng = random.Random(f"{unit.name}/{item.id}")
    reason = _not_applicable(item, unit)
    if reason and defect is None:
        return AnswerInput(verdict=ItemVerdict.NOT_APPLICABLE, na_reason=reason)
    if defect is not None and kind is AnswerType.MEASURE and defect.value is not None:
        passing = _samples(item, unit, jurisdiction, rng)
        design = passing.design if passing else None
        # The failing door, and the second one of the doubled sample (加倍抽查) failing too.
        extra = item.sampling.extend_on_fail if item.sampling else 0
        bad = [defect.value] + [round(defect.value * 0.98, 2)] * min(extra, 1)
        good = list(passing.samples[:-1]) if passing else []
        return AnswerInput(samples=(*good, *bad), design=design, note=defect.description)
    if kind is AnswerType.MEASURE:
        return _samples(item, unit, jurisdiction, rng)
    if kind is AnswerType.COUNT:
        typical = TYPICAL.get(item.id)
        design = _design(typical, unit) if typical else None
        if typical and design is not None:
            value = design + round(rng.uniform(typical.low, typical.high)) if typical.offset else design
        else:
            value = 2.0
        if isinstance(item.answer.min, int) and value < item.answer.min:
            value = design = float(item.answer.min)  # the form asks more than the demo's figure: give it
        return AnswerInput(samples=(float(value),), design=float(design) if design is not None else float(value))
    if kind is AnswerType.CHOICE:
        wrong = [o for o in item.answer.options if o not in item.answer.passing]
        if defect is not None and wrong:
            return AnswerInput(choice=wrong[0], note=defect.description)
        return AnswerInput(choice=item.answer.passing[0])
    if defect is not None:
        return AnswerInput(verdict=ItemVerdict.FAIL, note=defect.description)
    return AnswerInput(verdict=ItemVerdict.PASS, text="符合设计要求" if kind is AnswerType.TEXT else "")


def _answer_rows(session: Session, inspection_id: uuid.UUID, unit: Unit, rows: Iterable[ItemRow],
                 defect: Defect | None, by: str) -> None:
    jurisdiction = checklists.inspection_sheet(session, inspection_id).jurisdiction
    for row in rows:
        own = defect if defect is not None and row.item.id == defect.item_id else None
        answer = _answer(row.item, unit, jurisdiction, own)
        if answer is None:
            continue  # a rule the demo cannot satisfy: the item stays open, the demo goes on
        try:
            checklists.answer_item(session, inspection_id, row.item.id, answer, answered_by=by)
        except KnownError:
            continue


def _add_evidence(session: Session, inspection_id: uuid.UUID, rows: Iterable[ItemRow], defect: Defect | None) -> None:
    """What the items' evidence rules ask: a photo where a pass needs one, the defect's finding with its photo."""
    general = demo_photo(session, PHOTO_OF_KIND["hydrant"])
    for row in rows:
        if defect is not None and row.item.id == defect.item_id:
            finding_id = add_demo_finding(session, inspection_id, FindingData(
                defect.description, defect.item_class, defect.party, defect.days, defect.item_id),
                days_ago=defect.days_ago)
            link_photo(session, PhotoTarget.finding(finding_id), demo_photo(session, PHOTO_OF_KIND[defect.photo]))
        elif EvidenceKind.PHOTO in row.item.evidence.on_pass:
            link_photo(session, PhotoTarget.inspection(inspection_id, row.item.id), general)


SERVICE_ONLY = {"5#住宅楼", "6#住宅楼"}  # their defect was found in the technical-service session


def defect_for(unit: Unit, discipline: Discipline, kind: InspectionKind) -> Defect | None:
    """The demo's defect of this unit and discipline (the technical-service one for a service session)."""
    found = [d for d in CHECKLIST_DEFECTS if d.unit == unit.name and d.discipline is discipline]
    if kind is InspectionKind.SERVICE:
        return next((d for d in found if d.unit in SERVICE_ONLY), None)
    return next((d for d in found if d.unit not in SERVICE_ONLY), None)


def run_demo_inspection(
    session: Session,
    unit: Unit,
    discipline: Discipline,
    folder: Path,
    *,
    defect: Defect | None = None,
    kind: InspectionKind = InspectionKind.FORMAL,
    fraction: float = 1.0,
    conclude: bool = True,
) -> None:
    inspection_id, _ = checklists.start_inspection(
        session, unit.id, discipline, kind, forms_folder=folder, jurisdiction=JURISDICTION
    )
    rows = checklists.inspection_sheet(session, inspection_id).sheet.rows
    if defect is not None and all(r.item.id != defect.item_id for r in rows):
        defect = None  # the installed forms lack the item: the round passes
    todo = [r for r in rows if r.verdict is ItemVerdict.PENDING][: max(1, int(len(rows) * fraction))]
    _answer_rows(session, inspection_id, unit, todo, defect, INSPECTOR_OF[discipline])
    _add_evidence(session, inspection_id, todo, defect)
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
    formal, service = InspectionKind.FORMAL, InspectionKind.SERVICE
    for discipline in (Discipline.PLANNING, Discipline.FIRE, Discipline.ARCHIVE):
        run_demo_inspection(session, first, discipline, folder)  # 1#: every discipline 合格
    run_demo_inspection(session, second, Discipline.PLANNING, folder)
    run_demo_inspection(session, second, Discipline.FIRE, folder,
                        defect=defect_for(second, Discipline.FIRE, formal))  # 2#: 整改后复验
    run_demo_inspection(session, third, Discipline.FIRE, folder,
                        defect=defect_for(third, Discipline.FIRE, formal))  # 3#: 不合格
    run_demo_inspection(session, fifth, Discipline.FIRE, folder, kind=service,
                        defect=defect_for(fifth, Discipline.FIRE, service))  # 技术服务
    run_demo_inspection(session, fifth, Discipline.FIRE, folder, fraction=0.5, conclude=False)  # formal, in progress
    return Changes(inspection=True, checklist=True)
