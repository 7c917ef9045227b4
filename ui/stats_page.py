"""The statistics page: pick the county, a township or a village; key figures, charts, and every table.

The report comes from ``models.stats_report.compute_report`` (run through the
caller's runner, off the GUI thread when the main window has a background
worker); the tables are those of ``models.stats_format.report_tables``, the
same ones the Excel and PDF exports write.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFileDialog,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSpinBox,
    QSplitter,
    QTableView,
    QTabWidget,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from models.stats_format import Percent, report_tables, unit_label, units
from models.stats_notes import as_of_text, report_notes, unit_figures
from ui.bar_chart import BarChart

Index = QModelIndex | QPersistentModelIndex
Runner = Callable[[Callable[[Any], Any], Callable[[Any], None]], None]


class ReportTableModel(QAbstractTableModel):
    """One table of the report (header and rows)."""

    def __init__(self, header: list[str], rows: list[list[Any]], parent: Any = None) -> None:
        super().__init__(parent)
        self._header, self._rows = header, rows

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self._header)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal and 0 <= section < len(self._header):
            return self._header[section]
        return None if orientation == Qt.Orientation.Horizontal else section + 1

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        value = self._rows[index.row()][index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return _text(value)
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() > 0:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None


def _text(value: Any) -> str:
    if value is None:
        return "—"
    if isinstance(value, Percent):
        return str(value)
    if isinstance(value, float):
        return f"{value:,.2f}"
    return str(value)


class StatsPage(QWidget):
    """Year, unit tree, key figures, charts and the report's tables; exports to Excel and PDF."""

    def __init__(self, run: Runner, year: int, lang: str = "zh", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._run, self._lang = run, lang
        self.report: dict[str, Any] | None = None
        self.year = QSpinBox(minimum=2010, maximum=2100, value=year)
        self.units = QTreeWidget()
        self.units.setHeaderHidden(True)
        self.figures = QLabel()
        self.figures.setTextFormat(Qt.TextFormat.RichText)
        self.notes = QLabel()
        self.notes.setWordWrap(True)
        self.notes.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.charts = [BarChart() for _ in range(4)]
        self.tabs = QTabWidget()
        self.excel = QPushButton(self.tr("导出 Excel…"))
        self.pdf = QPushButton(self.tr("导出 PDF…"))
        self._layout()
        self.year.valueChanged.connect(self.load)
        self.units.currentItemChanged.connect(lambda item, _old: self._show_unit(item))
        self.excel.clicked.connect(lambda: self.export("xlsx"))
        self.pdf.clicked.connect(lambda: self.export("pdf"))

    def _layout(self) -> None:
        bar = QHBoxLayout()
        bar.addWidget(QLabel(self.tr("年度")))
        bar.addWidget(self.year)
        bar.addStretch(1)
        bar.addWidget(self.excel)
        bar.addWidget(self.pdf)
        charts = QGridLayout()
        for n, chart in enumerate(self.charts):
            charts.addWidget(chart, n // 2, n % 2)
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.addWidget(self.figures)
        right_layout.addLayout(charts)
        right_layout.addWidget(self.notes)
        right_layout.addStretch(1)
        top = QSplitter()
        top.addWidget(self.units)
        top.addWidget(right)
        top.setSizes([220, 860])
        body = QSplitter(Qt.Orientation.Vertical)
        body.addWidget(top)
        body.addWidget(self.tabs)
        body.setSizes([480, 300])
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(body)

    def load(self) -> None:
        """Compute the report for the chosen year (through the runner) and show it."""
        from models.stats_report import compute_report

        year = self.year.value()
        self._run(lambda db: compute_report(db.conn, year), self.show_report)

    def show_report(self, report: dict[str, Any]) -> None:
        """Show a computed report: the unit tree, the tables, and the county's figures."""
        self.report = report
        self.units.clear()
        parents: list[QTreeWidgetItem] = []
        for depth, unit in units(report):
            item = QTreeWidgetItem([unit_label(unit, self._lang)])
            item.setData(0, Qt.ItemDataRole.UserRole, unit)
            if depth == 0:
                self.units.addTopLevelItem(item)
            else:
                parents[depth - 1].addChild(item)
            parents[depth:] = [item]
        self.units.expandAll()
        self.notes.setText("\n".join(report_notes(report, self._lang)))
        self._fill_tabs(report)
        self.units.setCurrentItem(self.units.topLevelItem(0))

    def _fill_tabs(self, report: dict[str, Any]) -> None:
        self.tabs.clear()
        for title, header, rows in report_tables(report, self._lang):
            view = QTableView()
            view.setModel(ReportTableModel(header, rows, view))
            view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
            view.setAlternatingRowColors(True)
            view.verticalHeader().setVisible(False)
            view.verticalHeader().setDefaultSectionSize(view.fontMetrics().height() + 8)
            view.resizeColumnsToContents()
            self.tabs.addTab(view, title)

    def _show_unit(self, item: QTreeWidgetItem | None) -> None:
        if item is None:
            return
        unit = item.data(0, Qt.ItemDataRole.UserRole)
        lab = "label_en" if self._lang == "en" else "label"
        self.figures.setText(self._figures(unit))
        self.charts[0].set_bars(
            [(e[lab], e["households"]) for e in unit["by_status"] if e["code"]], self.tr("按贫困户状态（户）")
        )
        self.charts[1].set_bars(
            [(e[lab], e["households"]) for e in unit["income"]],
            self.tr("{year} 年人均纯收入与贫困线（户）").format(year=self.report["year"] - 1),
        )
        self.charts[2].set_bars([(e[lab], e["total"] / 10000) for e in unit["measures"]], self.tr("帮扶资金（万元）"))
        causes = sorted((e for e in unit["by_cause"] if e["households"]), key=lambda e: -e["households"])[:8]
        self.charts[3].set_bars([(e[lab], e["households"]) for e in causes], self.tr("主要致贫原因（贫困户）"))

    def _figures(self, unit: dict[str, Any]) -> str:
        """The unit's key figures, with the words of the report's tables (models.stats_notes)."""
        body = "".join(
            f"<td style='padding-right:18px'>{k}<br><b style='font-size:16pt'>{v}</b></td>"
            for k, v in unit_figures(unit, self._lang)
        )
        title = f"{unit_label(unit, self._lang)}　{as_of_text(self.report, self._lang)}"
        return f"<b>{title}</b><table><tr>{body}</tr></table>"

    def export(self, kind: str) -> str | None:
        """Ask where to save, then write the report as Excel or PDF; returns the path written."""
        if self.report is None:
            return None
        caption = self.tr("导出统计报表")
        pattern = "Excel (*.xlsx)" if kind == "xlsx" else "PDF (*.pdf)"
        name = self.tr("统计{year}.{ext}").format(year=self.report["year"], ext=kind)
        path = save_path(self, caption, name, pattern)
        if not path:
            return None
        if kind == "xlsx":
            from exports.stats_xlsx import write_stats_xlsx

            write_stats_xlsx(self.report, path, self._lang)
        else:
            from exports.stats_pdf import write_stats_pdf

            write_stats_pdf(self.report, path, self._lang)
        return path


def save_path(parent: QWidget, caption: str, name: str, pattern: str) -> str:
    """The file the user chose (tests replace this function)."""
    return QFileDialog.getSaveFileName(parent, caption, name, pattern)[0]
