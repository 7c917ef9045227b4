"""The report of ``models/stats_report.py`` as tables: rows for the terminal, Excel, PDF and the GUI.

``report_tables(report, language)`` gives a list of (title, header, rows);
every output format renders these same tables, so they show the same numbers.
"""

from __future__ import annotations

from typing import Any

from models.codes import codes
from models.text_table import format_table

Table = tuple[str, list[str], list[list[Any]]]


class Percent(float):
    """A ratio shown as a percentage (Excel formats it as 0.00%)."""

    def __str__(self) -> str:
        return f"{self * 100:.2f}%"


_T = {
    "zh": {
        "overview": "{year} 年概况（按乡镇、村）",
        "unit": "乡镇/村",
        "code": "区划代码",
        "households": "总户数",
        "people": "总人数",
        "poor_households": "贫困户",
        "poor_people": "贫困人口",
        "rural": "农村人口",
        "incidence": "贫困发生率",
        "status": "按贫困户状态（户）",
        "attribute": "贫困户属性（户）",
        "cause": "主要致贫原因（贫困户户数）",
        "measures": "{year} 年帮扶措施（五个一批）与资金（元）",
        "category": "类别",
        "count": "措施数",
        "beneficiaries": "受益户",
        "total": "合计",
        "exits": "{year} 年脱贫情况（户；脱贫人口为人）",
        "planned": "计划本年脱贫",
        "exited": "脱贫户数",
        "exited_people": "脱贫人口（人）",
        "as_planned": "按计划脱贫",
        "late": "逾期脱贫",
        "other": "提前或未定计划脱贫",
        "not_exited": "计划到期未脱贫",
        "helpers": "帮扶责任人覆盖",
        "covered": "有帮扶责任人",
        "coverage": "覆盖率",
        "income": "{prev} 年人均纯收入分布（{year} 年在册户）",
        "change": "与上年比较（{prev} 年 → {year} 年）",
        "delta": "增减",
        "people_unit": "贫困人口（人）",
        "grand_total": "合计",
    },
    "en": {
        "overview": "{year} overview (by township and village)",
        "unit": "Township/village",
        "code": "Code",
        "households": "Households",
        "people": "People",
        "poor_households": "Poor households",
        "poor_people": "Poor people",
        "rural": "Rural population",
        "incidence": "Poverty rate",
        "status": "By household status (households)",
        "attribute": "Poor households by attribute",
        "cause": "Poor households by main cause",
        "measures": "{year} measures by category and funds (yuan)",
        "category": "Category",
        "count": "Measures",
        "beneficiaries": "Households",
        "total": "Total",
        "exits": "{year} exits (households; exited people in persons)",
        "planned": "Planned for this year",
        "exited": "Households exited",
        "exited_people": "People exited",
        "as_planned": "Exited as planned",
        "late": "Exited late",
        "other": "Exited early or no planned year",
        "not_exited": "Planned, not exited",
        "helpers": "Helper coverage",
        "covered": "With a helper",
        "coverage": "Coverage",
        "income": "{prev} per-capita income (households on the {year} register)",
        "change": "Change on last year ({prev} → {year})",
        "delta": "Change",
        "people_unit": "Poor people (persons)",
        "grand_total": "Total",
    },
}


def terms(language: str = "zh") -> dict[str, str]:
    """The report's headings and column names in ``language`` (the GUI's figures use the same words)."""
    return _T["en" if language == "en" else "zh"]


def unit_label(unit: dict[str, Any], language: str = "zh") -> str:
    """A unit's name as the tables print it: 合计 (Total) for the total row."""
    return _name(terms(language), 0 if unit["level"] == "total" else 1, unit).strip()


def units(report: dict[str, Any]) -> list[tuple[int, dict[str, Any]]]:
    """(depth, unit) in print order: the total, each township followed by its villages."""
    found = [(0, report["total"])]
    for township in report["townships"]:
        found.append((1, township))
        found += [(2, village) for village in township["villages"]]
    return found


def report_tables(report: dict[str, Any], language: str = "zh") -> list[Table]:
    """Every table of the report, with headers and rows in ``language``."""
    t = _T["en" if language == "en" else "zh"]
    lab = "label_en" if language == "en" else "label"
    year = report["year"]
    rows = units(report)
    return [
        _overview(t, year, rows),
        _breakdown(t["status"], t, rows, "by_status", lab, people=True),
        _breakdown(t["attribute"], t, rows, "by_attribute", lab),
        _breakdown(t["cause"], t, rows, "by_cause", lab),
        _measures(t, year, rows, language),
        _exits(t, year, rows),
        _helpers(t, rows),
        _income(t, year, rows, lab),
        _change(t, year, rows),
    ]


