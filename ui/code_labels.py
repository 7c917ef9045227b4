"""Labels of codes as the database holds them (the township may adjust code tables), cached per table."""

from __future__ import annotations

import sqlite3

from models.code_lookup import CodeEntry, entries


class CodeLabels:
    """``labels.text("poverty_cause", "01") == "因病"`` (English labels for ``lang="en"``)."""

    def __init__(self, conn: sqlite3.Connection, lang: str = "zh") -> None:
        self._conn = conn
        self._lang = lang
        self._tables: dict[str, dict[str, CodeEntry]] = {}

    def entries(self, table: str) -> list[CodeEntry]:
        """Every entry of a table (inactive ones included), in order."""
        return list(self._table(table).values())

    def text(self, table: str, code: str | None) -> str:
        """The label of a code; the code itself when unknown; "" for none."""
        if code in (None, ""):
            return ""
        entry = self._table(table).get(str(code))
        if entry is None:
            return str(code)
        return entry.label_en if self._lang == "en" else entry.label

    def _table(self, table: str) -> dict[str, CodeEntry]:
        if table not in self._tables:
            self._tables[table] = {e.code: e for e in entries(self._conn, table, active_only=False)}
        return self._tables[table]
