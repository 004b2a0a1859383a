"""Alembic environment of the hub: the engine comes from the caller (``config.attributes['engine']``)."""

from __future__ import annotations

from alembic import context

from acceptance_app.hub.db import VERSION_TABLE
from acceptance_app.hub.models import HubBase

config = context.config


def run_migrations_online() -> None:
    engine = config.attributes["engine"]
    with engine.connect() as connection:
        context.configure(
            connection=connection,
            target_metadata=HubBase.metadata,
            version_table=VERSION_TABLE,
            render_as_batch=connection.dialect.name == "sqlite",
        )
        with context.begin_transaction():
            context.run_migrations()
        connection.commit()


run_migrations_online()
