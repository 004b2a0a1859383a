"""``numbers list|grant|add-block|request``: the blocks of document serials (services/documents/numbers.py)."""

from __future__ import annotations

import argparse
from datetime import date

from acceptance_app.cli.context import print_json
from acceptance_app.context import AppContext
from acceptance_app.i18n import _


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser("numbers", help=_("blocks of document serials (文号) held by this laptop"))
    sub = parser.add_subparsers(dest="action", required=True)
    listing = sub.add_parser("list", help=_("list the blocks and how many serials are left"))
    listing.add_argument("--all-devices", action="store_true", help=_("also the blocks this office granted"))
    listing.add_argument("--json", action="store_true")
    listing.set_defaults(handler=run_list)
    grant = sub.add_parser("grant", help=_("(lead's office) grant a laptop the next block of a series"))
    _series(grant)
    grant.add_argument("--device", required=True, help=_("the laptop's device id"))
    grant.add_argument("--count", type=int, default=50)
    grant.set_defaults(handler=run_grant)
    add = sub.add_parser("add-block", help=_("enter a block the lead's office granted to this laptop"))
    _series(add)
    add.add_argument("--first", required=True, type=int)
    add.add_argument("--last", required=True, type=int)
    add.add_argument("--granted-by", default="office")
    add.set_defaults(handler=run_add)
    request = sub.add_parser("request", help=_("ask the hub for a block of each series given"))
    request.add_argument("--series", required=True, nargs="+")
    request.add_argument("--year", type=int, default=date.today().year)
    request.add_argument("--count", type=int, default=50)
    request.add_argument("--hub", default="")
    request.set_defaults(handler=run_request)
    drafts = sub.add_parser("number-drafts", help=_("number the drafts (待编号) of a project from the blocks held"))
    drafts.add_argument("--project", required=True)
    drafts.set_defaults(handler=run_number_drafts)


def _series(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--series", required=True, help=_("e.g. 济联验"))
    parser.add_argument("--year", type=int, default=date.today().year)


def _print_rows(rows: list, as_json: bool = False) -> None:
    if as_json:
        print_json([{**r.__dict__, "free": r.free} for r in rows])
        return
    for r in rows:
        print(f"{r.series}\t{r.year}\t{r.first}-{r.last}\t{_('free')} {r.free}\t{r.device}\t{r.granted_by}")


def run_list(args: argparse.Namespace, context: AppContext) -> int:
    from acceptance_app.services.documents import numbers as document_numbers

    with context.database().session() as session:
        device = None if args.all_devices else document_numbers.device_of(session)
        _print_rows(document_numbers.list_blocks(session, device), args.json)
    return 0


def run_grant(args: argparse.Namespace, context: AppContext) -> int:
    from acceptance_app.services.documents import numbers as document_numbers

    with context.database().session() as session, session.begin():
        row = document_numbers.grant_block(session, args.series, args.year, args.device, args.count)
    _print_rows([row])
    print(_("On the laptop {device}: numbers add-block --series {series} --year {year} --first {first} --last {last}")
          .format(device=row.device, series=row.series, year=row.year, first=row.first, last=row.last))
    return 0


def run_add(args: argparse.Namespace, context: AppContext) -> int:
    from acceptance_app.services.documents import numbers as document_numbers

    with context.database().session() as session, session.begin():
        row = document_numbers.add_block(session, args.series, args.year, args.first, args.last, args.granted_by)
    _print_rows([row])
    return 0


def run_request(args: argparse.Namespace, context: AppContext) -> int:
    from acceptance_app.cli.sync import _hub
    from acceptance_app.services.documents import numbers as document_numbers

    url, token = _hub(args, context)
    with context.database().session() as session, session.begin():
        rows = document_numbers.request_blocks_from_hub(session, url, token, args.series, args.year, args.count)
    _print_rows(rows)
    return 0


def run_number_drafts(args: argparse.Namespace, context: AppContext) -> int:
    import uuid

    from acceptance_app.reports.rendering import RenderHelper
    from acceptance_app.services.documents import issuing as documents

    with RenderHelper() as helper, context.database().session() as session, session.begin():
        done = documents.number_drafts(session, uuid.UUID(args.project), helper.render)
    for doc in done:
        print(f"{doc.number}\t{doc.path}")
    return 0
