"""The sync table policy, in one place: which tables an exchange package carries, in which order, by which key,
and who owns their rows. ``records`` (encoding, order), ``ownership`` (who may change what) and the hub's scope
check read it from here.

- context: inspectors, projects, parties, units; anyone may add them (another department's results cannot be
  read without them), only the lead department changes them.
- shared: content-addressed (form snapshots and holiday tables by SHA-256, photos); never change, anyone may
  add them.
- lead: the lead department's own records (commitments, the procedure clock, documents, signatures).
- result: each discipline's results, owned by the department of the discipline.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

Kind = Literal["context", "shared", "lead", "result"]


@dataclass(frozen=True)
class SyncedTable:
    name: str
    kind: Kind
    key: str = "id"
    has_discipline: bool = False  # the row names its discipline itself (the others inherit it from a parent)


# Parents before children: the order rows are inserted in.
SYNCED_TABLES: tuple[SyncedTable, ...] = (
    SyncedTable("inspectors", "context"),
    SyncedTable("projects", "context"),
    SyncedTable("parties", "context"),
    SyncedTable("units", "context"),
    SyncedTable("form_snapshots", "shared", key="sha256"),
    SyncedTable("calendar_tables", "shared", key="sha256"),
    SyncedTable("inspections", "result", has_discipline=True),
    SyncedTable("answers", "result", has_discipline=True),
    SyncedTable("findings", "result", has_discipline=True),
    SyncedTable("finding_events", "result"),
    SyncedTable("commitments", "lead"),
    # The clock of the procedure (受理, 现场验收, 暂停, 出具意见 …): kept by the lead, carried so that every laptop
    # and the hub count the same days (the 2023 measures ask for no hidden time).
    SyncedTable("procedure_events", "lead"),
    SyncedTable("photos", "shared"),
    SyncedTable("photo_links", "result"),
    SyncedTable("photo_annotations", "result"),
    SyncedTable("documents", "lead"),
    SyncedTable("document_signatures", "lead"),
)
BY_NAME = {t.name: t for t in SYNCED_TABLES}
TABLE_NAMES: tuple[str, ...] = tuple(t.name for t in SYNCED_TABLES)


def names_of(kind: Kind) -> frozenset[str]:
    return frozenset(t.name for t in SYNCED_TABLES if t.kind == kind)


WITH_DISCIPLINE: tuple[str, ...] = tuple(t.name for t in SYNCED_TABLES if t.has_discipline)
