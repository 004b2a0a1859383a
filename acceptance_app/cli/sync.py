"""``sync login|status``, ``push`` and ``pull``: exchange with the hub from the command line."""

from __future__ import annotations

import argparse
import uuid
from dataclasses import asdict
from typing import Any

from acceptance_app.cli.context import print_json
from acceptance_app.context import AppContext
from acceptance_app.domain.problems import KnownError
from acceptance_app.i18n import _
from acceptance_app.text import describe_recorded_error


def register(subparsers: argparse._SubParsersAction) -> None:

    parser = subparsers.add_parser("sync", help=_("hub account and sync state"))
    sub = parser.add_subparsers(dest="action", required=True)
    login = sub.add_parser("login", help=_("check a hub token, register this device's key, keep the token"))
    login.add_argument("--hub", required=True, help=_("hub URL, e.g. https://hub.example:8765"))
    login.add_argument("--token", required=True)
    login.add_argument("--json", action="store_true")
    login.set_defaults(handler=run_login)
    status = sub.add_parser("status", help=_("last sent package, waiting packages, last error, last pull; with --project what is not yet sent"))
    status.add_argument("--project", type=uuid.UUID)
    status.add_argument("--json", action="store_true")
    status.set_defaults(handler=run_status)

    push = subparsers.add_parser("push", help=_("send what changed to the hub (through the outbox)"))
    push.add_argument("--hub", help=_("hub URL (default: the one of sync login)"))
    push.add_argument("--project", type=uuid.UUID)
    push.add_argument("--json", action="store_true")
    push.set_defaults(handler=run_push)
    pull = subparsers.add_parser("pull", help=_("download and import the other inspectors' packages"))
    pull.add_argument("--hub", help=_("hub URL (default: the one of sync login)"))
    pull.add_argument("--json", action="store_true")
    pull.set_defaults(handler=run_pull)


def _hub(args: argparse.Namespace, context: AppContext) -> tuple[str, str]:
    from acceptance_app.services.exchange.hub_sync import hub_token

    url = (args.hub or context.settings.hub_url).rstrip("/")
    if not url:
        raise KnownError("sync.no_hub")
    return url, hub_token(context.folder)


def run_login(args: argparse.Namespace, context: AppContext) -> int:
    from acceptance_app.services.exchange.hub_sync import login
    from acceptance_app.settings import save_settings

    account = login(context.folder, args.hub.rstrip("/"), args.token)
    context.settings.hub_url = args.hub.rstrip("/")
    save_settings(context.folder.root, context.settings)
    if args.json:
        print_json(account)
    else:
        print(_("Logged in to {hub} as {name} ({department}, {jurisdiction})").format(hub=args.hub, **account))
    return 0


def run_push(args: argparse.Namespace, context: AppContext) -> int:
    from acceptance_app.services.exchange.hub_sync import push

    url, token = _hub(args, context)
    with context.database().session() as session:
        report, _changes = push(session, context.folder, url, token, project_id=args.project)
    _print(args, asdict(report), _("Sent {sent} package(s), {waiting} waiting, {failed} refused").format(
        sent=len(report.sent), waiting=report.waiting, failed=len(report.failed)))
    return 0 if not report.failed else 2


def run_pull(args: argparse.Namespace, context: AppContext) -> int:
    from acceptance_app.services.exchange.hub_sync import pull

    url, token = _hub(args, context)
    with context.database().session() as session:
        report, _changes = pull(session, context.folder, url, token)
    _print(args, asdict(report), _("Imported {imported} package(s), {failed} could not be imported").format(
        imported=len(report.imported), failed=len(report.failed)))
    return 0 if not report.failed else 2


def run_status(args: argparse.Namespace, context: AppContext) -> int:
    from acceptance_app.services.exchange.hub_sync import sync_status
    from acceptance_app.services.exchange.pending import pending_changes

    with context.database().session() as session:
        status = sync_status(session, args.project)
        # The 同步 tab's "not yet sent", for one project: what a push would carry that the hub does not hold.
        unsent = pending_changes(session, args.project) if args.project else None
    value = asdict(status)
    text = _("Last sent: {sent}; waiting: {pending}; refused: {failed}; last pull: {pull}").format(
        sent=status.last_sent_at or _("never"), pending=status.pending, failed=status.failed,
        pull=status.last_pull_at or _("never"))
    if unsent is not None:
        value["unsent"] = {"records": unsent.records, "photos": unsent.photos}
        text += "\n" + _("Not yet sent: {records} record(s), {photos} photo(s)").format(
            records=unsent.records, photos=unsent.photos)
    if status.last_error:
        text += "\n" + _("Last error: {error}").format(error=describe_recorded_error(status.last_error))
    _print(args, value, text)
    return 0


def _print(args: argparse.Namespace, value: dict[str, Any], text: str) -> None:
    if args.json:
        print_json(value)
    else:
        print(text)
