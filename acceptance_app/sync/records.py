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
from collections.abc import Callable
from datetime import UTC, date, datetime
from functools import cache
from typing import Any

import sqlalchemy as sa

from acceptance_app.domain.problems import KnownError
from acceptance_app.storage.models import Base
from acceptance_app.sync import bounded_json
from acceptance_app.sync.tables import BY_NAME, TABLE_NAMES

# The tables a package may carry, parents before children (the order rows are inserted in): sync/tables.py.
TABLES: tuple[str, ...] = TABLE_NAMES
# Left out of the content hash: it moves on every save, also when the content ends up the same.
VOLATILE = frozenset({"updated_at"})


def table(name: str) -> sa.Table:
    return Base.metadata.tables[name]


def key_column(name: str) -> str:
    return BY_NAME[name].key


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


_PLAIN = (str, int, float, bool, type(None), list, dict)


def encode_values(values: dict[str, Any]) -> dict[str, Any]:
    """Column values (as SQLAlchemy hands them back, or as decode_row made them) as a JSON-ready dict."""
    # Most values are plain already; the type test first keeps the merge of thousands of rows quick.
    return {key: value if type(value) in _PLAIN else _encode(value) for key, value in values.items()}


def encode_row(row: Any) -> dict[str, Any]:
    """A SQLAlchemy Core row as a JSON-ready dict."""
    return encode_values(dict(row._mapping))


def content_hash(row: dict[str, Any]) -> str:
    """The hash both sides compare: the JSON form of every column but the volatile ones."""
    stable = {**row, **dict.fromkeys(VOLATILE & row.keys())}  # a C-level copy: this runs for every row merged
    return hashlib.sha256(json.dumps(stable, sort_keys=True, ensure_ascii=False).encode()).hexdigest()


class _Bad(Exception):
    pass


Decoder = Callable[[Any], Any]


def _expect(kind: type | tuple[type, ...], expected: str, convert: Decoder = lambda v: v) -> Decoder:
    def decode(value: Any) -> Any:
        if not isinstance(value, kind) or (isinstance(value, bool) and kind in (int, (int, float))):
            raise _Bad(expected)
        try:
            return convert(value)
        except (ValueError, TypeError, binascii.Error):
            raise _Bad(expected) from None
    return decode


def _utc(value: str) -> datetime:
    parsed = datetime.fromisoformat(value)
    if parsed.tzinfo is None:
        raise ValueError("naive")
    return parsed.astimezone(UTC)


def _enum_decoder(kind: sa.Enum) -> Decoder:
    allowed = set(kind.enums)
    expected = "one of " + ", ".join(kind.enums)
    make = kind.enum_class or (lambda v: v)

    def decode(value: Any) -> Any:
        if value not in allowed or not isinstance(value, str):
            raise _Bad(expected)
        return make(value)
    return decode


def _text_decoder(limit: int | None) -> Decoder:
    expected = f"text of at most {limit} characters" if limit else "text"

    def decode(value: Any) -> Any:
        if not isinstance(value, str) or (limit and len(value) > limit):
            raise _Bad(expected)
        return value
    return decode


def _type_decoder(kind: Any) -> Decoder:
    if isinstance(kind, sa.Enum):  # before String, which it extends
        return _enum_decoder(kind)
    if isinstance(kind, sa.Uuid):
        return _expect(str, "uuid", uuid.UUID)
    if isinstance(kind, sa.Boolean):
        return _expect(bool, "true/false")
    if isinstance(kind, sa.Integer):
        return _expect(int, "integer")
    if isinstance(kind, sa.Float):
        return _expect((int, float), "number", float)
    if isinstance(kind, sa.JSON):
        # Stored as nested JSON and encoded again on every export: bounded like the documents themselves.
        return _expect((list, dict), "list or object",
                       lambda v: bounded_json.check_depth(v, "payload/records.json", bounded_json.MAX_DEPTH - 4))
    if isinstance(kind, sa.LargeBinary):
        return _expect(str, "base64", lambda v: base64.b64decode(v, validate=True))
    if isinstance(kind, sa.Date):
        return _expect(str, "date", date.fromisoformat)
    if isinstance(kind, sa.types.TypeDecorator | sa.DateTime):  # UTCDateTime
        return _expect(str, "UTC time", _utc)
    if isinstance(kind, sa.String):
        return _text_decoder(kind.length)
    raise TypeError(f"no JSON form for column type {kind}")


def _canonical_uuid(typed: uuid.UUID, raw: str) -> str:
    canonical = len(raw) == 36 and raw[8] == raw[13] == raw[18] == raw[23] == "-" and raw == raw.lower()
    return raw if canonical else str(typed)


def _canonical_form(kind: Any) -> Callable[[Any, Any], Any] | None:
    """How to get a value's JSON form (as encode_values would write it) from the decoded and the raw value;
    None where the raw value is that form already (text, numbers, enums, JSON)."""
    if isinstance(kind, sa.Enum):
        return None
    if isinstance(kind, sa.Uuid):
        return _canonical_uuid
    if isinstance(kind, sa.Float | sa.LargeBinary | sa.Date | sa.DateTime | sa.types.TypeDecorator):
        return lambda typed, _raw: _encode(typed)
    return None


@cache
def _decoders(name: str) -> tuple[tuple[str, bool, Decoder, Callable[[Any, Any], Any] | None], ...]:
    return tuple((c.key, bool(c.nullable), _type_decoder(c.type), _canonical_form(c.type)) for c in table(name).c)


class Row(dict[str, Any]):
    """A decoded row, with its JSON form (``json``) made in the same pass: the merge hashes and audits that
    form, so it need not encode thousands of rows again."""

    json: dict[str, Any]


def decode_row(name: str, index: int, raw: Any) -> dict[str, Any]:
    if not isinstance(raw, dict):
        raise KnownError("exchange.records_bad_row", table=name, row=index)
    decoders = _decoders(name)
    if len(raw) != len(decoders):
        columns = {key for key, *_rest in decoders}
        for key in raw:
            if key not in columns:
                raise KnownError("exchange.records_unknown_column", table=name, row=index, column=key)
    decoded = Row()
    canonical: dict[str, Any] = {}
    for key, nullable, decode, canonical_form in decoders:
        if key not in raw:
            raise KnownError("exchange.records_missing_column", table=name, row=index, column=key)
        value = raw[key]
        try:
            if value is None:
                if not nullable:
                    raise _Bad("null")
                decoded[key] = canonical[key] = None
            else:
                typed = decoded[key] = decode(value)
                canonical[key] = value if canonical_form is None else canonical_form(typed, value)
        except _Bad as bad:
            raise KnownError("exchange.records_bad_value", table=name, row=index, column=key,
                             expected=str(bad)) from None
    decoded.json = canonical
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
