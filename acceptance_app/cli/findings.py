"""``findings list|add|update|carry``, ``recheck start`` and ``dashboard``: the rectification loop headless."""

from __future__ import annotations

import argparse
import uuid
from dataclasses import asdict
from datetime import date
from typing import Any

from acceptance_app.cli.context import print_json
from acceptance_app.context import AppContext
from acceptance_app.domain.enums import Discipline, FindingStatus, ItemClass, PartyRole
from acceptance_app.domain.findings import FindingData, FindingRow
from acceptance_app.i18n import _
from acceptance_app.services.calendar import mark
from acceptance_app.services.findings import rechecks
from acceptance_app.services.findings import workflow as findings
from acceptance_app.services.projects import require_project

ROLES = [r.value for r in PartyRole]


def _today_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--today", type=date.fromisoformat, help=_("count days from this date (YYYY-MM-DD)"))


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser("findings", help=_("findings to rectify and their re-checks"))
    sub = parser.add_subparsers(dest="action", required=True)

    listing = sub.add_parser("list", help=_("list the findings of a project, the most urgent first"))
    listing.add_argument("--project", required=True, type=uuid.UUID)
    listing.add_argument("--unit", type=uuid.UUID)
    listing.add_argument("--discipline", choices=[d.value for d in Discipline])
    listing.add_argument("--status", choices=[s.value for s in FindingStatus])
    listing.add_argument("--party", choices=ROLES)
    listing.add_argument("--overdue", action="store_true", help=_("only findings past their deadline"))
    listing.add_argument("--json", action="store_true")
    _today_option(listing)
    listing.set_defaults(handler=run_list)

    add = sub.add_parser("add", help=_("record a finding on an inspection"))
    add.add_argument("--inspection", required=True, type=uuid.UUID)
    add.add_argument("--item", help=_("checklist item id, e.g. XF-04-1"))
    add.add_argument("--description", required=True)
    add.add_argument("--class", dest="item_class", choices=[c.value for c in ItemClass], default=None,
                     help=_("default: the item's class (B without --item)"))
    add.add_argument("--class-reason", default="", help=_("why the class is lower than the item's"))
    add.add_argument("--party", choices=ROLES, default=PartyRole.CONTRACTOR.value,
                     help=_("the responsible party's role"))
    add.add_argument("--days", type=int, default=15, help=_("deadline in working days"))
    _today_option(add)
    add.set_defaults(handler=run_add)

    update = sub.add_parser("update", help=_("move a finding one step: rectified, re-check passed or failed"))
    update.add_argument("finding", type=uuid.UUID)
    steps = update.add_mutually_exclusive_group(required=True)
    steps.add_argument("--rectified", action="store_true")
    steps.add_argument("--recheck-pass", action="store_true")
    steps.add_argument("--recheck-fail", action="store_true")
    update.add_argument("--note", default="")
    update.set_defaults(handler=run_update)

    carry = sub.add_parser("carry", help=_("carry technical-service findings into the formal acceptance"))
    carry.add_argument("--project", required=True, type=uuid.UUID)
    carry.set_defaults(handler=run_carry)

    recheck = subparsers.add_parser("recheck", help=_("re-inspection rounds"))
    recheck_sub = recheck.add_subparsers(dest="action", required=True)
    start = recheck_sub.add_parser("start", help=_("start a re-inspection round for the unresolved findings"))
    start.add_argument("--unit", required=True, type=uuid.UUID)
    start.add_argument("--discipline", required=True, choices=[d.value for d in Discipline])
    start.add_argument("--json", action="store_true")
    start.set_defaults(handler=run_recheck_start)

    board = subparsers.add_parser("dashboard", help=_("open findings by discipline and party, overdue ones"))
    board.add_argument("--project", required=True, type=uuid.UUID)
    board.add_argument("--json", action="store_true")
    _today_option(board)
    board.set_defaults(handler=run_dashboard)


def finding_json(row: FindingRow) -> dict[str, Any]:
    return {**asdict(row), "overdue": row.overdue}


