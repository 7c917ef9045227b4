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
        "exits": "{year} 年脱贫计划完成情况",
        "planned": "计划脱贫",
        "as_planned": "按计划脱贫",
        "unplanned": "计划外脱贫",
        "not_exited": "计划到期未脱贫",
        "helpers": "帮扶责任人覆盖",
        "covered": "有帮扶责任人",
        "coverage": "覆盖率",
        "income": "{prev} 年人均纯收入分布（户）",
        "change": "与上年比较",
        "previous": "上年",
        "current": "本年",
        "delta": "增减",
        "county": "全县",
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
        "incidence": "Incidence",
        "status": "By household status (households)",
        "attribute": "Poor households by attribute",
        "cause": "Poor households by main cause",
        "measures": "{year} measures by category and funds (yuan)",
        "category": "Category",
        "count": "Measures",
        "beneficiaries": "Households",
        "total": "Total",
        "exits": "{year} exits against the plan",
        "planned": "Planned",
        "as_planned": "Exited as planned",
        "unplanned": "Exited unplanned",
        "not_exited": "Planned, not exited",
        "helpers": "Helper coverage",
        "covered": "With a helper",
        "coverage": "Coverage",
        "income": "{prev} per-capita income (households)",
        "change": "Change on last year",
        "previous": "Last year",
        "current": "This year",
        "delta": "Change",
        "county": "County",
    },
}


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
        _change(t, rows),
    ]


def format_report(report: dict[str, Any], language: str = "zh") -> str:
    """The report as aligned plain-text tables."""
    lines: list[str] = []
    for title, header, rows in report_tables(report, language):
        lines += ["", title]
        lines += format_table(header, [[_text(v) for v in row] for row in rows], numeric_from=1)
    return "\n".join(lines) + "\n"


def _name(t: dict[str, str], depth: int, unit: dict[str, Any]) -> str:
    name = unit["name"] or unit["code"] or t["county"]
    return ("  " * depth) + (t["county"] if depth == 0 and not unit["name"] else name)


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
        header.append(t["poor_people"])
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
    header = [t["unit"], t["planned"], t["as_planned"], t["unplanned"], t["not_exited"]]
    body = [[_name(t, d, u), *u["exits"].values()] for d, u in rows]
    return t["exits"].format(year=year), header, body


def _helpers(t: dict[str, str], rows: list) -> Table:
    header = [t["unit"], t["poor_households"], t["covered"], t["coverage"]]
    body = [
        [_name(t, d, u), u["helpers"]["poor_households"], u["helpers"]["covered"], _percent(u["helpers"]["coverage"])]
        for d, u in rows
    ]
    return t["helpers"], header, body


def _income(t: dict[str, str], year: int, rows: list, lab: str) -> Table:
    header = [t["unit"], *(e[lab] for e in rows[0][1]["income"])]
    body = [[_name(t, d, u), *(e["households"] for e in u["income"])] for d, u in rows]
    return t["income"].format(prev=year - 1), header, body


def _change(t: dict[str, str], rows: list) -> Table:
    header = [
        t["unit"],
        f"{t['poor_households']}·{t['previous']}",
        f"{t['poor_households']}·{t['current']}",
        t["delta"],
        f"{t['poor_people']}·{t['previous']}",
        f"{t['poor_people']}·{t['current']}",
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
    return t["change"], header, body


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
