"""The settings' 乡镇和村 page: add a township or village after the first start, correct a name, delete a mistake.

Regions are synced business data: each change is saved at once through
models/region_admin.py, like the village groups; the rules are models/region_rules.py,
which every path that adds or renames a region shares.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QGridLayout, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from models import region_admin
from models.errors import ERROR, JiandangError
from models.registry import Registry
from ui import messages
from ui.field_widgets import FieldBox, TextField
from ui.record_table import RecordTableModel, enable_with_selection, record_view


class RegionTableModel(RecordTableModel):
    """The registered townships and villages with their households and groups."""

    CONTEXT = "RegionTableModel"
    COLUMNS = (
        ("code", QT_TRANSLATE_NOOP("RegionTableModel", "区划代码")),
        ("name", QT_TRANSLATE_NOOP("RegionTableModel", "名称")),
        ("level", QT_TRANSLATE_NOOP("RegionTableModel", "级别")),
        ("households", QT_TRANSLATE_NOOP("RegionTableModel", "户数")),
        ("groups", QT_TRANSLATE_NOOP("RegionTableModel", "村民小组")),
    )
    NUMERIC = frozenset({"households", "groups"})

    def cell(self, record: dict[str, Any], key: str) -> str:
        """The level as 乡镇 / 村; a village's name indented under its township."""
        if key == "level":
            return self.tr("乡镇") if record["level"] == 4 else self.tr("村")
        if key == "name" and record["level"] == 5:
            return "    " + str(record["name"])
        return super().cell(record, key)


class RegionsPage(QWidget):
    """Add a township or village by code and name, rename the selected one, or delete it while unused."""

    regionsChanged = Signal()  # the village list changed (the 村民小组 page and the scope field follow)

    def __init__(self, registry: Registry, lang: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.registry, self.lang = registry, lang
        self.changed = False  # something was saved (the main window then refreshes its tree)
        self.model = RegionTableModel(self)
        self.table = record_view(self.model, (120, 200, 60, 60))
        self.table.selectionModel().currentRowChanged.connect(lambda current, _: self._pick(current.row()))
        self.code = TextField(self.tr("村 12 位，乡镇 9 位，如 621121103202"))
        self.name = TextField(self.tr("如：柳湾村"))
        self.code_box, self.name_box = FieldBox(self.code), FieldBox(self.name)
        self.add_button = QPushButton(self.tr("添加(&A)"))
        self.rename_button = QPushButton(self.tr("改名(&R)"))
        self.delete_button = QPushButton(self.tr("删除所选(&L)"))
        self.add_button.clicked.connect(self.add_region)
        self.rename_button.clicked.connect(self.rename_region)
        self.delete_button.clicked.connect(self.delete_region)
        self._build()
        self.reload()

    def _build(self) -> None:
        note = QLabel(
            self.tr(
                "新建户时从这里登记的村中选择“所在村”。名称印在公示（××村民委员会）和公告（××人民政府）上，"
                "写错了请选中后改名。每次修改立即保存，并随数据同步；两台电脑改成不同的名称时，以后改的为准，"
                "另一个名称在“同步 → 冲突处理”中可以看到。还有户或村民小组的乡镇和村不能删除。"
            )
        )
        note.setWordWrap(True)
        top = Qt.AlignmentFlag.AlignTop  # labels and buttons stay level with the fields when a message shows
        fields = QGridLayout()
        for row, (text, box) in enumerate(((self.tr("区划代码："), self.code_box), (self.tr("名称："), self.name_box))):
            label = QLabel(text)
            label.setMinimumHeight(self.code.sizeHint().height())
            fields.addWidget(label, row, 0, top)
            fields.addWidget(box, row, 1)
        fields.setColumnStretch(1, 1)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        for button in (self.add_button, self.rename_button, self.delete_button):
            buttons.addWidget(button)
        layout = QVBoxLayout(self)
        layout.addWidget(note)
        layout.addWidget(self.table, 1)
        layout.addLayout(fields)
        layout.addLayout(buttons)
        enable_with_selection(self.table, self.rename_button, self.delete_button)

    def reload(self, select: str | None = None) -> None:
        """Show every township and village again (and select the one with code ``select``)."""
        self.model.set_rows(region_admin.place_table(self.registry.db))
        rows = [r for r in range(self.model.rowCount()) if self.model.record(r)["code"] == select]
        if rows:
            self.table.selectRow(rows[0])

    def _pick(self, row: int) -> None:
        if 0 <= row < self.model.rowCount():
            record = self.model.record(row)
            self.code.set_value(record["code"])
            self.name.set_value(record["name"])
            self._show()

    def _selected(self) -> dict[str, Any] | None:
        row = self.table.currentIndex().row()
        return self.model.record(row) if self.table.selectionModel().hasSelection() and row >= 0 else None

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """Enter in the code or name field adds (it would otherwise press the dialog's OK and close it)."""
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and (self.code.hasFocus() or self.name.hasFocus()):
            event.accept()
            self.add_region()
            return
        super().keyPressEvent(event)

    def add_region(self) -> bool:
        """Register the typed code and name; a village joins a village work team's villages."""
        code, name = self.code.value() or "", self.name.value() or ""

        def add() -> str:
            region_admin.add_place(self.registry, code, name)
            added = region_admin.place_code(code)
            region_admin.include_in_scope(self.registry.db, added)
            return added

        return self._save(add)

    def rename_region(self) -> bool:
        """Give the selected township or village the typed name."""
        chosen = self._selected()
        if chosen is None:
            return False

        def rename() -> str:
            region_admin.rename_place(self.registry, chosen["code"], self.name.value() or "")
            return str(chosen["code"])

        return self._save(rename)

    def _show(self, error: JiandangError | None = None) -> None:
        """Show a refusal under the field it is about (the code unless it names the name)."""
        self.code_box.show_problem()
        self.name_box.show_problem()
        if error is not None:
            box = self.name_box if getattr(error, "field", "code") == "name" else self.code_box
            box.show_problem(error.message(self.lang), ERROR)

    def _save(self, write: Callable[[], str]) -> bool:
        """Run one write; a refusal is shown at its field, success reloads the list and tells the other pages."""
        self._show()
        try:
            code = write()
        except JiandangError as error:
            self._show(error)
            return False
        self.changed = True
        self.reload(select=code)
        self.regionsChanged.emit()
        return True

    def delete_region(self) -> None:
        """Delete the selected township or village after asking; refused while anything refers to it."""
        chosen = self._selected()
        if chosen is None:
            return
        question = self.tr("删除“{name}”（{code}）？只在登记错误时删除。").format(
            name=chosen["name"], code=chosen["code"]
        )
        if not messages.confirm(self, self.tr("删除乡镇或村"), question):
            return
        try:
            region_admin.delete_place(self.registry, chosen["code"])
        except JiandangError as error:
            messages.show_error(self, error.message(self.lang))
            return
        self.changed = True
        self.code.set_value(None)
        self.name.set_value(None)
        self.reload()
        self.regionsChanged.emit()
