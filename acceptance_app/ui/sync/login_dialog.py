"""Ask for the hub's address and the inspector's token (given once by the hub's administrator)."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit, QWidget

from acceptance_app.i18n import _


class LoginDialog(QDialog):
    def __init__(self, hub_url: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(_("Sign in to the hub"))
        self.url_edit = QLineEdit(hub_url, objectName="hub_url")
        self.url_edit.setPlaceholderText("https://hub.example:8443")
        self.token_edit = QLineEdit(objectName="hub_token")
        self.token_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.problem = QLabel(objectName="login_problem")
        self.problem.setStyleSheet("color: #b00020;")
        form = QFormLayout(self)
        form.addRow(_("Hub address"), self.url_edit)
        form.addRow(_("Token"), self.token_edit)
        form.addRow(QLabel(_("The token is kept in the data folder's keys/ folder, never in the database.")))
        form.addRow(self.problem)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self._accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    @property
    def url(self) -> str:
        return self.url_edit.text().strip().rstrip("/")

    @property
    def token(self) -> str:
        return self.token_edit.text().strip()

    def _accept(self) -> None:
        if not self.url.startswith(("http://", "https://")):
            self.problem.setText(_("The hub address must start with http:// or https://"))
        elif not self.token:
            self.problem.setText(_("The token is required"))
        else:
            self.accept()
