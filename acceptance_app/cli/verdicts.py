"""``verdicts --unit ID | --project ID [--json]`` (also ``verdict``): discipline and joint verdicts with reasons."""

from __future__ import annotations

import argparse
import uuid

from acceptance_app.cli.context import print_json
from acceptance_app.context import AppContext
from acceptance_app.i18n import _


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "verdicts",
        aliases=["verdict"],
        help=_("verdicts of a unit or a project, with the items that decided them"),
    )
    target = parser.add_mutually_exclusive_group(required=True)
    target.add_argument("--unit", type=uuid.UUID)
    target.add_argument("--project", type=uuid.UUID)
    parser.add_argument("--json", action="store_true")
    parser.set_defaults(handler=run)


def _unit_json(result) -> dict:
    from acceptance_app.cli.checklist_json import joint_json, outcome_json

    return {
        "unit_id": str(result.unit_id),
        "unit": result.unit_name,
        "disciplines": [outcome_json(o) for o in result.disciplines],
        "joint": joint_json(result.joint),
    }


def run(args: argparse.Namespace, context: AppContext) -> int:
    from acceptance_app.cli.checklist_json import joint_json
    from acceptance_app.services.checklists import verdicts

    with context.database().session() as session:
        if args.unit:
            data = _unit_json(verdicts.unit_verdict(session, args.unit))
            units = [data]
        else:
            result = verdicts.project_verdict(session, args.project)
            units = [_unit_json(u) for u in result.units]
            data = {"project_id": str(args.project), "units": units, "joint": joint_json(result.joint)}
    if args.json:
        print_json(data)
        return 0
    for unit in units:
        cells = " ".join(f"{d['discipline']}:{d['verdict'] or '-'}" for d in unit["disciplines"])
        print(f"{unit['unit']}\t{cells}\t=> {unit['joint']['verdict'] or '-'}")
    if args.project:
        print(_("Project: {verdict}").format(verdict=data["joint"]["verdict"] or "-"))
    return 0
