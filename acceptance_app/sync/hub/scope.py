"""What a sender may push: its own department and jurisdiction, its own key, and (unless it is the lead
department, which relays everyone's) no results of another department's discipline."""

from __future__ import annotations

import json
import zipfile
from pathlib import Path
from typing import Any

from acceptance_app.domain.enums import DEPARTMENT_OF, Discipline
from acceptance_app.domain.problems import KnownError
from acceptance_app.sync.hub.accounts import LEAD_DEPARTMENT, covers
from acceptance_app.sync.hub.models import Account
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


def check_results_owned(account: Account, package_path: Path) -> None:
    if account.department == LEAD_DEPARTMENT:
        return
    tables = _records(package_path).get("tables", {})
    finding_discipline = {}
    for table in RESULT_TABLES:
        for row in tables.get(table) or []:
            discipline = str(row.get("discipline") or "")
            if table == "findings":
                finding_discipline[str(row.get("id"))] = discipline
            _check_discipline(account, table, row, discipline)
    for row in tables.get("finding_events") or []:
        owner = finding_discipline.get(str(row.get("finding_id")))
        if owner is None:  # an event of a finding the package does not carry: whose it is is unknown
            raise KnownError("hub.foreign_results", table="finding_events", row=str(row.get("id")),
                             discipline="?", department=account.department)


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
        data = json.loads(archive.read(info).decode("utf-8"))
    return data if isinstance(data, dict) else {}


def get(value: Any, key: str) -> Any:
    return value.get(key) if isinstance(value, dict) else getattr(value, key, None)
