"""已整改 / 复验通过 / 复验不通过: one step of a finding with the finding shown in full, a note, and the
after-photos taken in the same step (field trial item 29: the title used to be the truncated description, and
the after-photo had to be added separately afterwards)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from acceptance_app.domain.findings import FindingAction, FindingRow
from acceptance_app.i18n import _
from acceptance_app.text.findings import action_name
from acceptance_app.text.labels import label

from acceptance_app.ui.photos.panel import IMAGE_FILTER


class StepDialog(QDialog):
    def __init__(self, action: FindingAction, row: FindingRow, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("finding_step_dialog")
        self.setWindowTitle(action_name(action))
        self.setMinimumWidth(600)
        facts = QFormLayout()
        for title, value in ((_("Unit"), row.unit_name), (_("Discipline"), label(row.discipline)),
                             (_("Checklist item"), row.item_id or "—"), (_("Class"), label(row.item_class)),
                             (_("Responsible party"), f"{label(row.party_role)} {row.party_name}".strip()),
                             (_("Deadline"), row.deadline.isoformat()), (_("Status"), label(row.status))):
            facts.addRow(title, QLabel(value))
        self.description = QLabel(row.description, objectName="step_description")
        self.description.setWordWrap(True)
        facts.addRow(_("Description"), self.description)
        self.note = QLineEdit(objectName="step_note")
        self.note.setPlaceholderText(_("what was done, or what the re-check found"))
        facts.addRow(_("Note"), self.note)
        self.files: list[Path] = []
        self.file_list = QListWidget(objectName="step_photos")
        self.file_list.setMaximumHeight(90)
        add = QPushButton(_("Add after-photos…"), objectName="step_add_photos")
        add.clicked.connect(self.choose_photos)
        photo_row = QHBoxLayout()
        photo_row.addWidget(self.file_list, 1)
        photo_row.addWidget(add)
        facts.addRow(_("Photos after rectification"), photo_row)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(facts)
        layout.addWidget(buttons)

    def choose_photos(self) -> None:
        names, _filter = QFileDialog.getOpenFileNames(
            self, _("Import photos"), "", _("Photos ({patterns})").format(patterns=IMAGE_FILTER))
        self.add_photos([Path(n) for n in names])

    def add_photos(self, paths: list[Path]) -> None:
        for path in paths:
            if path not in self.files:
                self.files.append(path)
                self.file_list.addItem(path.name)
