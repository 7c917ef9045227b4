"""The rows an import refused, saved as a workbook to fix and import again.

The file keeps the original header rows (with their merged group headers)
and the refused rows exactly as they were, and adds a column 错误说明 with
the reasons; the importer ignores that column, so the fixed file imports as is.
"""

from __future__ import annotations

import datetime
from pathlib import Path
from typing import Any

from exports.excel_plan import ImportPlan
from exports.excel_read import SheetGrid
from exports.excel_write import column_widths

ERROR_HEADER = "错误说明"


def save_rejected(sheet: SheetGrid, plan: ImportPlan, path: str | Path, language: str = "zh") -> int:
    """Write the header and every row of the refused households, with the reasons; returns the rows written."""
    import openpyxl
    from openpyxl.styles import Alignment, Font, PatternFill
    from openpyxl.utils import get_column_letter

    errors = plan.row_errors(language)
    width = sheet.width
    book = openpyxl.Workbook()
    out = book.active
    out.title = sheet.name[:31] or "Sheet1"
    header_rows = list(plan.header_rows) or [0]
    for r in header_rows:
        out.append(_values(sheet, r, width) + [ERROR_HEADER])
    _merge_headers(out, sheet, header_rows, width)
    rows = sorted(errors)
    for number in rows:
        out.append(_values(sheet, number - 1, width) + ["\n".join(errors[number])])
    red = Font(color="C00000")
    for r in range(len(header_rows) + 1, out.max_row + 1):
        out.cell(r, width + 1).font = red
        out.cell(r, width + 1).alignment = Alignment(wrap_text=True, vertical="top")
    for r in range(1, len(header_rows) + 1):
        for c in range(1, width + 2):
            out.cell(r, c).font = Font(bold=True)
    out.cell(len(header_rows), width + 1).fill = PatternFill("solid", fgColor="FCE4D6")
    sample = [[out.cell(r, c).value for c in range(1, width + 2)] for r in range(1, min(out.max_row, 200) + 1)]
    for c, w in enumerate(column_widths([""] * (width + 1), sample), 1):
        out.column_dimensions[get_column_letter(c)].width = w
    out.column_dimensions[get_column_letter(width + 1)].width = 60
    out.freeze_panes = f"A{len(header_rows) + 1}"
    book.save(path)
    return len(rows)


def _values(sheet: SheetGrid, r: int, width: int) -> list[Any]:
    row = sheet.rows[r] if r < len(sheet.rows) else []
    values = [row[c] if c < len(row) else None for c in range(width)]
    return [v.isoformat() if isinstance(v, datetime.datetime) and v.time() != datetime.time(0) else v for v in values]


def _merge_headers(out: Any, sheet: SheetGrid, header_rows: list[int], width: int) -> None:
    """Merge again the header cells that were merged (their copied values cleared first)."""
    top, bottom = header_rows[0], header_rows[-1]
    for first_row, first_col, last_row, last_col in sheet.merged:
        if first_row < top or last_row > bottom or (first_row == last_row and first_col == last_col):
            continue
        for r in range(first_row, last_row + 1):
            for c in range(first_col, last_col + 1):
                if (r, c) != (first_row, first_col):
                    out.cell(r - top + 1, c + 1).value = None
        out.merge_cells(
            start_row=first_row - top + 1,
            start_column=first_col + 1,
            end_row=last_row - top + 1,
            end_column=last_col + 1,
        )
    if len(header_rows) > 1:
        out.merge_cells(start_row=1, start_column=width + 1, end_row=len(header_rows), end_column=width + 1)
        out.cell(1, width + 1).value = ERROR_HEADER
