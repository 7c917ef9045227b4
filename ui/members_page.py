"""The 家庭成员 page: the members as a table, with add / edit / delete and member changes."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QKeySequence, QShortcut
from PySide6.QtWidgets import QAbstractItemView, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from models.errors import ERROR, Problem
from models.household_form import HouseholdForm
from models.idcard import mask_id_number
from models.registry import Registry
from ui import messages
from ui.code_labels import CodeLabels
from ui.column_fit import fit_columns
from ui.record_table import configured_table
from ui.table_models import ColumnTableModel, Index


class MemberTableModel(ColumnTableModel):
    """The form's members (dicts); ID numbers shown masked; each row's first problem in the last column."""

    CONTEXT = "MemberTableModel"
    COLUMNS = (  # (key, header, code table)
        ("name", QT_TRANSLATE_NOOP("MemberTableModel", "姓名"), ""),
        ("relation", QT_TRANSLATE_NOOP("MemberTableModel", "与户主关系"), "relation"),
        ("sex", QT_TRANSLATE_NOOP("MemberTableModel", "性别"), "sex"),
        ("id_number", QT_TRANSLATE_NOOP("MemberTableModel", "证件号码"), ""),
        ("birth_date", QT_TRANSLATE_NOOP("MemberTableModel", "出生日期"), ""),
        ("in_household", QT_TRANSLATE_NOOP("MemberTableModel", "在户"), ""),
        ("labour_skill", QT_TRANSLATE_NOOP("MemberTableModel", "劳动技能"), "labour_skill"),
        ("problem", QT_TRANSLATE_NOOP("MemberTableModel", "问题"), ""),
    )

    def __init__(self, labels: CodeLabels, lang: str, parent: Any = None) -> None:
        super().__init__(parent)
        self._labels = labels
        self._lang = lang
        self.members: list[dict[str, Any]] = []
        self._problems: dict[int, Problem] = {}

    def set_members(self, members: list[dict[str, Any]]) -> None:
        self.beginResetModel()
        self.members = members
        self._problems = {}
        self.endResetModel()

    def set_problems(self, problems: dict[int, Problem]) -> None:
        self._problems = problems
        if self.members:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self.members) - 1, len(self.COLUMNS) - 1))

    def row_total(self) -> int:
        """How many members are listed."""
        return len(self.members)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.members):
            return None
        member, (key, _, table) = self.members[index.row()], self.COLUMNS[index.column()]
        found = self._problems.get(index.row())
        if role == Qt.ItemDataRole.ForegroundRole and found is not None and key == "problem":
            return QBrush(QColor("#c62828" if found.severity == ERROR else "#9a6400"))
        if role == Qt.ItemDataRole.ToolTipRole and found is not None:
            return found.message(self._lang)
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if key == "problem":
            return found.message(self._lang) if found else ""
        if key == "id_number":
            return mask_id_number(member.get("id_number") or "")
        if key == "in_household":
            yes = member.get("in_household") in (None, "", 1, "1")
            no = QCoreApplication.translate("MemberTableModel", "否")
            return QCoreApplication.translate("MemberTableModel", "是") if yes else no
        value = member.get(key)
        return self._labels.text(table, value) if table else ("" if value is None else str(value))


class MembersPage(QWidget):
    """Members of the household being edited; changes are kept in the form until it is saved."""

    changed = Signal()
    changeRequested = Signal()

    def __init__(
        self,
        registry: Registry,
        labels: CodeLabels,
        lang: str,
        household_id: str | None,
        open_household: Callable[[str], None],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.registry, self.labels, self.lang = registry, labels, lang
        self.household_id = household_id
        self.open_household = open_household
        self.removed: list[str] = []
        self.model = MemberTableModel(labels, lang, self)
        self.table = configured_table(self.model, row_padding=None)
        fit_columns(self.table, stretch=[len(MemberTableModel.COLUMNS) - 1])  # the problem
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.activated.connect(lambda index: self.edit_member(index.row()))
        self.family_problem = QLabel()
        self.family_problem.setProperty("message", "error")
        self.family_problem.hide()
        self.buttons = self._buttons()
        layout = QVBoxLayout(self)
        layout.addWidget(self.family_problem)
        layout.addWidget(self.table)
        layout.addLayout(self.buttons)
        QShortcut(QKeySequence(Qt.Key.Key_Insert), self.table, self.add_member)
        QShortcut(QKeySequence(QKeySequence.StandardKey.Delete), self.table, self.delete_member)

    def _buttons(self) -> QHBoxLayout:
        row = QHBoxLayout()
        for text, slot in (
            (self.tr("添加成员(&A)"), self.add_member),
            (self.tr("修改(&E)"), lambda: self.edit_member(self.table.currentIndex().row())),
            (self.tr("删除（录入错误）(&D)"), self.delete_member),
            (self.tr("成员变动…(&C)"), self.changeRequested.emit),
        ):
            button = QPushButton(text)
            button.clicked.connect(slot)
            row.addWidget(button)
        row.addStretch(1)
        return row

    def load(self, data: HouseholdForm) -> None:
        self.model.set_members([dict(m) for m in data.members])
        self.removed = list(data.removed_members)

    def store(self, data: HouseholdForm) -> None:
        data.members = [dict(m) for m in self.model.members]
        data.removed_members = list(self.removed)

    def show_problems(self, problems: list[Problem]) -> list[Problem]:
        rows: dict[int, Problem] = {}
        family = [p for p in problems if p.record == "members"]
        for found in problems:
            if found.record.startswith("member:"):
                row = int(found.record.split(":")[1])
                if row not in rows or (found.severity == ERROR and rows[row].severity != ERROR):
                    rows[row] = found
        self.model.set_problems(rows)
        self.family_problem.setText("\n".join(p.message(self.lang) for p in family))
        self.family_problem.setVisible(bool(family))
        return [p for p in problems if not p.record.startswith("member") or p.record == ""]

    def add_member(self) -> None:
        """Enter a new member (kept in the form until saved)."""
        from ui.member_dialog import MemberDialog

        defaults = {"id_type": "01", "ethnicity": "01", "in_household": 1}
        if not self.model.members:
            defaults["relation"] = "01"
        values = MemberDialog.ask(
            self, self.registry, self.labels, self.lang, defaults, self.household_id, open_household=self.open_household
        )
        if values is not None:
            self.model.set_members(self.model.members + [values])
            self.table.selectRow(len(self.model.members) - 1)
            self.changed.emit()

    def edit_member(self, row: int) -> None:
        """Change a member's details."""
        from ui.member_dialog import MemberDialog

        if not 0 <= row < len(self.model.members):
            return
        member = self.model.members[row]
        values = MemberDialog.ask(
            self,
            self.registry,
            self.labels,
            self.lang,
            member,
            self.household_id,
            member.get("id"),
            open_household=self.open_household,
        )
        if values is not None:
            members = list(self.model.members)
            members[row] = {**values, "id": member.get("id")} if member.get("id") else values
            self.model.set_members(members)
            self.table.selectRow(row)
            self.changed.emit()

    def delete_member(self) -> None:
        """Remove a member entered by mistake (deaths and moves are member changes)."""
        row = self.table.currentIndex().row()
        if not 0 <= row < len(self.model.members):
            return
        member = self.model.members[row]
        question = self.tr("删除成员“{name}”？只在录入错误时删除；死亡、嫁出、迁出等请用“成员变动”登记。").format(
            name=member.get("name") or ""
        )
        if not messages.confirm(self, self.tr("删除成员"), question):
            return
        if member.get("id"):
            self.removed.append(member["id"])
        self.model.set_members([m for i, m in enumerate(self.model.members) if i != row])
        self.changed.emit()
