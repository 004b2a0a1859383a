"""The hub's migrations build exactly its models' schema, on SQLite and PostgreSQL, and a second start is a
no-op; its version table is its own."""

from __future__ import annotations

import sqlalchemy as sa
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext

from acceptance_app.hub.db import VERSION_TABLE, normalise_url, open_hub_database
from acceptance_app.hub.models import HubBase


def test_the_migrated_schema_is_the_models_schema(hub_db_url):
    engine, _ = open_hub_database(hub_db_url)
    try:
        open_hub_database(hub_db_url)[0].dispose()  # started again: nothing to do, nothing fails
        with engine.connect() as conn:
            context = MigrationContext.configure(conn, opts={"version_table": VERSION_TABLE})
            assert compare_metadata(context, HubBase.metadata) == []
            assert context.get_current_revision() == "h0013"
            assert set(sa.inspect(conn).get_table_names()) == {
                "accounts", "packages", "registration_records", "number_grants", "row_owners", "hub_audit",
                VERSION_TABLE}
    finally:
        engine.dispose()


def test_postgresql_urls_use_psycopg_and_a_path_is_sqlite(tmp_path):
    assert normalise_url("postgresql://hub@db/hub") == "postgresql+psycopg://hub@db/hub"
    assert normalise_url(str(tmp_path / "hub.sqlite3")) == f"sqlite:///{tmp_path / 'hub.sqlite3'}"
