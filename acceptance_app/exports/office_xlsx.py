"""What an office receives as a workbook (reports/workbook.py): a project's findings with their history, each
discipline's checklist results (items as rows, units as columns), the 整改 dashboard and the audit trail.

Times are Beijing time (UTC+8, no daylight saving), as the offices read them. The workbook is built from the same
services the window shows (findings.list_findings, findings.dashboard, checklists.unit_checklist), so what the
window says and what the workbook says cannot drift apart.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta, timezone
from pathlib import Path

import sqlalchemy as sa
from sqlalchemy.orm import Session

from acceptance_app.domain.enums import Discipline, InspectionKind
from acceptance_app.i18n import _
from acceptance_app.reports import labels
from acceptance_app.reports.workbook import SheetTable, WorkbookData, write_xlsx
from acceptance_app.services import audit_trail
from acceptance_app.services.checklists import inspections as checklists
from acceptance_app.services.common import get_or_raise
from acceptance_app.services.findings import workflow as findings
from acceptance_app.storage.models import Project, Unit
from acceptance_app.text import audit
from acceptance_app.text.findings import action_name, status_name

BEIJING = timezone(timedelta(hours=8))


def beijing(moment: datetime | None) -> str:
    if moment is None:
        return ""
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return moment.astimezone(BEIJING).strftime("%Y-%m-%d %H:%M")


@dataclass(frozen=True)
class ExportCounts:
    """What the workbook holds, to compare with the project (tests, the CLI's summary line)."""

    findings: int
    finding_events: int
    discipline_sheets: int
    units: int
    audit_events: int


def _units(session: Session, project_id: uuid.UUID) -> list[Unit]:
    return list(session.scalars(sa.select(Unit).where(Unit.project_id == project_id)
                                .order_by(Unit.sort_order, Unit.name)))


def findings_sheets(session: Session, project_id: uuid.UUID, today: date | None) -> tuple[SheetTable, SheetTable]:
    rows = findings.list_findings(session, project_id, include_carried=True, today=today)
    finding_rows, event_rows = [], []
    for index, row in enumerate(rows, start=1):
        events = findings.finding_events(session, row.id)
        history = "\n".join(f"{beijing(e.at)} {action_name(e.action)}（{e.by}）"
                            + (f"：{e.note}" if e.note else "") for e in events)
        finding_rows.append((
            index, row.unit_name, labels.DISCIPLINE[row.discipline],
            _("technical service") if row.inspection_kind is InspectionKind.SERVICE else _("formal acceptance"),
            row.item_id or "", labels.ITEM_CLASS[row.item_class], row.description,
            labels.PARTY_ROLE[row.party_role], row.party_name, row.opened_on.isoformat(), row.deadline.isoformat(),
            status_name(row.status), _("yes") if row.overdue else "", row.created_by, history))
        for event in events:
            event_rows.append((index, row.unit_name, row.item_id or "", beijing(event.at),
                               action_name(event.action), status_name(event.status_after),
                               event.by, event.note))
    return (
        SheetTable("问题清单", ("序号", "单体", "专业", "阶段", "检查项", "类别", "问题描述", "责任单位类别",
                                "责任单位", "提出日期", "整改期限", "状态", "逾期", "提出人", "处理经过（北京时间）"),
                   tuple(finding_rows), (6, 16, 14, 10, 10, 10, 40, 12, 24, 11, 11, 14, 6, 10, 50),
                   frozen_columns=2, wrap=(6, 14)),
        SheetTable("问题处理记录", ("问题序号", "单体", "检查项", "时间（北京时间）", "处理", "处理后状态", "处理人",
                                    "说明"),
                   tuple(event_rows), (9, 16, 10, 17, 12, 14, 10, 50), wrap=(7,)),
    )


def discipline_sheet(session: Session, discipline: Discipline, units: list[Unit]) -> SheetTable | None:
    """Items as rows, units as columns: each cell the item's verdict on that unit's latest inspection."""
    items: dict[str, tuple[str, str, str]] = {}
    cells: dict[tuple[str, uuid.UUID], str] = {}
    started = []
    for unit in units:
        current = checklists.unit_checklist(session, unit.id, discipline).current
        if current is None:
            continue
        started.append(unit)
        for row in current.sheet.rows:
            items.setdefault(row.item.id, (row.group_title, row.item.text, labels.ITEM_CLASS[row.item.item_class]))
            cells[(row.item.id, unit.id)] = labels.ITEM_VERDICT[row.verdict]
    if not started:
        return None
    rows = tuple((item_id, group, text, item_class, *(cells.get((item_id, u.id), "—") for u in started))
                 for item_id, (group, text, item_class) in items.items())
    return SheetTable(labels.DISCIPLINE[discipline], ("检查项", "分组", "检查内容", "类别", *(u.name for u in started)),
                      rows, (10, 16, 50, 10, 12), frozen_columns=3, wrap=(2,))


def dashboard_sheet(session: Session, project_id: uuid.UUID, today: date | None) -> SheetTable:
    board = findings.dashboard(session, project_id, today=today)
    rows: list[tuple[str, str, object]] = [
        ("总览", "待整改", board.open), ("总览", "已整改待复验", board.rectified), ("总览", "复验通过", board.closed),
        ("总览", "已逾期", board.overdue), ("总览", f"{findings.DUE_SOON_DAYS} 个工作日内到期", board.due_soon),
    ]
    rows += [("未解决（按专业）", labels.DISCIPLINE[d], n) for d, n in board.by_discipline.items()]
    rows += [("未解决（按责任单位）", labels.PARTY_ROLE[p], n) for p, n in board.by_party.items()]
    return SheetTable("整改看板", ("分类", "项目", "数量"), tuple(rows), (22, 30, 10))


def audit_sheet(session: Session, project_id: uuid.UUID) -> SheetTable:
    entries = audit_trail.project_history(session, project_id)
    rows = tuple((beijing(e.at), audit.entity_label(e), e.record, audit.action_label(e), audit.field_label(e), audit.old_text(e), audit.new_text(e), e.actor,
                  e.device) for e in entries)
    return SheetTable("变更记录", ("时间（北京时间）", "对象", "记录", "操作", "字段", "原值", "新值", "操作人",
                                  "设备或交换包"),
                      rows, (17, 10, 24, 8, 16, 30, 30, 10, 18), wrap=(5, 6))


def project_workbook(session: Session, project_id: uuid.UUID, today: date | None = None) -> WorkbookData:
    project = get_or_raise(session, Project, project_id)
    assert isinstance(project, Project)
    units = _units(session, project_id)
    found, events = findings_sheets(session, project_id, today)
    disciplines = [s for s in (discipline_sheet(session, d, units) for d in Discipline) if s is not None]
    return WorkbookData((found, events, *disciplines, dashboard_sheet(session, project_id, today),
                         audit_sheet(session, project_id)), title=project.name)


def counts(book: WorkbookData) -> ExportCounts:
    by_title = {s.title: s for s in book.sheets}
    discipline_titles = set(labels.DISCIPLINE.values())
    units = {name for s in book.sheets if s.title in discipline_titles for name in s.header[4:]}
    return ExportCounts(len(by_title["问题清单"].rows), len(by_title["问题处理记录"].rows),
                        sum(1 for s in book.sheets if s.title in discipline_titles), len(units),
                        len(by_title["变更记录"].rows))


def export_xlsx(session: Session, project_id: uuid.UUID, path: Path, today: date | None = None) -> ExportCounts:
    """Read on the caller's session, write the file (atomically): the caller runs it off the GUI thread."""
    book = project_workbook(session, project_id, today)
    write_xlsx(book, path)
    return counts(book)


