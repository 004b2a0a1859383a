"""``inspections start|answer|undo|show|conclude|reopen|history|copy|pass-rest``: the whole checklist flow
without the GUI."""

from __future__ import annotations

import argparse
import sys
import uuid

from acceptance_app.cli.context import print_json
from acceptance_app.context import AppContext
from acceptance_app.domain.enums import Discipline, InspectionKind
from acceptance_app.i18n import _
from acceptance_app.settings import forms_folder


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser("inspections", help=_("checklist inspections of units"))
    sub = parser.add_subparsers(dest="action", required=True)
    start = sub.add_parser("start", help=_("start (or resume) an inspection; prints its id"))
    start.add_argument("--unit", required=True, type=uuid.UUID)
    start.add_argument("--discipline", required=True, choices=[d.value for d in Discipline])
    start.add_argument(
        "--kind", choices=[k.value for k in InspectionKind], default=InspectionKind.FORMAL.value
    )
    start.add_argument("--json", action="store_true")
    start.set_defaults(handler=run_start)
    answer = sub.add_parser("answer", help=_("answer one item (committed at once)"))
    answer.add_argument("--inspection", required=True, type=uuid.UUID)
    answer.add_argument("--item", required=True)
    answer.add_argument(
        "--value",
        required=True,
        help=_("合格/不合格/不适用 (or 1/2/3), measured values, a count or an option"),
    )
    answer.add_argument("--design", help=_("design value for tolerances relative to the design"))
    answer.add_argument("--reason", default="", help=_("reason for not applicable"))
    answer.add_argument("--text", default="", help=_("text answer"))
    answer.add_argument("--note", default="")
    answer.add_argument("--correction", default="",
                        help=_("why an answer of a concluded inspection is corrected (recorded with it)"))
    answer.add_argument("--json", action="store_true")
    answer.set_defaults(handler=run_answer)
    undo = sub.add_parser("undo", help=_("take back the last answer of an inspection"))
    undo.add_argument("--inspection", required=True, type=uuid.UUID)
    undo.set_defaults(handler=run_undo)
    show = sub.add_parser("show", help=_("show an inspection's items, answers, progress and verdict"))
    show.add_argument("--inspection", required=True, type=uuid.UUID)
    show.add_argument("--json", action="store_true")
    show.set_defaults(handler=run_show)
    conclude = sub.add_parser("conclude", help=_("conclude an inspection with its verdict"))
    conclude.add_argument("--inspection", required=True, type=uuid.UUID)
    conclude.add_argument("--json", action="store_true")
    conclude.set_defaults(handler=run_conclude)
    reopen = sub.add_parser("reopen", help=_("reopen a concluded inspection (a reason is required and recorded)"))
    reopen.add_argument("--inspection", required=True, type=uuid.UUID)
    reopen.add_argument("--reason", required=True)
    reopen.set_defaults(handler=run_reopen)
    history = sub.add_parser("history", help=_("every version of one item's answer in the unit"))
    history.add_argument("--inspection", required=True, type=uuid.UUID)
    history.add_argument("--item", required=True)
    history.add_argument("--json", action="store_true")
    history.set_defaults(handler=run_history)
    from acceptance_app.cli.inspection_copy import add_parsers

    add_parsers(sub)  # copy, pass-rest: identical buildings


def run_start(args: argparse.Namespace, context: AppContext) -> int:
    from acceptance_app.services.checklists import inspections as checklists

    with context.database().session() as session, session.begin():
        inspection_id, _changes = checklists.start_inspection(
            session,
            args.unit,
            Discipline(args.discipline),
            InspectionKind(args.kind),
            forms_folder=forms_folder(context.settings),
            jurisdiction=context.settings.jurisdiction,
        )
    print_json({"inspection": str(inspection_id)}) if args.json else print(inspection_id)
    return 0


