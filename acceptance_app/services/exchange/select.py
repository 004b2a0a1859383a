"""Which records an export carries: a whole project, or one discipline's results with the context they need.

Context = the project, its parties and units, the inspectors the inspections name and the form snapshots
they are pinned to, and the holiday tables installed here. A full export also carries the commitments and the
procedure clock, and by the lead department the signed opinions (documents, signatures, files); results travel
with their photo links, photos and annotation layers.
"""

from __future__ import annotations

import uuid
from typing import Any

import sqlalchemy as sa
from sqlalchemy.orm import Session

from acceptance_app.domain.enums import Discipline, DocumentState, DocumentType
from acceptance_app.sync.records import table


def _rows(session: Session, name: str, *where: Any) -> list[dict[str, Any]]:
    t = table(name)
    return [dict(r._mapping) for r in session.execute(sa.select(t).where(*where))] if where else []


def _ids(rows: list[dict[str, Any]], column: str = "id") -> list[Any]:
    return sorted({r[column] for r in rows if r[column] is not None}, key=str)


def select_records(
    session: Session, project_id: uuid.UUID, discipline: Discipline | None, *, with_opinions: bool
) -> dict[str, list[dict[str, Any]]]:
    t = {name: table(name) for name in ("projects", "parties", "units", "inspections", "answers", "findings",
                                        "finding_events", "commitments", "procedure_events", "photo_links", "photos",
                                        "photo_annotations", "form_snapshots", "calendar_tables", "inspectors", "documents",
                                        "document_signatures")}
    out: dict[str, list[dict[str, Any]]] = {}
    out["projects"] = _rows(session, "projects", t["projects"].c.id == project_id)
    out["parties"] = _rows(session, "parties", t["parties"].c.project_id == project_id)
    out["units"] = _rows(session, "units", t["units"].c.project_id == project_id)
    unit_ids = _ids(out["units"])
    scope: list[sa.ColumnElement[bool]] = [t["inspections"].c.unit_id.in_(unit_ids)]
    if discipline is not None:
        scope.append(t["inspections"].c.discipline == discipline)
    out["inspections"] = _rows(session, "inspections", *scope) if unit_ids else []
    inspection_ids = _ids(out["inspections"])
    out["answers"] = _rows(session, "answers", t["answers"].c.inspection_id.in_(inspection_ids))
    finding_scope: list[sa.ColumnElement[bool]] = [t["findings"].c.project_id == project_id]
    if discipline is not None:
        finding_scope.append(t["findings"].c.discipline == discipline)
    out["findings"] = _rows(session, "findings", *finding_scope)
    finding_ids = _ids(out["findings"])
    out["finding_events"] = _rows(session, "finding_events", t["finding_events"].c.finding_id.in_(finding_ids))
    links = t["photo_links"].c
    targets: list[sa.ColumnElement[bool]] = [links.inspection_id.in_(inspection_ids), links.finding_id.in_(finding_ids)]
    if discipline is None:
        out["commitments"] = _rows(session, "commitments", t["commitments"].c.project_id == project_id)
        out["procedure_events"] = _rows(session, "procedure_events",
                                        t["procedure_events"].c.project_id == project_id)
        targets += [links.project_id == project_id, links.unit_id.in_(unit_ids)]
    out["photo_links"] = _rows(session, "photo_links", sa.or_(*targets))
    photo_ids = _ids(out["photo_links"], "photo_id")
    out["photos"] = _rows(session, "photos", t["photos"].c.id.in_(photo_ids))
    out["photo_annotations"] = _rows(session, "photo_annotations", t["photo_annotations"].c.photo_id.in_(photo_ids))
    hashes = {r[c] for r in out["inspections"] for c in ("form_hash", "jurisdiction_hash") if r[c]}
    out["form_snapshots"] = _rows(session, "form_snapshots", t["form_snapshots"].c.sha256.in_(sorted(hashes)))
    # Every holiday table this laptop holds travels in every package: how an office's table reaches the field.
    out["calendar_tables"] = _rows(session, "calendar_tables", sa.true())
    inspector_ids = _ids(out["inspections"], "inspector_id")
    out["inspectors"] = _rows(session, "inspectors", t["inspectors"].c.id.in_(inspector_ids))
    if with_opinions and discipline is None:
        docs = t["documents"].c
        out["documents"] = _rows(session, "documents", docs.project_id == project_id,
                                 docs.type == DocumentType.OPINION, docs.state == DocumentState.SIGNED)
        out["document_signatures"] = _rows(session, "document_signatures",
                                           t["document_signatures"].c.document_id.in_(_ids(out["documents"])))
    return {name: rows for name, rows in out.items() if rows}
