"""`findings add --days 20` across the year end from the command line, and the `calendar` commands."""

from __future__ import annotations

from pathlib import Path

from acceptance_app.cli import main
from acceptance_app.storage.data_folder import DataFolder
from acceptance_app.storage.db import open_database
from tests import builders
from tests.services.test_calendar import table_2027


def run(capsys, *args):  # type: ignore[no-untyped-def]
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def test_a_deadline_into_2027_from_the_cli_is_marked_then_settled_by_calendar_install(capsys, tmp_path: Path
                                                                                       ) -> None:
    data = tmp_path / "data"
    database = open_database(DataFolder(data))
    with database.session() as s, s.begin():
        built = builders.project(s)
        inspection = builders.inspection(s, built.unit_id)
    database.close()
    code, out, err = run(capsys, "--data-dir", str(data), "findings", "add", "--inspection", str(inspection),
                         "--description", "防火门闭门器缺失", "--days", "20", "--today", "2026-12-18")
    assert code == 0, err
    finding_id, deadline = out.split()
    assert deadline == "2027-01-15（暂按周末计算）"
    code, out, _ = run(capsys, "--data-dir", str(data), "calendar", "show")
    assert code == 0 and "2026\tshipped\t国务院办公厅关于2026年部分节假日安排的通知" in out
    assert "2027年及以后：尚无节假日安排表，暂按周末计算" in out

    bad = tmp_path / "2027.json"
    bad.write_bytes(table_2027(workdays={"春节": ["2027-02-03"]}))
    code, _, err = run(capsys, "--data-dir", str(data), "calendar", "install", str(bad))
    assert code == 2 and str(bad) in err and "不是周六或周日" in err
    bad.write_bytes(table_2027())
    code, out, err = run(capsys, "--data-dir", str(data), "calendar", "install", str(bad))
    assert code == 0 and "重新计算整改期限 1 项" in out, err
    code, out, _ = run(capsys, "--data-dir", str(data), "findings", "list", "--project", str(built.project_id))
    [line] = [line for line in out.splitlines() if line.startswith(finding_id)]
    assert "\t2027-01-20\t" in line  # recomputed, no longer marked
