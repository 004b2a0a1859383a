"""出具前预览: the draft (草稿, no number) of the document about to be issued, and the one button that issues it.

Issuing takes a number from the organ's series and records a legal document, so it happens only after the user
has seen the draft and confirmed (field trial item 15: one click used to issue a numbered opinion).
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QVBoxLayout, QWidget

from acceptance_app.i18n import _

from acceptance_app.ui.documents.preview import PdfPreview, zoom_bar


class DraftDialog(QDialog):
    confirmed = Signal()

    def __init__(self, title: str, pages: list[tuple[int, int, bytes]], documents: int,
                 parent: QWidget | None = None, replaces: str = "") -> None:
        super().__init__(parent)
        self.setObjectName("draft_dialog")
        self.setWindowTitle(_("Draft: {title}").format(title=title))
        note = _("This is a draft (草稿): it has no number and is not issued. Check it; "
                 "“Issue” gives it the next number and records it as issued, which cannot be undone "
                 "(a correction is a new version).")
        if documents > 1:
            note += "\n" + _("{count} documents will be issued.").format(count=documents)
        if replaces:  # its content changed since: the issue is a new version that supersedes the one in force
            note += "\n" + _("Issuing it replaces {number}, which is in force now, with a new version.").format(
                number=replaces)
        self.note = QLabel(note, objectName="draft_note")
        self.note.setWordWrap(True)
        self.preview = PdfPreview(self)
        self.preview.setObjectName("draft_preview")
        self.preview.show_pages(pages)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.issue_button = self.buttons.addButton(_("Issue"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.issue_button.setObjectName("confirm_issue")
        self.issue_button.setDefault(False)  # Enter must not issue by accident
        self.issue_button.setAutoDefault(False)
        self.issue_button.clicked.connect(self._confirm)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.note)
        layout.addLayout(zoom_bar(self.preview))
        layout.addWidget(self.preview, 1)
        layout.addWidget(self.buttons)
        screen = QGuiApplication.primaryScreen().availableGeometry()
        self.resize(min(980, screen.width() - 40), min(760, screen.height() - 60))

    def _confirm(self) -> None:
        self.confirmed.emit()
        self.accept()


def show_draft(title: str, pages: list[tuple[int, int, bytes]], documents: int, parent: QWidget,
               replaces: str = "") -> DraftDialog:
    dialog = DraftDialog(title, pages, documents, parent, replaces)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.setWindowModality(Qt.WindowModality.WindowModal)
    dialog.show()
    return dialog
