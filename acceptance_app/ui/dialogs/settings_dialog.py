"""Settings: language, the inspector's name and department, a jurisdiction's own forms folder."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QDialog, QDialogButtonBox, QFormLayout, QLineEdit, QWidget

from acceptance_app.i18n import _
from acceptance_app.settings import Settings

from acceptance_app.ui.dialogs.identity_dialog import IdentityFields

LANGUAGE_NAMES = {"zh_CN": "简体中文", "en": "English"}


class SettingsDialog(QDialog):
    def __init__(self, settings: Settings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(_("Settings"))
        self.settings = settings
        self.language = QComboBox()
        for code, name in LANGUAGE_NAMES.items():
            self.language.addItem(name, code)
        self.language.setCurrentIndex(max(self.language.findData(settings.language), 0))
        self.identity = IdentityFields(settings)
        self.forms_dir = QLineEdit(settings.forms_dir)
        self.forms_dir.setPlaceholderText(_("empty: the forms shipped with the program"))
        self.hub_url = QLineEdit(settings.hub_url)
        self.timestamp_url = QLineEdit(settings.timestamp_url)
        self.timestamp_url.setPlaceholderText(_("empty: sign without a timestamp"))
        self.trust_dir = QLineEdit(settings.trust_dir)
        self.trust_dir.setPlaceholderText(_("empty: the trust folder inside the data folder"))
        self.setMinimumWidth(min(560, self.screen().availableGeometry().width() - 40))  # placeholders readable
        form = QFormLayout(self)
        form.addRow(_("Language (after restart)"), self.language)
        self.identity.add_rows(form)
        form.addRow(_("Forms folder"), self.forms_dir)
        form.addRow(_("Hub address"), self.hub_url)  # the 交换中心, as the 同步 tab calls it (trial item 31)
        form.addRow(_("Timestamp server (RFC 3161)"), self.timestamp_url)
        form.addRow(_("Trusted CA certificates folder"), self.trust_dir)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)
        self.setMinimumWidth(640)  # the placeholders are read in full (field trial item 31: 321 px cut them)

    def updated(self) -> Settings:
        s = self.settings
        s.language = self.language.currentData()
        self.identity.store(s)
        s.forms_dir = self.forms_dir.text().strip()
        s.hub_url = self.hub_url.text().strip()
        s.timestamp_url = self.timestamp_url.text().strip()
        s.trust_dir = self.trust_dir.text().strip()
        return s
