from acceptance_app.demo import project as demo
from acceptance_app.services import projects
from acceptance_app.storage.quick_read import read_project_rows


def test_start_up_reader_returns_exactly_what_the_service_returns(database, demo_project):
    with database.session() as s, s.begin():
        demo.create_scaled_projects(s, 3, units_per_project=4)
    with database.session() as s:
        expected = projects.list_projects(s)
    assert read_project_rows(database.folder.database) == expected


def test_start_up_reader_declines_missing_or_outdated_databases(tmp_path, database):
    assert read_project_rows(tmp_path / "missing.sqlite3") is None
    (tmp_path / "junk.sqlite3").write_bytes(b"junk" * 50)
    assert read_project_rows(tmp_path / "junk.sqlite3") is None
    with database.engine.begin() as conn:
        conn.exec_driver_sql("UPDATE alembic_version SET version_num = '0000_old'")
    assert read_project_rows(database.folder.database) is None
