"""Benchmark rows of issue 6 (sync bundles): export of the county database, import into an empty township.

The county work copy plays a laptop: it gets keys and enrolls a fresh township
database (both under ``.bench/``). Measured: the export (target ≤ 10 s for
100,000 households) and the bundle size per household; the import into the
empty township (target ≥ 100,000 change records/s, and ≥ 40 % of a raw
``executemany`` upsert of the same rows into an empty database, measured in
the same run). The import is timed whole — decryption, checks, merge, search
index — without the pre-import backup; its note says where the time went
and compares it with the least any import must write (the rows and their
change-log rows, upserted raw), and with the least it could write if the
change log were as lean as a record can be.
"""

from __future__ import annotations

import os
import sqlite3
import time
from pathlib import Path

from tests.bench import CACHE, Row

PASSPHRASE = "benchmark passphrase"


def sync_rows(db, registry) -> list[Row]:  # noqa: ANN001 - the bench's (Database, Registry)
    """Export, bundle size, import, and the raw upsert baseline."""
    from exports.bundle_keys import enroll, identity, init_keys, key_file_bytes, read_key_file, unlock
    from exports.bundle_read import import_bundle
    from exports.bundle_write import export_bundle
    from models.db import open_database

    township_path = _fresh(CACHE / "sync-township.db")
    township = open_database(township_path)
    init_keys(township, "township", "bench township", PASSPHRASE)
    if identity(db) is None:
        init_keys(db, "village", "bench laptop", PASSPHRASE)
    laptop_keys, township_keys = unlock(db, PASSPHRASE), unlock(township, PASSPHRASE)
    for owner, reader in ((laptop_keys, township), (township_keys, db)):
        key_file = CACHE / "sync-key.jdkey"
        key_file.write_bytes(key_file_bytes(owner))
        enroll(reader, read_key_file(key_file))
    households = db.conn.execute("SELECT count(*) FROM households").fetchone()[0]
    bundle = CACHE / "sync-bundle.jdb"
    bundle.unlink(missing_ok=True)
    started = time.perf_counter()
    result = export_bundle(db, laptop_keys, bundle)
    export_ms = (time.perf_counter() - started) * 1000
    saved = os.environ.get("JIANDANG_DATA_DIR")
    os.environ["JIANDANG_DATA_DIR"] = str(CACHE / "data")  # the quarantine copy stays in the benchmark's folder
    try:
        started = time.perf_counter()
        report = import_bundle(township, township_keys, bundle, backup=False)
        import_ms = (time.perf_counter() - started) * 1000
    finally:
        if saved is None:
            os.environ.pop("JIANDANG_DATA_DIR", None)
        else:
            os.environ["JIANDANG_DATA_DIR"] = saved
    records = report.merge.applied
    township.close()
    baseline_ms, rows, with_log_ms, lean_ms = _raw_upsert(Path(db.path))
    rate, base_rate, floor_rate = records / import_ms * 1000, rows / baseline_ms * 1000, rows / with_log_ms * 1000
    lean_rate = rows / lean_ms * 1000
    phases = dict(report.merge.seconds, index=report.merge.index_seconds)
    phases["other"] = import_ms / 1000 - sum(phases.values())  # quarantine copy, header, manifest, signature
    spent = ", ".join(f"{name} {seconds:.1f}" for name, seconds in phases.items())
    return [
        Row(
            f"sync export, {households} households (s)",
            export_ms,
            "",
            0.0,
            10_000.0,
            f"{result.records} change records, {result.size / 2**20:.0f} MiB, written, fsynced and read back; "
            "CPU-bound: SQLite formats the lines (2 reader threads) while one thread deflates (level 1) and hashes",
        ),
        Row(
            "sync bundle size per household (KiB)",
            result.size / households / 1024,
            "",
            0.0,
            None,
            "deflate-compressed NDJSON, encrypted",
        ),
        Row(
            "sync import into empty township (s)",
            import_ms,
            "raw executemany upsert of the rows (s)",
            baseline_ms,
            records / 100_000 * 1000,
            f"{rate:,.0f} records/s = {rate / base_rate:.0%} of the raw upsert's {base_rate:,.0f} rows/s (targets "
            f"≥ 100,000/s, which the raw upsert alone {'reaches' if base_rate >= 100_000 else 'does not reach'}, "
            f"and ≥ 40 %); the least an import must write, a raw upsert of the rows and their change-log rows, "
            f"takes {with_log_ms / 1000:.1f} s ({floor_rate:,.0f} rows/s = {floor_rate / base_rate:.0%}): the "
            f"import runs at {rate / floor_rate:.0%} of that. With the leanest change log a record could have the "
            f"floor would be {lean_ms / 1000:.1f} s ({lean_rate / base_rate:.0%}), leaving "
            f"{(baseline_ms / 0.4 - lean_ms) / 1000:.1f} s within 40 % for decrypting, checking, hashing and the "
            f"search index. Seconds: {spent} (read = decrypt, inflate, parse, "
            "check, hash chain; merge = sequence, change log, new rows; finish = indexes, folds, orphans)",
        ),
    ]


