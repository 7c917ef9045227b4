"""The clerk's conflict desk: list the open conflicts with both sides, and decide them.

A decision is an ordinary logged change whose clock carries a raised
priority (``prev["_prio"]`` = the replaced value's priority + 1) and which
names the losing writes it settles (``prev["_resolves"]``). It travels back
to the laptops in the return bundle like any change and wins there too, both
over the values it decided between and over edits made before anyone had
seen it; edits made after it compete normally.
"""

from __future__ import annotations

import datetime
import json
from dataclasses import dataclass
from typing import Any

from models.changes import BASELINE_SITE, ChangeWriter, coerce, table_columns
from models.clock import to_seconds
from models.db import Database
from models.errors import JiandangError
from models.sync_fold import DELETED, FIELD, TAMPER


@dataclass(frozen=True)
class ConflictView:
    """One open conflict, both sides, as the desk shows it."""

    kind: str
    table: str
    pk: str
    column: str
    scope: str
    loser_clock: tuple[int, int, str]
    loser_seq: int
    loser_user: str
    loser_value: Any
    winner_value: Any
    winner_clock: tuple[int, int, str] | None
    winner_user: str

    @property
    def loser_when(self) -> datetime.datetime:
        """When the losing value was written (by its laptop's clock)."""
        return datetime.datetime.fromtimestamp(to_seconds(self.loser_clock[1]))

    @property
    def winner_when(self) -> datetime.datetime | None:
        """When the current value was written."""
        return None if self.winner_clock is None else datetime.datetime.fromtimestamp(to_seconds(self.winner_clock[1]))


def list_conflicts(db: Database, scope: str | None = None) -> list[ConflictView]:
    """The open conflicts (of one household if ``scope``), ordered by household, record and field."""
    sql = (
        "SELECT kind, tbl, pk, col, scope, loser_prio, loser_hlc, loser_site, loser_seq, loser_user, loser_value "
        "FROM sync_conflicts"
    )
    rows = db.conn.execute(
        sql + (" WHERE scope = ?" if scope else "") + " ORDER BY scope, tbl, pk, col, loser_hlc",
        (scope,) if scope else (),
    ).fetchall()
    return [_view(db, r) for r in rows]


def _view(db: Database, row: tuple) -> ConflictView:
    kind, table, pk, column, scope, prio, hlc, site, seq, user, value = row
    winner_value, clock = _current(db, table, pk, column, kind)
    winner_user = ""
    if clock is not None:
        found = db.conn.execute(
            "SELECT user FROM change_log WHERE tbl = ? AND pk = ? AND site = ? AND hlc = ?",
            (table, pk, clock[2], clock[1]),
        ).fetchone()
        winner_user = found[0] if found else ""
    return ConflictView(
        kind,
        table,
        pk,
        column,
        scope,
        (prio, hlc, site),
        seq,
        user,
        json.loads(value),
        winner_value,
        clock,
        winner_user,
    )


def _current(db: Database, table: str, pk: str, column: str, kind: str) -> tuple[Any, tuple | None]:
    if kind == DELETED:
        tomb = db.conn.execute("SELECT hlc, site FROM tombstones WHERE tbl = ? AND pk = ?", (table, pk)).fetchone()
        return None, None if tomb is None else (0, tomb[0], tomb[1])
    if kind == TAMPER:
        row = db.conn.execute(f"SELECT _hlc, _site FROM {table} WHERE id = ?", (pk,)).fetchone()
        return None, None if row is None else (0, row[0], row[1])
    row = db.conn.execute(f"SELECT {column}, _hlc, _site FROM {table} WHERE id = ?", (pk,)).fetchone()
    if row is None:
        return None, None
    own = db.conn.execute(
        "SELECT prio, hlc, site FROM col_clocks WHERE tbl = ? AND pk = ? AND col = ?", (table, pk, column)
    ).fetchone()
    return row[0], tuple(own) if own else (0, row[1], row[2])


def resolve_conflict(db: Database, conflict: ConflictView, value: Any, user: str = "") -> None:
    """Decide a field conflict: ``value`` is kept (either side's, or a new one) and wins everywhere.

    Settles every open conflict of that field. Raises JiandangError if the record no longer exists.
    """
    if conflict.kind != FIELD:
        raise ValueError("only field conflicts are decided with a value")
    from models.search import index_households

    open_clocks = [
        [p, h, s]
        for p, h, s in db.conn.execute(
            "SELECT loser_prio, loser_hlc, loser_site FROM sync_conflicts WHERE kind = ? AND tbl = ? AND pk = ? "
            "AND col = ? ORDER BY loser_site, loser_hlc",
            (FIELD, conflict.table, conflict.pk, conflict.column),
        )
    ]
    with db.write(user) as writer:
        decide(writer, conflict.table, conflict.pk, {conflict.column: value}, open_clocks)
        db.conn.execute(
            "DELETE FROM sync_conflicts WHERE kind = ? AND tbl = ? AND pk = ? AND col = ?",
            (FIELD, conflict.table, conflict.pk, conflict.column),
        )
        index_households(db.conn, [conflict.scope])


