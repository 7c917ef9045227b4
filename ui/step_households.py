"""The checkable list of households in the procedure step dialog (one meeting decides for many)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt

from models.procedure_views import HouseholdLine
from ui.table_models import CheckableTableModel, Index


class StepHouseholdsTableModel(CheckableTableModel):
    """Households with a check box each; ``checked_ids()`` are the ones the step is recorded for."""

    CONTEXT = "StepHouseholdsTableModel"
    COLUMNS = (
        QT_TRANSLATE_NOOP("StepHouseholdsTableModel", "户编号"),
        QT_TRANSLATE_NOOP("StepHouseholdsTableModel", "户主"),
        QT_TRANSLATE_NOOP("StepHouseholdsTableModel", "村民小组"),
        QT_TRANSLATE_NOOP("StepHouseholdsTableModel", "人口"),
        QT_TRANSLATE_NOOP("StepHouseholdsTableModel", "脱贫标准"),
        QT_TRANSLATE_NOOP("StepHouseholdsTableModel", "提示"),
    )
    ROW_NUMBERS = True

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._lines: list[HouseholdLine] = []
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

    def set_hints(self, hints: dict[str, str]) -> None:
        """New hints (the date changed): a household that gains one is unticked, the other ticks stay."""
        gained = [row for row, line in enumerate(self._lines) if line.id in hints and line.id not in self._hints]
        self._hints = dict(hints)
        self.set_checks([checked and row not in gained for row, checked in enumerate(self._checked)])
        if self._lines:
            self.dataChanged.emit(self.index(0, 5), self.index(len(self._lines) - 1, 5))

    def set_all(self, checked: bool) -> None:
        """Check or uncheck every household."""
        self.set_checks([checked] * len(self._lines))

    def row_id(self, row: int) -> str:
        """The id of the household in ``row``."""
        return self._lines[row].id

    def row_total(self) -> int:
        """How many households are listed."""
        return len(self._lines)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        line = self._lines[index.row()]
        if role == Qt.ItemDataRole.CheckStateRole:
            return self.check_state(index)
        if role == Qt.ItemDataRole.DisplayRole:
            return self._cell(line, index.column())
        if role == Qt.ItemDataRole.ToolTipRole and index.column() == 4 and line.id in self._exit:
            return self._exit[line.id][2]
        if role == Qt.ItemDataRole.ToolTipRole and index.column() == 5:
            return self._hints.get(line.id) or None  # the whole hint when the column is narrow
        return None

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
        return QCoreApplication.translate("StepHouseholdsTableModel", "{passed}/{total} 项通过").format(
            passed=passed, total=total
        )