def run_answer(args: argparse.Namespace, context: AppContext) -> int:
    from acceptance_app.domain.checklists.typed import answer_from_text
    from acceptance_app.services.checklists import inspections as checklists

    with context.database().session() as session, session.begin():
        item = checklists.item_of(session, args.inspection, args.item)
        answer = answer_from_text(item, args.value, args.design, args.reason, args.note, args.text)
        stale: tuple[str, ...] = ()
        if args.correction:
            correction, _changes = checklists.correct_answer(session, args.inspection, args.item, answer,
                                                             args.correction)
            outcome, stale = correction.outcome, correction.stale_record_sheets
        else:
            outcome, _changes = checklists.answer_item(session, args.inspection, args.item, answer)
    for number in stale:
        print(_("The record sheet {number} no longer matches the answers: issue the record sheets again")
              .format(number=number), file=sys.stderr)
    if args.json:
        print_json(
            {
                "item": args.item,
                "verdict": outcome.verdict.value,
                "samples_needed": outcome.samples_needed,
                "failed_samples": list(outcome.failed_samples),
                "decided_by": outcome.decided_by.value if outcome.decided_by else None,
            }
        )
    else:
        print(f"{args.item}\t{outcome.verdict.value}")
    return 0


def run_undo(args: argparse.Namespace, context: AppContext) -> int:
    from acceptance_app.services.checklists import inspections as checklists

    with context.database().session() as session, session.begin():
        item_id, _changes = checklists.undo_last(session, args.inspection)
    print(_("Undone: {item}").format(item=item_id))
    return 0


def run_show(args: argparse.Namespace, context: AppContext) -> int:
    from acceptance_app.cli.checklist_json import sheet_json
    from acceptance_app.services.checklists import inspections as checklists

    with context.database().session() as session:
        current = checklists.inspection_sheet(session, args.inspection)
    data = sheet_json(current)
    if args.json:
        print_json(data)
        return 0
    info = data["inspection"]
    print(
        f"{info['unit']} {info['discipline']} {info['kind']} #{info['round']} {info['form_title']} {info['form_version']}"
    )
    for row in data["items"]:
        print(f"{row['id']}\t{row['class']}\t{row['verdict']}\t{row['text']}")
    print(f"{data['progress']['answered']}/{data['progress']['total']}\t{data['outcome']['verdict']}")
    return 0


def run_conclude(args: argparse.Namespace, context: AppContext) -> int:
    from acceptance_app.cli.checklist_json import outcome_json
    from acceptance_app.services.checklists import verdicts

    with context.database().session() as session, session.begin():
        result, _changes = verdicts.conclude_inspection(session, args.inspection)
    data = {**outcome_json(result.outcome), "advisory": result.advisory}
    print_json(data) if args.json else print(f"{data['verdict']}\t{' '.join(data['deciding'])}")
    return 0


def run_reopen(args: argparse.Namespace, context: AppContext) -> int:
    from acceptance_app.services.checklists import corrections

    with context.database().session() as session, session.begin():
        corrections.reopen_inspection(session, args.inspection, args.reason)
    print(_("Reopened: answer the items again, then conclude"))
    return 0


def run_history(args: argparse.Namespace, context: AppContext) -> int:
    from acceptance_app.domain.beijing_time import beijing_text
    from acceptance_app.services.checklists.answer_history import item_history
    from acceptance_app.text.audit import version_notes
    from acceptance_app.text.checklists import answer_words
    from acceptance_app.text.labels import label

    with context.database().session() as session:
        history = item_history(session, args.inspection, args.item)
    rows = [{"at": beijing_text(v.at, seconds=True), "by": v.by, "device": v.device, "kind": v.kind.value,
             "round": v.round, "verdict": v.verdict.value, "answer": answer_words(history.item, v.values),
             "note": v.values.note, "correction": v.change_reason, "copied_from": v.copied_from, "live": v.live,
             "taken_back": beijing_text(v.taken_back.at, seconds=True) if v.taken_back else ""}
            for v in history.versions]
    if args.json:
        print_json({"item": history.item.id, "unit": history.unit_name, "versions": rows})
        return 0
    print(f"{history.unit_name} {history.item.id} {history.item.text}")
    for v, row in zip(history.versions, rows, strict=True):
        print("\t".join((str(row["at"]), v.by, f"{label(v.kind)} #{v.round}", label(v.verdict), str(row["answer"]),
                         version_notes(v))))
    return 0
