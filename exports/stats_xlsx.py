"""The statistics report as an Excel workbook: one sheet per table, Chinese headers, real formatting.

Each sheet has the title in a merged first row, the day the figures are as of
and the day they were generated in the second, a bold shaded header row that
stays in view (frozen), numbers stored as numbers (thousands separators,
percentages as 0.00%), townships in bold and villages indented, and column
widths that fit Chinese text. A last sheet holds the report's notes (what the
合计 row covers and how each figure is counted).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter

from models.stats_format import Percent, report_tables
from models.stats_notes import report_notes

SHEETS = {
    "zh": (
        "概况",
        "贫困户状态",
        "贫困户属性",
        "致贫原因",
        "帮扶措施与资金",
        "脱贫计划",
        "帮扶覆盖",
        "收入分布",
        "同比",
    ),
    "en": (
        "Overview",
        "Status",
        "Attribute",
        "Causes",
        "Measures and funds",
        "Exit plan",
        "Helpers",
        "Income",
        "Change",
    ),
}
NOTES_SHEET = {"zh": "说明", "en": "Notes"}
HEADER_FILL = PatternFill("solid", fgColor="DDE6F0")
THIN = Side(style="thin", color="999999")
BORDER = Border(left=THIN, right=THIN, top=THIN, bottom=THIN)
FONT = "宋体"


def write_stats_xlsx(report: dict[str, Any], path: str | Path, language: str = "zh") -> Path:
    """Write the report to ``path`` (.xlsx); returns the path."""
    book = Workbook()
    book.remove(book.active)
    language = "en" if language == "en" else "zh"
    if language == "en":
        dates = f"As of {report['as_of']}; generated on {report['generated']}"
    else:
        dates = f"截至 {report['as_of']}；生成于 {report['generated']}"
    for name, (title, header, rows) in zip(SHEETS[language], report_tables(report, language), strict=True):
        _sheet(book.create_sheet(name), title, dates, header, rows)
    notes = book.create_sheet(NOTES_SHEET[language])
    for line in report_notes(report, language):
        notes.append([line])
    notes.column_dimensions["A"].width = 120
    target = Path(path)
    book.save(target)
    return target


def _sheet(sheet: Any, title: str, dates: str, header: list[str], rows: list[list[Any]]) -> None:
    sheet.append([title])
    sheet.merge_cells(start_row=1, start_column=1, end_row=1, end_column=len(header))
    sheet["A1"].font = Font(name=FONT, bold=True, size=14)
    sheet["A1"].alignment = Alignment(horizontal="center")
    sheet.append([dates])
    sheet.merge_cells(start_row=2, start_column=1, end_row=2, end_column=len(header))
    sheet["A2"].font = Font(name=FONT, size=9)
    sheet.append(header)
    for cell in sheet[3]:
        cell.font = Font(name=FONT, bold=True)
        cell.fill = HEADER_FILL
        cell.border = BORDER
        cell.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
    for row in rows:
        sheet.append([_value(v) for v in row])
        _style_row(sheet, sheet.max_row, row)
    sheet.freeze_panes = "B4"
    _widths(sheet, header, rows)


def _value(value: Any) -> Any:
    return float(value) if isinstance(value, Percent) else value


def _style_row(sheet: Any, index: int, row: list[Any]) -> None:
    depth = (len(row[0]) - len(row[0].lstrip(" "))) // 2 if isinstance(row[0], str) else 0
    for column, value in enumerate(row, start=1):
        cell = sheet.cell(row=index, column=column)
        cell.border = BORDER
        cell.font = Font(name=FONT, bold=depth < 2)
        if column == 1:
            cell.value = str(value).strip()
            cell.alignment = Alignment(indent=depth * 2)
        elif isinstance(value, Percent):
            cell.number_format = "0.00%"
        elif isinstance(value, float):
            cell.number_format = "#,##0.00"
        elif isinstance(value, int):
            cell.number_format = "#,##0"


def _widths(sheet: Any, header: list[str], rows: list[list[Any]]) -> None:
    for column in range(1, len(header) + 1):
        texts = [str(header[column - 1])] + [str(r[column - 1]) for r in rows[:500]]
        width = max(sum(2 if ord(c) > 0x2E80 else 1 for c in t) for t in texts)
        sheet.column_dimensions[get_column_letter(column)].width = min(max(width + 2, 8), 40)
