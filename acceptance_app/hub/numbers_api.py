"""``/numbers/blocks``: a block of document serials for the caller's laptop, in the caller's jurisdiction.

The next block starts after the highest serial granted in that series and year; the unique constraint on
(jurisdiction, series, year, first) makes two concurrent grants of the same range fail instead of overlapping
(the loser retries).
"""

from __future__ import annotations

import sqlalchemy as sa
from fastapi import APIRouter
from pydantic import BaseModel, Field
from sqlalchemy.exc import IntegrityError

from acceptance_app.hub.models import NumberGrant
from acceptance_app.hub.web import AccountDep, SessionDep

router = APIRouter(prefix="/numbers", tags=["numbers"])


class BlockRequest(BaseModel):
    series: str = Field(min_length=1, max_length=20)
    year: int = Field(ge=2000, le=2100)
    count: int = Field(ge=1, le=500)
    device: str = Field(min_length=1, max_length=32)


class BlockGrant(BaseModel):
    grant_id: str
    series: str
    year: int
    first: int
    last: int


@router.post("/blocks", response_model=BlockGrant, summary="Grant the caller's laptop a block of serials")
def grant(session: SessionDep, account: AccountDep, body: BlockRequest) -> BlockGrant:
    for _attempt in range(5):
        highest = session.scalar(sa.select(sa.func.max(NumberGrant.last)).where(
            NumberGrant.jurisdiction == account.jurisdiction, NumberGrant.series == body.series,
            NumberGrant.year == body.year)) or 0
        row = NumberGrant(jurisdiction=account.jurisdiction, series=body.series, year=body.year, first=highest + 1,
                          last=highest + body.count, device=body.device, account_id=account.id)
        session.add(row)
        try:
            session.commit()  # durable before the answer: a block answered is never granted again
        except IntegrityError:
            session.rollback()
            continue
        return BlockGrant(grant_id=str(row.id), series=row.series, year=row.year, first=row.first, last=row.last)
    raise RuntimeError("could not grant a block after 5 attempts")
