"""Issuing does not hold the writer: an answer given while the rectification notice renders commits before the
render ends (reserve on the reader, render on the pool, record on the writer; STYLE rule 17)."""

from __future__ import annotations

import threading
import uuid

import pytest
import sqlalchemy as sa

from acceptance_app.domain.checklists.answers import AnswerInput
from acceptance_app.domain.enums import Discipline, InspectionKind, InspectionStatus, ItemVerdict
from acceptance_app.services.checklists import inspections as checklists
from acceptance_app.services.documents import issuing as documents
from acceptance_app.storage.db import Database
from acceptance_app.storage.models import Document, Inspection

from acceptance_app.ui.documents.draft_dialog import DraftDialog
from acceptance_app.ui.documents.panel import DocumentsPanel
from acceptance_app.ui.tasks import TaskRunner


def test_an_answer_commits_while_a_document_renders(qtbot, database: Database, demo_project: uuid.UUID,  # type: ignore[no-untyped-def]
                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    with database.session() as s:  # the demo's 5# 消防, formal round in progress
        inspection = s.scalars(sa.select(Inspection).where(
            Inspection.discipline == Discipline.FIRE, Inspection.kind == InspectionKind.FORMAL,
            Inspection.status == InspectionStatus.IN_PROGRESS)).first()
        assert inspection is not None
        inspection_id = inspection.id
        pending = next(r for r in checklists.inspection_sheet(s, inspection_id).sheet.rows
                       if r.verdict is ItemVerdict.PENDING and r.item.answer.type.value == "verdict")
    order: list[str] = []
    answered = threading.Event()
    real_render = documents.render_plan

    def render_after_the_answer(plan, *args, **kwargs):  # type: ignore[no-untyped-def]
        order.append("render started")
        # Had issuing held the writer, the answer below could not commit before this returns: the wait would
        # time out and the order would show it.
        answered.wait(timeout=10)
        result = real_render(plan, *args, **kwargs)
        order.append("rendered")
        return result

    monkeypatch.setattr(documents, "render_plan", render_after_the_answer)
    runner = TaskRunner(database)
    panel = DocumentsPanel(runner)
    qtbot.addWidget(panel)
    panel.show_project(demo_project)
    panel.findChild(type(panel.open_button), "issue_rectification").click()
    # Issuing shows the draft (草稿, no number) first; its 出具 reserves, renders and records the notice.
    qtbot.waitUntil(lambda: panel.findChild(DraftDialog, "draft_dialog") is not None, timeout=20000)
    assert order == []  # the draft renders without issuing
    panel.findChild(DraftDialog, "draft_dialog").issue_button.click()
    qtbot.waitUntil(lambda: "render started" in order, timeout=20000)

    def answer(session, task):  # type: ignore[no-untyped-def]
        result = checklists.answer_item(session, inspection_id, pending.item.id,
                                        AnswerInput(verdict=ItemVerdict.PASS), answered_by="张伟")
        return result

    def committed(_value: object) -> None:
        order.append("answer committed")
        answered.set()

    runner.write(answer).success(committed).run()
    qtbot.waitUntil(lambda: panel.model.rowCount() == 1, timeout=30000)
    assert order == ["render started", "answer committed", "rendered"]
    with database.session() as s:
        assert s.scalars(sa.select(Document.number)).all() == [panel.model.rows[0].number]
    # the issued notice is selected and previewed; let that finish before the runner stops taking work
    qtbot.waitUntil(lambda: runner.active == 0 and bool(panel.preview.images), timeout=30000)
    runner.shutdown()
