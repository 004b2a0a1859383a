"""argparse's own texts (usage, errors, "show this help message and exit") in the language of the messages.

argparse looks its texts up with ``gettext.gettext`` in the default domain, where nothing translates them. Its
module-level ``_`` and ``ngettext`` are pointed at our catalog instead; the message ids below are argparse's
own (Python 3.11–3.13), marked here so scripts/i18n.py extracts them and the catalog check covers them. An id
a later Python changes just shows in English.
"""

from __future__ import annotations

import argparse

from acceptance_app import i18n
from acceptance_app.i18n import N_

ARGPARSE_TEXTS = (
    N_("usage: "),
    N_("positional arguments"),
    N_("options"),
    N_("show this help message and exit"),
    N_("show program's version number and exit"),
    N_("argument %(argument_name)s: %(message)s"),
    N_("unrecognized arguments: %s"),
    N_("the following arguments are required: %s"),
    N_("one of the arguments %s is required"),
    N_("not allowed with argument %s"),
    N_("ignored explicit argument %r"),
    N_("expected one argument"),
    N_("expected at most one argument"),
    N_("expected at least one argument"),
    N_("ambiguous option: %(option)s could match %(matches)s"),
    N_("invalid %(type)s value: %(value)r"),
    N_("invalid choice: %(value)r (choose from %(choices)s)"),
    N_("%(prog)s: error: %(message)s\n"),
    N_("can't open '%(filename)s': %(error)s"),
)
# Not marked: argparse's plural "expected %s argument(s)" (only for nargs=N, which no command uses).


def translate_argparse() -> None:
    """Route argparse's texts through our catalog (call after ``i18n.install``)."""
    argparse._ = i18n._  # type: ignore[attr-defined]
    argparse.ngettext = i18n.ngettext  # type: ignore[attr-defined]


class VersionAction(argparse._VersionAction):
    """``--version`` with its help text translated (argparse's default is a constant, not looked up)."""

    def __init__(self, *args, **kwargs) -> None:
        kwargs.setdefault("help", i18n._("show program's version number and exit"))
        super().__init__(*args, **kwargs)
