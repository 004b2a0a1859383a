"""签名身份: the identities with their certificates and validity; import a PKCS#12 file, add a key on a
PKCS#11 token, or create a training identity. Passwords and PINs are used once and never stored."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from acceptance_app.domain.enums import Department
from acceptance_app.i18n import _
from acceptance_app.services.signing import identities

from acceptance_app.ui import desktop_state
from acceptance_app.ui.departments import department_names
from acceptance_app.ui.errors import show_exception
from acceptance_app.ui.models.rows_model import Column, RowsModel
from acceptance_app.ui.signing.subject import subject_text
from acceptance_app.ui.tasks import TaskRunner
from acceptance_app.ui.widgets.screen_fit import resize_to_screen
from acceptance_app.ui.widgets.table import make_table

KIND_LABELS = {"pkcs12": "PKCS#12", "pkcs11": "PKCS#11", "training": "培训用"}

def identity_columns(names: dict[Department, str]) -> list[Column[identities.IdentityRow]]:
    """The table's columns; ``names``: the departments as the jurisdiction's table names them."""
    return [
        Column(lambda: _("Person"), lambda r: r.person),
        Column(lambda: _("Department"), lambda r: names[r.department]),
        Column(lambda: _("Kind"), lambda r: KIND_LABELS.get(r.kind, r.kind)),
        Column(lambda: _("Valid until"), lambda r: r.not_after.date().isoformat() + ("  " + _("expired") if r.expired else "")),
        Column(lambda: _("Trust"), lambda r: _("培训用 — not trusted") if r.training else _("checked at verification")),
        Column(lambda: _("Certificate"), lambda r: subject_text(r.subject)),  # in words, as the sign dialog says it
        Column(lambda: "SHA-256", lambda r: r.fingerprint[:16] + "…"),
    ]


class IdentityForm(QDialog):
    """One form for the three kinds; only the rows of the chosen kind are shown."""

    def __init__(self, kind: str, names: dict[Department, str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.kind = kind
        self.setWindowTitle({"pkcs12": _("Import a PKCS#12 file"), "pkcs11": _("Add a key on a PKCS#11 token"),
                             "training": _("Create a training identity")}[kind])
        self.person = QLineEdit(objectName="person")
        self.department = QComboBox(objectName="department")
        for department, name in names.items():
            self.department.addItem(name, department.value)
        self.file = QLineEdit(objectName="file")
        browse = QPushButton(_("Browse…"))
        browse.clicked.connect(self._browse)
        self.module = QLineEdit(objectName="module")
        self.module.setPlaceholderText("/usr/lib/softhsm/libsofthsm2.so")
        self.token = QLineEdit(objectName="token")
        self.key = QLineEdit(objectName="key")
        self.secret = QLineEdit(objectName="secret")
        self.secret.setEchoMode(QLineEdit.EchoMode.Password)
        self.secret.setPlaceholderText(_("asked each time, never stored"))
        form = QFormLayout()
        form.addRow(_("Person"), self.person)
        form.addRow(_("Department"), self.department)
        if kind == "pkcs12":
            row = QHBoxLayout()
            row.addWidget(self.file, 1)
            row.addWidget(browse)
            form.addRow(_("PKCS#12 file"), row)
        if kind == "pkcs11":
            form.addRow(_("PKCS#11 module"), self.module)
            form.addRow(_("Token label"), self.token)
            form.addRow(_("Key label"), self.key)
        form.addRow(_("PIN") if kind == "pkcs11" else _("Password"), self.secret)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(buttons)

    def _browse(self) -> None:
        path, _filter = QFileDialog.getOpenFileName(self, _("PKCS#12 file"), desktop_state.last_folder(),
                                                    "PKCS#12 (*.p12 *.pfx)")
        if path:
            desktop_state.remember_folder(path)
            self.file.setText(path)

    def work(self) -> Any:
        """The write to run (reads every value now, on the GUI thread)."""
        person, secret = self.person.text().strip(), self.secret.text()
        department = Department(self.department.currentData())  # Qt hands a StrEnum back as str
        kind, file, module = self.kind, Path(self.file.text().strip()), self.module.text().strip()
        token, key = self.token.text().strip(), self.key.text().strip()
        self.secret.clear()

        def run(session: Any, task: Any) -> Any:
            if kind == "pkcs12":
                return identities.import_pkcs12(session, file, secret, person, department)
            if kind == "pkcs11":
                return identities.register_pkcs11(session, module, token, key, secret, person, department)
            return identities.create_training_identity(session, person, department, secret)

        return run


class IdentitiesDialog(QDialog):
    def __init__(self, runner: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(_("Signing identities"))
        self.runner = runner
        assert runner.database is not None
        self.names = department_names(runner.database.settings)
        self.model: RowsModel[identities.IdentityRow] = RowsModel(identity_columns(self.names), self)
        self.view = make_table(self)
        self.view.setObjectName("identity_table")
        self.view.setModel(self.model)
        buttons = QHBoxLayout()
        for kind, text in (("pkcs12", _("Import PKCS#12…")), ("pkcs11", _("Add PKCS#11 token key…")),
                           ("training", _("Create training identity…"))):
            button = QPushButton(text, objectName=f"add_{kind}")
            button.clicked.connect(lambda _checked=False, k=kind: self.add(k))
            buttons.addWidget(button)
        buttons.addStretch(1)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(buttons)
        layout.addWidget(self.view, 1)
        layout.addWidget(close)
        resize_to_screen(self, 1000, 360)
        self.reload()

    def reload(self) -> None:
        self.runner.read(lambda s, t: identities.list_identities(s)).success(self._loaded).run()

    def _loaded(self, rows: list[identities.IdentityRow]) -> None:
        self.model.set_rows(rows)
        self.view.resizeColumnsToContents()

    def add(self, kind: str) -> None:
        form = IdentityForm(kind, self.names, self)
        form.setObjectName("identity_form")
        form.accepted.connect(lambda: self._save(form))
        form.open()

    def _save(self, form: IdentityForm) -> None:
        (self.runner.write(form.work()).with_progress(_("Checking the key"), self)
         .success(lambda _result: self.reload()).failure(lambda error: show_exception(self, error)).run())
