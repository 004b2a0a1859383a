"""What a sender may push: its own department and jurisdiction, its own key, and (unless it is the lead
department, which relays everyone's) no results of another department's discipline."""

from __future__ import annotations

import zipfile
from pathlib import Path
from typing import Any

import sqlalchemy as sa
from sqlalchemy.orm import Session

from acceptance_app.domain.enums import DEPARTMENT_OF, Discipline
from acceptance_app.domain.problems import KnownError
from acceptance_app.hub.accounts import LEAD_DEPARTMENT, covers
from acceptance_app.hub.models import Account, RowOwner
from acceptance_app.sync import bounded_json
from acceptance_app.sync.package_limits import DEFAULT_LIMITS
from acceptance_app.sync.tables import WITH_DISCIPLINE

RECORDS_PATH = "payload/records.json"
RESULT_TABLES = WITH_DISCIPLINE  # rows with a discipline column (sync/tables.py)
MAX_RECORDS_BYTES = DEFAULT_LIMITS.max_records_bytes  # what verify_package lets through


def check_sender(account: Account, sender: Any) -> None:
    """The manifest's sender must be the account pushing it (verify_package already checked the signature)."""
    if account.role != "inspector":
        raise KnownError("hub.role_cannot_push", role=account.role)
    if get(sender, "department") != account.department:
        raise KnownError("hub.wrong_department", sent=get(sender, "department"), account=account.department)
    jurisdiction = get(sender, "jurisdiction") or ""
    if not covers(account.jurisdiction, jurisdiction):
        raise KnownError("hub.wrong_jurisdiction", sent=jurisdiction, account=account.jurisdiction)
    key = get(sender, "public_key") or ""
    if account.public_key and key != account.public_key:
        raise KnownError("hub.wrong_key", account=account.name)


def check_results_owned(session: Session, account: Account, package_path: Path) -> dict[tuple[str, str], str]:
    """Each result row's discipline from the hub's own record of it (``row_owners``) and its parent chain,
    never from the package alone; a package that relabels a known row is refused whoever sent it, and a
    non-lead department may carry only its own discipline's rows. Returns the rows to remember as new."""
    tables = _records(package_path).get("tables", {})
    lead = account.department == LEAD_DEPARTMENT
    owners = _Owners(session)
    for table in RESULT_TABLES:
        for row in _rows(tables, table):
            key, claimed = str(row.get("id")), str(row.get("discipline") or "")
            known = owners.known(table, key)
            parent = owners.discipline("inspections", str(row.get("inspection_id"))) if table != "inspections" \
                else None
            truth = known or parent or claimed
            if claimed != truth:
                raise KnownError("hub.owner_relabelled", table=table, row=key, sent=claimed, owner=truth)
            if known is None:
                owners.new[(table, key)] = truth
            if not lead:
                _check_discipline(account, table, row, truth)
    for table, parent_table, column in (("finding_events", "findings", "finding_id"),
                                        ("photo_links", "inspections", "inspection_id"),
                                        ("photo_links", "findings", "finding_id")):
        for row in _rows(tables, table):
            if row.get(column) is None:
                continue
            discipline = owners.discipline(parent_table, str(row.get(column)))
            if lead:
                continue
            if discipline is None and table == "finding_events":
                # An event of a finding neither the package nor the hub knows: whose it is is unknown.
                raise KnownError("hub.foreign_results", table=table, row=str(row.get("id")),
                                 discipline="?", department=account.department)
            if discipline is not None:
                _check_discipline(account, table, row, discipline)
    return owners.new


def remember_owners(session: Session, owners: dict[tuple[str, str], str], package_id: str) -> None:
    session.add_all(RowOwner(entity=table, entity_id=key, discipline=discipline, package_id=package_id)
                    for (table, key), discipline in owners.items())


class _Owners:
    """Disciplines the hub knows (first), then those of rows the package adds."""

    def __init__(self, session: Session) -> None:
        self.session = session
        self.new: dict[tuple[str, str], str] = {}

    def known(self, table: str, key: str) -> str | None:
        return self.session.scalar(sa.select(RowOwner.discipline).where(RowOwner.entity == table,
                                                                        RowOwner.entity_id == key))

    def discipline(self, table: str, key: str) -> str | None:
        return self.known(table, key) or self.new.get((table, key))


def _rows(tables: Any, table: str) -> list[dict]:
    rows = tables.get(table) if isinstance(tables, dict) else None
    return [r for r in rows if isinstance(r, dict)] if isinstance(rows, list) else []


def _check_discipline(account: Account, table: str, row: dict, discipline: str) -> None:
    try:
        owner = DEPARTMENT_OF[Discipline(discipline)].value
    except ValueError:
        owner = ""
    if owner != account.department:
        raise KnownError("hub.foreign_results", table=table, row=str(row.get("id")), discipline=discipline,
                         department=account.department)


def _records(package_path: Path) -> dict:
    with zipfile.ZipFile(package_path) as archive:
        try:
            info = archive.getinfo(RECORDS_PATH)
        except KeyError:
            return {}
        if info.file_size > MAX_RECORDS_BYTES:
            raise KnownError("hub.records_too_large", size=info.file_size)
        data = bounded_json.loads(archive.read(info), RECORDS_PATH)
    return data if isinstance(data, dict) else {}


def get(value: Any, key: str) -> Any:
    return value.get(key) if isinstance(value, dict) else getattr(value, key, None)
