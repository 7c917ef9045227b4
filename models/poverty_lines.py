"""The poverty-line table (yuan per person per year, by year and identification standard).

Poverty lines are synced business data: every write goes through a
ChangeWriter, so the township's edits travel to the villages.
"""

from __future__ import annotations

from dataclasses import dataclass

from models.db import Database
from models.errors import JiandangError, Problem, Problems
from models.seed import poverty_line_id
from models.validation import CodeBook, problem

MIN_YEAR, MAX_YEAR = 2000, 2100
MAX_AMOUNT = 100_000


@dataclass(frozen=True)
class PovertyLine:
    """One row of the table."""

    year: int
    standard: str
    amount: float


def poverty_lines(db: Database) -> list[PovertyLine]:
    """Every poverty line, by year then standard."""
    rows = db.conn.execute("SELECT year, standard, amount FROM poverty_lines ORDER BY year, standard")
    return [PovertyLine(int(y), str(s), float(a)) for y, s, a in rows]


def validate_poverty_line(db: Database, year: object, standard: object, amount: object) -> list[Problem]:
    """Problems of one row: a plausible year, a known standard, a positive amount."""
    found: list[Problem] = []
    if not str(year).isdigit() or not MIN_YEAR <= int(str(year)) <= MAX_YEAR:
        found.append(problem("year", "bad_year", f"“{year}”不是有效年度。", f"'{year}' is not a valid year."))
    if not CodeBook.load(db.conn).has("identification_standard", str(standard)):
        found.append(
            problem("standard", "unknown_code", f"识别标准代码“{standard}”不存在。", f"unknown standard '{standard}'.")
        )
    try:
        value = float(str(amount))
    except ValueError:
        value = -1.0
    if not 0 < value <= MAX_AMOUNT:
        found.append(
            problem(
                "amount",
                "bad_amount",
                f"应为 0–{MAX_AMOUNT} 元之间的金额（现为“{amount}”）。",
                f"must be an amount between 0 and {MAX_AMOUNT} yuan (got '{amount}').",
            )
        )
    return found


def set_poverty_line(db: Database, year: int, standard: str, amount: float) -> None:
    """Create or change the line of one year and standard (validated; logged for sync)."""
    Problems(validate_poverty_line(db, year, standard, amount)).raise_if_errors()
    pk = poverty_line_id(int(year), str(standard))
    exists = db.conn.execute("SELECT 1 FROM poverty_lines WHERE id = ?", (pk,)).fetchone()
    with db.write() as writer:
        if exists:
            writer.update("poverty_lines", pk, {"amount": round(float(amount), 2)})
        else:
            writer.insert(
                "poverty_lines",
                {"id": pk, "year": int(year), "standard": str(standard), "amount": round(float(amount), 2)},
            )


def delete_poverty_line(db: Database, year: int, standard: str) -> None:
    """Remove the line of one year and standard."""
    pk = poverty_line_id(int(year), str(standard))
    if not db.conn.execute("SELECT 1 FROM poverty_lines WHERE id = ?", (pk,)).fetchone():
        raise JiandangError(f"没有 {year} 年的这条贫困线。", f"There is no such poverty line for {year}.")
    with db.write() as writer:
        writer.delete("poverty_lines", pk)
