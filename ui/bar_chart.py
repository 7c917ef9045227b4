"""A small horizontal bar chart with the numbers beside the bars (drawn with QPainter; no Qt Charts needed)."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QColor, QPainter, QPaintEvent
from PySide6.QtWidgets import QSizePolicy, QWidget

PALETTE = ("#3A6EA5", "#E07B39", "#4E9A59", "#B8463F", "#7D5BA6", "#8C6D46", "#C05C99", "#6B7B8C")
ROW_HEIGHT = 22


class BarChart(QWidget):
    """Bars for (label, value) pairs; each value is printed at the end of its bar."""

    def __init__(self, title: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._title = title
        self._bars: list[tuple[str, float, str]] = []
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)

    def set_bars(self, bars: Sequence[tuple[str, float]], title: str | None = None, unit: str = "") -> None:
        """Show these bars (value text formatted with thousands separators and ``unit``)."""
        if title is not None:
            self._title = title
        self._bars = [
            (label, float(value), f"{value:,.0f}{unit}" if float(value).is_integer() else f"{value:,.2f}{unit}")
            for label, value in bars
        ]
        self.setFixedHeight(self.sizeHint().height())
        self.update()

    def bars(self) -> list[tuple[str, float]]:
        """The bars shown, as (label, value)."""
        return [(label, value) for label, value, _ in self._bars]

    def sizeHint(self) -> QSize:
        return QSize(420, 30 + ROW_HEIGHT * max(1, len(self._bars)))

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 - Qt's name
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        metrics = painter.fontMetrics()
        painter.drawText(
            QRectF(0, 0, self.width(), 24), Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, self._title
        )
        if not self._bars:
            return
        label_width = max(metrics.horizontalAdvance(label) for label, _, _ in self._bars) + 12
        value_width = max(metrics.horizontalAdvance(text) for _, _, text in self._bars) + 12
        room = max(10.0, self.width() - label_width - value_width)
        biggest = max((value for _, value, _ in self._bars), default=0) or 1
        for row, (label, value, text) in enumerate(self._bars):
            top = 28 + row * ROW_HEIGHT
            painter.setPen(self.palette().text().color())
            painter.drawText(
                QRectF(0, top, label_width - 6, ROW_HEIGHT - 4),
                Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
                label,
            )
            length = room * max(value, 0) / biggest
            painter.fillRect(QRectF(label_width, top + 3, length, ROW_HEIGHT - 10), QColor(PALETTE[row % len(PALETTE)]))
            painter.drawText(
                QRectF(label_width + length + 4, top, value_width, ROW_HEIGHT - 4),
                Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                text,
            )
        painter.end()
