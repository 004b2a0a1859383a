"""Who may change which record: each discipline's results belong to its department, the rest to the lead.

A package may change only the records its sender's department owns; the lead department (住建, which also
holds 消防) relays everyone's. Context records (inspectors, projects, parties, units) may be added by
anyone, because another department's results cannot be read without them, but only the lead changes them.
Content-addressed records (form snapshots, holiday tables, photos) never change; anyone may add them.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from typing import Any

from acceptance_app.domain.enums import DEPARTMENT_OF, Department, Discipline
from acceptance_app.sync.tables import names_of

LEAD = Department.HOUSING
# Which table is which: sync/tables.py, the one place of the table policy.
CONTEXT_TABLES = names_of("context")
SHARED_TABLES = names_of("shared")
LEAD_TABLES = names_of("lead")
RESULT_TABLES = names_of("result")

# Given an inspection or finding id, its discipline (from the package or the database), or None if unknown.
DisciplineOf = Callable[[str, uuid.UUID], Discipline | None]
# Given a photo id, the departments owning its links (for annotations).
LinkOwners = Callable[[uuid.UUID], set[Department]]


def owner(name: str, row: dict[str, Any], discipline_of: DisciplineOf, link_owners: LinkOwners) -> set[Department]:
    """The departments that own a record (more than one only for a photo's annotation layer).

    ``row`` is the local row when this laptop holds one, else the arriving one; ``discipline_of`` answers from
    the local database first. An answer or finding belongs to its inspection's discipline, never to the
    ``discipline`` column a package writes on it (a relabelled row must not move to the sender)."""
    if name == "inspections":
        return {DEPARTMENT_OF[discipline_of("inspections", row["id"]) or Discipline(row["discipline"])]}
    if name in ("answers", "findings"):
        found = discipline_of("inspections", row["inspection_id"])
        return {DEPARTMENT_OF[found or Discipline(row["discipline"])]}
    if name == "finding_events":
        found = discipline_of("findings", row["finding_id"])
        return {DEPARTMENT_OF[found]} if found else {LEAD}
    if name == "photo_links":
        for table, column in (("inspections", "inspection_id"), ("findings", "finding_id")):
            if row.get(column) is not None:
                found = discipline_of(table, row[column])
                return {DEPARTMENT_OF[found]} if found else {LEAD}
        return {LEAD}
    if name == "photo_annotations":
        return link_owners(row["photo_id"]) or {LEAD}
    return {LEAD}


# Columns that decide a result row's owner: a package may never change them on a row this laptop holds.
OWNER_COLUMNS = {"inspections": ("discipline",), "answers": ("discipline", "inspection_id"),
                 "findings": ("discipline", "inspection_id"), "finding_events": ("finding_id",),
                 "photo_links": ("inspection_id", "finding_id")}


def relabelled(name: str, arriving: dict[str, Any], local: dict[str, Any] | None) -> str | None:
    """The owner-deciding column the package changed on an existing row, or None."""
    if local is None:
        return None
    for column in OWNER_COLUMNS.get(name, ()):
        if text(arriving.get(column)) != text(local.get(column)):
            return column
    return None


def text(value: Any) -> str:
    return "" if value is None else str(getattr(value, "value", value))


def may_insert(sender: Department, name: str, owners: set[Department]) -> bool:
    return sender is LEAD or name in CONTEXT_TABLES or name in SHARED_TABLES or sender in owners


def may_update(sender: Department, name: str, owners: set[Department]) -> bool:
    if name in SHARED_TABLES:
        return False  # content-addressed: the same key always means the same content
    return sender is LEAD or (name in RESULT_TABLES and sender in owners)
