"""Broken form files give `file:line: message` problems; good ones load with inheritance and hashes."""

from acceptance_app.cli import main
from acceptance_app.domain.enums import Discipline
from acceptance_app.storage.forms.loader import check_paths, form_from_bytes, load_library, sha256_of
from tests.checklists.conftest import FIXTURE_FORMS


def edit(path, old, new):
    text = path.read_text("utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new, 1), "utf-8")


def line_of(path, needle):
    return next(n for n, line in enumerate(path.read_text("utf-8").splitlines(), 1) if needle in line)


def problems(folder):
    return [(p.path.rsplit("/", 1)[-1], p.line, p.code) for p in check_paths([folder])]


def test_fixture_forms_are_clean_and_load():
    assert check_paths([FIXTURE_FORMS]) == []
    library = load_library(FIXTURE_FORMS)
    fire = library.form(Discipline.FIRE)
    assert fire.sha256 == sha256_of((FIXTURE_FORMS / "fire.yaml").read_bytes())
    assert fire.item("XF-06-4").line == line_of(FIXTURE_FORMS / "fire.yaml", "id: XF-06-4")
    assert form_from_bytes(library.contents[fire.sha256]) == fire.__class__(
        **{**fire.__dict__, "path": "<snapshot>"}
    )
    jinan = library.jurisdiction("370100")
    assert jinan.chain == ("370100", "370000")
    assert jinan.ratio("sampling.fire.hydrant") == 0.2  # overridden
    assert jinan.get("planning.area_tolerance").defined_in == "370000"  # inherited
    assert library.jurisdiction("370200").code == "370000"  # a city without a table uses the province


def test_bad_yaml(forms_copy):
    fire = forms_copy / "fire.yaml"
    edit(fire, "basis:\n", "basis: [unclosed\n")
    # PyYAML notices the unclosed list where the next key starts
    assert problems(forms_copy) == [("fire.yaml", line_of(fire, "verdict:"), "yaml.syntax")]


def test_unknown_field_and_duplicate_key(forms_copy):
    fire, planning = forms_copy / "fire.yaml", forms_copy / "planning.yaml"
    edit(fire, "        method: 查\n", "        method: 查\n        colour: red\n")
    edit(planning, "title: 规划条件核实（测试）\n", "title: 规划条件核实（测试）\ntitle: again\n")
    assert set(problems(forms_copy)) == {
        ("fire.yaml", line_of(fire, "colour: red"), "schema.unknown_field"),
        ("planning.yaml", line_of(planning, "title: again"), "yaml.duplicate_key"),
    }


def test_duplicate_id_across_forms_and_missing_source(forms_copy):
    archive = forms_copy / "archive.yaml"
    edit(archive, "- id: DA-01-2", "- id: XF-06-3")
    edit(archive, '        source: {standard: GB/T 50328-2014, clause: "4.3", tag: R}\n', "")
    found = check_paths([forms_copy])
    codes = {(p.line, p.code) for p in found if p.path.endswith("archive.yaml")}
    assert (line_of(archive, "id: DA-01-1"), "schema.missing_source") in codes
    # schema-broken files skip the semantic pass; fix the source and the duplicate id shows
    edit(
        archive,
        "        evidence: {fail: [finding], na: [reason]}\n",
        '        evidence: {fail: [finding], na: [reason]}\n        source: {standard: X, clause: "1", tag: R}\n',
    )
    found = check_paths([forms_copy])
    fire = forms_copy / "fire.yaml"
    assert [(p.path, p.line, p.params["first"]) for p in found if p.code == "form.duplicate_item"] == [
        (str(fire), line_of(fire, "id: XF-06-3"), f"{archive}:{line_of(archive, 'id: XF-06-3')}")
    ]
    assert any(p.code == "form.item_prefix" for p in found)


def test_bad_tolerance_unknown_key_and_unknown_option(forms_copy):
    fire = forms_copy / "fire.yaml"
    edit(fire, 'tolerance: ">= 4.0"', 'tolerance: "at least 4"')
    edit(fire, '"@sampling.fire.hydrant"', '"@sampling.fire.nowhere"')
    edit(fire, "pass: [甲级]", "pass: [特级]")
    assert set(problems(forms_copy)) == {
        ("fire.yaml", line_of(fire, "at least 4"), "form.bad_tolerance"),
        ("fire.yaml", line_of(fire, "sampling.fire.nowhere"), "form.unknown_jurisdiction_key"),
        ("fire.yaml", line_of(fire, "pass: [特级]"), "form.unknown_option"),
    }


def test_jurisdiction_problems(forms_copy):
    table = forms_copy / "jurisdictions" / "370100.yaml"
    edit(table, 'inherits: "370000"', 'inherits: "379900"')
    edit(table, "known: false", "known: maybe")
    found = problems(forms_copy)
    assert ("370100.yaml", line_of(table, "known: maybe"), "schema.wrong_type") in found


def test_cli_prints_file_line_message_and_fails(forms_copy, tmp_path, capsys):
    fire = forms_copy / "fire.yaml"
    edit(fire, "class: A", "class: Z")
    code = main(["--data-dir", str(tmp_path / "data"), "--lang", "en", "forms", "check", str(fire)])
    out = capsys.readouterr().out
    assert code == 1
    assert f"{fire}:{line_of(fire, 'class: Z')}: " in out and "Z" in out
    assert main(["--data-dir", str(tmp_path / "data"), "forms", "check", str(FIXTURE_FORMS)]) == 0


def test_forms_list(tmp_path, capsys):
    import json

    data = tmp_path / "data"
    data.mkdir()
    (data / "settings.json").write_text(json.dumps({"version": 2, "forms_dir": str(FIXTURE_FORMS)}), "utf-8")
    assert main(["--data-dir", str(data), "forms", "list", "--json"]) == 0
    listed = json.loads(capsys.readouterr().out)
    assert {f["form"]: f["items"] for f in listed["forms"]} == {"archive": 2, "civil-air-defense": 2, "fire": 7, "planning": 3}
    assert listed["jurisdictions"] == ["370000", "370100"]


def test_the_bad_input_of_issue_13_is_rejected_with_file_and_line(forms_copy, tmp_path, capsys):
    """An advisory item given a fail rule, a condition on an unknown fact (or value), a jurisdiction whose verdict
    names no scheme, a table at the top of its chain without a verdict for every discipline."""
    fire = forms_copy / "fire.yaml"
    table = forms_copy / "jurisdictions" / "370000.yaml"
    edit(
        fire,
        '        answer: {type: measure, unit: MPa, tolerance: ">= 0.35"}\n',
        '        advisory: true\n        answer: {type: measure, unit: MPa, tolerance: ">= 0.35", limit: ">= 0.25"}\n',
    )
    edit(fire, "applies_to: {min_height: 24}", "applies_to: {facts: {high_rse: true, sprinklers: [foam]}}")
    edit(table, "verdict.fire: {scheme: by-class, ", "verdict.fire: {")
    edit(table, "  verdict.archive: {scheme: by-class}\n", "")
    found = set(problems(forms_copy))
    assert found == {
        ("fire.yaml", line_of(fire, 'limit: ">= 0.25"'), "form.advisory_fail_rule"),
        ("fire.yaml", line_of(fire, "high_rse"), "form.unknown_fact"),
        ("fire.yaml", line_of(fire, "high_rse"), "form.bad_fact_value"),
        ("370000.yaml", line_of(table, "verdict.fire:"), "jurisdiction.no_verdict_scheme"),
        ("370000.yaml", line_of(table, "values:") + 1, "jurisdiction.no_verdict_scheme"),  # the first value
    }
    code = main(["--data-dir", str(tmp_path / "data"), "forms", "check", str(forms_copy)])
    out = capsys.readouterr().out
    assert code == 1
    assert f"{fire}:{line_of(fire, 'high_rse')}: " in out and "high_rse" in out
    assert "verdict.archive" in out


def test_an_advisory_item_with_evidence_for_a_failure_is_rejected(forms_copy):
    fire = forms_copy / "fire.yaml"
    edit(fire, "        applies_to: {min_height: 24}\n", "        applies_to: {min_height: 24}\n        advisory: true\n        evidence: {fail: [photo]}\n")
    assert ("fire.yaml", line_of(fire, "evidence: {fail: [photo]}"), "form.advisory_fail_rule") in problems(forms_copy)
