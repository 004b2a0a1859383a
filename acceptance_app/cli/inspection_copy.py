"""``inspections copy`` and ``inspections pass-rest``: identical buildings from the command line.

``copy`` without --items or --all lists what it would copy (the review list) and changes nothing; measurements
are copied only with --with-measurements or when named in --items. ``pass-rest`` lists the open items of a
group and answers them 合格 only with --yes.
"""

from __future__ import annotations

import argparse
import uuid

from acceptance_app.cli.context import print_json
from acceptance_app.context import AppContext
from acceptance_app.i18n import _


def add_parsers(sub: argparse._SubParsersAction) -> None:
    copy = sub.add_parser("copy", help=_("copy answers from an identical unit (lists them first)"))
    copy.add_argument("--inspection", required=True, type=uuid.UUID, help=_("the inspection that takes the answers"))
    copy.add_argument("--from-unit", required=True, type=uuid.UUID, help=_("the unit to copy from"))
    copy.add_argument("--items", default="", help=_("item ids to copy, separated by commas"))
    copy.add_argument("--all", action="store_true", help=_("copy every item ticked by default (no measurements)"))
    copy.add_argument("--with-measurements", action="store_true", help=_("with --all: measurements too"))
    copy.add_argument("--json", action="store_true")
    copy.set_defaults(handler=run_copy)
    rest = sub.add_parser("pass-rest", help=_("answer the open verdict items of a group 合格 (lists them first)"))
    rest.add_argument("--inspection", required=True, type=uuid.UUID)
    rest.add_argument("--group", required=True)
    rest.add_argument("--yes", action="store_true", help=_("confirm: record them"))
    rest.set_defaults(handler=run_pass_rest)


def run_copy(args: argparse.Namespace, context: AppContext) -> int:
    from acceptance_app.services.checklists import copying as checklist_copy

    database = context.database()
    with database.session() as session:
        candidates = checklist_copy.copy_candidates(session, args.inspection, args.from_unit)
    if args.items:
        chosen = [i.strip() for i in args.items.replace("，", ",").split(",") if i.strip()]
    elif args.all:
        chosen = [c.item_id for c in candidates if c.ticked_by_default or (args.with_measurements and c.measured)]
    else:
        rows = [{"item": c.item_id, "verdict": c.source_verdict.value, "measured": c.measured,
                 "target": c.target_verdict.value if c.target_verdict else None,
                 "ticked": c.ticked_by_default} for c in candidates]
        if args.json:
            print_json({"candidates": rows, "copied": 0})
        else:
            for row in rows:
                mark = "[x]" if row["ticked"] else "[ ]"
                print(f"{mark} {row['item']}\t{row['verdict']}\t{'measured' if row['measured'] else ''}")
            print(_("Nothing copied: give --items or --all to copy."))
        return 0
    with database.session() as session, session.begin():
        count, _changes = checklist_copy.copy_answers(session, args.inspection, args.from_unit, chosen)
    print_json({"copied": count, "items": chosen}) if args.json else print(_("Copied {count} answer(s).").format(
        count=count))
    return 0


def run_pass_rest(args: argparse.Namespace, context: AppContext) -> int:
    from acceptance_app.services.checklists import copying as checklist_copy

    database = context.database()
    if not args.yes:
        with database.session() as session:
            items = checklist_copy.open_items_of_group(session, args.inspection, args.group)
        print("\n".join(items))
        print(_("{count} item(s) would be answered 合格; give --yes to record them.").format(count=len(items)))
        return 0
    with database.session() as session, session.begin():
        items, _changes = checklist_copy.pass_rest_of_group(session, args.inspection, args.group)
    print(_("Answered {count} item(s) 合格.").format(count=len(items)))
    return 0
