"""Alembic migrations, run by the app itself at open (there is no alembic.ini to carry around).

``SCHEMA_HEAD`` lets an up-to-date database open without importing Alembic (start-up time); a test checks
it equals Alembic's head. When you add a revision, update it.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import sqlalchemy as sa
    from alembic.config import Config
    from alembic.script import ScriptDirectory

SCHEMA_HEAD = "0016"
MIGRATIONS_DIR = Path(__file__).resolve().parent


def current_revision(engine: sa.Engine) -> str | None:
    with engine.connect() as conn:
        has_table = conn.exec_driver_sql(
            "SELECT 1 FROM sqlite_master WHERE type='table' AND name='alembic_version'"
        ).first()
        if not has_table:
            return None
        row = conn.exec_driver_sql("SELECT version_num FROM alembic_version").first()
        return row[0] if row else None


def alembic_config(engine: sa.Engine | None = None) -> Config:
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    if engine is not None:
        config.attributes["engine"] = engine
    return config


@cache
def script_directory() -> ScriptDirectory:
    from alembic.script import ScriptDirectory

    return ScriptDirectory.from_config(alembic_config())


def is_known(revision: str) -> bool:
    from alembic.util import CommandError

    try:
        return script_directory().get_revision(revision) is not None
    except CommandError:
        return False


def head() -> str:
    heads = script_directory().get_heads()
    if len(heads) != 1:
        raise RuntimeError(f"migrations must have one head, found {heads}")
    return heads[0]


def upgrade(engine: sa.Engine, revision: str = "head") -> None:
    from alembic import command

    command.upgrade(alembic_config(engine), revision)
