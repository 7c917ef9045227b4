"""Column widths of a notice table: from the content, so that long cells wrap on as few lines as the
page allows while numbers and codes stay whole (``notice_table`` lays the table out with them)."""

from __future__ import annotations

from collections import Counter

from exports.notice_fonts import FontSet
from exports.notice_kinds import Column
from exports.notice_text import wrap

PAD = 3.0
GAP = 8.0  # between two side-by-side column groups

SLACK = 2 * PAD + 0.5
MAX_LINES = 8  # a text column sized to wrap its longest cell into more lines than this is squeezed instead


def natural_widths(
    fonts: FontSet, columns: list[Column], rows: list[dict[str, str]], size: float, header: bool
) -> list[list[float]]:
    """Each column's width without wrapping a cell, with the header label on one, two or four lines; then
    the widths of the longest cell alone and of the label on four lines alone (for ``balanced_widths``)."""
    content = [max([fonts.width(row.get(c.key, ""), size) for row in rows] + [size * 2]) + SLACK for c in columns]
    labels = [
        [_label_width(fonts, c.label, lines, size) + SLACK if header else 0.0 for c in columns] for lines in (1, 2, 4)
    ]
    return [[max(n, w) for n, w in zip(content, widths, strict=True)] for widths in labels] + [content, labels[-1]]


def balanced_widths(
    fonts: FontSet,
    columns: list[Column],
    rows: list[dict[str, str]],
    natural: list[list[float]],
    width: float,
    size: float,
) -> list[float]:
    """Widths that keep the table short when cells must wrap.

    Text columns start narrow (nine cells in ten on ``MAX_LINES`` lines, the label on up to four); numbers
    and codes stay whole, or else go on two lines. Then, step by step while the width lasts, one column
    loses a line: the one saving most of the rows' estimated lines per point of width, or (the second try)
    the cheapest one that saves anything; spare width is shared out (``_spread``). The result whose rows
    are estimated to take the fewest lines wins, the plain share by weight (``_squeezed``) included.
    """
    whole, labels = natural[2], natural[4]
    shapes = Counter(tuple(fonts.width(row.get(c.key, ""), size) for c in columns) for row in rows)
    content = [_typical(shapes, i) + SLACK for i in range(len(columns))]
    squeezed = _squeezed(whole, columns, width)  # the plain share by weight, kept when nothing does better
    best: tuple[float, list[float]] = (_estimated_lines(shapes, squeezed, size), squeezed)
    for split, cheapest in ((1, False), (1, True), (2, False), (2, True)):
        lines = [split if c.whole else MAX_LINES for c in columns]
        need = [_need(c, *values, size) for c, *values in zip(columns, whole, labels, content, lines, strict=True)]
        if sum(need) > width:
            continue
        cost = _estimated_lines(shapes, need, size)
        while True:
            step = None
            for i, c in enumerate(columns):
                if c.whole or lines[i] <= 1:
                    continue
                trial = list(need)
                trial[i] = _need(c, whole[i], labels[i], content[i], lines[i] - 1, size)
                extra = trial[i] - need[i]
                if sum(need) + extra > width:
                    continue
                saving = cost - _estimated_lines(shapes, trial, size)
                value = (saving > 0, -extra) if cheapest else (saving / max(extra, 0.1), 0.0)
                if step is None or value > step[0]:
                    step = (value, i, trial)
            if step is None:
                break
            _, i, need = step
            lines[i] -= 1
            cost = _estimated_lines(shapes, need, size)
        widths = _spread(need, whole, columns, width)
        total = _estimated_lines(shapes, widths, size)
        if total < best[0]:
            best = (total, widths)
    return best[1]


def _typical(shapes: Counter[tuple[float, ...]], column: int) -> float:
    """The width nine cells in ten of the column stay within (a rare long cell may wrap more)."""
    widths = sorted((shape[column], count) for shape, count in shapes.items())
    seen, total = 0, sum(shapes.values())
    for width, count in widths:
        seen += count
        if seen >= total * 0.9:
            return width
    return widths[-1][0] if widths else 0.0


