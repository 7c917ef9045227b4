"""County-scale benchmark: ``python -m tests.bench [--households N] [--rebuild] [--json]``.

Builds a demo database of 100,000 households once (cached under ``.bench/``),
then measures the operations a user waits for, each next to a plain baseline
measured in the same run on the same file, and prints a table (and JSON).
Later issues add their rows to ``ROWS``.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import random
import shutil
import sqlite3
import sys
import time
from collections.abc import Callable
from dataclasses import asdict, dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CACHE = ROOT / ".bench"
SEARCH_QUERIES = (
    "张",
    "z",
    "zs",
    "wang",
    "zhangwei",
    "李明",
    "王秀英",
    "lj",
    "1234",
    "0521",
    "19800101",
    "芳",
    "liu",
    "6211",
    "138",
    "陈",
)


@dataclass
class Row:
    """One line of the benchmark table."""

    name: str
    value_ms: float
    baseline_name: str
    baseline_ms: float
    target_ms: float | None
    note: str = ""

    @property
    def ratio(self) -> float:
        return self.value_ms / self.baseline_ms if self.baseline_ms else float("inf")

    @property
    def ok(self) -> bool | None:
        return None if self.target_ms is None else self.value_ms <= self.target_ms


def percentile(samples: list[float], pct: float) -> float:
    """The pct-th percentile (nearest rank) of samples, in the samples' unit."""
    ordered = sorted(samples)
    return ordered[min(len(ordered) - 1, max(0, round(pct / 100 * len(ordered)) - 1))]


def timed(fn: Callable[[], object], repeat: int) -> list[float]:
    """Milliseconds of each of ``repeat`` calls."""
    samples = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        samples.append((time.perf_counter() - start) * 1000)
    return samples


def build_database(households: int, seed: int, rebuild: bool) -> tuple[Path, float, bool]:
    """The cached county database (built if missing); returns (path, build seconds, was cached)."""
    from models import migrations
    from models.db import open_database
    from models.demo import generate_demo

    CACHE.mkdir(exist_ok=True)
    name = f"county-{households}-seed{seed}-v{migrations.SCHEMA_VERSION}-{generator_version()}"
    path = CACHE / f"{name}.db"
    meta = path.with_suffix(".json")
    if path.exists() and meta.exists() and not rebuild:
        return path, json.loads(meta.read_text())["seconds"], True
    for stale in CACHE.glob(f"county-{households}-seed{seed}-*"):  # older schema or generator: not reused
        stale.unlink()
    db = open_database(path)
    summary = generate_demo(db, households=households, seed=seed)
    db.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    db.close()
    meta.write_text(json.dumps({"seconds": summary.seconds}))
    return path, summary.seconds, False


def generator_version() -> str:
    """A short hash of the demo generator's code: a cached county database built by other code is rebuilt."""
    sources = sorted((ROOT / "models").glob("demo*.py"))
    digest = hashlib.sha256(b"".join(p.read_bytes() for p in sources))
    return digest.hexdigest()[:8]


def bare_insert_ms(source: Path) -> tuple[float, int]:
    """Milliseconds to INSERT every row of the demo's tables into an empty schema with ``executemany``, in one
    transaction and with the demo's bulk settings (rollback journal, 128 MiB cache), but without change records,
    clocks or search index; and the number of rows. The rows are read into memory first (not timed)."""
    from models.changes import SYNC_TABLES
    from models.db import open_database

    target = CACHE / "demo-baseline.db"
    for stale in CACHE.glob(target.name + "*"):
        stale.unlink()
    open_database(target).close()
    read = sqlite3.connect(source)
    tables = {t: read.execute(f"SELECT * FROM {t}").fetchall() for t in SYNC_TABLES}
    read.close()
    conn = sqlite3.connect(target, isolation_level=None)
    conn.execute("PRAGMA journal_mode = DELETE")
    conn.execute("PRAGMA cache_size = -131072")
    conn.execute("PRAGMA foreign_keys = OFF")
    conn.execute("DELETE FROM regions")  # seed rows of the empty schema, inserted again below
    conn.execute("DELETE FROM code_values")
    conn.execute("DELETE FROM poverty_lines")
    started = time.perf_counter()
    conn.execute("BEGIN IMMEDIATE")
    for table, rows in tables.items():
        if rows:
            conn.executemany(f"INSERT INTO {table} VALUES ({', '.join('?' * len(rows[0]))})", rows)
    conn.execute("COMMIT")
    elapsed = (time.perf_counter() - started) * 1000
    conn.close()
    target.unlink()
    return elapsed, sum(map(len, tables.values()))


