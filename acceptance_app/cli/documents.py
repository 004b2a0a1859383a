"""``opinion|rectification|service-report render``, ``opinion scopes``, ``record-sheets render`` and
``documents list``."""

from __future__ import annotations

import argparse
import shutil
import tempfile
import uuid
from collections.abc import Callable
from pathlib import Path
from typing import Any

from acceptance_app.cli.context import print_json
from acceptance_app.context import AppContext
from acceptance_app.i18n import _
from acceptance_app.reports.rendering import RenderHelper


def register(subparsers: argparse._SubParsersAction) -> None:
    renders = (
        ("opinion", _("the joint acceptance opinion (联合验收意见书)"), _render_opinion, "opinion"),
        ("rectification", _("the rectification notice with every open finding"), _render_rectification,
         "rectification"),
        ("service-report", _("the pre-acceptance technical service report"), _render_service_report,
         "service-report"),
    )
    for name, help_text, handler, doc_type in renders:
        group = _group(subparsers, name, help_text)
        render = _add_action(group, "render", _("issue the document (a new number only when its content changed)"))
        if name == "opinion":
            render.add_argument("--unit", type=uuid.UUID, help=_("one unit accepted on its own"))
            scopes = _add_action(group, "scopes", _(
                "what an opinion can cover: the whole project and each unit, ready to be accepted on its own or "
                "with the reasons it is not"))
            scopes.add_argument("--json", action="store_true")
            scopes.set_defaults(handler=_scopes)
        render.add_argument("--out", required=True, type=Path, help=_("where to copy the PDF"))
        _draft_flag(render)
        render.set_defaults(handler=handler, doc_type=doc_type)
    sheets_render = _action(subparsers, "record-sheets", _("the record sheet of every completed inspection"),
                            "render", _("issue the record sheets"))
    sheets_render.add_argument("--out-dir", required=True, type=Path, help=_("folder to copy the PDFs into"))
    _draft_flag(sheets_render)
    sheets_render.set_defaults(handler=_render_record_sheets, doc_type="record-sheet")
    list_parser = _action(subparsers, "documents", _("the documents issued for a project"),
                          "list", _("list the documents of a project"))
    list_parser.add_argument("--json", action="store_true")
    list_parser.set_defaults(handler=_list)


def _draft_flag(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--draft", action="store_true",
                        help=_("render a draft (草稿, no number) to check; nothing is issued or recorded"))


def _action(subparsers: argparse._SubParsersAction, group: str, group_help: str, action: str,
            action_help: str) -> argparse.ArgumentParser:
    """``GROUP ACTION --project ID``: every document command names its project."""
    return _add_action(_group(subparsers, group, group_help), action, action_help)


def _group(subparsers: argparse._SubParsersAction, group: str, group_help: str) -> argparse._SubParsersAction:
    parser = subparsers.add_parser(group, help=group_help)
    return parser.add_subparsers(dest="action", required=True)


def _add_action(sub: argparse._SubParsersAction, action: str, action_help: str) -> argparse.ArgumentParser:
    action_parser = sub.add_parser(action, help=action_help)
    action_parser.add_argument("--project", required=True, type=uuid.UUID)
    return action_parser


# How a render command issues: given the services.documents module, the session, the arguments and the render
# function, the document or documents issued.
Issue = Callable[[Any, Any, argparse.Namespace, Any], Any]


def _render_command(issue: Issue, copy_to: Callable[[argparse.Namespace, Path], Path]
                    ) -> Callable[[argparse.Namespace, AppContext], int]:
    """A render command. The render helper starts first and loads ReportLab and the fonts on the other core
    while this process imports SQLAlchemy and the services and reads the database (reports/rendering.py);
    each document issued is copied to ``copy_to(args, its path)`` and printed with its number and sha256."""

    def run(args: argparse.Namespace, context: AppContext) -> int:
        if args.draft:
            return _draft(args, context, copy_to)
        with RenderHelper() as helper:
            from acceptance_app.services.documents import issuing as documents

            with context.database().session() as session, session.begin():
                issued, _changes = issue(documents, session, args, helper.render)
        for doc in issued if isinstance(issued, list) else [issued]:
            out = copy_to(args, doc.path)
            out.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(doc.path, out)
            print(f"{doc.number}\t{doc.file_sha256}")
        return 0

    return run


