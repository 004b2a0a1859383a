"""The outcome words come from each form's ``outcomes:``, read from the head of the file."""

import yaml

from acceptance_app.locator import forms_dir
from acceptance_app.services.documents.outcomes import _outcomes, _top_level_value


def test_each_shipped_form_gives_its_organs_words() -> None:
    words = {name: _outcomes((forms_dir() / f"{name}.yaml").read_bytes())
             for name in ("planning", "civil-air-defense", "fire", "archive")}
    assert words["planning"].words(True) == "规划条件核实合格"
    assert words["civil-air-defense"].words(True) == "同意备案"
    assert words["civil-air-defense"].words(False) == "不予备案（退回整改）"
    assert words["fire"].words(True, "special") == "消防验收合格"
    assert words["fire"].words(True, "other") == "备案抽查合格"
    assert words["fire"].words(True, None) == ""  # no regime known: the caller says so
    assert words["archive"].words(True) == "同意验收"


def test_the_key_is_found_wherever_it_stands_and_equals_a_full_load() -> None:
    content = "form: x\ngroups:\n  - {id: a, items: [1, {c: d}]}\noutcomes: {passed: 好, failed: 坏, source: s}\n"
    assert _top_level_value(content.encode(), "outcomes") == yaml.safe_load(content)["outcomes"]
    assert _top_level_value(content.encode(), "missing") is None