def work_copy(path: Path) -> Path:
    """A scratch copy, so edits made by the benchmark never touch the cache."""
    copy = CACHE / "work.db"
    for stale in CACHE.glob("work.db*"):
        stale.unlink()
    shutil.copy(path, copy)
    return copy


def search_rows(conn: sqlite3.Connection) -> list[Row]:
    from models.search import search

    for query in SEARCH_QUERIES:  # warm the page cache, as a user's second search would be
        search(conn, query)
    samples = [s for q in SEARCH_QUERIES for s in timed(lambda q=q: search(conn, q), 5)]
    ids = [r[0] for r in conn.execute("SELECT id_number FROM members ORDER BY random() LIMIT 200")]
    it = iter(ids * 3)
    base = timed(
        lambda: conn.execute("SELECT id, name FROM members WHERE id_number = ?", (next(it),)).fetchall(), len(ids) * 3
    )
    return [
        Row(
            "search p50",
            percentile(samples, 50),
            "indexed SELECT by ID p50",
            percentile(base, 50),
            None,
            f"{len(SEARCH_QUERIES)} queries × 5",
        ),
        Row("search p95", percentile(samples, 95), "indexed SELECT by ID p95", percentile(base, 95), 30.0),
    ]


def load_row(registry, conn: sqlite3.Connection, household_ids: list[str]) -> Row:
    it = iter(household_ids)
    samples = timed(lambda: registry.get_household(next(it)), 200)
    it2 = iter(household_ids[200:])
    base = timed(lambda: conn.execute("SELECT * FROM households WHERE id = ?", (next(it2),)).fetchone(), 200)
    return Row(
        "load one household p50",
        percentile(samples, 50),
        "SELECT one household row p50",
        percentile(base, 50),
        10.0,
        "all parts: members, incomes, status, helpers, measures",
    )


def save_row(registry, conn: sqlite3.Connection, household_ids: list[str]) -> Row:
    rng = random.Random(7)
    it = iter(household_ids)
    samples = timed(lambda: registry.update_household(next(it), {"phone": f"139{rng.randrange(10**8):08d}"}), 200)
    conn.execute("CREATE TABLE IF NOT EXISTS bench_plain (id INTEGER PRIMARY KEY, phone TEXT)")

    def plain_insert() -> None:
        conn.execute("BEGIN IMMEDIATE")
        conn.execute("INSERT INTO bench_plain(phone) VALUES (?)", (f"139{rng.randrange(10**8):08d}",))
        conn.execute("COMMIT")

    base = timed(plain_insert, 200)
    return Row(
        "save an edit p50",
        percentile(samples, 50),
        "bare INSERT + COMMIT p50",
        percentile(base, 50),
        20.0,
        "validation + change log + column clock + search index, synchronous=FULL",
    )


def size_row(path: Path, households: int) -> Row:
    per_household = path.stat().st_size / households / 1024
    return Row(
        "database size per household (KiB)",
        per_household,
        "",
        0.0,
        None,
        f"{path.stat().st_size / 2**20:.0f} MiB in all",
    )


ROWS: list[Callable[..., list[Row]]] = []


def _notice_rows(db, registry) -> list[Row]:  # issue 5: printed notices
    from tests.bench_notices import notice_rows

    return notice_rows(db, registry)


