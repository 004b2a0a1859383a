"""签署: choose your department's field and your identity, type the password or PIN (never stored), sign on
the pad (or keep your saved signature), see the stamp, then sign off the GUI thread."""

from __future__ import annotations

import io
import uuid
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor, QFont, QImage, QPainter, QPixmap
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from acceptance_app.domain.beijing_time import beijing_text, now_beijing
from acceptance_app.domain.enums import Department
from acceptance_app.domain.problems import KnownError
from acceptance_app.i18n import _
from acceptance_app.locator import FONT_FAMILY
from acceptance_app.reports.signing.pades import SignRequest, SignResult
from acceptance_app.reports.signing.providers import SigningProvider
from acceptance_app.reports.signing.stamp import compose_background
from acceptance_app.services.changes import Changes
from acceptance_app.services.documents.organs import department_of_field
from acceptance_app.services.signing import identities
from acceptance_app.services.signing import signatures as signing

from acceptance_app.ui.departments import department_names, field_department_text
from acceptance_app.ui.errors import show_exception
from acceptance_app.ui.signing.handwriting_pad import HandwritingPad
from acceptance_app.ui.signing.subject import subject_text
from acceptance_app.ui.tasks import TaskRunner, TaskState

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

STAMP_PREVIEW_SIZE = (452, 180)  # 2x the 80 x 32 mm field in points
class SignDialog(QDialog):
    signed = Signal(object)  # the SignResult

    def __init__(self, runner: TaskRunner, document_id: uuid.UUID, context: signing.SignContext,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(_("Sign {number}").format(number=context.status.number))
        self.runner, self.document_id, self.context = runner, document_id, context
        # Departments as the jurisdiction's table names them: the document's body prints these names, so the
        # combo boxes, the stamp preview and the stamp itself say them too (field trial item 31).
        self.names = department_names(runner.database.settings) if runner.database is not None else {}
        self.field_box = QComboBox(objectName="field")
        for field in context.status.fields:
            if not field.signed:
                note = "  " + _("(signs last, locks the document)") if field.locks_document else ""
                self.field_box.addItem(f"{self._field_department(field)}{note}", field)
        self.identity_box = QComboBox(objectName="identity")
        for identity in context.identities:
            self.identity_box.addItem(self._identity_text(identity), identity)
        self.secret = QLineEdit(objectName="secret")
        self.secret.setEchoMode(QLineEdit.EchoMode.Password)
        self.secret.setPlaceholderText(_("asked each time, never stored"))
        self.pin_hint = QLabel(objectName="pin_hint")
        self.pin_hint.setWordWrap(True)
        self.certificate_label = QLabel(objectName="certificate")
        self.certificate_label.setWordWrap(True)
        self.pad = HandwritingPad(self)
        clear = QPushButton(_("Clear"))
        clear.clicked.connect(self.pad.clear)
        self.preview = QLabel(objectName="stamp_preview")
        self.preview.setFixedSize(*STAMP_PREVIEW_SIZE)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.sign_button = self.buttons.addButton(_("Sign"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.sign_button.setObjectName("sign")
        self.sign_button.clicked.connect(self.sign)
        self.buttons.rejected.connect(self.reject)

        form = QFormLayout()
        form.addRow(_("Signature field"), self.field_box)
        form.addRow(_("Identity"), self.identity_box)
        form.addRow("", self.certificate_label)
        form.addRow(_("Password / PIN"), self.secret)
        form.addRow("", self.pin_hint)
        pad_row = QHBoxLayout()
        pad_row.addWidget(self.pad, 1)
        pad_row.addWidget(clear, 0, Qt.AlignmentFlag.AlignTop)
        form.addRow(_("Handwritten signature"), pad_row)
        form.addRow(_("Stamp preview"), self.preview)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.buttons)

        self.identity_box.currentIndexChanged.connect(self._identity_changed)
        self.field_box.currentIndexChanged.connect(self._select_identity_for_field)
        self.pad.installEventFilter(self)
        self._select_own_field()
        self._select_identity_for_field()
        self._identity_changed()

    # Choices ---------------------------------------------------------------------------------------------
    def _field_department(self, field: signing.FieldRow) -> str:
        return field_department_text(field.department, self.names)

    def _identity_text(self, identity: identities.IdentityRow) -> str:
        marks = []
        if identity.training:
            marks.append(_("培训用 — not trusted"))
        if identity.expired:
            marks.append(_("expired"))
        suffix = f"  ({'; '.join(marks)})" if marks else ""
        return f"{identity.person} · {self.names.get(identity.department, identity.department_label)}{suffix}"

    def _select_own_field(self) -> None:
        """Start on the slot of the department this laptop's inspector belongs to (the settings)."""
        database = self.runner.database
        own = database.settings.inspector_department if database is not None else ""
        if own not in {d.value for d in Department}:
            return
        for index in range(self.field_box.count()):
            field = self.field_box.itemData(index)
            if department_of_field(field.department) == Department(own) and not field.locks_document:
                self.field_box.setCurrentIndex(index)
                return

    def _select_identity_for_field(self) -> None:
        """Your department's slot goes with your department's identity."""
        field = self.field_box.currentData()
        if field is None:
            return
        for index in range(self.identity_box.count()):
            if self.identity_box.itemData(index).department == department_of_field(field.department):
                self.identity_box.setCurrentIndex(index)
                break
        self._update_preview()

    def _identity_changed(self) -> None:
        identity: identities.IdentityRow | None = self.identity_box.currentData()
        self.pad.clear()
        if identity is not None:
            text = _("Certificate: {subject}; valid until {until}; SHA-256 {fingerprint}…").format(
                subject=subject_text(identity.subject), until=identity.not_after.date().isoformat(),
                fingerprint=identity.fingerprint[:16])
            if identity.training:
                text += "\n" + _("Training identity (培训用): the signature is NOT trusted and has no legal effect.")
            self.certificate_label.setText(text)
            pin = self.context.demo_pins.get(identity.id)
            self.pin_hint.setText(_("Training identity of the demo: its password is “{pin}”.").format(pin=pin)
                                  if pin else "")
            self.pin_hint.setVisible(bool(pin))
            saved = self.context.handwriting.get(identity.person)
            if saved:
                self.pad.background = QImage.fromData(saved)
        self._update_preview()

    def eventFilter(self, watched: Any, event: Any) -> bool:  # noqa: N802 (Qt API)
        if watched is self.pad and event.type() == event.Type.MouseButtonRelease:
            self._update_preview()
        return False

    # Stamp -----------------------------------------------------------------------------------------------
    def handwriting(self) -> bytes | None:
        if not self.pad.is_empty():
            return self.pad.to_png()
        identity = self.identity_box.currentData()
        return self.context.handwriting.get(identity.person) if identity is not None else None

    def seal(self) -> bytes | None:
        identity = self.identity_box.currentData()
        return self.context.seals.get(identity.department.value) if identity is not None else None

    def _update_preview(self) -> None:
        """The same layout as the PDF stamp: text on the left, handwriting and seal on the right."""
        width, height = STAMP_PREVIEW_SIZE
        image = QImage(width, height, QImage.Format.Format_ARGB32)
        image.fill(Qt.GlobalColor.white)
        painter = QPainter(image)
        background = compose_background(self.handwriting(), self.seal())
        if background is not None:
            buffer = io.BytesIO()
            background.save(buffer, "PNG")
            painter.drawImage(image.rect(), QImage.fromData(buffer.getvalue()))
        identity, field = self.identity_box.currentData(), self.field_box.currentData()
        painter.setFont(QFont(FONT_FAMILY, 9))
        painter.setPen(QColor("black"))
        lines = [_("Signer: {name}").format(name=identity.person if identity else "—"),
                 _("Department: {name}").format(name=self._field_department(field) if field else "—"),
                 _("Time: {time}").format(time=beijing_text(now_beijing()))]
        if identity is not None and identity.training:
            lines.append("【培训用，不具法律效力】")
        painter.drawText(image.rect().adjusted(8, 0, 0, 0), Qt.AlignmentFlag.AlignVCenter, "\n".join(lines))
        painter.end()
        self.preview.setPixmap(QPixmap.fromImage(image))

    # Signing ---------------------------------------------------------------------------------------------
    def sign(self) -> None:
        identity: identities.IdentityRow | None = self.identity_box.currentData()
        field = self.field_box.currentData()
        if identity is None or field is None:
            return
        database = self.runner.database
        assert database is not None
        settings = database.settings
        hand, seal, new_hand = self.handwriting(), self.seal(), not self.pad.is_empty()
        request = SignRequest(field.name, identity.person, self._field_department(field), hand, seal, settings.timestamp_url,
                              training=identity.training)
        secret, document_id = self.secret.text(), self.document_id

        # Reserve (short write) -> sign on the pool (the key, maybe a timestamp server) -> record (short write):
        # answers given meanwhile commit at once instead of waiting behind the network.
        def reserve(session: Session, task: TaskState) -> tuple[signing.Reservation, SigningProvider]:
            task.progress(0, 3, _("Opening the key"))
            provider = identities.provider_for(session, identity.id, secret)
            if new_hand and hand is not None:  # kept per person for the next document
                identities.save_image(session, identities.HANDWRITING, identity.person, hand, identity.training)
            return signing.reserve_signing(session, document_id, request), provider

        def sign(reserved: tuple[signing.Reservation, SigningProvider], task: TaskState) -> SignResult:
            task.progress(1, 3, _("Signing"))
            try:
                return signing.sign_reserved(*reserved)
            except KnownError as error:
                raise signing.identity_error(error, identity.person) from error

        def record(session: Session, reserved: tuple[signing.Reservation, SigningProvider], result: SignResult,
                   task: TaskState) -> tuple[SignResult, Changes]:
            task.progress(2, 3, _("Signing"))
            return signing.record_signed(session, reserved[0], result)

        self.secret.clear()  # the secret lives only in this call
        self.sign_button.setEnabled(False)
        (self.runner.split(reserve, sign, record).with_progress(_("Signing"), self)
         .success(self._done).failure(self._failed).run())

    def _done(self, result: Any) -> None:
        self.signed.emit(result)
        self.accept()

    def _failed(self, error: BaseException) -> None:
        self.sign_button.setEnabled(True)
        show_exception(self, error)


def open_sign_dialog(runner: TaskRunner, document_id: uuid.UUID, parent: QWidget,
                     on_signed: Callable[[Any], None]) -> None:
    """Read what the dialog needs off the GUI thread, then show it (non-modal: tests and the preview stay live)."""

    def show(context: signing.SignContext) -> None:
        dialog = SignDialog(runner, document_id, context, parent)
        dialog.setObjectName("sign_dialog")
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.signed.connect(on_signed)
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.show()

    (runner.read(lambda session, task: _context_with_demo_pins(session, document_id))
     .success(show).failure(lambda error: show_exception(parent, error)).run())


def _context_with_demo_pins(session: Any, document_id: uuid.UUID) -> signing.SignContext:
    """The sign dialog's context, with the password of the demo's training identities (shown where offered)."""
    from dataclasses import replace

    from acceptance_app.demo import signing as signing_demo

    context = signing.sign_context(session, document_id)
    return replace(context, demo_pins=signing_demo.demo_pins(session, [r for r in context.identities if r.training]))
