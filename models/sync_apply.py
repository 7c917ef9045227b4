"""Writing merged rows: a set-based fast path for new rows, the fold for everything else.

A row that this replica has never heard of and that arrives as one insert
record is written with one ``executemany`` per table (the bulk of a first
import). Every other touched row — existing, deleted, parked, edited on two
sites, a seed row of a code table — is rebuilt from all its change records
by ``sync_fold.fold`` and written only where it differs. Foreign keys are
deferred; ``sync_parking.settle`` parks orphans afterwards. Into a nearly
empty replica (``sync_bulk``) secondary indexes are rebuilt once at the end
and the rows to fold are folded then, once each, from all their records.
"""

from __future__ import annotations

import json
import sqlite3
from collections import defaultdict
from dataclasses import dataclass, field
from operator import itemgetter
from typing import Any

from models.changes import BASELINE_SITE, INSERT_ONLY, canonical_json, column_defaults
from models.sync_baseline import OWNED_TABLES, baseline_rows
from models.sync_bulk import drop_indexes, known_rows, restore_indexes
from models.sync_fold import Rec, RowState, fold
from models.sync_parking import ForeignKey, foreign_keys, parent_keys
from models.sync_records import CL, HLC, OP, PK, SEQ, SITE, TBL, VALS, Log, SyncSchema
from models.sync_stored import stored_records, stored_states

CHUNK = 2000
FAST = True  # new rows by executemany, first imports with deferred indexes; False: every row by the fold (tests)


@dataclass
class Applied:
    """What the merge did to rows, accumulated over the batches of one import."""

    new: int = 0
    updated: int = 0
    deleted: int = 0
    unchanged: int = 0
    rejected: int = 0
    present: dict[str, set[str]] = field(default_factory=lambda: defaultdict(set))
    removed: dict[tuple, set] = field(default_factory=lambda: defaultdict(set))
    households: set[str] = field(default_factory=set)
    members: set[str] = field(default_factory=set)


