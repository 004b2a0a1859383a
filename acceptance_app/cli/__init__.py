"""The command line: every headless operation the GUI offers, for scripts, tests and other tools.

``python -m acceptance_app [--data-dir DIR] COMMAND ...``. Each command lives in its own module with a
``register(subparsers)`` function; add a module to COMMAND_MODULES to add commands. Known errors print a
message (Chinese by default) to stderr and exit 2; anything else is a bug and exits 1 with a traceback.
"""

from __future__ import annotations

import argparse
import importlib
import os
import sys
from collections.abc import Sequence

from acceptance_app import __version__
from acceptance_app.cli.context import CliContext
from acceptance_app.domain.problems import KnownError
from acceptance_app.i18n import _
from acceptance_app.messages import describe_error

COMMAND_MODULES = (
    "gui", "demo", "projects", "units", "forms", "inspections", "verdicts", "documents", "photos", "findings",
    "commitments", "signing",
)
EXIT_KNOWN_ERROR = 2


def _is_gui(args_list: list[str]) -> bool:
    """`gui`, or no command at all: the window must not wait for every command module (and SQLAlchemy) to import."""
    rest = [a for a in args_list if not a.startswith("-")]
    skip_values = {args_list[i + 1] for i, a in enumerate(args_list[:-1]) if a in ("--data-dir", "--lang")}
    rest = [a for a in rest if a not in skip_values]
    return not rest or rest[0] == "gui"


def build_parser(modules: tuple[str, ...] = COMMAND_MODULES) -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m acceptance_app", description=_("Joint completion acceptance")
    )
    parser.add_argument("--version", action="version", version=__version__)
    parser.add_argument(
        "--data-dir", help=_("data folder (default: ACCEPTANCE_APP_DATA_DIR or the user data folder)")
    )
    parser.add_argument("--lang", choices=("zh_CN", "en"), help=_("language of messages"))
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name in modules:
        importlib.import_module(f"acceptance_app.cli.{name.replace('-', '_')}").register(subparsers)
    return parser


def _global_options(args_list: list[str]) -> argparse.Namespace:
    """The data folder and language are needed before the parser's help texts can be translated."""
    pre = argparse.ArgumentParser(add_help=False)
    pre.add_argument("--data-dir")
    pre.add_argument("--lang")
    return pre.parse_known_args(args_list)[0]


def main(argv: Sequence[str] | None = None) -> int:
    args_list = list(sys.argv[1:] if argv is None else argv)
    context = CliContext.from_args(_global_options(args_list))
    gui_only = _is_gui(args_list) and not {"-h", "--help"} & set(args_list)
    parser = build_parser(("gui",) if gui_only else COMMAND_MODULES)
    commands = parser._subparsers._group_actions[0].choices  # type: ignore[union-attr]
    if not any(a in commands for a in args_list) and not {"-h", "--help", "--version"} & set(args_list):
        args_list.append("gui")  # `python -m acceptance_app` alone opens the window
    args = parser.parse_args(args_list)
    try:
        return int(args.handler(args, context) or 0)
    except KnownError as error:
        print(describe_error(error), file=sys.stderr)
        return EXIT_KNOWN_ERROR
    except BrokenPipeError:  # `... | head`: the reader left; nothing is wrong with the data
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())  # no second error when Python flushes
        return 0
    finally:
        context.close()
