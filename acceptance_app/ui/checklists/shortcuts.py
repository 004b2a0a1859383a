"""The checklist runner's keys, listed once: the F1 / ? sheet shows them (the panel shows a one-line summary)."""

from __future__ import annotations

from acceptance_app.i18n import N_, _

SHORTCUTS: list[tuple[str, str]] = [
    ("1", N_("pass (verdict items)")),
    ("2", N_("fail (verdict items)")),
    ("3", N_("not applicable: then type the reason and press Enter")),
    ("Enter", N_("type a value; on measured items each Enter adds a reading")),
    ("J / ↓", N_("next item")),
    ("K / ↑", N_("previous item")),
    ("N", N_("note on the item")),
    ("F", N_("record a finding with photos for the item")),
    ("H", N_("history of the item's answers: who, when, why changed")),
    ("Esc", N_("back from a box to the list")),
    ("Delete", N_("in the readings list: delete the selected reading")),
    ("Ctrl+F", N_("filter the items; Enter goes back to the list")),
    ("Ctrl+Z", N_("undo the last answer")),
    ("F1 / ?", N_("this list")),
]


def shortcut_sheet() -> str:
    return "\n".join(f"{key}\t{_(text)}" for key, text in SHORTCUTS)
