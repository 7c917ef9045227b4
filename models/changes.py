"""Change capture: every local write goes through a ChangeWriter.

In the same transaction as the row itself the writer
- stamps new rows with causal length 1 and the creation clock (``_cl``, ``_hlc``, ``_site``),
- keeps a column clock in ``col_clocks`` for each column changed after creation,
- turns deletes into tombstones with the next (even) causal length,
- appends one record per row change to ``change_log``: dense ``seq`` per site,
  the new values, the old values and the clocks they replace, the user, and a
  SHA-256 chained to the previous record (the audit trail).

Nothing outside ``models/`` writes to these tables.
"""

from __future__ import annotations

import hashlib
import json
import sqlite3
import uuid
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from models.change_chain import ChainedRows, ChainHead, Value, chain_rows, hash_body
from models.clock import HybridClock
from models.errors import JiandangError, NotFoundError

INTERNAL_COLUMNS = ("id", "_cl", "_hlc", "_site")
BASELINE_SITE = "00000000-0000-0000-0000-000000000000"
SYNC_TABLES = (
    "regions",
    "village_groups",
    "work_teams",
    "work_team_villages",
    "village_profiles",
    "households",
    "members",
    "other_causes",
    "incomes",
    "status_history",
    "member_changes",
    "helpers",
    "pairings",
    "measures",
    "loans",
    "workflow_events",
    "poverty_lines",
    "code_values",
    "objections",
    "notices",
)
INSERT_ONLY = frozenset({"workflow_events", "notices"})
_COLUMN_CACHE: dict[str, dict[str, str]] = {}
_DEFAULT_CACHE: dict[str, dict[str, Any]] = {}



class InsertOnlyError(JiandangError):
    """An attempt to change or delete a record of an insert-only table."""


_ENCODER = json.JSONEncoder(ensure_ascii=False, separators=(",", ":"), sort_keys=True)


def canonical_json(value: Any) -> str:
    """Compact, key-sorted JSON: the same content always gives the same bytes."""
    return _ENCODER.encode(value)


def table_columns(conn: sqlite3.Connection, table: str) -> dict[str, str]:
    """Domain columns of a syncable table with their declared types (internal ones excluded)."""
    if table not in SYNC_TABLES:
        raise ValueError(f"not a syncable table: {table!r}")
    if table not in _COLUMN_CACHE:
        info = conn.execute(f"PRAGMA table_info({table})").fetchall()
        _COLUMN_CACHE[table] = {r[1]: r[2].upper() for r in info if r[1] not in INTERNAL_COLUMNS}
        _DEFAULT_CACHE[table] = {
            r[1]: coerce(r[2].upper(), r[4].strip("'"))
            for r in info
            if r[4] is not None and r[1] not in INTERNAL_COLUMNS
        }
    return _COLUMN_CACHE[table]


def column_defaults(conn: sqlite3.Connection, table: str) -> dict[str, Any]:
    """Declared default values of a syncable table's columns."""
    table_columns(conn, table)
    return _DEFAULT_CACHE[table]


def coerce(declared: str, value: Any) -> Value:
    """Store every value with its column's type, so replicas hold identical bytes."""
    if value is None or (isinstance(value, str) and value.strip() == ""):
        return None
    if declared == "INTEGER":
        return int(value)
    if declared == "REAL":
        return round(float(value), 2)
    if isinstance(value, bool):
        return "1" if value else "0"
    return str(value).strip()


def new_id() -> str:
    """A fresh random UUID for a new row."""
    return str(uuid.uuid4())


def stable_id(*parts: object) -> str:
    """A UUID derived from natural keys, so two sites creating the same thing agree."""
    return str(uuid.uuid5(uuid.NAMESPACE_URL, "jiandang:" + "/".join(str(p) for p in parts)))


