"""The unit and project dialogs apply the same field rules as the CLI, services and exchange (issue 20, item 8),
typed with real key presses: the message names the field's problem and OK stays disabled."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox

from acceptance_app.ui.dialogs.entities import project_dialog, unit_dialog


def _type(qtbot, dialog, name: str, text: str) -> None:  # type: ignore[no-untyped-def]
    editor = dialog.editors[name]
    editor.setFocus()
    qtbot.keyClicks(editor, text)


def _ok(dialog) -> bool:  # type: ignore[no-untyped-def]
    return dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).isEnabled()


def test_unit_dialog_refuses_nan_huge_and_too_long_values(qtbot):  # type: ignore[no-untyped-def]
    dialog = unit_dialog()
    qtbot.addWidget(dialog)
    dialog.editors["name"].setText("1#住宅楼")  # QTest types ASCII only; Chinese arrives whole from the IME
    assert _ok(dialog)
    _type(qtbot, dialog, "area_above", "nan")
    assert not _ok(dialog) and "不是有限的数" in dialog.problem_labels["area_above"].text()
    dialog.editors["area_above"].clear()
    _type(qtbot, dialog, "storeys_below", "1000000000000000000000000000000")
    assert not _ok(dialog) and "大于合理上限 30" in dialog.problem_labels["storeys_below"].text()
    dialog.editors["storeys_below"].clear()
    _type(qtbot, dialog, "building_no", "9" * 51)
    assert not _ok(dialog) and "超过 50 个字符" in dialog.problem_labels["building_no"].text()
    dialog.editors["building_no"].clear()
    qtbot.keyClick(dialog.editors["building_no"], Qt.Key.Key_4)
    assert _ok(dialog)


def test_project_dialog_refuses_a_location_longer_than_its_column(qtbot):  # type: ignore[no-untyped-def]
    dialog = project_dialog()
    qtbot.addWidget(dialog)
    dialog.editors["name"].setText("泉华苑")
    _type(qtbot, dialog, "project_code", "2024-370112-47-01-000001")
    assert _ok(dialog)
    dialog.editors["location"].setText("济南市历城区" * 60)  # pasted: 360 characters
    assert not _ok(dialog) and "超过 300 个字符" in dialog.problem_labels["location"].text()
