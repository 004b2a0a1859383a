"""The proposed text of a finding made from a failed checklist answer (domain/finding_text.py): the unit, the
measured value against the design value and the requirement, and the clause. The inspector edits it."""

from __future__ import annotations

from acceptance_app.domain.checklists.form import AnswerType
from acceptance_app.domain.checklists.sheet import ItemRow
from acceptance_app.domain.finding_text import FindingFacts, finding_text
from acceptance_app.services.checklists.records import clause_text


def proposed_text(unit_name: str, row: ItemRow, location: str = "") -> str:
    values = row.answer.values if row.answer else None
    spec = row.item.answer
    measured = values is not None and spec.type in (AnswerType.MEASURE, AnswerType.COUNT) and bool(values.samples)
    seen = ""
    if values is not None and not measured:
        seen = values.choice if spec.type is AnswerType.CHOICE else (values.text or values.note)
    requirement = spec.tolerance if measured and spec.tolerance and not spec.tolerance.startswith("@") else ""
    return finding_text(FindingFacts(
        unit=unit_name, subject=row.item.text, clause=clause_text(row), location=location,
        samples=tuple(values.samples) if measured and values else (), design=values.design if measured and values else None,
        measure_unit=spec.unit, requirement=requirement or ("" if measured else row.item.criterion), seen=seen))


def needs_design_route(text: str) -> bool:
    """A height, area, storeys or use deviation is remedied by a 设计变更 or the 规划 procedure, by the builder,
    not by the 施工单位 within days (services/documents/inputs.py prints the route on the notice)."""
    from acceptance_app.services.documents.inputs import BUILDING_FACTS

    return any(fact in text for fact in BUILDING_FACTS)