def _draft(args: argparse.Namespace, context: AppContext, copy_to: Callable[[argparse.Namespace, Path], Path]) -> int:
    """The draft of what ``render`` would issue, written where the issued file would be copied."""
    with RenderHelper() as helper:
        from acceptance_app.domain.enums import DocumentType
        from acceptance_app.services.documents import drafts as document_drafts

        with context.database().session() as session:
            unit = getattr(args, "unit", None)
            if unit is not None:
                from acceptance_app.services.documents.scope import ensure_unit_ready

                ensure_unit_ready(session, args.project, unit)
            drafts = document_drafts.draft_inputs(session, DocumentType(args.doc_type), args.project, unit)
        with tempfile.TemporaryDirectory(prefix="draft-") as folder:
            for draft in document_drafts.render_drafts(drafts, Path(folder), helper.render):
                out = copy_to(args, draft.path)
                out.parent.mkdir(parents=True, exist_ok=True)
                shutil.copyfile(draft.path, out)
                print(f"{_('draft')}\t{draft.pages}\t{out}")
    return 0


def _to_out(args: argparse.Namespace, _path: Path) -> Path:
    return Path(args.out)


def _issue_opinion(docs: Any, session: Any, args: argparse.Namespace, render: Any) -> Any:
    if args.unit is not None:  # as the window offers it: only a unit ready to be accepted on its own
        from acceptance_app.services.documents.scope import ensure_unit_ready

        ensure_unit_ready(session, args.project, args.unit)
    return docs.issue_opinion(session, args.project, args.unit, render=render)


_render_opinion = _render_command(_issue_opinion, _to_out)
_render_rectification = _render_command(
    lambda docs, session, args, render: docs.issue_rectification_list(session, args.project, render=render), _to_out)
_render_service_report = _render_command(
    lambda docs, session, args, render: docs.issue_service_report(session, args.project, render=render), _to_out)
_render_record_sheets = _render_command(
    lambda docs, session, args, render: docs.issue_record_sheets(session, args.project, render=render),
    lambda args, path: Path(args.out_dir) / path.name)


def _list(args: argparse.Namespace, context: AppContext) -> int:
    from acceptance_app.services.documents import issuing as documents

    with context.database().session() as session:
        rows = documents.list_documents(session, args.project)
    if args.json:
        print_json([{**row.__dict__, "type": row.type.value, "state": row.state.value} for row in rows])
    else:
        for row in rows:
            print(f"{row.number}\t{row.type.value}\tv{row.version}\t{row.state.value}\t{row.file_path}")
    return 0


def _scopes(args: argparse.Namespace, context: AppContext) -> int:
    from acceptance_app.services.documents.scope import opinion_scopes
    from acceptance_app.text.documents import describe_blocker

    with context.database().session() as session:
        scopes = opinion_scopes(session, args.project)
    reasons = [[describe_blocker(b.code, b.discipline.value if b.discipline else "", b.unit) for b in s.blockers]
               for s in scopes]
    if args.json:
        print_json([{"unit_id": str(s.unit_id) if s.unit_id else None, "name": s.name, "unit_code": s.unit_code,
                     "ready": s.ready, "issued_number": s.issued_number, "reasons": why}
                    for s, why in zip(scopes, reasons, strict=True)])
        return 0
    for s, why in zip(scopes, reasons, strict=True):
        print("\t".join([str(s.unit_id or "-"), s.name, _("ready") if s.ready else _("not ready"),
                         s.issued_number or "-", _("; ").join(why)]))
    return 0
