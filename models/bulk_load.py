"""Crash-safe bulk loads: indexes dropped while a large load runs, rebuilt once at its end.

Building an index once over a million rows is cheaper than keeping it up
to date row by row.  ``begin_bulk_load`` drops the named indexes and pauses
the search index's merging, and records what it did in the ``settings``
table in the same transaction; ``finish_bulk_load`` undoes both and clears
the record.  If the program dies in between (power cut, kill), the record
survives, and ``open_database`` calls ``finish_bulk_load`` on the next
start: the file never stays without its indexes.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Sequence

from models.search_index import begin_bulk_index, end_bulk_index

PENDING_KEY = "bulk_load_pending"


def begin_bulk_load(conn: sqlite3.Connection, indexes: Sequence[str]) -> None:
    """Drop ``indexes``, empty and pause the search index, and record both; the caller holds the transaction."""
    rows = conn.execute(
        f"SELECT name, sql FROM sqlite_master WHERE type = 'index' AND name IN ({', '.join('?' * len(indexes))})",
        tuple(indexes),
    ).fetchall()
    for name, _ in rows:
        conn.execute(f"DROP INDEX {name}")
    begin_bulk_index(conn)
    conn.execute(
        "INSERT INTO settings(key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value",
        (PENDING_KEY, json.dumps({"indexes": [sql for _, sql in rows]})),
    )


def finish_bulk_load(conn: sqlite3.Connection) -> bool:
    """Rebuild what ``begin_bulk_load`` dropped and resume merging; False if no load was pending.

    The caller holds the transaction.
    """
    row = conn.execute("SELECT value FROM settings WHERE key = ?", (PENDING_KEY,)).fetchone()
    if row is None:
        return False
    for sql in json.loads(row[0])["indexes"]:
        conn.execute(sql.replace("CREATE INDEX ", "CREATE INDEX IF NOT EXISTS ", 1))
    end_bulk_index(conn)
    conn.execute("DELETE FROM settings WHERE key = ?", (PENDING_KEY,))
    return True


def bulk_load_pending(conn: sqlite3.Connection) -> bool:
    """True when a bulk load began and did not finish (its indexes are missing)."""
    return conn.execute("SELECT 1 FROM settings WHERE key = ?", (PENDING_KEY,)).fetchone() is not None
