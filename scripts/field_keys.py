#!/usr/bin/env python3
"""The field flow with real key presses on the real window: X11 key events from xdotool, through the X server and
Qt's xcb plugin, to the checklist of 5#住宅楼 消防 in the demo project. Then the records are read back from the
database, and screenshots of the project page, the checklist and the photo viewer are saved at the screen's size.

    xvfb-run -a -s "-screen 0 1366x768x24" python scripts/field_keys.py OUT_DIR

Exit status 0 when every record is right; the failures are printed otherwise. Needs xdotool (scripts/system-deps.sh
--test). The window is navigated to the unit by code; everything the inspector types is typed with xdotool.

The items are chosen by what they are on the demo's open round, not by fixed ids (the demo and the forms change):
an unanswered measured item asking two samples or more (two readings, typed one at a time, both kept), another
unanswered measured item for 不适用 with its reason (never stored as a value), an unanswered verdict item.
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "scripts"))

import sqlalchemy as sa  # noqa: E402
from real_keys import ACTOR, find_item, keys, open_demo, settle, type_text  # noqa: E402

from acceptance_app.domain.checklists.answers import sample_passes  # noqa: E402
from acceptance_app.domain.checklists.form import AnswerType, Item, Scope  # noqa: E402
from acceptance_app.domain.checklists.jurisdiction import Jurisdiction  # noqa: E402
from acceptance_app.domain.checklists.sheet import ItemRow  # noqa: E402
from acceptance_app.domain.checklists.tolerance import Compare, Range, parse_tolerance  # noqa: E402
from acceptance_app.domain.enums import Discipline, ItemVerdict  # noqa: E402
from acceptance_app.storage.models import Answer  # noqa: E402

UNIT = "5#住宅楼"  # the demo's unit with its 消防 formal round in progress
# The field trial's faults this flow guards against: a 不适用 typed on a measured item was stored as the value 3,
# and a second reading replaced the first instead of being added to it.
REASON = "no such installation in this block"


def passing_readings(item: Item, jurisdiction: Jurisdiction) -> tuple[float, float] | None:
    """Two different readings inside the item's rule, so that the first leaves it undecided (more samples
    needed) and the second decides it; None for an item whose rule needs a design value or gives no bound."""
    if parse_tolerance(item.answer.tolerance).needs_design:
        return None
    candidates: list[float] = []
    for condition in parse_tolerance(item.answer.tolerance).conditions:
        if isinstance(condition, Range):
            span = condition.high - condition.low
            candidates += [condition.low + span * 0.3, condition.low + span * 0.7]
        elif isinstance(condition, Compare) and condition.value is not None:
            factors = (1.2, 1.3) if condition.op in (">=", ">") else (0.8, 0.7)
            candidates += [condition.value * f for f in factors]
    readings = [v for v in dict.fromkeys(round(c, 2) for c in candidates) if sample_passes(item, v, None, jurisdiction)]
    return (readings[0], readings[1]) if len(readings) >= 2 else None


def open_rows(rows: list[ItemRow], kind: AnswerType) -> list[ItemRow]:
    """The unit's own items of this answer type nobody has answered yet on this round (and that apply)."""
    return [r for r in rows if r.item.answer.type is kind and r.item.scope is Scope.UNIT and r.answer is None
            and r.verdict is ItemVerdict.PENDING and not r.by_rule]


