"""The household list's table model: only ids are held; cells are read a page at a time when painted."""

from __future__ import annotations

import sqlite3
from collections.abc import Mapping
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

from models.household_list import HouseholdRow, household_rows
from models.search_match import HouseholdMatch
from ui.code_labels import CodeLabels

PAGE = 80  # rows read at a time: a screen and a half
CACHE_LIMIT = 4000
CONTEXT = "HouseholdTableModel"
Index = QModelIndex | QPersistentModelIndex

# (key, header marked for translation, sort key of models.household_list)
COLUMNS: tuple[tuple[str, str, str], ...] = (
    ("household_no", QT_TRANSLATE_NOOP("HouseholdTableModel", "户编号"), "household_no"),
    ("head", QT_TRANSLATE_NOOP("HouseholdTableModel", "户主"), "head"),
    ("village", QT_TRANSLATE_NOOP("HouseholdTableModel", "村"), "village"),
    ("group", QT_TRANSLATE_NOOP("HouseholdTableModel", "村民小组"), "group"),
    ("population", QT_TRANSLATE_NOOP("HouseholdTableModel", "人口"), "population"),
    ("attribute", QT_TRANSLATE_NOOP("HouseholdTableModel", "属性"), "attribute"),
    ("main_cause", QT_TRANSLATE_NOOP("HouseholdTableModel", "主要致贫原因"), "main_cause"),
    ("status", QT_TRANSLATE_NOOP("HouseholdTableModel", "状态"), "status"),
    ("planned_exit_year", QT_TRANSLATE_NOOP("HouseholdTableModel", "计划脱贫年度"), "planned_exit_year"),
    ("helper", QT_TRANSLATE_NOOP("HouseholdTableModel", "帮扶责任人"), "helper"),
    ("warnings", QT_TRANSLATE_NOOP("HouseholdTableModel", "预警"), "warnings"),
    # while searching: who or what matched (hidden otherwise); its header restores the search ranking
    ("match", QT_TRANSLATE_NOOP("HouseholdTableModel", "匹配"), ""),
)
MATCH = len(COLUMNS) - 1
CODED = {"attribute": "household_attribute", "main_cause": "poverty_cause", "status": "household_status"}
NUMERIC = frozenset({"population", "planned_exit_year", "warnings"})
DISPLAY, TOOLTIP, ALIGNMENT = (
    int(r) for r in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole, Qt.ItemDataRole.TextAlignmentRole)
)
ALIGNMENTS = tuple(
    int((Qt.AlignmentFlag.AlignRight if key in NUMERIC else Qt.AlignmentFlag.AlignLeft) | Qt.AlignmentFlag.AlignVCenter)
    for key, _, _ in COLUMNS
)


class HouseholdTableModel(QAbstractTableModel):
    """Rows are household ids; a row's cells are read (with its neighbours) the first time they are shown."""

    sortRequested = Signal(str, int)  # key, descending (0/1)

    def __init__(self, conn: sqlite3.Connection, labels: CodeLabels, parent: Any = None, lang: str = "zh") -> None:
        super().__init__(parent)
        self._conn = conn
        self._labels = labels
        self._lang = self.lang = lang
        self._matches: Mapping[str, HouseholdMatch] = {}
        self._ids: list[str] = []
        self._rows: dict[str, tuple[str, ...]] = {}  # display texts by household id
        self._year: int | None = None
        self._warnings: Mapping[str, int] | None = None

    # -- content -------------------------------------------------------------

    def set_ids(
        self,
        ids: list[str],
        year: int | None = None,
        first: Mapping[str, HouseholdRow] | None = None,
        matches: Mapping[str, HouseholdMatch] | None = None,
    ) -> None:
        """Show these households (in this order); cells are read as they are shown (``first``: read already).

        ``matches``: what matched in each household while a search is shown (the match column)."""
        self.beginResetModel()
        self._ids = list(ids)
        self._year = year
        self._matches = matches or {}
        self._rows = {key: self._row_texts(row) for key, row in (first or {}).items()}
        self.endResetModel()

    def invalidate(self) -> None:
        """Forget cached cells (after a save) and repaint."""
        self._rows.clear()
        if self._ids:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._ids) - 1, len(COLUMNS) - 1))

    def set_warning_counts(self, counts: Mapping[str, int] | None) -> None:
        """Warnings per household (None: not available, the column stays empty)."""
        self._warnings = counts
        self._rows.clear()
        if self._ids:
            column = self.column_of("warnings")
            self.dataChanged.emit(self.index(0, column), self.index(len(self._ids) - 1, column))

    def household_id(self, row: int) -> str:
        """The id of the household shown in ``row``."""
        return self._ids[row]

    def row_of(self, household_id: str) -> int:
        """The row showing a household, or -1."""
        try:
            return self._ids.index(household_id)
        except ValueError:
            return -1

    def ids(self) -> list[str]:
        """Every id shown, in order."""
        return list(self._ids)

    def match_of(self, household_id: str) -> HouseholdMatch | None:
        """What matched the search in a household shown (None without a search)."""
        return self._matches.get(household_id)

    @staticmethod
    def column_of(key: str) -> int:
        """The column number of a column key."""
        return next(i for i, c in enumerate(COLUMNS) if c[0] == key)

    # -- Qt model ------------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self._ids)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(COLUMNS):
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return QCoreApplication.translate(CONTEXT, COLUMNS[section][1])
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        # Painting asks for a dozen roles per cell: plain int comparisons first, the rest answered from a cache.
        if role in (DISPLAY, TOOLTIP):
            texts = self._texts(index.row())
            return None if texts is None else texts[index.column()]
        if role == ALIGNMENT:
            return ALIGNMENTS[index.column()]
        return None

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """The view asks for an order: the list controller reads the ids again in that order."""
        if column < 0:
            self.sortRequested.emit("", 0)  # the sort indicator was cleared: back to the default order
        elif column < len(COLUMNS):
            self.sortRequested.emit(COLUMNS[column][2], int(order == Qt.SortOrder.DescendingOrder))

    # -- cells ---------------------------------------------------------------

    def _texts(self, row: int) -> tuple[str, ...] | None:
        """The display texts of a row (its page is read the first time one of its rows is shown)."""
        if not 0 <= row < len(self._ids):
            return None
        household_id = self._ids[row]
        texts = self._rows.get(household_id)
        if texts is None:
            if len(self._rows) > CACHE_LIMIT:
                self._rows.clear()
            start = max(0, row - PAGE // 3)
            fetched = household_rows(self._conn, self._ids[start : start + PAGE], self._year)
            self._rows.update({key: self._row_texts(value) for key, value in fetched.items()})
            texts = self._rows.get(household_id)
        return texts

    def _row_texts(self, row: HouseholdRow) -> tuple[str, ...]:
        return tuple(self._cell(row, key) for key, _, _ in COLUMNS)

    def _cell(self, row: HouseholdRow, key: str) -> str:
        if key == "warnings":
            return "" if self._warnings is None else str(self._warnings.get(row.id, 0))
        if key == "match":
            match = self._matches.get(row.id)
            return "" if match is None else match.text(self._lang, self._labels.text)
        value = getattr(row, key)
        if key in CODED:
            return self._labels.text(CODED[key], value)
        return "" if value is None else str(value)
