#!/usr/bin/env python3
"""PNGs of the office's screens at 1366x768: the draft before issuing, the sign dialog of a demo training
identity, the verification report after two of five signatures, the document's history, the signing
identities, the 同步 tab with
unsent changes and an automatic retry counting down, the 整改 dashboard sorted by a header, the 已整改 step
dialog, the settings dialog naming the departments as 济南's table does.

    xvfb-run -a -s "-screen 0 1366x768x24" python scripts/screenshots_office.py OUT_DIR

二期 of the demo waits for 7#'s 复验 (整改后复验) before its opinion can be issued: the script records the two
open findings' 整改 and passing 复验 through the services first, as the inspectors would have.
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from PySide6.QtCore import QPoint, Qt, QTimer  # noqa: E402
from PySide6.QtGui import QMouseEvent  # noqa: E402
from PySide6.QtTest import QTest  # noqa: E402
from PySide6.QtWidgets import QApplication, QPushButton  # noqa: E402
from shiboken6 import isValid  # noqa: E402

from acceptance_app.domain.findings import FindingAction  # noqa: E402
from scripts.shots import demo_projects, open_window, settle, wait_for  # noqa: E402

from acceptance_app.ui.documents.draft_dialog import DraftDialog  # noqa: E402
from acceptance_app.ui.history_dialog import HistoryDialog  # noqa: E402
from acceptance_app.ui.signing.identities_dialog import IdentitiesDialog  # noqa: E402
from acceptance_app.ui.signing.sign_dialog import SignDialog  # noqa: E402
from acceptance_app.ui.signing.verify_dialog import VerifyDialog  # noqa: E402


def demo_with_rechecks_passed(session):  # type: ignore[no-untyped-def]
    """Both demo projects, 二期's open findings rectified and re-checked: its opinion can be issued."""
    import sqlalchemy as sa

    from acceptance_app.domain.enums import FindingStatus
    from acceptance_app.services.findings import workflow as findings
    from acceptance_app.storage.models import Finding

    made = demo_projects(session)
    for finding in session.scalars(sa.select(Finding).where(Finding.project_id == made.ready,
                                                            Finding.status != FindingStatus.CLOSED)):
        findings.mark_rectified(session, finding.id, "建设单位报告已整改")
        findings.recheck(session, finding.id, True, "复验合格")
    return made


def _draw(pad) -> None:  # type: ignore[no-untyped-def]
    def send(kind, x, y):  # type: ignore[no-untyped-def]
        event = QMouseEvent(kind, QPoint(x, y), pad.mapToGlobal(QPoint(x, y)), Qt.MouseButton.LeftButton,
                            Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
        QApplication.sendEvent(pad, event)

    send(QMouseEvent.Type.MouseButtonPress, 20, 100)
    for x, y in ((60, 40), (100, 110), (150, 50), (200, 100), (300, 40)):
        send(QMouseEvent.Type.MouseMove, x, y)
    send(QMouseEvent.Type.MouseButtonRelease, 300, 40)


def visible(parent, kind):  # type: ignore[no-untyped-def]
    return next((d for d in parent.findChildren(kind) if isValid(d) and d.isVisible()), None)


def main() -> int:
    shots = open_window(sys.argv, actor="张伟", fill=demo_with_rechecks_passed)
    window, made = shots.window, shots.made
    settle(800)
    window.open_project(made.ready)
    page = window.project_page
    documents = page.documents
    page.show_tab(documents)
    settle(800)
    documents.findChild(QPushButton, "issue_opinion").click()
    if not wait_for(lambda: visible(documents, DraftDialog) is not None):
        return shots.finish() or 1
    draft = visible(documents, DraftDialog)
    settle(600)
    shots.save(draft, "40-draft-preview.png")
    draft.issue_button.click()
    wait_for(lambda: documents.model.rowCount() >= 1 and len(documents.preview.images) > 0)
    settle(800)
    shots.save(window, "41-issued-fit-width.png")
    for n in range(2):
        documents.sign_button.click()
        wait_for(lambda: visible(documents, SignDialog) is not None)
        dialog = visible(documents, SignDialog)
        settle(300)
        if n == 0:
            shots.save(dialog, "42-sign-dialog.png")
        _draw(dialog.pad)
        dialog.secret.setText("demo")
        dialog.sign_button.click()
        wait_for(lambda d=dialog: not isValid(d) or not d.isVisible())
        settle(800)
    documents.verify_button.click()
    wait_for(lambda: visible(documents, VerifyDialog) is not None)
    settle(400)
    verify = visible(documents, VerifyDialog)
    shots.save(verify, "43-verify-2-of-5.png")
    verify.close()
    documents.history_button.click()
    wait_for(lambda: visible(documents, HistoryDialog) is not None)
    settle(600)
    history = visible(documents, HistoryDialog)
    shots.save(history, "45-document-history.png")
    history.close()

    identities = IdentitiesDialog(shots.runner, window)  # the departments as 济南's table names them
    identities.show()
    settle(800)
    shots.save(identities, "45b-signing-identities.png")
    identities.close()

    window.open_project(made.main)
    sync = page.sync_panel
    page.show_tab(sync)
    settle(1200)
    shots.save(window, "44-sync-unsent.png")
    # A push that cannot reach the hub: the tab and the status bar count down to the next attempt.
    sync.retry.clock = lambda: 1000.0
    sync.retry.schedule("push")
    sync.retry.clock = lambda: 1015.0
    sync.retry.timer.timeout.emit()
    settle(300)
    shots.save(window, "44b-sync-retry-countdown.png")
    sync.retry.cancel()

    dashboard = page.findings_dashboard
    page.show_tab(dashboard)
    settle(800)
    dashboard.figures["open"].click()
    settle(800)
    view = dashboard.view
    view.table.selectRow(0)
    settle(600)
    shots.save(window, "46-dashboard-open-tile.png")
    header = view.table.horizontalHeader()
    column = [c.title() for c in view.model.columns].index("整改期限")
    QTest.mouseClick(header.viewport(), Qt.MouseButton.LeftButton,
                     pos=QPoint(header.sectionViewportPosition(column) + header.sectionSize(column) // 2,
                                header.height() // 2))
    dashboard.figures["open"].click()  # every finding again, in the order chosen
    settle(800)
    shots.save(window, "46b-dashboard-sorted-by-deadline.png")

    def grab_modal(name: str, then=None) -> None:  # type: ignore[no-untyped-def]
        """Grab the next modal dialog once it is up (exec() blocks the caller), do ``then`` with it, close it."""
        def shoot() -> None:
            dialog = QApplication.activeModalWidget()
            if dialog is None:
                QTimer.singleShot(100, shoot)
                return
            settle(300)
            shots.save(dialog, name)
            if then is not None:
                then(dialog)
            dialog.reject()

        QTimer.singleShot(200, shoot)

    def departments(dialog) -> None:  # type: ignore[no-untyped-def]
        dialog.identity.department.showPopup()  # the departments as 济南's table names them
        settle(400)
        QApplication.primaryScreen().grabWindow(0).save(str(shots.out / "48b-settings-departments.png"))
        dialog.identity.department.hidePopup()

    grab_modal("47-rectified-step-dialog.png")
    view.step_buttons[FindingAction.RECTIFY].click()
    window.settings.inspector_department = "civil-air-defense"
    grab_modal("48-settings-dialog.png", departments)
    window.edit_settings()
    return shots.finish()


if __name__ == "__main__":
    sys.exit(main())
