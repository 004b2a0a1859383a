"""The office's buttons in the window: 备份到… with the reminder it clears, 导出 Excel…, and a document's history."""

from __future__ import annotations

import uuid
from pathlib import Path

from PySide6.QtWidgets import QMessageBox, QPushButton

from acceptance_app.storage.db import Database
from tests.services.test_documents import complete_inspections
from tests.ui.conftest import when_modal

from acceptance_app.ui.backup import back_up
from acceptance_app.ui.documents.draft_dialog import DraftDialog
from acceptance_app.ui.history_dialog import HistoryDialog


def _accept_message(seen: list[str], qtbot) -> None:  # type: ignore[no-untyped-def]
    def accept(box) -> None:  # type: ignore[no-untyped-def]
        seen.append(box.text() if isinstance(box, QMessageBox) else "")
        box.accept()

    when_modal(accept, qtbot)


def test_back_up_from_the_window_clears_the_reminder(window, demo_project: uuid.UUID, tmp_path: Path, qtbot) -> None:  # type: ignore[no-untyped-def]
    assert window.backup_reminder.isVisibleTo(window) and "从未备份" in window.backup_reminder.text()
    seen: list[str] = []
    _accept_message(seen, qtbot)
    back_up(window, window.runner, window.backup_reminder, destination=tmp_path / "usb")
    assert seen and "manifest.json" in seen[0]
    backups = list((tmp_path / "usb").iterdir())
    assert len(backups) == 1 and (backups[0] / "manifest.json").is_file()
    assert not window.backup_reminder.isVisibleTo(window)


def test_export_excel_and_document_history(window, database: Database, demo_project: uuid.UUID, tmp_path: Path,  # type: ignore[no-untyped-def]
                                           qtbot) -> None:
    from openpyxl import load_workbook

    complete_inspections(database, demo_project)
    window.open_project(demo_project)
    panel = window.project_page.documents
    seen: list[str] = []
    _accept_message(seen, qtbot)
    panel.export_xlsx(path=str(tmp_path / "一期"))
    assert seen and "一期.xlsx" in seen[0]
    assert "问题清单" in load_workbook(tmp_path / "一期.xlsx").sheetnames

    panel.findChild(QPushButton, "issue_opinion").click()
    panel.findChild(DraftDialog, "draft_dialog").issue_button.click()
    assert panel.history_button.isEnabled()
    panel.history_button.click()
    dialog = [d for d in panel.findChildren(HistoryDialog) if d.isVisible()][0]
    cells = [[dialog.model.index(r, c).data() for c in range(dialog.model.columnCount())]
             for r in range(dialog.model.rowCount())]
    assert cells and all(row[2] == "新建" for row in cells)
    assert any(row[3] == "文号" and row[5].startswith("济联验") for row in cells)
    dialog.export_csv(path=str(tmp_path / "h.csv"))
    assert (tmp_path / "h.csv").read_text("utf-8-sig").count("\n") == len(cells) + 1
