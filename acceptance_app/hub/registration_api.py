"""The registration feed (验登合一): each accepted unit's record, served until the registry acknowledges it.

Exactly once: ``GET /registration/feed`` answers the records of the caller's jurisdiction not yet
acknowledged (the same ones again after a lost answer); ``POST /registration/ack`` marks them; an
acknowledged record is never served again.
"""

from __future__ import annotations

import uuid
import zipfile
from datetime import UTC, datetime
from typing import Annotated, Any

import sqlalchemy as sa
from fastapi import APIRouter, Query, Request, Response
from pydantic import BaseModel

from acceptance_app.domain.problems import KnownError
from acceptance_app.hub.accounts import audit, region_prefix
from acceptance_app.hub.models import Account, RegistrationRecord
from acceptance_app.hub.web import AccountDep, SessionDep, require_role

router = APIRouter(prefix="/registration", tags=["registration"])
PAGE = 500


class FeedRecord(BaseModel):
    record_id: str
    package_id: str
    fields: dict[str, Any]
    document_url: str
    document_sha256: str
    created_at: str


class Feed(BaseModel):
    records: list[FeedRecord]


class AckRequest(BaseModel):
    record_ids: list[uuid.UUID]


class AckResult(BaseModel):
    acknowledged: list[str]
    already_acknowledged: list[str]
    unknown: list[str]


def _in_jurisdiction(account: Account) -> Any:
    return RegistrationRecord.jurisdiction.startswith(region_prefix(account.jurisdiction))


@router.get("/feed", response_model=Feed, summary="Registration records not yet acknowledged (role registry)")
def feed(request: Request, session: SessionDep, account: AccountDep,
         limit: Annotated[int, Query(ge=1, le=PAGE)] = PAGE) -> Feed:
    require_role(account, "registry")
    rows = session.scalars(
        sa.select(RegistrationRecord)
        .where(RegistrationRecord.acknowledged_at.is_(None), _in_jurisdiction(account))
        .order_by(RegistrationRecord.created_at, RegistrationRecord.id).limit(limit)
    )
    return Feed(records=[FeedRecord(
        record_id=str(r.id), package_id=r.package_id, fields=r.fields,
        document_url=str(request.url_for("registration_document", record_id=str(r.id))),
        document_sha256=r.document_sha256, created_at=r.created_at.isoformat()) for r in rows])


@router.post("/ack", response_model=AckResult, summary="Acknowledge records: they are never served again")
def acknowledge(session: SessionDep, account: AccountDep, body: AckRequest) -> AckResult:
    require_role(account, "registry")
    result = AckResult(acknowledged=[], already_acknowledged=[], unknown=[])
    now = datetime.now(UTC)
    for record_id in dict.fromkeys(body.record_ids):
        row = session.get(RegistrationRecord, record_id, with_for_update=True)
        if row is None or not row.jurisdiction.startswith(region_prefix(account.jurisdiction)):
            result.unknown.append(str(record_id))
        elif row.acknowledged_at is not None:
            result.already_acknowledged.append(str(record_id))
        else:
            row.acknowledged_at, row.acknowledged_by = now, account.id
            result.acknowledged.append(str(record_id))
    audit(session, "feed_ack", account, acknowledged=result.acknowledged,
          already=result.already_acknowledged, unknown=result.unknown)
    session.commit()
    return result


@router.get("/records/{record_id}/document", name="registration_document",
            summary="The signed opinion PDF of a record (its sha256 is in the feed)",
            response_class=Response, responses={200: {"content": {"application/pdf": {}}}})
def document(request: Request, session: SessionDep, account: AccountDep, record_id: uuid.UUID) -> Response:
    require_role(account, "registry")
    row = session.get(RegistrationRecord, record_id)
    if row is None or not row.jurisdiction.startswith(region_prefix(account.jurisdiction)) or not row.document_path:
        raise KnownError("hub.not_found", package_id=str(record_id))
    try:
        with zipfile.ZipFile(request.app.state.store.committed(row.package_id)) as archive:
            data = archive.read(row.document_path)  # checked at commit: a listed, verified, signed opinion
    except (KeyError, OSError, zipfile.BadZipFile):
        raise KnownError("hub.not_found", package_id=str(record_id)) from None
    audit(session, "download", account, record_id=str(record_id), package_id=row.package_id)
    session.commit()
    return Response(data, media_type="application/pdf", headers={"X-Sha256": row.document_sha256})
