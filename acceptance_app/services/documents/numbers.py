"""Blocks of document serials: granting them (the lead's office or the hub), taking the next free serial.

One authority per jurisdiction hands out the blocks: the hub (``request_blocks``), or, without a hub, the lead's
office laptop, which keeps its register in the same table (rows of other devices) and prints the block for the
field laptop to enter (``grant_block`` then ``add_block`` there). A laptop only ever takes serials from its
own blocks (the device id recorded on the block), so a copied database cannot reuse the blocks of the laptop it
was copied from.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

import sqlalchemy as sa
from sqlalchemy.orm import Session

from acceptance_app.domain.document_numbers import Block, BlockOverlap, check_new_block
from acceptance_app.domain.problems import KnownError
from acceptance_app.storage.models import NumberBlock

DEFAULT_BLOCK = 50


@dataclass(frozen=True)
class BlockRow:
    series: str
    year: int
    device: str
    first: int
    last: int
    next: int
    granted_by: str

    @property
    def free(self) -> int:
        return max(0, self.last - self.next + 1)


def device_of(session: Session) -> str:
    return str(session.info.get("device_id") or "LOCAL")


def _blocks(session: Session, series: str, year: int, device: str | None = None) -> list[Block]:
    where = [NumberBlock.series == series, NumberBlock.year == year]
    if device is not None:
        where.append(NumberBlock.device == device)
    return [Block(b.series, b.year, b.first, b.last, b.next) for b in session.scalars(sa.select(NumberBlock).where(*where))]


def add_block(session: Session, series: str, year: int, first: int, last: int, granted_by: str,
              device: str | None = None) -> BlockRow:
    """Record a block granted to ``device`` (this laptop when None). Refuses a block that overlaps one this
    database already holds for any device: entering the same block twice must not print a number twice."""
    if not series or year < 2000:
        raise KnownError("numbers.bad_block", series=series, year=year, first=first, last=last)
    new = Block(series, year, first, last, first)
    try:
        check_new_block(_blocks(session, series, year), new)
    except BlockOverlap as overlap:
        if first < 1 or last < first:
            raise KnownError("numbers.bad_block", series=series, year=year, first=first, last=last) from None
        raise KnownError("numbers.block_overlap", series=series, year=year, first=first, last=last,
                         held=str(overlap)) from None
    row = NumberBlock(series=series, year=year, device=device or device_of(session), first=first, last=last,
                      next=first, granted_by=granted_by[:100])
    session.add(row)
    session.flush()
    return _row(row)


def grant_block(session: Session, series: str, year: int, device: str, count: int = DEFAULT_BLOCK,
                granted_by: str = "office") -> BlockRow:
    """The lead's office hands ``device`` the next ``count`` serials after every block it has granted."""
    if count < 1:
        raise KnownError("numbers.bad_block", series=series, year=year, first=1, last=count)
    highest = session.scalar(sa.select(sa.func.max(NumberBlock.last)).where(
        NumberBlock.series == series, NumberBlock.year == year)) or 0
    return add_block(session, series, year, highest + 1, highest + count, granted_by, device)


def take_serial(session: Session, series: str, year: int) -> int | None:
    """The next free serial of this laptop's blocks, taken in its own committed transaction (never rolled back
    with the caller's work: a crash after this loses the serial instead of reusing it); None when no block has
    one left. Call before the session writes (SQLite has one writer)."""
    if session.connection().connection.driver_connection.in_transaction:  # type: ignore[union-attr]
        raise RuntimeError("take_serial must run before the session writes (SQLite has one writer)")
    device = device_of(session)
    pick = (sa.select(NumberBlock.id).where(NumberBlock.series == series, NumberBlock.year == year,
                                            NumberBlock.device == device, NumberBlock.next <= NumberBlock.last)
            .order_by(NumberBlock.first).limit(1).scalar_subquery())
    statement = (sa.update(NumberBlock).where(NumberBlock.id == pick).values(next=NumberBlock.next + 1)
                 .returning(NumberBlock.next))
    with session.get_bind().connect() as connection:  # type: ignore[union-attr]  # sessions are bound to an Engine
        taken = connection.execute(statement).scalar_one_or_none()
        connection.commit()
    return None if taken is None else taken - 1


def list_blocks(session: Session, device: str | None = None) -> list[BlockRow]:
    query = sa.select(NumberBlock).order_by(NumberBlock.series, NumberBlock.year, NumberBlock.first)
    if device is not None:
        query = query.where(NumberBlock.device == device)
    return [_row(b) for b in session.scalars(query)]


def _row(b: NumberBlock) -> BlockRow:
    return BlockRow(b.series, b.year, b.device, b.first, b.last, b.next, b.granted_by)


def free_serials(session: Session, series: str, year: int) -> int:
    return sum(b.free for b in _blocks(session, series, year, device_of(session)))


def request_blocks_from_hub(session: Session, url: str, token: str, series: Iterable[str], year: int,
                           count: int = DEFAULT_BLOCK) -> list[BlockRow]:
    """``request_blocks`` through a connection to the hub at ``url``."""
    from acceptance_app.sync.client import HubClient

    with HubClient(url, token) as client:
        return request_blocks(session, client, series, year, count)


def request_blocks(session: Session, client: object, series: Iterable[str], year: int,
                   count: int = DEFAULT_BLOCK) -> list[BlockRow]:
    """Ask the hub for a block of each series (``client``: sync.client.HubClient) and record what it grants."""
    device = device_of(session)
    rows = []
    for name in series:
        granted = client.number_block(name, year, count, device)  # type: ignore[attr-defined]
        rows.append(add_block(session, granted["series"], int(granted["year"]), int(granted["first"]),
                              int(granted["last"]), f"hub {granted.get('grant_id', '')}".strip(), device))
    return rows


def grant_demo_blocks(session: Session, organ_code: str, year: int, count: int = DEFAULT_BLOCK) -> list[BlockRow]:
    """The demo's laptop as the lead's office would leave it: a block of each series of the organ."""
    from acceptance_app.domain.document_numbers import TYPE_WORD

    return [grant_block(session, organ_code + word, year, device_of(session), count, "演示：牵头部门发放")
            for word in TYPE_WORD.values()]
