"""Evidence on the item: from a failed row, one key records a finding (discipline, unit, item, class, value filled
in) and its photos; the row's 待办 clears at once; photos dropped on a row attach to that item; the unit's 照片
tab counts finding photos; a lower class than the item's needs a reason."""

import pytest

from PySide6.QtCore import QMimeData, QPointF, Qt, QTimer, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QFileDialog

from acceptance_app.domain.checklists.form import EvidenceKind
from acceptance_app.domain.enums import Discipline, ItemClass, ItemVerdict
from acceptance_app.domain.photos import PhotoTarget
from acceptance_app.services.findings import workflow as findings
from acceptance_app.services.photos import library as photos
from tests import photo_samples as samples
from tests.ui.conftest import when_modal

ITEM = "XF-01-1c"  # class A, verdict; a failure asks for a photo and a finding


@pytest.fixture
def fire(window, demo_project, qtbot):  # type: ignore[no-untyped-def]
    window.open_project(demo_project)
    unit = next(r for r in window.project_page.unit_model.rows if r.data.name == "5#住宅楼")
    window.open_unit(unit.id)
    page = window.unit_page
    page.open_discipline(Discipline.FIRE)
    tab = page.checklist(Discipline.FIRE)
    assert tab.select_item(ITEM)
    tab.view.setFocus()
    return tab


def when_file_dialog(callback):
    """Run ``callback(dialog)`` once the file dialog (not the dialog before it) is the modal one."""

    def poll() -> None:
        dialog = QApplication.activeModalWidget()
        if isinstance(dialog, QFileDialog):
            callback(dialog)
        else:
            QTimer.singleShot(10, poll)

    QTimer.singleShot(0, poll)


def row_of(tab, item_id):
    return next(r for r in tab.model.rows if r.item.id == item_id)


def test_f_on_a_failed_row_records_the_finding_and_its_photos(fire, window, database, qtbot, tmp_path):
    photo = samples.jpeg(tmp_path / "defect.jpg", (800, 600))
    qtbot.keyClick(fire.view, Qt.Key.Key_2)
    assert set(row_of(fire, ITEM).missing) == {EvidenceKind.PHOTO, EvidenceKind.FINDING}
    fire.select_item(ITEM)
    seen = {}

    def fill_finding(dialog):
        seen["description"] = dialog.editors["description"].text()
        seen["class"] = dialog.editors["item_class"].currentData()
        ok = dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok)
        dialog.editors["item_class"].setCurrentIndex(dialog.editors["item_class"].findData(ItemClass.B))
        seen["lower_without_reason"] = ok.isEnabled()
        dialog.editors["class_reason"].setText("现场已临时整改，按关键项处理")
        seen["lower_with_reason"] = ok.isEnabled()
        when_file_dialog(choose_photo)
        ok.click()

    def choose_photo(dialog):
        dialog.selectFile(str(photo))
        dialog.accept()

    when_modal(fill_finding, qtbot)
    qtbot.keyClick(fire.view, Qt.Key.Key_F)
    assert ITEM in seen["description"] and seen["class"] == ItemClass.A
    assert not seen["lower_without_reason"] and seen["lower_with_reason"]
    qtbot.waitUntil(lambda: not row_of(fire, ITEM).missing, timeout=5000)  # the 待办 cleared at once
    with database.session() as s:
        (finding,) = [f for f in findings.unit_findings(s, fire.unit_id) if f.item_id == ITEM]
        assert finding.discipline is Discipline.FIRE and finding.item_class is ItemClass.B
        history = findings.finding_events(s, finding.id)
        assert "A → B" in history[0].note and history[0].by == "测试员"
        unit_photos = photos.list_photos(s, PhotoTarget.unit(fire.unit_id))
        assert "defect.jpg" in {p.original_name for p in unit_photos}  # the unit's 照片 tab counts it
    qtbot.waitUntil(lambda: fire.evidence.model.rowCount() == 1)  # thumbnail beside the answer panel


def test_photos_dropped_on_a_row_attach_to_that_item(fire, database, qtbot, tmp_path):
    photo = samples.jpeg(tmp_path / "gauge.jpg", (800, 600))
    target_row = next(n for n in range(fire.proxy.rowCount())
                      if fire.proxy.index(n, 0).data() == "XF-01-2")
    point = fire.view.visualRect(fire.proxy.index(target_row, 2)).center()
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(photo))])
    enter = QDragEnterEvent(point, Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton,
                            Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(fire.view.viewport(), enter)
    assert enter.isAccepted()
    drop = QDropEvent(QPointF(point), Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton,
                      Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(fire.view.viewport(), drop)
    inspection_id = fire.state.current.info.id
    with database.session() as s:
        attached = photos.list_photos(s, PhotoTarget.inspection(inspection_id, "XF-01-2"))
    assert [p.original_name for p in attached] == ["gauge.jpg"]
    assert fire.current_row().item.id == "XF-01-2"


def test_the_service_refuses_a_lower_class_without_a_reason(fire, database):
    from acceptance_app.domain.enums import PartyRole
    from acceptance_app.domain.findings import FindingData
    from acceptance_app.domain.problems import KnownError

    data = FindingData("栓口压力不足", ItemClass.C, PartyRole.CONTRACTOR, 15, ITEM)
    with database.session() as s, s.begin(), pytest.raises(KnownError) as error:
        findings.add_finding(s, fire.state.current.info.id, data, class_reason="")
    assert error.value.code == "finding.class_lowered"
    assert row_of(fire, ITEM).verdict is not ItemVerdict.NOT_APPLICABLE


def test_the_finding_text_carries_the_measured_value(tab, qtbot):
    from tests.ui.checklist_fixtures import go_to, type_value

    from acceptance_app.ui.checklists.item_finding import finding_text

    qtbot.mouseClick(tab.start_formal, Qt.MouseButton.LeftButton)
    go_to(tab, qtbot, "XF-04-2")
    type_value(qtbot, tab, "3.8")
    text = finding_text(row_of(tab, "XF-04-2"))
    assert text.startswith("XF-04-2 ") and "3.8 m" in text and "4" in text