class ChangeWriter:
    """Writes rows and their change records inside one open transaction."""

    def __init__(self, conn: sqlite3.Connection, site: str, clock: HybridClock, user: str) -> None:
        self.conn = conn
        self.site = site
        self.clock = clock
        self.user = user
        self.seq, self.last_hash = conn.execute("SELECT seq, last_hash FROM sync_state WHERE id = 1").fetchone()
        self._pending_log: list[tuple[Any, ...]] = []

    # -- public API -------------------------------------------------------

    def insert(self, table: str, values: dict[str, Any]) -> str:
        """Insert one row and log it; returns its id."""
        return self.insert_many(table, [values])[0]

    def insert_many(self, table: str, rows: Iterable[dict[str, Any]]) -> list[str]:
        """Insert many rows of one table with executemany; returns their ids."""
        spec = _insert_spec(self.conn, table)
        check_tombstones = self._has_tombstones(table)
        ids: list[str] = []
        params: list[tuple[Any, ...]] = []
        for values in rows:
            if not spec.allowed.issuperset(values):
                _check_columns(table, table_columns(self.conn, table), values)
            pk = str(values.get("id") or new_id())
            stored, logged = _coerce_row(spec.columns, values)
            cl = self._recreated_length(table, pk) if check_tombstones else 1
            hlc = self.clock.tick()
            params.append((pk, *stored, cl, hlc, self.site))
            scope = pk if table == "households" else (logged.get("household_id") or pk)
            self._log(hlc, table, pk, str(scope), "insert", cl, logged, None, None)
            ids.append(pk)
        self.conn.executemany(spec.sql, params)
        self._flush_log()
        return ids

    def insert_prepared(self, table: str, rows: Sequence[tuple[str, Sequence[Value], str, str]]) -> int:
        """Insert rows coerced and encoded beforehand (``models.bulk_rows.prepare_rows``); returns their count.

        Each row is ``(pk, values, scope, vals)``: the stored values in the
        column order of ``table_columns``, the change log's scope and the
        canonical JSON of the non-null values.  The rows and change records
        written are exactly those ``insert_many`` writes for the same input;
        this writer only adds causal lengths, clocks, sequence numbers and
        the hash chain (the fast path of bulk loads such as the demo).
        """
        width = len(_insert_spec(self.conn, table).columns)
        for _, values, _, _ in rows:
            if len(values) != width:
                raise ValueError(f"a prepared {table} row needs {width} values, got {len(values)}")
        lengths = [self._recreated_length(table, row[0]) for row in rows] if self._has_tombstones(table) else None
        head = ChainHead(self.site, self.user, self.seq, self.last_hash, self.clock.peek() - 1)
        _, chained = chain_rows(head, table, rows, lengths)
        return self.insert_chained(chained)

    def insert_chained(self, chained: ChainedRows) -> int:
        """Insert rows whose change records were numbered, clocked and hashed ahead (``chain_rows``).

        The records must continue this site's chain exactly where it ends
        (next sequence number, previous hash, a later clock), else
        ``ValueError`` and nothing is written.  Used by bulk loads that
        chain their rows in another process (the demo generator).
        """
        if not chained.log:
            return 0
        first, last = chained.log[0], chained.log[-1]
        if first[0] != self.seq + 1 or first[6] != self.last_hash or first[1] <= self.clock.last:
            raise ValueError(f"chained {chained.table} records do not continue the change log of this site")
        if chained.params[0][-1] != self.site:
            raise ValueError(f"chained {chained.table} rows were made for another site")
        self._flush_log()
        self.conn.executemany(_insert_spec(self.conn, chained.table).sql, chained.params)
        self._insert_log_records(chained.table, chained.log)
        self.seq, self.last_hash, self.clock.last = last[0], last[7], last[1]
        return len(chained.params)

    def _insert_log_records(self, table: str, records: list[tuple[Any, ...]]) -> None:
        """Write ``insert_prepared``'s change records: (seq, hlc, pk, scope, cl, vals, prev_hash, hash) each.

        What every record shares (site, user, table, op) is written as SQL
        literals, so fewer values are bound per record.
        """
        site, user = self.site, self.user
        if "\x00" in site + user:  # cannot be an SQL literal: bind every value
            self._pending_log = [
                (site, seq, hlc, user, table, pk, scope, "insert", cl, vals, None, None, prev_hash, digest)
                for seq, hlc, pk, scope, cl, vals, prev_hash, digest in records
            ]
            self._flush_log()
            return
        shared = f"{_literal(site)}, ?, ?, {_literal(user)}, {_literal(table)}, ?, ?, 'insert', ?, ?, NULL, NULL, ?, ?"
        self.conn.executemany(
            "INSERT INTO change_log(site, seq, hlc, user, tbl, pk, scope, op, cl, vals, old, prev, prev_hash, hash) "
            f"VALUES ({shared})",
            records,
        )

    def update(self, table: str, pk: str, values: dict[str, Any]) -> dict[str, tuple[Value, Value]]:
        """Change some columns of one row; returns {column: (old, new)} of what really changed."""
        if table in INSERT_ONLY:
            raise _insert_only(table)
        columns = table_columns(self.conn, table)
        _check_columns(table, columns, values)
        old = self._row(table, pk)
        new = {c: coerce(columns[c], v) for c, v in values.items()}
        changed = {c: v for c, v in new.items() if old[c] != v}
        if not changed:
            return {}
        hlc = self.clock.tick()
        prev = self._clocks(table, pk, list(changed), old)
        # A value stamped later than this computer's clock (a fast laptop's, accepted by the clerk) would beat
        # this edit everywhere else although it was made after seeing that value: such columns are written in
        # a record of their own with a raised priority, as a decision is, so the edit wins on every replica.
        ahead = [c for c in changed if prev[c][1] >= hlc]
        if ahead and len(ahead) < len(changed):
            self._write_update(table, pk, {c: v for c, v in changed.items() if c not in ahead}, old, prev, hlc)
            hlc = self.clock.tick()
        written = {c: changed[c] for c in ahead} if ahead else changed
        self._write_update(table, pk, written, old, prev, hlc, raised=bool(ahead))
        return {c: (old[c], changed[c]) for c in changed}

    def _write_update(
        self, table: str, pk: str, changed: dict[str, Value], old: dict, prev: dict, hlc: int, raised: bool = False
    ) -> None:
        """Write and log one update record of ``changed`` (with ``raised``: one priority above what it replaces)."""
        prev = {c: prev[c] for c in changed}
        priority = max(clock[0] for clock in prev.values()) + 1 if raised else None
        assignments = ", ".join(f"{c} = ?" for c in changed)
        self.conn.execute(f"UPDATE {table} SET {assignments} WHERE id = ?", (*changed.values(), pk))
        self.conn.executemany(
            "INSERT INTO col_clocks(tbl, pk, col, prio, hlc, site) VALUES (?, ?, ?, ?, ?, ?) "
            "ON CONFLICT(tbl, pk, col) DO UPDATE SET prio = excluded.prio, hlc = excluded.hlc, site = excluded.site",
            # an edit keeps the priority of the value it replaces, so an edit made after a clerk's decision
            # (priority 1+) competes with other such edits, and edits that never saw the decision lose to it
            [(table, pk, c, priority or prev[c][0], hlc, self.site) for c in changed],
        )
        logged = {**prev, "_prio": priority} if priority else prev
        olds = {c: old[c] for c in changed}
        self._log(hlc, table, pk, _scope(table, pk, old), "update", old["_cl"], changed, olds, logged)
        self._flush_log()

    def delete(self, table: str, pk: str) -> dict[str, Value]:
        """Delete one row, leaving a tombstone; returns the deleted values."""
        if table in INSERT_ONLY:
            raise _insert_only(table)
        old = self._row(table, pk)
        hlc = self.clock.tick()
        cl = old["_cl"] + 1
        self.conn.execute(f"DELETE FROM {table} WHERE id = ?", (pk,))
        self.conn.execute(
            "INSERT INTO tombstones(tbl, pk, cl, hlc, site) VALUES (?, ?, ?, ?, ?) "
            "ON CONFLICT(tbl, pk) DO UPDATE SET cl = excluded.cl, hlc = excluded.hlc, site = excluded.site",
            (table, pk, cl, hlc, self.site),
        )
        self.conn.execute("DELETE FROM col_clocks WHERE tbl = ? AND pk = ?", (table, pk))
        values = {c: v for c, v in old.items() if c not in INTERNAL_COLUMNS}
        prev = {"_row": [0, old["_hlc"], old["_site"]]}
        self._log(hlc, table, pk, _scope(table, pk, old), "delete", cl, {}, _non_null(values), prev)
        self._flush_log()
        return values

    def finish(self) -> None:
        """Persist the clock, sequence and hash chain head; called before COMMIT."""
        self._flush_log()
        self.conn.execute(
            "UPDATE sync_state SET hlc = ?, seq = ?, last_hash = ? WHERE id = 1",
            (self.clock.last, self.seq, self.last_hash),
        )

    # -- helpers ----------------------------------------------------------

    def _has_tombstones(self, table: str) -> bool:
        return self.conn.execute("SELECT 1 FROM tombstones WHERE tbl = ? LIMIT 1", (table,)).fetchone() is not None

    def _recreated_length(self, table: str, pk: str) -> int:
        row = self.conn.execute("SELECT cl FROM tombstones WHERE tbl = ? AND pk = ?", (table, pk)).fetchone()
        if row is None:
            return 1
        self.conn.execute("DELETE FROM tombstones WHERE tbl = ? AND pk = ?", (table, pk))
        return row[0] + 1

    def _row(self, table: str, pk: str) -> dict[str, Any]:
        cursor = self.conn.execute(f"SELECT * FROM {table} WHERE id = ?", (pk,))
        row = cursor.fetchone()
        if row is None:
            raise NotFoundError(f"记录不存在：{table} {pk}", f"No such record: {table} {pk}")
        return dict(zip([d[0] for d in cursor.description], row, strict=True))

    def _clocks(self, table: str, pk: str, cols: Sequence[str], old: dict[str, Any]) -> dict[str, list]:
        own = {
            r[0]: [r[1], r[2], r[3]]
            for r in self.conn.execute(
                f"SELECT col, prio, hlc, site FROM col_clocks WHERE tbl = ? AND pk = ? "
                f"AND col IN ({', '.join('?' * len(cols))})",
                (table, pk, *cols),
            )
        }
        return {c: own.get(c, [0, old["_hlc"], old["_site"]]) for c in cols}

    def _log(
        self,
        hlc: int,
        table: str,
        pk: str,
        scope: str,
        op: str,
        cl: int,
        vals: dict,
        old: dict | None,
        prev: dict | None,
    ) -> None:
        self.seq += 1
        vals_json = canonical_json(vals)
        old_json = canonical_json(old) if old is not None else None
        prev_json = canonical_json(prev) if prev is not None else None
        body = hash_body(
            self.last_hash, self.site, self.seq, hlc, self.user, table, pk, op, cl, vals_json, old_json, prev_json
        )
        digest = hashlib.sha256(body.encode()).hexdigest()
        self._pending_log.append(
            (
                self.site,
                self.seq,
                hlc,
                self.user,
                table,
                pk,
                scope,
                op,
                cl,
                vals_json,
                old_json,
                prev_json,
                self.last_hash,
                digest,
            )
        )
        self.last_hash = digest

    def _flush_log(self) -> None:
        if self._pending_log:
            self.conn.executemany(
                "INSERT INTO change_log(site, seq, hlc, user, tbl, pk, scope, op, cl, vals, old, prev, "
                "prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                self._pending_log,
            )
            self._pending_log = []


