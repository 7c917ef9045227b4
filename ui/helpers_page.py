"""The 帮扶责任人 page: the pairing history; changing the helper ends the old pairing and starts a new one."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLayout,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from models.code_lookup import make_entry
from models.errors import JiandangError, ValidationFailed
from models.helper_list import list_helpers
from models.registry import Registry
from models.validation import check_dates
from ui import messages
from ui.code_combo import CodeCombo
from ui.code_labels import CodeLabels
from ui.field_widgets import FIELD_STYLE, FieldBox, Form, TextField, form_layout
from ui.form_state import reject_asking
from ui.record_table import RecordTableModel, record_view
from ui.small_dialogs import DateDialog

HELPER_FIELDS = ("name", "sex", "political", "unit", "affiliation", "position", "phone")


class PairingTableModel(RecordTableModel):
    """A household's pairings with helpers, oldest first."""

    CONTEXT = "PairingTableModel"
    COLUMNS = (
        ("helper_name", QT_TRANSLATE_NOOP("PairingTableModel", "帮扶责任人")),
        ("helper_unit", QT_TRANSLATE_NOOP("PairingTableModel", "单位")),
        ("helper_phone", QT_TRANSLATE_NOOP("PairingTableModel", "联系电话")),
        ("start_date", QT_TRANSLATE_NOOP("PairingTableModel", "开始时间")),
        ("end_date", QT_TRANSLATE_NOOP("PairingTableModel", "结束时间")),
        ("state", QT_TRANSLATE_NOOP("PairingTableModel", "状态")),
    )

    def cell(self, record: dict[str, Any], key: str) -> str:
        if key == "state":
            ended = QCoreApplication.translate("PairingTableModel", "已结束")
            return ended if record.get("end_date") else QCoreApplication.translate("PairingTableModel", "当前")
        return super().cell(record, key)


