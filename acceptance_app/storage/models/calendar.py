"""Holiday tables installed from a file or received in an exchange package, kept as the file's exact bytes.

Content-addressed like the form snapshots: the same key always means the same bytes, so a table travels in
every package and merges without conflict. Which table counts for a year is decided in services/calendar.py.
"""

from __future__ import annotations

from datetime import datetime

import sqlalchemy as sa
from sqlalchemy.orm import Mapped, mapped_column

from acceptance_app.storage.models.base import Base, utcnow


class CalendarTable(Base):
    __tablename__ = "calendar_tables"

    sha256: Mapped[str] = mapped_column(sa.String(64), primary_key=True)
    year: Mapped[int] = mapped_column(index=True)
    content: Mapped[bytes] = mapped_column(sa.LargeBinary)
    installed_by: Mapped[str] = mapped_column(sa.String(100), default="")
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