def _spread(need: list[float], full: list[float], columns: list[Column], width: float) -> list[float]:
    """Share the width left over: first to the columns that then no longer wrap, the cheapest first; then to
    the columns still wrapping, in proportion to what they lack; what is left by weight."""
    widths = list(need)
    spare = width - sum(widths)
    lacking = sorted((full[i] - widths[i], i) for i in range(len(widths)) if full[i] > widths[i])
    while lacking and lacking[0][0] <= spare:
        gap, i = lacking.pop(0)
        widths[i] += gap
        spare -= gap
    total = sum(gap for gap, _ in lacking)
    for gap, i in lacking:
        widths[i] += spare * gap / total
    if lacking:
        return widths
    return fitting_widths([widths], columns, width) or widths


def _need(column: Column, whole: float, label: float, content: float, lines: int, size: float) -> float:
    """A column's width for its longest cell on ``lines`` lines (a whole column on one line: ``whole``)."""
    if lines == 1:
        return whole if column.whole else max(label, content)
    per_line = -(-(content - SLACK) / lines // size) * size  # whole characters (Chinese ones are all as wide)
    return max(label, per_line + SLACK, size * 2 + SLACK)


def _estimated_lines(shapes: Counter[tuple[float, ...]], widths: list[float], size: float) -> float:
    """About how many lines the rows take at these widths (each row as tall as its longest cell), plus a
    little for every wrapped cell (the fewer cells wrap, the easier the table reads)."""
    room = [max(w - SLACK - size * 0.5, size) for w in widths]
    total = 0.0
    for shape, count in shapes.items():
        lines = [max(1.0, -(-cell // r)) for cell, r in zip(shape, room, strict=True)]
        total += count * (max(lines) + 0.01 * sum(lines))
    return total


def _label_width(fonts: FontSet, label: str, lines: int, size: float) -> float:
    """The narrowest width at which ``label`` wraps into at most ``lines`` lines."""
    high = fonts.width(label, size)
    low = high / lines
    if lines == 1 or len(wrap(fonts, label, low, size)) <= lines:
        return high if lines == 1 else low
    for _ in range(8):
        middle = (low + high) / 2
        if len(wrap(fonts, label, middle, size)) <= lines:
            high = middle
        else:
            low = middle
    return high


def fitting_widths(natural: list[list[float]], columns: list[Column], width: float) -> list[float] | None:
    """Widths in which no cell wraps (spare width shared by weight), or None when there are none."""
    for widths in natural:
        if sum(widths) <= width:
            spare = width - sum(widths)
            total = sum(c.weight for c in columns)
            return [n + spare * c.weight / total for n, c in zip(widths, columns, strict=True)]
    return None


def _squeezed(natural: list[float], columns: list[Column], width: float) -> list[float]:
    """Widths when some cells must wrap: numbers and codes stay whole, the rest is shared by weight."""
    weights = [c.weight for c in columns]
    whole = [i for i, c in enumerate(columns) if c.whole]
    fixed = sum(natural[i] for i in whole)
    if not whole or fixed > width * 0.6:
        return _share(natural, weights, width)
    rest = [i for i in range(len(columns)) if i not in whole]
    shared = _share([natural[i] for i in rest], [weights[i] for i in rest], width - fixed)
    widths = list(natural)
    for i, w in zip(rest, shared, strict=True):
        widths[i] = w
    return widths


def _share(natural: list[float], weights: list[float], width: float) -> list[float]:
    widths = [0.0] * len(natural)
    open_ = set(range(len(natural)))
    left = width
    while open_:
        total = sum(weights[i] for i in open_)
        fitting = {i for i in open_ if natural[i] <= left * weights[i] / total}
        if not fitting:
            for i in open_:
                widths[i] = left * weights[i] / total
            break
        for i in fitting:
            widths[i] = natural[i]
            left -= natural[i]
        open_ -= fitting
    return widths
