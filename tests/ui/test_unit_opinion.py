"""The opinion of a unit accepted on its own (单体单独验收), issued from the documents panel on the demo's 二期:
6# is offered, 7# (消防 in rectification) and the garage (not applied for alone) are listed disabled with their
reasons; the draft takes no number; the issued opinion is listed as 联合验收意见书（6#住宅楼）, signed and verified;
a second one of the same content is refused in the panel, with no modal box (a modal exec() would block the test)."""

from __future__ import annotations

import subprocess
import uuid

import sqlalchemy as sa

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPushButton

from acceptance_app.storage.db import Database
from acceptance_app.storage.models import Document, NumberBlock, Unit
from tests.ui.test_issue_sign_verify import RED, _sign_next_field

from acceptance_app.ui.documents.draft_dialog import DraftDialog
from acceptance_app.ui.documents.panel import DocumentsPanel
from acceptance_app.ui.signing.verify_dialog import VerifyDialog


def _counts(database: Database) -> tuple[int, int]:
    with database.session() as s:
        return (s.scalar(sa.select(sa.func.count()).select_from(Document)) or 0,
                s.scalar(sa.select(sa.func.coalesce(sa.func.sum(NumberBlock.next - NumberBlock.first), 0))) or 0)


def _unit(database: Database, name: str) -> uuid.UUID:
    with database.session() as s:
        return s.scalars(sa.select(Unit.id).where(Unit.name == name)).one()


def _panel(qtbot, runner, project_id: uuid.UUID) -> DocumentsPanel:  # type: ignore[no-untyped-def]
    panel = DocumentsPanel(runner)
    qtbot.addWidget(panel)
    panel.resize(1300, 700)
    panel.show()
    panel.show_project(project_id)
    return panel


def _items(panel: DocumentsPanel) -> dict[str, tuple[bool, str, str]]:
    """Each scope's name -> (enabled, text, tooltip) as the combo box shows them."""
    model = panel.scope_box.model()
    return {scope.name: (model.item(i).isEnabled(), model.item(i).text(), model.item(i).toolTip())
            for i, scope in enumerate(panel.scope_box.scopes)}


def _visible_drafts(panel: DocumentsPanel) -> list[DraftDialog]:
    return [d for d in panel.findChildren(DraftDialog) if d.isVisible()]


def test_units_not_ready_are_listed_disabled_with_their_reason(qtbot, runner, database: Database,  # type: ignore[no-untyped-def]
                                                               ready_project: uuid.UUID) -> None:
    panel = _panel(qtbot, runner, ready_project)
    items = _items(panel)
    assert list(items)[0] == "泉华苑住宅小区（二期）" and panel.scope_box.current_unit() is None
    enabled, text, _tip = items["泉华苑住宅小区（二期）"]
    assert enabled and "整个项目" in text and "7#住宅楼：消防正在整改" in text, text
    enabled, text, tip = items["6#住宅楼"]
    assert enabled and text == "6#住宅楼（单独验收）" and "单体代码：370112001270006" in tip
    enabled, text, tip = items["7#住宅楼"]
    assert not enabled and "不能单独验收" in text and "消防正在整改（整改后复验）" in tip, (text, tip)
    assert "未申请单独验收" in tip
    enabled, text, tip = items["二期地下车库（含人防工程）"]
    assert not enabled and "未申请单独验收" in text
    assert not panel.scope_box.choose(_unit(database, "7#住宅楼"))  # not offered
    # the whole project is refused in the panel (7# in rectification), no modal box, nothing taken
    before = _counts(database)
    panel.findChild(QPushButton, "issue_opinion").click()
    assert not _visible_drafts(panel)
    assert panel.message.isVisible() and "正在整改（整改后复验）：7#住宅楼" in panel.message.text()
    assert _counts(database) == before


