"""Household income: the typed items and the totals derived from them.

家庭纯收入 and 年人均纯收入 are never typed: they are computed here from the
items and the household size, two decimals, every time they are read.
The household size of a year (``population_in_year``) is the members living
in the household on 31 December of that year (``models.household_people``, the
rule the statistics count with), stored with the year's record.
"""

from __future__ import annotations

import datetime
import sqlite3
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from models.household_people import household_size, member_state, people_day

PROPERTY_ITEMS = ("asset_dividend", "other_property")
TRANSFER_ITEMS = ("family_planning", "dibao", "tekun", "pension", "eco_compensation", "other_transfer")
_NOT_AMOUNTS = ("id", "household_id", "year", "population")


def _money(value: Any) -> Decimal:
    return Decimal(str(value or 0))


def _round(value: Decimal) -> float:
    return float(value.quantize(Decimal("0.01"), rounding=ROUND_HALF_UP))


def derive_income(items: dict[str, Any], population: int) -> dict[str, float | None]:
    """Totals of one year's income record.

    财产性收入 = 资产收益分红 + 其他财产性; 转移性收入 = the six transfer items;
    家庭纯收入 = 工资性 + 生产经营性 + 财产性 + 转移性 − 生产经营性支出;
    年人均纯收入 = 家庭纯收入 ÷ 家庭人口 (None when nobody lives in the household).
    """
    property_income = sum((_money(items.get(k)) for k in PROPERTY_ITEMS), Decimal(0))
    transfer_income = sum((_money(items.get(k)) for k in TRANSFER_ITEMS), Decimal(0))
    net = (
        _money(items.get("wage"))
        + _money(items.get("business"))
        + property_income
        + transfer_income
        - _money(items.get("business_expense"))
    )
    per_capita = _round(net / population) if population > 0 else None
    return {
        "property_income": _round(property_income),
        "transfer_income": _round(transfer_income),
        "net_income": _round(net),
        "per_capita": per_capita,
    }


def with_totals(row: dict[str, Any]) -> dict[str, Any]:
    """An income row with its derived totals added."""
    return {**row, **derive_income(row, int(row.get("population") or 0))}


def poverty_line(conn: sqlite3.Connection, year: int, standard: str | None = "1") -> float | None:
    """The poverty line of a year and identification standard (national when the standard has none)."""
    for std in dict.fromkeys((standard or "1", "1")):
        row = conn.execute("SELECT amount FROM poverty_lines WHERE year = ? AND standard = ?", (year, std)).fetchone()
        if row:
            return float(row[0])
    return None


def amounts_changed(items: dict[str, Any], stored: dict[str, Any]) -> bool:
    """Whether any typed amount differs from the stored one (text that is not a number counts as changed)."""
    for column, value in items.items():
        if column in _NOT_AMOUNTS or column not in stored:
            continue
        try:
            if round(float(value if value not in (None, "") else 0), 2) != stored[column]:
                return True
        except (TypeError, ValueError):
            return True
    return False


def member_present(
    member: dict[str, Any], changes: list[dict[str, Any]], year: int, today: datetime.date | None = None
) -> bool | None:
    """Whether a member lived in the household on the year's day; None when that cannot be told.

    The rule of ``models.household_people`` (31 December, or today while the year has not ended):
    rebuilt from the member's dated changes (嫁入/新生儿/其他转入 arrive, the others leave), the date
    of leaving (离户日期) of a member no longer living there and the birth date. A member who has left
    without any date, or whose last recorded change disagrees with where the member is now, cannot be
    placed after that change.
    """
    present, placed = member_state(member, changes, people_day(year, today))
    return present if placed else None


def population_in_year(
    conn: sqlite3.Connection,
    household_id: str | None,
    year: int,
    members: list[dict[str, Any]] | None = None,
    today: datetime.date | None = None,
) -> int:
    """家庭人口 of a year: the members living in the household on 31 December (today while the year runs).

    The rule of ``models.household_people``, the one the statistics count with. ``members`` are the
    household's members as edited (all of them, those who left included); by default the stored ones.
    When some member cannot be placed in the year, the household size stored with that year's income
    is kept; without one, such members count as they are now.
    """
    if members is None:
        members = _stored_members(conn, household_id)
    changes = _changes_by_member(conn, [str(m["id"]) for m in members if m.get("id")])
    day = people_day(year, today)
    states = [member_state(m, changes.get(str(m.get("id")), []), day) for m in members]
    stored = None
    if household_id and not all(placed for _, placed in states):
        sql = "SELECT population FROM incomes WHERE household_id = ? AND year = ?"
        row = conn.execute(sql, (household_id, year)).fetchone()
        stored = row[0] if row else None
    return household_size(states, stored)


def _stored_members(conn: sqlite3.Connection, household_id: str | None) -> list[dict[str, Any]]:
    if not household_id:
        return []
    sql = "SELECT id, birth_date, in_household, left_date FROM members WHERE household_id = ?"
    names = ("id", "birth_date", "in_household", "left_date")
    return [dict(zip(names, row, strict=True)) for row in conn.execute(sql, (household_id,))]


def _changes_by_member(conn: sqlite3.Connection, member_ids: list[str]) -> dict[str, list[dict[str, Any]]]:
    found: dict[str, list[dict[str, Any]]] = {}
    for start in range(0, len(member_ids), 500):
        chunk = member_ids[start : start + 500]
        marks = ",".join("?" * len(chunk))
        sql = f"SELECT member_id, change, change_date FROM member_changes WHERE member_id IN ({marks})"
        for member_id, change, day in conn.execute(sql, chunk):
            found.setdefault(member_id, []).append({"change": change, "change_date": day})
    return found
