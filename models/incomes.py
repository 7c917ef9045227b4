"""Household income: the typed items and the totals derived from them.

家庭纯收入 and 年人均纯收入 are never typed: they are computed here from the
items and the household size, two decimals, every time they are read.
"""

from __future__ import annotations

import sqlite3
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

PROPERTY_ITEMS = ("asset_dividend", "other_property")
TRANSFER_ITEMS = ("family_planning", "dibao", "tekun", "pension", "eco_compensation", "other_transfer")


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
