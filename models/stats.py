"""Registry statistics for the CLI ``stats`` command and the summary screen.

One set-based query groups the households by village, current status,
attribute and main cause (with each household's population); the totals and
breakdowns are rolled up from those groups, so the counts always agree.

A household's current status is its ``status_history`` row with the highest
year (at most ``year`` when given). The year only selects the status: the
household list and the population are today's (members with
``in_household = 1``), since membership is not kept per year.
"""

from __future__ import annotations

import json
import sqlite3
from collections import defaultdict
from typing import Any

from models.codes import codes, label, label_en
from models.text_table import format_table

NOT_RECORDED_ZH = "未填写"
NOT_RECORDED_EN = "Not recorded"

_GROUPS_SQL = """
WITH pop AS (
    SELECT household_id, COUNT(*) AS people FROM members WHERE in_household = 1 GROUP BY household_id
), cur AS (
    SELECT household_id, status, MAX(year) AS year FROM status_history
    WHERE :year IS NULL OR year <= :year GROUP BY household_id
)
SELECT h.village_code, cur.status, h.attribute, h.main_cause,
       COUNT(*) AS households, COALESCE(SUM(pop.people), 0) AS people
FROM households AS h
LEFT JOIN pop ON pop.household_id = h.id
LEFT JOIN cur ON cur.household_id = h.id
GROUP BY h.village_code, cur.status, h.attribute, h.main_cause
"""
# SQLite guarantees that the bare column ``status`` comes from the row holding MAX(year).

Counts = dict[Any, list[int]]  # key -> [households, people]


def compute_stats(conn: sqlite3.Connection, year: int | None = None, detailed: bool = False) -> dict:
    """Counts of households and people: totals, by village, status, attribute and main cause.

    Returns ``{"year", "totals": {"households", "people"}, "villages": [...],
    "by_status": [...], "by_attribute": [...], "by_main_cause": [...]}``.
    Each breakdown entry is ``{"code", "label", "label_en", "households",
    "people"}``; every code of the table is listed (zeros included) in
    standard order, then codes not in the table, then ``code: None`` (not
    recorded) when some households lack a value. Each village is ``{"code",
    "name", "households", "people", "by_status": [...]}``, sorted by code.

    With ``detailed`` the result also holds ``"report"``: the township report of
    :func:`models.stats_report.compute_report` (per township and village).
    """
    groups = conn.execute(_GROUPS_SQL, {"year": year}).fetchall()
    totals = [0, 0]
    villages: dict[str, Counts] = defaultdict(lambda: defaultdict(lambda: [0, 0]))
    by: dict[str, Counts] = {name: defaultdict(lambda: [0, 0]) for name in ("status", "attribute", "cause")}
    for village, status, attribute, cause, households, people in groups:
        for counts in (totals, villages[village][status], by["status"][status],
                       by["attribute"][attribute], by["cause"][cause]):
            counts[0] += households
            counts[1] += people
    result = {
        "year": year,
        "totals": {"households": totals[0], "people": totals[1]},
        "villages": _villages(conn, villages),
        "by_status": _entries("household_status", by["status"]),
        "by_attribute": _entries("household_attribute", by["attribute"]),
        "by_main_cause": _entries("poverty_cause", by["cause"]),
    }
    if detailed:
        from models.stats_report import compute_report

        result["report"] = compute_report(conn, year)
    return result


def _villages(conn: sqlite3.Connection, villages: dict[str, Counts]) -> list[dict]:
    """One entry per village that has households, with its name from ``regions``."""
    names = _village_names(conn, list(villages))
    result = []
    for code in sorted(villages):
        by_status = villages[code]
        result.append({
            "code": code,
            "name": names.get(code, ""),
            "households": sum(c[0] for c in by_status.values()),
            "people": sum(c[1] for c in by_status.values()),
            "by_status": _entries("household_status", by_status),
        })
    return result


def _village_names(conn: sqlite3.Connection, village_codes: list[str]) -> dict[str, str]:
    if not village_codes:
        return {}
    rows = conn.execute(
        "SELECT code, name FROM regions WHERE code IN (SELECT value FROM json_each(?))",
        (json.dumps(village_codes),),
    )
    return {code: name or "" for code, name in rows}


def _entries(table: str, counts: Counts) -> list[dict]:
    """Breakdown entries: every code of ``table`` in order, then unknown codes, then not recorded."""
    known = [entry.code for entry in codes(table)]
    unknown = sorted(c for c in counts if c is not None and c not in known)
    keys: list[str | None] = [*known, *unknown]
    if None in counts:
        keys.append(None)
    return [_entry(table, key, counts.get(key, [0, 0])) for key in keys]


def _entry(table: str, code: str | None, counts: list[int]) -> dict:
    zh = label(table, code) if code is not None else NOT_RECORDED_ZH
    en = label_en(table, code) if code is not None else NOT_RECORDED_EN
    return {"code": code, "label": zh, "label_en": en, "households": counts[0], "people": counts[1]}


# -- plain-text rendering ----------------------------------------------------

_TEXT = {
    "zh": {
        "title": "统计", "as_of": "（截至 {year} 年的状态）", "households": "户数", "people": "人数",
        "total": "合计", "code": "代码", "name": "名称", "village": "村名", "by_village": "按村",
        "by_status": "按贫困户状态", "by_attribute": "按贫困户属性", "by_main_cause": "按主要致贫原因",
        "none": "（无数据）",
    },
    "en": {
        "title": "Statistics", "as_of": " (status as of {year})", "households": "Households",
        "people": "People", "total": "Total", "code": "Code", "name": "Name", "village": "Village",
        "by_village": "By village", "by_status": "By household status", "by_attribute": "By household attribute",
        "by_main_cause": "By main cause of poverty", "none": "(no data)",
    },
}


def format_stats(stats: dict, language: str = "zh") -> str:
    """Render :func:`compute_stats` output as aligned plain-text tables (Chinese, or English for "en")."""
    text = _TEXT["en" if language == "en" else "zh"]
    label_key = "label_en" if language == "en" else "label"
    title = text["title"] + (text["as_of"].format(year=stats["year"]) if stats.get("year") else "")
    totals = stats["totals"]
    lines = [title, f"{text['households']} {totals['households']}    {text['people']} {totals['people']}", ""]
    lines += _village_section(stats, text, label_key)
    for key in ("by_status", "by_attribute", "by_main_cause"):
        lines += ["", text[key]]
        rows = [[_code(e["code"]), e[label_key], str(e["households"]), str(e["people"])] for e in stats[key]]
        header = [text["code"], text["name"], text["households"], text["people"]]
        lines += format_table(header, rows, numeric_from=2)
    return "\n".join(lines) + "\n"


def _village_section(stats: dict, text: dict[str, str], label_key: str) -> list[str]:
    lines = [text["by_village"]]
    if not stats["villages"]:
        return lines + [text["none"]]
    shown = [e for e in stats["by_status"] if e["households"]]
    header = [text["code"], text["village"], text["households"], text["people"], *(e[label_key] for e in shown)]
    rows = []
    for village in stats["villages"]:
        per_status = {e["code"]: e["households"] for e in village["by_status"]}
        rows.append([_code(village["code"]), village["name"], str(village["households"]), str(village["people"]),
                     *(str(per_status.get(e["code"], 0)) for e in shown)])
    totals = stats["totals"]
    rows.append(["", text["total"], str(totals["households"]), str(totals["people"]),
                 *(str(e["households"]) for e in shown)])
    return lines + format_table(header, rows, numeric_from=2)


def _code(code: str | None) -> str:
    return "-" if code is None else code
