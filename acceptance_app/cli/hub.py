"""``hub serve`` and ``hub user add|list``: the city office's exchange server and its accounts."""

from __future__ import annotations

import argparse
from pathlib import Path

from acceptance_app.cli.context import CliContext, print_json
from acceptance_app.domain.problems import KnownError
from acceptance_app.i18n import _

DEPARTMENTS = ("housing", "planning", "civil-air-defense", "archive", "approval")


def register(subparsers: argparse._SubParsersAction) -> None:
    from acceptance_app.sync import hub_messages  # noqa: F401 (the hub's error texts)

    parser = subparsers.add_parser("hub", help=_("the exchange hub server and its accounts"))
    sub = parser.add_subparsers(dest="action", required=True)

    serve = sub.add_parser("serve", help=_("run the hub (migrates its database first)"))
    _db_option(serve)
    serve.add_argument("--host", default="127.0.0.1")
    serve.add_argument("--port", type=int, default=8765)
    serve.add_argument("--files", type=Path, help=_("folder for package files (default: next to a SQLite database)"))
    serve.add_argument("--tls-cert", type=Path, help=_("TLS certificate (PEM)"))
    serve.add_argument("--tls-key", type=Path, help=_("TLS private key (PEM)"))
    serve.set_defaults(handler=run_serve)

    user = sub.add_parser("user", help=_("hub accounts"))
    user_sub = user.add_subparsers(dest="user_action", required=True)
    add = user_sub.add_parser("add", help=_("add an account and print its token (shown once)"))
    _db_option(add)
    add.add_argument("--name", required=True)
    add.add_argument("--department", required=True, choices=DEPARTMENTS)
    add.add_argument("--jurisdiction", required=True, help=_("6-digit region code, e.g. 370100"))
    add.add_argument("--role", choices=("inspector", "registry"), default="inspector")
    add.add_argument("--json", action="store_true")
    add.set_defaults(handler=run_user_add)
    listing = user_sub.add_parser("list", help=_("list the accounts (never their tokens)"))
    _db_option(listing)
    listing.add_argument("--json", action="store_true")
    listing.set_defaults(handler=run_user_list)


def _db_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--db", required=True, help=_("database URL: sqlite:///hub.sqlite3 or postgresql://..."))


def _hub_stack() -> None:
    """The hub's server stack is the [hub] extra: a laptop install (and the frozen app) has none of it."""
    for module in ("fastapi", "uvicorn"):
        try:
            __import__(module)
        except ModuleNotFoundError as error:
            raise KnownError("hub.not_installed", module=module) from error


def run_serve(args: argparse.Namespace, context: CliContext) -> int:
    _hub_stack()
    from acceptance_app.sync.hub.server import serve

    serve(args.db, host=args.host, port=args.port, files=args.files, tls_cert=args.tls_cert, tls_key=args.tls_key)
    return 0


def _sessions(url: str):  # type: ignore[no-untyped-def]
    _hub_stack()
    from acceptance_app.sync.hub.db import open_hub_database

    return open_hub_database(url)


def run_user_add(args: argparse.Namespace, context: CliContext) -> int:
    from acceptance_app.sync.hub.accounts import add_account

    engine, sessions = _sessions(args.db)
    try:
        with sessions() as session:
            new = add_account(session, name=args.name, department=args.department,
                              jurisdiction=args.jurisdiction, role=args.role)
            session.commit()
    finally:
        engine.dispose()
    if args.json:
        print_json({"id": str(new.account.id), "name": new.account.name, "token": new.token})
    else:
        print(_("Account {name} added. Its token (shown only now, keep it safe):").format(name=new.account.name))
        print(new.token)
    return 0


def run_user_list(args: argparse.Namespace, context: CliContext) -> int:
    from acceptance_app.sync.hub.accounts import list_accounts

    engine, sessions = _sessions(args.db)
    try:
        with sessions() as session:
            accounts = [{"id": str(a.id), "name": a.name, "department": a.department,
                         "jurisdiction": a.jurisdiction, "role": a.role, "key_registered": bool(a.public_key),
                         "created_at": a.created_at.isoformat()} for a in list_accounts(session)]
    finally:
        engine.dispose()
    if args.json:
        print_json(accounts)
    else:
        for a in accounts:
            key = _("key registered") if a["key_registered"] else _("no key yet")
            print(f"{a['name']}\t{a['department']}\t{a['jurisdiction']}\t{a['role']}\t{key}")
    return 0
