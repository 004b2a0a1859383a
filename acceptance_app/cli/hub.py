"""``hub serve`` and ``hub user add|list``: the city office's exchange server and its accounts."""

from __future__ import annotations

import argparse
from collections.abc import Callable
from pathlib import Path
from typing import Any

from acceptance_app.cli.context import print_json
from acceptance_app.context import AppContext
from acceptance_app.domain.problems import KnownError
from acceptance_app.i18n import _

DEPARTMENTS = ("housing", "planning", "civil-air-defense", "archive", "approval")


def register(subparsers: argparse._SubParsersAction) -> None:

    parser = subparsers.add_parser("hub", help=_("the exchange hub server and its accounts"))
    sub = parser.add_subparsers(dest="action", required=True)

    serve = sub.add_parser("serve", help=_("run the hub (migrates its database first)"))
    _db_option(serve)
    serve.add_argument("--host", default="127.0.0.1")
    serve.add_argument("--port", type=int, default=8765)
    serve.add_argument("--files", type=Path, help=_("folder for package files (default: next to a SQLite database)"))
    serve.add_argument("--tls-cert", type=Path, help=_("TLS certificate (PEM)"))
    serve.add_argument("--tls-key", type=Path, help=_("TLS private key (PEM)"))
    serve.add_argument("--trust", type=Path, action="append", default=[],
                       help=_("CA certificate (PEM/DER) or folder of them that signers of registered opinions must "
                              "chain to (repeatable)"))
    serve.set_defaults(handler=run_serve)

    user = sub.add_parser("user", help=_("hub accounts"))
    user_sub = user.add_subparsers(dest="user_action", required=True)
    add = user_sub.add_parser("add", help=_("add an account and print its token (shown once)"))
    _db_option(add)
    add.add_argument("--name", required=True)
    add.add_argument("--department", required=True, choices=DEPARTMENTS)
    add.add_argument("--jurisdiction", required=True, help=_("6-digit region code, e.g. 370100"))
    add.add_argument("--role", choices=("inspector", "registry"), default="inspector")
    _days_option(add)
    add.add_argument("--json", action="store_true")
    add.set_defaults(handler=run_user_add)
    for action, help_text, handler in (
            ("disable", _("revoke an account's token now (a lost laptop); the account stays for the record"),
             run_user_disable),
            ("enable", _("accept an account's token again"), run_user_enable),
            ("rotate-token", _("give an account a new token (shown once); the old one stops working"),
             run_user_rotate)):
        command = user_sub.add_parser(action, help=help_text)
        _db_option(command)
        command.add_argument("account", help=_("the account's id or name"))
        if action == "rotate-token":
            _days_option(command)
            command.add_argument("--json", action="store_true")
        command.set_defaults(handler=handler)
    listing = user_sub.add_parser("list", help=_("list the accounts (never their tokens)"))
    _db_option(listing)
    listing.add_argument("--json", action="store_true")
    listing.set_defaults(handler=run_user_list)


def _days_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--expires-days", type=int, default=365,
                        help=_("days until the token expires (0: never; default 365)"))


def _db_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--db", required=True, help=_("database URL: sqlite:///hub.sqlite3 or postgresql://..."))


def _hub_stack() -> None:
    """The hub's server stack is the [hub] extra: a laptop install (and the frozen app) has none of it."""
    for module in ("fastapi", "uvicorn"):
        try:
            __import__(module)
        except ModuleNotFoundError as error:
            raise KnownError("hub.not_installed", module=module) from error


def run_serve(args: argparse.Namespace, context: AppContext) -> int:
    _hub_stack()
    from acceptance_app.hub.server import serve
    from acceptance_app.services.hub_opinions import opinion_reader

    serve(args.db, host=args.host, port=args.port, files=args.files, tls_cert=args.tls_cert, tls_key=args.tls_key,
          opinion_reader=opinion_reader(args.trust))
    return 0


def _sessions(url: str):
    _hub_stack()
    from acceptance_app.hub.db import open_hub_database

    return open_hub_database(url)


def run_user_add(args: argparse.Namespace, context: AppContext) -> int:
    from acceptance_app.hub.accounts import add_account

    engine, sessions = _sessions(args.db)
    try:
        with sessions() as session:
            new = add_account(session, name=args.name, department=args.department,
                              jurisdiction=args.jurisdiction, role=args.role, token_days=args.expires_days)
            session.commit()
    finally:
        engine.dispose()
    if args.json:
        print_json({"id": str(new.account.id), "name": new.account.name, "token": new.token})
    else:
        print(_("Account {name} added. Its token (shown only now, keep it safe):").format(name=new.account.name))
        print(new.token)
    return 0


def run_user_list(args: argparse.Namespace, context: AppContext) -> int:
    from acceptance_app.hub.accounts import list_accounts, token_refusal

    engine, sessions = _sessions(args.db)
    try:
        with sessions() as session:
            accounts = [{"id": str(a.id), "name": a.name, "department": a.department,
                         "jurisdiction": a.jurisdiction, "role": a.role, "key_registered": bool(a.public_key),
                         "created_at": a.created_at.isoformat(),
                         "disabled_at": a.disabled_at.isoformat() if a.disabled_at else None,
                         "token_expires_at": a.token_expires_at.isoformat() if a.token_expires_at else None,
                         "token_state": token_refusal(a) or "valid"} for a in list_accounts(session)]
    finally:
        engine.dispose()
    if args.json:
        print_json(accounts)
    else:
        for a in accounts:
            key = _("key registered") if a["key_registered"] else _("no key yet")
            state = {"valid": _("token valid"), "disabled": _("disabled"), "expired": _("token expired")}[
                str(a["token_state"])]
            expires = str(a["token_expires_at"] or "")[:10] or _("never expires")
            print(f"{a['id']}\t{a['name']}\t{a['department']}\t{a['jurisdiction']}\t{a['role']}\t{key}\t"
                  f"{state}\t{expires}")
    return 0


def _change_account(args: argparse.Namespace, change: Callable[[Any, Any], Any]) -> tuple[str, Any]:
    from acceptance_app.hub.accounts import find_account

    engine, sessions = _sessions(args.db)
    try:
        with sessions() as session:
            account = find_account(session, args.account)
            result = change(session, account)
            session.commit()
            return account.name, result
    finally:
        engine.dispose()


def run_user_disable(args: argparse.Namespace, context: AppContext) -> int:
    from acceptance_app.hub.accounts import set_disabled

    name, _none = _change_account(args, lambda s, a: set_disabled(s, a, True, by="hub user disable"))
    print(_("Account {name} is disabled: its token is refused from now on.").format(name=name))
    return 0


def run_user_enable(args: argparse.Namespace, context: AppContext) -> int:
    from acceptance_app.hub.accounts import set_disabled

    name, _none = _change_account(args, lambda s, a: set_disabled(s, a, False, by="hub user enable"))
    print(_("Account {name} is enabled again.").format(name=name))
    return 0


def run_user_rotate(args: argparse.Namespace, context: AppContext) -> int:
    from acceptance_app.hub.accounts import rotate_token

    name, token = _change_account(args, lambda s, a: rotate_token(s, a, args.expires_days, by="hub user rotate-token"))
    if args.json:
        print_json({"name": name, "token": token})
    else:
        print(_("Account {name} has a new token (shown only now; the old one no longer works):").format(name=name))
        print(token)
    return 0
