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
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from acceptance_app.domain.problems import KnownError
from acceptance_app.sync.hub.accounts import LEAD_DEPARTMENT
from acceptance_app.sync.hub.models import Account

# The joint conclusion of a passed opinion, as the opinion renderer words it (reports/opinion.py).
PASSED_SENTENCE = "同意通过竣工联合验收"
FAILED_SENTENCE = "暂不同意通过竣工联合验收"
_DOCUMENT_PATH = re.compile(r"documents/[0-9a-f]{64}\.pdf")


@dataclass(frozen=True)
class OpinionFacts:
    problems: tuple[str, ...]  # why the file is not a fully signed, unchanged opinion; empty when it is
    text: str  # the document's text with all white space removed


OpinionReader = Callable[[bytes], OpinionFacts]


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


def mismatch(record: dict[str, Any], text: str) -> str:
    """The first field of the record the opinion's text does not bear out, or ""."""
    if record.get("unit_result") != "passed" or PASSED_SENTENCE not in text or FAILED_SENTENCE in text:
        return "unit_result"
    for field in ("opinion_number", "unit_name", "building_no", "unit_code", "real_estate_unit_code"):
        value = _squeezed(record.get(field))
        if field in ("opinion_number", "unit_name") and not value:
            return field
        if value and value not in text:
            return field
    above, below = (_area(record.get(k)) for k in ("area_above", "area_below"))
    if above is None or below is None:
        return "area_above" if above is None else "area_below"
    # The two area columns stand side by side in the unit's row of the opinion.
    if f"{above}{below}" not in text:
        return "area_above" if above not in text else "area_below"
    return ""


def _area(value: Any) -> str | None:
    if isinstance(value, bool) or not isinstance(value, int | float) or value != value or value < 0 \
            or value > 10_000_000:
        return None
    return f"{value:,.2f}"


def _squeezed(value: Any) -> str:
    return re.sub(r"\s+", "", str(value)) if value is not None else ""


def _get(value: Any, key: str) -> Any:
    return value.get(key) if isinstance(value, dict) else getattr(value, key, None)
