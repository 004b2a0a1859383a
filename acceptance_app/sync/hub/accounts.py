"""Hub accounts: tokens are random, shown once, stored only as their sha256 (a stolen database holds no
usable token). Scope = one department and one jurisdiction (a region code; 370100 covers 3701xx)."""

from __future__ import annotations

import hashlib
import re
import secrets
from dataclasses import dataclass

import sqlalchemy as sa
from sqlalchemy.orm import Session

from acceptance_app.domain.enums import Department
from acceptance_app.domain.problems import KnownError
from acceptance_app.sync.hub.models import Account

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


def add_account(session: Session, *, name: str, department: str, jurisdiction: str,
                role: str = "inspector") -> NewAccount:
    if department not in {d.value for d in Department}:
        raise KnownError("hub.bad_department", value=department)
    if not re.fullmatch(r"\d{6}", jurisdiction):
        raise KnownError("hub.bad_jurisdiction", value=jurisdiction)
    if role not in ROLES:
        raise KnownError("hub.bad_role", value=role)
    token = secrets.token_urlsafe(32)
    account = Account(name=name, department=department, jurisdiction=jurisdiction, role=role,
                      token_hash=hash_token(token))
    session.add(account)
    session.flush()
    return NewAccount(account, token)


def list_accounts(session: Session) -> list[Account]:
    return list(session.scalars(sa.select(Account).order_by(Account.created_at, Account.name)))


def account_for_token(session: Session, token: str) -> Account | None:
    return session.scalar(sa.select(Account).where(Account.token_hash == hash_token(token)))
