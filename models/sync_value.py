"""A new value the clerk types on the conflict desk, checked as the record's own editor would check it.

What was typed becomes what is stored: a code for a coded field (its code or
its name, Chinese or English, are both understood), a number for a numeric
one. The whole row with the new value then goes through the table's
validation, and an error in that field refuses the decision: a decision wins
on every laptop, so a bad value must never become one.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from models import fields
from models.changes import Value, coerce, table_columns
from models.check import CODED
from models.codes import code_for
from models.db import Database
from models.errors import ERROR, JiandangError, Problem
from models.region_rules import name_problems
from models.validation import (
    CodeBook,
    normalize_member,
    validate_helper,
    validate_household,
    validate_income,
    validate_measure,
)

_YES_NO = {"是": 1, "否": 0, "yes": 1, "no": 0}
_VALIDATORS: dict[str, Callable[[dict[str, Any], CodeBook], list[Problem]]] = {
    "households": validate_household,
    "members": lambda row, book: normalize_member(row, book)[1],
    "incomes": lambda row, book: validate_income(row),
    "measures": validate_measure,
    "helpers": validate_helper,
    "regions": name_problems,
}


def typed_value(db: Database, table: str, pk: str, column: str, text: str) -> Value:
    """The value to store for ``text`` typed as the new value of one field; raises JiandangError if refused."""
    text = text.strip()
    value = _parsed(db, table, column, text) if text else None
    row = db.conn.execute(f"SELECT * FROM {table} WHERE id = ?", (pk,))
    found = row.fetchone()
    if found is None:
        raise JiandangError(
            "该记录已不存在（可能已被删除），无法裁决。", "The record no longer exists; it cannot be decided."
        )
    values = {**dict(zip([d[0] for d in row.description], found, strict=True)), column: value}
    validator = _VALIDATORS.get(table)
    problems = validator(values, CodeBook.load(db.conn)) if validator else []
    refused = [p for p in problems if p.field == column and p.severity == ERROR]
    if refused:
        raise JiandangError(refused[0].message_zh, refused[0].message_en)
    return value


def _parsed(db: Database, table: str, column: str, text: str) -> Value:
    code_table = CODED.get(table, {}).get(column)
    label, label_en = fields.label(column, "zh", table), fields.label(column, "en", table)
    if code_table and column != "health":
        code = code_for(code_table, text)
        if code is None:
            raise JiandangError(
                f"{label}：“{text}”不是可选的值，请输入代码或名称（与编辑户时的下拉列表相同）。",
                f"{label_en}: '{text}' is not one of its choices; type a code or a name from the list.",
            )
        return code
    declared = table_columns(db.conn, table)[column]
    if column in fields.HOUSEHOLD_FLAGS + fields.MEMBER_FLAGS and text.lower() in _YES_NO:
        return _YES_NO[text.lower()]
    try:
        return coerce(declared, int(text) if declared == "INTEGER" else text)
    except ValueError as error:
        raise JiandangError(f"{label}：“{text}”不是数字。", f"{label_en}: '{text}' is not a number.") from error
