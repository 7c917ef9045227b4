"""Moving around the household editor: Alt+1 … Alt+9 to a tab's first input, a summary problem to its field."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QListWidgetItem, QTabWidget, QWidget

from ui.editor_pages import BasicPage, CausesPage, ConditionsPage, first_input
from ui.income_page import IncomePage
from ui.members_page import MembersPage


class EditorNavigation:
    """Mixed into the household editor, which provides ``tabs`` and its pages."""

    tabs: QTabWidget
    basic: BasicPage
    members: MembersPage
    causes: CausesPage
    conditions: ConditionsPage
    income: IncomePage

    def _add_tab_shortcuts(self) -> None:
        for number in range(self.tabs.count()):
            QShortcut(QKeySequence(f"Alt+{number + 1}"), self, lambda n=number: self.go_to_tab(n))

    def go_to_tab(self, number: int) -> None:
        """Show a tab and put the focus in its first input (Alt+1 … Alt+9): a page's first field, or its table."""
        self.tabs.setCurrentIndex(number)
        target = self._first_input(self.tabs.currentWidget())
        if target is not None:
            target.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def _first_input(self, page: QWidget) -> QWidget | None:
        if page is self.income and not any(box.isEnabled() for box in self.income.form.boxes.values()):
            return self.income.new_year  # no year recorded yet: the year to add
        return first_input(page)

    def _go_to_problem(self, item: QListWidgetItem) -> None:
        column, record = item.data(Qt.ItemDataRole.UserRole)
        if record.startswith("member"):
            self.tabs.setCurrentWidget(self.members)
            if ":" in record:
                self.members.table.selectRow(int(record.split(":")[1]))
            self.members.table.setFocus()
            return
        if record.startswith("income:"):
            self.tabs.setCurrentWidget(self.income)
            self.income.show_year(int(record.split(":")[1]))
            box = self.income.form.boxes.get(column)
            (box or self.income.years).setFocus()
            return
        for page in (self.basic, self.causes, self.conditions):
            box = page.form.boxes.get(column)
            if box is not None or (page is self.causes and column == "other_causes"):
                self.tabs.setCurrentWidget(page)
                (box or page.others).setFocus()
                return
