#!/usr/bin/env python3
"""PNGs of the office's screens at 1366x768: the draft before issuing, the sign dialog of a demo training
identity, the verification report after two of five signatures, the 同步 tab with unsent changes, the status bar.

    xvfb-run -a -s "-screen 0 1366x768x24" python scripts/screenshots_office.py OUT_DIR
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from screenshots import settle  # noqa: E402

from PySide6.QtCore import QPoint, Qt, QTimer  # noqa: E402
from PySide6.QtGui import QMouseEvent  # noqa: E402
from PySide6.QtWidgets import QApplication, QPushButton  # noqa: E402
from shiboken6 import isValid  # noqa: E402

from acceptance_app import i18n  # noqa: E402
from acceptance_app.context import AppContext  # noqa: E402
from acceptance_app.demo.project import create_demo  # noqa: E402
from acceptance_app.domain.findings import FindingAction  # noqa: E402
from acceptance_app.settings import load_settings  # noqa: E402
from acceptance_app.storage.data_folder import DataFolder  # noqa: E402
from acceptance_app.storage.db import open_database  # noqa: E402

from acceptance_app.ui.documents.draft_dialog import DraftDialog  # noqa: E402
from acceptance_app.ui.fonts import install_app_font  # noqa: E402
from acceptance_app.ui.history_dialog import HistoryDialog  # noqa: E402
from acceptance_app.ui.main_window import MainWindow  # noqa: E402
from acceptance_app.ui.signing.sign_dialog import SignDialog  # noqa: E402
from acceptance_app.ui.signing.verify_dialog import VerifyDialog  # noqa: E402
from acceptance_app.ui.tasks import TaskRunner  # noqa: E402


def _draw(pad) -> None:  # type: ignore[no-untyped-def]
    def send(kind, x, y):  # type: ignore[no-untyped-def]
        event = QMouseEvent(kind, QPoint(x, y), pad.mapToGlobal(QPoint(x, y)), Qt.MouseButton.LeftButton,
                            Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
        QApplication.sendEvent(pad, event)

    send(QMouseEvent.Type.MouseButtonPress, 20, 100)
    for x, y in ((60, 40), (100, 110), (150, 50), (200, 100), (300, 40)):
        send(QMouseEvent.Type.MouseMove, x, y)
    send(QMouseEvent.Type.MouseButtonRelease, 300, 40)


def wait_for(predicate, ms: int = 30000) -> None:  # type: ignore[no-untyped-def]
    waited = 0
    while not predicate() and waited < ms:
        settle(100)
        waited += 100


def main() -> int:
    out = Path(sys.argv[1] if len(sys.argv) > 1 else "screenshots")
    out.mkdir(parents=True, exist_ok=True)
    i18n.install("zh_CN")
    app = QApplication(sys.argv[:1])
    install_app_font(app)
    folder = DataFolder(Path(tempfile.mkdtemp(prefix="shots-")))
    database = open_database(folder, actor="张伟")
    with database.session() as session, session.begin():
        made, _changes = create_demo(session)
    runner = TaskRunner(database)
    window = MainWindow(AppContext(folder, load_settings(folder.root), database), runner)
    window.resize(1366, 768)
    window.show()
    settle(800)
    window.open_project(made.ready)
    page = window.project_page
    page.tabs.setCurrentWidget(page.documents)
    settle(800)
    page.documents.findChild(QPushButton, "issue_opinion").click()
    wait_for(lambda: page.documents.findChild(DraftDialog, "draft_dialog") is not None)
    draft = page.documents.findChild(DraftDialog, "draft_dialog")
    settle(600)
    draft.grab().save(str(out / "40-draft-preview.png"))
    draft.issue_button.click()
    wait_for(lambda: page.documents.model.rowCount() == 1 and len(page.documents.preview.images) > 0)
    settle(800)
    window.grab().save(str(out / "41-issued-fit-width.png"))
    for n in range(2):
        page.documents.sign_button.click()
        wait_for(lambda: any(d.isVisible() for d in page.documents.findChildren(SignDialog)))
        dialog = next(d for d in page.documents.findChildren(SignDialog) if d.isVisible())
        settle(300)
        if n == 0:
            dialog.grab().save(str(out / "42-sign-dialog.png"))
        _draw(dialog.pad)
        dialog.secret.setText("demo")
        dialog.sign_button.click()
        wait_for(lambda d=dialog: not isValid(d) or not d.isVisible())
        settle(800)
    page.documents.verify_button.click()
    wait_for(lambda: any(d.isVisible() for d in page.documents.findChildren(VerifyDialog)))
    settle(400)
    verify = next(d for d in page.documents.findChildren(VerifyDialog) if d.isVisible())
    verify.grab().save(str(out / "43-verify-2-of-5.png"))
    verify.close()
    page.documents.history_button.click()
    settle(800)
    history = next(d for d in page.documents.findChildren(HistoryDialog) if d.isVisible())
    history.grab().save(str(out / "45-document-history.png"))
    history.close()
    window.open_project(made.main)
    page.tabs.setCurrentWidget(page.sync_panel)
    settle(1200)
    window.grab().save(str(out / "44-sync-unsent.png"))
    page.tabs.setCurrentWidget(page.findings_dashboard)
    settle(800)
    page.findings_dashboard.figures["open"].click()
    settle(800)
    view = page.findings_dashboard.view
    view.table.selectRow(0)
    settle(600)
    window.grab().save(str(out / "46-dashboard-open-tile.png"))

    def grab_modal(name: str) -> None:
        def shoot() -> None:
            dialog = QApplication.activeModalWidget()
            if dialog is None:
                QTimer.singleShot(100, shoot)
                return
            settle(300)
            dialog.grab().save(str(out / name))
            dialog.reject()

        QTimer.singleShot(200, shoot)

    grab_modal("47-rectified-step-dialog.png")
    view.step_buttons[FindingAction.RECTIFY].click()
    grab_modal("48-settings-dialog.png")
    window.edit_settings()
    window.close()
    runner.shutdown()
    print(f"screenshots in {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
