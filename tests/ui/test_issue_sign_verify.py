"""The office's whole document flow as a user meets it: a draft, the confirmation, two signatures with the demo's
training identities (whose password the dialog tells), and a verification that reads 已签 2 / 应签 4 without red."""

from __future__ import annotations

import uuid

from PySide6.QtWidgets import QPushButton

from acceptance_app.storage.db import Database
from tests.services.test_documents import complete_inspections
from tests.ui.test_signing_dialogs import _close_next_message_box, _draw_signature

from acceptance_app.ui.departments import department_names
from acceptance_app.ui.documents.draft_dialog import DraftDialog
from acceptance_app.ui.documents.panel import DocumentsPanel
from acceptance_app.ui.signing.sign_dialog import SignDialog
from acceptance_app.ui.signing.verify_dialog import VerifyDialog

RED = "#c62828"


def _sign_next_field(qtbot, panel: DocumentsPanel, wrong_first: bool = False) -> str:  # type: ignore[no-untyped-def]
    panel.sign_button.click()
    dialog = [d for d in panel.findChildren(SignDialog) if d.isVisible()][0]
    assert "sig_" not in dialog.field_box.currentText()  # the field is named as the department
    identity = dialog.identity_box.currentData()
    # named as the jurisdiction's table names the department (济南市…), the identity's field with it
    department = department_names(panel.runner.database.settings)[identity.department]
    assert department.startswith("济南市") and identity.training and department in dialog.field_box.currentText()
    assert "demo" in dialog.pin_hint.text() and dialog.pin_hint.isVisibleTo(dialog)
    assert "Common Name" not in dialog.certificate_label.text() and "姓名：" in dialog.certificate_label.text()
    if wrong_first:
        messages: list[str] = []
        _close_next_message_box(messages)
        dialog.secret.setText("1234")
        dialog.sign_button.click()
        assert messages and identity.person in messages[0] and "口令" in messages[0]
        assert ".p12" not in messages[0] and "PKCS" not in messages[0] and "/" not in messages[0]
    _draw_signature(qtbot, dialog.pad)
    dialog.secret.setText("demo")
    with qtbot.waitSignal(dialog.signed, timeout=20000):
        dialog.sign_button.click()
    return department


def test_draft_confirm_sign_two_fields_and_verify_in_plain_words(qtbot, runner, database: Database,  # type: ignore[no-untyped-def]
                                                                  demo_project: uuid.UUID) -> None:
    complete_inspections(database, demo_project)
    panel = DocumentsPanel(runner)
    qtbot.addWidget(panel)
    panel.resize(1300, 700)
    panel.show()
    panel.show_project(demo_project)
    panel.findChild(QPushButton, "issue_opinion").click()
    draft = panel.findChild(DraftDialog, "draft_dialog")
    assert draft is not None and panel.model.rowCount() == 0
    draft.issue_button.click()
    assert panel.model.rowCount() == 1 and panel.selected_row() is not None

    signed = [_sign_next_field(qtbot, panel, wrong_first=True)]
    # the signed document stays selected: 签署 and 验证 work at once, without clicking the row again
    assert panel.selected_row() is not None and panel.sign_button.isEnabled()
    signed.append(_sign_next_field(qtbot, panel))
    assert panel.verify_button.isEnabled()
    panel.verify_button.click()
    report = [d for d in panel.findChildren(VerifyDialog) if d.isVisible()][0]
    text = report.summary.text()
    assert "已签 2 / 应签 4" in text and "签署中" in text  # four fields: 规划, 人防, 档案, 住建 (牵头；消防)
    assert RED not in report.summary.styleSheet() and "验证失败" not in text
    rows = [[report.model.index(r, c).data() for c in range(report.model.columnCount())]
            for r in range(report.model.rowCount())]
    assert len(rows) == 4
    assert not any("sig_" in cell for row in rows for cell in row)
    by_department = {row[0]: row[1] for row in rows}
    assert any("牵头" in department for department in by_department)
    for department in signed:
        assert by_department[department] == "有效（培训证书，不具法律效力）"
    assert sorted(by_department.values()).count("待签") == 2
