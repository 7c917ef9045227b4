"""The 同步 → 可能重复登记 desk: an ID number registered in two households; open, merge or remove one."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from models.codes import label, label_en
from models.db import Database
from models.errors import JiandangError
from models.sync_duplicates import DuplicatePerson, duplicate_groups
from models.sync_resolve import site_name
from ui import messages
from ui.record_table import enable_with_selection, fitted_view
from ui.text_table import TextTableModel

DUPLICATE_COLUMNS = (
    QT_TRANSLATE_NOOP("DuplicatesTableModel", "证件号码"),
    QT_TRANSLATE_NOOP("DuplicatesTableModel", "姓名"),
    QT_TRANSLATE_NOOP("DuplicatesTableModel", "与户主关系"),
    QT_TRANSLATE_NOOP("DuplicatesTableModel", "出生日期"),
    QT_TRANSLATE_NOOP("DuplicatesTableModel", "村"),
    QT_TRANSLATE_NOOP("DuplicatesTableModel", "户编号"),
    QT_TRANSLATE_NOOP("DuplicatesTableModel", "户主"),
    QT_TRANSLATE_NOOP("DuplicatesTableModel", "录入设备"),
)


class DuplicatesTableModel(TextTableModel):
    """Every registration of an ID number registered in two or more households, grouped."""

    context, columns = "DuplicatesTableModel", DUPLICATE_COLUMNS

    def set_groups(self, db: Database, groups: list[list[DuplicatePerson]], lang: str = "zh") -> None:
        """Show these groups (consecutive rows of one group share the ID number)."""
        self.people = [p for group in groups for p in group]
        self.set_rows(
            [
                (
                    p.id_masked,
                    p.name,
                    (label_en if lang == "en" else label)("relation", p.relation or ""),
                    p.birth_date or "",
                    p.village,
                    p.household_no or "",
                    p.head or "",
                    site_name(db, p.created_site, lang),
                )
                for p in self.people
            ]
        )


class DuplicatesDesk(QDialog):
    """Possible duplicates: open either household, compare and merge them, or remove one registration."""

    def __init__(
        self,
        parent: QWidget | None,
        db: Database,
        registry: Any,
        lang: str = "zh",
        open_household: Any = None,
        merged: Any = None,
    ) -> None:
        super().__init__(parent)
        self.db, self.registry, self.lang, self._open, self._merged = db, registry, lang, open_household, merged
        self.setWindowTitle(self.tr("可能重复登记"))
        self.model = DuplicatesTableModel(self)
        self.table = fitted_view(self.model)
        self.summary = QLabel()
        remove = QPushButton(self.tr("删除所选登记（保留另一户的）…"))
        remove.clicked.connect(lambda: self.remove_selected())
        show = QPushButton(self.tr("打开所选的户"))
        show.clicked.connect(lambda: self._open and self.current() and self._open(self.current().household_id))
        compare = QPushButton(self.tr("比较并合并两户…"))
        compare.clicked.connect(lambda: self.merge_selected())
        member = QPushButton(self.tr("合并同一人的两条登记…"))
        member.clicked.connect(lambda: self.merge_selected(members=True))
        enable_with_selection(self.table, remove, show, compare, member)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.table)
        row = QHBoxLayout()
        for widget in (show, compare, member, remove):
            row.addWidget(widget)
        row.addStretch()
        row.addWidget(close)
        layout.addLayout(row)
        self.resize(980, 380)
        self.reload()

    def reload(self) -> None:
        """Re-read the duplicates."""
        groups = duplicate_groups(self.db.conn)
        self.model.set_groups(self.db, groups, self.lang)
        self.summary.setText(
            self.tr("{n} 个证件号码登记在两户或更多户中。同步不会自动覆盖：请比较后合并，或删除错误的登记。").format(
                n=len(groups)
            )
            if groups
            else self.tr("没有发现重复登记。")
        )

    def current(self) -> DuplicatePerson | None:
        """The selected registration."""
        rows = self.table.selectionModel().selectedRows()
        return self.model.people[rows[0].row()] if rows else None

    def merge_selected(self, members: bool = False) -> bool:
        """Compare the selected registration's household (B) with the other one's (A) and merge them, or
        (``members``) merge the two member records of the person; True when merged."""
        from ui.merge_dialog import merge_registration

        person = self.current()
        if person is None or not merge_registration(self, self.registry, person.member_id, members, self.lang):
            return False
        self.reload()
        if self._merged:
            self._merged()
        return True

    def remove_selected(self) -> bool:
        """Delete the selected member record (a normal, logged delete) after asking."""
        person = self.current()
        if person is None:
            return False
        question = self.tr("从 {village} {head} 户中删除 {name} 的这条登记吗？另一户的登记保留。").format(
            village=person.village, head=person.head or "", name=person.name
        )
        if not messages.confirm(self, self.tr("删除重复登记"), question):
            return False
        try:
            self.registry.delete_member(person.member_id)
        except JiandangError as error:
            messages.show_error(self, error.message(self.lang))
            return False
        self.reload()
        return True

    @classmethod
    def ask(
        cls,
        parent: QWidget | None,
        db: Database,
        registry: Any,
        lang: str = "zh",
        open_household: Any = None,
        merged: Any = None,
    ) -> None:
        """Show the desk until it is closed; ``merged()`` is called after each merge (to refresh the window)."""
        cls(parent, db, registry, lang, open_household, merged).exec()
