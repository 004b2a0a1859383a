"""Plain JSON shapes of sheets and verdicts for the CLI (`--json`)."""

from __future__ import annotations

from typing import Any

from acceptance_app.domain.checklists.sheet import ItemRow
from acceptance_app.domain.checklists.verdicts import DisciplineOutcome, JointOutcome
from acceptance_app.text.unit_facts import describe_applicability


def outcome_json(outcome: DisciplineOutcome) -> dict[str, Any]:
    return {
        "discipline": outcome.discipline.value,
        "verdict": outcome.verdict.value if outcome.verdict else None,
        "reason": outcome.reason.value,
        "deciding": list(outcome.deciding),
        "failed_by_class": {c.value: n for c, n in outcome.failed_by_class},
        "scheme": outcome.scheme.value,  # any-failure (细则 2020) or by-class (XF 836)
        "advice": list(outcome.advice),  # advisory items not met: recorded, not failures
    }


def joint_json(joint: JointOutcome) -> dict[str, Any]:
    return {"verdict": joint.verdict.value if joint.verdict else None, "deciding": list(joint.deciding)}


def row_json(row: ItemRow) -> dict[str, Any]:
    item, answer = row.item, row.answer
    values = answer.values if answer else None
    return {
        "id": item.id,
        "group": row.group_title,
        "text": item.text,
        "criterion": item.criterion,
        "class": item.item_class.value,
        "method": item.method.value,
        "type": item.answer.type.value,
        "unit": item.answer.unit,
        "tolerance": item.answer.tolerance,
        "shared": row.shared,
        "verdict": row.verdict.value,
        "samples": list(values.samples) if values else [],
        "design": values.design if values else None,
        "choice": values.choice if values else "",
        "text_answer": values.text if values else "",
        "note": values.note if values else "",
        "na_reason": values.na_reason if values else "",
        "answered_by": answer.answered_by if answer else "",
        "answered_at": answer.answered_at.isoformat() if answer and answer.answered_at else None,
        "failed_samples": list(row.failed_samples),
        "samples_needed": row.samples_needed,
        "missing_evidence": [k.value for k in row.missing],
        "recheck": row.recheck,
        "source": {"standard": item.source.standard, "clause": item.source.clause, "tag": item.source.tag},
        "basis": item.source.basis,
        "advisory": item.advisory,
        "decided_by": row.outcome.decided_by.value if row.outcome and row.outcome.decided_by else None,
        "not_applicable_by_rule": row.by_rule,
        "applicability": describe_applicability(row.applicability),
    }


def sheet_json(current: Any) -> dict[str, Any]:
    info, sheet = current.info, current.sheet
    return {
        "inspection": {
            "id": str(info.id),
            "unit": info.unit_name,
            "unit_id": str(info.unit_id),
            "discipline": info.discipline.value,
            "kind": info.kind.value,
            "round": info.round,
            "status": info.status.value,
            "advisory": info.advisory,
            "form_title": info.form_title,
            "form_version": info.form_version,
            "form_hash": info.form_hash,
        },
        "progress": {
            "answered": sheet.answered,
            "total": sheet.total,
            "groups": [
                {"id": g.group_id, "title": g.title, "answered": g.answered, "total": g.total}
                for g in sheet.groups
            ],
        },
        "outcome": outcome_json(sheet.outcome),
        "items": [row_json(r) for r in sheet.rows],
        "excluded": [row_json(r) for r in sheet.excluded],  # 不适用 by rule, with the rule's reason
    }