def test_issue_sign_and_verify_the_opinion_of_a_unit_accepted_alone(qtbot, runner, database: Database,  # type: ignore[no-untyped-def]
                                                                    ready_project: uuid.UUID) -> None:
    panel = _panel(qtbot, runner, ready_project)
    before = _counts(database)
    sixth = _unit(database, "6#住宅楼")
    assert panel.scope_box.choose(sixth)
    panel.findChild(QPushButton, "issue_opinion").click()
    [draft] = _visible_drafts(panel)
    assert "6#住宅楼" in draft.windowTitle() and draft.preview.images
    assert _counts(database) == before  # a draft takes no number and records nothing
    draft.issue_button.click()

    assert panel.model.rowCount() == 1 and panel.selected_row() is not None
    row = panel.model.rows[0]
    assert row.number.startswith("济联验〔") and row.unit_id == sixth
    assert panel.model.index(0, 1).data(Qt.ItemDataRole.DisplayRole) == "联合验收意见书（6#住宅楼）"
    text = subprocess.run(["pdftotext", str(database.folder.root / row.file_path), "-"], capture_output=True,
                          text=True, check=True).stdout.replace("\n", "")
    # the unit, its 单体代码 and the departments that inspected it (no 人防 works in 6#: 人防 is not named)
    for expected in ("6#住宅楼", "370112001270006", "单体单独验收的前提条件", row.number, "经规划、消防、城建档案等部门"):
        assert expected in text, expected
    assert "7#住宅楼" not in text and "二期地下车库" not in text  # only this unit's results
    assert _items(panel)["6#住宅楼"][1].endswith("已出具 " + row.number)

    department = _sign_next_field(qtbot, panel)
    panel.verify_button.click()
    report = [d for d in panel.findChildren(VerifyDialog) if d.isVisible()][0]
    summary = report.summary.text()
    assert "已签 1 / 应签 3" in summary, summary  # 6# has no 人防: 规划, 档案, 住建 (牵头；消防)
    assert RED not in report.summary.styleSheet() and "验证失败" not in summary
    cells = {report.model.index(r, 0).data(): report.model.index(r, 1).data() for r in range(report.model.rowCount())}
    assert cells[department] == "有效（培训证书，不具法律效力）"
    report.close()

    # a second opinion of the same content: refused in the panel with the number in force, nothing taken
    after = _counts(database)
    assert panel.scope_box.current_unit() == sixth
    panel.findChild(QPushButton, "issue_opinion").click()
    assert not _visible_drafts(panel)
    assert "已出具" in panel.message.text() and row.number in panel.message.text()
    assert _counts(database) == after


def test_a_unit_marked_for_acceptance_alone_is_offered_at_once(qtbot, runner, database: Database,  # type: ignore[no-untyped-def]
                                                               ready_project: uuid.UUID) -> None:
    """The garage passed every discipline but nobody applied for it alone; once its unit says 单独验收 (a write
    through the runner, as the unit dialog does), the panel offers it without a reload."""
    from dataclasses import replace

    from acceptance_app.services import projects

    panel = _panel(qtbot, runner, ready_project)
    garage = _unit(database, "二期地下车库（含人防工程）")
    assert not panel.scope_box.choose(garage)

    def mark(session, task):  # type: ignore[no-untyped-def]
        data = projects.get_unit(session, garage).data
        return projects.update_unit(session, garage, replace(data, accepted_alone=True))

    runner.write(mark).run()
    enabled, text, _tip = _items(panel)["二期地下车库（含人防工程）"]
    assert enabled and text == "二期地下车库（含人防工程）（单独验收）"
    assert panel.scope_box.choose(garage)


def test_a_disk_error_while_rendering_the_draft_shows_in_the_panel(qtbot, runner, database: Database,  # type: ignore[no-untyped-def]
                                                                   ready_project: uuid.UUID, monkeypatch) -> None:
    from acceptance_app.services.documents import drafts as document_drafts

    def full(*args, **kwargs):  # type: ignore[no-untyped-def]
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(document_drafts, "render_drafts", full)
    panel = _panel(qtbot, runner, ready_project)
    before = _counts(database)
    assert panel.scope_box.choose(_unit(database, "6#住宅楼"))
    panel.findChild(QPushButton, "issue_opinion").click()
    assert not _visible_drafts(panel)
    assert "No space left on device" in panel.message.text() and panel.message.isVisible()
    assert _counts(database) == before


def test_a_changed_unit_opinion_is_issued_as_a_new_version_that_replaces_the_one_in_force(
        qtbot, runner, database: Database, ready_project: uuid.UUID) -> None:  # type: ignore[no-untyped-def]
    from dataclasses import replace

    from acceptance_app.domain.enums import DocumentState
    from acceptance_app.services import projects

    panel = _panel(qtbot, runner, ready_project)
    sixth = _unit(database, "6#住宅楼")
    assert panel.scope_box.choose(sixth)
    panel.findChild(QPushButton, "issue_opinion").click()
    [draft] = _visible_drafts(panel)
    assert "替代" not in draft.note.text()  # the first opinion of 6# replaces nothing
    draft.issue_button.click()
    first = panel.model.rows[0]

    def move(session, task):  # type: ignore[no-untyped-def]  # the 建设地点 corrected: the opinion prints it
        data = projects.get_project(session, ready_project).data
        return projects.update_project(session, ready_project, replace(data, location=data.location + "（更正）"))

    runner.write(move).run()
    panel.findChild(QPushButton, "issue_opinion").click()
    [draft] = _visible_drafts(panel)
    assert f"替代现行的{first.number}" in draft.note.text() and not panel.message.isVisible()
    draft.issue_button.click()
    rows = sorted(panel.model.rows, key=lambda r: r.version)
    assert [(r.version, r.state, r.unit_name) for r in rows] == [
        (1, DocumentState.SUPERSEDED, "6#住宅楼"), (2, DocumentState.ISSUED, "6#住宅楼")]
    assert rows[1].number != first.number
    assert _items(panel)["6#住宅楼"][1].endswith("已出具 " + rows[1].number)
