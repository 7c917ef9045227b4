"""Measuring, wrapping and drawing Chinese text on a reportlab canvas, each character in a font that has it.

Chinese wraps between any two characters; runs of Latin letters and digits
(phone numbers, dates) stay whole unless wider than the line. A closing
punctuation mark never starts a line and an opening one never ends a line.
"""

from __future__ import annotations

import re

from reportlab.pdfgen.canvas import Canvas
from reportlab.pdfgen.textobject import PDFTextObject

from exports.notice_fonts import FontSet

NO_LINE_START = frozenset("，。、；：？！）》」』】〕”’%,.;:!?)]}…")
NO_LINE_END = frozenset("（《「『【〔“‘([{")
TOKENS = re.compile(r"[A-Za-z0-9][A-Za-z0-9.,:/%\-_@+*]*|.", re.DOTALL)


def wrap(fonts: FontSet, text: str, width: float, size: float) -> list[str]:
    """``text`` broken into lines no wider than ``width`` points (explicit newlines kept)."""
    lines: list[str] = []
    for paragraph in text.split("\n"):
        if fonts.width(paragraph, size) <= width:
            lines.append(paragraph)
        else:
            lines += _wrap_paragraph(fonts, paragraph, width, size)
    return lines


def wrap_balanced(fonts: FontSet, text: str, width: float, size: float) -> list[str]:
    """Like :func:`wrap`, but lines of a wrapped text are made about equally long ("自身发展/动力不足")."""
    lines = wrap(fonts, text, width, size)
    if len(lines) < 2 or "\n" in text:
        return lines
    items = re.split(r"(?<=、)", text)
    if len(items) > 1 and all(fonts.width(item, size) <= width for item in items):
        return _pack(fonts, items, width, size)
    low, high = width / len(lines) * 0.5, width
    for _ in range(7):
        middle = (low + high) / 2
        if len(wrap(fonts, text, middle, size)) <= len(lines):
            high = middle
        else:
            low = middle
    return wrap(fonts, text, high, size)


def _pack(fonts: FontSet, items: list[str], width: float, size: float) -> list[str]:
    """List items ("财政专项、", "自筹") packed into lines, breaking only between items."""
    lines = [""]
    for item in items:
        if lines[-1] and fonts.width(lines[-1] + item, size) > width:
            lines.append("")
        lines[-1] += item
    return lines


def _pieces(fonts: FontSet, text: str, width: float, size: float) -> list[tuple[str, float]]:
    """Unbreakable pieces with their widths; a Latin word wider than a line is cut into characters."""
    pieces = []
    for token in TOKENS.findall(text):
        token_width = fonts.width(token, size)
        if token_width > width and len(token) > 1:
            pieces += [(c, fonts.width(c, size)) for c in token]
        else:
            pieces.append((token, token_width))
    return pieces


def _wrap_paragraph(fonts: FontSet, text: str, width: float, size: float) -> list[str]:
    lines: list[list[tuple[str, float]]] = [[]]
    used = 0.0
    for piece, piece_width in _pieces(fonts, text, width, size):
        line = lines[-1]
        if line and used + piece_width > width:
            carried = _carry(line, piece)
            if piece.isspace() and not carried:
                lines.append([])
                used = 0.0
                continue
            lines.append(carried)
            used = sum(w for _, w in carried)
        lines[-1].append((piece, piece_width))
        used += piece_width
    return ["".join(p for p, _ in line).rstrip() for line in lines]


def _carry(line: list[tuple[str, float]], next_piece: str) -> list[tuple[str, float]]:
    """Pieces to move from the full ``line`` to the next one so no line starts or ends with the wrong mark."""
    carried: list[tuple[str, float]] = []
    if next_piece in NO_LINE_START and len(line) > 1:
        carried.insert(0, line.pop())
    while len(line) > 1 and line[-1][0] in NO_LINE_END:
        carried.insert(0, line.pop())
    return carried


class Pen:
    """Draws text runs on a canvas, switching fonts only when needed.

    The text of a page is collected in one PDF text object and painted by :meth:`flush` (after the
    page's lines and fills, so text is always on top); one object per page keeps large notices fast.
    """

    def __init__(self, canvas: Canvas, fonts: FontSet) -> None:
        self.canvas = canvas
        self.fonts = fonts
        self._text: PDFTextObject | None = None
        self._font: tuple[str, float] | None = None

    def text(self, x: float, y: float, text: str, size: float, align: str = "left", width: float = 0.0) -> None:
        """Draw one line with its baseline at ``y``; ``align`` within ``width`` starting at ``x``."""
        if not text:
            return
        if align != "left":
            free = width - self.fonts.width(text, size)
            x += free if align == "right" else free / 2
        if self._text is None:
            self._text = self.canvas.beginText()
            self._font = None
        runs = self.fonts.runs(text)
        self._text.setTextOrigin(x, y)
        for name, piece in runs:
            if self._font != (name, size):
                self._text.setFont(name, size)
                self._font = (name, size)
            self._text.textOut(piece)

    def flush(self) -> None:
        """Paint the text collected so far (call before the page ends)."""
        if self._text is not None:
            self.canvas.drawText(self._text)
            self._text = None

    def lines(
        self,
        x: float,
        y_top: float,
        lines: list[str],
        size: float,
        leading: float,
        align: str = "left",
        width: float = 0.0,
    ) -> float:
        """Draw lines from ``y_top`` down; returns the y below the last line."""
        y = y_top
        for line in lines:
            y -= leading
            self.text(x, y + (leading - size) / 2 + size * 0.12, line, size, align, width)
        return y
