"""The working-day calendar the app counts deadlines with, and what happens when a year's table arrives.

Which table counts for a year, lowest to highest (a higher one replaces a lower one for its year):
1. the chinese-calendar package, where it knows the year (the default);
2. the files shipped with the forms (``forms/calendar/<year>.json``);
3. tables installed here from a file (``calendar install``) or received in an exchange package, the latest
   installed first (``calendar_tables``): how an office's table reaches the field through the hub;
4. the office's own forms folder (the ``forms_dir`` setting), ``calendar/<year>.json``.

A year none of them knows is counted on weekends only; a finding's deadline counted so is stored with
``deadline_provisional`` and recomputed by ``refresh_deadlines`` once the table is there, with a finding
event (its history and the 整改 dashboard show it) and the audit entry every change gets.
"""

from __future__ import annotations

import logging
import uuid
from dataclasses import dataclass
from datetime import datetime, timedelta
from functools import cache
from pathlib import Path

import sqlalchemy as sa
from sqlalchemy.orm import Session

from acceptance_app.domain.enums import FindingStatus
from acceptance_app.domain.findings import FindingAction
from acceptance_app.domain.problems import KnownError
from acceptance_app.domain.working_days import PROVISIONAL_MARK, WorkingCalendar, YearTable, package_tables
from acceptance_app.locator import forms_dir
from acceptance_app.services.changes import Changes
from acceptance_app.storage.calendar_files import FOLDER, parse_table, read_folder
from acceptance_app.storage.calendar_files import read_table as read_table  # the CLI checks a file with it
from acceptance_app.storage.models import CalendarTable, Finding, FindingEvent, utcnow

log = logging.getLogger(__name__)


OFFICE_FOLDER_KEY = "calendar_dir"  # session.info: the office's calendar folder, set by the composition root
RECENT_DAYS = 30  # how long the 整改 dashboard shows a recomputed deadline


@cache
def _shipped() -> tuple[YearTable, ...]:
    return read_folder(forms_dir() / FOLDER)


@cache
def _package() -> tuple[YearTable, ...]:
    return package_tables()


def office_folder(forms_folder: Path | None) -> Path | None:
    """The calendar folder of an office's forms folder (None for the shipped forms)."""
    if forms_folder is None:
        return None
    folder = Path(forms_folder).expanduser() / FOLDER
    return None if folder.resolve() == (forms_dir() / FOLDER).resolve() else folder


def _installed(session: Session) -> list[YearTable]:
    tables = []
    rows = session.execute(sa.select(CalendarTable.sha256, CalendarTable.content)
                           .order_by(CalendarTable.created_at, CalendarTable.sha256))
    for sha256, content in rows:
        try:
            tables.append(parse_table(content, f"calendar_tables/{sha256[:12]}"))
        except KnownError as error:  # checked when installed; a damaged row must not stop every deadline
            log.warning("holiday table %s skipped: %s %s", sha256[:12], error.code, error.params)
    return tables


def calendar_for(session: Session) -> WorkingCalendar:
    """The calendar this session's deadlines are counted with (the layers in the module's docstring)."""
    folder = session.info.get(OFFICE_FOLDER_KEY)
    office = read_folder(Path(folder)) if folder else ()
    return WorkingCalendar.of((*_package(), *_shipped(), *_installed(session), *office))


def mark(provisional: bool) -> str:
    """What is printed after a date counted without its year's table."""
    return f"（{PROVISIONAL_MARK}）" if provisional else ""


# Installing a table ---------------------------------------------------------------------------------
def install_table(session: Session, data: bytes, name: str) -> tuple[YearTable, int, Changes]:
    """Checks a year's table file and keeps it here (and in every package sent from here); then recomputes
    the deadlines it settles. Returns the table and how many deadlines were recomputed."""
    table = parse_table(data, name)  # raises, naming the file and the problem, before anything changes
    if session.get(CalendarTable, table.sha256) is None:
        session.add(CalendarTable(sha256=table.sha256, year=table.year, content=data,
                                  installed_by=str(session.info.get("actor", ""))))
        session.flush()
    recomputed, changes = refresh_deadlines(session)
    return table, recomputed, changes | Changes(finding=True)


@dataclass(frozen=True)
class YearSource:
    year: int
    source: str
    where: str  # package | shipped | installed | office


def known_years(session: Session) -> list[YearSource]:
    """Which table counts for each known year, and where it comes from (for ``calendar show``)."""
    folder = session.info.get(OFFICE_FOLDER_KEY)
    layers: tuple[tuple[str, tuple[YearTable, ...]], ...] = (
        ("package", _package()), ("shipped", _shipped()), ("installed", tuple(_installed(session))),
        ("office", read_folder(Path(folder)) if folder else ()))
    chosen: dict[int, YearSource] = {}
    for where, tables in layers:
        for table in tables:
            chosen[table.year] = YearSource(table.year, table.source, where)
    return [chosen[y] for y in sorted(chosen)]


# Recomputing provisional deadlines ------------------------------------------------------------------
def refresh_deadlines(session: Session, calendar: WorkingCalendar | None = None) -> tuple[int, Changes]:
    """Recomputes every unresolved deadline that was counted on weekends only and whose years are now
    known. The finding keeps its working days; its history says from which date to which, and why."""
    calendar = calendar or calendar_for(session)
    pending = session.scalars(sa.select(Finding).where(
        Finding.deadline_provisional.is_(True), Finding.status != FindingStatus.CLOSED))
    actor = str(session.info.get("actor", ""))
    count = 0
    for finding in pending:
        new = calendar.deadline(finding.opened_on, finding.deadline_days)
        if new.provisional:
            continue  # still a year without its table: wait for it
        # The years the weekend-only count did not know: from the old deadline's year to the new one's.
        years = range(finding.deadline.year, new.day.year + 1)
        sources = "；".join(calendar.tables[y].source for y in years if y in calendar.tables)
        note = (f"{finding.deadline:%Y-%m-%d}{mark(True)} → {new.day:%Y-%m-%d}，"
                f"依据{sources or '节假日安排'}重新计算（{finding.deadline_days}个工作日）")
        finding.deadline, finding.deadline_provisional = new.day, False
        finding.events.append(FindingEvent(id=uuid.uuid4(), action=FindingAction.DEADLINE_RECOMPUTED,
                                           status_after=finding.status, at=utcnow(), by=actor, note=note))
        count += 1
    if count:
        session.flush()
    return count, Changes(finding=True) if count else Changes()


@dataclass(frozen=True)
class Recomputed:
    finding_id: uuid.UUID
    at: datetime
    note: str


def recent_recomputations(session: Session, project_id: uuid.UUID, now: datetime | None = None) -> list[Recomputed]:
    """Deadlines of the project recomputed in the last RECENT_DAYS days, the latest first (dashboard notice)."""
    since = (now or utcnow()) - timedelta(days=RECENT_DAYS)
    rows = session.execute(
        sa.select(FindingEvent.finding_id, FindingEvent.at, FindingEvent.note)
        .join(Finding, Finding.id == FindingEvent.finding_id)
        .where(Finding.project_id == project_id, FindingEvent.action == FindingAction.DEADLINE_RECOMPUTED,
               FindingEvent.at >= since)
        .order_by(FindingEvent.at.desc())
    )
    return [Recomputed(finding_id, at, note) for finding_id, at, note in rows]
