"""Alembic environment: the engine comes from the caller (``config.attributes['engine']``)."""

from __future__ import annotations

from alembic import context

from acceptance_app.storage.models import Base

config = context.config
target_metadata = Base.metadata


def run_migrations_online() -> None:
    engine = config.attributes["engine"]
    with engine.connect() as connection:
        # SQLite cannot ALTER most things: batch mode copies the table.
        context.configure(connection=connection, target_metadata=target_metadata, render_as_batch=True)
        with context.begin_transaction():
            context.run_migrations()
        connection.commit()


run_migrations_online()
