"""``timeline add|show``: the procedure clock of a project or of a unit accepted alone (services/timeline.py)."""

from __future__ import annotations

import argparse
import uuid
from datetime import date

from acceptance_app.cli.context import print_json
from acceptance_app.context import AppContext
from acceptance_app.i18n import _


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser("timeline", help=_("the procedure clock: 申请, 受理, 现场验收, 整改, 复验, 出具意见"))
    sub = parser.add_subparsers(dest="action", required=True)
    show = sub.add_parser("show", help=_("the stages, the pauses and the working days counted against the limit"))
    show.add_argument("--project", required=True, type=uuid.UUID)
    show.add_argument("--unit", type=uuid.UUID, help=_("a unit accepted on its own"))
    show.add_argument("--today", type=date.fromisoformat, default=None)
    show.add_argument("--json", action="store_true")
    show.set_defaults(handler=run_show)
    add = sub.add_parser("add", help=_("record a stage with its date"))
    add.add_argument("--project", required=True, type=uuid.UUID)
    add.add_argument("--unit", type=uuid.UUID, help=_("a unit accepted on its own"))
    add.add_argument("--stage", required=True,
                     choices=["applied", "accepted", "site", "rectification", "receipt", "reported", "recheck",
                              "opinion"])
    add.add_argument("--date", required=True, type=date.fromisoformat)
    add.add_argument("--reference", default="", help=_("the acceptance number (受理编号)"))
    add.add_argument("--reason", default="", help=_("why the clock pauses (rectification)"))
    add.set_defaults(handler=run_add)


def run_add(args: argparse.Namespace, context: AppContext) -> int:
    from acceptance_app.domain.procedure import Stage
    from acceptance_app.services import timeline

    with context.database().session() as session, session.begin():
        timeline.record_stage(session, args.project, Stage(args.stage), args.date, unit_id=args.unit,
                              reference=args.reference, reason=args.reason)
    return 0


def run_show(args: argparse.Namespace, context: AppContext) -> int:
    from acceptance_app.services import timeline

    with context.database().session() as session:
        result = timeline.project_timeline(session, args.project, args.unit, args.today)
    data = timeline.as_json(result)
    if args.json:
        print_json(data)
        return 0
    for event in data["events"]:
        extra = "　".join(x for x in (event["reference"], event["reason"]) if x)
        print(f"{event['date']}\t{event['label']}\t{extra}")
    mark = _(" (weekends only: no holiday table for the year)") if data["estimated"] else ""
    print(_("Working days counted: {counted} of {limit} ({status}){mark}").format(
        counted=data["counted_working_days"], limit=data["limit_working_days"], status=data["status"], mark=mark))
    return 0