def decide(writer: ChangeWriter, table: str, pk: str, values: dict[str, Any], resolves: list[list]) -> None:
    """Write a decision inside the caller's transaction (logged even when the value does not change)."""
    columns = table_columns(writer.conn, table)
    cursor = writer.conn.execute(f"SELECT * FROM {table} WHERE id = ?", (pk,))
    found = cursor.fetchone()
    if found is None:
        raise JiandangError(
            "该记录已不存在（可能已被删除），无法裁决。", "The record no longer exists; it cannot be decided."
        )
    old = dict(zip([d[0] for d in cursor.description], found, strict=True))
    new = {c: coerce(columns[c], v) for c, v in values.items()}
    base = writer._clocks(table, pk, list(new), old)  # noqa: SLF001 - the writer's own clock bookkeeping
    priority = max(clock[0] for clock in base.values()) + 1
    hlc = writer.clock.tick()
    writer.conn.execute(f"UPDATE {table} SET {', '.join(f'{c} = ?' for c in new)} WHERE id = ?", (*new.values(), pk))
    writer.conn.executemany(
        "INSERT INTO col_clocks(tbl, pk, col, prio, hlc, site) VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT(tbl, pk, col) "
        "DO UPDATE SET prio = excluded.prio, hlc = excluded.hlc, site = excluded.site",
        [(table, pk, c, priority, hlc, writer.site) for c in new],
    )
    prev = {**base, "_prio": priority, "_resolves": resolves}
    scope = pk if table == "households" else str(old.get("household_id") or pk)
    writer._log(hlc, table, pk, scope, "update", old["_cl"], new, {c: old[c] for c in new}, prev)  # noqa: SLF001
    writer._flush_log()  # noqa: SLF001


def site_name(db: Database, site: str, lang: str = "zh") -> str:
    """Who a site is, for people: this computer, an enrolled device's name, or the short id."""
    if site == db.site_id:
        return "this computer" if lang == "en" else "本机"
    if site == BASELINE_SITE:
        return "initial data" if lang == "en" else "初始数据"
    row = db.conn.execute("SELECT name FROM sync_peers WHERE site_id = ?", (site,)).fetchone()
    return row[0] if row and row[0] else site[:8]


def describe_record(db: Database, table: str, pk: str, scope: str, lang: str = "zh") -> str:
    """A record as people know it: the household (number, head) and, for a member, the member's name."""
    household = db.conn.execute(
        "SELECT h.household_no, (SELECT name FROM members m WHERE m.household_id = h.id AND m.relation = '01' "
        "AND m.in_household = 1 LIMIT 1), coalesce(r.name, '') FROM households h LEFT JOIN regions r "
        "ON r.code = h.village_code WHERE h.id = ?",
        (scope,),
    ).fetchone()
    suffix = " household" if lang == "en" else "户"
    text = f"{household[2]} {household[0] or ''} {household[1] or ''}{suffix}".strip() if household else ""
    if household is None and scope:
        text = _gone_text(db, scope, lang)
    if table == "members":
        name = db.conn.execute("SELECT name FROM members WHERE id = ?", (pk,)).fetchone()
        text = f"{text} · {name[0]}" if name else text
    return text or f"{table} {pk[:8]}"


def _gone_text(db: Database, scope: str, lang: str) -> str:
    """A household no longer here: as its change records remember it, deleted or merged into another."""
    from models.sync_gone import gone_household

    gone = gone_household(db, scope)
    if not (gone.village or gone.number or gone.head):
        return ""
    if lang == "en":
        text = f"{gone.village} {gone.number} {gone.head} household".strip()
        kept = describe_record(db, "households", gone.merged_into, gone.merged_into, lang) if gone.merged_into else ""
        return f"{text} (merged into {kept})" if kept else f"{text} (deleted)"
    text = f"{gone.village} {gone.number} {gone.head}户".strip()
    kept = describe_record(db, "households", gone.merged_into, gone.merged_into, lang) if gone.merged_into else ""
    return f"{text}（已并入 {kept}）" if kept else f"{text}（已删除）"
