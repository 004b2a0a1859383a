"""``gui``: open the main window (the default command)."""

from __future__ import annotations

import argparse

from acceptance_app.context import AppContext
from acceptance_app.i18n import _


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser("gui", help=_("open the main window (default)"))
    parser.add_argument(
        "--smoke-test",
        action="store_true",
        help=_("open the main window, wait for the first paint, print first-paint-seconds and exit"),
    )
    parser.add_argument(
        "--demo", action="store_true", help=_("create the demo project first if the folder is empty")
    )
    parser.add_argument(
        "package", nargs="?", metavar="PACKAGE.acpkg",
        help=_("an exchange package to import (a double-click on a .acpkg file starts this)"),
    )
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace, context: AppContext) -> int:
    from acceptance_app.app import run_gui  # Qt is imported only for this command

    return run_gui(context, smoke_test=args.smoke_test, demo=args.demo, package=args.package)
