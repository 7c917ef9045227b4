"""Orphans: rows whose parent row is missing wait in ``sync_parked`` until it arrives.

A row is visible (in its table) only when every row it refers to is visible;
otherwise it is parked — a member whose household has not arrived yet, or was
deleted on another laptop. Parked rows keep their change records, so they are
rebuilt from them when they come back. Every import first takes the parked
rows back into their tables, merges, and then ``settle`` parks whatever still
lacks a parent (repeatedly: a parked household parks its members). The result
is the largest set of rows whose ancestors all exist — the same on every
replica holding the same records. Foreign keys are deferred meanwhile.
"""

from __future__ import annotations

import json
import sqlite3
from collections import defaultdict
from dataclasses import dataclass

from models.changes import SYNC_TABLES

FULL_SCAN = 20_000  # above this many rows to check, anti-join the whole table instead


@dataclass(frozen=True)
class ForeignKey:
    """``child.column`` refers to ``parent.parent_column``."""

    child: str
    column: str
    parent: str
    parent_column: str


def foreign_keys(conn: sqlite3.Connection) -> list[ForeignKey]:
    """Every foreign key between syncable tables, from the schema."""
    found = []
    for table in SYNC_TABLES:
        for row in conn.execute(f"PRAGMA foreign_key_list({table})"):
            if row[2] in SYNC_TABLES:
                found.append(ForeignKey(table, row[3], row[2], row[4] or "id"))
    return found


def take_parked(conn: sqlite3.Connection) -> dict[str, set[str]]:
    """Every parked row (table -> ids), removed from ``sync_parked`` so that the merge re-examines it."""
    parked: dict[str, set[str]] = defaultdict(set)
    for table, pk in conn.execute("SELECT tbl, pk FROM sync_parked"):
        parked[table].add(pk)
    conn.execute("DELETE FROM sync_parked")
    return parked


def parent_keys(conn: sqlite3.Connection, fks: list[ForeignKey], table: str, ids: list[str]) -> dict[tuple, set]:
    """The values other rows may refer to in rows ``ids`` of ``table``: {(table, column): values}."""
    columns = sorted({fk.parent_column for fk in fks if fk.parent == table} - {"id"})
    keys: dict[tuple, set] = defaultdict(set)
    keys[(table, "id")].update(ids)
    for column in columns:
        for chunk in _chunks(ids):
            rows = conn.execute(
                f"SELECT {column} FROM {table} WHERE id IN (SELECT value FROM json_each(?))", (json.dumps(chunk),)
            )
            keys[(table, column)].update(r[0] for r in rows if r[0] is not None)
    return keys


def settle(conn: sqlite3.Connection, present: dict[str, set[str]], removed: dict[tuple, set]) -> int:
    """Park every row lacking a parent among ``present`` rows and children of ``removed`` keys; returns how many."""
    fks = foreign_keys(conn)
    parked = 0
    while True:
        orphans: dict[str, dict[str, ForeignKey]] = defaultdict(dict)
        for fk in fks:
            for pk, _value in _missing_parent(conn, fk, present.get(fk.child, set())):
                orphans[fk.child].setdefault(pk, fk)
            keys = removed.get((fk.parent, fk.parent_column))
            if keys:
                for pk, value in _children(conn, fk, keys):
                    if _parent_missing(conn, fk, value):
                        orphans[fk.child].setdefault(pk, fk)
        if not orphans:
            return parked
        present, removed = {}, defaultdict(set)
        for table, rows in orphans.items():
            ids = sorted(rows)
            for key, values in parent_keys(conn, fks, table, ids).items():
                removed[key] |= values
            _park(conn, table, rows)
            parked += len(ids)


def _park(conn: sqlite3.Connection, table: str, rows: dict[str, ForeignKey]) -> None:
    entries = []
    for pk, fk in rows.items():
        scope, value = conn.execute(
            f"SELECT {'id' if table == 'households' else _scope_column(conn, table)}, {fk.column} FROM {table} "
            "WHERE id = ?",
            (pk,),
        ).fetchone()
        deleted = (
            fk.parent_column == "id"
            and conn.execute("SELECT 1 FROM tombstones WHERE tbl = ? AND pk = ?", (fk.parent, value)).fetchone()
            is not None
        )
        entries.append((table, pk, scope or pk, fk.parent, str(value), int(deleted)))
    conn.executemany("INSERT OR REPLACE INTO sync_parked VALUES (?, ?, ?, ?, ?, ?)", entries)
    conn.executemany(f"DELETE FROM {table} WHERE id = ?", [(e[1],) for e in entries])
    conn.executemany("DELETE FROM col_clocks WHERE tbl = ? AND pk = ?", [(table, e[1]) for e in entries])


def _scope_column(conn: sqlite3.Connection, table: str) -> str:
    names = {r[1] for r in conn.execute(f"PRAGMA table_info({table})")}
    return "household_id" if "household_id" in names else "id"


def _missing_parent(conn: sqlite3.Connection, fk: ForeignKey, ids: set[str]) -> list[tuple[str, object]]:
    if not ids:
        return []
    anti_join = (
        f"SELECT c.id, c.{fk.column} FROM {fk.child} c WHERE c.{fk.column} IS NOT NULL "
        f"AND NOT EXISTS (SELECT 1 FROM {fk.parent} p WHERE p.{fk.parent_column} = c.{fk.column})"
    )
    if len(ids) > FULL_SCAN:
        return [r for r in conn.execute(anti_join) if r[0] in ids]
    found = []
    for chunk in _chunks(sorted(ids)):
        found += conn.execute(anti_join + " AND c.id IN (SELECT value FROM json_each(?))", (json.dumps(chunk),))
    return found


def _children(conn: sqlite3.Connection, fk: ForeignKey, keys: set) -> list[tuple[str, object]]:
    found = []
    for chunk in _chunks(sorted(keys, key=str)):
        found += conn.execute(
            f"SELECT id, {fk.column} FROM {fk.child} WHERE {fk.column} IN (SELECT value FROM json_each(?))",
            (json.dumps(chunk),),
        )
    return found


def _parent_missing(conn: sqlite3.Connection, fk: ForeignKey, value: object) -> bool:
    row = conn.execute(f"SELECT 1 FROM {fk.parent} WHERE {fk.parent_column} = ?", (value,)).fetchone()
    return row is None


def _chunks(items: list, size: int = 5000) -> list[list]:
    return [items[i : i + size] for i in range(0, len(items), size)]
