"""How the person behind a record is shown (UI and CLI).

Every record names the person who made it (settings: inspector name and id, or the CLI's ``--actor``). Records
written before that rule carry "" or the placeholder "cli": they stay as they are, and read as 未指明.
"""

from __future__ import annotations

from acceptance_app.i18n import _

UNNAMED_ACTORS = frozenset({"", "cli"})


def actor_text(actor: str | None) -> str:
    actor = (actor or "").strip()
    return _("unspecified") if actor in UNNAMED_ACTORS else actor