class Applier:
    """Applies batches of sequenced change records to the rows (inside the caller's transaction)."""

    def __init__(self, conn: sqlite3.Connection, schema: SyncSchema, township: str | None) -> None:
        self.conn = conn
        self.schema = schema
        self.township = township
        self.fks: list[ForeignKey] = foreign_keys(conn)
        self.result = Applied()
        self._baseline: dict[str, dict[str, dict]] | None = None
        self._fresh: dict[str, set[str] | None] = {}  # table -> ids of the rows with change records, when in memory
        self._dropped: list[tuple[str, str]] | None = None  # indexes dropped for a first import (``sync_bulk``)
        self._deferred: dict[str, set[str]] = defaultdict(set)

    # -- a first import (``sync_bulk``) ----------------------------------------

    def begin_bulk(self) -> bool:
        """On a nearly empty replica: known rows in memory, secondary indexes dropped, rows folded only at
        ``end_bulk``; whether it did."""
        known = known_rows(self.conn) if FAST and self._dropped is None else None
        if known is not None:
            self._fresh.update(known)
            self._dropped = drop_indexes(self.conn)
        return self._dropped is not None

    def end_bulk(self) -> None:
        """Recreate the dropped indexes, then fold the rows put off meanwhile (before anything else reads)."""
        if self._dropped is None:
            return
        restore_indexes(self.conn, self._dropped)
        self._dropped = None
        for table in sorted(self._deferred):
            self.refold(table, sorted(self._deferred[table]))
        self._deferred.clear()

    # -- planning (before the batch is stored in the change log) ------------

    def plan(self, logs: list[Log]) -> dict[str, dict[str, list[Log]]]:
        """Group a batch by table and row, count refused records, mark rows known before (value None)."""
        rows: dict[str, dict[str, list[Log]]] = defaultdict(lambda: defaultdict(list))
        for log in logs:
            rows[log[TBL]][log[PK]].append(log)
            if self._refused(log):
                self.result.rejected += 1
        for table, by_pk in rows.items():
            for pk in self._known(table, list(by_pk)):
                by_pk[pk] = []  # known before: rebuilt from all its records
        return rows

    def _refused(self, log: Log) -> bool:
        owned = log[TBL] in OWNED_TABLES and self.township is not None and log[SITE] != self.township
        return owned or (log[TBL] in INSERT_ONLY and log[OP] != "insert")

    def _known(self, table: str, pks: list[str]) -> list[str]:
        if table in OWNED_TABLES:
            return pks
        if table not in self._fresh:  # did this replica hold no record of the table when the import began?
            empty = self.conn.execute("SELECT 1 FROM change_log WHERE tbl = ? LIMIT 1", (table,)).fetchone() is None
            self._fresh[table] = set() if empty else None
        seen = self._fresh[table]
        if seen is not None:  # the known rows are in memory (a fresh table, or ``begin_bulk``), plus earlier batches
            known = [pk for pk in pks if pk in seen]
            seen.update(pks)
            return known
        known = []
        for chunk in _chunks(pks):
            known += [
                r[0]
                for r in self.conn.execute(
                    "SELECT DISTINCT pk FROM change_log WHERE tbl = ? AND pk IN (SELECT value FROM json_each(?))",
                    (table, json.dumps(chunk)),
                )
            ]
        return known

    # -- applying (after the batch is in the change log) ----------------------

    def apply(self, rows: dict[str, dict[str, list[Log]]], parsed: dict[tuple, dict] | None = None) -> None:
        """Write the rows of one planned batch."""
        for table, by_pk in rows.items():
            single = FAST and table not in OWNED_TABLES
            fast = [logs[0] for logs in by_pk.values() if single and len(logs) == 1 and logs[0][OP] == "insert"]
            slow = [pk for pk, logs in by_pk.items() if not (single and len(logs) == 1 and logs[0][OP] == "insert")]
            slow += self._bulk_insert(table, fast, parsed or {})
            if self._dropped is not None:  # folded once at the end, when the indexes are back
                self._deferred[table].update(slow)
            else:
                self.refold(table, slow)

    def _bulk_insert(self, table: str, logs: list[Log], parsed: dict[tuple, dict]) -> list[str]:
        """Insert new rows in one statement; returns the ids to fold instead if a unique index refuses them."""
        if not logs:
            return []
        columns = list(self.schema.tables[table].columns)
        defaults = column_defaults(self.conn, table)
        base = {c: defaults.get(c) for c in columns}
        values = itemgetter(*columns) if len(columns) > 1 else lambda row: (row[columns[0]],)
        rows = []
        for log in logs:
            vals = parsed.get((log[SITE], log[SEQ])) or json.loads(log[VALS])
            rows.append((log[PK], *values({**base, **vals}), log[CL], log[HLC], log[SITE]))
        rows.sort(key=itemgetter(0))  # in key order: the primary key index grows at its end, not all over
        sql = (
            f"INSERT INTO {table}(id, {', '.join(columns)}, _cl, _hlc, _site) "
            f"VALUES ({', '.join('?' * (len(columns) + 4))})"
        )
        self.conn.execute("SAVEPOINT bulk")
        try:
            self.conn.executemany(sql, rows)
        except sqlite3.IntegrityError:
            self.conn.execute("ROLLBACK TO bulk")
            self.conn.execute("RELEASE bulk")
            return [log[PK] for log in logs]
        self.conn.execute("RELEASE bulk")
        self.result.new += len(rows)
        self.result.present[table].update(r[0] for r in rows)
        self._touch(table, rows, columns)
        return []

    def refold(self, table: str, pks: list[str]) -> None:
        """Rebuild rows from all their change records and write what differs."""
        for chunk in _chunks(sorted(set(pks))):
            records = stored_records(self.conn, table, chunk)
            current = stored_states(self.conn, list(self.schema.tables[table].columns), table, chunk)
            for pk in chunk:
                self._write(table, pk, self._fold(table, pk, records.get(pk, [])), current.get(pk))

    def _fold(self, table: str, pk: str, recs: list[Rec]) -> RowState | None:
        columns = list(self.schema.tables[table].columns)
        baseline = None
        if table in OWNED_TABLES:
            if self.township is not None:
                recs = [r for r in recs if r.site == self.township]
            baseline = self.baseline(table).get(pk)
        return fold(columns, recs, baseline, table in INSERT_ONLY, column_defaults(self.conn, table))

    def baseline(self, table: str) -> dict[str, dict]:
        """The seed rows of a township-owned table, by id."""
        if self._baseline is None:
            self._baseline = baseline_rows()
        return self._baseline.get(table, {})

    def _write(self, table: str, pk: str, state: RowState | None, current: RowState | None) -> None:
        self._conflicts(table, pk, state)
        if state is None:
            return
        if state.exists:
            self.result.present[table].add(pk)
        if current is not None and _same(state, current):
            self.result.unchanged += 1
            return
        if state.exists:
            self._write_row(table, pk, state)
            visible = current is not None and current.exists
            clocks_only = visible and state.values == current.values  # newer clocks, the same values: not an edit
            self.result.updated += visible and not clocks_only
            self.result.unchanged += clocks_only
            self.result.new += not visible
        else:
            self._write_tombstone(table, pk, state, current)

    def _write_row(self, table: str, pk: str, state: RowState) -> None:
        columns = list(self.schema.tables[table].columns)
        names = [*columns, "_cl", "_hlc", "_site"]
        values = [state.values[c] for c in columns] + [state.cl, *state.row_clock]
        self.conn.execute("SAVEPOINT row")
        try:
            self.conn.execute(
                f"INSERT INTO {table}(id, {', '.join(names)}) VALUES ({', '.join('?' * (len(names) + 1))}) "
                f"ON CONFLICT(id) DO UPDATE SET {', '.join(f'{n} = excluded.{n}' for n in names)}",
                (pk, *values),
            )
        except sqlite3.IntegrityError:  # another row holds its natural key (a unique index): wait for the clerk
            self.conn.execute("ROLLBACK TO row")
            self.conn.execute("RELEASE row")
            self.conn.execute(
                "INSERT OR REPLACE INTO sync_parked VALUES (?, ?, ?, ?, 'unique', 0)",
                (table, pk, state.values.get("household_id") or pk, table),
            )
            self.result.present[table].discard(pk)
            return
        self.conn.execute("RELEASE row")
        self.conn.execute("DELETE FROM tombstones WHERE tbl = ? AND pk = ?", (table, pk))
        self.conn.execute("DELETE FROM col_clocks WHERE tbl = ? AND pk = ?", (table, pk))
        self.conn.executemany(
            "INSERT INTO col_clocks(tbl, pk, col, prio, hlc, site) VALUES (?, ?, ?, ?, ?, ?)",
            [(table, pk, col, *clock) for col, clock in sorted(state.col_clocks.items())],
        )
        self._touch(table, [(pk, *values)], columns)

    def _write_tombstone(self, table: str, pk: str, state: RowState, current: RowState | None) -> None:
        if current is not None and current.exists:
            for key, values in parent_keys(self.conn, self.fks, table, [pk]).items():
                self.result.removed[key] |= values
            self._touch(
                table,
                [(pk, *[current.values[c] for c in self.schema.tables[table].columns])],
                list(self.schema.tables[table].columns),
            )
            self.result.deleted += 1
        self.conn.execute(f"DELETE FROM {table} WHERE id = ?", (pk,))
        self.conn.execute("DELETE FROM col_clocks WHERE tbl = ? AND pk = ?", (table, pk))
        self.conn.execute(
            "INSERT INTO tombstones(tbl, pk, cl, hlc, site) VALUES (?, ?, ?, ?, ?) ON CONFLICT(tbl, pk) DO UPDATE "
            "SET cl = excluded.cl, hlc = excluded.hlc, site = excluded.site",
            (table, pk, state.cl, *state.row_clock),
        )

    def _conflicts(self, table: str, pk: str, state: RowState | None) -> None:
        self.conn.execute("DELETE FROM sync_conflicts WHERE tbl = ? AND pk = ?", (table, pk))
        if state is None or not state.conflicts:
            return
        scope = state.values.get("household_id") or (pk if table == "households" else None)
        rows = []
        for conflict in state.conflicts:
            loser = conflict.loser
            rows.append(
                (
                    conflict.kind,
                    table,
                    pk,
                    conflict.column,
                    scope or loser.rec.scope or pk,
                    *loser.clock,
                    loser.rec.seq,
                    loser.rec.user,
                    canonical_json(loser.value),
                )
            )
        self.conn.executemany("INSERT OR REPLACE INTO sync_conflicts VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", rows)

    def _touch(self, table: str, rows: list[tuple], columns: list[str]) -> None:
        """Remember the households whose search documents must be rebuilt."""
        if table == "households":
            self.result.households.update(r[0] for r in rows)
        elif "household_id" in columns:
            index = columns.index("household_id") + 1
            self.result.households.update(r[index] for r in rows if r[index])
            if table == "members":
                self.result.members.update(r[0] for r in rows)


def _same(state: RowState, current: RowState) -> bool:
    if state.exists != current.exists or state.cl != current.cl or state.row_clock != current.row_clock:
        return False
    return not state.exists or (state.values == current.values and state.col_clocks == current.col_clocks)


def _chunks(items: list[Any], size: int = CHUNK) -> list[list[Any]]:
    return [items[i : i + size] for i in range(0, len(items), size)]


__all__ = ["BASELINE_SITE", "Applied", "Applier"]
