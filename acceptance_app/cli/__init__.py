"""The command line: every headless operation the GUI offers, for scripts, tests and other tools.

``python -m acceptance_app [--data-dir DIR] COMMAND ...``. Each command lives in its own module with a
``register(subparsers)`` function; add a module to COMMANDS with the commands it registers. Known errors print a
message (Chinese by default) to stderr and exit 2; anything else is a bug and exits 1 with a traceback.
"""

from __future__ import annotations

import argparse
import gc
import importlib
import os
import sys
from collections.abc import Sequence

from acceptance_app import __version__
from acceptance_app.cli.argparse_texts import VersionAction, translate_argparse
from acceptance_app.context import AppContext
from acceptance_app.domain.problems import KnownError
from acceptance_app.i18n import _
from acceptance_app.text import describe_error

# Each command module and the commands it registers: only the module of the command given is imported, so a
# command does not wait for every feature (ReportLab, the photo store, signing) to load.
COMMANDS: dict[str, tuple[str, ...]] = {
    "gui": ("gui",),
    "demo": ("demo",),
    "projects": ("projects", "parties"),
    "units": ("units",),
    "forms": ("forms",),
    "inspections": ("inspections",),
    "verdicts": ("verdicts", "verdict"),
    "documents": ("opinion", "rectification", "service-report", "record-sheets", "documents"),
    "photos": ("photos",),
    "findings": ("findings", "recheck", "dashboard"),
    "commitments": ("commitments",),
    "calendar": ("calendar",),
    "signing": ("sign", "verify", "identities"),
    "exchange": ("exchange",),
    "hub": ("hub",),
    "sync": ("sync", "push", "pull"),
    "numbers": ("numbers",),
    "timeline": ("timeline",),
    "backup": ("backup",),
    "export": ("export",),
}
COMMAND_MODULES = tuple(COMMANDS)
EXIT_KNOWN_ERROR = 2


def _command_word(args_list: list[str]) -> str:
    """The command given ("" when none): the first word that is not a global option or its value."""
    skip_values = {args_list[i + 1] for i, a in enumerate(args_list[:-1]) if a in ("--data-dir", "--lang", "--actor")}
    rest = [a for a in args_list if not a.startswith("-") and a not in skip_values]
    return rest[0] if rest else ""


def _modules_for(args_list: list[str]) -> tuple[str, ...]:
    """The command modules to import: the one that owns the command (the window, when none is given: it must
    not wait for every module and SQLAlchemy), or all of them for the overall help or an unknown word."""
    word = _command_word(args_list)
    if not word:
        return COMMAND_MODULES if {"-h", "--help"} & set(args_list) else ("gui",)
    return next(((m,) for m, commands in COMMANDS.items() if word in commands), COMMAND_MODULES)


def program_name(argv0: str | None = None) -> str:
    """The name the user typed: ``acceptance-app`` (the installed or frozen executable, ``.exe`` dropped),
    or ``python -m acceptance_app``."""
    argv0 = sys.argv[0] if argv0 is None else argv0
    name = os.path.basename(argv0)
    if not name or name in ("__main__.py", "-c") or name.endswith(".py"):
        return "python -m acceptance_app"
    return name[:-4] if name.lower().endswith(".exe") else name


def build_parser(modules: tuple[str, ...] = COMMAND_MODULES) -> argparse.ArgumentParser:
    translate_argparse()
    parser = argparse.ArgumentParser(prog=program_name(), description=_("Joint completion acceptance"))
    parser.add_argument("--version", action=VersionAction, version=__version__)
    parser.add_argument(
        "--data-dir", help=_("data folder (default: ACCEPTANCE_APP_DATA_DIR or the user data folder)")
    )
    parser.add_argument("--lang", choices=("zh_CN", "en"), help=_("language of messages"))
    parser.add_argument(
        "--actor", help=_("who is working, named in every record (default: the inspector set in the settings)")
    )
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name in modules:
        importlib.import_module(f"acceptance_app.cli.{name.replace('-', '_')}").register(subparsers)
    return parser


def _global_options(args_list: list[str]) -> argparse.Namespace:
    """The data folder and language are needed before the parser's help texts can be translated."""
    pre = argparse.ArgumentParser(add_help=False)
    pre.add_argument("--data-dir")
    pre.add_argument("--lang")
    pre.add_argument("--actor")
    return pre.parse_known_args(args_list)[0]


def _check_text_arguments(args_list: list[str]) -> None:
    """A command line that is not UTF-8 reaches Python as lone surrogates, which fail only deep down (at the
    database, at print). Such an argument may be the name of an existing file (Linux file names are bytes);
    anything else is refused here, naming its position."""
    for position, arg in enumerate(args_list, 1):
        if any("\ud800" <= c <= "\udfff" for c in arg) and not os.path.lexists(os.fsencode(arg)):
            raise KnownError("cli.argument_not_utf8", position=position, text=ascii(arg)[1:-1])


def main(argv: Sequence[str] | None = None) -> int:
    args_list = list(sys.argv[1:] if argv is None else argv)
    try:
        _check_text_arguments(args_list)
    except KnownError as error:
        print(describe_error(error), file=sys.stderr)
        return EXIT_KNOWN_ERROR
    options = _global_options(args_list)
    context = AppContext.open(options.data_dir, options.lang, options.actor)  # built once; the window gets the same one
    parser = build_parser(_modules_for(args_list))
    commands = parser._subparsers._group_actions[0].choices  # type: ignore[union-attr]
    assert isinstance(commands, dict)  # the subcommand parsers by name
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


def run() -> None:
    """The process entry (``python -m acceptance_app`` and the ``acceptance-app`` script): ``main``, then exit."""
    status = main()
    # At exit the interpreter's last collections walk every object still alive (the two font faces alone are
    # some 100,000): 0.2 s of a one-second command. Nothing needs collecting when the process ends.
    gc.freeze()
    sys.exit(status)

