"""Draft previews: a document rendered without a number (watermarked 草稿) before the user confirms issuing it.

A draft takes no number, writes no record and leaves nothing in the data folder: the reader builds the inputs
(``draft_inputs``), the pool renders them into a folder the caller owns (``render_drafts``), and only the
confirmation calls the issuing use case in services.documents. The inputs are built with the same sources
(services/documents/inputs.py, through the issuing builders) as the issue, so the draft shows what the issued document will say; the same
checks run first (missing data, an open blocking commitment), so a draft that renders is one that can be issued.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from sqlalchemy.orm import Session

from acceptance_app.domain.enums import (
    DocumentType,
)
from acceptance_app.reports.inputs import (
    DocumentInput,
)
from acceptance_app.reports.rendering import render_file
from acceptance_app.reports.results import RenderedFile
from acceptance_app.services.common import get_or_raise
from acceptance_app.services.documents.issuing import SPECS
from acceptance_app.services.findings.commitments import ensure_opinion_allowed
from acceptance_app.storage.models import Project

DRAFT_NUMBER = ""  # reports/base.py: a document without a number is drawn as a draft


@dataclass(frozen=True)
class Draft:
    doc_type: DocumentType
    label: str  # what the draft is of, for a file name and a caption: the unit and discipline of a record sheet
    data: DocumentInput


@dataclass(frozen=True)
class RenderedDraft:
    doc_type: DocumentType
    label: str
    path: Path
    pages: int


def draft_inputs(session: Session, doc_type: DocumentType, project_id: uuid.UUID,
                 unit_id: uuid.UUID | None = None, day: date | None = None) -> list[Draft]:
    """What issuing ``doc_type`` would print today, without a number: the very builders issuing uses
    (``issuing.SPECS``), so the draft cannot say something else. Raises what issuing raises."""
    get_or_raise(session, Project, project_id)
    day = day or date.today()
    if doc_type is DocumentType.OPINION:
        ensure_opinion_allowed(session, project_id)  # an open blocking commitment (容缺) refuses, as issuing does
    return [Draft(doc_type, spec.scope, spec.build(DRAFT_NUMBER, day))
            for spec in SPECS[doc_type](session, project_id, unit_id)]


def render_drafts(drafts: list[Draft], folder: Path,
                  render: Callable[[DocumentType, DocumentInput, Path], RenderedFile] = render_file,
                  progress: Callable[[int, int], None] | None = None) -> list[RenderedDraft]:
    """Off the database: each draft into ``folder`` (a temporary folder the caller removes)."""
    folder.mkdir(parents=True, exist_ok=True)
    rendered = []
    for index, draft in enumerate(drafts):
        if progress is not None:
            progress(index, len(drafts))
        path = folder / f"draft-{draft.doc_type.value}-{index + 1}.pdf"
        result = render(draft.doc_type, draft.data, path)
        rendered.append(RenderedDraft(draft.doc_type, draft.label, path, result.result.pages))
    return rendered
