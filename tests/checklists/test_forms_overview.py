"""The 检查表 overview: forms in use, counts by tag, items still [R], unconfirmed values, and what an office's own
folder changed against the shipped forms (service, CLI and page)."""

import json
import shutil

from acceptance_app.cli import main
from acceptance_app.domain.enums import Discipline
from acceptance_app.locator import forms_dir
from acceptance_app.services.checklists.overview import overview


def office_copy(tmp_path):
    folder = tmp_path / "office-forms"
    shutil.copytree(forms_dir(), folder)
    fire = folder / "fire.yaml"
    text = fire.read_text("utf-8").replace('version: "2026.12"', 'version: "2026.12-jn1"', 1)
    text = text.replace("criterion: 不应小于1.5 m", "criterion: 不应小于1.6 m", 1)
    fire.write_text(text, "utf-8")
    table = folder / "jurisdictions" / "370100.yaml"
    table.write_text(table.read_text("utf-8") + "  fire.recheck_days:\n    value: 5\n    known: true\n    tag: C\n"
                     "    source: 济南某文件\n", "utf-8")
    return folder


def test_the_shipped_forms_counted_by_tag_with_the_recalled_items():
    result = overview(forms_dir())
    assert result.shipped and not result.problems and result.jurisdiction_chain == ("370100", "370000")
    fire = next(f for f in result.forms if f.discipline is Discipline.FIRE)
    assert fire.version_label == "2026年12月版"
    assert sum(n for _t, n in fire.by_tag) == fire.items and dict(fire.by_tag)["R"] == len(fire.recalled)
    assert fire.advisory >= 10 and all("http" not in r.basis for r in fire.recalled)
    assert any(v.key == "planning.area_tolerance" for v in result.unknown_values)
    assert not any(v.key == "codes.unit_code" for v in result.unknown_values)  # confirmed by the 2023 measures


def test_an_office_folder_shows_what_it_changed(tmp_path):
    result = overview(office_copy(tmp_path))
    assert not result.shipped
    fire = next(d for d in result.form_diffs if d.discipline is Discipline.FIRE)
    assert (fire.shipped_version, fire.version) == ("2026.12", "2026.12-jn1")
    assert [(c.item_id, c.change, c.fields) for c in fire.changes] == [("XF-14-4a", "changed", ("criterion",))]
    assert [(v.key, v.change) for v in result.value_diffs] == [("370100:fire.recheck_days", "added")]


def test_cli_overview(tmp_path, capsys):
    data = tmp_path / "data"
    assert main(["--data-dir", str(data), "forms", "overview", "--folder", str(office_copy(tmp_path)), "--json"]) == 0
    listed = json.loads(capsys.readouterr().out)
    assert listed["form_diffs"][2]["changes"][0]["item_id"] == "XF-14-4a"
    assert main(["--data-dir", str(data), "forms", "overview", "--recalled"]) == 0
    out = capsys.readouterr().out
    assert "2026年12月版" in out and "[R] XF-" in out


def test_the_forms_page_lists_forms_and_changes(qtbot, database, tmp_path):
    from acceptance_app.settings import Settings

    from acceptance_app.ui.checklists.forms_page import FormsPage
    from acceptance_app.ui.tasks import TaskRunner

    runner = TaskRunner(database, inline=True)
    try:
        page = FormsPage(runner, lambda: Settings(forms_dir=str(office_copy(tmp_path))))
        qtbot.addWidget(page)
        page.reload()
        assert page.forms.rowCount() == 4 and page.forms.item(2, 1).text() == "2026.12-jn1"
        assert page.diff.rowCount() == 2 and page.diff.item(0, 1).text() == "XF-14-4a"
        assert page.tabs.isTabEnabled(2) and page.recalled.rowCount() > 100
    finally:
        runner.shutdown()
