"""The 帮扶措施 page: the household's measures (each edited in ``ui/measure_dialog.py``)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from models import fields
from models.registry import Registry
from ui import messages
from ui.code_labels import CodeLabels
from ui.column_fit import fit_columns
from ui.measure_dialog import MeasureDialog
from ui.record_table import RecordTableModel, record_view


class MeasureTableModel(RecordTableModel):
    """A household's measures by year."""

    CONTEXT = "MeasureTableModel"
    COLUMNS = (
        ("year", QT_TRANSLATE_NOOP("MeasureTableModel", "年度")),
        ("type", QT_TRANSLATE_NOOP("MeasureTableModel", "措施类型")),
        ("category", QT_TRANSLATE_NOOP("MeasureTableModel", "五个一批")),
        ("content", QT_TRANSLATE_NOOP("MeasureTableModel", "措施内容")),
        ("status", QT_TRANSLATE_NOOP("MeasureTableModel", "实施状态")),
        ("funds", QT_TRANSLATE_NOOP("MeasureTableModel", "资金合计（元）")),
        ("planned_start", QT_TRANSLATE_NOOP("MeasureTableModel", "计划开始")),
        ("actual_end", QT_TRANSLATE_NOOP("MeasureTableModel", "实际完成")),
        ("loan", QT_TRANSLATE_NOOP("MeasureTableModel", "贷款金额（元）")),
    )
    NUMERIC = frozenset({"year", "funds", "loan"})
    CODED = {"type": "measure_type", "category": "measure_category", "status": "measure_status"}

    def __init__(self, labels: CodeLabels, parent: Any = None) -> None:
        super().__init__(parent)
        self._labels = labels

    def cell(self, record: dict[str, Any], key: str) -> str:
        if key in self.CODED:
            return self._labels.text(self.CODED[key], record.get(key))
        if key == "funds":
            return f"{sum(float(record.get(k) or 0) for k in fields.MEASURE_AMOUNTS):,.2f}"
        if key == "loan":
            loan = record.get("loan")
            return f"{float(loan['amount']):,.2f}" if loan else ""
        return super().cell(record, key)


class MeasuresPage(QWidget):
    """Measures are written at once (their own records), not with the household form."""

    def __init__(
        self,
        registry: Registry,
        labels: CodeLabels,
        lang: str,
        members: Callable[[], list[dict]],
        changed: Callable[[], None],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.registry, self.labels, self.lang = registry, labels, lang
        self._members, self._changed = members, changed
        self.household_id: str | None = None
        self.model = MeasureTableModel(labels, self)
        self.table = record_view(self.model)
        fit_columns(self.table, stretch=[[key for key, _ in MeasureTableModel.COLUMNS].index("content")])
        self.table.activated.connect(lambda index: self.edit_measure(index.row()))
        self.note = QLabel(self.tr("保存新户后才能登记帮扶措施。"))
        self.buttons = []
        row = QHBoxLayout()
        for text, slot in (
            (self.tr("添加措施(&A)"), self.add_measure),
            (self.tr("修改(&E)"), lambda: self.edit_measure(self.table.currentIndex().row())),
            (self.tr("删除(&D)"), self.delete_measure),
        ):
            button = QPushButton(text)
            button.clicked.connect(slot)
            row.addWidget(button)
            self.buttons.append(button)
        row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.note)
        layout.addWidget(self.table)
        layout.addLayout(row)
        QShortcut(QKeySequence("Insert"), self.table, self.add_measure)

    def load(self, household_id: str | None) -> None:
        """Show the measures of a saved household."""
        self.household_id = household_id
        self.model.set_rows(self.registry.get_household(household_id)["measures"] if household_id else [])
        self.note.setVisible(not household_id)
        for button in self.buttons:
            button.setEnabled(bool(household_id))

    def add_measure(self) -> None:
        if self.household_id and MeasureDialog.ask(
            self, self.registry, self.labels, self.lang, self.household_id, self._members()
        ):
            self._reload()

    def edit_measure(self, row: int) -> None:
        if not self.household_id or not 0 <= row < self.model.rowCount():
            return
        if MeasureDialog.ask(
            self, self.registry, self.labels, self.lang, self.household_id, self._members(), self.model.record(row)
        ):
            self._reload()

    def delete_measure(self) -> None:
        row = self.table.currentIndex().row()
        if not self.household_id or not 0 <= row < self.model.rowCount():
            return
        if messages.confirm(self, self.tr("删除措施"), self.tr("删除这条帮扶措施（录入错误时）？")):
            self.registry.delete_measure(self.model.record(row)["id"])
            self._reload()

    def _reload(self) -> None:
        self.load(self.household_id)
        self._changed()
