"""Signing through the dialog with a PKCS#12 identity, then reading the verification table."""

from __future__ import annotations

import shutil
import uuid
from pathlib import Path

from PySide6.QtCore import QPoint, Qt, QTimer
from PySide6.QtWidgets import QApplication, QDialog, QMessageBox, QPushButton

from acceptance_app.domain.enums import Department
from acceptance_app.services.signing import identities
from acceptance_app.storage.db import Database
from tests.reports.signing_support import PASSWORD, make_pki
from tests.services.test_documents import complete_inspections
from tests.ui.conftest import pdf_page_count

from acceptance_app.ui.documents.draft_dialog import DraftDialog
from acceptance_app.ui.documents.panel import DocumentsPanel
from acceptance_app.ui.signing.sign_dialog import SignDialog
from acceptance_app.ui.signing.verify_dialog import VerifyDialog


def _draw_signature(qtbot, pad) -> None:  # type: ignore[no-untyped-def]
    qtbot.mousePress(pad, Qt.MouseButton.LeftButton, pos=QPoint(20, 100))
    for x, y in ((60, 40), (100, 110), (150, 50), (200, 100), (300, 40)):
        qtbot.mouseMove(pad, QPoint(x, y))
    qtbot.mouseRelease(pad, Qt.MouseButton.LeftButton, pos=QPoint(300, 40))


def _close_next_message_box(texts: list[str]) -> None:
    def poll() -> None:
        boxes = [w for w in QApplication.topLevelWidgets() if isinstance(w, QMessageBox) and w.isVisible()]
        if not boxes:
            QTimer.singleShot(10, poll)
            return
        texts.append(boxes[0].text())
        boxes[0].accept()

    QTimer.singleShot(0, poll)


def test_sign_through_dialog_and_verify_table(qtbot, runner, database: Database, demo_project: uuid.UUID,  # type: ignore[no-untyped-def]
                                              tmp_path: Path) -> None:
    complete_inspections(database, demo_project)
    pki = make_pki(tmp_path / "pki")
    (database.folder.root / "trust").mkdir()
    shutil.copy(pki.ca_pem, database.folder.root / "trust" / "jinan-ca.pem")  # the jurisdiction's trust folder
    with database.session() as s, s.begin():
        identities.import_pkcs12(s, pki.identity("刘海涛"), PASSWORD, "刘海涛", Department.PLANNING)

    from acceptance_app.context import AppContext
    from acceptance_app.settings import Settings

    context = AppContext(database.folder, Settings(), database)
    context.update_settings(Settings(inspector_department=Department.ARCHIVE.value))  # the archive's laptop
    panel = DocumentsPanel(runner)
    qtbot.addWidget(panel)
    panel.show()
    panel.show_project(demo_project)
    panel.findChild(type(panel.open_button), "issue_opinion").click()
    panel.findChild(DraftDialog, "draft_dialog").issue_button.click()
    panel.view.selectRow(0)
    assert panel.sign_button.isEnabled()
    panel.sign_button.click()
    dialog = panel.findChild(SignDialog, "sign_dialog")
    assert dialog is not None and dialog.isVisible()
    assert dialog.field_box.count() == 4  # every field is free (住建 signs once: 牵头 and 消防)
    assert "济南市城建档案馆" in dialog.field_box.currentText()  # your department's slot first, named as the table names it
    assert "杨帆" in dialog.identity_box.currentText()  # and your department's identity
    # the planning department's slot goes with the planning identity (the PKCS#12 one, not the training one)
    dialog.field_box.setCurrentIndex(0)
    for index in range(dialog.identity_box.count()):
        if dialog.identity_box.itemData(index).kind == "pkcs12":
            dialog.identity_box.setCurrentIndex(index)
    assert "培训用" not in dialog.identity_box.currentText()
    assert "济南市自然资源和规划局" in dialog.field_box.currentText()
    _draw_signature(qtbot, dialog.pad)
    assert not dialog.pad.is_empty()
    assert dialog.preview.pixmap().width() > 400

    qtbot.keyClicks(dialog.secret, "wrong-password")
    messages: list[str] = []
    _close_next_message_box(messages)
    dialog.sign_button.click()  # a wrong password: a message, the dialog stays open
    assert messages and "刘海涛的签名身份" in messages[0] and "口令" in messages[0] and ".p12" not in messages[0]
    assert dialog.isVisible() and dialog.result() != QDialog.DialogCode.Accepted

    dialog.secret.setText(PASSWORD)  # a Chinese password (typed through an input method; QTest cannot)
    with qtbot.waitSignal(dialog.signed, timeout=20000):
        dialog.sign_button.click()
    assert dialog.secret.text() == ""  # never kept
    assert panel.model.rows[0].state.value == "signing"
    assert len(panel.preview.images) == pdf_page_count(database.folder.root / panel.model.rows[0].file_path)

    with database.session() as s:
        assert identities.image_for(s, identities.HANDWRITING, "刘海涛") is not None  # kept for next time

    panel.view.selectRow(0)
    panel.verify_button.click()
    report = panel.findChild(VerifyDialog, "verify_dialog")
    assert report is not None
    model = report.model
    assert model.rowCount() == 4  # every field, signed or 待签: 规划, 人防, 档案, 住建 (牵头；消防)
    cells = [model.index(0, c).data() for c in range(model.columnCount())]
    assert cells[:3] == ["济南市自然资源和规划局", "有效", "刘海涛"]  # named as the document body names it
    assert [model.index(r, 1).data() for r in range(1, 4)] == ["待签"] * 3
    assert "已签 1 / 应签 4" in report.summary.text() and "验证失败" not in report.summary.text()


