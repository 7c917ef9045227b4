"""The notice table: column widths from the content, wrapped cells, pages that repeat the header row,
and optionally two column groups side by side (rows 1…m on the left, m+1…2m on the right).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from exports.notice_fonts import FontSet
from exports.notice_kinds import Column
from exports.notice_text import Pen, wrap_balanced
from exports.notice_widths import GAP, PAD, balanced_widths, fitting_widths, natural_widths

LINE = 1.3  # leading as a multiple of the font size
HEADER_FILL = 0.9  # grey level of the header row


@dataclass
class LaidTable:
    """Cells already wrapped into lines, with one column group's widths and every row's height."""

    columns: list[Column]
    widths: list[float]
    size: float
    header: list[list[str]] | None
    header_height: float
    cells: list[list[list[str]]]
    heights: list[float]
    two_up: bool = False
    shaded: tuple[int, ...] = ()  # columns filled grey, like the labels of a form

    @property
    def group_width(self) -> float:
        """Width of one column group."""
        return sum(self.widths)


@dataclass
class Slice:
    """The rows of one page: ``left`` rows, and ``right`` rows beside them when two-up."""

    left: range
    right: range = field(default_factory=lambda: range(0))
    height: float = 0.0


def lay_out(
    fonts: FontSet,
    columns: list[Column],
    rows: list[dict[str, str]],
    width: float,
    size: float,
    two_up: bool = False,
    header: bool = True,
    shaded: tuple[int, ...] = (),
) -> LaidTable:
    """Choose column widths for ``width`` points (half of it per group when two-up) and wrap every cell.

    When the content does not fit at ``size`` but does at up to one point less, the smaller size is used;
    otherwise long cells wrap, each text column sized for its longest cell on as few lines as the width
    allows (numbers and codes stay whole), so one long 村民小组 name does not take seven lines.
    """
    group = (width - GAP) / 2 if two_up else width
    natural = natural_widths(fonts, columns, rows, size, header)
    widths = fitting_widths(natural[:3], columns, group)
    for smaller in (size - 0.5, size - 1.0):
        if widths is not None:
            break
        widths = fitting_widths(natural_widths(fonts, columns, rows, smaller, header)[:3], columns, group)
        size = smaller if widths is not None else size
    widths = widths or balanced_widths(fonts, columns, rows, natural, group, size)
    leading = size * LINE
    cache: dict[tuple[str, float], list[str]] = {}

    def cell_lines(text: str, w: float) -> list[str]:
        if (text, w) not in cache:
            cache[text, w] = wrap_balanced(fonts, text, w - 2 * PAD, size) if text else [""]
        return cache[text, w]

    head = [cell_lines(c.label, w) for c, w in zip(columns, widths, strict=True)] if header else None
    cells = [[cell_lines(row.get(c.key, ""), w) for c, w in zip(columns, widths, strict=True)] for row in rows]
    heights = [max(len(lines) for lines in row) * leading + 2 * PAD for row in cells]
    header_height = max(len(lines) for lines in head) * leading + 2 * PAD if head else 0.0
    return LaidTable(columns, widths, size, head, header_height, cells, heights, two_up, shaded)


def fit(table: LaidTable, start: int, height: float, stop: int | None = None) -> Slice | None:
    """The rows from ``start`` (up to ``stop``, default all) that fit in ``height`` points (header included);
    None when not even one fits."""
    room = height - table.header_height
    n = len(table.heights) if stop is None else min(stop, len(table.heights))
    if not table.two_up:
        end, used = start, 0.0
        while end < n and used + table.heights[end] <= room:
            used += table.heights[end]
            end += 1
        return Slice(range(start, end), height=used + table.header_height) if end > start else None
    best = None
    for m in range(1, n - start + 1):
        left = range(start, start + m)
        right = range(start + m, min(start + 2 * m, n))
        used = sum(
            max(table.heights[i], table.heights[j]) if j < n else table.heights[i]
            for i, j in zip(left, range(left.stop, left.stop + m), strict=True)
        )
        if used > room:
            break
        best = Slice(left, right, used + table.header_height)
        if right.stop >= n:
            break
    return best


def draw(pen: Pen, table: LaidTable, part: Slice, x: float, y_top: float) -> float:
    """Draw one page's rows (both groups when two-up) with the header row; returns the y below the table."""
    bottom = _draw_group(pen, table, part.left, x, y_top, part)
    if table.two_up and len(part.right):
        _draw_group(pen, table, part.right, x + table.group_width + GAP, y_top, part)
    return bottom


def _draw_group(pen: Pen, table: LaidTable, rows: range, x: float, y_top: float, part: Slice) -> float:
    canvas = pen.canvas
    y = y_top
    boundaries = [y]
    if table.header is not None:
        canvas.setFillGray(HEADER_FILL)
        canvas.rect(x, y - table.header_height, table.group_width, table.header_height, stroke=0, fill=1)
        canvas.setFillGray(0)
        _draw_row(pen, table, table.header, x, y, table.header_height, header=True)
        y -= table.header_height
        boundaries.append(y)
    _shade(canvas, table, x, y, y - sum(_pair_height(table, part, i) for i in range(len(rows))))
    for offset, index in enumerate(rows):
        height = _pair_height(table, part, offset)
        _draw_row(pen, table, table.cells[index], x, y, height)
        y -= height
        boundaries.append(y)
    _grid(canvas, table, x, boundaries)
    return y


def _shade(canvas: Any, table: LaidTable, x: float, top: float, bottom: float) -> None:
    canvas.setFillGray(HEADER_FILL)
    for index in table.shaded:
        left = x + sum(table.widths[:index])
        canvas.rect(left, bottom, table.widths[index], top - bottom, stroke=0, fill=1)
    canvas.setFillGray(0)


def _grid(canvas: Any, table: LaidTable, x: float, boundaries: list[float]) -> None:
    """The cell borders: a line under every row and beside every column, a heavier frame around."""
    top, bottom = boundaries[0], boundaries[-1]
    edges = [x]
    for width in table.widths:
        edges.append(edges[-1] + width)
    canvas.setLineWidth(0.4)
    lines = [(x, y, edges[-1], y) for y in boundaries[1:-1]]
    lines += [(edge, top, edge, bottom) for edge in edges[1:-1]]
    canvas.lines(lines)
    canvas.setLineWidth(0.6)
    canvas.rect(x, bottom, table.group_width, top - bottom, stroke=1, fill=0)


def _pair_height(table: LaidTable, part: Slice, offset: int) -> float:
    """A row's height on the page: the taller of the two rows that share the line when two-up."""
    heights = [table.heights[r[offset]] for r in (part.left, part.right) if offset < len(r)]
    return max(heights)


def _draw_row(
    pen: Pen, table: LaidTable, cells: list[list[str]], x: float, y: float, height: float, header: bool = False
) -> None:
    leading = table.size * LINE
    for column, width, lines in zip(table.columns, table.widths, cells, strict=True):
        top = y - (height - len(lines) * leading) / 2
        align = "center" if header else column.align
        pen.lines(x + PAD, top, lines, table.size, leading, align, width - 2 * PAD)
        x += width