def format_report(report: dict[str, Any], language: str = "zh") -> str:
    """The report as aligned plain-text tables, after its notes (dates, coverage, definitions)."""
    from models.stats_notes import report_notes

    lines: list[str] = ["", *report_notes(report, language)]
    for title, header, rows in report_tables(report, language):
        lines += ["", title]
        lines += format_table(header, [[_text(v) for v in row] for row in rows], numeric_from=1)
    return "\n".join(lines) + "\n"


def _name(t: dict[str, str], depth: int, unit: dict[str, Any]) -> str:
    """The row label: 合计 for the total (what it covers is in the notes), else the unit's name."""
    if depth == 0:
        return t["grand_total"]
    return ("  " * depth) + (unit["name"] or unit["code"])


def _overview(t: dict[str, str], year: int, rows: list) -> Table:
    header = [
        t["unit"],
        t["households"],
        t["people"],
        t["poor_households"],
        t["poor_people"],
        t["rural"],
        t["incidence"],
    ]
    body = [
        [
            _name(t, d, u),
            u["households"],
            u["people"],
            u["poor_households"],
            u["poor_people"],
            u["rural_population"],
            _percent(u["incidence"]),
        ]
        for d, u in rows
    ]
    return t["overview"].format(year=year), header, body


def _breakdown(title: str, t: dict[str, str], rows: list, key: str, lab: str, people: bool = False) -> Table:
    shown = [i for i, e in enumerate(rows[0][1][key]) if e["households"] or e["code"] is not None]
    header = [t["unit"], *(rows[0][1][key][i][lab] for i in shown)]
    body = [[_name(t, d, u), *(u[key][i]["households"] for i in shown)] for d, u in rows]
    if people:
        header.append(t["people_unit"])
        body = [[*row, u["poor_people"]] for row, (_, u) in zip(body, rows, strict=True)]
    return title, header, body


def _measures(t: dict[str, str], year: int, rows: list, language: str) -> Table:
    sources = [c.label_en if language == "en" else c.label for c in codes("fund_source")]
    header = [t["unit"], t["category"], t["count"], t["beneficiaries"], *sources, t["total"]]
    lab = "label_en" if language == "en" else "label"
    body = []
    for depth, unit in rows:
        for entry in unit["measures"]:
            if entry["measures"]:
                body.append(
                    [
                        _name(t, depth, unit),
                        entry[lab],
                        entry["measures"],
                        entry["households"],
                        *entry["funds"].values(),
                        entry["total"],
                    ]
                )
    return t["measures"].format(year=year), header, body


def _exits(t: dict[str, str], year: int, rows: list) -> Table:
    keys = ("planned", "exited", "exited_people", "exited_as_planned", "exited_late", "exited_other")
    header = [t["unit"], *(t[k] for k in ("planned", "exited", "exited_people", "as_planned", "late", "other"))]
    header.append(t["not_exited"])
    body = [[_name(t, d, u), *(u["exits"][k] for k in (*keys, "planned_not_exited"))] for d, u in rows]
    return t["exits"].format(year=year), header, body


def _helpers(t: dict[str, str], rows: list) -> Table:
    header = [t["unit"], t["poor_households"], t["covered"], t["coverage"]]
    body = [
        [_name(t, d, u), u["helpers"]["poor_households"], u["helpers"]["covered"], _percent(u["helpers"]["coverage"])]
        for d, u in rows
    ]
    return t["helpers"], header, body


def _income(t: dict[str, str], year: int, rows: list, lab: str) -> Table:
    """Households by band; the bands add up to 总户数 (the households on the register)."""
    header = [t["unit"], *(e[lab] for e in rows[0][1]["income"]), t["total"]]
    body = [[_name(t, d, u), *(e["households"] for e in u["income"]), u["households"]] for d, u in rows]
    return t["income"].format(prev=year - 1, year=year), header, body


def _change(t: dict[str, str], year: int, rows: list) -> Table:
    header = [
        t["unit"],
        f"{t['poor_households']}·{year - 1}",
        f"{t['poor_households']}·{year}",
        t["delta"],
        f"{t['poor_people']}·{year - 1}",
        f"{t['poor_people']}·{year}",
        t["delta"],
    ]
    body = []
    for depth, unit in rows:
        h, p = unit["change"]["poor_households"], unit["change"]["poor_people"]
        body.append(
            [
                _name(t, depth, unit),
                h["previous"],
                h["current"],
                h["delta"],
                p["previous"],
                p["current"],
                p["delta"],
            ]
        )
    return t["change"].format(prev=year - 1, year=year), header, body


def _percent(value: float | None) -> Percent | None:
    return None if value is None else Percent(value)


def _text(value: Any) -> str:
    if value is None:
        return "—"
    if isinstance(value, Percent):
        return str(value)
    if isinstance(value, float):
        return f"{value:,.2f}"
    return str(value)
