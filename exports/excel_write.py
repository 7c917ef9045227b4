"""Writing lists to Excel: Chinese headers, a frozen header row, sensible column widths.

Any list of the application (search results, warnings, statistics, the
households of a village) goes through :func:`export_rows` or
:func:`write_workbook`. Files are written to a temporary name and renamed when
complete, so an interrupted export never leaves half a file behind.
"""

from __future__ import annotations

import datetime
import itertools
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from exports.file_targets import require_writable_target, write_replacing

SAMPLE_ROWS = 200
MIN_WIDTH, MAX_WIDTH = 6.0, 48.0
HEADER_FILL = "DDEBF7"


@dataclass
class SheetData:
    """One sheet to write: its name, optional title line, headers and rows of plain values."""

    name: str
    headers: Sequence[str]
    rows: Iterable[Sequence[Any]]
    title: str | None = None
    text_columns: set[int] = field(default_factory=set)  # columns kept as text (ID numbers, accounts)


def display_width(value: Any) -> float:
    """Width of a value in Excel's character units: Chinese (wide) characters count twice."""
    if value is None:
        return 0.0
    text = value.isoformat() if isinstance(value, datetime.date) else str(value)
    longest = max(text.split("\n"), key=len) if text else ""
    return float(sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in longest))


def column_widths(headers: Sequence[str], sample: Sequence[Sequence[Any]]) -> list[float]:
    """A width per column fitting its header and the sampled values, within sensible limits."""
    widths = []
    for c, header in enumerate(headers):
        values = [display_width(row[c]) for row in sample if c < len(row)]
        widest = max([display_width(header), *values])
        widths.append(min(MAX_WIDTH, max(MIN_WIDTH, widest + 2)))
    return widths


def export_rows(
    path: str | Path,
    headers: Sequence[str],
    rows: Iterable[Sequence[Any]],
    *,
    sheet: str = "列表",
    title: str | None = None,
) -> int:
    """Write one list to ``path`` (.xlsx) with a frozen header row; returns the number of data rows written.

    The list engineer of any screen calls this with the screen's column titles
    and the rows as displayed (codes already turned into labels).
    """
    counted: list[int] = [0]

    def counting() -> Iterable[Sequence[Any]]:
        for row in rows:
            counted[0] += 1
            yield row

    write_workbook(path, [SheetData(sheet, headers, counting(), title)])
    return counted[0]


def write_workbook(path: str | Path, sheets: Sequence[SheetData]) -> None:
    """Write several sheets to one .xlsx file (atomically: complete or not at all)."""
    import openpyxl

    target = Path(path)
    require_writable_target(target)
    book = openpyxl.Workbook(write_only=True)
    for data in sheets:
        _write_sheet(book, data)
    write_replacing(target, book.save)


def _write_sheet(book: Any, data: SheetData) -> None:
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import Alignment, Font, PatternFill
    from openpyxl.utils import get_column_letter

    sheet = book.create_sheet(_sheet_name(data.name))
    iterator = iter(data.rows)
    sample = [list(r) for r in itertools.islice(iterator, SAMPLE_ROWS)]
    for c, width in enumerate(column_widths(data.headers, sample), 1):
        sheet.column_dimensions[get_column_letter(c)].width = width
    header_row = 2 if data.title else 1
    sheet.freeze_panes = f"A{header_row + 1}"
    if data.title:
        title = WriteOnlyCell(sheet, data.title)
        title.font = Font(bold=True, size=14)
        sheet.append([title])
    bold, fill = Font(bold=True), PatternFill("solid", fgColor=HEADER_FILL)
    wrap = Alignment(wrap_text=True, vertical="center", horizontal="center")
    cells = []
    for header in data.headers:
        cell = WriteOnlyCell(sheet, header)
        cell.font, cell.fill, cell.alignment = bold, fill, wrap
        cells.append(cell)
    sheet.append(cells)
    for row in itertools.chain(sample, iterator):
        sheet.append(_as_text(sheet, row, data.text_columns) if data.text_columns else list(row))


def _as_text(sheet: Any, row: Sequence[Any], columns: set[int]) -> list[Any]:
    """Cells of text columns formatted as text ("@"), so Excel keeps long numbers whole when they are edited."""
    from openpyxl.cell import WriteOnlyCell

    values = list(row)
    for c in columns:
        if c < len(values) and values[c] is not None:
            cell = WriteOnlyCell(sheet, values[c])
            cell.number_format = "@"
            values[c] = cell
    return values


def _sheet_name(name: str) -> str:
    """A legal sheet name (no []:*?/\\, at most 31 characters)."""
    cleaned = "".join("_" if ch in "[]:*?/\\" else ch for ch in name).strip() or "Sheet"
    return cleaned[:31]
