"""Finding the header of a roster sheet and guessing what each column means.

Rosters start with title rows ("XX村建档立卡贫困户花名册"), often have a
two-row header whose upper row groups columns under merged cells ("户主信息"
over 姓名 | 身份证号), and sometimes a row of column numbers under the header.
The header is the row (or pair of rows) whose cells name the most known
fields; the guess for each column comes from, in order, a mapping the user
confirmed before, a known header text, a similar one (to be confirmed).
"""

from __future__ import annotations

import datetime
import sqlite3
from dataclasses import dataclass, field
from typing import Any

from exports.excel_fields import IGNORE, match_header, normalize_header, similar_header
from exports.excel_read import SheetGrid
from models.db import Database
from models.idcard import mask_id_number

SCAN_ROWS = 30
GROUP_SUFFIXES = ("基本信息", "基本情况", "信息", "情况")
REMEMBERED, KNOWN, SIMILAR, NONE, DUPLICATE = "remembered", "known", "similar", "none", "duplicate"


@dataclass
class ColumnGuess:
    """One column of the sheet: its header, sample values and the field it is taken to mean."""

    index: int
    header: str
    key: str
    target: str
    source: str
    samples: list[str] = field(default_factory=list)


@dataclass
class HeaderGuess:
    """Where the header of a sheet is and what its columns mean."""

    sheet: str
    header_rows: tuple[int, ...]
    first_data_row: int
    columns: list[ColumnGuess]
    score: int

    def mapping(self) -> dict[int, str]:
        """Column index → target key of every column that is imported."""
        return {c.index: c.target for c in self.columns if c.target != IGNORE}


def cell(rows: list[list[Any]], r: int, c: int) -> Any:
    """The value at (r, c), None outside the sheet."""
    if r < 0 or r >= len(rows) or c >= len(rows[r]):
        return None
    return rows[r][c]


def _texts(sheet: SheetGrid, r: int) -> list[str]:
    return [str(cell(sheet.rows, r, c) or "").strip() for c in range(sheet.width)]


def _horizontal(sheet: SheetGrid) -> list[tuple[int, int, int, int]]:
    """Merged ranges spanning two or more columns near the top (where headers are)."""
    return [m for m in sheet.merged if m[0] <= SCAN_ROWS and m[3] > m[1]]


def _is_group_row(sheet: SheetGrid, spans: list[tuple[int, int, int, int]], r: int) -> bool:
    """A row grouping the columns below it: merged across columns, holding two or more different texts."""
    values = {t for t in _texts(sheet, r) if t}
    return any(m[0] <= r <= m[2] for m in spans) and len(values) >= 2


def _resolve(header: str, group: str, remembered: dict[str, str], fuzzy: bool) -> tuple[str, str, str, str]:
    """(shown header, remembered key, target, source) of one column."""
    shown = f"{group}-{header}" if group and group != header else header
    key = normalize_header(shown)
    if key in remembered:
        return shown, key, remembered[key], REMEMBERED
    prefix = group
    for suffix in GROUP_SUFFIXES:
        prefix = prefix.removesuffix(suffix)
    for text in ([prefix + header] if group and group != header else []) + [header]:
        target = match_header(text)
        if target:
            return shown, key, target, KNOWN
    target = similar_header(header) if fuzzy else None
    return shown, key, (target or IGNORE), (SIMILAR if target else NONE)


def _columns(
    sheet: SheetGrid,
    spans: list[tuple[int, int, int, int]],
    rows: tuple[int, int],
    remembered: dict[str, str],
    fuzzy: bool = False,
) -> list[ColumnGuess]:
    top, bottom = rows
    grouped = {c for m in spans if m[0] <= top <= m[2] for c in range(m[1], m[3] + 1)} if top != bottom else set()
    columns = []
    for c in range(sheet.width):
        header = str(cell(sheet.rows, bottom, c) or "").strip()
        group = str(cell(sheet.rows, top, c) or "").strip() if c in grouped else ""
        if not header and not group:
            continue
        shown, key, target, source = _resolve(header or group, group if header else "", remembered, fuzzy)
        columns.append(ColumnGuess(c, shown, key, target, source))
    seen: set[str] = set()
    for column in columns:
        if column.target != IGNORE and column.target in seen:
            column.target, column.source = IGNORE, DUPLICATE
        seen.add(column.target)
    return columns


