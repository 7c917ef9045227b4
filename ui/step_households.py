"""The checkable list of households in the procedure step dialog (one meeting decides for many)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)

from models.procedure_views import HouseholdLine

CONTEXT = "StepHouseholdsTableModel"
COLUMNS = (
    QT_TRANSLATE_NOOP("StepHouseholdsTableModel", "户编号"),
    QT_TRANSLATE_NOOP("StepHouseholdsTableModel", "户主"),
    QT_TRANSLATE_NOOP("StepHouseholdsTableModel", "村民小组"),
    QT_TRANSLATE_NOOP("StepHouseholdsTableModel", "人口"),
    QT_TRANSLATE_NOOP("StepHouseholdsTableModel", "脱贫标准"),
    QT_TRANSLATE_NOOP("StepHouseholdsTableModel", "提示"),
)
Index = QModelIndex | QPersistentModelIndex


class StepHouseholdsTableModel(QAbstractTableModel):
    """Households with a check box each; ``checked_ids()`` are the ones the step is recorded for."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._lines: list[HouseholdLine] = []
        self._checked: list[bool] = []
        self._exit: dict[str, tuple[int, int, str]] = {}
        self._hints: dict[str, str] = {}

    def set_households(
        self,
        lines: Sequence[HouseholdLine],
        checked: set[str] | None = None,
        exit_summaries: dict[str, tuple[int, int, str]] | None = None,
        hints: dict[str, str] | None = None,
    ) -> None:
        """Show these households (all checked unless ``checked`` names some), with exit-test counts and hints."""
        self.beginResetModel()
        self._lines = list(lines)
        self._checked = [checked is None or line.id in checked for line in self._lines]
        self._exit = dict(exit_summaries or {})
        self._hints = dict(hints or {})
        self.endResetModel()

    def set_all(self, checked: bool) -> None:
        """Check or uncheck every household."""
        self._checked = [checked] * len(self._lines)
        if self._lines:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._lines) - 1, 0))

    def checked_ids(self) -> list[str]:
        """Ids of the checked households, in list order."""
        return [line.id for line, on in zip(self._lines, self._checked, strict=True) if on]

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self._lines)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal and 0 <= section < len(COLUMNS):
            return QCoreApplication.translate(CONTEXT, COLUMNS[section])
        return section + 1 if orientation == Qt.Orientation.Vertical else None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        base = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        return base | Qt.ItemFlag.ItemIsUserCheckable if index.column() == 0 else base

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        line = self._lines[index.row()]
        if role == Qt.ItemDataRole.CheckStateRole and index.column() == 0:
            return Qt.CheckState.Checked if self._checked[index.row()] else Qt.CheckState.Unchecked
        if role == Qt.ItemDataRole.DisplayRole:
            return self._cell(line, index.column())
        if role == Qt.ItemDataRole.ToolTipRole and index.column() == 4 and line.id in self._exit:
            return self._exit[line.id][2]
        return None

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if not index.isValid() or index.column() != 0 or role != Qt.ItemDataRole.CheckStateRole:
            return False
        self._checked[index.row()] = Qt.CheckState(value) == Qt.CheckState.Checked
        self.dataChanged.emit(index, index, [Qt.ItemDataRole.CheckStateRole])
        return True

    def _cell(self, line: HouseholdLine, column: int) -> str:
        if column == 0:
            return line.household_no
        if column == 1:
            return line.head
        if column == 2:
            return line.group
        if column == 3:
            return str(line.population)
        if column == 5:
            return self._hints.get(line.id, "")
        if line.id not in self._exit:
            return ""
        passed, total, _ = self._exit[line.id]
        return QCoreApplication.translate(CONTEXT, "{passed}/{total} 项通过").format(passed=passed, total=total)