def _line(row: FindingRow) -> str:
    left = "" if row.left is None else f"{row.left.days:+d}"
    return "\t".join([str(row.id), row.status.value, row.discipline.short_code, row.unit_name, row.item_id or "-",
                      row.item_class.value, row.party_role.value,
                      f"{row.deadline}{mark(row.deadline_provisional)}", left,
                      "OVERDUE" if row.overdue else "", row.description])


def run_list(args: argparse.Namespace, context: AppContext) -> int:
    with context.database().session() as session:
        require_project(session, args.project)
        rows = findings.list_findings(
            session, args.project, unit_id=args.unit,
            discipline=Discipline(args.discipline) if args.discipline else None,
            status=FindingStatus(args.status) if args.status else None,
            party_role=PartyRole(args.party) if args.party else None, overdue_only=args.overdue, today=args.today)
    if args.json:
        print_json([finding_json(r) for r in rows])
    else:
        for row in rows:
            print(_line(row))
    return 0


def run_add(args: argparse.Namespace, context: AppContext) -> int:
    with context.database().session() as session, session.begin():
        item_class = ItemClass(args.item_class) if args.item_class else None
        if item_class is None:  # a finding's class follows its item's
            item_class = findings.item_class_in(session, args.inspection, args.item) or ItemClass.B
        data = FindingData(args.description, item_class, PartyRole(args.party), args.days, args.item)
        finding_id, _changes = findings.add_finding(session, args.inspection, data, today=args.today,
                                                    class_reason=args.class_reason)
        row = findings.get_finding(session, finding_id, today=args.today)
    print(f"{finding_id}\t{row.deadline}{mark(row.deadline_provisional)}")
    return 0


def run_update(args: argparse.Namespace, context: AppContext) -> int:
    with context.database().session() as session, session.begin():
        if args.rectified:
            findings.mark_rectified(session, args.finding, args.note)
        else:
            findings.recheck(session, args.finding, passed=args.recheck_pass, note=args.note)
        row = findings.get_finding(session, args.finding)
    print(f"{row.id}\t{row.status.value}")
    return 0


def run_carry(args: argparse.Namespace, context: AppContext) -> int:
    with context.database().session() as session, session.begin():
        count, _changes = rechecks.carry_service_findings(session, args.project)
    print(count)
    return 0


def run_recheck_start(args: argparse.Namespace, context: AppContext) -> int:
    with context.database().session() as session, session.begin():
        scope, _changes = rechecks.start_recheck_round(session, args.unit, Discipline(args.discipline))
    if args.json:
        print_json({"inspection": scope.inspection_id, "round": scope.round, "items": scope.item_ids,
                    "findings": [f.id for f in scope.findings]})
    else:
        print(f"{scope.inspection_id}\t{scope.round}\t{','.join(scope.item_ids)}")
    return 0


def run_dashboard(args: argparse.Namespace, context: AppContext) -> int:
    with context.database().session() as session:
        require_project(session, args.project)
        board = findings.dashboard(session, args.project, today=args.today)
    if args.json:
        print_json({
            "open": board.open, "rectified": board.rectified, "closed": board.closed, "overdue": board.overdue,
            "due_soon": board.due_soon, "by_discipline": {d.value: n for d, n in board.by_discipline.items()},
            "by_party": {p.value: n for p, n in board.by_party.items()},
            "unresolved": [finding_json(r) for r in board.unresolved],
            "clock_warnings": list(board.clock_warnings),
        })
        return 0
    print(_("Open {open}, rectified {rectified}, closed {closed}, overdue {overdue}, due soon {due_soon}").format(
        open=board.open, rectified=board.rectified, closed=board.closed, overdue=board.overdue,
        due_soon=board.due_soon))
    for discipline, count in board.by_discipline.items():
        print(f"{discipline.value}\t{count}")
    for role, count in board.by_party.items():
        print(f"{role.value}\t{count}")
    for row in board.unresolved:
        print(_line(row))
    for warning in board.clock_warnings:
        print(_("Procedure clock: {warning}").format(warning=warning))
    return 0
