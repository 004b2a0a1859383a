"""Checklist rows as the plain strings the documents print (official Chinese wording, not translated).

``record_line_fields(row)`` has exactly the fields of reports.inputs.RecordLine, ``deciding_item_fields(row)``
those of reports.inputs.DecidingItem, so the document sources are one line each:
``RecordLine(**record_line_fields(r)) for r in verdicts.record_items(session, inspection.id)``.
"""

from __future__ import annotations

import re
import uuid

from sqlalchemy.orm import Session

from acceptance_app.domain.checklists.answers import Rule
from acceptance_app.domain.checklists.form import AnswerType
from acceptance_app.domain.checklists.sheet import ItemRow
from acceptance_app.domain.enums import ItemClass, ItemVerdict, Verdict

VERDICT_WORDS = {
    ItemVerdict.PASS: "合格",
    ItemVerdict.FAIL: "不合格",
    ItemVerdict.NOT_APPLICABLE: "不适用",
    ItemVerdict.PENDING: "未检查",
    ItemVerdict.ADVICE: "建议",  # an advisory (宜) clause not met: recorded, not a failure
}
# Which rule decided a measured value (the 细则: the design value first, then the code's mandatory limit).
RULE_WORDS = {Rule.DESIGN: "按设计值判定", Rule.LIMIT: "按规范限值判定", Rule.ADVICE: "按建议值（宜）判定"}


# Words of a research note, not of a legal basis: a bracket holding one of them is left off the printed 依据
# (the note stays in the form for the reviewers).
NOTE_WORDS = ("未确认", "可能", "推定", "未识别", "未显示", "不详", "待核", "回忆")
_BRACKET = re.compile(r"[（(][^（）()]*[）)]")


def clean_basis(text: str) -> str:
    """"工程测量通用规范（推定为GB 55018-2021，原页未显示标准号）" -> "工程测量通用规范"."""
    cleaned = _BRACKET.sub(lambda m: "" if any(w in m.group(0) for w in NOTE_WORDS) else m.group(0), text)
    return re.sub(r"\s+", " ", cleaned).strip()


def clause_text(row: ItemRow) -> str:
    """"GB 50016-2014（2018年版） 第5.2.2条": the clean basis (standard and clause); the source's research
    note (links, "未确认") is never printed."""
    return row.item.source.basis


def _number(value: float) -> str:
    return f"{value:g}"


def _measurement(row: ItemRow) -> tuple[str, str]:
    """(measurement, samples): the range measured with the design value, and every sample."""
    values = row.answer.values if row.answer else None
    spec = row.item.answer
    if values is None or not values.samples or spec.type not in (AnswerType.MEASURE, AnswerType.COUNT):
        return "", ""
    unit = f" {spec.unit}" if spec.unit else ""
    low, high = min(values.samples), max(values.samples)
    text = _number(low) if low == high else f"{_number(low)}～{_number(high)}"
    text += unit
    notes = [f"设计 {_number(values.design)}{unit}"] if values.design is not None else []
    decided = row.outcome.decided_by if row.outcome else None
    if decided is not None and row.verdict is not ItemVerdict.PENDING:
        notes.append(RULE_WORDS[decided])
    if notes:
        text += f"（{'，'.join(notes)}）"
    samples = " / ".join(_number(v) for v in values.samples) if len(values.samples) > 1 else ""
    return text, samples


def _answer(row: ItemRow) -> str:
    values = row.answer.values if row.answer else None
    if values is None:
        return ""
    if values.verdict is ItemVerdict.NOT_APPLICABLE:
        return f"不适用：{values.na_reason}" if values.na_reason else "不适用"
    if row.item.answer.type is AnswerType.CHOICE:
        return values.choice
    if row.item.answer.type is AnswerType.TEXT:
        return values.text
    return values.note


def record_line_fields(row: ItemRow) -> dict[str, str]:
    measurement, samples = _measurement(row)
    return {
        "item_id": row.item.id,
        "text": row.item.text,
        "answer": _answer(row),
        "measurement": measurement,
        "samples": samples,
        "verdict_label": VERDICT_WORDS[row.verdict],
        "clause": clause_text(row),
    }


def deciding_item_fields(row: ItemRow) -> dict[str, str]:
    return {
        "item_id": row.item.id,
        "text": row.item.text,
        "verdict_label": VERDICT_WORDS[row.verdict],
        "clause": clause_text(row),
    }


def inspection_deciding_items(session: Session, inspection_id: uuid.UUID) -> tuple[ItemRow, ...]:
    """The items that decided this inspection: the failed ones that triggered the rule, or, when it passed,
    its class A (veto) items, which passing made the verdict 合格."""
    # The forms machinery (YAML, the schema) loads only when a checklist is read: a passed opinion reads none.
    from acceptance_app.services.checklists.inspections import inspection_sheet

    sheet = inspection_sheet(session, inspection_id).sheet
    if sheet.outcome.verdict is Verdict.PASSED:
        return tuple(r for r in sheet.rows if r.item.item_class is ItemClass.A and r.verdict is ItemVerdict.PASS)
    return tuple(sheet.row(item_id) for item_id in sheet.outcome.deciding)
