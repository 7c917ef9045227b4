"""Ready-made list exports: search results, the data check (warnings and errors), statistics.

Each writes Chinese (or English) headers, a frozen header row and codes as
labels through :func:`exports.excel_write.export_rows` / ``write_workbook``.
ID numbers are written masked, as the screens show them.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from pathlib import Path

from exports.excel_write import SheetData, export_rows, write_workbook
from models.codes import label, label_en

SEARCH_HEADERS = {
    "zh": ("姓名", "与户主关系", "证件号码", "村", "户编号"),
    "en": ("Name", "Relation", "ID number", "Village", "Household no."),
}
CHECK_HEADERS = {"zh": ("级别", "户", "字段", "说明"), "en": ("Severity", "Household", "Field", "Message")}


def _village_names(conn: sqlite3.Connection) -> dict[str, str]:
    return dict(conn.execute("SELECT code, name FROM regions WHERE level = 5"))


def export_search_results(
    conn: sqlite3.Connection, path: str | Path, query: str, language: str = "zh", limit: int = 100_000
) -> int:
    """Every hit of a search (as the main window lists them, ID numbers masked); returns the rows written."""
    from models.search import search

    relation = label_en if language == "en" else label
    villages = _village_names(conn)
    hits = search(conn, query, limit=limit).hits
    rows = (
        [
            h.name,
            relation("relation", h.relation),
            h.id_masked,
            villages.get(h.village_code, h.village_code),
            h.household_no or "",
        ]
        for h in hits
    )
    return export_rows(
        path,
        SEARCH_HEADERS[language],
        rows,
        sheet="查找结果" if language != "en" else "Search",
        title=f"查找：{query}" if language != "en" else f"Search: {query}",
    )


def export_check_report(
    conn: sqlite3.Connection, path: str | Path, language: str = "zh", progress: Callable[[int, int], None] | None = None
) -> int:
    """The findings of the data check (errors first, then warnings), with the household they concern.

    ``progress(done, total)`` hears how far the check has got (writing the file is the last tenth).
    """
    from models.check import run_check
    from models.fields import label as field_label

    report = run_check(conn, None if progress is None else lambda percent, _phase: progress(percent * 9 // 10, 100))
    en = language == "en"
    marks = {"error": "Error" if en else "错误", "warning": "Warning" if en else "提醒"}
    rows = (
        [
            marks.get(p.severity, p.severity),
            report.places.get(p.record, ""),
            field_label(p.field, language),
            p.message(language),
        ]
        for p in report.errors + report.warnings
    )
    return export_rows(path, CHECK_HEADERS[language], rows, sheet="Check" if en else "数据检查")


def export_statistics(
    conn: sqlite3.Connection, path: str | Path, year: int | None = None, language: str = "zh"
) -> None:
    """The summary of ``stats`` for ``year`` (default: the working year), each sheet titled with the year.

    By village (with each status), by status, and the poor households by attribute
    and main cause: the numbers and definitions of the statistics report.
    """
    from models.stats import compute_stats

    stats = compute_stats(conn, year=year)
    en = language == "en"
    name = "label_en" if en else "label"
    households, people = ("Households", "People") if en else ("户数", "人数")
    when = f"{stats['year']}, as of {stats['as_of']}" if en else f"{stats['year']} 年，截至 {stats['as_of']}"
    statuses = [e[name] for e in stats["by_status"]]
    village_rows = [
        [v["code"], v["name"], v["households"], v["people"], *(e["households"] for e in v["by_status"])]
        for v in stats["villages"]
    ]
    village_rows.append(
        [
            "",
            "Total" if en else "合计",
            stats["totals"]["households"],
            stats["totals"]["people"],
            *(e["households"] for e in stats["by_status"]),
        ]
    )
    sheets = [
        SheetData(
            "By village" if en else "按村",
            ["Code" if en else "代码", "Village" if en else "村名", households, people, *statuses],
            village_rows,
            f"By village, households on the register ({when})" if en else f"按村（在册户；{when}）",
        )
    ]
    for key, zh, english, zh_title, en_title in (
        ("by_status", "按贫困户状态", "By status", "按贫困户状态（在册户，另列本年销号", "By status (on the register"),
        ("by_attribute", "按贫困户属性", "By attribute", "按贫困户属性（贫困户", "Poor households by attribute ("),
        ("by_main_cause", "按主要致贫原因", "By main cause", "按主要致贫原因（贫困户", "Poor households by cause ("),
    ):
        rows = [[e["code"] or "", e[name], e["households"], e["people"]] for e in stats[key]]
        title = f"{en_title}{when})" if en else f"{zh_title}；{when}）"
        sheets.append(
            SheetData(
                english if en else zh,
                ["Code" if en else "代码", "Name" if en else "名称", households, people],
                rows,
                title,
            )
        )
    write_workbook(path, sheets)
