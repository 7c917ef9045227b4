"""Page geometry and simple blocks (centred titles, paragraphs, signature lines) that pages are built from.

A page is a list of blocks placed top to bottom. Each block knows its height
before anything is drawn, so the number of pages is known in advance and every
page can say 第 x 页 共 y 页.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from reportlab.lib.units import mm

from exports.notice_fonts import FontSet
from exports.notice_text import Pen, wrap

MARGIN_X = 18 * mm
MARGIN_TOP = 15 * mm
MARGIN_BOTTOM = 16 * mm
FOOTER_Y = 8 * mm
PAGE_NUMBER_SIZE = 9.0
INDENT = "\u3000\u3000"  # two ideographic spaces open a Chinese paragraph


@dataclass
class Block:
    """Something of known height drawn at (x, y_top) across the content width."""

    height: float
    paint: Callable[[Pen, float, float], None]


@dataclass(frozen=True)
class Frame:
    """The page size and its content area."""

    width: float
    height: float

    @property
    def left(self) -> float:
        """The x of the content area's left edge."""
        return MARGIN_X

    @property
    def content_width(self) -> float:
        """Width between the side margins."""
        return self.width - 2 * MARGIN_X

    @property
    def content_height(self) -> float:
        """Height between the top margin and the bottom margin."""
        return self.height - MARGIN_TOP - MARGIN_BOTTOM

    @property
    def top(self) -> float:
        """The y of the content area's top edge."""
        return self.height - MARGIN_TOP


def spacer(height: float) -> Block:
    """Empty vertical space."""
    return Block(height, lambda pen, x, y: None)


def lines_block(
    fonts: FontSet,
    text: str,
    width: float,
    size: float,
    align: str = "left",
    leading: float = 1.5,
    indent: bool = False,
) -> Block:
    """A wrapped paragraph (``indent``: the first line starts two characters in)."""
    lines = wrap(fonts, (INDENT if indent else "") + text, width, size)
    step = size * leading

    def paint(pen: Pen, x: float, y: float) -> None:
        pen.lines(x, y, lines, size, step, align, width)

    return Block(len(lines) * step, paint)


def signature_block(fonts: FontSet, labels: list[str], width: float, size: float, blank: float = 75.0) -> Block:
    """Labels each followed by a line to sign on, packed into as many rows as the width needs."""
    rows: list[list[str]] = [[]]
    used = 0.0
    for label in labels:
        need = fonts.width(label, size) + blank + size * 2
        if rows[-1] and used + need > width:
            rows.append([])
            used = 0.0
        rows[-1].append(label)
        used += need
    step = size * 2.2

    def paint(pen: Pen, x: float, y: float) -> None:
        for row in rows:
            y -= step
            left = x
            for label in row:
                pen.text(left, y + size * 0.4, label, size)
                left += fonts.width(label, size)
                pen.canvas.setLineWidth(0.5)
                pen.canvas.line(left + 2, y + size * 0.25, left + blank, y + size * 0.25)
                left += blank + size * 2

    return Block(len(rows) * step, paint)


def right_block(fonts: FontSet, lines: list[str], width: float, size: float, leading: float = 1.7) -> Block:
    """Lines set flush right as one column (each centred on the widest), like a seal and date under a notice."""
    widest = max(fonts.width(line, size) for line in lines)
    step = size * leading

    def paint(pen: Pen, x: float, y: float) -> None:
        left = x + width - widest - size
        pen.lines(left, y, lines, size, step, "center", widest)

    return Block(len(lines) * step, paint)


def page_number(pen: Pen, frame: Frame, number: int, total: int) -> None:
    """第 x 页 共 y 页, centred under the content."""
    pen.text(0, FOOTER_Y, f"第 {number} 页 共 {total} 页", PAGE_NUMBER_SIZE, "center", frame.width)


def chinese_date(day: object) -> str:
    """2019年6月1日 (no leading zeros)."""
    return f"{day.year}年{day.month}月{day.day}日"  # type: ignore[attr-defined]
