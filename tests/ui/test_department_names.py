"""The window names departments as the configured jurisdiction's table does (field trial item 31)."""

from __future__ import annotations

import shutil
from pathlib import Path

from acceptance_app.domain.enums import Department
from acceptance_app.locator import forms_dir
from acceptance_app.settings import Settings

from acceptance_app.ui.dialogs.settings_dialog import SettingsDialog


def _combo_texts(dialog: SettingsDialog) -> dict[str, str]:
    box = dialog.identity.department
    return {box.itemData(i): box.itemText(i) for i in range(box.count())}


def test_settings_dialog_names_departments_from_the_table(qtbot) -> None:  # type: ignore[no-untyped-def]
    dialog = SettingsDialog(Settings(jurisdiction="370100"))
    qtbot.addWidget(dialog)
    texts = _combo_texts(dialog)
    assert texts[Department.CIVIL_AIR_DEFENSE.value] == "济南市国防动员办公室（人防）"
    assert texts[Department.ARCHIVE.value] == "济南市城建档案馆"
    assert texts[Department.PLANNING.value] == "济南市自然资源和规划局"
    assert texts[Department.HOUSING.value] == "济南市住房和城乡建设局"
    assert texts[Department.APPROVAL.value] == "行政审批服务局"  # the table names no such organ: the window's word
    assert not {"人民防空办公室", "城建档案管理机构"} & set(texts.values())


def test_a_changed_table_changes_the_names(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    forms = tmp_path / "forms"
    shutil.copytree(forms_dir(), forms)
    table = forms / "jurisdictions" / "370100.yaml"
    table.write_text(table.read_text("utf-8").replace("value: 济南市城建档案馆", "value: 济南市城乡建设档案馆"), "utf-8")
    settings = Settings(jurisdiction="370100", forms_dir=str(forms))
    dialog = SettingsDialog(settings)
    qtbot.addWidget(dialog)
    assert _combo_texts(dialog)[Department.ARCHIVE.value] == "济南市城乡建设档案馆"
    # another jurisdiction's table: the province's names only, the rest in the window's words
    dialog = SettingsDialog(Settings(jurisdiction="370000", forms_dir=str(forms)))
    qtbot.addWidget(dialog)
    assert _combo_texts(dialog)[Department.ARCHIVE.value] == "城建档案馆"
