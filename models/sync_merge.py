"""Merging remote change records into this database, inside one transaction.

    db.conn.execute("BEGIN IMMEDIATE")
    merger = Merger(db)
    for batch in batches:            # validated records, change_log column order
        merger.add(batch)
    report = merger.finish()
    db.conn.execute("COMMIT")        # or ROLLBACK: nothing at all was applied

Each batch is sequenced (duplicates skipped, site forks refused, records
beyond a gap held), appended to the local change log with its origin site,
seq and hash (so the chain of every site verifies here too and the township
can pass the records on), and merged into the rows (``sync_apply``).
``finish`` re-examines parked rows, parks orphans, rebuilds the search
documents of the touched households, flags possible duplicates (one ID number
in two households), advances the local clock and returns the report.
Importing the same records again changes nothing.
"""

from __future__ import annotations

import gc
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import asdict, dataclass, field

from models.clock import MAX_FUTURE_MS, unpack, wall_ms
from models.db import Database
from models.sync_apply import Applier
from models.sync_baseline import OWNED_TABLES
from models.sync_bulk import BULK_MIN
from models.sync_clock import ClockAheadError as ClockAheadError  # re-exported: the importers catch it here
from models.sync_clock import ClockCheck
from models.sync_duplicates import duplicate_numbers
from models.sync_parking import settle, take_parked
from models.sync_records import HLC, SITE, TBL, Log, SyncSchema
from models.sync_sequence import sequence, store
from models.sync_state import site_ranges, township_site

REBUILD_SHARE = 0.3  # re-index everything when an import touches more than this share of households
REBUILD_MIN = 2000
CACHE_KIB = 1048576  # SQLite page cache during a merge (1 GiB, taken only as needed; fewer spills in a big import)


@dataclass
class MergeReport:
    """What one import did (all counts are of change records unless they say rows)."""

    received: int = 0
    duplicates: int = 0
    applied: int = 0
    held: int = 0
    rejected: int = 0
    rows_new: int = 0
    rows_updated: int = 0
    rows_deleted: int = 0
    rows_unchanged: int = 0
    conflicts: int = 0
    conflicts_new: int = 0
    parked: int = 0
    possible_duplicates: int = 0
    per_table: dict[str, int] = field(default_factory=dict)
    sites: dict[str, list[int]] = field(default_factory=dict)  # site -> [first, last] applied now
    missing: dict[str, list[list[int]]] = field(default_factory=dict)  # site -> missing ranges after
    max_hlc: int = 0
    future_ms: int = 0  # how far the newest record's clock is ahead of ours (0 if not)
    warnings: list[list[str]] = field(default_factory=list)  # [zh, en]: e.g. accepted records dated ahead
    index_seconds: float = 0.0  # time spent rebuilding search documents
    seconds: dict[str, float] = field(default_factory=dict)  # where the time went: merge, finish (and the caller's)

    def to_dict(self) -> dict:
        """Plain data (for JSON)."""
        return asdict(self)


@contextmanager
def merge_transaction(db: Database) -> Iterator[None]:
    """One ``BEGIN IMMEDIATE`` transaction for a merge, with SQLite's foreign-key enforcement paused.

    Rows arrive in any order, so parents may come after their children;
    ``sync_parking.settle`` checks every touched reference before the commit
    instead (and parks orphans). On any exception the transaction is rolled
    back and the in-memory clock restored. Inside an open transaction (an
    import preview, which paused foreign keys before it began) the merge is a
    savepoint of it instead: released on success, rolled back on an exception.
    """
    conn = db.conn
    nested = conn.in_transaction
    saved = db.clock.last
    collecting = gc.isenabled()
    gc.disable()  # millions of short-lived, acyclic records: the cycle collector would only rescan them
    cache = conn.execute("PRAGMA cache_size").fetchone()[0]
    if not nested:
        conn.execute("PRAGMA foreign_keys = OFF")
    conn.execute(f"PRAGMA cache_size = {-CACHE_KIB}")  # a big import touches indexes all over the file
    try:
        conn.execute("SAVEPOINT merge" if nested else "BEGIN IMMEDIATE")
        try:
            yield
            if conn.in_transaction:
                conn.execute("RELEASE merge" if nested else "COMMIT")
        except BaseException:
            db.clock.last = saved
            if conn.in_transaction:
                for step in ("ROLLBACK TO merge", "RELEASE merge") if nested else ("ROLLBACK",):
                    conn.execute(step)
            raise
    finally:
        if not nested:
            conn.execute("PRAGMA foreign_keys = ON")
        conn.execute(f"PRAGMA cache_size = {int(cache)}")
        if collecting:
            gc.enable()


