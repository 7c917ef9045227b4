"""Table models of the merge dialogs (fields side by side, a choice per differing field; member pairs), the view."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import QTableView

from models.merge_plan import MemberPair, MergePlan
from ui.record_table import fitted_view

Index = QModelIndex | QPersistentModelIndex
DIFFERENT = QBrush(QColor("#fff2c2"))
CHOSEN = QBrush(QColor("#d8f0d8"))
FIELD_COLUMNS = (
    QT_TRANSLATE_NOOP("FieldChoiceTableModel", "项目"),
    QT_TRANSLATE_NOOP("FieldChoiceTableModel", "A（保留）"),
    QT_TRANSLATE_NOOP("FieldChoiceTableModel", "B（并入）"),
)
B_DELETED = QT_TRANSLATE_NOOP("FieldChoiceTableModel", "B（删除）")
EMPTY = QT_TRANSLATE_NOOP("FieldChoiceTableModel", "（空）")
PAIR_COLUMNS = (
    QT_TRANSLATE_NOOP("MemberPairsTableModel", "A 户的登记"),
    QT_TRANSLATE_NOOP("MemberPairsTableModel", "B 户的登记"),
    QT_TRANSLATE_NOOP("MemberPairsTableModel", "证件号码"),
    QT_TRANSLATE_NOOP("MemberPairsTableModel", "合并后"),
    QT_TRANSLATE_NOOP("MemberPairsTableModel", "不同的项"),
)


@dataclass(frozen=True)
class FieldRow:
    """One field of the comparison: its column, label, and both values as shown."""

    column: str
    label: str
    a: str
    b: str
    differs: bool


class FieldChoiceTableModel(QAbstractTableModel):
    """One field per row, A's and B's values; a differing field is highlighted and one side is ticked."""

    changed = Signal()

    def __init__(self, parent: Any = None, deleting: bool = False) -> None:
        super().__init__(parent)
        self._rows: list[FieldRow] = []
        self._taken: set[str] = set()
        self._choosable = True
        self._columns = (*FIELD_COLUMNS[:2], B_DELETED) if deleting else FIELD_COLUMNS

    def set_fields(self, rows: list[FieldRow], taken: set[str], choosable: bool = True) -> None:
        """Show these fields; ``taken``: the columns whose B value is chosen."""
        self.beginResetModel()
        self._rows, self._taken, self._choosable = rows, set(taken), choosable
        self.endResetModel()

    def taken(self) -> set[str]:
        """The columns whose B value is chosen."""
        return set(self._taken)

    def choose(self, row: int, side: str) -> None:
        """Choose A's or B's value of a differing field."""
        field = self._rows[row]
        if not (field.differs and self._choosable):
            return
        if side == "B":
            self._taken.add(field.column)
        else:
            self._taken.discard(field.column)
        self.dataChanged.emit(self.index(row, 1), self.index(row, 2))
        self.changed.emit()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(FIELD_COLUMNS)

    def _checkable(self, index: Index) -> bool:
        return index.column() in (1, 2) and self._rows[index.row()].differs and self._choosable

    def _chosen(self, index: Index) -> bool:
        b_taken = self._rows[index.row()].column in self._taken
        return b_taken if index.column() == 2 else not b_taken

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row = self._rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            text = (row.label, row.a, row.b)[index.column()]
            return QCoreApplication.translate("FieldChoiceTableModel", EMPTY) if row.differs and not text else text
        if role == Qt.ItemDataRole.CheckStateRole and self._checkable(index):
            return Qt.CheckState.Checked if self._chosen(index) else Qt.CheckState.Unchecked
        if role == Qt.ItemDataRole.BackgroundRole and row.differs:
            return CHOSEN if self._checkable(index) and self._chosen(index) else DIFFERENT
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        base = super().flags(index)
        return base | Qt.ItemFlag.ItemIsUserCheckable if index.isValid() and self._checkable(index) else base

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:  # noqa: N802
        if not index.isValid() or role != Qt.ItemDataRole.CheckStateRole or not self._checkable(index):
            return False
        ticked = Qt.CheckState(value) == Qt.CheckState.Checked if isinstance(value, int | Qt.CheckState) else False
        side = "B" if (index.column() == 2) == ticked else "A"
        self.choose(index.row(), side)
        return True

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:  # noqa: N802
        if role != Qt.ItemDataRole.DisplayRole or orientation != Qt.Orientation.Horizontal:
            return None
        if 0 <= section < len(self._columns):
            return QCoreApplication.translate("FieldChoiceTableModel", self._columns[section])
        return None


class MemberPairsTableModel(QAbstractTableModel):
    """A's members beside the same person's record in B; B's other members move to A."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._rows: list[tuple[str, ...]] = []
        self.entries: list[tuple[dict | None, dict | None, MemberPair | None]] = []

    def set_plan(self, plan: MergePlan, describe: Any) -> None:
        """Show the plan's members; ``describe(member) -> (text, masked id)``."""
        pairs = {str(p.keep["id"]): p for p in plan.pairs}
        entries: list[tuple[dict | None, dict | None, MemberPair | None]] = []
        for member in plan.keep_members:
            pair = pairs.get(str(member["id"]))
            entries.append((member, pair.other if pair else None, pair))
        moved_ids = {str(m["id"]) for m in plan.moved}
        entries += [(None, m, None) for m in plan.other_members if str(m["id"]) in moved_ids]
        rows = []
        for a, b, pair in entries:
            if pair:
                outcome = QCoreApplication.translate("MemberPairsTableModel", "同一人，合并为一条")
            elif b is None:
                outcome = QCoreApplication.translate("MemberPairsTableModel", "保留")
            else:
                outcome = QCoreApplication.translate("MemberPairsTableModel", "转入 A 户")
            rows.append(
                (
                    describe(a)[0] if a else "",
                    describe(b)[0] if b else "",
                    describe(a or b)[1],
                    outcome,
                    str(len(pair.differences)) if pair and pair.differences else "",
                )
            )
        self.beginResetModel()
        self._rows, self.entries = rows, entries
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(PAIR_COLUMNS)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self._rows[index.row()][index.column()]
        pair = self.entries[index.row()][2]
        if role == Qt.ItemDataRole.BackgroundRole and pair is not None and pair.differences:
            return DIFFERENT
        return None

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:  # noqa: N802
        if role != Qt.ItemDataRole.DisplayRole or orientation != Qt.Orientation.Horizontal:
            return None
        if 0 <= section < len(PAIR_COLUMNS):
            return QCoreApplication.translate("MemberPairsTableModel", PAIR_COLUMNS[section])
        return None


def comparison_view(model: Any) -> QTableView:
    """A row-selecting table of one of these models."""
    return fitted_view(model)
