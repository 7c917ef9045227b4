"""The exit test (脱贫标准), explained item by item: 年人均纯收入 and 两不愁三保障 plus safe water.

    for item in exit_test(conn, household_id, 2019):
        print(item.item, item.status, item.detail_zh)

Each item is ``pass``, ``fail`` or ``unknown`` (the data needed is not
recorded) with the data behind the verdict. Nothing here writes.
"""

from __future__ import annotations

import datetime
import sqlite3
from dataclasses import dataclass
from typing import Any

from models.codes import label
from models.incomes import poverty_line, with_totals
from models.warnings import as_of_date, school_day

PASS, FAIL, UNKNOWN = "pass", "fail", "unknown"
ITEMS: dict[str, tuple[str, str]] = {
    "income": ("年人均纯收入稳定超过贫困线", "Per-capita net income above the poverty line"),
    "food_clothing": ("不愁吃、不愁穿", "Enough food and clothing"),
    "education": ("义务教育有保障", "Compulsory education secured"),
    "medical": ("基本医疗有保障", "Basic medical insurance"),
    "housing": ("住房安全有保障", "Safe housing"),
    "water": ("饮水安全", "Safe drinking water"),
}
"""Item id -> (Chinese title, English title), in the order they are shown."""


@dataclass(frozen=True)
class ExitItem:
    """One item of the exit test with its verdict and the data behind it."""

    item: str
    status: str
    detail_zh: str
    detail_en: str

    def title(self, language: str = "zh") -> str:
        """The item's name."""
        zh, en = ITEMS[self.item]
        return en if language == "en" else zh

    def detail(self, language: str = "zh") -> str:
        """The data behind the verdict."""
        return self.detail_en if language == "en" else self.detail_zh


def exit_test(
    conn: sqlite3.Connection, household_id: str, year: int, today: datetime.date | None = None
) -> list[ExitItem]:
    """Every item of the exit test for ``year``, in the order of ``ITEMS``."""
    household = _row(conn, "SELECT * FROM households WHERE id = ?", (household_id,))
    if household is None:
        from models.errors import NotFoundError

        raise NotFoundError("找不到该户。", "No such household.")
    members = _rows(
        conn, "SELECT * FROM members WHERE household_id = ? AND in_household = 1 ORDER BY sort", (household_id,)
    )
    day = school_day(as_of_date(year, today))
    return [
        _income(conn, household, year),
        _flag(
            "food_clothing",
            household.get("food_clothing_secure"),
            "已核实不愁吃、不愁穿",
            "checked: enough food and clothing",
            "核实为吃穿有困难",
            "checked: food or clothing lacking",
        ),
        _education(members, day),
        _medical(members),
        _housing(household),
        _water(household),
    ]


def passes(items: list[ExitItem]) -> bool:
    """True when every item passes."""
    return all(item.status == PASS for item in items)


def _income(conn: sqlite3.Connection, household: dict[str, Any], year: int) -> ExitItem:
    record = _row(
        conn,
        "SELECT * FROM incomes WHERE household_id = ? AND year <= ? ORDER BY year DESC LIMIT 1",
        (household["id"], year),
    )
    if record is None or record["year"] < year - 1:
        return ExitItem(
            "income",
            UNKNOWN,
            f"没有 {year - 1} 或 {year} 年度的收入记录。",
            f"No income recorded for {year - 1} or {year}.",
        )
    totals = with_totals(record)
    line = poverty_line(conn, record["year"], household.get("standard"))
    per_capita = totals["per_capita"]
    standard = label("identification_standard", household.get("standard") or "1")
    if line is None or per_capita is None:
        return ExitItem(
            "income",
            UNKNOWN,
            f"{record['year']} 年没有贫困线或家庭人口为 0。",
            f"No poverty line for {record['year']}, or nobody lives in the household.",
        )
    above = per_capita > line
    zh = (
        f"{record['year']} 年人均纯收入 {per_capita:,.2f} 元，{'高于' if above else '不高于'}"
        f"贫困线（{standard}）{line:,.2f} 元。"
    )
    en = (
        f"{record['year']} per-capita net income {per_capita:,.2f} yuan, {'above' if above else 'not above'} "
        f"the line of {line:,.2f}."
    )
    return ExitItem("income", PASS if above else FAIL, zh, en)


