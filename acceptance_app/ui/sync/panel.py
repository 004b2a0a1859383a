"""The 同步 tab of a project: its sync state with the hub, push and pull in the background, exchange packages
as files (USB stick, chat tool), and the conflicts a merge left for a person to resolve.

Push and pull run on the slow pool with a session of their own, not on the single writer thread: they wait on
the network for minutes and commit after every confirmed step (services/hub_sync.py), so holding the writer
would stall every answer the inspector gives meanwhile. Importing a package is one transaction and goes
through the writer like any other change.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtWidgets import (
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from acceptance_app.domain.problems import KnownError
from acceptance_app.i18n import N_, _
from acceptance_app.services import exchange, exchange_conflicts, hub_sync
from acceptance_app.services.changes import Changes
from acceptance_app.settings import Settings
from acceptance_app.text import describe_error, describe_recorded_error

from acceptance_app.ui import desktop_state
from acceptance_app.ui.errors import show_exception
from acceptance_app.ui.models.rows_model import RowsModel
from acceptance_app.ui.sync.columns import CONFLICT_COLUMNS, department_label, when
from acceptance_app.ui.sync.login_dialog import LoginDialog
from acceptance_app.ui.tasks import TaskRunner, TaskState
from acceptance_app.ui.widgets.table import make_table

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

PACKAGE_FILTER = N_("Exchange packages (*.acpkg)")


class SyncPanel(QWidget):
    def __init__(self, runner: TaskRunner, settings: Callable[[], Settings],
                 save_settings: Callable[[Settings], None], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.runner, self.settings, self.save_settings = runner, settings, save_settings
        self.project_id: uuid.UUID | None = None
        self.status: hub_sync.SyncStatus | None = None

        status_box = QGroupBox(_("Hub"))
        form = QFormLayout(status_box)
        self.fields: dict[str, QLabel] = {}
        for key, title in (("hub", _("Hub address")), ("sent", _("Last sent")), ("pending", _("Waiting to be sent")),
                           ("failed", _("Refused by the hub")), ("pulled", _("Last pulled")),
                           ("error", _("Last error"))):
            self.fields[key] = QLabel(objectName=f"sync_{key}")
            self.fields[key].setWordWrap(True)
            form.addRow(title, self.fields[key])
        self.outcome = QLabel(objectName="sync_outcome")
        self.outcome.setWordWrap(True)

        buttons = QHBoxLayout()
        for name, text, slot in (
            ("sync_login", _("Sign in to the hub…"), self.login),
            ("sync_push", _("Send this project"), self.push),
            ("sync_pull", _("Receive from the hub"), self.pull),
            ("exchange_export", _("Export package…"), self.export_package),
            ("exchange_import", _("Import package…"), self.import_package),
        ):
            button = QPushButton(text, objectName=name)
            button.clicked.connect(slot)
            buttons.addWidget(button)
        buttons.addStretch(1)

        conflicts_box = QGroupBox(_("Conflicts: the same record changed on two laptops"))
        self.conflict_model: RowsModel[exchange_conflicts.ConflictRow] = RowsModel(CONFLICT_COLUMNS, self)
        self.conflict_view = make_table(self)
        self.conflict_view.setObjectName("conflict_table")
        self.conflict_view.setModel(self.conflict_model)
        self.conflict_view.horizontalHeader().setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        keep_local = QPushButton(_("Keep this laptop's version"), objectName="keep_local")
        keep_local.clicked.connect(lambda: self.resolve("local"))
        keep_remote = QPushButton(_("Take the other laptop's version"), objectName="keep_remote")
        keep_remote.clicked.connect(lambda: self.resolve("remote"))
        conflict_buttons = QHBoxLayout()
        conflict_buttons.addStretch(1)
        conflict_buttons.addWidget(keep_local)
        conflict_buttons.addWidget(keep_remote)
        conflicts_layout = QVBoxLayout(conflicts_box)
        conflicts_layout.addWidget(self.conflict_view)
        conflicts_layout.addLayout(conflict_buttons)

        layout = QVBoxLayout(self)
        layout.addLayout(buttons)
        layout.addWidget(self.outcome)
        layout.addWidget(status_box)
        layout.addWidget(conflicts_box, 1)
        runner.changes_applied.connect(self._on_changes)

    # Loading ------------------------------------------------------------------------------------------
    def show_project(self, project_id: uuid.UUID) -> None:
        self.project_id = project_id
        self.outcome.clear()
        self.reload()

    def reload(self) -> None:
        if self.project_id is None:
            return
        project_id = self.project_id
        self.runner.read(lambda s, t: (hub_sync.sync_status(s, project_id),
                                       exchange_conflicts.list_conflicts(s, project_id))).success(self._show).run()

    def _show(self, loaded: tuple[hub_sync.SyncStatus, list[exchange_conflicts.ConflictRow]]) -> None:
        self.status, conflicts = loaded
        status = self.status
        self.fields["hub"].setText(self.settings().hub_url or _("not set: sign in to the hub first"))
        self.fields["sent"].setText(when(status.last_sent_at))
        self.fields["pending"].setText(str(status.pending))
        self.fields["failed"].setText(str(status.failed))
        self.fields["pulled"].setText(when(status.last_pull_at))
        self.fields["error"].setText(describe_recorded_error(status.last_error) if status.last_error else "—")
        self.conflict_model.set_rows(conflicts)
        self.conflict_view.resizeColumnsToContents()

    def _on_changes(self, changes: Changes) -> None:
        if changes.sync_state:
            self.reload()

    def _done(self, message: str, changes: Changes | None = None) -> None:
        self.outcome.setText(message)
        self.reload()  # the runner announced the changes of the step operation

    # The hub ------------------------------------------------------------------------------------------
    def login(self) -> None:
        dialog = LoginDialog(self.settings().hub_url, self)
        if not dialog.exec():
            return
        url, token, folder = dialog.url, dialog.token, self.runner.database.folder

        def signed_in(account: dict[str, Any]) -> None:
            settings = self.settings()
            settings.hub_url = url
            self.save_settings(settings)
            self._done(_("Signed in to {hub} as {name} ({department}).").format(
                hub=url, name=account.get("name", ""), department=department_label(account.get("department", ""))))

        (self.runner.slow(lambda task: hub_sync.login(folder, url, token))
         .with_progress(_("Signing in to the hub"), self).success(signed_in)
         .failure(lambda error: show_exception(self, error)).run())

    def _hub(self) -> tuple[str, str] | None:
        from acceptance_app.sync.credentials import load_token

        url = self.settings().hub_url
        try:
            if not url:
                raise KnownError("sync.no_hub")
            return url, load_token(self.runner.database.folder)
        except KnownError as error:
            QMessageBox.information(self, _("Sign in first"), describe_error(error))
            return None

    def push(self) -> None:
        hub, project_id = self._hub(), self.project_id
        if hub is None or project_id is None:
            return
        url, token = hub
        folder = self.runner.database.folder

        def work(session: Session, task: TaskState) -> tuple[hub_sync.PushReport, Changes]:
            return hub_sync.push(session, folder, url, token, project_id=project_id, task=task)

        def pushed(report: hub_sync.PushReport) -> None:
            text = _("Sent {sent} package(s) with the hub's receipt; {waiting} waiting for the network.").format(
                sent=len(report.sent), waiting=report.waiting)
            if not report.exported:
                text = _("Nothing new since the last package.") + " " + text
            if report.failed:
                text += " " + _("Refused by the hub: {codes}").format(codes="、".join(c for _p, c in report.failed))
            self._done(text)

        (self.runner.steps(work, may_change=Changes(sync_state=True))
         .with_progress(_("Sending to the hub"), self).success(pushed)
         .failure(lambda error: self._failed(error)).run())

    def pull(self) -> None:
        hub = self._hub()
        if hub is None:
            return
        url, token = hub
        folder = self.runner.database.folder

        def work(session: Session, task: TaskState) -> tuple[hub_sync.PullReport, Changes]:
            return hub_sync.pull(session, folder, url, token, task=task)

        def pulled(report: hub_sync.PullReport) -> None:
            text = _("Received and merged {count} package(s) from the hub.").format(count=len(report.imported))
            if report.failed:
                text += " " + _("Refused: {codes}").format(codes="、".join(c for _p, c in report.failed))
            self._done(text)

        (self.runner.steps(work, may_change=Changes(sync_state=True))
         .with_progress(_("Receiving from the hub"), self).success(pulled)
         .failure(lambda error: self._failed(error)).run())

    def _failed(self, error: BaseException) -> None:
        self.reload()  # what was confirmed before the failure stays confirmed: show it
        show_exception(self, error)

    # Files --------------------------------------------------------------------------------------------
    def export_package(self) -> None:
        if self.project_id is None:
            return
        path, _filter = QFileDialog.getSaveFileName(self, _("Export package"), desktop_state.last_folder(),
                                                    _(PACKAGE_FILTER))
        if not path:
            return
        desktop_state.remember_folder(path)
        target = Path(path) if path.endswith(".acpkg") else Path(path + ".acpkg")
        project_id, folder = self.project_id, self.runner.database.folder
        (self.runner.read(lambda s, t: exchange.export_package(s, folder, project_id, out_path=target)[0])
         .with_progress(_("Writing the package"), self)
         .success(lambda result: self._done(_("Package written to {path} ({files} files).").format(
             path=result.path, files=result.counts.get("files", 0))))
         .failure(lambda error: show_exception(self, error)).run())

    def import_package(self, _checked: bool = False, path: str | None = None, trust_new_key: bool = False) -> None:
        if path is None:
            path, _filter = QFileDialog.getOpenFileName(self, _("Import package"), desktop_state.last_folder(),
                                                        _(PACKAGE_FILTER))
        if not path:
            return
        desktop_state.remember_folder(path)
        folder = self.runner.database.folder
        (self.runner.write(lambda s, t: exchange.import_package(s, folder, Path(path), trust_new_key=trust_new_key))
         .with_progress(_("Checking and merging the package"), self)
         .success(self._imported)
         .failure(lambda error: self._import_failed(error, path)).run())

    def _imported(self, report: exchange.ImportReport) -> None:
        if report.already_imported:
            self._done(_("This package was imported before; nothing changed."))
            return
        counts = report.counts
        self._done(_("Merged: {inserted} new, {updated} updated, {conflicts} conflict(s) to resolve, "
                     "{skipped} not the sender's to change.").format(
            inserted=counts.get("inserted", 0), updated=counts.get("updated", 0),
            conflicts=counts.get("conflicts", 0),
            skipped=sum(v for k, v in counts.items() if k.startswith("skipped"))))

    def _import_failed(self, error: BaseException, path: str) -> None:
        if isinstance(error, KnownError) and error.code == "exchange.unknown_sender":
            params = error.params
            answer = QMessageBox.question(self, _("Unknown sender"), _(
                "The package is signed by a key this laptop does not know: {inspector} ({department}), "
                "fingerprint {fingerprint}.\n\nCompare the fingerprint with the sender's (shown by "
                "\u201cexchange key show\u201d on their laptop). Trust this key and import?").format(
                inspector=params.get("inspector", ""), department=department_label(params.get("department", "")),
                fingerprint=params.get("fingerprint", "")))
            if answer == QMessageBox.StandardButton.Yes:
                self.import_package(path=path, trust_new_key=True)
            return
        show_exception(self, error)

    # Conflicts ----------------------------------------------------------------------------------------
    def resolve(self, keep: str) -> None:
        row = self.conflict_model.row_at(self.conflict_view.currentIndex())
        if row is None:
            return
        (self.runner.write(lambda s, t: exchange_conflicts.resolve_conflict(s, row.id, keep, by=s.info.get("actor", "")))
         .success(lambda _row: self.outcome.setText(_("Conflict resolved.")))
         .failure(lambda error: show_exception(self, error)).run())
