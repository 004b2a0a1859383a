"""``/account``: who the token is, and registering the device key it signs packages with."""

from __future__ import annotations

from fastapi import APIRouter
from pydantic import BaseModel

from acceptance_app.domain.problems import KnownError
from acceptance_app.hub.web import AccountDep, SessionDep

router = APIRouter(prefix="/account", tags=["account"])


class AccountInfo(BaseModel):
    name: str
    department: str
    jurisdiction: str
    role: str
    public_key: str


class KeyRequest(BaseModel):
    public_key: str


def _info(account: object) -> AccountInfo:
    return AccountInfo.model_validate(account, from_attributes=True)


@router.get("", response_model=AccountInfo, summary="The caller's account and scope")
def whoami(account: AccountDep) -> AccountInfo:
    return _info(account)


@router.put("/key", response_model=AccountInfo,
            summary="Register the device's Ed25519 public key (once; the same key again is harmless)")
def register_key(session: SessionDep, account: AccountDep, body: KeyRequest) -> AccountInfo:
    if account.public_key and account.public_key != body.public_key:
        raise KnownError("hub.key_registered", account=account.name)
    account.public_key = body.public_key
    session.commit()
    return _info(account)