class HelpersPage(QWidget):
    """Pairings are written at once (they are their own records), not with the household form."""

    def __init__(
        self,
        registry: Registry,
        labels: CodeLabels,
        lang: str,
        changed: Callable[[], None],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.registry, self.labels, self.lang = registry, labels, lang
        self._changed = changed
        self.household_id: str | None = None
        self.model = PairingTableModel(self)
        self.table = record_view(self.model, (90, 160, 120, 100, 100))
        self.note = QLabel()
        self.change_button = QPushButton(self.tr("更换帮扶责任人…(&H)"))
        self.end_button = QPushButton(self.tr("结束当前结对…(&N)"))
        self.change_button.clicked.connect(self.change_helper)
        self.end_button.clicked.connect(self.end_pairing)
        buttons = QHBoxLayout()
        buttons.addWidget(self.change_button)
        buttons.addWidget(self.end_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.note)
        layout.addWidget(self.table)
        layout.addLayout(buttons)

    def load(self, household_id: str | None) -> None:
        """Show the pairings of a saved household (a new one must be saved first)."""
        self.household_id = household_id
        pairings = self.registry.get_household(household_id)["pairings"] if household_id else []
        self.model.set_rows(pairings)
        self.note.setText(self.tr("保存新户后才能登记帮扶责任人。") if not household_id else "")
        self.note.setVisible(not household_id)
        for button in (self.change_button, self.end_button):
            button.setEnabled(bool(household_id))

    def change_helper(self) -> None:
        """Pair another helper from a date: the current pairing ends that day."""
        if self.household_id and ChangeHelperDialog.ask(self, self.registry, self.labels, self.lang, self.household_id):
            self.load(self.household_id)
            self._changed()

    def end_pairing(self) -> None:
        """End the current pairing without a successor."""
        current = self.registry.current_pairing(self.household_id) if self.household_id else None
        if current is None:
            messages.show_error(self, self.tr("这一户目前没有帮扶责任人。"))
            return
        date = DateDialog.ask(
            self, self.tr("结束结对"), self.tr("结束时间："), self.registry.today().isoformat(), self.lang, "end_date"
        )
        if date is None:
            return
        try:
            self.registry.end_pairing(current["id"], date)
        except JiandangError as error:
            messages.show_error(self, error.message(self.lang))
            return
        self.load(self.household_id)
        self._changed()


class ChangeHelperDialog(QDialog):
    """Choose a registered helper or register a new one, and the date the pairing starts."""

    def __init__(
        self, registry: Registry, labels: CodeLabels, lang: str, household_id: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.registry, self.lang, self.household_id = registry, lang, household_id
        self.setWindowTitle(self.tr("更换帮扶责任人"))
        self.setStyleSheet(FIELD_STYLE)
        helpers = [make_entry(h["id"], _helper_text(h), _helper_text(h)) for h in list_helpers(registry.conn)]
        self.existing = QRadioButton(self.tr("已登记的帮扶责任人(&R)"))
        self.create = QRadioButton(self.tr("登记新的帮扶责任人(&W)"))
        self.helper = CodeCombo(helpers, lang, show_codes=False)
        self.helper_box = FieldBox(self.helper)
        self.form = Form(HELPER_FIELDS, labels, lang, table="helpers")
        self.start = TextField("YYYY-MM-DD")
        self.start.set_value(registry.today().isoformat())
        self.start_box = FieldBox(self.start)
        self._build()
        self.existing.toggled.connect(self._mode)
        (self.existing if helpers else self.create).setChecked(True)
        self._mode()
        self._snapshot = self._typed()

    def _build(self) -> None:
        new_group = QGroupBox()
        new_layout = form_layout()
        self.form.add_rows(new_layout)
        new_group.setLayout(new_layout)
        self.new_group = new_group
        dates = form_layout()
        dates.addRow(self.tr("开始时间："), self.start_box)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.setSizeConstraint(QLayout.SizeConstraint.SetMinimumSize)  # grows with the messages
        for widget in (self.existing, self.helper_box, self.create, new_group):
            layout.addWidget(widget)
        layout.addLayout(dates)
        layout.addWidget(buttons)

    def _mode(self) -> None:
        self.helper_box.setEnabled(self.existing.isChecked())
        self.new_group.setEnabled(self.create.isChecked())

    def _typed(self) -> tuple[Any, ...]:
        return self.helper.value(), self.form.values(), self.start.value()

    def is_dirty(self) -> bool:
        """True when a helper was chosen, a new helper's details typed or the date changed since opening."""
        return self._typed() != self._snapshot

    def reject(self) -> None:
        """Escape, 取消 or closing: ask before throwing away what was typed."""
        reject_asking(self, self.is_dirty(), self.tr("更换帮扶责任人的输入还没有保存。保存吗？"))

    def accept(self) -> None:
        """Register the helper (if new) and the pairing; problems are shown at the fields."""
        start = self.start.value() or ""
        bad = check_dates({"start_date": start}, ["start_date"]) if start else []
        if not start or bad:
            self.start_box.show_problem(bad[0].message(self.lang) if bad else self.tr("请填写开始时间。"), "error")
            return
        self.start_box.show_problem()
        self.helper_box.show_problem()
        self.form.show_problems([])
        try:
            if not self._pair(start):
                return
        except ValidationFailed as failed:
            rest = self.form.show_problems(failed.problems)
            first = rest[0] if rest else failed.problems[0]
            self.start_box.show_problem(first.message(self.lang) if rest else "", "error")
            return
        except JiandangError as error:
            self.start_box.show_problem(error.message(self.lang), "error")
            return
        super().accept()

    def _pair(self, start: str) -> bool:
        """Write the pairing (with the new helper, in one transaction); False when no helper is chosen."""
        if self.create.isChecked():
            helper = {k: v for k, v in self.form.values().items() if v is not None}
            self.registry.pair_new_helper(self.household_id, helper, start)
            return True
        chosen = self.helper.value()
        if not chosen or not any(h["id"] == chosen for h in list_helpers(self.registry.conn)):
            self.helper_box.show_problem(self.tr("请从列表中选择帮扶责任人。"), "error")
            return False
        self.registry.pair_helper(self.household_id, chosen, start)
        return True

    @classmethod
    def ask(cls, parent: QWidget | None, registry: Registry, labels: CodeLabels, lang: str, household_id: str) -> bool:
        """True when a new pairing was recorded."""
        return cls(registry, labels, lang, household_id, parent).exec() == QDialog.DialogCode.Accepted


def _helper_text(helper: dict[str, Any]) -> str:
    unit = f"（{helper['unit']}）" if helper.get("unit") else ""
    return f"{helper['name']}{unit}"
