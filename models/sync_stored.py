"""What a replica holds for some rows of one table: their change records, and their stored state.

Both are read in the fold's terms (``sync_fold.Rec`` and ``RowState``), so that a
row rebuilt from its records can be compared with what is stored and written
only where it differs.
"""

from __future__ import annotations

import json
import sqlite3
from collections import defaultdict

from models.sync_fold import Rec, RowState


def stored_records(conn: sqlite3.Connection, table: str, pks: list[str]) -> dict[str, list[Rec]]:
    """Every change record of these rows, by row id."""
    found: dict[str, list[Rec]] = defaultdict(list)
    cursor = conn.execute(
        "SELECT pk, site, seq, hlc, user, op, cl, vals, old, prev, scope FROM change_log "
        "WHERE tbl = ? AND pk IN (SELECT value FROM json_each(?))",
        (table, json.dumps(pks)),
    )
    for pk, site, seq, hlc, user, op, cl, vals, old, prev, scope in cursor:
        found[pk].append(
            Rec(
                site,
                seq,
                hlc,
                user,
                op,
                cl,
                json.loads(vals),
                old and json.loads(old),
                prev and json.loads(prev),
                scope,
            )
        )
    return found


def stored_states(conn: sqlite3.Connection, columns: list[str], table: str, pks: list[str]) -> dict[str, RowState]:
    """These rows as stored now (or their tombstones), with their column clocks, by row id."""
    ids = json.dumps(pks)
    current: dict[str, RowState] = {}
    cursor = conn.execute(
        f"SELECT id, _cl, _hlc, _site, {', '.join(columns)} FROM {table} WHERE id IN (SELECT value FROM json_each(?))",
        (ids,),
    )
    for row in cursor:
        current[row[0]] = RowState(True, row[1], dict(zip(columns, row[4:], strict=True)), (row[2], row[3]))
    for pk, cl, hlc, site in conn.execute(
        "SELECT pk, cl, hlc, site FROM tombstones WHERE tbl = ? AND pk IN (SELECT value FROM json_each(?))",
        (table, ids),
    ):
        current[pk] = RowState(False, cl, row_clock=(hlc, site))
    for pk, col, prio, hlc, site in conn.execute(
        "SELECT pk, col, prio, hlc, site FROM col_clocks WHERE tbl = ? AND pk IN (SELECT value FROM json_each(?))",
        (table, ids),
    ):
        if pk in current:
            current[pk].col_clocks[col] = (prio, hlc, site)
    return current
