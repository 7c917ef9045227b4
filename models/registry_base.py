"""Shared plumbing of the domain API: reading rows as dicts, write transactions."""

from __future__ import annotations

import datetime
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from typing import Any

from models.changes import ChangeWriter
from models.db import Database
from models.errors import NotFoundError, Problem, Problems
from models.validation import CodeBook

TABLE_NAMES = {
    "households": ("户", "household"),
    "members": ("家庭成员", "member"),
    "helpers": ("帮扶责任人", "helper"),
    "measures": ("帮扶措施", "measure"),
    "pairings": ("结对帮扶", "pairing"),
    "regions": ("区划", "region"),
    "incomes": ("收入记录", "income record"),
    "loans": ("小额信贷", "loan"),
    "village_groups": ("村民小组", "village group"),
    "work_teams": ("驻村工作队", "work team"),
    "work_team_villages": ("工作队驻村", "work team village"),
    "village_profiles": ("贫困村信息", "village profile"),
    "other_causes": ("其他致贫原因", "other cause"),
    "status_history": ("年度状态", "yearly status"),
    "member_changes": ("成员变动", "member change"),
    "workflow_events": ("程序记录", "procedure record"),
    "poverty_lines": ("贫困线", "poverty line"),
    "code_values": ("代码表", "code value"),
    "objections": ("异议", "objection"),
    "notices": ("公示公告", "notice"),
}


def table_name(table: str, lang: str = "zh") -> str:
    """What a table's records are called: "家庭成员" / "member"."""
    zh, en = TABLE_NAMES.get(table, (table, table))
    return en if lang == "en" else zh


class RegistryBase:
    """The database, its code book and the helpers every part of the API uses."""

    def __init__(self, db: Database, today: datetime.date | None = None) -> None:
        self.db = db
        self.conn = db.conn
        self.codes = CodeBook.load(db.conn)
        self._today = today

    def today(self) -> datetime.date:
        """Today's date (fixed in tests)."""
        return self._today or datetime.date.today()

    def one(self, sql: str, params: Iterable[Any] = ()) -> dict[str, Any] | None:
        """The first row of a query as a dict, or None."""
        cursor = self.conn.execute(sql, tuple(params))
        row = cursor.fetchone()
        return None if row is None else dict(zip([d[0] for d in cursor.description], row, strict=True))

    def all(self, sql: str, params: Iterable[Any] = ()) -> list[dict[str, Any]]:
        """Every row of a query as dicts."""
        cursor = self.conn.execute(sql, tuple(params))
        names = [d[0] for d in cursor.description]
        return [dict(zip(names, row, strict=True)) for row in cursor.fetchall()]

    def require(self, table: str, pk: str) -> dict[str, Any]:
        """A row by id, without the internal clock columns; NotFoundError if it does not exist."""
        row = self.one(f"SELECT * FROM {table} WHERE id = ?", (pk,))
        if row is None:
            zh, en = TABLE_NAMES.get(table, (table, table))
            raise NotFoundError(
                f"找不到该{zh}记录（可能已被删除），请刷新后重试。",
                f"The {en} record was not found (it may have been deleted); refresh and retry.",
            )
        return public(row)

    @contextmanager
    def writing(self, reindex: Iterable[str] = ()) -> Iterator[ChangeWriter]:
        """A write transaction; the named households are re-indexed for search before commit."""
        touched = list(reindex)
        with self.db.write() as writer:
            yield writer
            if touched:
                from models.search import index_households

                index_households(self.conn, touched)

    @staticmethod
    def raise_if_errors(problems: list[Problem]) -> None:
        """Refuse the write when any problem is an error."""
        Problems(list(problems)).raise_if_errors()


def public(row: dict[str, Any]) -> dict[str, Any]:
    """A row without the internal sync columns."""
    return {k: v for k, v in row.items() if not k.startswith("_")}
