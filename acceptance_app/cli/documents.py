"""``opinion|rectification|service-report render``, ``record-sheets render`` and ``documents list``."""

from __future__ import annotations

import argparse
import shutil
import uuid
from collections.abc import Callable
from pathlib import Path
from typing import Any

from acceptance_app.cli.context import CliContext, print_json
from acceptance_app.i18n import _
from acceptance_app.reports.rendering import RenderHelper


def register(subparsers: argparse._SubParsersAction) -> None:
    renders = (
        ("opinion", _("the joint acceptance opinion (联合验收意见书)"), _render_opinion),
        ("rectification", _("the rectification notice with every open finding"), _render_rectification),
        ("service-report", _("the pre-acceptance technical service report"), _render_service_report),
    )
    for name, help_text, handler in renders:
        render = _action(subparsers, name, help_text, "render",
                         _("issue the document (a new number only when its content changed)"))
        if name == "opinion":
            render.add_argument("--unit", type=uuid.UUID, help=_("one unit accepted on its own"))
        render.add_argument("--out", required=True, type=Path, help=_("where to copy the PDF"))
        render.set_defaults(handler=handler)
    sheets_render = _action(subparsers, "record-sheets", _("the record sheet of every completed inspection"),
                            "render", _("issue the record sheets"))
    sheets_render.add_argument("--out-dir", required=True, type=Path, help=_("folder to copy the PDFs into"))
    sheets_render.set_defaults(handler=_render_record_sheets)
    list_parser = _action(subparsers, "documents", _("the documents issued for a project"),
                          "list", _("list the documents of a project"))
    list_parser.add_argument("--json", action="store_true")
    list_parser.set_defaults(handler=_list)


def _action(subparsers: argparse._SubParsersAction, group: str, group_help: str, action: str,
            action_help: str) -> argparse.ArgumentParser:
    """``GROUP ACTION --project ID``: every document command names its project."""
    parser = subparsers.add_parser(group, help=group_help)
    sub = parser.add_subparsers(dest="action", required=True)
    action_parser = sub.add_parser(action, help=action_help)
    action_parser.add_argument("--project", required=True, type=uuid.UUID)
    return action_parser


# A render command, given the services.documents module (imported once the helper has started), its arguments,
# the context and the helper.
IssueCommand = Callable[[Any, argparse.Namespace, CliContext, RenderHelper], int]


def _issuing(command: IssueCommand) -> Callable[[argparse.Namespace, CliContext], int]:
    """A render command: the render helper starts first and loads ReportLab and the fonts on the other core
    while this process imports SQLAlchemy and the services and reads the database (reports/rendering.py)."""

    def run(args: argparse.Namespace, context: CliContext) -> int:
        with RenderHelper() as helper:
            from acceptance_app.services import documents

            return command(documents, args, context, helper)

    return run


def _copy(path: Path, out: Path, number: str, sha256: str) -> None:
    out.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(path, out)
    print(f"{number}\t{sha256}")


@_issuing
def _render_opinion(documents: Any, args: argparse.Namespace, context: CliContext, helper: RenderHelper) -> int:
    with context.database().session() as session, session.begin():
        issued, _changes = documents.issue_opinion(session, args.project, args.unit, render=helper.render)
    _copy(issued.path, args.out, issued.number, issued.file_sha256)
    return 0


@_issuing
def _render_rectification(documents: Any, args: argparse.Namespace, context: CliContext,
                          helper: RenderHelper) -> int:
    with context.database().session() as session, session.begin():
        issued, _changes = documents.issue_rectification_list(session, args.project, render=helper.render)
    _copy(issued.path, args.out, issued.number, issued.file_sha256)
    return 0


@_issuing
def _render_service_report(documents: Any, args: argparse.Namespace, context: CliContext,
                           helper: RenderHelper) -> int:
    with context.database().session() as session, session.begin():
        issued, _changes = documents.issue_service_report(session, args.project, render=helper.render)
    _copy(issued.path, args.out, issued.number, issued.file_sha256)
    return 0


@_issuing
def _render_record_sheets(documents: Any, args: argparse.Namespace, context: CliContext,
                          helper: RenderHelper) -> int:
    with context.database().session() as session, session.begin():
        issued, _changes = documents.issue_record_sheets(session, args.project, render=helper.render)
    for doc in issued:
        _copy(doc.path, args.out_dir / doc.path.name, doc.number, doc.file_sha256)
    return 0


def _list(args: argparse.Namespace, context: CliContext) -> int:
    from acceptance_app.services import documents

    with context.database().session() as session:
        rows = documents.list_documents(session, args.project)
    if args.json:
        print_json([{**row.__dict__, "type": row.type.value, "state": row.state.value} for row in rows])
    else:
        for row in rows:
            print(f"{row.number}\t{row.type.value}\tv{row.version}\t{row.state.value}\t{row.file_path}")
    return 0