def _flag(item: str, value: Any, yes_zh: str, yes_en: str, no_zh: str, no_en: str) -> ExitItem:
    if value is None:
        return ExitItem(item, UNKNOWN, "尚未核实登记。", "Not checked yet.")
    return ExitItem(item, PASS, yes_zh, yes_en) if int(value) == 1 else ExitItem(item, FAIL, no_zh, no_en)


def _age(birth: str | None, day: datetime.date) -> int | None:
    try:
        born = datetime.date.fromisoformat(str(birth))
    except ValueError:
        return None
    return day.year - born.year - ((day.month, day.day) < (born.month, born.day))


def _education(members: list[dict[str, Any]], day: datetime.date) -> ExitItem:
    children = [m for m in members if (age := _age(m.get("birth_date"), day)) is not None and 6 <= age <= 15]
    if not children:
        return ExitItem("education", PASS, "家中没有义务教育阶段（6–15 岁）的成员。", "No member aged 6–15.")
    out = [m["name"] for m in children if m.get("school_status") == "01" and not m.get("school_note")]
    blank = [m["name"] for m in children if not m.get("school_status") and not m.get("school_note")]
    if out:
        return ExitItem(
            "education",
            FAIL,
            f"{'、'.join(out)} 在义务教育年龄，未在校，也没有登记原因。",
            f"{', '.join(out)}: of school age, not in school, no reason recorded.",
        )
    if blank:
        return ExitItem(
            "education",
            UNKNOWN,
            f"{'、'.join(blank)} 的在校情况未填写。",
            f"School status of {', '.join(blank)} not recorded.",
        )
    names = "、".join(m["name"] for m in children)
    return ExitItem(
        "education",
        PASS,
        f"义务教育阶段成员（{names}）均在校或已登记原因。",
        f"Every member aged 6–15 ({len(children)}) is in school or has a recorded reason.",
    )


def _medical(members: list[dict[str, Any]]) -> ExitItem:
    if not members:
        return ExitItem("medical", UNKNOWN, "没有在户成员。", "Nobody lives in the household.")
    without = [m["name"] for m in members if m.get("medical_insurance") == 0]
    blank = [m["name"] for m in members if m.get("medical_insurance") is None]
    if without:
        return ExitItem(
            "medical",
            FAIL,
            f"{'、'.join(without)} 未参加城乡居民基本医疗保险。",
            f"{', '.join(without)}: no basic medical insurance.",
        )
    if blank:
        return ExitItem(
            "medical",
            UNKNOWN,
            f"{'、'.join(blank)} 的参保情况未填写。",
            f"Insurance of {', '.join(blank)} not recorded.",
        )
    return ExitItem(
        "medical",
        PASS,
        f"{len(members)} 名在户成员均参加基本医疗保险。",
        f"All {len(members)} members have basic medical insurance.",
    )


def _housing(household: dict[str, Any]) -> ExitItem:
    grade = household.get("housing_grade")
    if household.get("is_relocated") == 1 and household.get("relocation_keys_received") == 1:
        return ExitItem(
            "housing", PASS, "易地扶贫搬迁户，已交钥匙入住新居。", "Relocated; keys of the new home received."
        )
    if grade in ("A", "B"):
        return ExitItem(
            "housing", PASS, f"住房安全等级 {grade}（{label('housing_grade', grade)}）。", f"Housing grade {grade}."
        )
    if grade in ("C", "D"):
        return ExitItem(
            "housing",
            FAIL,
            f"住房安全等级 {grade}（{label('housing_grade', grade)}），属危房。",
            f"Housing grade {grade}: dangerous.",
        )
    return ExitItem("housing", UNKNOWN, "住房安全等级未鉴定。", "Housing grade not assessed.")


def _water(household: dict[str, Any]) -> ExitItem:
    if household.get("water_difficult") == 1:
        return ExitItem("water", FAIL, "饮水困难。", "Drinking water is difficult to get.")
    return _flag(
        "water",
        household.get("water_safe"),
        "饮水安全。",
        "Drinking water is safe.",
        "饮水不安全。",
        "Drinking water is not safe.",
    )


def _row(conn: sqlite3.Connection, sql: str, params: tuple) -> dict[str, Any] | None:
    cursor = conn.execute(sql, params)
    row = cursor.fetchone()
    return None if row is None else dict(zip([d[0] for d in cursor.description], row, strict=True))


def _rows(conn: sqlite3.Connection, sql: str, params: tuple) -> list[dict[str, Any]]:
    cursor = conn.execute(sql, params)
    names = [d[0] for d in cursor.description]
    return [dict(zip(names, row, strict=True)) for row in cursor.fetchall()]
