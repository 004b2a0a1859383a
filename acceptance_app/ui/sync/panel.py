"""The 同步 tab of a project: its sync state with the hub, push and pull in the background, exchange packages
as files (USB stick, chat tool), and the conflicts a merge left for a person to resolve.

Push and pull run on the slow pool with a session of their own, not on the single writer thread: they wait on
the network for minutes and commit after every confirmed step (services/exchange/hub_sync.py), so holding the writer
would stall every answer the inspector gives meanwhile. Importing a package is one transaction and goes
through the writer like any other change.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QTimer, Signal
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
from acceptance_app.services.changes import Changes
from acceptance_app.services.exchange import conflicts as exchange_conflicts
from acceptance_app.services.exchange import feedback as sync_feedback
from acceptance_app.services.exchange import hub_sync
from acceptance_app.services.exchange import packages as exchange
from acceptance_app.services.exchange import pending as sync_pending
from acceptance_app.settings import Settings
from acceptance_app.text import describe_error, describe_recorded_error

from acceptance_app.ui import desktop_state
from acceptance_app.ui.departments import department_text
from acceptance_app.ui.errors import show_exception
from acceptance_app.ui.models.rows_model import RowsModel
from acceptance_app.ui.sync.columns import conflict_columns, when
from acceptance_app.ui.sync.login_dialog import LoginDialog
from acceptance_app.ui.sync.retry import AutoRetry
from acceptance_app.ui.tasks import TaskRunner, TaskState
from acceptance_app.ui.widgets.table import make_table

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

PACKAGE_FILTER = N_("Exchange packages (*.acpkg)")
# Automatic retries after a network failure: bounded (about 15 minutes in all), shown, and cancellable.
REFRESH_DELAY_MS = 300  # edits come in bursts (1/2/3 answers): count the unsent changes once per burst


class SyncPanel(QWidget):
    summary_changed = Signal(str)  # one line for the status bar: unsent changes, last receipt, last error

    def __init__(self, runner: TaskRunner, settings: Callable[[], Settings],
                 save_settings: Callable[[Settings], None], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.runner, self.settings, self.save_settings = runner, settings, save_settings
        self.project_id: uuid.UUID | None = None
        self.status: hub_sync.SyncStatus | None = None

        status_box = QGroupBox(_("Hub"))
        form = QFormLayout(status_box)
        self.fields: dict[str, QLabel] = {}
        self.pending_changes: sync_pending.PendingChanges | None = None
        for key, title in (("hub", _("Hub address")), ("unsent", _("Not yet sent")),
                           ("sent", _("Last receipt from the hub")), ("pending", _("Packages waiting to be sent")),
                           ("failed", _("Refused by the hub")), ("pulled", _("Last pulled")),
                           ("error", _("Last error"))):
            self.fields[key] = QLabel(objectName=f"sync_{key}")
            self.fields[key].setWordWrap(True)
            form.addRow(title, self.fields[key])
        self.outcome = QLabel(objectName="sync_outcome")
        self.outcome.setWordWrap(True)
        self.retry = AutoRetry(self)
        self.retry.retry.connect(self._retry)
        self.retry.text_changed.connect(lambda _text: self._emit_summary())
        self.summary_line = ""
        self.refresh_timer = QTimer(self)
        self.refresh_timer.setSingleShot(True)
        self.refresh_timer.setInterval(REFRESH_DELAY_MS)
        self.refresh_timer.timeout.connect(self.reload)

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
        self.conflict_model: RowsModel[exchange_conflicts.ConflictRow] = RowsModel(
            conflict_columns(self.department_label), self)
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
        layout.addWidget(self.retry)
        layout.addWidget(status_box)
        layout.addWidget(conflicts_box, 1)
        runner.changes_applied.connect(self._on_changes)

    def department_label(self, value: str) -> str:
        return department_text(value, self.settings())

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
                                       exchange_conflicts.list_conflicts(s, project_id),
                                       sync_pending.pending_changes(s, project_id))).success(self._show).run()

    def _show(self, loaded: tuple[hub_sync.SyncStatus, list[exchange_conflicts.ConflictRow],
                                  sync_pending.PendingChanges]) -> None:
        self.status, conflicts, self.pending_changes = loaded
        status, unsent = self.status, self.pending_changes
        self.fields["hub"].setText(self.settings().hub_url or _("not set: sign in to the hub first"))
        self.fields["unsent"].setText(unsent_text(unsent))
        self.fields["unsent"].setStyleSheet("font-weight: bold; color: #9a6700;" if unsent.total else "")
        self.fields["sent"].setText(when(status.last_sent_at))
        self.fields["pending"].setText(str(status.pending))
        self.fields["failed"].setText(str(status.failed))
        self.fields["pulled"].setText(when(status.last_pull_at))
        self.fields["error"].setText(describe_recorded_error(status.last_error) if status.last_error else "—")
        self.conflict_model.set_rows(conflicts)
        self.conflict_view.resizeColumnsToContents()
        line = _("Not yet sent: {unsent} · last receipt {when}").format(unsent=unsent_text(unsent),
                                                                     when=when(status.last_sent_at))
        if status.last_error:
            line += " · " + _("last error: {error}").format(error=status.last_error[:60])
        self.summary_line = line
        self._emit_summary()

    def _emit_summary(self) -> None:
        """The status bar's line: what is not yet sent, and the retry's countdown while one is due."""
        line = self.summary_line
        if self.retry.isVisibleTo(self):
            line = " · ".join(part for part in (line, self.retry.label.text()) if part)
        self.summary_changed.emit(line)

    def _on_changes(self, changes: Changes) -> None:
        if changes.sync_state:
            self.reload()
        elif changes:  # any edit may be one more change not yet sent
            self.refresh_timer.start()

    def _done(self, message: str, changes: Changes | None = None) -> None:
        self.outcome.setText(message)
        self.reload()  # the runner announced the changes of the step operation

    # The hub ------------------------------------------------------------------------------------------
    def login(self) -> None:
        dialog = LoginDialog(self.settings().hub_url, self)
        if not dialog.exec():
            return
        url, token, folder = dialog.url, dialog.token, self.runner.database.folder
        if sync_feedback.is_plain_http(url) and QMessageBox.question(
                self, _("Unencrypted connection"),
                _("The address {url} uses plain http: the token and everything sent can be read by anyone on the "
                  "network. Use https unless the hub runs on this computer or a network you trust.\n\n"
                  "Send the token over plain http?").format(url=url)) != QMessageBox.StandardButton.Yes:
            return

        def signed_in(account: dict[str, Any]) -> None:
            settings = self.settings()
            settings.hub_url = url
            self.save_settings(settings)
            self._done(_("Signed in to {hub} as {name} ({department}).").format(
                hub=url, name=account.get("name", ""), department=self.department_label(account.get("department", ""))))

        (self.runner.slow(lambda task: hub_sync.login(folder, url, token))
         .with_progress(_("Signing in to the hub"), self).success(signed_in)
         .failure(lambda error: show_exception(self, sync_feedback.explain(error, login=True))).run())

    def _hub(self) -> tuple[str, str] | None:
        from acceptance_app.sync.credentials import load_token

        url = self.settings().hub_url
        try:
            if not url:
                raise KnownError("sync.no_hub")
            return url, load_token(self.runner.database.folder)
        except KnownError as error:
            self.offer_sign_in(sync_feedback.explain(error))
            return None

    def offer_sign_in(self, error: BaseException) -> None:
        """Not signed in, or the token refused: say so in words and offer the button that fixes it."""
        box = QMessageBox(QMessageBox.Icon.Information, _("Sign in first"),
                          describe_error(error) if isinstance(error, KnownError) else str(error), parent=self)
        box.setObjectName("sign_in_needed")
        sign_in = box.addButton(_("Sign in to the hub…"), QMessageBox.ButtonRole.AcceptRole)
        box.addButton(QMessageBox.StandardButton.Cancel)
        box.exec()
        if box.clickedButton() is sign_in:
            self.login()

    def push(self, auto: bool = False) -> None:
        if not auto:
            self.cancel_retry()
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
            self._succeeded()
            self._done(text)

        (self.runner.steps(work, may_change=Changes(sync_state=True))
         .with_progress(_("Sending to the hub"), self).success(pushed)
         .failure(lambda error: self._failed(error, "push")).run())

    def pull(self, auto: bool = False) -> None:
        if not auto:
            self.cancel_retry()
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
            self._succeeded()
            self._done(text)

        (self.runner.steps(work, may_change=Changes(sync_state=True))
         .with_progress(_("Receiving from the hub"), self).success(pulled)
         .failure(lambda error: self._failed(error, "pull")).run())

    def _failed(self, error: BaseException, what: str) -> None:
        self.reload()  # what was confirmed before the failure stays confirmed: show it
        shown = sync_feedback.explain(error)
        if sync_feedback.needs_sign_in(shown):
            self.cancel_retry()
            self.offer_sign_in(shown)
            return
        if sync_feedback.retryable(shown) and self.retry.schedule(what):
            self.outcome.setText(describe_error(shown) if isinstance(shown, KnownError) else str(shown))  # no dialog: the window keeps trying by itself
            return
        show_exception(self, shown)

    # Automatic retries --------------------------------------------------------------------------------
    def _retry(self, what: str) -> None:
        if what == "pull":
            self.pull(auto=True)
        else:
            self.push(auto=True)

    def _succeeded(self) -> None:
        self.cancel_retry()

    def cancel_retry(self) -> None:
        self.retry.cancel()

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
                inspector=params.get("inspector", ""), department=self.department_label(params.get("department", "")),
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


def unsent_text(pending: sync_pending.PendingChanges) -> str:
    return _("{records} record(s), {photos} photo(s)").format(records=pending.records, photos=pending.photos)
