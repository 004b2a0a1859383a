"""What every route needs: the caller's account from its bearer token, a session per request, errors as JSON.

Errors answer ``{"code", "params", "message"}``: the code is the same KnownError code the laptop shows in
Chinese (acceptance_app/text/hub.py), the message is the English text for anyone reading raw HTTP.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Annotated

from fastapi import Depends, Request
from fastapi.responses import JSONResponse
from sqlalchemy.orm import Session

from acceptance_app.domain.problems import KnownError
from acceptance_app.hub.accounts import account_for_token, audit, token_refusal
from acceptance_app.hub.models import Account

STATUS = {
    "hub.unauthorized": 401,
    "hub.forbidden_role": 403,
    "hub.role_cannot_push": 403,
    "hub.wrong_department": 403,
    "hub.wrong_jurisdiction": 403,
    "hub.wrong_key": 403,
    "hub.foreign_results": 403,
    "hub.owner_relabelled": 403,
    "hub.registration_not_lead": 403,
    "hub.not_found": 404,
    "hub.package_id_taken": 409,
    "hub.offset_mismatch": 409,
    "hub.already_committed": 409,
    "hub.key_registered": 409,
    "hub.upload_mismatch": 409,
    "hub.nothing_uploaded": 409,
    "hub.too_large": 413,
    "hub.upload_quota": 413,
}


def session_dependency(request: Request) -> Iterator[Session]:
    # Routes that write call session.commit() themselves, before they answer: a receipt must never be sent
    # for a row that is not yet durable (when a dependency's exit code runs differs between FastAPI versions).
    with request.app.state.sessions() as session:
        yield session


SessionDep = Annotated[Session, Depends(session_dependency)]


def current_account(request: Request, session: SessionDep) -> Account:
    header = request.headers.get("authorization", "")
    scheme, _, token = header.partition(" ")
    account = account_for_token(session, token.strip()) if scheme.lower() == "bearer" and token else None
    refusal = token_refusal(account)
    if refusal:
        # In a transaction of its own: the request's session is rolled back with the refusal.
        with request.app.state.sessions() as log:
            audit(log, "auth_failed", account, reason=refusal if token else "missing",
                  path=request.url.path, client=request.client.host if request.client else "")
            log.commit()
        raise KnownError("hub.unauthorized")
    assert account is not None  # token_refusal refuses a missing account
    return account


AccountDep = Annotated[Account, Depends(current_account)]


def require_role(account: Account, role: str) -> None:
    if account.role != role:
        raise KnownError("hub.forbidden_role", role=account.role, needed=role)


def known_error_response(request: Request, error: Exception) -> JSONResponse:
    assert isinstance(error, KnownError)
    from acceptance_app.text import english_text  # the hub's HTTP answers are its user interface

    status = STATUS.get(error.code, 422)  # exchange.* (verify_package refused the package): 422
    params = {k: v if isinstance(v, int | float | bool | None) else str(v) for k, v in error.params.items()}
    body = {"code": error.code, "params": params, "message": english_text(error)}
    headers = {"WWW-Authenticate": "Bearer"} if status == 401 else None
    return JSONResponse(body, status_code=status, headers=headers)
