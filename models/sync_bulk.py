"""Importing into a (nearly) empty replica: secondary indexes are built once at the end, not row by row.

When this replica's change log is still small — a new township, or one that
holds little besides its regions — nearly every incoming row is new. The
merge then reads the ids of the rows it already knows into memory, drops
the non-unique indexes of the syncable tables (but the township-owned code
tables) and the change log's two secondary indexes, streams the records in,
and recreates the indexes before anything reads through them (``CREATE
INDEX`` sorts once, far cheaper than millions of random B-tree inserts).
Unique indexes stay, so a row refused by a natural key is caught as it is
written, as on the general path. All of it happens inside the import's one
transaction: a rollback or a crash restores the indexes with everything else.
"""

from __future__ import annotations

import sqlite3

from models.changes import SYNC_TABLES
from models.sync_baseline import OWNED_TABLES

LOG_INDEXES = ("change_log_scope", "change_log_row")
SMALL = 100_000  # change records: up to this many, their row ids are held in memory during an import
BULK_MIN = 1000  # records in an import's first batch from which indexes are dropped and rebuilt
MERGED = tuple(t for t in SYNC_TABLES if t not in OWNED_TABLES)


def known_rows(conn: sqlite3.Connection) -> dict[str, set[str]] | None:
    """The ids of the rows with change records, per table but the owned ones; None when there are too many."""
    count = conn.execute(f"SELECT count(*) FROM (SELECT 1 FROM change_log LIMIT {SMALL + 1})").fetchone()[0]
    if count > SMALL:
        return None
    known: dict[str, set[str]] = {t: set() for t in MERGED}
    for table, pk in conn.execute("SELECT DISTINCT tbl, pk FROM change_log"):
        if table in known:
            known[table].add(pk)
    return known


def drop_indexes(conn: sqlite3.Connection) -> list[tuple[str, str]]:
    """Drop the change log's secondary indexes and the non-unique ones of the merged tables; (name, sql) of each."""
    tables = list(MERGED)
    rows = conn.execute(
        "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL "
        f"AND tbl_name IN ({', '.join('?' * len(tables))}) ORDER BY name",
        tables,
    ).fetchall()
    dropped = [(name, sql) for name, sql in rows if not sql.lstrip().upper().startswith("CREATE UNIQUE")]
    dropped += conn.execute(
        f"SELECT name, sql FROM sqlite_master WHERE type = 'index' AND name IN ({', '.join('?' * len(LOG_INDEXES))})",
        LOG_INDEXES,
    ).fetchall()
    for name, _ in dropped:
        conn.execute(f'DROP INDEX "{name}"')
    return dropped


def restore_indexes(conn: sqlite3.Connection, dropped: list[tuple[str, str]]) -> None:
    """Recreate the indexes ``drop_indexes`` dropped."""
    for _, sql in dropped:
        conn.execute(sql)
