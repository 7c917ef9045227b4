"""Record lists and their views: ``RecordTableModel`` (dicts in fixed columns; each list screen subclasses it once).

``configured_table`` is the one setup of a list's ``QTableView`` (whole rows selected, no row numbers, rows a
line of text tall, columns resized by hand and the last one stretched); ``record_view`` adds read-only, single
selection to it for record lists.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractItemModel, Qt
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView

from ui.table_models import ColumnTableModel, Index

ROW_PADDING = 10  # pixels of a row above the font's height


class RecordTableModel(ColumnTableModel):
    """Rows are dicts; ``COLUMNS`` are (key, header marked with QT_TRANSLATE_NOOP in ``CONTEXT``)."""

    CONTEXT = "RecordTableModel"
    COLUMNS: tuple[tuple[str, str], ...] = ()
    NUMERIC: frozenset[str] = frozenset()

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._rows: list[dict[str, Any]] = []

    def set_rows(self, rows: list[dict[str, Any]]) -> None:
        """Show these records."""
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def record(self, row: int) -> dict[str, Any]:
        """The record shown in ``row``."""
        return self._rows[row]

    def row_total(self) -> int:
        """How many records are shown."""
        return len(self._rows)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        key = self.COLUMNS[index.column()][0]
        if role == Qt.ItemDataRole.TextAlignmentRole:
            horizontal = Qt.AlignmentFlag.AlignRight if key in self.NUMERIC else Qt.AlignmentFlag.AlignLeft
            return int(horizontal | Qt.AlignmentFlag.AlignVCenter)
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return self.cell(self._rows[index.row()], key)
        return None

    def cell(self, record: dict[str, Any], key: str) -> str:
        """The text of one cell (override for codes and computed columns)."""
        value = record.get(key)
        return "" if value is None else str(value)


def configured_table(
    model: QAbstractItemModel, widths: tuple[int, ...] = (), row_padding: int | None = ROW_PADDING
) -> QTableView:
    """A table view selecting whole rows, without row numbers, its columns ``widths`` wide (resizable by hand,
    the last one stretched) and its rows the font's height + ``row_padding`` tall (None: the style's height)."""
    view = QTableView()
    view.setModel(model)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.verticalHeader().setVisible(False)
    if row_padding is not None:
        view.verticalHeader().setDefaultSectionSize(view.fontMetrics().height() + row_padding)
    view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    view.horizontalHeader().setStretchLastSection(True)
    for column, width in enumerate(widths):
        view.setColumnWidth(column, width)
    return view


def record_view(model: QAbstractItemModel, widths: tuple[int, ...] = ()) -> QTableView:
    """A read-only table view selecting one whole row, rows alternately shaded and never wrapped."""
    view = configured_table(model, widths, row_padding=None)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setAlternatingRowColors(True)
    view.setWordWrap(False)
    return view


def fitted_view(model: QAbstractItemModel) -> QTableView:
    """A table view selecting one whole row, its columns as wide as their content (the last one stretched)."""
    view = configured_table(model, row_padding=None)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    view.horizontalHeader().setStretchLastSection(True)
    return view


def enable_with_selection(view: QTableView, *buttons: Any) -> None:
    """Keep ``buttons`` enabled only while a row of ``view`` is selected (a button that would do nothing is
    greyed out instead of staying silent)."""

    def update() -> None:
        chosen = view.selectionModel().hasSelection()
        for button in buttons:
            button.setEnabled(chosen)

    view.selectionModel().selectionChanged.connect(lambda *_: update())
    view.model().modelReset.connect(update)
    update()