def _score(columns: list[ColumnGuess]) -> int:
    return len({c.target for c in columns if c.source in (REMEMBERED, KNOWN)})


def detect_header(sheet: SheetGrid, remembered: dict[str, str] | None = None) -> HeaderGuess:
    """The most likely header of ``sheet`` (score 0 when nothing looks like a roster header)."""
    remembered = remembered or {}
    spans = _horizontal(sheet)
    best: tuple[int, tuple[int, int]] = (0, (0, 0))
    for r in range(min(SCAN_ROWS, len(sheet.rows))):
        options = [(r, r)] + ([(r - 1, r)] if r > 0 and _is_group_row(sheet, spans, r - 1) else [])
        for rows in options:
            score = _score(_columns(sheet, spans, rows, remembered))
            if score > best[0]:
                best = (score, rows)
    score, (top, bottom) = best
    if not score:
        return HeaderGuess(sheet.name, (), len(sheet.rows), [], 0)
    columns = _columns(sheet, spans, (top, bottom), remembered, fuzzy=True)
    first = _skip_numbering_row(sheet, bottom + 1)
    for column in columns:
        column.samples = _samples(sheet, first, column.index)
    return HeaderGuess(sheet.name, tuple(range(top, bottom + 1)), first, columns, score)


def _skip_numbering_row(sheet: SheetGrid, r: int) -> int:
    """Skip a row of column numbers (1, 2, 3 …) printed under the header of national forms."""
    values = [v for v in (cell(sheet.rows, r, c) for c in range(sheet.width)) if v not in (None, "")]
    try:
        numbers = [int(str(v).strip("()（）")) for v in values]
    except ValueError:
        return r
    increasing = len(numbers) >= 3 and all(b == a + 1 for a, b in zip(numbers, numbers[1:], strict=False))
    return r + 1 if increasing and numbers[0] in (0, 1) else r


def _samples(sheet: SheetGrid, first: int, c: int, count: int = 3) -> list[str]:
    found: list[str] = []
    for r in range(first, min(len(sheet.rows), first + 200)):
        value = cell(sheet.rows, r, c)
        if value in (None, ""):
            continue
        if isinstance(value, datetime.datetime):
            value = value.date()
        shown = value.isoformat() if isinstance(value, datetime.date) else str(value)
        if sum(ch.isdigit() for ch in shown) >= 10:  # ID numbers, bank accounts: never shown in full
            shown = mask_id_number(shown)
        if shown not in found:
            found.append(shown)
        if len(found) == count:
            break
    return found


def best_sheet(sheets: list[SheetGrid], remembered: dict[str, str] | None = None) -> tuple[int, HeaderGuess]:
    """The index and header of the sheet that looks most like a roster (the first one on a tie)."""
    guesses = [detect_header(s, remembered) for s in sheets]
    index = max(range(len(guesses)), key=lambda i: (guesses[i].score, -i)) if guesses else 0
    return index, guesses[index] if guesses else HeaderGuess("", (), 0, [], 0)


def load_remembered(conn: sqlite3.Connection) -> dict[str, str]:
    """The header mappings confirmed on this computer: normalised header → target key."""
    try:
        return dict(conn.execute("SELECT header, target FROM excel_header_mappings"))
    except sqlite3.OperationalError:  # a database opened read-only before migration 0005
        return {}


def remember_mapping(db: Database, columns: list[ColumnGuess]) -> None:
    """Remember the confirmed meaning of each column's header for the next import (local, never synced)."""
    now = datetime.datetime.now().isoformat(timespec="seconds")
    rows = [(c.key, c.target, now) for c in columns if c.key]
    db.conn.execute("BEGIN IMMEDIATE")
    try:
        db.conn.executemany(
            "INSERT INTO excel_header_mappings(header, target, confirmed_at) VALUES (?, ?, ?) "
            "ON CONFLICT(header) DO UPDATE SET target = excluded.target, confirmed_at = excluded.confirmed_at",
            rows,
        )
        db.conn.execute("COMMIT")
    except BaseException:
        db.conn.execute("ROLLBACK")
        raise
