"""Upload (resumable, in chunks), commit with a receipt, and pull: ``/packages``."""

from __future__ import annotations

from typing import Annotated, Any

import sqlalchemy as sa
from fastapi import APIRouter, Body, Query, Request, Response
from fastapi.responses import FileResponse
from pydantic import BaseModel
from starlette.concurrency import run_in_threadpool
from starlette.requests import ClientDisconnect

from acceptance_app.domain.problems import KnownError
from acceptance_app.hub import receiving
from acceptance_app.hub.accounts import audit, region_prefix
from acceptance_app.hub.models import Account, Package
from acceptance_app.hub.store import PackageStore
from acceptance_app.hub.web import AccountDep, SessionDep, require_role

router = APIRouter(prefix="/packages", tags=["packages"])
PACKAGE_ID = r"^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$"
MAX_CHUNK = 16 * 1024 * 1024
MAX_PACKAGE = 4 * 1024 * 1024 * 1024
# Unfinished uploads of one account together: two packages of the largest size. Without it one account could
# fill the hub's disk with uploads it never commits (they are swept only after two weeks).
MAX_PARTIAL_PER_ACCOUNT = 2 * MAX_PACKAGE
PAGE = 200


class UploadState(BaseModel):
    package_id: str
    offset: int
    committed: bool
    receipt: dict[str, Any] | None = None


class CommitRequest(BaseModel):
    size: int | None = None
    sha256: str | None = None


class PackageEntry(BaseModel):
    seq: int
    package_id: str
    size: int
    sha256: str
    manifest_sha256: str
    department: str
    jurisdiction: str
    project_id: str
    discipline: str
    received_at: str


class PackageList(BaseModel):
    packages: list[PackageEntry]
    next_cursor: int


def _store(request: Request) -> PackageStore:
    return request.app.state.store


def _state(request: Request, session: SessionDep, account: Account, package_id: str) -> UploadState:
    require_role(account, "inspector")  # receipts and uploads are the inspectors'; the registry has its feed
    receipt = receiving.existing_receipt(session, account, package_id, None)
    if receipt is not None:
        return UploadState(package_id=package_id, offset=receipt["size"], committed=True, receipt=receipt)
    return UploadState(package_id=package_id, offset=_store(request).offset(account.id, package_id), committed=False)


@router.get("/{package_id}", response_model=UploadState, summary="Upload state: the offset to resume from")
def upload_state(request: Request, session: SessionDep, account: AccountDep,
                 package_id: Annotated[str, sa_path()]) -> UploadState:
    return _state(request, session, account, package_id)


@router.head("/{package_id}", summary="The offset to resume from, in the Upload-Offset header")
def upload_offset(request: Request, session: SessionDep, account: AccountDep,
                  package_id: Annotated[str, sa_path()]) -> Response:
    state = _state(request, session, account, package_id)
    return Response(headers={"Upload-Offset": str(state.offset), "Upload-Committed": str(state.committed).lower()})


@router.put("/{package_id}", response_model=UploadState,
            summary="Append one chunk at ?offset= (must equal the current offset; 409 answers the right one)",
            openapi_extra={"requestBody": {"content": {"application/octet-stream": {"schema": {
                "type": "string", "format": "binary"}}}, "required": True}})
async def put_chunk(request: Request, session: SessionDep, account: AccountDep,
                    package_id: Annotated[str, sa_path()], offset: Annotated[int, Query(ge=0)]) -> UploadState:
    state = await run_in_threadpool(_state, request, session, account, package_id)
    if state.committed:
        raise KnownError("hub.already_committed", package_id=package_id)
    length = int(request.headers.get("content-length") or 0)
    if length > MAX_CHUNK or offset + length > MAX_PACKAGE:
        raise KnownError("hub.too_large", limit=MAX_CHUNK if length > MAX_CHUNK else MAX_PACKAGE)
    data = await _read_body(request, length)
    store = _store(request)

    def append() -> int:
        with store.lock(package_id):
            current = store.offset(account.id, package_id)
            if offset != current:
                raise KnownError("hub.offset_mismatch", offset=current, sent=offset)
            if store.partial_bytes(account.id) + len(data) > request.app.state.partial_quota:
                raise KnownError("hub.upload_quota", limit=request.app.state.partial_quota)
            return store.append(account.id, package_id, data)

    new_offset = await run_in_threadpool(append)
    return UploadState(package_id=package_id, offset=new_offset, committed=False)


