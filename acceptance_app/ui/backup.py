"""文件 → 备份到…: the data folder into a backup folder (storage/backup.py) on the slow pool, with progress and
cancel; and the status bar's reminder when the last backup is older than a week (the laptop holds the only copy
of the evidence until it is sent)."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

from PySide6.QtWidgets import QFileDialog, QLabel, QMessageBox, QWidget

from acceptance_app.i18n import _
from acceptance_app.storage import backup
from acceptance_app.storage.data_folder import DataFolder

from acceptance_app.ui.errors import show_exception
from acceptance_app.ui.tasks import TaskRunner, TaskState


def reminder_text(folder: DataFolder, now: datetime | None = None) -> str:
    """"" when the last backup is recent; else what the status bar says."""
    if not backup.backup_overdue(folder, now):
        return ""
    last = backup.last_backup_at(folder)
    if last is None:
        return _("Never backed up: File → Back up to…")
    days = ((now or datetime.now(UTC)) - last).days
    return _("Last backup {days} days ago: File → Back up to…").format(days=days)


def show_reminder(label: QLabel, folder: DataFolder) -> None:
    text = reminder_text(folder)
    label.setText(text)
    label.setStyleSheet("color: #9a6700; font-weight: bold;" if text else "")
    label.setVisible(bool(text))


def back_up(parent: QWidget, runner: TaskRunner, reminder: QLabel | None = None,
            destination: Path | None = None) -> None:
    folder = runner.database.folder
    if destination is None:
        chosen = QFileDialog.getExistingDirectory(parent, _("Back up to (a USB disk or another drive)"))
        if not chosen:
            return
        destination = Path(chosen)

    def work(task: TaskState) -> backup.BackupResult:
        return backup.create_backup(folder, destination, progress=task.progress, cancelled=task.cancelled)

    def done(result: backup.BackupResult) -> None:
        if reminder is not None:
            show_reminder(reminder, folder)
        QMessageBox.information(parent, _("Backup written"), _(
            "The backup is in {path}: {files} files, {size:.1f} MB, each with its SHA-256 in manifest.json. "
            "Keep it away from this laptop; it restores into an empty data folder exactly as it is now.").format(path=result.folder, files=result.files, size=result.bytes / 1e6))

    (runner.slow(work).with_progress(_("Backing up the data folder"), parent)
     .success(done).failure(lambda error: show_exception(parent, error)).run())
