"""Bad command-line input is refused with a clear message, exit code 2 and nothing changed (issue 20, items 7-8):
values longer than their column, NaN / inf / 1e309 / 10**30, control characters, a non-UTF-8 argument, a date
outside the calendar, a checklist item the inspection's form lacks, a damaged signature."""

from __future__ import annotations

import uuid
from pathlib import Path

import pytest
import sqlalchemy as sa

from acceptance_app.cli import EXIT_KNOWN_ERROR, main
from acceptance_app.storage.db import Database
from acceptance_app.storage.models import Inspection, Unit
from tests.sync.helpers import folder_state


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def project(database: Database, capsys: pytest.CaptureFixture[str]) -> str:
    code, out, err = run(capsys, "--data-dir", str(database.folder.root), "projects", "add", "--name", "输入测试",
                         "--code", "2024-370112-47-01-000001", "--region-code", "370112")
    assert code == 0, err
    return out.split()[-1]


def _refused(database: Database, capsys: pytest.CaptureFixture[str], *args: str) -> str:
    run(capsys, "--data-dir", str(database.folder.root), "projects", "list")  # writes settings.json once
    before = folder_state(database.folder)
    code, _out, err = run(capsys, "--data-dir", str(database.folder.root), *args)
    assert code == EXIT_KNOWN_ERROR, err
    assert "Traceback" not in err and err.strip()
    assert folder_state(database.folder) == before
    return err


@pytest.mark.parametrize(("option", "value", "says"), [
    ("--storeys-below", str(10**30), "大于合理上限"),
    ("--storeys-above", "-3", "不能为负数"),
    ("--area-above", "nan", "不是有限的数"),
    ("--area-above", "inf", "不是有限的数"),
    ("--area-below", "1e309", "不是有限的数"),
    ("--height", "1e9", "大于合理上限"),
    ("--unit-code", "A" * 41, "40"),
    ("--building-no", "9" * 51, "50"),
    ("--real-estate-code", "3" * 29, "28"),
])
def test_unit_values_out_of_their_rules_are_refused(database, project, capsys, option, value, says):
    err = _refused(database, capsys, "units", "add", "--project", project, "--name", "1#楼", option, value)
    assert says in err


@pytest.mark.parametrize(("option", "limit"), [("--location", 300), ("--planning-permit", 100),
                                               ("--construction-permit", 100), ("--engineering-code", 64)])
def test_project_texts_longer_than_their_column_are_refused(database, project, capsys, option, limit):
    err = _refused(database, capsys, "projects", "add", "--name", "长字段", "--code", "2024-370112-47-01-000002",
                   option, "长" * (limit + 1))
    assert f"超过 {limit} 个字符" in err


def test_control_characters_and_non_utf8_arguments_are_refused(database, project, capsys):
    err = _refused(database, capsys, "units", "add", "--project", project, "--name", "1#楼\x07")
    assert "U+0007" in err
    err = _refused(database, capsys, "units", "add", "--project", project, "--name", b"\xff\xfe".decode(
        "utf-8", "surrogateescape"))
    assert "不是有效的 UTF-8" in err


def test_full_width_digits_and_stray_spaces_are_normalised(database, project, capsys):
    code, out, err = run(capsys, "--data-dir", str(database.folder.root), "units", "add", "--project", project,
                         "--name", " ４#楼　", "--building-no", "　４ ", "--storeys-above", "18")
    assert code == 0, err
    with database.session() as s:
        unit = s.get(Unit, uuid.UUID(out.split()[-1]))
        assert (unit.name, unit.building_no) == ("4#楼", "4")


def test_a_finding_with_a_date_outside_the_calendar_or_an_unknown_item_is_refused(database, demo_project, capsys):
    with database.session() as s:
        inspection = s.scalars(sa.select(Inspection.id).where(Inspection.form_hash != "")).first()
    args = ("findings", "add", "--inspection", str(inspection), "--description", "测试", "--party", "contractor")
    assert "9999-12-31" in _refused(database, capsys, *args, "--today", "9999-12-31")
    assert "NOPE-99" in _refused(database, capsys, *args, "--item", "NOPE-99", "--today", "2026-11-20")


def test_a_damaged_signature_is_a_message_not_a_traceback(database, capsys, tmp_path: Path):
    from tests.reports.signing_support import make_pki, prepared_opinion, sign_all

    signed = sign_all(prepared_opinion(), make_pki(tmp_path / "pki"), ["sig_1"])[-1]
    start = signed.rfind(b"/Contents <") + len(b"/Contents <")
    damaged = signed[:start] + b"30ffff" + signed[start + 6:]  # the DER's first length made impossible
    path = tmp_path / "damaged.pdf"
    path.write_bytes(damaged)
    err = _refused(database, capsys, "sign", "--list-fields", str(path))
    assert "无法作为已签名的 PDF 读取" in err
    code, out, err = run(capsys, "--data-dir", str(database.folder.root), "verify", str(path))
    assert code == 3 and "Traceback" not in err and "无法作为 PDF 读取该文件" in out
