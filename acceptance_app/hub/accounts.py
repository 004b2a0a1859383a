"""Hub accounts: tokens are random, shown once, stored only as their sha256 (a stolen database holds no
usable token). Scope = one department and one jurisdiction (a region code; 370100 covers 3701xx).

A token can be revoked at once (``disable``; a lost laptop), replaced (``rotate_token``: the old one stops
working in the same transaction) and expires (``token_expires_at``, 365 days by default, set again on rotation).
Every change is written to the hub's audit table (models.AuditEvent), and so is every refused token."""

from __future__ import annotations

import hashlib
import re
import secrets
import uuid
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

import sqlalchemy as sa
from sqlalchemy.orm import Session

from acceptance_app.domain.enums import Department
from acceptance_app.domain.problems import KnownError
from acceptance_app.hub.models import Account, AuditEvent

ROLES = ("inspector", "registry")
LEAD_DEPARTMENT = Department.HOUSING.value


def hash_token(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


def region_prefix(jurisdiction: str) -> str:
    """The prefix of the region codes a jurisdiction covers: 370000 -> 37, 370100 -> 3701, 370102 -> 370102."""
    prefix = jurisdiction
    while len(prefix) > 2 and prefix.endswith("00"):
        prefix = prefix[:-2]
    return prefix


def covers(jurisdiction: str, region_code: str) -> bool:
    return bool(region_code) and region_code.startswith(region_prefix(jurisdiction))


@dataclass(frozen=True)
class NewAccount:
    account: Account
    token: str  # shown once to the administrator, never stored


DEFAULT_TOKEN_DAYS = 365


def _expiry(days: int | None) -> datetime | None:
    """``days`` from now; 0 or None: the token does not expire."""
    if days is not None and not 0 <= days <= 3650:
        raise KnownError("hub.bad_token_days", value=days)
    return datetime.now(UTC) + timedelta(days=days) if days else None


def new_token() -> str:
    """A bearer token an inspector types or pastes after ``sync login --token``: URL-safe base64 can begin with
    "-", which the command line would read as an option (one token in 64 did), so it begins with a letter."""
    return "t" + secrets.token_urlsafe(32)


def add_account(session: Session, *, name: str, department: str, jurisdiction: str,
                role: str = "inspector", token_days: int | None = DEFAULT_TOKEN_DAYS) -> NewAccount:
    if department not in {d.value for d in Department}:
        raise KnownError("hub.bad_department", value=department)
    if not re.fullmatch(r"\d{6}", jurisdiction):
        raise KnownError("hub.bad_jurisdiction", value=jurisdiction)
    if role not in ROLES:
        raise KnownError("hub.bad_role", value=role)
    token = new_token()
    account = Account(name=name, department=department, jurisdiction=jurisdiction, role=role,
                      token_hash=hash_token(token), token_expires_at=_expiry(token_days))
    session.add(account)
    session.flush()
    audit(session, "account_added", account, role=role, expires=_iso(account.token_expires_at))
    return NewAccount(account, token)


def list_accounts(session: Session) -> list[Account]:
    return list(session.scalars(sa.select(Account).order_by(Account.created_at, Account.name)))


def account_for_token(session: Session, token: str) -> Account | None:
    return session.scalar(sa.select(Account).where(Account.token_hash == hash_token(token)))


def token_refusal(account: Account | None, now: datetime | None = None) -> str:
    """Why a token is not accepted ("" when it is): unknown, disabled or expired."""
    if account is None:
        return "unknown"
    if account.disabled_at is not None:
        return "disabled"
    expires = _aware(account.token_expires_at)
    if expires is not None and expires <= (now or datetime.now(UTC)):
        return "expired"
    return ""


def find_account(session: Session, key: str) -> Account:
    """An account by its id or its (unique) name, for the administrator's commands."""
    try:
        found = session.get(Account, uuid.UUID(key))
    except ValueError:
        matches = list(session.scalars(sa.select(Account).where(Account.name == key)))
        if len(matches) > 1:
            raise KnownError("hub.account_ambiguous", name=key, count=len(matches)) from None
        found = matches[0] if matches else None
    if found is None:
        raise KnownError("hub.no_such_account", name=key)
    return found


def set_disabled(session: Session, account: Account, disabled: bool, by: str = "") -> None:
    """Revoke (or restore) the account's token with immediate effect: the next request is refused."""
    account.disabled_at = datetime.now(UTC) if disabled else None
    audit(session, "account_disabled" if disabled else "account_enabled", account, by=by)
    session.flush()


def rotate_token(session: Session, account: Account, token_days: int | None = DEFAULT_TOKEN_DAYS,
                 by: str = "") -> str:
    """A new token for the account; the old one stops working when this commits."""
    token = new_token()
    account.token_hash = hash_token(token)
    account.token_expires_at = _expiry(token_days)
    audit(session, "token_rotated", account, by=by, expires=_iso(account.token_expires_at))
    session.flush()
    return token


def audit(session: Session, action: str, account: Account | None, **detail: object) -> None:
    session.add(AuditEvent(action=action, account_id=account.id if account else None,
                           account_name=account.name if account else "",
                           detail={k: v for k, v in detail.items() if v not in (None, "")}))


def _aware(value: datetime | None) -> datetime | None:
    # SQLite hands back naive datetimes for timezone-aware columns: they were stored in UTC.
    return value.replace(tzinfo=UTC) if value is not None and value.tzinfo is None else value


def _iso(value: datetime | None) -> str:
    return value.isoformat() if value else ""
