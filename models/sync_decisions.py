"""The clerk's other decisions: deleted records with lost edits, and orphans whose parent was deleted.

- ``restore_deleted``: re-create a deleted record (a new incarnation) from the
  values it had when it was deleted, with the edits that lost to the delete;
  its parked children come back with it.
- ``accept_deletion``: the delete stands; the lost edits are settled (a delete
  record naming them travels back like any change).
- ``discard_parked``: an orphan is given up (a logged delete).

Every decision is an ordinary logged change, so it reaches every replica.
"""

from __future__ import annotations

import json
from typing import Any

from models.changes import SYNC_TABLES
from models.db import Database
from models.errors import JiandangError
from models.sync_fold import DELETED
from models.sync_merge import reconcile


def _last_delete(db: Database, table: str, pk: str) -> tuple[int, dict, str]:
    row = db.conn.execute(
        "SELECT cl, old, scope FROM change_log WHERE tbl = ? AND pk = ? AND op = 'delete' ORDER BY cl DESC, hlc DESC "
        "LIMIT 1",
        (table, pk),
    ).fetchone()
    if row is None:
        raise JiandangError("找不到这条记录被删除的记录。", "No record of this deletion was found.")
    return row[0], json.loads(row[1] or "{}"), row[2]


def restore_deleted(db: Database, table: str, pk: str, user: str = "") -> None:
    """Re-create a deleted record with its last values and the edits that lost to the delete.

    A household comes back with the parts deleted together with it (its members, incomes …), and
    records waiting for it (parked) come back too.
    """
    _, values, _ = _last_delete(db, table, pk)
    for column, value in db.conn.execute(
        "SELECT col, loser_value FROM sync_conflicts WHERE kind = ? AND tbl = ? AND pk = ? ORDER BY loser_hlc",
        (DELETED, table, pk),
    ):
        values[column] = json.loads(value)
    rows = [(table, pk, values), *_companions(db, table, pk)]
    rows.sort(key=lambda r: SYNC_TABLES.index(r[0]))
    with db.write(user) as writer:
        for row_table, row_pk, row_values in rows:
            writer.insert(row_table, {**row_values, "id": row_pk})
            db.conn.execute("DELETE FROM sync_conflicts WHERE tbl = ? AND pk = ?", (row_table, row_pk))
    reconcile(db)


def _companions(db: Database, table: str, pk: str) -> list[tuple[str, str, dict]]:
    """Rows deleted in the same transaction just before a household (its parts), still deleted now."""
    if table != "households":
        return []
    site, seq = db.conn.execute(
        "SELECT site, seq FROM change_log WHERE tbl = ? AND pk = ? AND op = 'delete' ORDER BY cl DESC LIMIT 1",
        (table, pk),
    ).fetchone()
    found = []
    for row_table, row_pk, op, scope, old in db.conn.execute(
        "SELECT tbl, pk, op, scope, old FROM change_log WHERE site = ? AND seq < ? ORDER BY seq DESC LIMIT 10000",
        (site, seq),
    ):
        if op != "delete" or scope != pk:
            break
        if db.conn.execute("SELECT 1 FROM tombstones WHERE tbl = ? AND pk = ?", (row_table, row_pk)).fetchone():
            found.append((row_table, row_pk, json.loads(old or "{}")))
    return found


def accept_deletion(db: Database, table: str, pk: str, user: str = "") -> None:
    """Let the delete stand and settle the edits it overrode."""
    cl, old, scope = _last_delete(db, table, pk)
    tomb = db.conn.execute("SELECT hlc, site FROM tombstones WHERE tbl = ? AND pk = ?", (table, pk)).fetchone()
    losers = [
        list(r)
        for r in db.conn.execute(
            "SELECT loser_prio, loser_hlc, loser_site FROM sync_conflicts WHERE kind = ? AND tbl = ? AND pk = ?",
            (DELETED, table, pk),
        )
    ]
    if tomb is None or not losers:
        return
    with db.write(user) as writer:
        hlc = writer.clock.tick()
        prev = {"_row": [0, tomb[0], tomb[1]], "_resolves": losers}
        writer._log(hlc, table, pk, scope, "delete", cl, {}, old, prev)  # noqa: SLF001 - a re-stated delete
        writer._flush_log()  # noqa: SLF001
        db.conn.execute(
            "UPDATE tombstones SET hlc = ?, site = ? WHERE tbl = ? AND pk = ?", (hlc, writer.site, table, pk)
        )
        db.conn.execute("DELETE FROM sync_conflicts WHERE kind = ? AND tbl = ? AND pk = ?", (DELETED, table, pk))


def restore_parent(db: Database, table: str, pk: str, user: str = "") -> None:
    """Bring back the deleted parent of a parked record (and with it the record)."""
    parked = db.conn.execute(
        "SELECT parent_tbl, parent_key FROM sync_parked WHERE tbl = ? AND pk = ?", (table, pk)
    ).fetchone()
    if parked is None:
        raise JiandangError("这条记录已不在等待区。", "This record is no longer waiting.")
    restore_deleted(db, parked[0], parked[1], user)


def discard_parked(db: Database, table: str, pk: str, user: str = "") -> None:
    """Give up an orphan: a logged delete of it, so every replica drops it."""
    from models.sync_apply import Applier
    from models.sync_records import SyncSchema
    from models.sync_state import township_site
    from models.sync_stored import stored_records

    applier = Applier(db.conn, SyncSchema.load(db.conn), township_site(db.conn))
    records = stored_records(db.conn, table, [pk]).get(pk, [])
    state = applier._fold(table, pk, records)  # noqa: SLF001 - the fold of its own records
    if state is None or not state.exists:
        raise JiandangError("这条记录已不存在。", "This record no longer exists.")
    values: dict[str, Any] = {k: v for k, v in state.values.items() if v is not None}
    scope = str(values.get("household_id") or pk)
    with db.write(user) as writer:
        hlc = writer.clock.tick()
        prev = {"_row": [0, *state.row_clock]}
        writer._log(hlc, table, pk, scope, "delete", state.cl + 1, {}, values, prev)  # noqa: SLF001
        writer._flush_log()  # noqa: SLF001
        db.conn.execute(
            "INSERT INTO tombstones(tbl, pk, cl, hlc, site) VALUES (?, ?, ?, ?, ?) ON CONFLICT(tbl, pk) DO UPDATE "
            "SET cl = excluded.cl, hlc = excluded.hlc, site = excluded.site",
            (table, pk, state.cl + 1, hlc, writer.site),
        )
        db.conn.execute("DELETE FROM sync_parked WHERE tbl = ? AND pk = ?", (table, pk))
        db.conn.execute("DELETE FROM col_clocks WHERE tbl = ? AND pk = ?", (table, pk))
