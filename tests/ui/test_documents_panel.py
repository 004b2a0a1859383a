"""The documents tab: issuing shows a draft first (no number, nothing recorded); confirming issues it, lists it
and previews it fitted to the view's width."""

from __future__ import annotations

import uuid

import sqlalchemy as sa

from acceptance_app.storage.db import Database
from acceptance_app.storage.models import Document, NumberBlock
from tests.services.test_documents import complete_inspections
from tests.ui.conftest import pdf_page_count

from acceptance_app.ui.documents.draft_dialog import DraftDialog
from acceptance_app.ui.documents.panel import DocumentsPanel
from acceptance_app.ui.tasks import TaskRunner


def _counts(database: Database) -> tuple[int, int]:
    with database.session() as s:
        return (s.scalar(sa.select(sa.func.count()).select_from(Document)) or 0,
                s.scalar(sa.select(sa.func.coalesce(sa.func.sum(NumberBlock.next - NumberBlock.first), 0))) or 0)


def test_issue_shows_a_draft_then_issues_on_confirmation(qtbot, database: Database, demo_project: uuid.UUID) -> None:  # type: ignore[no-untyped-def]
    complete_inspections(database, demo_project)
    before = _counts(database)
    runner = TaskRunner(database, inline=True)
    panel = DocumentsPanel(runner)
    qtbot.addWidget(panel)
    panel.resize(1300, 700)
    panel.show()
    panel.show_project(demo_project)
    assert panel.model.rowCount() == 0
    panel.findChild(type(panel.open_button), "issue_opinion").click()
    dialog = panel.findChild(DraftDialog, "draft_dialog")
    assert dialog is not None and dialog.isVisible()
    assert len(dialog.preview.images) >= 3
    assert _counts(database) == before  # a draft takes no number and records nothing
    assert panel.model.rowCount() == 0
    # fitted to the width: the page fills the view, then zooms
    width = dialog.preview.labels[0].width()
    assert abs(width - (dialog.preview.viewport().width() - 24 - dialog.preview.verticalScrollBar().sizeHint().width())) <= 2
    dialog.findChild(type(panel.open_button), "zoom_in").click()
    assert dialog.preview.labels[0].width() > width
    dialog.findChild(type(panel.open_button), "fit_width").click()
    assert abs(dialog.preview.labels[0].width() - width) <= 2

    dialog.issue_button.click()
    assert panel.model.rowCount() == 1
    assert panel.model.rows[0].number.startswith("济联验〔")
    assert panel.selected_row() is not None and panel.selected_row().id == panel.model.rows[0].id
    pages = pdf_page_count(database.folder.root / panel.model.rows[0].file_path)
    assert pages >= 2  # facts and parties, conclusions, signatures and the closing block
    assert len(panel.preview.images) == pages
    assert panel.preview.images[0].width() > 500
    assert panel.open_button.isEnabled() and panel.verify_button.isEnabled()
    runner.shutdown()


def test_cancelling_the_draft_issues_nothing(qtbot, database: Database, demo_project: uuid.UUID) -> None:  # type: ignore[no-untyped-def]
    complete_inspections(database, demo_project)
    before = _counts(database)
    runner = TaskRunner(database, inline=True)
    panel = DocumentsPanel(runner)
    qtbot.addWidget(panel)
    panel.show_project(demo_project)
    panel.findChild(type(panel.open_button), "issue_rectification").click()
    dialog = panel.findChild(DraftDialog, "draft_dialog")
    dialog.reject()
    assert _counts(database) == before
    assert panel.model.rowCount() == 0
    runner.shutdown()
