"""Merging a verified package into the local database, in the caller's one transaction.

Per record, by key: a new one is inserted (parents first); an identical one is left; one the sender changed
while the local copy is unchanged since the last exchange (``sync_row_versions``, or the version the sender
says its copy was based on) takes the sender's version; one changed on both sides stays as it is locally
and the sender's version is stored next to it in ``sync_conflicts``. Records the sender's department does
not own are skipped and counted (sync.ownership), and so are the records that depend on a skipped one.
Two live answers to the same item and scope from two devices are a conflict too: the arriving one waits in
``sync_conflicts`` and is not inserted, so the "one live answer" rule holds.
"""

from __future__ import annotations

import uuid
from collections import Counter
from dataclasses import dataclass, field
from functools import cache
from typing import Any

import sqlalchemy as sa
from sqlalchemy.orm import Session

from acceptance_app.domain import field_rules
from acceptance_app.domain.enums import Department, Discipline
from acceptance_app.domain.problems import KnownError
from acceptance_app.storage.models import Answer, SyncConflict, utcnow
from acceptance_app.sync import ownership
from acceptance_app.sync.merge_store import Writer, existing_keys, load_rows, load_versions
from acceptance_app.sync.package import VerifiedPackage
from acceptance_app.sync.records import TABLES, Row, content_hash, encode_values, key_column, table

_RULED_TABLES = {"projects": "project", "parties": "party", "units": "unit"}
COUNTS = ("inserted", "updated", "unchanged", "conflicts", "skipped_not_owner", "skipped_dependent")
_ANSWER_SCOPE = ("project_id", "unit_id", "discipline", "kind", "round", "item_id")


@dataclass
class MergeOutcome:
    counts: Counter[str] = field(default_factory=Counter)
    by_table: dict[str, Counter[str]] = field(default_factory=dict)
    changed_tables: set[str] = field(default_factory=set)
    present: dict[str, set[str]] = field(default_factory=dict)  # keys that exist after the merge

    def count(self, name: str, what: str, n: int = 1) -> None:
        self.counts[what] += n
        self.by_table.setdefault(name, Counter())[what] += n


@cache
def _foreign_keys(name: str) -> tuple[tuple[str, str], ...]:
    return tuple((fk.parent.key, fk.column.table.name) for fk in table(name).foreign_keys)


