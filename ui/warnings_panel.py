"""The warnings panel (预警): every warning of the working year, filterable; a double click opens the household."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from models.warning_rules import RULES, RULES_BY_ID
from models.warnings import Warning
from ui.record_table import configured_table
from ui.table_models import ColumnTableModel, Index

ERROR_COLOUR = QColor("#B00020")


class WarningsTableModel(ColumnTableModel):
    """The warnings, filtered by rule, severity and text; ``warning(row)`` gives the one shown in a row."""

    CONTEXT = "WarningsTableModel"
    COLUMNS = (
        QT_TRANSLATE_NOOP("WarningsTableModel", "级别"),
        QT_TRANSLATE_NOOP("WarningsTableModel", "户"),
        QT_TRANSLATE_NOOP("WarningsTableModel", "预警"),
        QT_TRANSLATE_NOOP("WarningsTableModel", "说明"),
        QT_TRANSLATE_NOOP("WarningsTableModel", "改正办法"),
    )
    ROW_NUMBERS = True

    def __init__(self, lang: str = "zh", parent: Any = None) -> None:
        super().__init__(parent)
        self._lang = lang
        self._all: list[Warning] = []
        self._places: dict[str, str] = {}
        self._shown: list[Warning] = []
        self._filter: tuple[str | None, str | None, str] = (None, None, "")

    def set_warnings(self, warnings: Sequence[Warning], places: dict[str, str]) -> None:
        """Replace the warnings (and the household names shown for them)."""
        self.beginResetModel()
        self._all, self._places = list(warnings), dict(places)
        self._shown = self._filtered()
        self.endResetModel()

    def set_filter(self, rule: str | None = None, severity: str | None = None, text: str = "") -> None:
        """Show only one rule / one severity / warnings whose household or message contains ``text``."""
        self.beginResetModel()
        self._filter = (rule, severity, text.strip())
        self._shown = self._filtered()
        self.endResetModel()

    def counts(self) -> dict[str, int]:
        """Rule id -> number of warnings (before filtering)."""
        found: dict[str, int] = {}
        for warning in self._all:
            found[warning.rule_id] = found.get(warning.rule_id, 0) + 1
        return found

    def total(self) -> int:
        """Warnings before filtering."""
        return len(self._all)

    def warning(self, row: int) -> Warning:
        """The warning shown in ``row``."""
        return self._shown[row]

    def _filtered(self) -> list[Warning]:
        rule, severity, text = self._filter
        return [
            w
            for w in self._all
            if (rule is None or w.rule_id == rule)
            and (severity is None or w.severity == severity)
            and (not text or text in self._places.get(w.household_id, "") or text in w.message(self._lang))
        ]

    def row_total(self) -> int:
        """How many warnings pass the filter."""
        return len(self._shown)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        warning = self._shown[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return self._cell(warning, index.column())
        if role == Qt.ItemDataRole.ForegroundRole and warning.severity == "error":
            return QBrush(ERROR_COLOUR)
        return None

    def _cell(self, warning: Warning, column: int) -> str:
        if column == 0:
            return (
                QCoreApplication.translate("WarningsTableModel", "错误")
                if warning.severity == "error"
                else QCoreApplication.translate("WarningsTableModel", "提醒")
            )
        if column == 1:
            return self._places.get(warning.household_id, "")
        if column == 2:
            return RULES_BY_ID[warning.rule_id].title(self._lang)
        return warning.message(self._lang) if column == 3 else warning.hint(self._lang)


class WarningsPanel(QWidget):
    """Filters above the table of warnings; ``open_household(id)`` is called on a double click or Enter."""

    def __init__(
        self,
        open_household: Callable[[str], None],
        reload: Callable[[], None],
        lang: str = "zh",
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.model = WarningsTableModel(lang, self)
        self._open = open_household
        self.rule = QComboBox()
        self.severity = QComboBox()
        self.severity.addItem(self.tr("全部级别"), None)
        self.severity.addItem(self.tr("错误"), "error")
        self.severity.addItem(self.tr("提醒"), "warning")
        self.text = QLineEdit(placeholderText=self.tr("按户主、村或内容筛选…"), clearButtonEnabled=True)
        self.refresh_button = QPushButton(self.tr("重新检查"))
        self.refresh_button.clicked.connect(reload)
        self.summary = QLabel()
        self.table = self._make_table()
        for signal in (self.rule.currentIndexChanged, self.severity.currentIndexChanged, self.text.textChanged):
            signal.connect(self._apply_filter)
        self._layout()
        self._fill_rules()

    def set_warnings(self, warnings: Sequence[Warning], places: dict[str, str]) -> None:
        """Show a new run of the rules."""
        self.model.set_warnings(warnings, places)
        self._fill_rules()
        self._apply_filter()

    def _make_table(self) -> QTableView:
        table = configured_table(self.model)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setAlternatingRowColors(True)
        levels = (
            QCoreApplication.translate("WarningsTableModel", "错误"),
            QCoreApplication.translate("WarningsTableModel", "提醒"),
        )
        level_width = max(48, *(table.fontMetrics().horizontalAdvance(text) + 16 for text in levels))
        for column, width in enumerate((level_width, 300, 220, 460)):
            table.setColumnWidth(column, width)
        table.doubleClicked.connect(lambda index: self.open_row(index.row()))
        table.activated.connect(lambda index: self.open_row(index.row()))
        return table

    def open_row(self, row: int) -> None:
        """Open the household the warning in ``row`` is about."""
        if 0 <= row < self.model.rowCount():
            self._open(self.model.warning(row).household_id)

    def _layout(self) -> None:
        filters = QHBoxLayout()
        for widget in (self.rule, self.severity, self.text, self.refresh_button):
            filters.addWidget(widget)
        filters.setStretch(2, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(filters)
        layout.addWidget(self.table)
        layout.addWidget(self.summary)

    def _fill_rules(self) -> None:
        current = self.rule.currentData()
        counts = self.model.counts()
        self.rule.blockSignals(True)
        self.rule.clear()
        self.rule.addItem(self.tr("全部预警（{n}）").format(n=self.model.total()), None)
        for rule in RULES:
            title = self.tr("{rule}（{n}）").format(rule=rule.title(self.model._lang), n=counts.get(rule.id, 0))
            self.rule.addItem(title, rule.id)
        self.rule.setCurrentIndex(max(0, self.rule.findData(current)))
        self.rule.blockSignals(False)

    def _apply_filter(self) -> None:
        self.model.set_filter(self.rule.currentData(), self.severity.currentData(), self.text.text())
        households = len({self.model.warning(r).household_id for r in range(self.model.rowCount())})
        self.summary.setText(
            self.tr("显示 {shown} 条预警（{households} 户），共 {total} 条。双击打开该户。").format(
                shown=self.model.rowCount(), households=households, total=self.model.total()
            )
        )
