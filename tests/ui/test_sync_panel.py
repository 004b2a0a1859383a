"""The 同步 tab as an inspector uses it: a package written to a file and merged on another laptop (with the
unknown sender's key confirmed), a conflict resolved with a click, and a push to a live hub after signing in."""

from __future__ import annotations

import uuid
from pathlib import Path

import pytest

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog, QLineEdit, QMessageBox, QPushButton

from acceptance_app.services.changes import Changes
from acceptance_app.services.exchange import packages as exchange
from acceptance_app.settings import Settings
from acceptance_app.storage.models import Unit
from tests.sync.helpers import new_laptop
from tests.sync.hub_support import LiveHub
from tests.ui.conftest import when_modal

from acceptance_app.ui.main_window import MainWindow
from acceptance_app.ui.sync.panel import SyncPanel
from acceptance_app.ui.tasks import TaskRunner


def _sync_tab(window: MainWindow, project_id: uuid.UUID) -> SyncPanel:
    window.open_project(project_id)
    page = window.project_page
    page.show_tab(page.sync_panel)
    return page.sync_panel


def _click(panel: SyncPanel, name: str) -> None:
    panel.findChild(QPushButton, name).click()


@pytest.fixture
def planning_laptop(tmp_path: Path, template_database: Path, qapp, qtbot):  # type: ignore[no-untyped-def]
    database = new_laptop(tmp_path / "planning", template_database, actor="刘海涛")
    runner = TaskRunner(database, inline=True)
    panel = SyncPanel(runner, Settings, lambda settings: None)
    qtbot.addWidget(panel)
    yield database, panel
    runner.shutdown()
    database.close()


def test_a_package_goes_by_file_to_another_laptop_and_a_conflict_is_resolved_there(
    window, database, demo_project, planning_laptop, tmp_path, monkeypatch, qtbot
):  # type: ignore[no-untyped-def]
    planning_db, planning = planning_laptop
    lead = _sync_tab(window, demo_project)
    package = tmp_path / "usb" / "一期"
    package.parent.mkdir()
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(package), ""))
    _click(lead, "exchange_export")
    assert (package.parent / "一期.acpkg").is_file()
    assert "一期.acpkg" in lead.outcome.text()

    asked: list[str] = []
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(package.parent / "一期.acpkg"), ""))
    monkeypatch.setattr(QMessageBox, "question",
                        lambda _parent, _title, text, *a: asked.append(text) or QMessageBox.StandardButton.Yes)
    planning.show_project(demo_project)
    _click(planning, "exchange_import")
    # The unknown sender's key is shown with its fingerprint before anything is trusted.
    assert len(asked) == 1 and exchange.device_key_info(database.folder).fingerprint in asked[0]
    assert "新增" in planning.outcome.text() and planning.conflict_model.rowCount() == 0

    with database.session() as s:
        unit_id = s.query(Unit.id).filter(Unit.project_id == demo_project, Unit.name == "1#住宅楼").scalar()
    for db, name in ((database, "1号住宅楼（住建）"), (planning_db, "1号住宅楼（规划）")):
        with db.session() as s, s.begin():
            s.get(Unit, unit_id).name = name
    _click(lead, "exchange_export")
    _click(planning, "exchange_import")
    assert planning.conflict_model.rowCount() == 1
    shown = planning.conflict_model.index(0, 3).data(Qt.ItemDataRole.DisplayRole)
    assert "1号住宅楼（规划）" in shown and "1号住宅楼（住建）" in shown
    planning.conflict_view.selectRow(0)
    _click(planning, "keep_remote")
    assert planning.conflict_model.rowCount() == 0
    with planning_db.session() as s:
        assert s.get(Unit, unit_id).name == "1号住宅楼（住建）"