def _fresh(path: Path) -> Path:
    for suffix in ("", "-wal", "-shm"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)
    return path


LEAN_LOG = """
CREATE TABLE lean_log (            -- the least a change record can keep: no previous hash, no values for inserts
    site INTEGER NOT NULL, seq INTEGER NOT NULL, hlc INTEGER NOT NULL, user TEXT NOT NULL, tbl INTEGER NOT NULL,
    pk TEXT NOT NULL, scope TEXT NOT NULL, op TEXT NOT NULL, cl INTEGER NOT NULL, vals TEXT, old TEXT, prev TEXT,
    hash BLOB NOT NULL, PRIMARY KEY (site, seq));
CREATE INDEX lean_log_row ON lean_log(tbl, pk);
CREATE INDEX lean_log_scope ON lean_log(scope, hlc);
"""


def _raw_upsert(source: Path) -> tuple[float, int, float, float]:
    """Milliseconds to upsert every row of every syncable table into an empty database in one transaction;
    the row count; the milliseconds when the change-log rows are upserted too (what an import must write);
    and the milliseconds with the leanest change log instead (``LEAN_LOG``: an integer site and table, a
    binary hash, no previous hash, no values for inserts, which the row itself holds)."""
    from models.changes import SYNC_TABLES

    read = sqlite3.connect(source)
    tables = {t: read.execute(f"SELECT * FROM {t}").fetchall() for t in SYNC_TABLES}
    names = {t: [r[1] for r in read.execute(f"PRAGMA table_info({t})")] for t in SYNC_TABLES}
    log = read.execute("SELECT * FROM change_log").fetchall()
    log_names = [r[1] for r in read.execute("PRAGMA table_info(change_log)")]
    read.close()
    updates = ", ".join(f"{c} = excluded.{c}" for c in log_names if c not in ("site", "seq"))
    insert_log = (
        f"INSERT INTO change_log({', '.join(log_names)}) VALUES ({', '.join('?' * len(log_names))}) "
        f"ON CONFLICT(site, seq) DO UPDATE SET {updates}"
    )
    lean = _lean(log, log_names, SYNC_TABLES)
    timings = []
    for extra in (None, (insert_log, log), ("INSERT INTO lean_log VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)", lean)):
        timings.append(_timed_upsert(tables, names, extra))
    return timings[0], sum(len(rows) for rows in tables.values()), timings[1], timings[2]


def _lean(log: list[tuple], names: list[str], tables: tuple[str, ...]) -> list[tuple]:
    at = {name: i for i, name in enumerate(names)}
    sites: dict[str, int] = {}
    return [
        (
            sites.setdefault(r[at["site"]], len(sites) + 1),
            *(r[at[c]] for c in ("seq", "hlc", "user")),
            tables.index(r[at["tbl"]]),
            *(r[at[c]] for c in ("pk", "scope", "op", "cl")),
            None if r[at["op"]] == "insert" else r[at["vals"]],
            r[at["old"]],
            r[at["prev"]],
            bytes.fromhex(r[at["hash"]]),
        )
        for r in log
    ]


def _timed_upsert(tables: dict[str, list], names: dict[str, list[str]], extra: tuple[str, list] | None) -> float:
    """Milliseconds to upsert the rows, and ``extra``'s (SQL, rows) if given, into a new database, one transaction."""
    from models.db import open_database

    target = _fresh(CACHE / "sync-baseline.db")
    open_database(target).close()
    conn = sqlite3.connect(target, isolation_level=None)
    conn.execute("PRAGMA journal_mode = WAL")
    conn.execute("PRAGMA synchronous = FULL")
    conn.executescript(LEAN_LOG)
    started = time.perf_counter()
    conn.execute("BEGIN IMMEDIATE")
    for table, rows in tables.items():
        if rows:
            columns = names[table]
            updates = ", ".join(f"{c} = excluded.{c}" for c in columns if c != "id")
            conn.executemany(
                f"INSERT INTO {table}({', '.join(columns)}) VALUES ({', '.join('?' * len(columns))}) "
                f"ON CONFLICT(id) DO UPDATE SET {updates}",
                rows,
            )
    if extra:
        conn.executemany(*extra)
    conn.execute("COMMIT")
    elapsed = (time.perf_counter() - started) * 1000
    conn.close()
    _fresh(target)
    return elapsed


if __name__ == "__main__":  # a quick look without the whole benchmark: python -m tests.bench_sync DB
    import sys

    from models.db import open_database
    from tests.bench import format_table

    print(format_table(sync_rows(open_database(sys.argv[1]), None)))
