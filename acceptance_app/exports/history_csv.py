"""The audit trail of a record or a project as CSV, for an office that must answer for a verdict."""

from __future__ import annotations

from pathlib import Path

from acceptance_app.domain.beijing_time import beijing_text
from acceptance_app.services.audit_trail import HistoryEntry
from acceptance_app.services.checklists.answer_history import ItemHistory
from acceptance_app.text import audit
from acceptance_app.text.checklists import answer_words
from acceptance_app.text.labels import label

CSV_HEADER = ("时间（北京时间）", "对象", "记录", "操作", "字段", "原值", "新值", "操作人", "设备或交换包")


VERSIONS_HEADER = ("单体", "检查项", "时间（北京时间）", "答复人", "检查", "轮次", "结论", "答复", "设备或交换包", "说明")


def _write(rows: list[tuple[object, ...]], path: Path) -> int:
    """Rows as CSV (UTF-8 with BOM, so that Excel and WPS read the Chinese), written atomically."""
    import csv
    import io

    from acceptance_app.fileio import atomic_write_bytes

    buffer = io.StringIO()
    csv.writer(buffer).writerows(rows)
    atomic_write_bytes(path, buffer.getvalue().encode("utf-8-sig"))
    return len(rows) - 1


def write_csv(entries: list[HistoryEntry], path: Path) -> int:
    """The audit entries; returns the rows written."""
    return _write([CSV_HEADER, *((beijing_text(e.at, seconds=True), audit.entity_label(e), e.record,
                                  audit.action_label(e), audit.field_label(e), audit.old_text(e), audit.new_text(e),
                                  e.actor, e.device) for e in entries)], path)


def write_versions_csv(history: ItemHistory, path: Path) -> int:
    """Every version of one item's answer (the runner's 历史), as the dialog shows it."""
    return _write([VERSIONS_HEADER, *((history.unit_name, history.item.id, beijing_text(v.at, seconds=True), v.by,
                                       label(v.kind), v.round, label(v.verdict), answer_words(history.item, v.values),
                                       v.device, audit.version_notes(v)) for v in history.versions)], path)
