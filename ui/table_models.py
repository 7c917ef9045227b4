"""The parts every list screen's table model repeats: fixed translated columns, and a check box per row.

Each list screen keeps its own ``...TableModel`` subclass (checked with pytest-qt's ``qtmodeltester``);
the headers stay marked with ``QT_TRANSLATE_NOOP`` in the subclass's own context, so lupdate still files them there.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QCoreApplication, QModelIndex, QPersistentModelIndex, Qt

Index = QModelIndex | QPersistentModelIndex


class ColumnTableModel(QAbstractTableModel):
    """A flat table whose columns are ``COLUMNS`` (headers marked with QT_TRANSLATE_NOOP in ``CONTEXT``).

    A column is its header, or a tuple (key, header, …). Subclasses give ``row_total()`` and ``data()``;
    ``ROW_NUMBERS`` numbers the vertical header 1, 2, 3…
    """

    CONTEXT = "ColumnTableModel"
    COLUMNS: tuple[Any, ...] = ()
    ROW_NUMBERS = False

    def row_total(self) -> int:
        """How many rows are shown."""
        raise NotImplementedError

    def header(self, section: int) -> str:
        """The untranslated header of a column."""
        column = self.COLUMNS[section]
        return column if isinstance(column, str) else column[1]

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else self.row_total()

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self.COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal and 0 <= section < len(self.COLUMNS):
            return QCoreApplication.translate(self.CONTEXT, self.header(section))
        return section + 1 if orientation == Qt.Orientation.Vertical and self.ROW_NUMBERS else None


class CheckableTableModel(ColumnTableModel):
    """Column 0 holds a check box per row; ``checked_ids()`` are the ids (``row_id``) of the checked rows."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._checked: list[bool] = []

    def row_id(self, row: int) -> str:
        """The id of the record shown in ``row``."""
        raise NotImplementedError

    def checked_ids(self) -> list[str]:
        """Ids of the checked rows, in list order."""
        return [self.row_id(row) for row, on in enumerate(self._checked) if on]

    def set_checks(self, checked: list[bool]) -> None:
        """Check or uncheck every row at once (one flag a row)."""
        self._checked = list(checked)
        if self._checked:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._checked) - 1, 0))

    def check_state(self, index: Index) -> Qt.CheckState | None:
        """The check box of a cell of column 0; None for the other columns."""
        if index.column() != 0:
            return None
        return Qt.CheckState.Checked if self._checked[index.row()] else Qt.CheckState.Unchecked

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        base = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        return base | Qt.ItemFlag.ItemIsUserCheckable if index.column() == 0 else base

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if not index.isValid() or index.column() != 0 or role != Qt.ItemDataRole.CheckStateRole:
            return False
        self._checked[index.row()] = Qt.CheckState(value) == Qt.CheckState.Checked
        self.dataChanged.emit(index, index, [Qt.ItemDataRole.CheckStateRole])
        return True
