"""Rows prepared for ``ChangeWriter.insert_prepared``: coerced and JSON-encoded ahead of the write.

``prepare_rows(spec, rows)`` does, column by column, exactly what
``ChangeWriter.insert_many`` does row by row before it writes: every value
is coerced to its column's type (``models.changes.coerce``), missing ones
take the column default, and the non-null stored values are encoded as the
change log's canonical JSON.  It needs no database connection (a
``TableSpec`` is plain data), so it can run in another process while the
writer is busy; the writer then only adds clocks, sequence numbers and the
hash chain.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Mapping, Sequence
from functools import partial
from itertools import repeat
from json.encoder import encode_basestring
from math import isfinite
from operator import is_not
from typing import Any, NamedTuple

from models.changes import Value, canonical_json, coerce, column_defaults, new_id, table_columns

_NONE = type(None)
_NOT_NONE = partial(is_not, None)

# One row ready for ``ChangeWriter.insert_prepared``: (pk, the stored values in the column order of
# ``table_columns``, the change log's scope (the row's household, else the row itself), the canonical
# JSON of the non-null stored values).  Plain tuples: cheap to build and to send to another process.
PreparedRow = tuple[str, tuple[Value, ...], str, str]


class TableSpec(NamedTuple):
    """A syncable table's domain columns as (name, declared type, coerced default), in table order."""

    table: str
    columns: tuple[tuple[str, str, Any], ...]


def table_spec(conn: sqlite3.Connection, table: str) -> TableSpec:
    """The ``TableSpec`` of a syncable table, read from the database schema."""
    types = table_columns(conn, table)
    defaults = column_defaults(conn, table)
    return TableSpec(table, tuple((name, declared, defaults.get(name)) for name, declared in types.items()))


def prepare_rows(spec: TableSpec, rows: Sequence[Mapping[str, Any]]) -> list[PreparedRow]:
    """Coerce and encode ``rows`` (dicts of column values) as ``insert_many`` would; ValueError on unknown columns."""
    if not rows:
        return []
    names = [name for name, _, _ in spec.columns]
    _check_columns(spec.table, names, rows)
    ids = [str(row.get("id") or new_id()) for row in rows]
    columns = {name: _stored_column(rows, name, declared, default) for name, declared, default in spec.columns}
    values = list(zip(*columns.values(), strict=True)) if columns else [()] * len(rows)
    fragments = [_json_column(name, columns[name]) for name in sorted(columns) if columns[name].count(None) < len(rows)]
    vals = (
        ["{" + ",".join(filter(None, parts)) + "}" for parts in zip(*fragments, strict=True)]
        if fragments
        else ["{}"] * len(rows)
    )
    if spec.table == "households" or "household_id" not in columns:
        scopes = ids
    else:
        scopes = [pk if owner is None else str(owner) for pk, owner in zip(ids, columns["household_id"], strict=True)]
    return list(zip(ids, values, scopes, vals, strict=True))


def _check_columns(table: str, names: list[str], rows: Sequence[Mapping[str, Any]]) -> None:
    allowed = frozenset(names) | {"id"}
    for row in rows:
        if not allowed.issuperset(row):
            unknown = sorted(c for c in row if c not in allowed)
            raise ValueError(f"unknown column(s) for {table}: {', '.join(unknown)}")


def _stored_column(rows: Sequence[Mapping[str, Any]], name: str, declared: str, default: Any) -> list[Value]:
    """One column's stored values: the same rules as ``models.changes._coerce_row``, for all rows at once.

    A column whose values are all already stored as they are (the usual
    case) is only checked, with C-level ``map``; any other goes value by value.
    """
    column = list(map(dict.get, rows, repeat(name))) if type(rows[0]) is dict else [row.get(name) for row in rows]
    kinds = set(map(type, column))
    present = list(filter(_NOT_NONE, column)) if _NONE in kinds else column
    if not present:  # a column no row fills: the default
        return [default] * len(column)
    if not _already_stored(declared, kinds - {_NONE}, present):
        column = _coerced(declared, column)
    if default is not None and None in column:
        column = [default if v is None else v for v in column]
    return column


def _already_stored(declared: str, kinds: set[type], present: list[Any]) -> bool:
    """True when coercion would leave every one of these (non-null) values as it is."""
    if declared == "TEXT":
        return kinds == {str} and "" not in present and list(map(str.strip, present)) == present
    if declared == "INTEGER":
        return kinds == {int}
    if declared == "REAL":
        return kinds == {float} and list(map(round, present, repeat(2))) == present
    return False


def _coerced(declared: str, column: list[Any]) -> list[Value]:
    if declared == "TEXT":
        return [(v.strip() or None) if type(v) is str else (v if v is None else coerce(declared, v)) for v in column]
    if declared == "INTEGER":
        return [v if v is None or type(v) is int else coerce(declared, v) for v in column]
    if declared == "REAL":
        return [v if v is None or (type(v) is float and v == round(v, 2)) else coerce(declared, v) for v in column]
    return [v if v is None else coerce(declared, v) for v in column]


def _json_column(name: str, column: list[Value]) -> list[str | None]:
    """``"name":value`` as ``canonical_json`` writes it inside an object, or None for a null value."""
    key = encode_basestring(name) + ":"
    kinds = set(map(type, column))
    if kinds == {str}:
        return list(map(key.__add__, map(encode_basestring, column)))
    if kinds == {int}:
        return list(map(key.__add__, map(int.__repr__, column)))
    if kinds == {float} and all(map(isfinite, column)):  # json writes a finite float as repr() does
        return list(map(key.__add__, map(float.__repr__, column)))
    plain = kinds - {_NONE}
    if plain == {str}:
        encode = encode_basestring
        return [None if v is None else key + encode(v) for v in column]
    if plain == {int}:
        text = int.__repr__
        return [None if v is None else key + text(v) for v in column]
    return [None if v is None else key + _json_value(v) for v in column]


def _json_value(value: Value) -> str:
    kind = type(value)
    if kind is str:
        return encode_basestring(value)
    if kind is int:
        return int.__repr__(value)
    if kind is float and isfinite(value):
        return float.__repr__(value)
    return canonical_json(value)
