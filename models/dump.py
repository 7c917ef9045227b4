"""Canonical dump of a registry's shared content, for comparing replicas.

Two databases holding the same records give byte-identical dumps, whatever
the insertion order, the site ids, the clocks or the history of edits that
led there. The dump holds every live record of every syncable table (domain
columns plus ``id``) and the tombstones (table, pk, causal length), because
deletions are content that sync must converge on. It never holds the
internal ``_cl``/``_hlc``/``_site`` columns, column clocks, the change log or
local-only tables (settings, sync_state, search index).

Layout: a JSON object with sorted keys (``"_deleted"`` first, then the tables
by name); each table is a list of records sorted by id, one record per line,
each record with sorted keys. Floats are written by Python's shortest
round-trip ``repr`` (the same digits on every IEEE-754 machine); SQLite's
column affinity already stores equal numbers identically (``-0.0`` → ``0.0``,
``3.0`` in an INTEGER column → ``3``).
"""

from __future__ import annotations

import hashlib
import io
import json
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any, TextIO

from models.changes import SYNC_TABLES

DELETED_KEY = "_deleted"
HIDDEN_COLUMNS = frozenset({"_cl", "_hlc", "_site"})
_TABLES = tuple(sorted(SYNC_TABLES))


def _blob(value: Any) -> Any:
    """Render a stray BLOB (never written by the app) instead of failing."""
    if isinstance(value, bytes | bytearray | memoryview):
        return {"$blob": bytes(value).hex()}
    raise TypeError(f"cannot dump value of type {type(value).__name__}")


# One encoder for every record: key order comes from the sorted column list.
_ENCODER = json.JSONEncoder(ensure_ascii=False, sort_keys=True, default=_blob)


def dump_columns(conn: sqlite3.Connection, table: str) -> list[str]:
    """The dumped columns of a syncable table: id and its domain columns, sorted by name."""
    if table not in SYNC_TABLES:
        raise ValueError(f"not a syncable table: {table!r}")
    info = conn.execute(f"PRAGMA table_info({table})").fetchall()
    return sorted(r[1] for r in info if r[1] not in HIDDEN_COLUMNS)


def iter_records(conn: sqlite3.Connection, table: str) -> Iterator[dict[str, Any]]:
    """Yield the live records of one syncable table, sorted by id, keys in sorted order."""
    columns = dump_columns(conn, table)
    cursor = conn.execute(f"SELECT {', '.join(columns)} FROM {table} ORDER BY id")
    for row in cursor:
        yield dict(zip(columns, row, strict=True))


def iter_deleted(conn: sqlite3.Connection) -> Iterator[dict[str, Any]]:
    """Yield the tombstones of syncable tables as {"cl", "pk", "table"}, sorted by table then pk."""
    tables = ", ".join("?" * len(_TABLES))
    cursor = conn.execute(
        f"SELECT tbl, pk, cl FROM tombstones WHERE tbl IN ({tables}) ORDER BY tbl, pk", _TABLES
    )
    for tbl, pk, cl in cursor:
        yield {"cl": cl, "pk": pk, "table": tbl}


def dump_records(conn: sqlite3.Connection) -> dict[str, list[dict]]:
    """Every live record of every syncable table, plus the tombstones under ``"_deleted"``.

    Keys: ``"_deleted"`` and each table of ``SYNC_TABLES`` (empty tables give
    an empty list). Records hold ``id`` and the domain columns, never the
    internal clock columns; they are sorted by id. This holds everything in
    memory; prefer :func:`write_dump` or :func:`dump_digest` at county scale.
    """
    with _snapshot(conn):
        result: dict[str, list[dict]] = {DELETED_KEY: list(iter_deleted(conn))}
        for table in _TABLES:
            result[table] = list(iter_records(conn, table))
    return result


def write_dump(conn: sqlite3.Connection, out: TextIO) -> None:
    """Stream the canonical dump to ``out`` (text, UTF-8), one record per line.

    Reads from one snapshot, so a concurrent writer cannot tear the dump.
    ``json.loads`` of the output equals :func:`dump_records`.
    """
    with _snapshot(conn):
        out.write("{")
        _write_list(out, DELETED_KEY, iter_deleted(conn), first=True)
        for table in _TABLES:
            _write_list(out, table, iter_records(conn, table), first=False)
        out.write("\n}\n")


def dump_json(conn: sqlite3.Connection) -> str:
    """The canonical dump as one string (see :func:`write_dump` for the layout)."""
    buffer = io.StringIO()
    write_dump(conn, buffer)
    return buffer.getvalue()


def dump_digest(conn: sqlite3.Connection) -> str:
    """SHA-256 (hex) of the UTF-8 canonical dump, computed without holding the dump in memory."""
    sink = _HashingWriter()
    write_dump(conn, sink)
    return sink.hexdigest()


def _write_list(out: TextIO, key: str, records: Iterator[dict[str, Any]], first: bool) -> None:
    """Write ``"key": [ ... ]`` in the layout of ``json.dumps(indent=1)`` with inline records."""
    out.write("\n " if first else ",\n ")
    out.write(_ENCODER.encode(key))
    out.write(": [")
    empty = True
    for record in records:
        out.write("\n  " if empty else ",\n  ")
        out.write(_ENCODER.encode(record))
        empty = False
    out.write("]" if empty else "\n ]")


@contextmanager
def _snapshot(conn: sqlite3.Connection) -> Iterator[None]:
    """A read transaction, unless the caller already holds one."""
    if conn.in_transaction:
        yield
        return
    conn.execute("BEGIN")
    try:
        yield
    finally:
        if conn.in_transaction:
            conn.execute("COMMIT")


class _HashingWriter(io.TextIOBase):
    """A text sink that only hashes what is written to it."""

    def __init__(self) -> None:
        super().__init__()
        self._hash = hashlib.sha256()

    def write(self, text: str) -> int:
        self._hash.update(text.encode("utf-8"))
        return len(text)

    def hexdigest(self) -> str:
        return self._hash.hexdigest()
