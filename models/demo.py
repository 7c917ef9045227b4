"""A synthetic demo registry: a township (or a whole county) of invented poor households.

``generate_demo(db, households=3000, seed=1)`` fills an empty registry with
regions in 甘肃省 (an invented county of 定西市, townships, villages and
their 村民小组), households with coherent families, three years of incomes,
status history, helpers, work teams, pairings, measures and micro-credit
loans.  Nobody real is described.  The same seed and size always give the
same content (ids included): every random value comes from one
``random.Random(seed)`` and no wall-clock value enters a row.

Rows are built one village at a time (bounded memory), coerced and
JSON-encoded ahead (``models.demo_stream``: from ``WORKER_HOUSEHOLDS`` on
in a worker process, while this process writes) and written through
``ChangeWriter.insert_prepared``: every row with its change-log record, in
the one hash chain.  The search index is filled along the way, with the
same documents and ids ``rebuild_index`` gives, and optimised at the end,
when the change log's secondary indexes are built too (``models.bulk_load``:
a load that dies half-way gets them rebuilt at the next start).
One transaction per about ``BATCH_HOUSEHOLDS`` households.
"""

from __future__ import annotations

import datetime
import sqlite3
import time
from collections.abc import Callable, Iterator
from contextlib import closing, contextmanager, suppress
from dataclasses import dataclass

from models.bulk_load import begin_bulk_load, finish_bulk_load
from models.bulk_rows import table_spec
from models.db import Database
from models.demo_regions import COUNTY_CODE
from models.demo_stream import Message, stream
from models.demo_village import TABLES
from models.search_index import write_documents

FIRST_YEAR = 2017
MAX_HOUSEHOLDS = 1_000_000  # township and village code ranges run out beyond this
BATCH_HOUSEHOLDS = 5000  # one transaction per this many households (whole villages; rows are built per village)
CACHE_KIB = 131072  # SQLite page cache while generating (128 MiB): random index inserts stay in memory
WORKER_HOUSEHOLDS = 5000  # from this size on the villages are drawn in a worker process
SUSPENDED_INDEXES = ("change_log_scope", "change_log_row")  # built once at the end (models.bulk_load)

__all__ = ["DemoSummary", "generate_demo"]


@dataclass(frozen=True)
class DemoSummary:
    """What ``generate_demo`` created and how long it took."""

    townships: int
    villages: int
    households: int
    members: int
    seconds: float


def generate_demo(
    db: Database,
    households: int = 3000,
    seed: int = 1,
    current_year: int = 2019,
    progress: Callable[[int, int], None] | None = None,
    worker: bool | None = None,
) -> DemoSummary:
    """Fill an empty registry with ``households`` invented households; returns a summary.

    Refuses (ValueError) a database that already holds households or the
    demo county's regions, a size outside 1..1,000,000 and a current year
    outside 2017..this year.  ``progress(done, total)`` is called after each
    village with the number of households written so far.  ``worker``: draw
    the villages in a worker process while this one writes (default: from
    ``WORKER_HOUSEHOLDS`` households on); the content is the same either way.
    """
    _check(db, households, current_year)
    started = time.perf_counter()
    parameters = {
        "seed": seed,
        "households": households,
        "current_year": current_year,
        "specs": {table: table_spec(db.conn, table) for table in ("regions", *TABLES)},
        "existing_regions": frozenset(r[0] for r in db.conn.execute("SELECT code FROM regions")),
    }
    in_worker = households >= WORKER_HOUSEHOLDS if worker is None else worker
    with closing(stream(parameters, in_worker)) as messages, _bulk_settings(db):
        _, townships, villages, regions = next(messages)
        with db.write(user="demo") as writer:
            writer.insert_prepared("regions", regions)
            begin_bulk_load(db.conn, SUSPENDED_INDEXES)
        try:
            members = _write_villages(db, messages, households, progress)
        except BaseException:
            with suppress(Exception):  # the search index merges automatically again, even after a failure
                _finish_index(db)
            raise
        _finish_index(db)
    return DemoSummary(townships, villages, households, members, round(time.perf_counter() - started, 3))