async def _read_body(request: Request, length: int) -> bytes:
    """The whole chunk or nothing: a body cut short (the connection dropped) is not written."""
    parts, received = [], 0
    try:
        async for part in request.stream():
            received += len(part)
            if received > MAX_CHUNK:
                raise KnownError("hub.too_large", limit=MAX_CHUNK)
            parts.append(part)
    except ClientDisconnect:
        pass  # the answer below goes nowhere; what matters is that nothing is written

    if received != length:
        raise KnownError("hub.upload_mismatch", package_id=request.path_params["package_id"], size=received,
                         expected=length)
    return b"".join(parts)


@router.post("/{package_id}/commit", summary="Verify the uploaded package and answer its receipt (idempotent)")
def commit_package(request: Request, session: SessionDep, account: AccountDep,
                   package_id: Annotated[str, sa_path()],
                   body: Annotated[CommitRequest | None, Body()] = None) -> dict[str, Any]:
    if account.role != "inspector":
        raise KnownError("hub.role_cannot_push", role=account.role)
    expected = {k: v for k, v in (body.model_dump() if body else {}).items() if v is not None}
    store = _store(request)
    with store.lock(package_id):
        try:
            receipt = receiving.commit(session, store, account, package_id, expected,
                                       request.app.state.opinion_reader)
            session.commit()
        except sa.exc.IntegrityError:  # another connection committed the same id a moment before
            session.rollback()
            existing = receiving.existing_receipt(session, account, package_id, expected.get("sha256"))
            if existing is None:
                raise
            receipt = existing
    return receipt


@router.get("", response_model=PackageList,
            summary="Packages of the caller's jurisdiction that it did not send, after a cursor")
def list_packages(session: SessionDep, account: AccountDep, after: Annotated[int, Query(ge=0)] = 0,
                  limit: Annotated[int, Query(ge=1, le=PAGE)] = PAGE) -> PackageList:
    require_role(account, "inspector")
    rows = list(session.scalars(
        sa.select(Package)
        .where(Package.seq > after, Package.account_id != account.id,
               Package.jurisdiction.startswith(region_prefix(account.jurisdiction)))
        .order_by(Package.seq).limit(limit)
    ))
    entries = [PackageEntry(
        seq=r.seq, package_id=r.package_id, size=r.size, sha256=r.sha256, manifest_sha256=r.manifest_sha256,
        department=r.department, jurisdiction=r.jurisdiction, project_id=r.project_id, discipline=r.discipline,
        received_at=r.receipt["received_at"]) for r in rows]
    return PackageList(packages=entries, next_cursor=rows[-1].seq if rows else after)


@router.get("/{package_id}/file", summary="Download a committed package (application/zip)",
            response_class=FileResponse)
def download(request: Request, session: SessionDep, account: AccountDep,
             package_id: Annotated[str, sa_path()]) -> FileResponse:
    require_role(account, "inspector")  # the registry takes the signed PDFs from its feed, not whole packages
    row = session.scalar(sa.select(Package).where(Package.package_id == package_id))
    if row is None or not row.jurisdiction.startswith(region_prefix(account.jurisdiction)):
        raise KnownError("hub.not_found", package_id=package_id)  # another jurisdiction's: as if absent
    audit(session, "download", account, package_id=package_id)
    session.commit()
    return FileResponse(_store(request).committed(package_id), media_type="application/zip",
                        filename=f"{package_id}.acpkg", headers={"X-Sha256": row.sha256})


def sa_path() -> Any:
    from fastapi import Path as PathParam

    return PathParam(pattern=PACKAGE_ID)
