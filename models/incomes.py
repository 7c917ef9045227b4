"""Household income: the typed items and the totals derived from them.

家庭纯收入 and 年人均纯收入 are never typed: they are computed here from the
items and the household size, two decimals, every time they are read.
The household size of a year (``population_in_year``) is the members living
in the household on 31 December of that year, stored with the year's record.
"""

from __future__ import annotations

import sqlite3
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from models.codes import MEMBER_CHANGE_INCOMING

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


def member_present(member: dict[str, Any], changes: list[dict[str, Any]], year: int) -> bool | None:
    """Whether a member lived in the household on 31 December of ``year``; None when that cannot be told.

    Rebuilt from the member's dated changes (嫁入/新生儿/其他转入 arrive, the others leave), the date
    of leaving (离户日期) of a member no longer living there and the birth date. A member who has left
    without any date, or who lives there again after a recorded departure, cannot be placed in a year.
    """
    end = f"{year:04d}-12-31"
    if str(member.get("birth_date") or "") > end:
        return False
    lives = _lives(member)
    events = [(str(c["change_date"]), c["change"] in MEMBER_CHANGE_INCOMING) for c in changes if c.get("change_date")]
    if not lives and member.get("left_date"):
        events.append((str(member["left_date"]), False))
    events.sort()
    past = [arrives for day, arrives in events if day <= end]
    if past:
        return None if lives and not past[-1] else past[-1]
    if events:
        return not events[0][1]  # the state before the first change
    return True if lives else None


def population_in_year(
    conn: sqlite3.Connection, household_id: str | None, year: int, members: list[dict[str, Any]] | None = None
) -> int:
    """家庭人口 of a year: the members living in the household on 31 December of that year.

    ``members`` are the household's members as edited (all of them, those who left included);
    by default the stored ones. When some member cannot be placed in the year (left without a
    date), the household size stored with that year's income is kept; without one, such members
    count as gone, as they are today. For the current year without departures this is the number
    of members living in the household now.
    """
    if members is None:
        members = _stored_members(conn, household_id)
    changes = _changes_by_member(conn, [str(m["id"]) for m in members if m.get("id")])
    answers = [member_present(m, changes.get(str(m.get("id")), []), year) for m in members]
    if None in answers and household_id:
        sql = "SELECT population FROM incomes WHERE household_id = ? AND year = ?"
        stored = conn.execute(sql, (household_id, year)).fetchone()
        if stored and stored[0] is not None:
            return int(stored[0])
    return sum(1 for answer in answers if answer)


def _lives(member: dict[str, Any]) -> bool:
    value = member.get("in_household")
    return str(value if value not in (None, "") else 1) == "1"


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
