"""The 照片 tab and the viewer: drop files, read the grid, draw and save an annotation."""

from __future__ import annotations

import uuid

import pytest
import sqlalchemy as sa

from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QApplication

from acceptance_app.domain.photos import PhotoRow, PhotoTarget
from acceptance_app.services.photos import library as photos
from acceptance_app.storage.models import Unit
from tests import photo_samples as samples
from tests.photos.conftest import make_unit

from acceptance_app.ui.photos.grid import PhotoGridModel
from acceptance_app.ui.photos.panel import PhotosPanel


@pytest.fixture
def unit_id(database) -> uuid.UUID:  # type: ignore[no-untyped-def]
    return make_unit(database)


@pytest.fixture
def panel(runner, unit_id, qtbot):  # type: ignore[no-untyped-def]
    widget = PhotosPanel(runner)
    qtbot.addWidget(widget)
    widget.resize(900, 600)
    widget.show()
    qtbot.waitExposed(widget)
    widget.show_target(PhotoTarget.unit(unit_id))
    yield widget
    widget.model.shutdown()


def _drop(widget, files) -> None:  # type: ignore[no-untyped-def]
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(f)) for f in files])
    # As a real drag does: enter (which the grid must accept), then drop.
    enter = QDragEnterEvent(QPoint(20, 20), Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton,
                            Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(widget.viewport(), enter)
    assert enter.isAccepted()
    drop = QDropEvent(QPointF(20, 20), Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton,
                      Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(widget.viewport(), drop)


def test_dropping_files_imports_them_and_the_grid_shows_them(panel, tmp_path, qtbot):
    good = [samples.jpeg(tmp_path / "IMG_0001.jpg", (1600, 1200), orientation=6), samples.png(tmp_path / "b.png")]
    bad = samples.truncated_jpeg(tmp_path / "half.jpg")
    with qtbot.waitSignal(panel.import_finished, timeout=20000):
        _drop(panel.grid, [*good, bad])
    qtbot.waitUntil(lambda: panel.model.rowCount() == 2)
    assert panel.count_label.text() == "2 张照片"
    assert panel.rejections.isVisible() and panel.rejections.count() == 1
    assert panel.rejections.item(0).text().startswith("half.jpg：")
    # Thumbnails arrive lazily from the worker threads.
    qtbot.waitUntil(lambda: panel.model.loaded_count() == 2, timeout=5000)
    icon = panel.model.data(panel.model.index(0), Qt.ItemDataRole.DecorationRole)
    # The orientation-6 photo is shown upright: a portrait picture centred in the square cell.
    assert icon.pixelColor(5, icon.height() // 2).alpha() == 0 and icon.pixelColor(icon.width() // 2, 5).alpha() == 255


def test_unit_page_has_a_photos_tab_with_the_demo_photos(window, database, demo_project, qtbot):
    with database.session() as s:
        unit_id = s.scalars(sa.select(Unit.id).where(Unit.project_id == demo_project).order_by(Unit.sort_order)).first()
    window.open_unit(unit_id)
    page = window.unit_page
    titles = [page.tabs.tabText(n) for n in range(page.tabs.count())]
    assert "照片" in titles
    assert page.photos_panel.target == PhotoTarget.unit(unit_id)
    qtbot.waitUntil(lambda: page.photos_panel.model.rowCount() == 2)
    assert page.photos_panel.count_label.text() == "2 张照片"


def test_grid_model_is_a_valid_item_model(qtmodeltester, tmp_path, qtbot):
    model = PhotoGridModel(lambda sha: tmp_path / f"{sha}.jpg")
    qtmodeltester.check(model)
    rows = [PhotoRow(uuid.uuid4(), uuid.uuid4(), f"{n:064x}", f"IMG_{n}.JPG", 4000, 3000, None, "", n, "", False)
            for n in range(3)]
    model.set_rows(rows)
    qtmodeltester.check(model)
    model.data(model.index(0), Qt.ItemDataRole.DecorationRole)  # the thumbnail file is missing
    qtbot.waitUntil(lambda: model.pool.activeThreadCount() == 0 and not model._pending)
    assert model.loaded_count() == 0  # placeholder kept, no crash
    model.shutdown()


def test_viewer_draws_an_annotation_and_saves_it_as_a_layer(panel, database, data_folder, unit_id, tmp_path, qtbot):
    source = samples.jpeg(tmp_path / "a.jpg", (1600, 1200))
    with database.session() as s:
        photos.import_photos(s, data_folder, [source], PhotoTarget.unit(unit_id))
    panel.reload()
    qtbot.waitUntil(lambda: panel.model.rowCount() == 1)
    viewer = panel.open_viewer(panel.model.rows[0])
    qtbot.addWidget(viewer)
    qtbot.waitExposed(viewer)
    assert viewer.detail is not None and viewer.exif_form.rowCount() >= 6
    gps_label = viewer.exif_form.itemAt(2, viewer.exif_form.ItemRole.FieldRole).widget()
    assert gps_label.text().startswith("36.67") and "117.02" in gps_label.text()

    viewport = viewer.view.viewport()
    viewer.choose_tool("rectangle")
    qtbot.mousePress(viewport, Qt.MouseButton.LeftButton, pos=QPoint(200, 150))
    qtbot.mouseRelease(viewport, Qt.MouseButton.LeftButton, pos=QPoint(400, 300))
    viewer.choose_tool("text")
    viewer.text_edit.setText("渗漏")
    qtbot.mouseClick(viewport, Qt.MouseButton.LeftButton, pos=QPoint(250, 200))
    assert [s["kind"] for s in viewer.shapes] == ["rectangle", "text"]
    rect = viewer.shapes[0]
    assert 0 < rect["x"] < rect["x"] + rect["w"] <= 1 and rect["w"] > 0.05

    with qtbot.waitSignal(viewer.saved):
        viewer.save()
    with database.session() as s:
        layer = photos.get_annotations(s, viewer.photo_id)
        assert [x["kind"] for x in layer] == ["rectangle", "text"] and layer[1]["text"] == "渗漏"
        assert photos.photo_paths(s, data_folder, viewer.photo_id).original.read_bytes() == source.read_bytes()
    viewer.close()


def test_cancel_through_the_real_runner_keeps_what_was_imported(database, data_folder, unit_id, tmp_path, qtbot):
    from acceptance_app.ui.tasks import TaskRunner

    runner = TaskRunner(database)
    widget = PhotosPanel(runner)
    qtbot.addWidget(widget)
    widget.show_target(PhotoTarget.unit(unit_id))
    qtbot.waitUntil(lambda: runner.active == 0)
    files = [samples.jpeg(tmp_path / f"{n}.jpg", (1200, 900)) for n in range(8)]
    with qtbot.waitSignal(widget.import_finished, timeout=30000) as blocker:
        operation = widget.import_files(files)
        operation.cancel()  # at once: files already being decoded finish, the rest are not started
    results = blocker.args[0]
    imported = [r for r in results if r.outcome == "imported"]
    assert len(results) == 8 and len(imported) < 8
    assert "未处理" in widget.result_label.text()
    with database.session() as s:
        assert len(photos.list_photos(s, PhotoTarget.unit(unit_id))) == len(imported)
    stored = [p for p in data_folder.photos.rglob("*") if p.is_file()]
    assert len(stored) == 3 * len(imported)  # no file without its row
    qtbot.waitUntil(lambda: runner.active == 0)
    widget.model.shutdown()
    runner.shutdown()
