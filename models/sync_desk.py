"""What the conflict desk shows: every open conflict and every orphan, both sides in words.

Each item carries the record as people know it (village, household number,
head, member), the field's label, both values as they read on a form (code
labels, 是/否), who wrote each, on which device and when, and what can be
decided: keep A / keep B / a new value (a field), restore / accept (a record
deleted while it was being edited elsewhere, an orphan).
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass, replace
from typing import Any

from models import fields
from models.clock import to_seconds
from models.db import Database
from models.records import display
from models.registry_base import table_name
from models.sync_fold import DELETED, FIELD, TAMPER
from models.sync_gone import household_exists, merged_into
from models.sync_merge import reconcile
from models.sync_resolve import ConflictView, describe_record, list_conflicts, site_name

ORPHAN = "orphan"
KIND_LABELS = {
    FIELD: ("两处修改了同一字段", "edited in two places"),
    DELETED: ("已删除，另一处仍在修改", "deleted while edited elsewhere"),
    TAMPER: ("只增记录内容不一致（疑似改动）", "insert-only record differs (tamper alert)"),
    ORPHAN: ("所属的户已被删除", "its household was deleted"),
}


@dataclass(frozen=True)
class DeskItem:
    """One line of the conflict desk."""

    kind: str
    table: str
    pk: str
    column: str
    scope: str
    record: str
    field: str
    current: str
    current_source: str
    other: str
    other_source: str
    conflict: ConflictView | None = None
    household: str | None = None  # the household "打开该户" opens: its own, the one it was merged into, or none

    def kind_label(self, lang: str = "zh") -> str:
        """What kind of conflict, in words."""
        zh, en = KIND_LABELS[self.kind]
        return en if lang == "en" else zh


def desk_items(db: Database, lang: str = "zh", refresh: bool = True) -> list[DeskItem]:
    """Every open conflict and every orphan whose parent was deleted (after re-checking them when ``refresh``)."""
    if refresh:
        reconcile(db)
    items = [_conflict_item(db, c, lang) for c in list_conflicts(db)]
    items += _orphan_items(db, lang)
    return [replace(item, household=_openable(db, item.scope)) for item in items]


def _openable(db: Database, scope: str) -> str | None:
    if not scope:
        return None
    return scope if household_exists(db, scope) else merged_into(db, scope)


def _orphan_items(db: Database, lang: str) -> list[DeskItem]:
    items = []
    for table, pk, scope, parent_table, parent_key in db.conn.execute(
        "SELECT tbl, pk, scope, parent_tbl, parent_key FROM sync_parked WHERE parent_deleted = 1 ORDER BY scope, pk"
    ).fetchall():
        deleted = db.conn.execute(
            "SELECT user, site, hlc FROM change_log WHERE tbl = ? AND pk = ? AND op = 'delete' "
            "ORDER BY cl DESC LIMIT 1",
            (parent_table, parent_key),
        ).fetchone()
        source = _source(db, *deleted, lang) if deleted else ""
        added = db.conn.execute(
            "SELECT user, site, hlc, vals FROM change_log WHERE tbl = ? AND pk = ? AND op = 'insert' ORDER BY cl DESC "
            "LIMIT 1",
            (table, pk),
        ).fetchone()
        name = ""
        if added:
            import json

            name = str(json.loads(added[3]).get("name") or "")
        items.append(
            DeskItem(
                ORPHAN,
                table,
                pk,
                "",
                scope,
                _record(db, table, pk, scope, name, lang),
                table_name(table, lang),
                "已删除" if lang != "en" else "deleted",
                source,
                name,
                _source(db, *added[:3], lang) if added else "",
            )
        )
    return items


def _conflict_item(db: Database, c: ConflictView, lang: str) -> DeskItem:
    if c.kind == FIELD:
        field = fields.label(c.column, lang, c.table)
        current = display(c.table, c.column, c.winner_value, lang)
        other = display(c.table, c.column, c.loser_value, lang)
    elif c.kind == DELETED:
        field = fields.label(c.column, lang, c.table)
        current, other = ("已删除" if lang != "en" else "deleted"), display(c.table, c.column, c.loser_value, lang)
    else:
        field, current, other = table_name(c.table, lang), "", str(c.loser_value)[:80]
    winner = _source(db, c.winner_user, c.winner_clock[2], c.winner_clock[1], lang) if c.winner_clock else ""
    loser = _source(db, c.loser_user, c.loser_clock[2], c.loser_clock[1], lang)
    return DeskItem(
        c.kind,
        c.table,
        c.pk,
        c.column,
        c.scope,
        _record(db, c.table, c.pk, c.scope, lang=lang),
        field,
        current,
        winner,
        other,
        loser,
        c,
    )


def _record(db: Database, table: str, pk: str, scope: str, name: str = "", lang: str = "zh") -> str:
    text = describe_record(db, table, pk, scope, lang)
    if name and table == "members" and name not in text:
        text = f"{text} · {name}"
    return text


def _source(db: Database, user: Any, site: str, hlc: int, lang: str) -> str:
    when = datetime.datetime.fromtimestamp(to_seconds(hlc)).strftime("%Y-%m-%d %H:%M")
    device = site_name(db, site, lang)
    return f"{user or '?'} @ {device}, {when}"