@dataclass(frozen=True)
class _InsertSpec:
    columns: tuple[tuple[str, str, Any], ...]
    allowed: frozenset[str]
    sql: str


_SPECS: dict[str, _InsertSpec] = {}


def _insert_spec(conn: sqlite3.Connection, table: str) -> _InsertSpec:
    """Column order, types, defaults and the INSERT statement of a syncable table (cached)."""
    if table not in _SPECS:
        columns = table_columns(conn, table)
        defaults = column_defaults(conn, table)
        names = list(columns)
        sql = (
            f"INSERT INTO {table} (id, {', '.join(names)}, _cl, _hlc, _site) "
            f"VALUES ({', '.join('?' * (len(names) + 4))})"
        )
        _SPECS[table] = _InsertSpec(
            tuple((n, columns[n], defaults.get(n)) for n in names), frozenset(names) | {"id"}, sql
        )
    return _SPECS[table]


def _coerce_row(columns: tuple[tuple[str, str, Any], ...], values: dict[str, Any]) -> tuple[list, dict]:
    """The stored values in column order, and the non-null ones for the change log."""
    stored: list[Any] = []
    logged: dict[str, Any] = {}
    for name, declared, default in columns:
        value = values.get(name)
        if value is not None:
            kind = type(value)
            if kind is str and declared == "TEXT":
                value = value.strip() or None
            elif not (
                (kind is int and declared == "INTEGER")
                or (kind is float and declared == "REAL" and value == round(value, 2))
            ):
                value = coerce(declared, value)
        if value is None:
            value = default
        stored.append(value)
        if value is not None:
            logged[name] = value
    return stored, logged


def _literal(text: str) -> str:
    """``text`` as an SQL string literal."""
    return "'" + text.replace("'", "''") + "'"


def _scope(table: str, pk: str, row: dict[str, Any]) -> str:
    if table == "households":
        return pk
    return str(row.get("household_id") or pk)


def _non_null(values: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in values.items() if v is not None}


def _check_columns(table: str, columns: dict[str, str], values: dict[str, Any]) -> None:
    unknown = [c for c in values if c not in columns]
    if unknown:
        raise ValueError(f"unknown column(s) for {table}: {', '.join(sorted(unknown))}")


def _insert_only(table: str) -> InsertOnlyError:
    return InsertOnlyError(
        f"{table} 中的记录只能新增，不能修改或删除；如有错误，请新增一条更正记录。",
        f"Records of {table} are insert-only; add a correcting record instead.",
    )
