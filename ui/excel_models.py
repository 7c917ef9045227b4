"""Tables of the Excel import wizard: the problems found per row, and the changes to registered households."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QBrush, QColor

from exports.excel_plan import ImportPlan
from models.errors import ERROR

Index = QModelIndex | QPersistentModelIndex
ERROR_COLOUR = QColor("#b00020")
WARNING_COLOUR = QColor("#8a5a00")
SKIPPED_COLOUR = QColor("#606060")


class _PlanTableModel(QAbstractTableModel):
    """A read-only table over rows computed from an import plan."""

    CONTEXT = ""
    COLUMNS: tuple[str, ...] = ()

    def __init__(self, lang: str = "zh", parent: Any = None) -> None:
        super().__init__(parent)
        self._lang = lang
        self._rows: list[tuple[Any, ...]] = []

    def set_plan(self, plan: ImportPlan | None) -> None:
        """Show the rows of ``plan`` (nothing for None)."""
        self.beginResetModel()
        self._rows = self._rows_of(plan) if plan is not None else []
        self.endResetModel()

    def _rows_of(self, plan: ImportPlan) -> list[tuple[Any, ...]]:
        raise NotImplementedError

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self.COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role != Qt.ItemDataRole.DisplayRole or orientation != Qt.Orientation.Horizontal:
            return None
        if 0 <= section < len(self.COLUMNS):
            return QCoreApplication.translate(self.CONTEXT, self.COLUMNS[section])
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row = self._rows[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return row[index.column()]
        if role == Qt.ItemDataRole.ForegroundRole:
            return self._colour(row)
        return None

    def _colour(self, row: tuple[Any, ...]) -> QBrush | None:
        return None


class ImportReportTableModel(_PlanTableModel):
    """One line per problem: the sheet row, the household's head, error or warning, the message."""

    CONTEXT = "ImportReportTableModel"
    COLUMNS = (
        QT_TRANSLATE_NOOP("ImportReportTableModel", "行"),
        QT_TRANSLATE_NOOP("ImportReportTableModel", "户主"),
        QT_TRANSLATE_NOOP("ImportReportTableModel", "级别"),
        QT_TRANSLATE_NOOP("ImportReportTableModel", "说明"),
    )

    def _rows_of(self, plan: ImportPlan) -> list[tuple[Any, ...]]:
        error = QCoreApplication.translate("ImportReportTableModel", "错误")
        warning = QCoreApplication.translate("ImportReportTableModel", "警告")
        skipped = QCoreApplication.translate("ImportReportTableModel", "跳过")
        reason = QCoreApplication.translate("ImportReportTableModel", "没有姓名或证件号码，未导入：{text}")
        found = [
            (item.row, household.head, error if item.severity == ERROR else warning, item.message(self._lang))
            for item, household in plan.problems()
        ]
        found += [(row, "", skipped, reason.format(text=text)) for row, text in plan.skipped]
        return sorted(found, key=lambda r: r[0])

    def _colour(self, row: tuple[Any, ...]) -> QBrush:
        if row[2] == QCoreApplication.translate("ImportReportTableModel", "跳过"):
            return QBrush(SKIPPED_COLOUR)
        is_error = row[2] == QCoreApplication.translate("ImportReportTableModel", "错误")
        return QBrush(ERROR_COLOUR if is_error else WARNING_COLOUR)


class ImportChangesTableModel(_PlanTableModel):
    """One line per value the import changes on a registered household: row, head, who, field, old → new."""

    CONTEXT = "ImportChangesTableModel"
    COLUMNS = (
        QT_TRANSLATE_NOOP("ImportChangesTableModel", "行"),
        QT_TRANSLATE_NOOP("ImportChangesTableModel", "户主"),
        QT_TRANSLATE_NOOP("ImportChangesTableModel", "对象"),
        QT_TRANSLATE_NOOP("ImportChangesTableModel", "项目"),
        QT_TRANSLATE_NOOP("ImportChangesTableModel", "原值"),
        QT_TRANSLATE_NOOP("ImportChangesTableModel", "新值"),
    )

    def _rows_of(self, plan: ImportPlan) -> list[tuple[Any, ...]]:
        return [
            (c.row or h.rows[0], h.head, *c.shown(self._lang))
            for h in plan.accepted()
            if not h.is_new
            for c in h.changes
        ]