def _self_ordered(name: str, rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Rows of a self-referencing table with each referenced row before the rows that refer to it."""
    columns = [c for c, target in _foreign_keys(name) if target == name]
    if not columns:
        return rows
    by_id = {r["id"]: r for r in rows}
    done: set[Any] = set()
    ordered: list[dict[str, Any]] = []

    def visit(row: dict[str, Any], depth: int = 0) -> None:
        if row["id"] in done or depth > len(rows):
            return
        done.add(row["id"])
        for column in columns:
            parent = by_id.get(row[column])
            if parent is not None:
                visit(parent, depth + 1)
        ordered.append(row)

    for row in rows:
        visit(row)
    return ordered


class _Merge:
    def __init__(self, session: Session, package: VerifiedPackage, writer: Writer) -> None:
        self.conn = session.connection()
        self.package = package
        self.manifest = package.manifest
        self.sender = Department(self.manifest.sender.department)
        self.project_id = uuid.UUID(self.manifest.scope.project_id)
        self.writer = writer
        self.out = MergeOutcome()
        self.absent: dict[str, set[str]] = {n: set() for n in TABLES}
        self.remap: dict[str, dict[Any, Any]] = {"photos": {}}
        self.disciplines: dict[tuple[str, str], Discipline] = {}  # of rows the package adds
        self.local_disciplines: dict[tuple[str, str], Discipline | None] = {}
        self.link_departments: dict[str, set[Department]] = {}

    # Lookups for ownership ----------------------------------------------------------------------------------
    def discipline_of(self, name: str, key: uuid.UUID) -> Discipline | None:
        """The local row's discipline first (a package cannot relabel what this laptop holds), then the
        discipline of a row the package adds. A finding's is its inspection's."""
        cache_key = (name, str(key))
        if cache_key not in self.local_disciplines:
            t = table(name)
            column = t.c.inspection_id if name == "findings" else t.c.discipline
            value = self.conn.execute(sa.select(column).where(t.c.id == key)).scalar()
            if value is not None and name == "findings":
                found = self.discipline_of("inspections", value)
            else:
                found = Discipline(value) if value else None
            self.local_disciplines[cache_key] = found
        return self.local_disciplines[cache_key] or self.disciplines.get(cache_key)

    def link_owners(self, photo_id: uuid.UUID) -> set[Department]:
        known = set(self.link_departments.get(str(photo_id), set()))
        t = table("photo_links")
        for row in self.conn.execute(sa.select(t).where(t.c.photo_id == photo_id)):
            known |= ownership.owner("photo_links", dict(row._mapping), self.discipline_of, self.link_owners)
        return known

    # Checks -------------------------------------------------------------------------------------------------
    def _check_fields(self, name: str, row: dict[str, Any]) -> None:
        """The field rules every laptop applies when the values are typed in (domain.field_rules)."""
        entity = _RULED_TABLES.get(name)
        problems = field_rules.check_row(entity, row) if entity else []
        if problems:
            raise KnownError("exchange.field_invalid", table=name, row=str(row[key_column(name)]),
                             field=problems[0].field, rule=problems[0].code)

    def _check_scope(self, name: str, row: dict[str, Any]) -> None:
        key = row[key_column(name)]
        if (name == "projects" and key != self.project_id) or (
            row.get("project_id") is not None and name != "projects" and row["project_id"] != self.project_id
        ):
            raise KnownError("exchange.out_of_scope", table=name, row=str(key))

    def _parents_ok(self, name: str, row: dict[str, Any]) -> bool:
        """False when a parent was skipped; raises when a parent is nowhere."""
        for column, target in _foreign_keys(name):
            value = row[column]
            if value is None:
                continue
            mapped = self.remap.get(target, {}).get(value, value)
            if mapped != value:  # a photo this laptop holds under another id
                value = row[column] = mapped
                if isinstance(row, Row):
                    row.json[column] = str(mapped)
            if str(value) in self.absent[target]:
                return False
            if str(value) not in self.out.present.setdefault(target, set()):
                if not existing_keys(self.conn, target, [value]):
                    raise KnownError("exchange.missing_parent", table=name, row=str(row[key_column(name)]),
                                     column=column, target=str(value))
                self.out.present[target].add(str(value))
        return True

    def _prefetch_parents(self, name: str, rows: list[dict[str, Any]]) -> None:
        for column, target in _foreign_keys(name):
            wanted = {r[column] for r in rows if r[column] is not None} - {None}
            known = self.out.present.setdefault(target, set())
            missing = [v for v in wanted if str(v) not in known and str(v) not in self.absent[target]]
            known |= existing_keys(self.conn, target, missing)

    def _unique_clash(self, name: str, row: dict[str, Any]) -> dict[str, Any] | None:
        """A local row holding one of the row's unique values under another key (made on another laptop)."""
        t = table(name)
        key = key_column(name)
        for constraint in t.constraints:
            if not isinstance(constraint, sa.UniqueConstraint):
                continue
            cols = list(constraint.columns)
            found = self.conn.execute(
                sa.select(t).where(*(c == row[c.key] for c in cols), t.c[key] != row[key])).first()
            if found is not None:
                return dict(found._mapping)
        return None

    def _refuse_relabelling(self, name: str, row: dict[str, Any], mine: dict[str, Any] | None) -> None:
        """Ownership comes from the local row and the parent chain; a package that says otherwise is refused
        whole, whoever sent it: the discipline of an inspection (and what its answers and findings belong to)
        never changes through a package."""
        column = ownership.relabelled(name, row, mine)
        if column is not None:
            raise KnownError("exchange.owner_relabelled", table=name, row=str(row[key_column(name)]),
                             column=column, local=ownership.text(mine[column] if mine else None),
                             sent=ownership.text(row.get(column)))
        if name in ("answers", "findings"):
            parent = self.discipline_of("inspections", row["inspection_id"])
            if parent is not None and parent.value != ownership.text(row["discipline"]):
                raise KnownError("exchange.owner_relabelled", table=name, row=str(row[key_column(name)]),
                                 column="discipline", local=parent.value, sent=ownership.text(row["discipline"]))

    # The merge ----------------------------------------------------------------------------------------------
    def run(self) -> MergeOutcome:
        for name in TABLES:
            rows = self.package.records.get(name, [])
            if rows:
                self._table(name, _self_ordered(name, rows))
        return self.out

    def _remember(self, name: str, row: dict[str, Any]) -> None:
        if name == "inspections":
            self.disciplines[(name, str(row["id"]))] = Discipline(row["discipline"])
        if name == "findings":  # its inspection's, as the owner is computed
            parent = self.discipline_of("inspections", row["inspection_id"])
            self.disciplines[(name, str(row["id"]))] = parent or Discipline(row["discipline"])
        if name == "photo_links":
            owners = ownership.owner(name, row, self.discipline_of, self.link_owners)
            self.link_departments.setdefault(str(row["photo_id"]), set()).update(owners)

    def _table(self, name: str, rows: list[dict[str, Any]]) -> None:
        key = key_column(name)
        for row in rows:
            self._check_scope(name, row)
            self._check_fields(name, row)
            self._remember(name, row)
        self._prefetch_parents(name, rows)
        local = load_rows(self.conn, name, [r[key] for r in rows])
        versions = load_versions(self.conn, name, [str(r[key]) for r in rows])
        bases = self.package.bases.get(name, {})
        present = self.out.present.setdefault(name, set())
        inserts: list[tuple[dict[str, Any], dict[str, Any]]] = []  # (row, its JSON form)
        updates: list[tuple[dict[str, Any], dict[str, Any]]] = []
        for row in rows:
            k = str(row[key])
            if not self._parents_ok(name, row):
                self.absent[name].add(k)
                self.out.count(name, "skipped_dependent")
                continue
            mine = local.get(k)
            self._refuse_relabelling(name, row, mine)
            owners = ownership.owner(name, mine if mine is not None else row, self.discipline_of, self.link_owners)
            remote = row.json if isinstance(row, Row) else encode_values(row)
            remote_hash = content_hash(remote)
            if mine is None:
                self._new(name, row, remote, remote_hash, owners, inserts)
                continue
            present.add(k)
            mine_hash = content_hash(encode_values(mine))
            if mine_hash == remote_hash or name in ownership.SHARED_TABLES:  # same key, same content
                self.writer.agree(name, k, remote_hash)
                self.out.count(name, "unchanged")
            elif versions.get(k) == remote_hash or bases.get(k) == remote_hash:
                # The sender has not changed it since it was agreed: ours is the newer one (or only we changed it).
                self.out.count(name, "unchanged")
            elif not ownership.may_update(self.sender, name, owners):
                self.out.count(name, "skipped_not_owner")
            elif bases.get(k) == mine_hash or versions.get(k) == mine_hash:
                updates.append((mine, row))
                self.writer.agree(name, k, remote_hash)
            else:
                self._conflict(name, mine, remote)
        if name == "answers":
            inserts = self._without_second_live_answers(inserts, {r["id"] for _m, r in updates if r["retired"]})
        self.writer.insert(name, [row for row, _json in inserts], [json for _row, json in inserts])
        self.writer.update(name, updates)
        if inserts or updates:
            self.out.changed_tables.add(name)
        self.out.count(name, "inserted", len(inserts))
        self.out.count(name, "updated", len(updates))

    def _new(self, name: str, row: dict[str, Any], remote: dict[str, Any], remote_hash: str,
             owners: set[Department], inserts: list[tuple[dict[str, Any], dict[str, Any]]]) -> None:
        k = str(row[key_column(name)])
        if not ownership.may_insert(self.sender, name, owners):
            self.absent[name].add(k)
            self.out.count(name, "skipped_not_owner")
            return
        clash = self._unique_clash(name, row)
        if clash is not None and name == "photos":
            self.remap["photos"][row["id"]] = clash["id"]  # the same photo, imported on both laptops
            self.out.present.setdefault(name, set()).add(str(clash["id"]))
            self.out.count(name, "unchanged")
            return
        if clash is not None:
            self.absent[name].add(k)
            self._conflict(name, clash, remote)
            return
        inserts.append((row, remote))
        self.out.present.setdefault(name, set()).add(k)
        self.writer.agree(name, k, remote_hash)

    def _without_second_live_answers(self, inserts: list[tuple[dict[str, Any], dict[str, Any]]],
                                     retiring: set[Any]) -> list[tuple[dict[str, Any], dict[str, Any]]]:
        live = [r for r, _json in inserts if not r["retired"]]
        if not live:
            return inserts
        t = Answer.__table__
        query = sa.select(t).where(t.c.project_id == self.project_id, t.c.retired.is_(False),
                                   t.c.item_id.in_({r["item_id"] for r in live}))
        by_scope = {}
        for found in self.conn.execute(query):
            values = dict(found._mapping)
            if values["id"] not in retiring:
                by_scope[tuple(values[c] for c in _ANSWER_SCOPE)] = values
        kept = []
        for row, remote in inserts:
            other = None if row["retired"] else by_scope.get(tuple(row[c] for c in _ANSWER_SCOPE))
            if other is None:
                kept.append((row, remote))
                continue
            k = str(row["id"])
            self.writer.versions.pop(("answers", k), None)
            self.out.present["answers"].discard(k)
            self.absent["answers"].add(k)
            self._conflict("answers", other, remote)
        return kept

    def _conflict(self, name: str, mine: dict[str, Any], remote: dict[str, Any]) -> None:
        """Keep ours, store theirs beside it (once: the same remote version twice is one conflict)."""
        key = key_column(name)
        entity_id = str(remote[key])
        remote_hash = content_hash(remote)
        t = SyncConflict.__table__
        for stored in self.conn.execute(sa.select(t.c.remote_row, t.c.resolution).where(
                t.c.entity == name, t.c.entity_id == entity_id)):
            if content_hash(stored.remote_row) == remote_hash:
                self.out.count(name, "unchanged" if stored.resolution else "conflicts")
                return
        sender = self.manifest.sender
        self.conn.execute(sa.insert(t), [{
            "id": uuid.uuid4(), "entity": name, "entity_id": entity_id, "project_id": str(self.project_id),
            "local_row": encode_values(mine), "remote_row": remote, "remote_device": sender.device,
            "remote_inspector": sender.inspector, "remote_department": sender.department,
            "package_id": self.manifest.package_id, "created_at": utcnow(), "resolved_at": None,
            "resolution": "", "resolved_by": "",
        }])
        self.out.count(name, "conflicts")


def merge_package(session: Session, package: VerifiedPackage, *, device: str, actor: str) -> MergeOutcome:
    """Merge into the session's open transaction. Foreign keys are checked at commit (deferred) because a
    package's self-references may arrive in any order; the check above has already found every parent."""
    conn = session.connection()
    conn.exec_driver_sql("PRAGMA defer_foreign_keys=ON")
    writer = Writer(conn, device, actor)
    outcome = _Merge(session, package, writer).run()
    writer.finish()
    return outcome


