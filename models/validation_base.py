"""The building blocks of validation: code books, Problems, and checks of single values (codes, dates, amounts)."""

from __future__ import annotations

import datetime
import re
import sqlite3
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from models import fields
from models.errors import ERROR, Problem

ID_CARD = "01"
HEAD = "01"
SPOUSE = "02"
MALE_RELATIONS = frozenset({"03", "06", "07", "09", "11", "13", "15", "17", "19"})
FEMALE_RELATIONS = frozenset({"04", "05", "08", "10", "12", "14", "16", "18", "20"})
YOUNGER_GENERATION = frozenset({"03", "04", "05", "06", "07", "08", "09", "10"})
OLDER_GENERATION = frozenset({"11", "12", "13", "14", "15", "16", "17", "18", "19", "20"})
PHONE = re.compile(r"^[0-9+\-() ]{5,20}$")
ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
MAX_AGE = 110  # a supercentenarian is very rare; an older birth date is almost always a mistyped year (1826 for 1926)
UUID = re.compile(r"^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$")


@dataclass
class CodeBook:
    """The code values in force in one database (the township may adjust them)."""

    values: dict[str, set[str]] = field(default_factory=dict)

    @classmethod
    def load(cls, conn: sqlite3.Connection) -> CodeBook:
        """Read the active code values of every table."""
        book = cls()
        for table, code in conn.execute("SELECT tbl, code FROM code_values WHERE active = 1"):
            book.values.setdefault(table, set()).add(code)
        return book

    def has(self, table: str, code: str) -> bool:
        """True when ``code`` is a valid value of ``table``."""
        return code in self.values.get(table, set())


def problem(
    column: str, code: str, zh: str, en: str, severity: str = ERROR, record: str = "", table: str = ""
) -> Problem:
    """Build a Problem whose message starts with the field's label (as ``table`` names it, if given)."""
    zh_label, en_label = fields.label(column, table=table), fields.label(column, "en", table)
    return Problem(column, code, f"{zh_label}：{zh}", f"{en_label}: {en}", severity, record)


def check_codes(values: dict[str, Any], mapping: dict[str, str], book: CodeBook) -> list[Problem]:
    """Every coded field holds a value of its code table."""
    found = []
    for column, table in mapping.items():
        value = values.get(column)
        if value not in (None, "") and not book.has(table, str(value)):
            found.append(
                problem(
                    column,
                    "unknown_code",
                    f"代码“{value}”不存在，请从列表中选择。",
                    f"code '{value}' does not exist; choose one from the list.",
                )
            )
    return found


def check_non_negative(values: dict[str, Any], columns: Iterable[str], table: str = "") -> list[Problem]:
    """Areas, amounts and counts are numbers and never negative (labels as ``table`` names the columns)."""
    found = []
    for column in columns:
        value = values.get(column)
        if value is None or not str(value).strip():  # blank is stored as NULL (or the column's default)
            continue
        try:
            number = float(value)
        except (TypeError, ValueError):
            found.append(
                problem(column, "not_a_number", f"“{value}”不是数字。", f"'{value}' is not a number.", table=table)
            )
            continue
        if number < 0:
            found.append(problem(column, "negative", "不能为负数。", "must not be negative.", table=table))
    return found


def check_flags(values: dict[str, Any], columns: Iterable[str]) -> list[Problem]:
    """Yes/no fields hold 0 or 1."""
    return [
        problem(c, "not_a_flag", "只能填“是”或“否”。", "must be yes or no.")
        for c in columns
        if values.get(c) not in (None, "", 0, 1, "0", "1", True, False)
    ]


def check_dates(values: dict[str, Any], columns: Iterable[str]) -> list[Problem]:
    """Dates are real calendar dates written YYYY-MM-DD."""
    found = []
    for column in columns:
        value = values.get(column)
        if value in (None, ""):
            continue
        if parse_date(str(value)) is None:
            found.append(
                problem(
                    column,
                    "bad_date",
                    f"“{value}”不是有效日期，请按 年-月-日 填写（如 2019-03-01）。",
                    f"'{value}' is not a valid date; use YYYY-MM-DD (e.g. 2019-03-01).",
                )
            )
    return found


def check_years(values: dict[str, Any], columns: Iterable[str]) -> list[Problem]:
    """Years are four-digit and plausible for the programme."""
    found = []
    for column in columns:
        value = values.get(column)
        if value in (None, ""):
            continue
        if not str(value).isdigit() or not 2000 <= int(value) <= 2100:
            found.append(problem(column, "bad_year", f"“{value}”不是有效年度。", f"'{value}' is not a valid year."))
    return found


def parse_date(text: str) -> datetime.date | None:
    """A date from YYYY-MM-DD text, or None."""
    if not ISO_DATE.match(text):
        return None
    try:
        return datetime.date.fromisoformat(text)
    except ValueError:
        return None


def age_on(born: datetime.date, on: datetime.date) -> int:
    """Full years between ``born`` and ``on``."""
    return on.year - born.year - ((on.month, on.day) < (born.month, born.day))