def _write_villages(
    db: Database, messages: Iterator[Message], households: int, progress: Callable[[int, int], None] | None
) -> int:
    """Write each village's rows and search documents as it comes, a transaction per batch; returns the members."""
    members = done = 0
    while True:
        with db.write(user="demo") as writer:
            batch = 0
            for _, count, people, tables, documents in messages:
                for table, rows in tables:
                    writer.insert_prepared(table, rows)
                for chunk in documents:
                    write_documents(db.conn, chunk)
                members += people
                done += count
                if progress is not None:
                    progress(done, households)
                batch += count
                if batch >= BATCH_HOUSEHOLDS:
                    break
            else:
                return members


def _finish_index(db: Database) -> None:
    with db.write(user="demo"):
        finish_bulk_load(db.conn)


def _check(db: Database, households: int, current_year: int) -> None:
    if db.conn.execute("SELECT 1 FROM households LIMIT 1").fetchone() is not None:
        raise ValueError(
            "数据库中已有贫困户数据，不能再生成演示数据。请新建一个空数据库后再生成。 "
            "(The database already holds households; demo data can only be generated in a new, empty database.)"
        )
    if db.conn.execute("SELECT 1 FROM regions WHERE code LIKE ? LIMIT 1", (COUNTY_CODE[:6] + "%",)).fetchone():
        raise ValueError(
            f"数据库中已有演示县（{COUNTY_CODE[:6]}）的区划，不能再生成演示数据。 "
            f"(The database already holds regions of the demo county {COUNTY_CODE[:6]}.)"
        )
    if not 1 <= households <= MAX_HOUSEHOLDS:
        raise ValueError(
            f"演示户数必须在 1–{MAX_HOUSEHOLDS} 之间（现为 {households}）。 "
            f"(The number of demo households must be between 1 and {MAX_HOUSEHOLDS}; got {households}.)"
        )
    last = datetime.date.today().year - 1  # the demo describes a year that has ended (as of its 31 December)
    if not FIRST_YEAR <= current_year <= last:
        raise ValueError(
            f"当前年度必须在 {FIRST_YEAR}–{last} 之间（现为 {current_year}）。 "
            f"(The current year must be between {FIRST_YEAR} and {last}; got {current_year}.)"
        )


@contextmanager
def _bulk_settings(db: Database) -> Iterator[None]:
    """Settings for the bulk load, restored afterwards: a larger page cache and no write-ahead log if possible.

    With a rollback journal instead of the WAL every page is written once,
    not to the log and then again to the file.  That needs the only
    connection to the file, else (the switch is refused) the WAL stays, with
    ``synchronous = NORMAL`` while generating: ``_check`` allows no
    household in the registry, so what a power cut could cost (the last
    batches, never the file's integrity in WAL mode) is demo data that is
    simply generated again.  Interrupted with the rollback journal, the
    file rolls back when next opened.
    """
    conn = db.conn
    previous_cache = conn.execute("PRAGMA cache_size").fetchone()[0]
    previous_sync = conn.execute("PRAGMA synchronous").fetchone()[0]
    previous_journal = conn.execute("PRAGMA journal_mode").fetchone()[0]
    conn.execute(f"PRAGMA cache_size = -{CACHE_KIB}")
    journal = _try_journal(conn, "DELETE") or previous_journal
    if journal == "wal":
        conn.execute("PRAGMA synchronous = NORMAL")
    try:
        yield
    finally:
        if journal != previous_journal:
            conn.execute(f"PRAGMA journal_mode = {previous_journal}")
        conn.execute(f"PRAGMA synchronous = {previous_sync}")
        conn.execute(f"PRAGMA cache_size = {previous_cache}")


def _try_journal(conn: sqlite3.Connection, mode: str) -> str | None:
    """Switch the journal mode unless another connection uses the file (without waiting); the mode now, or None."""
    timeout = conn.execute("PRAGMA busy_timeout").fetchone()[0]
    conn.execute("PRAGMA busy_timeout = 0")
    try:
        return conn.execute(f"PRAGMA journal_mode = {mode}").fetchone()[0]
    except sqlite3.OperationalError:  # locked: another connection has the file open
        return None
    finally:
        conn.execute(f"PRAGMA busy_timeout = {timeout}")
