"""``demo [--scale N]``: create the demo projects (一期 in progress, 二期 concluded), or N generated projects."""

from __future__ import annotations

import argparse

from acceptance_app.cli.context import print_json
from acceptance_app.context import AppContext
from acceptance_app.i18n import _


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser("demo", help=_("create the demo project"))
    parser.add_argument("--scale", type=int, metavar="N", help=_("create N generated projects instead"))
    parser.add_argument("--units", type=int, default=25, help=_("units per generated project (with --scale)"))
    parser.add_argument("--json", action="store_true")
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace, context: AppContext) -> int:
    from acceptance_app.demo import (
        project as demo,  # the demo pulls in every feature: only when it is asked for
    )

    database = context.database()
    with database.session() as session, session.begin():
        if args.scale:
            result, _changes = demo.create_scaled_projects(session, args.scale, args.units)
            ids = [str(i) for i in result.project_ids]
        else:
            made, _changes = demo.create_demo(session)  # 一期 (work in progress) first, then 二期 (concluded)
            ids = [str(made.main), str(made.ready)]
    if args.json:
        print_json({"projects": ids})
    else:
        for project_id in ids:
            print(project_id)
    return 0