ROWS.append(_notice_rows)


def _excel_rows(db, registry) -> list[Row]:  # issue 8: Excel import and export
    from tests.bench_excel import excel_rows

    return excel_rows(db, registry)


ROWS.append(_excel_rows)


def _sync_rows(db, registry) -> list[Row]:  # issue 6: sync bundles (export, import, bundle size)
    from tests.bench_sync import sync_rows

    return sync_rows(db, registry)


ROWS.append(_sync_rows)


def _procedure_rows(db, registry) -> list[Row]:  # issue 4: warnings, statistics, procedures
    from tests.bench_procedures import procedure_rows

    return procedure_rows(db, registry)


ROWS.append(_procedure_rows)


def _ui_rows(db, registry) -> list[Row]:  # issue 3: the desktop app through its real widgets
    from tests.bench_ui import ui_rows

    return ui_rows(db, registry)


ROWS.append(_ui_rows)


def run(households: int, seed: int, rebuild: bool) -> list[Row]:
    """Build (or reuse) the database and measure every row."""
    from models.db import open_database
    from models.registry import Registry

    cached_path, seconds, cached = build_database(households, seed, rebuild)
    baseline_ms, written = (0.0, 0) if cached else bare_insert_ms(cached_path)
    rows = [
        Row(
            f"demo generation, {households} households (s)",
            seconds * 1000,
            "" if cached else "bare executemany INSERT of the same rows (s)",
            baseline_ms,
            60_000.0,
            "cached from an earlier run (--rebuild measures it)"
            if cached
            else f"built in this run: {written:,} rows, each with its change record, and the search index; "
            "the baseline inserts the rows alone into an empty schema",
        )
    ]
    path = work_copy(cached_path)
    db = open_database(path)
    registry = Registry(db)
    ids = [r[0] for r in db.conn.execute("SELECT id FROM households ORDER BY random() LIMIT 600")]
    rows += search_rows(db.conn)
    rows.append(load_row(registry, db.conn, ids))
    rows.append(save_row(registry, db.conn, ids[200:400]))
    for extra in ROWS:
        rows += extra(db, registry)
    db.close()
    rows.append(size_row(cached_path, households))
    return rows


def format_table(rows: list[Row]) -> str:
    """The rows as an aligned text table."""
    lines = [f"{'measure':44} {'value':>10} {'baseline':>10} {'ratio':>7} {'target':>8}  ok   baseline / note"]
    for row in rows:
        seconds = "(s)" in row.name
        value = row.value_ms / 1000 if seconds else row.value_ms
        target = "" if row.target_ms is None else f"{row.target_ms / 1000 if seconds else row.target_ms:g}"
        base = f"{row.baseline_ms:10.3f}" if row.baseline_ms else f"{'':10}"
        ratio = f"{row.ratio:7.1f}" if row.baseline_ms else f"{'':7}"
        ok = "" if row.ok is None else ("yes" if row.ok else "NO")
        lines.append(
            f"{row.name:44} {value:10.3f} {base} {ratio} {target:>8}  {ok:4} "
            f"{row.baseline_name}{' — ' if row.baseline_name and row.note else ''}{row.note}"
        )
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="County-scale benchmark (times in ms unless marked)")
    parser.add_argument("--households", type=int, default=100_000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--rebuild", action="store_true", help="regenerate the cached database")
    parser.add_argument("--json", action="store_true", help="print JSON instead of the table")
    args = parser.parse_args(argv)
    rows = run(args.households, args.seed, args.rebuild)
    result = [{**asdict(r), "ratio": r.ratio if r.baseline_ms else None, "ok": r.ok} for r in rows]
    (CACHE / "results.json").write_text(json.dumps(result, ensure_ascii=False, indent=1))
    print(json.dumps(result, ensure_ascii=False, indent=1) if args.json else format_table(rows))
    return 0 if all(r.ok is not False for r in rows) else 1


if __name__ == "__main__":
    sys.exit(main())
