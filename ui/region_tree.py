"""The region tree on the left of the main window: township → villages → 村民小组, with household counts."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QAbstractItemView, QTreeView, QWidget

from models.region_tree import RegionNode

CODE_ROLE = Qt.ItemDataRole.UserRole + 1
GROUP_ROLE = Qt.ItemDataRole.UserRole + 2
COUNT_ROLE = Qt.ItemDataRole.UserRole + 3


class RegionTreeView(QTreeView):
    """Shows the tree; ``regionChosen(code, group_id)`` when the user picks a node ("" for all)."""

    regionChosen = Signal(str, str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.tree_model = QStandardItemModel(self)
        self.setModel(self.tree_model)
        self.setHeaderHidden(True)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setUniformRowHeights(True)
        self.selectionModel().currentChanged.connect(self._current_changed)

    def load(self, nodes: list[RegionNode], all_label: str) -> None:
        """Show the tree (keeping the chosen node when it still exists); the top item stands for all."""
        chosen = self.chosen()
        blocker = self.selectionModel().blockSignals(True)
        self.tree_model.clear()
        if len(nodes) == 1:  # one township (or county): it stands for everything
            self.tree_model.appendRow(_branch(nodes[0]))
        else:
            root = _item(all_label, "", "", sum(n.households for n in nodes))
            self.tree_model.appendRow(root)
            for node in nodes:
                root.appendRow(_branch(node))
        self.expandToDepth(0)
        self.selectionModel().blockSignals(blocker)
        self.choose(*chosen)

    def choose(self, code: str, group_id: str = "") -> None:
        """Select the node of a region or group (the "all" node when not found)."""
        found = self._find(self.tree_model.invisibleRootItem(), code, group_id)
        index = (found or self.tree_model.item(0)).index() if self.tree_model.rowCount() else QModelIndex()
        if index.isValid():
            self.setCurrentIndex(index)

    def chosen(self) -> tuple[str, str]:
        """(region code, group id) of the current node; ("", "") for all."""
        index = self.currentIndex()
        if not index.isValid():
            return "", ""
        return index.data(CODE_ROLE) or "", index.data(GROUP_ROLE) or ""

    def _current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if current.isValid():
            self.regionChosen.emit(current.data(CODE_ROLE) or "", current.data(GROUP_ROLE) or "")

    def _find(self, parent: QStandardItem, code: str, group_id: str) -> QStandardItem | None:
        for row in range(parent.rowCount()):
            item = parent.child(row)
            if (item.data(CODE_ROLE) or "") == code and (item.data(GROUP_ROLE) or "") == group_id:
                return item
            found = self._find(item, code, group_id)
            if found is not None:
                return found
        return None


def _branch(node: RegionNode) -> QStandardItem:
    item = _item(node.name, node.code, node.group_id or "", node.households)
    for child in node.children:
        item.appendRow(_branch(child))
    return item


def _item(name: str, code: str, group_id: str, households: int) -> QStandardItem:
    item = QStandardItem(f"{name} ({households})")
    item.setData(code, CODE_ROLE)
    item.setData(group_id, GROUP_ROLE)
    item.setData(households, COUNT_ROLE)
    item.setToolTip(code)
    return item
