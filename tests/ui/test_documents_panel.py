"""The documents tab: issuing shows the new document in the list and its pages in the preview."""

from __future__ import annotations

import uuid

from acceptance_app.storage.db import Database
from tests.services.test_documents import complete_inspections
from tests.ui.conftest import pdf_page_count

from acceptance_app.ui.documents.panel import DocumentsPanel
from acceptance_app.ui.tasks import TaskRunner


def test_issue_lists_and_previews_the_document(qtbot, database: Database, demo_project: uuid.UUID) -> None:  # type: ignore[no-untyped-def]
    complete_inspections(database, demo_project)
    runner = TaskRunner(database, inline=True)
    panel = DocumentsPanel(runner)
    qtbot.addWidget(panel)
    panel.show_project(demo_project)
    assert panel.model.rowCount() == 0
    panel.findChild(type(panel.open_button), "issue_opinion").click()
    assert panel.model.rowCount() == 1
    assert panel.model.rows[0].number.startswith("济联验〔")
    pages = pdf_page_count(database.folder.root / panel.model.rows[0].file_path)
    assert pages >= 2  # facts and parties, conclusions, signatures and the closing block
    assert len(panel.preview.images) == pages
    assert panel.preview.images[0].width() > 500
    assert panel.open_button.isEnabled()
    runner.shutdown()
