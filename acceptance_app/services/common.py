"""What every use case shares: the typed get-or-raise and the error of a record that is not there."""

from __future__ import annotations

import uuid
from typing import Any, TypeVar

from sqlalchemy.orm import Session

from acceptance_app.domain.problems import KnownError

M = TypeVar("M")


class NotFound(KnownError):
    def __init__(self, what: str, key: object) -> None:
        super().__init__("not_found", what=what, key=str(key))


def get_or_raise(session: Session, model: type[M], key: uuid.UUID | Any) -> M:
    """The row of ``model`` with primary key ``key``, typed as ``model``; NotFound (a message naming the table
    and the key) when there is none."""
    row = session.get(model, key)
    if row is None:
        raise NotFound(getattr(model, "__tablename__", model.__name__), key)
    return row
