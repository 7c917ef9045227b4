"""The settings' 村民小组 page: add, rename or delete the village groups of a village.

Groups are synced business data: each change is saved at once through the
registry (models/regions.py), like the poverty lines.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QComboBox, QFormLayout, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from models.errors import ERROR, JiandangError
from models.registry import Registry
from ui import messages
from ui.field_widgets import FieldBox, TextField
from ui.record_table import RecordTableModel, enable_with_selection, record_view


class GroupTableModel(RecordTableModel):
    """The village groups of one village and how many households each has."""

    CONTEXT = "GroupTableModel"
    COLUMNS = (
        ("name", QT_TRANSLATE_NOOP("GroupTableModel", "村民小组")),
        ("households", QT_TRANSLATE_NOOP("GroupTableModel", "户数")),
    )
    NUMERIC = frozenset({"households"})


class VillageGroupsPage(QWidget):
    """Choose a village, then add a group by name, rename the selected one or delete it while it has no household."""

    def __init__(self, registry: Registry, lang: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.registry, self.lang = registry, lang
        self.changed = False  # something was saved (the main window then refreshes its tree)
        self.village = QComboBox()
        self.model = GroupTableModel(self)
        self.table = record_view(self.model, (220,))
        self.table.selectionModel().currentRowChanged.connect(lambda current, _: self._pick(current.row()))
        self.name = TextField(self.tr("如：第一村民小组"))
        self.name_box = FieldBox(self.name)
        self.add_button = QPushButton(self.tr("添加(&A)"))
        self.rename_button = QPushButton(self.tr("改名(&R)"))
        self.delete_button = QPushButton(self.tr("删除所选(&L)"))
        self.add_button.clicked.connect(self.add_group)
        self.rename_button.clicked.connect(self.rename_group)
        self.delete_button.clicked.connect(self.delete_group)
        self.village.currentIndexChanged.connect(lambda _: self.reload())
        self._build()

    def _build(self) -> None:
        note = QLabel(
            self.tr(
                "户的“基本情况”页从这里的列表中选择村民小组。每次修改立即保存，并随数据同步；"
                "还有户的村民小组不能删除，可以改名。"
            )
        )
        note.setWordWrap(True)
        chooser = QFormLayout()
        chooser.addRow(self.tr("村："), self.village)
        row = QHBoxLayout()
        top = Qt.AlignmentFlag.AlignTop  # the buttons stay beside the field when a message shows under it
        label = QLabel(self.tr("名称："))
        label.setMinimumHeight(self.name.sizeHint().height())  # level with the field, not with its message
        row.addWidget(label, 0, top)
        row.addWidget(self.name_box, 1)
        for button in (self.add_button, self.rename_button, self.delete_button):
            row.addWidget(button, 0, top)
        layout = QVBoxLayout(self)
        layout.addWidget(note)
        layout.addLayout(chooser)
        layout.addWidget(self.table)
        layout.addLayout(row)
        enable_with_selection(self.table, self.rename_button, self.delete_button)
        self.reload_villages()

    def reload_villages(self) -> None:
        """Offer the registered villages again (after the 乡镇和村 page changed them), keeping the chosen one."""
        chosen = self.village.currentData()
        blocked = self.village.blockSignals(True)
        self.village.clear()
        for village in self.registry.villages():
            self.village.addItem(f"{village['name']}（{village['code']}）", village["code"])
        self.village.setCurrentIndex(max(0, self.village.findData(chosen)))
        self.village.blockSignals(blocked)
        none = self.village.count() == 0
        self.add_button.setEnabled(not none)
        missing = self.tr("还没有登记村：请先在“乡镇和村”页添加村，再添加村民小组。")
        self.name_box.show_problem(missing if none else "", ERROR if none else "")
        self.reload()

    def reload(self, select: str | None = None) -> None:
        """Show the groups of the chosen village (and select the group ``select``)."""
        code = self.village.currentData()
        self.model.set_rows(self.registry.group_table(code) if code else [])
        rows = [r for r in range(self.model.rowCount()) if self.model.record(r)["id"] == select]
        if rows:
            self.table.selectRow(rows[0])

    def _pick(self, row: int) -> None:
        if 0 <= row < self.model.rowCount():
            self.name.set_value(self.model.record(row)["name"])
            self.name_box.show_problem()

    def _selected(self) -> dict[str, Any] | None:
        row = self.table.currentIndex().row()
        return self.model.record(row) if self.table.selectionModel().hasSelection() and row >= 0 else None

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """Enter in the name field adds the group (it would otherwise press the dialog's OK and close it)."""
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.name.hasFocus():
            event.accept()
            if self.add_button.isEnabled():
                self.add_group()
            return
        super().keyPressEvent(event)

    def add_group(self) -> bool:
        """Add the typed name as a new group of the chosen village."""
        code = self.village.currentData()
        return bool(code) and self._save(lambda: self.registry.add_group(code, self.name.value() or ""))

    def rename_group(self) -> bool:
        """Give the selected group the typed name."""
        chosen = self._selected()
        if chosen is None:
            return False

        def rename() -> str:
            self.registry.rename_group(chosen["id"], self.name.value() or "")
            return str(chosen["id"])

        return self._save(rename)

    def _save(self, write: Callable[[], str | None]) -> bool:
        """Run one registry write; a refusal is shown at the name field, success reloads the list."""
        self.name_box.show_problem()
        try:
            group_id = write()
        except JiandangError as error:
            self.name_box.show_problem(error.message(self.lang), ERROR)
            return False
        self.changed = True
        self.reload(select=group_id)
        return True

    def delete_group(self) -> None:
        """Delete the selected group after asking; refused while households belong to it."""
        chosen = self._selected()
        if chosen is None:
            return
        question = self.tr("删除村民小组“{name}”？").format(name=chosen["name"])
        if not messages.confirm(self, self.tr("删除村民小组"), question):
            return
        try:
            self.registry.delete_group(chosen["id"])
        except JiandangError as error:
            messages.show_error(self, error.message(self.lang))
            return
        self.changed = True
        self.name.set_value(None)
        self.reload()