def test_sign_in_then_send_the_project_to_a_live_hub(window, demo_project, tmp_path, qtbot, monkeypatch):  # type: ignore[no-untyped-def]
    hub = LiveHub(f"sqlite:///{tmp_path / 'hub.sqlite3'}", tmp_path / "hub-files")
    try:
        token = hub.account("张伟", "housing")
        panel = _sync_tab(window, demo_project)
        assert "请先登录" in panel.fields["hub"].text() or "未设置" in panel.fields["hub"].text()
        # never sent: the whole day's work is waiting, here and in the status bar
        assert panel.pending_changes is not None and panel.pending_changes.records > 100
        assert panel.fields["unsent"].text().startswith(f"{panel.pending_changes.records} 条记录")
        assert "尚未发送" in window.sync_state.text() and str(panel.pending_changes.records) in window.sync_state.text()

        asked: list[str] = []
        monkeypatch.setattr(QMessageBox, "question",
                            lambda _parent, _title, text, *a: asked.append(text) or QMessageBox.StandardButton.Yes)

        def fill(dialog) -> None:  # type: ignore[no-untyped-def]
            dialog.findChild(QLineEdit, "hub_url").setText(hub.url)
            dialog.findChild(QLineEdit, "hub_token").setText(token)
            dialog.accept()

        when_modal(fill, qtbot)
        _click(panel, "sync_login")
        assert len(asked) == 1 and "http" in asked[0] and "令牌" in asked[0]  # plain http: asked before the token
        assert window.settings.hub_url == hub.url and hub.url in panel.fields["hub"].text()
        _click(panel, "sync_push")
        assert "回执" in panel.outcome.text()
        assert panel.fields["pending"].text() == "0" and panel.fields["sent"].text() != "从未"
        assert panel.fields["unsent"].text() == "0 条记录、0 张照片"
        assert "尚未发送：0 条记录、0 张照片" in window.sync_state.text()

        with window.runner.database.session() as s:
            unit_id = s.query(Unit.id).filter(Unit.project_id == demo_project, Unit.name == "1#住宅楼").scalar()

        def rename(session, _task):  # type: ignore[no-untyped-def]
            session.get(Unit, unit_id).name = "1#住宅楼（改）"
            return Changes(unit=True)

        window.runner.write(rename).run()
        qtbot.waitUntil(lambda: panel.fields["unsent"].text() == "1 条记录、0 张照片", timeout=3000)
        assert "尚未发送：1 条记录" in window.sync_state.text()
        _click(panel, "sync_push")
        assert panel.fields["unsent"].text() == "0 条记录、0 张照片"
    finally:
        hub.close()


def test_not_signed_in_offers_the_sign_in_button(window, demo_project, qtbot, monkeypatch):  # type: ignore[no-untyped-def]
    panel = _sync_tab(window, demo_project)
    seen: list[tuple[str, list[str]]] = []

    def answer(box) -> None:  # type: ignore[no-untyped-def]
        seen.append((box.text(), [b.text() for b in box.buttons()]))
        box.reject()

    when_modal(answer, qtbot)
    _click(panel, "sync_push")
    text, buttons = seen[0]
    assert "尚未登录交换中心" in text and "sync login" not in text and "--hub" not in text
    assert "登录交换中心…" in buttons


def test_an_unreachable_hub_is_said_in_words_and_retried_by_itself(window, demo_project, qtbot, monkeypatch):  # type: ignore[no-untyped-def]
    from acceptance_app.sync.client import Unreachable

    panel = _sync_tab(window, demo_project)
    window.settings.hub_url = "https://127.0.0.1:9"
    monkeypatch.setattr("acceptance_app.sync.credentials.load_token", lambda folder: "token")
    calls: list[int] = []

    def refuse(*args, **kwargs):  # type: ignore[no-untyped-def]
        calls.append(1)
        raise Unreachable("https://127.0.0.1:9", "ConnectError: [Errno 111] Connection refused")

    monkeypatch.setattr("acceptance_app.services.exchange.hub_sync.push", refuse)
    now = [1000.0]
    panel.retry.clock = lambda: now[0]  # the countdown's time is ours: the test ticks the timer by hand
    _click(panel, "sync_push")
    assert "无法连接交换中心 127.0.0.1:9" in panel.outcome.text() and "ConnectError" not in panel.outcome.text()
    assert panel.retry.timer.isActive() and panel.retry.isVisibleTo(panel)
    assert panel.retry.label.text() == "将在 30 秒后重试…（第 1 次，共 5 次）"
    assert "将在 30 秒后重试…" in window.sync_state.text()  # the status bar counts down too
    now[0] += 15.2
    panel.retry.timer.timeout.emit()
    assert panel.retry.label.text().startswith("将在 15 秒后重试…") and "将在 15 秒后重试…" in window.sync_state.text()
    assert len(calls) == 1
    now[0] += 15
    panel.retry.timer.timeout.emit()  # the countdown ends: tried again, failed again, a longer wait
    assert len(calls) == 2
    assert panel.retry.label.text() == "将在 60 秒后重试…（第 2 次，共 5 次）"
    _click(panel, "sync_retry_now")  # 立即重试
    assert len(calls) == 3 and panel.retry.label.text() == "将在 120 秒后重试…（第 3 次，共 5 次）"
    _click(panel, "sync_retry_cancel")  # 停止自动重试
    assert not panel.retry.timer.isActive() and not panel.retry.isVisibleTo(panel)
    assert "重试" not in window.sync_state.text()
    panel.retry.timer.timeout.emit()  # a late tick after the stop tries nothing
    assert len(calls) == 3

    shown: list[str] = []
    monkeypatch.setattr("acceptance_app.ui.sync.panel.show_exception", lambda _p, error: shown.append(str(error.code)))

    def tls(*args, **kwargs):  # type: ignore[no-untyped-def]
        raise Unreachable("https://127.0.0.1:9", "ConnectError: [SSL: CERTIFICATE_VERIFY_FAILED] IP address mismatch")

    monkeypatch.setattr("acceptance_app.services.exchange.hub_sync.push", tls)
    _click(panel, "sync_push")
    assert shown == ["sync_ui.tls"] and not panel.retry.timer.isActive()  # a certificate does not heal by waiting
