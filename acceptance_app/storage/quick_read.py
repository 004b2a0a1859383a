"""The project list for the very first screen, read with the standard library's sqlite3.

Importing SQLAlchemy costs about as much as importing Qt itself, so the main window paints with this list
first and the ORM is loaded in the background right after (see app.py). This is the one raw-SQL reader; a
test checks it returns exactly what ``services.projects.list_projects`` returns, so the two cannot drift.
"""

from __future__ import annotations

import sqlite3
import uuid
from datetime import UTC, datetime
from pathlib import Path

from acceptance_app.domain.entities import ProjectRow
from acceptance_app.storage.migrations import SCHEMA_HEAD

_QUERY = """
SELECT p.id, p.name, p.project_code, p.location, COALESCE(b.name, ''), COALESCE(u.n, 0), p.updated_at
FROM projects p
LEFT JOIN (SELECT project_id, count(*) AS n FROM units GROUP BY project_id) u ON u.project_id = p.id
LEFT JOIN (SELECT project_id, min(name) AS name FROM parties WHERE role = 'builder' GROUP BY project_id) b
       ON b.project_id = p.id
ORDER BY p.updated_at DESC
"""


def _time(text: str) -> datetime:
    return datetime.fromisoformat(text).replace(tzinfo=UTC)


def read_project_rows(database: Path) -> list[ProjectRow] | None:
    """Rows for the project list, or None when the database is missing or needs a migration first."""
    if not database.exists():
        return None
    try:
        conn = sqlite3.connect(f"file:{database}?mode=ro", uri=True, timeout=1)
    except sqlite3.Error:
        return None
    try:
        version = conn.execute("SELECT version_num FROM alembic_version").fetchone()
        if not version or version[0] != SCHEMA_HEAD:
            return None
        return [
            ProjectRow(uuid.UUID(pid), name, code, location, builder, count, _time(updated))
            for pid, name, code, location, builder, count, updated in conn.execute(_QUERY)
        ]
    except sqlite3.Error:
        return None  # the full open that follows reports what is wrong
    finally:
        conn.close()
