"""``calendar show|check|install|refresh``: the holiday tables deadlines are counted with (docs/CALENDAR.md)."""

from __future__ import annotations

import argparse
from datetime import date
from pathlib import Path

from acceptance_app.cli.context import print_json
from acceptance_app.context import AppContext
from acceptance_app.i18n import _
from acceptance_app.services import calendar


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser("calendar", help=_("the holiday tables deadlines are counted with"))
    sub = parser.add_subparsers(dest="action", required=True)
    show = sub.add_parser("show", help=_("the years known, each with the notice it comes from"))
    show.add_argument("--json", action="store_true")
    show.set_defaults(handler=run_show)
    check = sub.add_parser("check", help=_("check holiday table files without installing them"))
    check.add_argument("files", nargs="+", type=Path)
    check.set_defaults(handler=run_check)
    install = sub.add_parser("install", help=_("install a year's holiday table (it travels in every package)"))
    install.add_argument("file", type=Path)
    install.set_defaults(handler=run_install)
    refresh = sub.add_parser("refresh", help=_("recompute the deadlines counted on weekends only"))
    refresh.set_defaults(handler=run_refresh)


def run_show(args: argparse.Namespace, context: AppContext) -> int:
    with context.database().session() as session:
        years = calendar.known_years(session)
    if args.json:
        print_json([{"year": y.year, "source": y.source, "from": y.where} for y in years])
    else:
        for y in years:
            print(f"{y.year}\t{y.where}\t{y.source}")
        following = (years[-1].year + 1) if years else date.today().year
        print(_("{year} and later: no table yet, counted on weekends only ({mark})").format(
            year=following, mark=calendar.PROVISIONAL_MARK))
    return 0


def run_check(args: argparse.Namespace, context: AppContext) -> int:
    for path in args.files:
        table = calendar.read_table(path)  # a problem is a known error naming the file
        print(f"{path}\t{table.year}\t{len(table.days_off)}\t{len(table.workdays)}\t{table.source}")
    return 0


def run_install(args: argparse.Namespace, context: AppContext) -> int:
    calendar.read_table(args.file)  # the file name must match its year too
    with context.database().session() as session, session.begin():
        table, recomputed, _changes = calendar.install_table(session, args.file.read_bytes(), str(args.file))
    print(_("{year}: installed ({source}); {count} deadlines recomputed").format(
        year=table.year, source=table.source, count=recomputed))
    return 0


def run_refresh(args: argparse.Namespace, context: AppContext) -> int:
    with context.database().session() as session, session.begin():
        recomputed, _changes = calendar.refresh_deadlines(session)
    print(_("{count} deadlines recomputed").format(count=recomputed))
    return 0