class Merger:
    """Merges batches of validated change records inside ``merge_transaction``."""

    def __init__(self, db: Database, accept_skew: bool = False, now_ms: int | None = None) -> None:
        if not db.conn.in_transaction:
            raise RuntimeError("Merger needs an open write transaction")
        self.db = db
        self.conn = db.conn
        self.accept_skew = accept_skew
        self.now_ms = now_ms if now_ms is not None else wall_ms()
        self.applier = Applier(self.conn, SyncSchema.load(self.conn), township_site(self.conn))
        self.clocks = ClockCheck(self.conn, db.site_id, self.applier.township, self.now_ms)
        self.parked = take_parked(self.conn)
        self.report = MergeReport()
        self._conflicts_before = self._count_conflicts()
        self._sites: set[str] = set()
        self._clock = 0

    def add(self, logs: list[Log], parsed: dict[tuple, dict] | None = None) -> None:
        """Merge one batch of records (each checked by ``sync_records``); ``parsed`` maps (site, seq) to vals."""
        report = self.report
        started = time.perf_counter()
        if not report.received and len(logs) >= BULK_MIN:  # a big first batch: maybe a first import (sync_bulk)
            self.applier.begin_bulk()
        report.received += len(logs)
        ahead = self._check_clocks(logs)
        sequenced = sequence(self.conn, logs, self.db.site_id)
        if ahead:  # judge the new records only: not duplicates, nor held records of earlier imports released now
            incoming = {id(log) for log in logs}
            self.clocks.judge([r for r in (*sequenced.apply, *sequenced.hold) if id(r) in incoming], self.accept_skew)
            self.clocks.note(sequenced.apply)
        plan = self.applier.plan(sequenced.apply)
        store(self.conn, sequenced)
        self.applier.apply(plan, parsed)
        report.duplicates += sequenced.duplicates
        report.applied += len(sequenced.apply)
        report.held += len(sequenced.hold)
        for log in logs:
            report.per_table[log[TBL]] = report.per_table.get(log[TBL], 0) + 1
        for log in sequenced.apply:
            first, last = report.sites.get(log[SITE], (log[1], log[1]))
            report.sites[log[SITE]] = [min(first, log[1]), max(last, log[1])]
        self._sites.update(log[SITE] for log in logs)
        report.seconds["merge"] = report.seconds.get("merge", 0.0) + time.perf_counter() - started

    def _check_clocks(self, logs: list[Log]) -> bool:
        """Note how far ahead the records are, adopt the clocks within 24 h; True when any is further ahead."""
        if not logs:
            return False
        newest = max(log[HLC] for log in logs)
        self.report.max_hlc = max(self.report.max_hlc, newest)
        ahead = unpack(newest)[0] - self.now_ms
        self.report.future_ms = max(self.report.future_ms, ahead, 0)
        within = [log[HLC] for log in logs if unpack(log[HLC])[0] <= self.now_ms + MAX_FUTURE_MS]
        if within:
            self._clock = max(self._clock, max(within))
        return ahead > MAX_FUTURE_MS

    def finish(self) -> MergeReport:
        """Re-examine parked rows, park orphans, re-index, flag duplicates, advance the clock; the report."""
        applier, report = self.applier, self.report
        begun = time.perf_counter()
        applier.end_bulk()
        for table, pks in self.parked.items():
            applier.refold(table, sorted(pks))
        for table, pks in self._strays().items():
            applier.refold(table, pks)
        for table, pks in self._conflicted().items():  # local edits since may have settled them
            applier.refold(table, pks)
        report.parked = settle(self.conn, applier.result.present, applier.result.removed)
        started = time.perf_counter()
        self._reindex()
        report.index_seconds = round(time.perf_counter() - started, 3)
        result = applier.result
        report.rows_new, report.rows_updated = result.new, result.updated
        report.rows_deleted, report.rows_unchanged, report.rejected = result.deleted, result.unchanged, result.rejected
        report.parked = self.conn.execute("SELECT count(*) FROM sync_parked").fetchone()[0]
        report.possible_duplicates = len(duplicate_numbers(self.conn, sorted(result.members)))
        report.conflicts = self._count_conflicts()
        report.conflicts_new = max(0, report.conflicts - self._conflicts_before)
        ranges = site_ranges(self.conn, sorted(self._sites))
        report.missing = {s: [list(r) for r in ranges[s].missing] for s in sorted(self._sites) if ranges[s].missing}
        report.warnings = self.clocks.warnings()
        self._advance_clock()
        report.seconds["finish"] = time.perf_counter() - begun - report.index_seconds
        report.seconds = {k: round(v, 3) for k, v in report.seconds.items()}
        return report

    def _strays(self) -> dict[str, list[str]]:
        """Rows of township-owned tables that a laptop's record changed locally: rebuilt without it."""
        township = self.applier.township
        if township is None:
            return {}
        found: dict[str, list[str]] = {}
        for table in sorted(OWNED_TABLES):
            rows = self.conn.execute(
                "SELECT DISTINCT pk FROM change_log WHERE tbl = ? AND site != ?", (table, township)
            ).fetchall()
            if rows:
                found[table] = [r[0] for r in rows]
        return found

    def _conflicted(self) -> dict[str, list[str]]:
        found: dict[str, list[str]] = {}
        for table, pk in self.conn.execute("SELECT DISTINCT tbl, pk FROM sync_conflicts ORDER BY tbl, pk"):
            found.setdefault(table, []).append(pk)
        return found

    def _reindex(self) -> None:
        from models.search import index_households, rebuild_index

        households = set(self.applier.result.households)
        households.update(r[0] for r in self.conn.execute("SELECT scope FROM sync_parked"))
        for key, values in self.applier.result.removed.items():
            if key == ("households", "id"):
                households |= values
        if not households:
            return
        total = self.conn.execute("SELECT count(*) FROM households").fetchone()[0]
        if len(households) > max(REBUILD_MIN, REBUILD_SHARE * total):
            rebuild_index(self.conn)
        else:
            index_households(self.conn, households)

    def _advance_clock(self) -> None:
        if self._clock:
            self.db.clock.observe(self._clock)
            self.conn.execute("UPDATE sync_state SET hlc = ? WHERE id = 1", (self.db.clock.last,))

    def _count_conflicts(self) -> int:
        return self.conn.execute("SELECT count(*) FROM sync_conflicts").fetchone()[0]


def reconcile(db: Database) -> MergeReport:
    """Re-examine parked rows and open conflicts after local edits (e.g. a household restored by the clerk)."""
    return merge_records(db, [])


def merge_records(db: Database, logs: list[Log], accept_skew: bool = False) -> MergeReport:
    """Merge records in one transaction of their own (for tests and small tools); rolls back on any error."""
    with merge_transaction(db):
        merger = Merger(db, accept_skew)
        merger.add(list(logs))
        return merger.finish()
