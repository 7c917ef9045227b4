"""Registry statistics for the CLI ``stats`` command and the Excel menu's 导出统计: the short summary.

The numbers are those of the township report (:func:`models.stats_report.compute_report`)
for one year, the working year unless another is asked for, so the summary and
the report printed below it never disagree: the households on that year's
register and the members living in them at the year's end, by village and
status; poor households (and their people) by attribute and main cause.
"""

from __future__ import annotations

import datetime
import sqlite3

from models.text_table import format_table


def compute_stats(
    conn: sqlite3.Connection, year: int | None = None, detailed: bool = False, today: datetime.date | None = None
) -> dict:
    """Counts of households and people for ``year`` (default: the working year).

    Returns ``{"year", "as_of", "totals": {"households", "people"}, "villages": [...],
    "by_status": [...], "by_attribute": [...], "by_main_cause": [...]}`` with the
    definitions of the report: totals and villages count the households on the
    register in ``year``; ``by_status`` adds the households removed (销号) in that
    year; ``by_attribute`` and ``by_main_cause`` count the poor households and
    their people. Each breakdown entry is ``{"code", "label", "label_en",
    "households", "people"}``, every code of the table in standard order (zeros
    included), then unknown codes, then ``code: None`` (not recorded). Each
    village is ``{"code", "name", "households", "people", "by_status"}``.

    With ``detailed`` the result also holds ``"report"``: the whole report.
    """
    from models.stats_report import compute_report

    report = compute_report(conn, year, today)
    total = report["total"]
    villages = [village for township in report["townships"] for village in township["villages"]]
    result = {
        "year": report["year"],
        "as_of": report["as_of"],
        "totals": {"households": total["households"], "people": total["people"]},
        "villages": [{k: v[k] for k in ("code", "name", "households", "people", "by_status")} for v in villages],
        "by_status": total["by_status"],
        "by_attribute": total["by_attribute"],
        "by_main_cause": total["by_cause"],
    }
    if detailed:
        result["report"] = report
    return result


# -- plain-text rendering ----------------------------------------------------

_TEXT = {
    "zh": {
        "title": "{year} 年统计（截至 {as_of}）", "households": "户数", "people": "人数",
        "total": "合计", "code": "代码", "name": "名称", "village": "村名", "by_village": "按村（在册户）",
        "by_status": "按贫困户状态（在册户，另列本年销号）", "by_attribute": "按贫困户属性（贫困户）",
        "by_main_cause": "按主要致贫原因（贫困户）", "none": "（无数据）",
    },
    "en": {
        "title": "Statistics {year} (as of {as_of})", "households": "Households",
        "people": "People", "total": "Total", "code": "Code", "name": "Name", "village": "Village",
        "by_village": "By village (households on the register)",
        "by_status": "By household status (on the register, and removed this year)",
        "by_attribute": "Poor households by attribute", "by_main_cause": "Poor households by main cause",
        "none": "(no data)",
    },
}


def format_stats(stats: dict, language: str = "zh") -> str:
    """Render :func:`compute_stats` output as aligned plain-text tables (Chinese, or English for "en")."""
    text = _TEXT["en" if language == "en" else "zh"]
    label_key = "label_en" if language == "en" else "label"
    title = text["title"].format(year=stats["year"], as_of=stats["as_of"])
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
