"""Each discipline's outcome in its organ's own words, from the ``outcomes:`` of the form the inspection was
answered on (its pinned snapshot), or of the forms folder's form when it was concluded outside the runner.

Only that key is wanted, so the form is read with a plain YAML load (cached by its hash), not built and
checked as the checklist runner does: an opinion stays quick to issue.
"""

from __future__ import annotations

import hashlib
import threading
from pathlib import Path

from sqlalchemy.orm import Session

from acceptance_app.domain.checklists.form import Outcomes
from acceptance_app.domain.enums import Discipline
from acceptance_app.settings import forms_folder, load_settings
from acceptance_app.storage.models import FormSnapshot, Inspection

_lock = threading.Lock()
_cache: dict[str, Outcomes] = {}


def _outcomes(content: bytes) -> Outcomes:
    key = hashlib.sha256(content).hexdigest()
    with _lock:
        if key in _cache:
            return _cache[key]
    import yaml

    data = yaml.load(content, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))  # noqa: S506 (safe)
    outcomes = Outcomes.from_mapping(data.get("outcomes") if isinstance(data, dict) else None)
    with _lock:
        _cache[key] = outcomes
    return outcomes


def _folder_form(data_root: Path, discipline: Discipline) -> bytes:
    folder = forms_folder(load_settings(data_root))
    for suffix in (".yaml", ".yml"):
        path = folder / f"{discipline.value}{suffix}"
        if path.is_file():
            return path.read_bytes()
    return b""


def outcomes_for(session: Session, data_root: Path, inspection: Inspection) -> Outcomes:
    snapshot = session.get(FormSnapshot, inspection.form_hash) if inspection.form_hash else None
    return _outcomes(snapshot.content if snapshot is not None else _folder_form(data_root, inspection.discipline))
