"""The household editor: tabs for every part of a household, validation at the field and in a summary.

The field pages (基本情况, 家庭成员, 致贫原因, 生产生活条件, 收入) form one form,
saved in one transaction with Ctrl+S; errors block saving, warnings do not.
Helpers, measures and member changes are their own records and are written at
once from their pages.  Closing with unsaved changes asks first.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QCloseEvent, QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QListWidget,
    QListWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from models.errors import ERROR, JiandangError, Problem
from models.household_form import HouseholdForm, income_size, load_form, save_form, validate_form
from models.procedure_views import procedure_years
from models.registry import Registry
from ui import messages
from ui.code_labels import CodeLabels
from ui.editor_navigation import EditorNavigation
from ui.editor_pages import BasicPage, CausesPage, ConditionsPage
from ui.field_widgets import FIELD_STYLE
from ui.form_state import each_once, fingerprint
from ui.helpers_page import HelpersPage
from ui.history_page import HistoryPage
from ui.income_page import IncomePage
from ui.measures_page import MeasuresPage
from ui.members_page import MembersPage
from ui.procedure_timeline import ProcedureTimeline


class HouseholdEditor(EditorNavigation, QDialog):
    """Edit one household (``household_id`` None: a new one, with ``defaults``)."""

    saved = Signal(str)

    def __init__(
        self,
        registry: Registry,
        household_id: str | None = None,
        lang: str = "zh",
        labels: CodeLabels | None = None,
        defaults: dict[str, Any] | None = None,
        open_household: Callable[[str], None] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.registry, self.lang, self.household_id = registry, lang, household_id
        self.labels = labels or CodeLabels(registry.conn, lang)
        self.open_household = open_household or (lambda _id: None)
        self._snapshot, self._loading, self._saved_name = "", True, ""
        self.setStyleSheet(FIELD_STYLE)
        self.setWindowFlag(Qt.WindowType.WindowMaximizeButtonHint, True)
        self._build()
        data = load_form(registry, household_id) if household_id else HouseholdForm(household=dict(defaults or {}))
        self.load(data)
        QShortcut(QKeySequence.StandardKey.Save, self, self.save)
        self._add_tab_shortcuts()
        self.resize(980, 680)

    # -- building ------------------------------------------------------------

    def _build(self) -> None:
        reg, labels, lang = self.registry, self.labels, self.lang
        self.basic = BasicPage(reg, labels, lang)
        self.members = MembersPage(reg, labels, lang, self.household_id, self._open_other)
        self.causes = CausesPage(labels, lang)
        self.conditions = ConditionsPage(labels, lang)
        self.income = IncomePage(
            reg,
            labels,
            lang,
            lambda year: income_size(reg, self.collect(), year, self.household_id),
            lambda: self.basic.form.editor("standard").value(),
        )
        self.helpers = HelpersPage(reg, labels, lang, self._records_changed)
        self.measures = MeasuresPage(reg, labels, lang, lambda: self.members.model.members, self._records_changed)
        self.history = HistoryPage(reg, lang)
        self.timeline = ProcedureTimeline(lang)
        self.form_pages = (self.basic, self.members, self.causes, self.conditions, self.income)
        self.tabs = QTabWidget()
        titles = (
            self.tr("基本情况"),
            self.tr("家庭成员"),
            self.tr("致贫原因"),
            self.tr("生产生活条件"),
            self.tr("收入"),
            self.tr("帮扶责任人"),
            self.tr("帮扶措施"),
            self.tr("程序"),
            self.tr("历史"),
        )
        pages = (*self.form_pages, self.helpers, self.measures, self.timeline, self.history)
        for number, (page, title) in enumerate(zip(pages, titles, strict=True)):
            self.tabs.addTab(page, title)
            self.tabs.setTabToolTip(number, f"Alt+{number + 1}")
        self.summary = QListWidget()
        self.summary.setMaximumHeight(110)
        self.summary.hide()
        self.summary.itemActivated.connect(self._go_to_problem)
        buttons = QDialogButtonBox()
        # not AcceptRole: the button box would make 保存 the dialog's default button, pressed by Enter in any field
        self.save_button = buttons.addButton(self.tr("保存 (Ctrl+S)"), QDialogButtonBox.ButtonRole.ActionRole)
        close = buttons.addButton(self.tr("关闭"), QDialogButtonBox.ButtonRole.RejectRole)
        self.save_button.clicked.connect(self.save)
        close.clicked.connect(self.close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs)
        layout.addWidget(self.summary)
        layout.addWidget(buttons)
        for page in self.form_pages:
            page.changed.connect(self._edited)
        self.members.changeRequested.connect(self.member_change)

    # -- form ----------------------------------------------------------------

    def load(self, data: HouseholdForm) -> None:
        """Fill every page from a form and take it as the saved state."""
        self._loading = True
        for page in self.form_pages:
            page.load(data)
        self.helpers.load(self.household_id)
        self.measures.load(self.household_id)
        self._load_history()
        self._snapshot = fingerprint(self.collect())
        self._saved_name = _saved_name(data) if self.household_id else ""
        self._loading = False
        self._edited()

    def collect(self) -> HouseholdForm:
        """The form as the pages hold it now."""
        data = HouseholdForm(household={"id": self.household_id} if self.household_id else {})
        for page in self.form_pages:
            page.store(data)
        data.household.pop("id", None)
        return data

    def is_dirty(self) -> bool:
        """True when something was changed since loading or saving."""
        return fingerprint(self.collect()) != self._snapshot

    def _edited(self) -> None:
        if self._loading:
            return
        data = self.collect()
        live = data.live_members()
        head = next((m.get("name") for m in live if m.get("relation") == "01"), "")
        status = self.registry.current_status(self.household_id) if self.household_id else None
        self.basic.show_summary(
            head or "", len(live), self.labels.text("household_status", status["status"]) if status else ""
        )
        name = head or self._saved_name or self.tr("新户")
        self.setWindowTitle(self.tr("户：{name}").format(name=name) + (" *" if self.is_dirty() else ""))

    def validate(self) -> list[Problem]:
        """Check the whole form; show each problem at its field and all of them in the summary."""
        problems = each_once(validate_form(self.registry, self.collect(), self.household_id))
        rest = problems
        for page in self.form_pages:
            rest = page.show_problems(rest)
        self.summary.clear()
        for found in sorted(problems, key=lambda p: p.severity != ERROR):
            line = self.tr("错误：{message}") if found.severity == ERROR else self.tr("提示：{message}")
            item = QListWidgetItem(line.format(message=self._summary_text(found)))
            item.setData(Qt.ItemDataRole.UserRole, (found.field, found.record))
            item.setForeground(Qt.GlobalColor.red if found.severity == ERROR else Qt.GlobalColor.darkYellow)
            self.summary.addItem(item)
        self.summary.setVisible(bool(problems))
        return problems

    def _summary_text(self, found: Problem) -> str:
        """A problem as the summary lists it: an income problem names its year (only one year is on screen)."""
        if found.record.startswith("income:"):
            year = found.record.split(":")[1]
            return self.tr("{year} 年{message}").format(year=year, message=found.message(self.lang))
        return found.message(self.lang)

    def save(self) -> bool:
        """Validate and save the form (Ctrl+S); True when saved."""
        problems = self.validate()
        if any(p.severity == ERROR for p in problems):
            self.summary.setCurrentRow(0)
            self._go_to_problem(self.summary.item(0))  # the first error: its tab and field
            return False
        try:
            self.household_id = save_form(self.registry, self.collect(), self.household_id)
        except JiandangError as error:
            messages.show_error(self, error.message(self.lang))
            return False
        self.members.household_id = self.household_id
        self.load(load_form(self.registry, self.household_id))
        self.validate()
        self.saved.emit(self.household_id)
        return True

    # -- records written at once ---------------------------------------------

    def member_change(self) -> None:
        """Record a birth, death, marriage or move (unsaved edits are saved first)."""
        from ui.member_change_dialog import MemberChangeDialog

        if not self.household_id:
            messages.show_error(self, self.tr("请先保存这一户，再登记成员变动。"))
            return
        if self.is_dirty() and not self._save_first():
            return
        if MemberChangeDialog.ask(self, self.registry, self.labels, self.lang, self.household_id):
            self.load(load_form(self.registry, self.household_id))
            self.saved.emit(self.household_id)

    def _save_first(self) -> bool:
        question = self.tr("登记成员变动前需要先保存修改。现在保存吗？")
        return messages.ask_yes_no(self, self.tr("保存修改"), question) and self.save()

    def _records_changed(self) -> None:
        self._load_history()
        if self.household_id:
            self.saved.emit(self.household_id)

    def _load_history(self) -> None:
        names = {m["id"]: m.get("name") or "" for m in self.members.model.members if m.get("id")}
        self.history.load(self.household_id, names)
        if self.household_id:
            years = procedure_years(self.registry.conn, self.household_id)
            self.timeline.set_household(self.registry.conn, self.household_id, years[0] if years else date.today().year)

    def _open_other(self, household_id: str) -> None:
        self.open_household(household_id)

    # -- closing ---------------------------------------------------------------

    def closeEvent(self, event: QCloseEvent) -> None:
        """Ask before losing unsaved changes."""
        if self.is_dirty():
            answer = messages.ask_save_changes(self, self.tr("这一户有未保存的修改。保存吗？"))
            if answer == "cancel" or (answer == "save" and not self.save()):
                event.ignore()
                return
        event.accept()

    def reject(self) -> None:
        """Escape closes like the window's close button (asking about unsaved changes)."""
        self.close()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """Enter in a field does nothing here: only Ctrl+S and the 保存 button save (a focused button still
        takes Enter itself)."""
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            event.accept()
            return
        super().keyPressEvent(event)

    @classmethod
    def ask(
        cls,
        parent: QWidget | None,
        registry: Registry,
        household_id: str | None = None,
        lang: str = "zh",
        defaults: dict[str, Any] | None = None,
    ) -> str | None:
        """Edit modally; the household's id when it was saved, else None."""
        editor = cls(registry, household_id, lang, defaults=defaults, parent=parent)
        saved: list[str] = []
        editor.saved.connect(saved.append)
        editor.exec()
        return saved[-1] if saved else None


def _saved_name(data: HouseholdForm) -> str:
    """What the title calls a saved household: its head as saved, else its number (never 新户)."""
    head = next((m.get("name") for m in data.live_members() if m.get("relation") == "01"), None)
    return str(head or data.household.get("household_no") or "")
