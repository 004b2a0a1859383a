"""Rows <-> JSON for the tables that travel in a package, with a strict check of what arrives.

A row is a dict of every column of its table: uuids as strings, datetimes as ISO-8601 UTC, dates as ISO
dates, bytes as base64, enums as their values. Decoding refuses an unknown table or column, a missing
column, and a value of the wrong type (``exchange.records_*``), naming the table, the row and the column.
"""

from __future__ import annotations

import base64
import binascii
import enum
import hashlib
import json
import uuid
from datetime import UTC, date, datetime
from typing import Any

import sqlalchemy as sa

from acceptance_app.domain.problems import KnownError
from acceptance_app.storage.models import Base

# The tables a package may carry, parents before children (the order rows are inserted in).
TABLES: tuple[str, ...] = (
    "inspectors",
    "projects",
    "parties",
    "units",
    "form_snapshots",
    "inspections",
    "answers",
    "findings",
    "finding_events",
    "commitments",
    "photos",
    "photo_links",
    "photo_annotations",
    "documents",
    "document_signatures",
)
# Left out of the content hash: it moves on every save, also when the content ends up the same.
VOLATILE = frozenset({"updated_at"})


def table(name: str) -> sa.Table:
    return Base.metadata.tables[name]


def key_column(name: str) -> str:
    return "sha256" if name == "form_snapshots" else "id"


def _encode(value: Any) -> Any:
    if isinstance(value, enum.Enum):
        return value.value
    if isinstance(value, uuid.UUID):
        return str(value)
    if isinstance(value, datetime):
        return value.astimezone(UTC).isoformat()
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, bytes):
        return base64.b64encode(value).decode("ascii")
    return value


def encode_values(values: dict[str, Any]) -> dict[str, Any]:
    """Column values (as SQLAlchemy hands them back, or as decode_row made them) as a JSON-ready dict."""
    return {key: _encode(value) for key, value in values.items()}


def encode_row(row: Any) -> dict[str, Any]:
    """A SQLAlchemy Core row as a JSON-ready dict."""
    return encode_values(dict(row._mapping))


def content_hash(row: dict[str, Any]) -> str:
    """The hash both sides compare: the JSON form of every column but the volatile ones."""
    stable = {k: v for k, v in row.items() if k not in VOLATILE}
    return hashlib.sha256(json.dumps(stable, sort_keys=True, ensure_ascii=False).encode()).hexdigest()


class _Bad(Exception):
    pass


def _decode_value(column: sa.Column[Any], value: Any) -> Any:
    """The Python value for a column, or _Bad naming what it should have been."""
    kind = column.type
    if value is None:
        if not column.nullable:
            raise _Bad("null")
        return None
    if isinstance(kind, sa.Enum):
        if not isinstance(value, str) or value not in kind.enums:
            raise _Bad("one of " + ", ".join(kind.enums))
        return kind.enum_class(value) if kind.enum_class else value
    if isinstance(kind, sa.Uuid):
        try:
            return uuid.UUID(value) if isinstance(value, str) else _fail("uuid")
        except ValueError:
            raise _Bad("uuid") from None
    if isinstance(kind, sa.Boolean):
        return value if isinstance(value, bool) else _fail("true/false")
    if isinstance(kind, sa.Integer):
        return value if isinstance(value, int) and not isinstance(value, bool) else _fail("integer")
    if isinstance(kind, sa.Float):
        ok = isinstance(value, int | float) and not isinstance(value, bool)
        return float(value) if ok else _fail("number")
    if isinstance(kind, sa.JSON):
        return value if isinstance(value, list | dict) else _fail("list or object")
    if isinstance(kind, sa.LargeBinary):
        try:
            return base64.b64decode(value, validate=True) if isinstance(value, str) else _fail("base64")
        except (binascii.Error, ValueError):
            raise _Bad("base64") from None
    if isinstance(kind, sa.Date):
        try:
            return date.fromisoformat(value) if isinstance(value, str) else _fail("date")
        except ValueError:
            raise _Bad("date") from None
    if isinstance(kind, sa.types.TypeDecorator | sa.DateTime):
        return _decode_datetime(value)
    if isinstance(kind, sa.String):
        if not isinstance(value, str):
            raise _Bad("text")
        if kind.length and len(value) > kind.length:
            raise _Bad(f"text of at most {kind.length} characters")
        return value
    raise _Bad(str(kind))


def _decode_datetime(value: Any) -> datetime:
    try:
        parsed = datetime.fromisoformat(value) if isinstance(value, str) else _fail("UTC time")
    except ValueError:
        raise _Bad("UTC time") from None
    if parsed.tzinfo is None:
        raise _Bad("UTC time")
    return parsed.astimezone(UTC)


def _fail(expected: str) -> Any:
    raise _Bad(expected)


def decode_row(name: str, index: int, raw: Any) -> dict[str, Any]:
    if not isinstance(raw, dict):
        raise KnownError("exchange.records_bad_row", table=name, row=index)
    columns = table(name).c
    for key in raw:
        if key not in columns:
            raise KnownError("exchange.records_unknown_column", table=name, row=index, column=key)
    decoded: dict[str, Any] = {}
    for column in columns:
        if column.key not in raw:
            raise KnownError("exchange.records_missing_column", table=name, row=index, column=column.key)
        try:
            decoded[column.key] = _decode_value(column, raw[column.key])
        except _Bad as bad:
            raise KnownError(
                "exchange.records_bad_value", table=name, row=index, column=column.key, expected=str(bad)
            ) from None
    return decoded


def decode_records(document: Any) -> dict[str, list[dict[str, Any]]]:
    """Check a parsed records.json and turn it into typed rows (raw JSON dicts are kept next to them by the
    caller when it needs the hash)."""
    if not isinstance(document, dict) or not isinstance(document.get("tables"), dict):
        raise KnownError("exchange.records_malformed", entry="payload/records.json", detail="tables")
    for key in document:
        if key not in ("tables", "bases"):
            raise KnownError("exchange.records_malformed", entry="payload/records.json", detail=key)
    tables: dict[str, list[dict[str, Any]]] = {}
    for name, rows in document["tables"].items():
        if name not in TABLES:
            raise KnownError("exchange.records_unknown_table", table=name)
        if not isinstance(rows, list):
            raise KnownError("exchange.records_bad_row", table=name, row=0)
        tables[name] = [decode_row(name, i, raw) for i, raw in enumerate(rows)]
        keys = [str(r[key_column(name)]) for r in tables[name]]
        if len(set(keys)) != len(keys):
            raise KnownError("exchange.records_duplicate_row", table=name)
    bases = document.get("bases", {})
    if not isinstance(bases, dict) or not all(
        n in TABLES and isinstance(m, dict) and all(isinstance(h, str) for h in m.values()) for n, m in bases.items()
    ):
        raise KnownError("exchange.records_malformed", entry="payload/records.json", detail="bases")
    return tables
