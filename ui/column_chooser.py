"""The household list's column chooser: a check box per column, in the header's context menu and a button.

Hidden columns, their order and widths are remembered between sessions (ui/prefs.py).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu

from ui import prefs
from ui.household_table import COLUMNS, MATCH

if TYPE_CHECKING:
    from ui.household_list_view import HouseholdListView

HEADER_KEY = "household_list/header"


def header_key(lang: str) -> str:
    """Where the column layout is remembered: one per language, as the texts' widths differ (Chinese: as before)."""
    return HEADER_KEY if lang == "zh" else f"{HEADER_KEY}/{lang}"


class ColumnChooser:
    """Mixed into the list panel, which provides ``table`` and ``model``."""

    table: HouseholdListView

    def column_menu(self) -> QMenu:
        """A menu with one check box per column (also the header's context menu)."""
        menu = QMenu(self)
        menu.aboutToShow.connect(lambda: self._fill_column_menu(menu))
        return menu

    def _fill_column_menu(self, menu: QMenu) -> None:
        menu.clear()
        header = self.table.horizontalHeader()
        for column in range(len(COLUMNS)):
            if column == MATCH:  # shown while searching, by itself
                continue
            action = QAction(self.model.headerData(column, Qt.Orientation.Horizontal), menu)
            action.setCheckable(True)
            action.setChecked(not header.isSectionHidden(column))
            action.toggled.connect(lambda shown, c=column: self.show_column(c, shown))
            menu.addAction(action)

    def show_column(self, column: int, shown: bool) -> None:
        """Show or hide a column (at least one stays visible); remembered between sessions."""
        header = self.table.horizontalHeader()
        if not shown and header.count() - header.hiddenSectionCount() <= 1:
            return
        header.setSectionHidden(column, not shown)
        self.save_layout()

    def _header_menu(self, position: QPoint) -> None:
        menu = self.column_menu()
        menu.exec(self.table.horizontalHeader().mapToGlobal(position))

    def save_layout(self) -> None:
        """Remember column order, widths and hidden columns."""
        prefs.save_bytes(header_key(self.table.lang), self.table.horizontalHeader().saveState())
