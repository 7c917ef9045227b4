"""The conflict desk: every conflict field by field, both values with who, where and when; decide it.

Keep A (the current, provisional winner), keep B (the other value), or type a
new value; a record deleted while edited elsewhere is restored or its
deletion accepted; an orphan gets its household back or is given up. Every
decision is a logged change that travels back to the laptops and wins there.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from models.db import Database
from models.errors import JiandangError
from models.sync_decisions import accept_deletion, discard_parked, restore_deleted, restore_parent
from models.sync_desk import DELETED, FIELD, ORPHAN, DeskItem, desk_items
from models.sync_resolve import resolve_conflict
from models.sync_value import typed_value
from ui import messages

Index = QModelIndex | QPersistentModelIndex
COLUMNS = (
    QT_TRANSLATE_NOOP("ConflictsTableModel", "记录"),
    QT_TRANSLATE_NOOP("ConflictsTableModel", "类型"),
    QT_TRANSLATE_NOOP("ConflictsTableModel", "字段"),
    QT_TRANSLATE_NOOP("ConflictsTableModel", "A：当前值（暂定）"),
    QT_TRANSLATE_NOOP("ConflictsTableModel", "A 来自"),
    QT_TRANSLATE_NOOP("ConflictsTableModel", "B：另一值"),
    QT_TRANSLATE_NOOP("ConflictsTableModel", "B 来自"),
)


class ConflictsTableModel(QAbstractTableModel):
    """The desk's items, one per row."""

    def __init__(self, lang: str = "zh", parent: Any = None) -> None:
        super().__init__(parent)
        self._lang = lang
        self._items: list[DeskItem] = []

    def set_items(self, items: list[DeskItem]) -> None:
        """Replace the rows."""
        self.beginResetModel()
        self._items = list(items)
        self.endResetModel()

    def item(self, row: int) -> DeskItem | None:
        """The item of a row, or None."""
        return self._items[row] if 0 <= row < len(self._items) else None

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802 - Qt's signature
        return 0 if parent.isValid() else len(self._items)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(COLUMNS)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return None
        item = self._items[index.row()]
        values = (
            item.record,
            item.kind_label(self._lang),
            item.field,
            item.current,
            item.current_source,
            item.other,
            item.other_source,
        )
        return values[index.column()]

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:  # noqa: N802
        if role != Qt.ItemDataRole.DisplayRole or orientation != Qt.Orientation.Horizontal:
            return None
        return (
            QCoreApplication.translate("ConflictsTableModel", COLUMNS[section]) if 0 <= section < len(COLUMNS) else None
        )


class ConflictDesk(QDialog):
    """The conflict desk."""

    def __init__(self, parent: QWidget | None, db: Database, lang: str = "zh", open_household: Any = None) -> None:
        super().__init__(parent)
        self.db, self.lang, self._open = db, lang, open_household
        self.setWindowTitle(self.tr("冲突处理"))
        self.model = ConflictsTableModel(lang, self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.buttons: dict[str, QPushButton] = {}
        row = QHBoxLayout()
        for key, text in (
            ("keep_a", self.tr("保留 A")),
            ("keep_b", self.tr("改用 B")),
            ("new", self.tr("输入新值…")),
            ("restore", self.tr("恢复记录")),
            ("accept", self.tr("确认删除")),
            ("discard", self.tr("放弃此记录")),
            ("open", self.tr("打开该户")),
        ):
            button = QPushButton(text)
            button.clicked.connect(lambda _=False, k=key: self.decide(k))
            self.buttons[key] = button
            row.addWidget(button)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.table)
        layout.addLayout(row)
        layout.addWidget(close)
        self.table.selectionModel().selectionChanged.connect(self._enable)
        self.resize(1280, 460)
        self.reload()

    def reload(self) -> None:
        """Re-read the open conflicts."""
        self.model.set_items(desk_items(self.db, self.lang))
        count = self.model.rowCount()
        self.summary.setText(
            self.tr("待处理 {n} 项。A 是按统一规则暂定胜出的值（各台电脑上相同）；裁决后随回执包发回各村。").format(
                n=count
            )
            if count
            else self.tr("没有待处理的冲突。")
        )
        if count:
            self.table.selectRow(0)
        self._enable()

    def current(self) -> DeskItem | None:
        """The selected item."""
        rows = self.table.selectionModel().selectedRows()
        return self.model.item(rows[0].row()) if rows else None

    def _enable(self) -> None:
        item = self.current()
        kind = item.kind if item else ""
        for key, kinds in (
            ("keep_a", {FIELD}),
            ("keep_b", {FIELD}),
            ("new", {FIELD}),
            ("restore", {DELETED, ORPHAN}),
            ("accept", {DELETED}),
            ("discard", {ORPHAN}),
            ("open", {FIELD, DELETED, ORPHAN}),
        ):
            self.buttons[key].setEnabled(kind in kinds)
        self.buttons["open"].setEnabled(bool(item and item.household))  # a deleted household cannot be opened

    def decide(self, action: str, typed: str | None = None) -> bool:
        """Carry out one decision on the selected item; True when something was decided."""
        item = self.current()
        if item is None:
            return False
        if action == "open":
            if self._open is not None and item.household:
                self._open(item.household)  # a merged-away household: the one that kept its family
            return False
        try:
            self._decide(item, action, typed)
        except JiandangError as error:
            messages.show_error(self, error.message(self.lang))
            return False
        self.reload()
        return True

    def _decide(self, item: DeskItem, action: str, typed: str | None) -> None:
        user = self.db.operator()
        if action in ("keep_a", "keep_b", "new"):
            conflict = item.conflict
            assert conflict is not None
            value = conflict.winner_value if action == "keep_a" else conflict.loser_value
            if action == "new":
                typed = typed if typed is not None else ask_value(self, item)
                if typed is None:
                    raise JiandangError("未输入新值。", "No new value was typed.")
                value = typed_value(self.db, conflict.table, conflict.pk, conflict.column, typed)
            resolve_conflict(self.db, conflict, value, user)
        elif action == "restore":
            (restore_parent if item.kind == ORPHAN else restore_deleted)(self.db, item.table, item.pk, user)
        elif action == "accept":
            accept_deletion(self.db, item.table, item.pk, user)
        elif action == "discard":
            discard_parked(self.db, item.table, item.pk, user)

    @classmethod
    def ask(cls, parent: QWidget | None, db: Database, lang: str = "zh", open_household: Any = None) -> None:
        """Show the desk until it is closed."""
        cls(parent, db, lang, open_household).exec()


def ask_value(parent: QWidget, item: DeskItem) -> str | None:
    """A new value typed by the clerk (None when cancelled); tests replace this."""
    prompt = QCoreApplication.translate("ConflictDesk", "{record}\n{field}：").format(
        record=item.record, field=item.field
    )
    text, ok = QInputDialog.getText(
        parent, QCoreApplication.translate("ConflictDesk", "输入新值"), prompt, text=item.current
    )
    return text if ok else None
