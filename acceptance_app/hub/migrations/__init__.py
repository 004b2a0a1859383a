"""The hub's Alembic migrations (separate from the laptop's)."""
