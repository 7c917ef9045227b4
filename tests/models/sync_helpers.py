"""Helpers for the sync tests: replicas, raw edits through the ChangeWriter, record exchange."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from models.db import Database, open_database
from models.dump import dump_json
from models.sync_merge import MergeReport, merge_records
from models.sync_records import LOG_COLUMNS

VILLAGE = "621121103201"
REGIONS = (
    ("62", "甘肃省", 2),
    ("6211", "定西市", 3),
    ("621121", "通渭县", 3),
    ("621121103", "平襄镇", 4),
    (VILLAGE, "文峰村", 5),
)


def logs(db: Database, site: str | None = None, after: int = 0) -> list[tuple]:
    """Every change record of ``db`` (of one site, after a seq), in change_log column order."""
    sql = f"SELECT {', '.join(LOG_COLUMNS)} FROM change_log"
    if site is None:
        return db.conn.execute(sql + " ORDER BY site, seq").fetchall()
    return db.conn.execute(sql + " WHERE site = ? AND seq > ? ORDER BY seq", (site, after)).fetchall()


def replica(path: Path, township: str | None = None) -> Database:
    """A fresh database that knows ``township`` as its township (for the code-table rule)."""
    db = open_database(path)
    if township is not None:
        set_township(db, township)
    return db


def set_township(db: Database, township: str) -> None:
    """Record the township's site id as an enrolled peer (without keys; enough for the merge rule)."""
    db.conn.execute(
        "INSERT OR REPLACE INTO sync_peers(site_id, role, name, sign_public, enc_public, fingerprint, enrolled) "
        "VALUES (?, 'township', 'township', '', '', '', '2019-01-01')",
        (township,),
    )


def add_regions(db: Database) -> None:
    """The five regions down to one village, through the change log."""
    from models.changes import stable_id

    with db.write("setup") as writer:
        parent = None
        for code, name, level in REGIONS:
            writer.insert(
                "regions",
                {"id": stable_id("region", code), "code": code, "name": name, "level": level, "parent_code": parent},
            )
            parent = code


def pull(target: Database, source: Database) -> MergeReport:
    """Merge every record ``source`` holds (its own and those it received) into ``target``."""
    own = target.site_id
    return merge_records(target, [r for r in logs(source) if r[0] != own])


def conflicts(db: Database) -> list[tuple]:
    """The open conflicts, comparable across replicas."""
    return db.conn.execute(
        "SELECT kind, tbl, pk, col, loser_prio, loser_hlc, loser_site, loser_seq, loser_value FROM sync_conflicts "
        "ORDER BY tbl, pk, col, kind, loser_site, loser_hlc"
    ).fetchall()


def parked(db: Database) -> list[tuple]:
    """The parked rows, comparable across replicas."""
    return db.conn.execute("SELECT tbl, pk, parent_tbl, parent_key FROM sync_parked ORDER BY tbl, pk").fetchall()


def state(db: Database) -> tuple[str, list[tuple], list[tuple]]:
    """Everything that must be identical on converged replicas."""
    return dump_json(db.conn), conflicts(db), parked(db)


def integrity(db: Database) -> list[tuple]:
    """Integrity and foreign-key problems (empty when the file is sound)."""
    problems = [r for r in db.conn.execute("PRAGMA integrity_check") if r[0] != "ok"]
    return problems + db.conn.execute("PRAGMA foreign_key_check").fetchall()


def row(db: Database, table: str, pk: str) -> dict | None:
    """One row as a dict, or None."""
    cursor = db.conn.execute(f"SELECT * FROM {table} WHERE id = ?", (pk,))
    found = cursor.fetchone()
    return None if found is None else dict(zip([d[0] for d in cursor.description], found, strict=True))


def count(conn: sqlite3.Connection, table: str) -> int:
    """Rows in a table."""
    return conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
