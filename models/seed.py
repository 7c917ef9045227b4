"""Reference data every registry starts with: code tables and poverty lines.

Seed rows carry the baseline clock (hlc 0, the all-zero site) and no change
record, so every replica holds byte-identical seed rows and any later edit by
the township wins over them.
"""

from __future__ import annotations

import json
import sqlite3

from models.changes import BASELINE_SITE, stable_id
from models.codes import CODE_TABLES, DEFAULT_POVERTY_LINES


def seed_reference_data(conn: sqlite3.Connection) -> None:
    """Insert the national code tables and default poverty lines where missing."""
    conn.execute("BEGIN IMMEDIATE")
    try:
        conn.executemany(
            "INSERT OR IGNORE INTO code_values(id, tbl, code, label, label_en, sort, active, _cl, _hlc, _site) "
            "VALUES (?, ?, ?, ?, ?, ?, 1, 1, 0, ?)",
            list(_code_rows()),
        )
        conn.executemany(
            "INSERT OR IGNORE INTO poverty_lines(id, year, standard, amount, _cl, _hlc, _site) "
            "VALUES (?, ?, ?, ?, 1, 0, ?)",
            [(poverty_line_id(y, s), y, s, float(a), BASELINE_SITE) for y, s, a in DEFAULT_POVERTY_LINES],
        )
        conn.execute("COMMIT")
    except BaseException:
        conn.execute("ROLLBACK")
        raise


def reference_data_missing(conn: sqlite3.Connection) -> bool:
    """Whether any seed code or default poverty line is absent (a read, so a current file opens read-only)."""
    ids = [row[0] for row in _code_rows()] + [poverty_line_id(y, s) for y, s, _ in DEFAULT_POVERTY_LINES]
    found = conn.execute(
        "SELECT (SELECT COUNT(*) FROM code_values WHERE id IN (SELECT value FROM json_each(?1))) + "
        "(SELECT COUNT(*) FROM poverty_lines WHERE id IN (SELECT value FROM json_each(?1)))",
        (json.dumps(ids),),
    ).fetchone()[0]
    return found < len(ids)


def code_value_id(table: str, code: str) -> str:
    """The stable id of one code table entry."""
    return stable_id("code", table, code)


def poverty_line_id(year: int, standard: str) -> str:
    """The stable id of the poverty line of one year and standard."""
    return stable_id("poverty_line", year, standard)


def _code_rows():
    for table, entries in CODE_TABLES.items():
        for sort, entry in enumerate(entries):
            yield (
                code_value_id(table, entry.code),
                table,
                entry.code,
                entry.label,
                entry.label_en,
                sort,
                BASELINE_SITE,
            )
