"""The household list's table view: whole rows, sortable movable columns, the user's saved column layout.

Without a saved layout the columns are fitted once to the first screen of rows;
the match column sits after the head's and shows while a search does.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView

from ui import prefs
from ui.column_chooser import header_key
from ui.household_table import MATCH, HouseholdTableModel

DEFAULT_WIDTHS = (150, 80, 90, 80, 50, 110, 120, 70, 100, 100, 50)
MAX_COLUMN_WIDTH = 220
MAX_MATCH_WIDTH = 420


class HouseholdListView(QTableView):
    """Read-only, single selection of whole rows; ``fit_pending`` until the columns were fitted once."""

    def __init__(self, model: HouseholdTableModel, lang: str = "zh") -> None:
        super().__init__()
        self.lang = lang  # the layout is remembered per language
        self.setModel(model)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setAlternatingRowColors(True)
        self.setWordWrap(False)
        self.verticalHeader().setVisible(False)
        self.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 8)
        header = self.horizontalHeader()
        header.setSectionsMovable(True)
        header.setHighlightSections(False)
        header.setSortIndicatorClearable(True)
        header.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        for column, width in enumerate(DEFAULT_WIDTHS):
            self.setColumnWidth(column, width)
        self.fit_pending = not self._restore_layout(model)  # no layout of the user's yet: fit to the first screen
        self.setSortingEnabled(True)

    def _restore_layout(self, model: HouseholdTableModel) -> bool:
        """The user's saved column layout, if any (True); the match column after the head's, hidden."""
        saved = prefs.load_bytes(header_key(self.lang))
        header = self.horizontalHeader()
        if saved is not None:
            header.restoreState(saved)
        header.setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
        header.moveSection(header.visualIndex(MATCH), header.visualIndex(model.column_of("head")) + 1)
        header.setSectionHidden(MATCH, True)  # shown while a search is
        return saved is not None

    def fit_first_screen(self) -> None:
        """Once, without a saved layout: the columns as wide as the rows on screen need (up to a limit)."""
        if not self.fit_pending:
            return
        self.fit_pending = False
        self.resizeColumnsToContents()  # measures the rows on screen only
        for column in range(self.model().columnCount()):
            self.setColumnWidth(column, min(self.columnWidth(column) + 8, MAX_COLUMN_WIDTH))

    def show_match_column(self, searching: bool, new_text: bool) -> None:
        """The match column shows while a search does, wide enough for its texts on screen."""
        header = self.horizontalHeader()
        was_hidden = header.isSectionHidden(MATCH)
        header.setSectionHidden(MATCH, not searching)
        if searching and (was_hidden or new_text):
            width = min(self.sizeHintForColumn(MATCH) + 8, MAX_MATCH_WIDTH)
            self.setColumnWidth(MATCH, max(width, 0 if was_hidden else self.columnWidth(MATCH)))
