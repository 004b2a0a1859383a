"""The choice of what the 联合验收意见书 covers: the whole project, or one unit accepted on its own (单体单独验收).

Every unit is listed so that the inspector sees why one is not offered: a unit not ready (a discipline not
concluded, in rectification or 不合格, or no application to be accepted alone) is disabled, with its reasons in its
text and tooltip (services/documents/scope.py decides; the service refuses it too). The whole project stays
enabled: what keeps it back is listed, and its draft's refusal names everything missing.
"""

from __future__ import annotations

import uuid

from PySide6.QtCore import Qt
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QComboBox, QSizePolicy, QWidget

from acceptance_app.i18n import _
from acceptance_app.services.documents.scope import OpinionScope
from acceptance_app.text.documents import describe_blocker

REASONS_SHOWN = 2  # in the item's text; the tooltip has all of them


def _reasons(scope: OpinionScope) -> list[str]:
    return [describe_blocker(b.code, b.discipline.value if b.discipline else "", b.unit) for b in scope.blockers]


def scope_text(scope: OpinionScope) -> str:
    """One line: what the opinion would cover and whether it can be issued now."""
    reasons = _reasons(scope)
    shown = _("; ").join(reasons[:REASONS_SHOWN]) + ("…" if len(reasons) > REASONS_SHOWN else "")
    if scope.unit_id is None:
        text = _("Whole project")
        if reasons:
            text += " — " + _("not ready: {reasons}").format(reasons=shown)
    elif scope.ready:
        text = _("{unit} (accepted on its own)").format(unit=scope.name)
    else:
        text = _("{unit} — cannot be accepted on its own: {reasons}").format(unit=scope.name, reasons=shown)
    if scope.issued_number:
        text += " — " + _("issued {number}").format(number=scope.issued_number)
    return text


def scope_tooltip(scope: OpinionScope) -> str:
    lines = [scope.name]
    if scope.unit_code:
        lines.append(_("Unit code: {code}").format(code=scope.unit_code))
    lines += _reasons(scope)
    if scope.issued_number:
        lines.append(_("Opinion in force: {number}").format(number=scope.issued_number))
    return "\n".join(lines)


class OpinionScopeBox(QComboBox):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("opinion_scope")
        self.setToolTip(_("What the joint acceptance opinion covers"))
        self.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.setMinimumContentsLength(22)  # long reasons are read in the open list, which is as wide as they are
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
        self.view().setTextElideMode(Qt.TextElideMode.ElideNone)
        self.scopes: list[OpinionScope] = []
        self._model = QStandardItemModel(self)
        self.setModel(self._model)

    def set_scopes(self, scopes: list[OpinionScope]) -> None:
        """Show the scopes, keeping the chosen one when it is still offered (else the whole project)."""
        keep = self.current_unit()
        self.scopes = list(scopes)
        self._model.clear()
        for scope in self.scopes:
            item = QStandardItem(scope_text(scope))
            item.setData(scope.unit_id, Qt.ItemDataRole.UserRole)
            item.setToolTip(scope_tooltip(scope))
            # the whole project is always offered: its draft says in full what is missing
            item.setEnabled(scope.unit_id is None or scope.ready)
            self._model.appendRow(item)
        index = next((i for i, s in enumerate(self.scopes) if s.unit_id == keep and (s.ready or keep is None)), 0)
        self.setCurrentIndex(index if self.scopes else -1)
        self.view().setMinimumWidth(self.view().sizeHintForColumn(0) + 24)

    def current_unit(self) -> uuid.UUID | None:
        """The unit chosen, or None for the whole project."""
        scope = self.current_scope()
        return scope.unit_id if scope is not None else None

    def current_scope(self) -> OpinionScope | None:
        index = self.currentIndex()
        return self.scopes[index] if 0 <= index < len(self.scopes) else None

    def choose(self, unit_id: uuid.UUID | None) -> bool:
        """Select the scope of this unit (None: the whole project) if it is offered."""
        for index, scope in enumerate(self.scopes):
            if scope.unit_id == unit_id and self._model.item(index).isEnabled():
                self.setCurrentIndex(index)
                return True
        return False
