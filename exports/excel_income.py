"""A note where the sheet's 年人均纯收入 differs from the registry's: that column is computed, never imported.

The national roster carries 年人均纯收入, derived from a household's income
record (:func:`models.incomes.derive_income`). A clerk who edits it in the
sheet would otherwise see the edit silently dropped; the preview says so.
"""

from __future__ import annotations

import json
import sqlite3
from typing import Any

from exports.excel_export import latest_per_capita
from exports.excel_fields import IGNORE, normalize_header
from exports.excel_headers import HeaderGuess
from exports.excel_plan import HouseholdPlan
from exports.excel_read import SheetGrid
from models.errors import WARNING, Problem

PER_CAPITA_HEADERS = ("年人均纯收入", "人均纯收入")


def note_per_capita(sheet: SheetGrid, guess: HeaderGuess, plans: list[HouseholdPlan], conn: sqlite3.Connection) -> None:
    """Add a warning to each registered household whose 年人均纯收入 cell differs from the computed value."""
    column = _column(guess)
    registered = [p for p in plans if p.household_id and not p.is_new]
    if column is None or not registered:
        return
    computed = latest_per_capita(conn, json.dumps([p.household_id for p in registered]))
    for plan in registered:
        found = next(((r, v) for r in plan.rows if (v := _number(sheet, r, column)) is not None), None)
        expected = computed.get(str(plan.household_id))
        if found is not None and (expected is None or abs(found[1] - expected) >= 0.005):
            plan.add(found[0], [_note(expected)])


def _column(guess: HeaderGuess) -> int | None:
    for column in guess.columns:
        header = normalize_header(column.header).split("（")[0]
        if column.target == IGNORE and header in PER_CAPITA_HEADERS:
            return column.index
    return None


def _number(sheet: SheetGrid, row: int, column: int) -> float | None:
    """The cell on sheet row ``row`` (as Excel numbers it) as a number; None when empty or not a number."""
    values = sheet.rows[row - 1] if 0 < row <= len(sheet.rows) else []
    value: Any = values[column] if column < len(values) else None
    if isinstance(value, bool) or value is None:
        return None
    try:
        return float(str(value).replace(",", "").replace("元", "").strip())
    except ValueError:
        return None


def _note(expected: float | None) -> Problem:
    known = "该户没有收入信息" if expected is None else f"登记的为 {expected:.2f}"
    known_en = "none is registered" if expected is None else f"registered: {expected:.2f}"
    return Problem(
        "per_capita_income",
        "computed_not_imported",
        f"年人均纯收入：由收入信息计算（{known}），表中的值没有导入；如需修改，请修改收入信息。",
        f"Net income per person: computed from the income record ({known_en}); the sheet's value was not imported. "
        "To change it, change the income record.",
        WARNING,
    )
