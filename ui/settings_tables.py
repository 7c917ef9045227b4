"""The settings' table pages: the editable poverty-line table and the read-only code tables."""

from __future__ import annotations

from dataclasses import asdict
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from models.code_lookup import entries, table_names
from models.codes import TABLE_TITLES
from models.errors import ERROR, JiandangError, ValidationFailed
from models.poverty_lines import delete_poverty_line, poverty_lines, set_poverty_line
from models.registry import Registry
from ui import messages
from ui.code_combo import CodeCombo
from ui.code_labels import CodeLabels
from ui.field_widgets import FieldBox, TextField
from ui.record_table import RecordTableModel, record_view


class PovertyLineTableModel(RecordTableModel):
    """Poverty lines by year and identification standard."""

    CONTEXT = "PovertyLineTableModel"
    COLUMNS = (
        ("year", QT_TRANSLATE_NOOP("PovertyLineTableModel", "年度")),
        ("standard", QT_TRANSLATE_NOOP("PovertyLineTableModel", "识别标准")),
        ("amount", QT_TRANSLATE_NOOP("PovertyLineTableModel", "贫困线（元/人·年）")),
    )
    NUMERIC = frozenset({"year", "amount"})

    def __init__(self, labels: CodeLabels, parent: Any = None) -> None:
        super().__init__(parent)
        self._labels = labels

    def cell(self, record: dict[str, Any], key: str) -> str:
        if key == "standard":
            return self._labels.text("identification_standard", record["standard"])
        if key == "amount":
            return f"{record['amount']:,.2f}"
        return super().cell(record, key)


class CodeValueTableModel(RecordTableModel):
    """The entries of one code table."""

    CONTEXT = "CodeValueTableModel"
    COLUMNS = (
        ("code", QT_TRANSLATE_NOOP("CodeValueTableModel", "代码")),
        ("label", QT_TRANSLATE_NOOP("CodeValueTableModel", "名称")),
        ("label_en", QT_TRANSLATE_NOOP("CodeValueTableModel", "英文名称")),
    )


class PovertyLinesPage(QWidget):
    """Add, change or delete a poverty line; each row is saved at once (and synced)."""

    def __init__(self, registry: Registry, lang: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.registry, self.lang = registry, lang
        labels = CodeLabels(registry.conn, lang)
        self.model = PovertyLineTableModel(labels, self)
        self.table = record_view(self.model, (70, 120))
        self.table.selectionModel().currentRowChanged.connect(lambda current, _: self._pick(current.row()))
        self.year, self.amount = TextField(self.tr("年度")), TextField(self.tr("元/人·年"))
        self.standard = CodeCombo(labels.entries("identification_standard"), lang)
        self.boxes = {"year": FieldBox(self.year), "standard": FieldBox(self.standard), "amount": FieldBox(self.amount)}
        save, delete = QPushButton(self.tr("保存这一行(&V)")), QPushButton(self.tr("删除所选(&L)"))
        save.clicked.connect(self.save_row)
        delete.clicked.connect(self.delete_row)
        row = QHBoxLayout()
        for widget in (*self.boxes.values(), save, delete):
            row.addWidget(widget)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("贫困线随数据同步到各村；省定、市定标准可高于国家标准。")))
        layout.addWidget(self.table)
        layout.addLayout(row)
        self.reload()

    def reload(self) -> None:
        self.model.set_rows([asdict(line) for line in poverty_lines(self.registry.db)])

    def _pick(self, row: int) -> None:
        if 0 <= row < self.model.rowCount():
            record = self.model.record(row)
            self.year.set_value(record["year"])
            self.standard.set_value(record["standard"])
            self.amount.set_value(record["amount"])

    def save_row(self) -> bool:
        """Create or change the line of the typed year and standard."""
        for box in self.boxes.values():
            box.show_problem()
        try:
            set_poverty_line(
                self.registry.db, self.year.value() or "", self.standard.value() or "", self.amount.value() or ""
            )
        except ValidationFailed as failed:
            for found in failed.problems:
                if found.field in self.boxes:
                    self.boxes[found.field].show_problem(found.message(self.lang), ERROR)
            return False
        self.reload()
        return True

    def delete_row(self) -> None:
        row = self.table.currentIndex().row()
        if not 0 <= row < self.model.rowCount():
            return
        record = self.model.record(row)
        if messages.confirm(
            self, self.tr("删除贫困线"), self.tr("删除 {year} 年的这条贫困线？").format(year=record["year"])
        ):
            try:
                delete_poverty_line(self.registry.db, record["year"], record["standard"])
            except JiandangError as error:
                messages.show_error(self, error.message(self.lang))
            self.reload()


class CodeTablesPage(QWidget):
    """Every code table of the database, read-only."""

    def __init__(self, registry: Registry, lang: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.registry = registry
        self.chooser = QComboBox()
        for name in table_names(registry.conn):
            zh, en = TABLE_TITLES.get(name, (name, name))
            self.chooser.addItem(en if lang == "en" else zh, name)
        self.model = CodeValueTableModel(self)
        self.table = record_view(self.model, (60, 200))
        self.chooser.currentIndexChanged.connect(self._show)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(QCoreApplication.translate("CodeTablesPage", "代码表由乡镇统一维护，此处只读。")))
        layout.addWidget(self.chooser)
        layout.addWidget(self.table)
        self._show()

    def _show(self) -> None:
        name = self.chooser.currentData()
        rows = entries(self.registry.conn, name, active_only=False) if name else []
        self.model.set_rows([{"code": e.code, "label": e.label, "label_en": e.label_en} for e in rows])
