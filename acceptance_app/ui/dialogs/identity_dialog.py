"""Who is working: name, department and inspector id, asked at the first start and kept in the settings.

Every record (answer, finding step, photo import) names this person; the window records nothing without one.
"""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit, QWidget

from acceptance_app.i18n import _
from acceptance_app.settings import Settings

from acceptance_app.ui.departments import department_names


class IdentityFields:
    """The three fields, shared by the first-start dialog and the settings dialog."""

    def __init__(self, settings: Settings) -> None:
        self.name = QLineEdit(settings.inspector_name)
        self.name.setObjectName("inspector_name")
        self.name.setPlaceholderText(_("your full name"))
        self.department = QComboBox()
        self.department.setObjectName("inspector_department")
        self.department.addItem("—", "")
        for department, name in department_names(settings).items():  # as the jurisdiction's table names them
            self.department.addItem(name, department.value)
        self.department.setCurrentIndex(max(self.department.findData(settings.inspector_department), 0))
        self.inspector_id = QLineEdit(settings.inspector_id)
        self.inspector_id.setObjectName("inspector_id")
        self.inspector_id.setPlaceholderText(_("inspector or law-enforcement certificate number"))

    def add_rows(self, form: QFormLayout) -> None:
        form.addRow(_("Inspector name"), self.name)
        form.addRow(_("Department"), self.department)
        form.addRow(_("Inspector id"), self.inspector_id)

    def store(self, settings: Settings) -> None:
        settings.inspector_name = self.name.text().strip()
        settings.inspector_department = self.department.currentData()
        settings.inspector_id = self.inspector_id.text().strip()


class IdentityDialog(QDialog):
    def __init__(self, settings: Settings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("identity_dialog")
        self.setWindowTitle(_("Who is working?"))
        self.settings = settings
        self.fields = IdentityFields(settings)
        form = QFormLayout(self)
        intro = QLabel(_("Every answer, finding and photo records who made it. Your name is required; the "
                         "inspector id tells apart two inspectors of the same name."))
        intro.setWordWrap(True)
        form.addRow(intro)
        self.fields.add_rows(form)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        form.addRow(self.buttons)
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.fields.name.textChanged.connect(lambda text: ok.setEnabled(bool(text.strip())))
        ok.setEnabled(bool(settings.inspector_name.strip()))
        self.setMinimumWidth(min(520, self.screen().availableGeometry().width() - 40))

    def updated(self) -> Settings:
        self.fields.store(self.settings)
        return self.settings
