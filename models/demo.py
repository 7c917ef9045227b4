"""A synthetic demo registry: a township (or a whole county) of invented poor households.

``generate_demo(db, households=3000, seed=1)`` fills an empty registry with
regions in 甘肃省 (an invented county of 定西市, townships, villages and
their 村民小组), households with coherent families, three years of incomes,
status history, helpers, work teams, pairings, measures and micro-credit
loans.  Nobody real is described.  The same seed and size always give the
same content (ids included): every random value comes from one
``random.Random(seed)`` and no wall-clock value enters a row.

Rows are built one village at a time (bounded memory) and written through
``ChangeWriter.insert_many`` (change log and audit chain included), one
transaction per about 5,000 households; the search index is rebuilt at the
end.
"""

from __future__ import annotations

import datetime
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass

from models.changes import ChangeWriter
from models.db import Database
from models.demo_names import HUI_SURNAME_TABLE, SURNAME_TABLE
from models.demo_people import PeopleMaker
from models.demo_rand import Rand
from models.demo_regions import COUNTY_CODE, VillagePlan, plan_county, region_rows
from models.demo_village import VillageRows, village_rows

try:  # the search index is optional until models/search.py lands everywhere
    from models.search import rebuild_index
except ImportError:  # pragma: no cover
    rebuild_index = None

FIRST_YEAR = 2017
MAX_HOUSEHOLDS = 1_000_000  # township and village code ranges run out beyond this
BATCH_HOUSEHOLDS = 5000  # one transaction per this many households (whole villages; rows are built per village)
CACHE_KIB = 131072  # SQLite page cache while generating (128 MiB): random index inserts stay in memory

__all__ = ["DemoSummary", "generate_demo"]


@dataclass(frozen=True)
class DemoSummary:
    """What ``generate_demo`` created and how long it took."""

    townships: int
    villages: int
    households: int
    members: int
    seconds: float


def generate_demo(db: Database, households: int = 3000, seed: int = 1, current_year: int = 2019,
                  progress: Callable[[int, int], None] | None = None) -> DemoSummary:
    """Fill an empty registry with ``households`` invented households; returns a summary.

    Refuses (ValueError) a database that already holds households or the
    demo county's regions, a size outside 1..1,000,000 and a current year
    outside 2017..this year.  ``progress(done, total)`` is called after each
    village with the number of households written so far.
    """
    _check(db, households, current_year)
    started = time.perf_counter()
    rand = Rand(seed, current_year)
    county = plan_county(rand, households)
    people = PeopleMaker(rand, county.code[:6])
    surnames = (lambda: rand.pick(SURNAME_TABLE), lambda: rand.pick(HUI_SURNAME_TABLE))
    members = done = 0
    with _big_cache(db):
        existing = {r[0] for r in db.conn.execute("SELECT code FROM regions")}
        with db.write(user="demo") as writer:
            writer.insert_many("regions", [r for r in region_rows(county) if r["code"] not in existing])
        for batch in _batches(county.villages):
            with db.write(user="demo") as writer:
                for village in batch:
                    rows = village_rows(rand, people, village, surnames)
                    _write(writer, rows)
                    members += len(rows.tables["members"])
                    done += village.households
                    if progress is not None:
                        progress(done, households)
        if rebuild_index is not None:
            with db.write(user="demo"):
                rebuild_index(db.conn)
    return DemoSummary(len(county.townships), len(county.villages), households, members,
                       round(time.perf_counter() - started, 3))


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
    last = datetime.date.today().year
    if not FIRST_YEAR <= current_year <= last:
        raise ValueError(
            f"当前年度必须在 {FIRST_YEAR}–{last} 之间（现为 {current_year}）。 "
            f"(The current year must be between {FIRST_YEAR} and {last}; got {current_year}.)"
        )


def _batches(villages: list[VillagePlan]) -> Iterator[list[VillagePlan]]:
    """Villages grouped into transactions of about ``BATCH_HOUSEHOLDS`` households."""
    batch: list[VillagePlan] = []
    size = 0
    for village in villages:
        batch.append(village)
        size += village.households
        if size >= BATCH_HOUSEHOLDS:
            yield batch
            batch, size = [], 0
    if batch:
        yield batch


def _write(writer: ChangeWriter, rows: VillageRows) -> None:
    """Insert a village's rows table by table, parents before children."""
    for table, table_rows in rows.tables.items():
        if table_rows:
            writer.insert_many(table, table_rows)


@contextmanager
def _big_cache(db: Database) -> Iterator[None]:
    """A larger page cache for the run (a per-connection setting, restored afterwards)."""
    previous = db.conn.execute("PRAGMA cache_size").fetchone()[0]
    db.conn.execute(f"PRAGMA cache_size = -{CACHE_KIB}")
    try:
        yield
    finally:
        db.conn.execute(f"PRAGMA cache_size = {previous}")

