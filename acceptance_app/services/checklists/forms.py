"""Which forms new inspections use, pinning them in the database, and reading pinned forms back.

An inspection stores the sha256 of its form file and of its effective jurisdiction table; the bytes live in
``form_snapshots``, so an old inspection shows exactly the form it was answered on even after the files
in the forms folder changed or disappeared.
"""

from __future__ import annotations

import threading
from pathlib import Path

from sqlalchemy.orm import Session

from acceptance_app.domain.checklists.form import Form
from acceptance_app.domain.checklists.jurisdiction import Jurisdiction
from acceptance_app.domain.enums import Discipline
from acceptance_app.domain.problems import KnownError
from acceptance_app.storage.forms.build import jurisdiction_document
from acceptance_app.storage.forms.loader import (
    SUFFIXES,
    FormLibrary,
    form_from_bytes,
    jurisdiction_from_bytes,
    load_library,
    sha256_of,
)
from acceptance_app.storage.models import FormSnapshot

_lock = threading.Lock()
_libraries: dict[Path, tuple[tuple, FormLibrary]] = {}
_pinned_forms: dict[str, Form] = {}
_pinned_jurisdictions: dict[str, Jurisdiction] = {}


def _stamp(folder: Path) -> tuple:
    """Names, sizes and times of the files: reload the folder only when one of them changed."""
    if not folder.is_dir():
        return ()
    files = [p for p in folder.rglob("*") if p.suffix in SUFFIXES]
    return tuple(sorted((str(p), p.stat().st_size, p.stat().st_mtime_ns) for p in files))


def library(folder: Path) -> FormLibrary:
    """The forms in ``folder`` (cached until a file changes)."""
    stamp = _stamp(folder)
    with _lock:
        cached = _libraries.get(folder)
        if cached and cached[0] == stamp:
            return cached[1]
    loaded = load_library(folder)
    with _lock:
        _libraries[folder] = (stamp, loaded)
    return loaded


def pin(session: Session, form: Form, content: bytes, jurisdiction: Jurisdiction) -> tuple[str, str]:
    """Store the form bytes and the effective jurisdiction (once per hash); returns both hashes."""
    if session.get(FormSnapshot, form.sha256) is None:
        session.add(
            FormSnapshot(
                sha256=form.sha256,
                kind="form",
                discipline=form.discipline,
                version=form.version,
                content=content,
            )
        )
    document = jurisdiction_document(jurisdiction)
    j_hash = sha256_of(document)
    if session.get(FormSnapshot, j_hash) is None:
        session.add(
            FormSnapshot(
                sha256=j_hash,
                kind="jurisdiction",
                discipline=None,
                version=jurisdiction.code,
                content=document,
            )
        )
    return form.sha256, j_hash


def _snapshot(session: Session, sha256: str) -> bytes:
    snapshot = session.get(FormSnapshot, sha256)
    if snapshot is None:
        raise KnownError("forms.snapshot_invalid", path=sha256[:12])
    return snapshot.content


def pinned_form(session: Session, sha256: str) -> Form:
    with _lock:
        if sha256 in _pinned_forms:
            return _pinned_forms[sha256]
    form = form_from_bytes(_snapshot(session, sha256), f"sha256:{sha256[:12]}")
    with _lock:
        _pinned_forms[sha256] = form
    return form


def pinned_jurisdiction(session: Session, sha256: str) -> Jurisdiction:
    with _lock:
        if sha256 in _pinned_jurisdictions:
            return _pinned_jurisdictions[sha256]
    jurisdiction = jurisdiction_from_bytes(_snapshot(session, sha256))
    with _lock:
        _pinned_jurisdictions[sha256] = jurisdiction
    return jurisdiction


def form_content(session: Session, sha256: str) -> bytes:
    """The exact file an inspection was answered on (for showing or exporting it)."""
    return _snapshot(session, sha256)


def form_for(folder: Path, discipline: Discipline) -> tuple[Form, bytes]:
    forms = library(folder)
    form = forms.form(discipline)
    return form, forms.contents[form.sha256]
