import shutil
import sqlite3

import pytest
import sqlalchemy as sa
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext

from acceptance_app.storage import migrations
from acceptance_app.storage.data_folder import DataFolder
from acceptance_app.storage.db import DatabaseUnreadable, SchemaTooNew, open_database
from acceptance_app.storage.models import Base


def test_schema_head_constant_matches_alembic_head():
    assert migrations.SCHEMA_HEAD == migrations.head()


def test_upgrade_from_empty_creates_every_table_and_matches_the_models(tmp_path):
    folder = DataFolder(tmp_path / "d")
    db = open_database(folder)
    try:
        with db.engine.connect() as conn:
            assert migrations.current_revision(db.engine) == migrations.SCHEMA_HEAD
            # The migrations and the models describe the same schema (no autogenerate diff).
            diff = compare_metadata(MigrationContext.configure(conn), Base.metadata)
            assert diff == []
            pragmas = {name: conn.exec_driver_sql(f"PRAGMA {name}").scalar() for name in ("journal_mode", "foreign_keys", "synchronous")}
        assert pragmas == {"journal_mode": "wal", "foreign_keys": 1, "synchronous": 1}
    finally:
        db.close()


def test_newer_schema_is_refused_and_left_untouched(tmp_path):
    folder = DataFolder(tmp_path / "d")
    open_database(folder).close()
    with sqlite3.connect(folder.database) as conn:
        conn.execute("UPDATE alembic_version SET version_num = 'zz99_future'")
    before = folder.database.read_bytes()
    with pytest.raises(SchemaTooNew) as info:
        open_database(folder)
    assert info.value.params["revision"] == "zz99_future"
    assert folder.database.read_bytes() == before


def test_older_schema_is_upgraded_after_a_backup(tmp_path):
    folder = DataFolder(tmp_path / "d").ensure()
    engine = sa.create_engine(f"sqlite:///{folder.database}")
    first = migrations.script_directory().get_base()
    migrations.upgrade(engine, first)
    engine.dispose()
    if first == migrations.SCHEMA_HEAD:
        # Only one revision so far: fake an older database by stamping nothing and re-running from base.
        with sqlite3.connect(folder.database) as conn:
            conn.execute("DELETE FROM alembic_version")
            conn.execute(f"INSERT INTO alembic_version VALUES ('{first}')")
    db = open_database(folder)
    db.close()
    assert migrations.current_revision(sa.create_engine(f"sqlite:///{folder.database}")) == migrations.SCHEMA_HEAD


def test_not_a_database_gives_a_known_error(tmp_path):
    folder = DataFolder(tmp_path / "d").ensure()
    folder.database.write_bytes(b"this is not sqlite" * 100)
    with pytest.raises(DatabaseUnreadable):
        open_database(folder)


def test_device_id_is_stable_across_opens(tmp_path, template_database):
    folder = DataFolder(tmp_path / "d").ensure()
    shutil.copyfile(template_database, folder.database)
    first = open_database(folder)
    first.close()
    second = open_database(folder)
    second.close()
    assert first.device_id == second.device_id and len(first.device_id) == 8
