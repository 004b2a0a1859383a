"""The audit trail of a record or a project as CSV, for an office that must answer for a verdict."""

from __future__ import annotations

from pathlib import Path

from acceptance_app.domain.beijing_time import beijing_text
from acceptance_app.services.audit_trail import HistoryEntry
from acceptance_app.text import audit

CSV_HEADER = ("时间（北京时间）", "对象", "记录", "操作", "字段", "原值", "新值", "操作人", "设备或交换包")


def write_csv(entries: list[HistoryEntry], path: Path) -> int:
    """The entries as CSV (UTF-8 with BOM, so that Excel and WPS read the Chinese); returns the rows written."""
    import csv
    import io

    from acceptance_app.fileio import atomic_write_bytes

    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(CSV_HEADER)
    for e in entries:
        writer.writerow((beijing_text(e.at, seconds=True), audit.entity_label(e), e.record, audit.action_label(e), audit.field_label(e),
                         audit.old_text(e), audit.new_text(e), e.actor, e.device))
    atomic_write_bytes(path, buffer.getvalue().encode("utf-8-sig"))
    return len(entries)
