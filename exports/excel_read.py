"""Reading the sheets of a workbook into plain rows of values.

``.xlsx`` is read with openpyxl or with python-calamine (a Rust reader, about
ten times faster on a township's roster); ``.xls`` and ``.ods`` with
python-calamine. Either way a sheet becomes a :class:`SheetGrid`: rows of
Python values (str, int/float, bool, date/datetime, or None for an empty
cell) and the merged ranges. A merged range's value is copied into every cell
it covers, so a title or a household field merged over its members' rows
reads the same in each row.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from models.errors import JiandangError

SUFFIXES = (".xlsx", ".xlsm", ".xls", ".ods")
ENGINES = ("auto", "calamine", "openpyxl")
EXACT = 10**15  # whole numbers below this are exact in a spreadsheet; larger ones lost digits

Merge = tuple[int, int, int, int]  # first row, first column, last row, last column (0-based, inclusive)


@dataclass
class SheetGrid:
    """The values of one sheet; ``rows[r][c]`` is 0-based, row r is the sheet's row r + 1."""

    name: str
    rows: list[list[Any]]
    merged: list[Merge] = field(default_factory=list)
    _width: int | None = field(default=None, repr=False)

    @property
    def width(self) -> int:
        """The number of columns of the widest row."""
        if self._width is None:
            self._width = max((len(r) for r in self.rows), default=0)
        return self._width


def read_workbook(path: str | Path, engine: str = "auto") -> list[SheetGrid]:
    """Every sheet of the workbook at ``path``, merged ranges filled in.

    Raises JiandangError for a file that is missing, of another kind, or unreadable.
    """
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix not in SUFFIXES:
        raise JiandangError(
            f"不支持的文件类型“{suffix or path.name}”：请选择 .xlsx、.xls 或 .ods 文件。",
            f"Unsupported file type '{suffix or path.name}': choose an .xlsx, .xls or .ods file.",
        )
    if not path.is_file():
        raise JiandangError(f"找不到文件：{path}", f"File not found: {path}")
    use = _engine(engine, suffix)
    try:
        sheets = _read_calamine(path) if use == "calamine" else _read_openpyxl(path)
    except JiandangError:
        raise
    except Exception as error:  # the readers raise many kinds of errors for a damaged file
        raise JiandangError(
            f"无法读取 {path.name}：文件已损坏或不是 Excel 表格（{type(error).__name__}）。",
            f"Cannot read {path.name}: the file is damaged or not a spreadsheet ({type(error).__name__}).",
        ) from error
    for sheet in sheets:
        fill_merged(sheet)
    return sheets


def _engine(engine: str, suffix: str) -> str:
    if engine not in ENGINES:
        raise ValueError(f"unknown engine {engine!r}")
    if engine == "openpyxl" and suffix not in (".xlsx", ".xlsm"):
        engine = "calamine"
    if engine in ("auto", "calamine"):
        try:
            import python_calamine  # noqa: F401
        except ImportError:
            if suffix not in (".xlsx", ".xlsm"):
                raise JiandangError(
                    "读取 .xls / .ods 文件需要 python-calamine，请安装后重试，或另存为 .xlsx。",
                    "Reading .xls / .ods needs python-calamine; install it or save the file as .xlsx.",
                ) from None
            return "openpyxl"
        return "calamine"
    return "openpyxl"


def _read_calamine(path: Path) -> list[SheetGrid]:
    from python_calamine import CalamineWorkbook

    book = CalamineWorkbook.from_path(str(path))
    try:
        sheets = []
        for name in book.sheet_names:
            sheet = book.get_sheet_by_name(name)
            rows = [_values(row) for row in sheet.to_python(skip_empty_area=False)]
            merged = [(a[0], a[1], b[0], b[1]) for a, b in (sheet.merged_cell_ranges or [])]
            sheets.append(SheetGrid(name, rows, merged))
        return sheets
    finally:
        book.close()


def _values(row: list[Any]) -> list[Any]:
    """A calamine row with empty cells as None (most cells of a roster are plain strings or empty)."""
    return [None if v == "" else (v if v.__class__ is str else _value(v)) for v in row]


def _value(value: Any) -> Any:
    """calamine's empty cell is "" and whole numbers come as floats; a blank string is an empty cell."""
    if isinstance(value, str):
        return value if value.strip() else None
    if isinstance(value, float) and value.is_integer() and abs(value) < EXACT:
        return int(value)
    if isinstance(value, datetime.timedelta | datetime.time):
        return None
    return value


def _read_openpyxl(path: Path) -> list[SheetGrid]:
    import openpyxl
    from openpyxl.worksheet._reader import WorkSheetParser

    book = openpyxl.load_workbook(path, read_only=True, data_only=True)
    try:
        sheets = []
        for sheet in book.worksheets:
            # The read-only sheet does not keep merged ranges; its parser does (one pass over the XML).
            with sheet._get_source() as source:
                parser = WorkSheetParser(
                    source,
                    sheet._shared_strings,
                    data_only=True,
                    epoch=book.epoch,
                    date_formats=book._date_formats,
                    timedelta_formats=book._timedelta_formats,
                )
                rows = _parsed_rows(parser)
                ranges = getattr(parser.merged_cells, "mergeCell", None) or []
            merged = [_merge(r.ref) for r in ranges]
            sheets.append(SheetGrid(sheet.title, rows, merged))
        return sheets
    finally:
        book.close()


def _parsed_rows(parser: Any) -> list[list[Any]]:
    rows: list[list[Any]] = []
    for index, cells in parser.parse():
        while len(rows) < index - 1:
            rows.append([])
        row: list[Any] = []
        for cell in cells:
            while len(row) < cell["column"] - 1:
                row.append(None)
            row.append(_openpyxl_value(cell["value"]))
        rows.append(row)
    return rows


def _openpyxl_value(value: Any) -> Any:
    if isinstance(value, str):
        return value if value.strip() else None
    if isinstance(value, float) and value.is_integer() and abs(value) < EXACT:
        return int(value)
    if isinstance(value, datetime.datetime) and value.time() == datetime.time(0):
        return value.date()
    if isinstance(value, datetime.timedelta | datetime.time):
        return None
    return value


def _merge(ref: str) -> Merge:
    from openpyxl.utils.cell import range_boundaries

    min_col, min_row, max_col, max_row = range_boundaries(ref)
    return min_row - 1, min_col - 1, max_row - 1, max_col - 1


def fill_merged(sheet: SheetGrid) -> None:
    """Copy each merged range's top-left value into every cell of the range."""
    sheet._width = None
    for top, left, bottom, right in sheet.merged:
        if top >= len(sheet.rows):
            continue
        value = sheet.rows[top][left] if left < len(sheet.rows[top]) else None
        for r in range(top, min(bottom, len(sheet.rows) - 1) + 1):
            row = sheet.rows[r]
            if len(row) <= right:
                row.extend([None] * (right + 1 - len(row)))
            for c in range(left, right + 1):
                row[c] = value
