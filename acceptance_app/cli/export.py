"""``export xlsx`` (the workbook offices open in Excel/WPS) and ``export history`` (the audit trail as CSV)."""

from __future__ import annotations

import argparse
import uuid
from pathlib import Path

from acceptance_app.context import AppContext
from acceptance_app.i18n import _


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser("export", help=_("exports for the offices (Excel workbook, audit trail)"))
    sub = parser.add_subparsers(dest="action", required=True)
    xlsx = sub.add_parser("xlsx", help=_("a project's findings, checklist results, dashboard and history as XLSX"))
    xlsx.add_argument("--project", required=True, type=uuid.UUID)
    xlsx.add_argument("--out", required=True, type=Path)
    xlsx.set_defaults(handler=_xlsx)
    history = sub.add_parser("history", help=_("the audit trail of a project or of one record as CSV"))
    which = history.add_mutually_exclusive_group(required=True)
    which.add_argument("--project", type=uuid.UUID)
    which.add_argument("--record", type=uuid.UUID, help=_("an answer, finding, unit or document id"))
    history.add_argument("--out", required=True, type=Path)
    history.set_defaults(handler=_history)


def _xlsx(args: argparse.Namespace, context: AppContext) -> int:
    from acceptance_app.exports.office_xlsx import export_xlsx

    with context.database().session() as session:
        counts = export_xlsx(session, args.project, args.out)
    print(_("{findings} findings, {events} finding steps, {sheets} discipline sheets, {units} units, "
            "{audit} history lines: {path}").format(
        findings=counts.findings, events=counts.finding_events, sheets=counts.discipline_sheets,
        units=counts.units, audit=counts.audit_events, path=args.out))
    return 0


def _history(args: argparse.Namespace, context: AppContext) -> int:
    from acceptance_app.exports.history_csv import write_csv
    from acceptance_app.services import audit_trail

    with context.database().session() as session:
        entries = (audit_trail.project_history(session, args.project) if args.project
                   else audit_trail.entity_history(session, args.record))
    count = write_csv(entries, args.out)
    print(_("{count} history lines: {path}").format(count=count, path=args.out))
    return 0
