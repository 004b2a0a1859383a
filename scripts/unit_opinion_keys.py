#!/usr/bin/env python3
"""The opinion of a unit accepted on its own, issued with real key presses on the real window: X11 key events from
xdotool, through the X server and Qt's xcb plugin, to the documents tab of the demo's 二期. Alt+O reaches the scope
choice, Down chooses 6# (7# and the garage are not offered: the arrows skip them), Tab reaches 出具意见书, Space
shows the draft, Tab reaches 出具 in the draft and Space issues it. Then the record is read back from the database
and screenshots are saved at the screen's size (the open scope list, the draft, the issued opinion, the refusal of
a second one).

    xvfb-run -a -s "-screen 0 1366x768x24" python scripts/unit_opinion_keys.py OUT_DIR

Exit status 0 and "ok" last when everything is right; the failures are printed otherwise. Needs xdotool
(scripts/system-deps.sh --test). The window is navigated to the project's documents tab by code.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "scripts"))

import sqlalchemy as sa  # noqa: E402
from real_keys import keys as _keys  # noqa: E402
from real_keys import open_demo, screen, settle, xdotool  # noqa: E402

from PySide6.QtWidgets import QApplication, QPushButton, QWidget  # noqa: E402

from acceptance_app.domain.enums import DocumentState, DocumentType  # noqa: E402
from acceptance_app.storage.models import Document, Unit  # noqa: E402

from acceptance_app.ui.documents.draft_dialog import DraftDialog  # noqa: E402

UNIT = "6#住宅楼"


def keys(*names: str) -> None:
    _keys(*names, delay=80)


def both_projects(session: Any) -> Any:
    from acceptance_app.demo.project import create_demo

    return create_demo(session)[0]


def wait_for(condition, seconds: float = 30.0) -> bool:  # type: ignore[no-untyped-def]
    for _ in range(int(seconds * 4)):
        if condition():
            return True
        settle(250)
    return False


def tab_to(widget: QWidget, limit: int = 25) -> bool:
    """Press Tab until the keyboard focus is on ``widget`` (as a user tabs through a form)."""
    for _ in range(limit):
        if QApplication.focusWidget() is widget:
            return True
        keys("Tab")
    return QApplication.focusWidget() is widget



def main() -> int:
    demo = open_demo(sys.argv, "unit-opinion-keys", fill=both_projects)
    if demo is None:
        return 2
    out, window, database, projects = demo.out, demo.window, demo.database, demo.made
    window.open_project(projects.ready)
    settle(800)
    page = window.project_page
    page.show_tab(page.documents)
    panel = page.documents
    demo.focus()
    problems: list[str] = []
    if not wait_for(lambda: len(panel.scope_box.scopes) == 4):
        print(f"FAIL the scope choice shows {len(panel.scope_box.scopes)} scopes, not 4 (the project and 3 units)")
        return 1

    keys("alt+o")  # the label's mnemonic: the scope choice
    if QApplication.focusWidget() is not panel.scope_box:
        problems.append(f"Alt+O did not reach the scope choice: {QApplication.focusWidget()}")
    keys("Down", "Down", "Down")  # 6#, then 7# and the garage are skipped (disabled)
    scope = panel.scope_box.current_scope()
    if scope is None or scope.name != UNIT:
        problems.append(f"Down x3 chose {scope and scope.name}, not {UNIT} (the only unit offered)")
    keys("alt+Down")  # open the list to show what is offered and why the others are not
    settle(500)
    screen(out / "01-scope-choice.png")
    keys("Escape")

    issue_button = panel.findChild(QPushButton, "issue_opinion")
    if not tab_to(issue_button):
        problems.append("Tab never reached 出具意见书")
    keys("space")
    if not wait_for(lambda: any(d.isVisible() for d in panel.findChildren(DraftDialog))):
        print("FAIL no draft shown:", panel.message.text(), *problems)
        return 1
    draft = next(d for d in panel.findChildren(DraftDialog) if d.isVisible())
    settle(800)
    screen(out / "02-draft.png")
    with database.session() as session:
        if session.scalar(sa.select(sa.func.count()).select_from(Document)):
            problems.append("the draft recorded a document")
    if UNIT not in draft.windowTitle():
        problems.append(f"the draft's title does not name {UNIT}: {draft.windowTitle()}")
    if not tab_to(draft.issue_button):
        problems.append("Tab never reached 出具 in the draft")
    keys("space")
    if not wait_for(lambda: panel.model.rowCount() == 1 and bool(panel.preview.images)):
        print("FAIL the opinion was not listed:", panel.message.text(), *problems)
        return 1
    settle(800)
    screen(out / "03-issued.png")

    with database.session() as session:
        docs = session.execute(sa.select(Document.type, Document.state, Document.number, Unit.name)
                               .join(Unit, Document.unit_id == Unit.id)).all()
    if [(d.type, d.state, d.name) for d in docs] != [(DocumentType.OPINION, DocumentState.ISSUED, UNIT)]:
        problems.append(f"recorded: {docs}")
    # issuing it again by keyboard: refused in the panel with the number in force, nothing recorded
    xdotool("windowfocus", "--sync", str(int(window.winId())))  # the draft's window is gone, and no WM refocuses
    keys("alt+o")
    if not tab_to(issue_button):
        problems.append("Tab never reached 出具意见书 the second time")
    keys("space")
    settle(800)
    if "已出具" not in panel.message.text() or any(d.isVisible() for d in panel.findChildren(DraftDialog)):
        problems.append(f"a second issue was not refused in the panel: {panel.message.text()!r}")
    screen(out / "04-second-refused.png")
    with database.session() as session:
        if session.scalar(sa.select(sa.func.count()).select_from(Document)) != 1:
            problems.append("the second issue recorded a document")
    title = panel.model.index(0, 1).data()
    if title != f"联合验收意见书（{UNIT}）":
        problems.append(f"listed as {title}")
    print(f"issued {docs[0].number if docs else '-'} listed as {title}")
    return demo.finish(problems)


if __name__ == "__main__":
    sys.exit(main())