def main() -> int:
    demo = open_demo(sys.argv, "field-keys")
    if demo is None:
        return 2
    out, app, window, database, project_id = demo.out, demo.app, demo.window, demo.database, demo.made
    window.open_project(project_id)
    settle(800)
    window.grab().save(str(out / "01-project-page.png"))
    tab = demo.checklist(UNIT, Discipline.FIRE)

    current = tab.state.current if tab.state else None
    if current is None:
        print(f"FAIL no open 消防 round on {UNIT} in the demo")
        return 1
    measured_rows = open_rows(current.sheet.all_rows, AnswerType.MEASURE)
    two = next(((r, readings) for r in measured_rows
                if r.item.sampling and r.item.sampling.min_samples >= 2
                and (readings := passing_readings(r.item, current.jurisdiction))), None)
    not_applicable = next((r for r in measured_rows if two is None or r.item.id != two[0].item.id), None)
    verdict_row = next(iter(open_rows(current.sheet.all_rows, AnswerType.VERDICT)), None)
    if two is None or not_applicable is None or verdict_row is None:
        print(f"FAIL the demo's open round lacks an item to type on: two samples {two and two[0].item.id}, "
              f"不适用 {not_applicable and not_applicable.item.id}, verdict {verdict_row and verdict_row.item.id}")
        return 1
    na_item, verdict_item = not_applicable.item.id, verdict_row.item.id
    sampled_item, (first, second) = two[0].item.id, two[1]
    print(f"items: 不适用 {na_item}, two samples {sampled_item} ({first}, {second}), verdict {verdict_item}")

    problems: list[str] = []

    def landed(item_id: str) -> None:
        row = tab.current_row()
        if row is None or row.item.id != item_id:
            problems.append(f"search did not land on {item_id}: {row and row.item.id}")

    # 不适用 with its reason on a measured item: 3, type the reason, Enter.
    find_item(na_item)
    landed(na_item)
    keys("3")
    type_text(REASON)
    keys("Return")
    # Two readings, one at a time: Enter, type, Enter; Enter, type, Enter.
    find_item(sampled_item)
    landed(sampled_item)
    keys("Return")
    type_text(f"{first:g}")
    keys("Return")
    keys("Return")
    type_text(f"{second:g}")
    keys("Return")
    # A verdict item: 2 (fail), J moves on, K back, 1 (pass) replaces it, Ctrl+Z takes the pass back.
    find_item(verdict_item)
    landed(verdict_item)
    keys("2", "j", "k", "1")
    window.grab().save(str(out / "02-checklist.png"))
    keys("ctrl+z")
    settle(500)
    if tab.current_row() is None or tab.current_row().item.id != verdict_item:
        problems.append("undo did not select the undone item")
    if verdict_item not in tab.message.text():
        problems.append(f"undo did not say what was undone: {tab.message.text()!r}")

    with database.session() as session:  # this round's live answers (other units answer the same items)
        records = {a.item_id: a for a in session.scalars(sa.select(Answer).where(
            Answer.inspection_id == current.info.id, Answer.retired.is_(False)))}
    measured = records.get(na_item)
    if measured is None or (measured.verdict, measured.samples, measured.na_reason) != (
            ItemVerdict.NOT_APPLICABLE, [], REASON):
        problems.append(f"{na_item}: {measured and (measured.verdict, measured.samples, measured.na_reason)}")
    sampled = records.get(sampled_item)
    if sampled is None or sampled.samples != [first, second]:
        problems.append(f"{sampled_item}: samples {sampled and sampled.samples}")
    verdict = records.get(verdict_item)
    if verdict is None or verdict.verdict is not ItemVerdict.FAIL:
        problems.append(f"{verdict_item}: {verdict and verdict.verdict} after 2, 1, Ctrl+Z (expected fail)")
    names = {r.answered_by for r in records.values() if r.item_id in (na_item, sampled_item, verdict_item)}
    if names != {ACTOR}:
        problems.append(f"answered by {names}")

    # The photo viewer at this screen's size, on a photo of the demo.
    page = window.unit_page
    page.tabs.setCurrentWidget(page.photos_panel)
    settle(800)
    if page.photos_panel.model.rows:
        viewer = page.photos_panel.open_viewer(page.photos_panel.model.rows[0])
        settle(1200)
        viewer.grab().save(str(out / "03-photo-viewer.png"))
        screen = app.primaryScreen().availableGeometry()
        if not screen.contains(viewer.frameGeometry()):
            problems.append(f"photo viewer {viewer.frameGeometry().getRect()} outside the screen {screen.getRect()}")
        viewer.close()
    else:
        problems.append("no photo to show in the viewer")
    return demo.finish(problems)


if __name__ == "__main__":
    sys.exit(main())
