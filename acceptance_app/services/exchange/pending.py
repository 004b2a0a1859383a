"""What of a project is not yet on the hub, exactly: the records and photos this laptop would send whose
content the hub has not confirmed.

The outbox counts packages; an inspector thinks in work done (field trial item 16: "待发送 0" after a day of
answers, because no package had been made yet). A row is not yet sent when its content (the exchange's
content hash) is neither what the last package of its scope acknowledged by a receipt carried
(services/exchange/sent_rows.py) nor what the last exchange that brought it agreed on (``sync_row_versions``:
a row pulled from the hub, or merged from a package, is the hub's or its sender's, not ours to send). So a
laptop that pulled a project counts 0, one edit later 1, and 0 again after a push the hub confirmed; an edit
undone before the push counts 0 too. The rows are the ones a push would carry (exchange/select.py): the whole
project for the lead department, one discipline's results with their context for the others.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import datetime

import sqlalchemy as sa
from sqlalchemy.orm import Session

from acceptance_app.domain.enums import DEPARTMENT_OF, Department, Discipline
from acceptance_app.services.exchange import sent_rows
from acceptance_app.services.exchange.hub_sync import LEAD, known_department
from acceptance_app.services.exchange.select import select_records
from acceptance_app.storage.db import settings_of
from acceptance_app.storage.models import OutboxItem, OutboxState, SyncRowVersion
from acceptance_app.sync.records import encode_values, key_column

# Counted as photos (one per photo, whichever of its rows changed); every other table's rows are records.
PHOTO_TABLES = {"photos": "id", "photo_links": "photo_id", "photo_annotations": "photo_id"}


@dataclass(frozen=True)
class PendingChanges:
    records: int
    photos: int
    last_receipt_at: datetime | None

    @property
    def total(self) -> int:
        return self.records + self.photos


def last_receipt_at(session: Session, project_id: uuid.UUID) -> datetime | None:
    return session.scalar(sa.select(sa.func.max(OutboxItem.sent_at))
                          .where(OutboxItem.project_id == project_id, OutboxItem.state == OutboxState.SENT))


def push_scope(session: Session) -> Discipline | None:
    """The discipline this laptop's pushes carry (None: the whole project): the department the hub named at
    the last push, else the inspector's department from the settings, else the lead's whole project."""
    settings = settings_of(session)
    department = known_department(session, settings.hub_url)
    if department is None and settings.inspector_department in {d.value for d in Department}:
        department = Department(settings.inspector_department)
    if department is None or department is LEAD:
        return None
    return next((d for d, dep in DEPARTMENT_OF.items() if dep is department), None)


def _agreed(session: Session, name: str, keys: set[str]) -> dict[str, str]:
    found = session.execute(sa.select(SyncRowVersion.entity_id, SyncRowVersion.content_hash)
                            .where(SyncRowVersion.entity == name))
    return {k: h[:sent_rows.HASH_DIGITS] for k, h in found if k in keys}


def pending_changes(session: Session, project_id: uuid.UUID) -> PendingChanges:
    discipline = push_scope(session)
    tables = select_records(session, project_id, discipline, with_opinions=discipline is None)
    on_hub = sent_rows.on_hub(session, project_id, settings_of(session).hub_url)
    records, photos = 0, set()
    for name, rows in tables.items():
        key = key_column(name)
        sent = on_hub.get(name, {})
        agreed = _agreed(session, name, {str(r[key]) for r in rows})
        for row in rows:
            k = str(row[key])
            content = sent_rows.short_hash(encode_values(row))
            if content in (sent.get(k), agreed.get(k)):
                continue
            if name in PHOTO_TABLES:
                photos.add(str(row[PHOTO_TABLES[name]]))
            else:
                records += 1
    return PendingChanges(records, len(photos), last_receipt_at(session, project_id))