def test_identities_dialog_imports_pkcs12_and_shows_validity(qtbot, runner, database: Database,  # type: ignore[no-untyped-def]
                                                             tmp_path: Path) -> None:
    from acceptance_app.ui.signing.identities_dialog import IdentitiesDialog, IdentityForm

    pki = make_pki(tmp_path / "pki")
    dialog = IdentitiesDialog(runner)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.model.rowCount() == 0
    dialog.findChild(QPushButton, "add_pkcs12").click()
    form = dialog.findChild(IdentityForm, "identity_form")
    form.person.setText("陈静")
    form.department.setCurrentIndex(form.department.findData(Department.CIVIL_AIR_DEFENSE.value))
    form.file.setText(str(pki.identity("陈静")))
    form.secret.setText(PASSWORD)
    form.accept()
    assert dialog.model.rowCount() == 1
    cells = [dialog.model.index(0, c).data() for c in range(dialog.model.columnCount())]
    assert cells[:3] == ["陈静", "济南市国防动员办公室（人防）", "PKCS#12"]
    assert "姓名：陈静" in cells[5] and "Common Name" not in cells[5]  # the certificate in words
    assert cells[3][:4].isdigit() and "陈静" in cells[5]
    assert form.secret.text() == ""

    dialog.findChild(QPushButton, "add_training").click()
    forms = [f for f in dialog.findChildren(IdentityForm) if f.kind == "training"]
    forms[0].person.setText("学员")
    forms[0].secret.setText("demo")
    forms[0].accept()
    assert dialog.model.rowCount() == 2
    row = next(r for r in dialog.model.rows if r.person == "学员")
    assert row.training and not row.trusted
    assert "培训用" in dialog.model.index(dialog.model.rows.index(row), 4).data()


def test_four_signatures_through_the_gui_verify_in_app_and_pdfsig(qtbot, runner, database: Database,  # type: ignore[no-untyped-def]
                                                                  demo_project: uuid.UUID, tmp_path: Path) -> None:
    import subprocess

    complete_inspections(database, demo_project)
    pki = make_pki(tmp_path / "pki")
    (database.folder.root / "trust").mkdir()
    shutil.copy(pki.ca_pem, database.folder.root / "trust" / "jinan-ca.pem")
    people = {Department.PLANNING: "刘海涛", Department.CIVIL_AIR_DEFENSE: "陈静", Department.HOUSING: "张伟",
              Department.ARCHIVE: "杨帆"}
    with database.session() as s, s.begin():
        for department, person in people.items():
            identities.import_pkcs12(s, pki.identity(person), PASSWORD, person, department)
    panel = DocumentsPanel(runner)
    qtbot.addWidget(panel)
    panel.show()
    panel.show_project(demo_project)
    panel.findChild(QPushButton, "issue_opinion").click()
    panel.findChild(DraftDialog, "draft_dialog").issue_button.click()
    for _n in range(4):
        panel.view.selectRow(0)
        panel.sign_button.click()
        dialog = [d for d in panel.findChildren(SignDialog) if d.isVisible()][0]
        field = dialog.field_box.currentData()
        pkcs12 = [i for i in range(dialog.identity_box.count()) if dialog.identity_box.itemData(i).kind == "pkcs12"
                  and dialog.identity_box.itemData(i).department_label == field.department]
        dialog.identity_box.setCurrentIndex(pkcs12[0])
        _draw_signature(qtbot, dialog.pad)
        dialog.secret.setText(PASSWORD)
        with qtbot.waitSignal(dialog.signed, timeout=20000):
            dialog.sign_button.click()
    assert panel.model.rows[0].state.value == "signed"

    panel.view.selectRow(0)
    panel.verify_button.click()
    report = [d for d in panel.findChildren(VerifyDialog) if d.isVisible()][0]
    assert report.model.rowCount() == 4
    assert "全部签名有效" in report.summary.text() and "已签 4 / 应签 4" in report.summary.text()
    assert {report.model.index(r, 1).data() for r in range(4)} == {"有效"}
    signed = panel.current
    assert signed is not None and signed.name.endswith("-signed-4.pdf")
    pdfsig = subprocess.run(["pdfsig", str(signed)], capture_output=True, text=True, check=False).stdout
    assert pdfsig.count("Signature is Valid.") == 4
