"""Which registration records a package may add to the feed (验登合一): the registry acts on them as the legal
fact that a unit passed, so each must be backed by the signed opinion it names.

A record is accepted only when (1) the package comes from a lead-department (住建) account, (2) the opinion PDF it
names is a file of the same package with the named hash, (3) that PDF verifies: every signature intact, valid and
covering the file, no field left unsigned, the lead's locking field signed (``OpinionFacts.problems`` empty), and
(4) the record says what the signed opinion says: its number, the unit's name and codes, its areas (as the
opinion prints them, 12,876.42) and a passed joint conclusion. Anything else refuses the whole package with a
code, so nothing of it is stored and the sender sees why.

Reading a PDF is the reports layer's work, which the hub (sync) may not import: the application is given an
``OpinionReader`` (services.hub_opinions) when it is created; without one no record is accepted.
"""

from __future__ import annotations

import re
import zipfile
from pathlib import Path
from typing import Any

from acceptance_app.domain.problems import KnownError
from acceptance_app.hub.accounts import LEAD_DEPARTMENT
from acceptance_app.hub.models import Account
from acceptance_app.sync.registration_match import OpinionFacts, OpinionReader, mismatch

_DOCUMENT_PATH = re.compile(r"documents/[0-9a-f]{64}\.pdf")


def check_registration(account: Account, manifest: Any, package_path: Path,
                       read_opinion: OpinionReader | None) -> None:
    records = list(manifest.registration or ())
    if not records:
        return
    if account.department != LEAD_DEPARTMENT:
        raise KnownError("hub.registration_not_lead", department=account.department)
    listed = {_get(f, "path"): _get(f, "sha256") for f in manifest.files}
    facts: dict[str, OpinionFacts] = {}
    for index, record in enumerate(records):
        path, sha256 = str(record.get("document_path") or ""), str(record.get("document_sha256") or "")
        if not _DOCUMENT_PATH.fullmatch(path) or listed.get(path) != sha256:
            raise KnownError("hub.registration_document_missing", index=index, path=path)
        if read_opinion is None:
            raise KnownError("hub.registration_unverifiable", index=index)
        if path not in facts:
            with zipfile.ZipFile(package_path) as archive:
                facts[path] = read_opinion(archive.read(path))
        opinion = facts[path]
        if opinion.problems:
            raise KnownError("hub.registration_not_signed", index=index, path=path,
                             problems=", ".join(opinion.problems))
        field = mismatch(record, opinion.text)
        if field:
            raise KnownError("hub.registration_mismatch", index=index, field=field,
                             value=str(record.get(field, "")))


def _get(value: Any, key: str) -> Any:
    return value.get(key) if isinstance(value, dict) else getattr(value, key, None)
