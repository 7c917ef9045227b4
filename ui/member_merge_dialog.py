"""One person registered in two different households: keep record A, choose A or B per field, delete record B."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QDialog, QHBoxLayout, QLabel, QLineEdit, QPushButton, QVBoxLayout, QWidget

from models.changes import table_columns
from models.household_merge import MergeResult
from models.member_merge import MemberMergePlan, merge_members, plan_member_merge
from models.merge_plan import MEMBER_SKIP
from models.merge_text import field_label, field_text, member_home
from ui import messages
from ui.merge_models import FieldChoiceTableModel, FieldRow, comparison_view


class MemberMergeDialog(QDialog):
    """Member record B merged into member record A (in A's household); B's record is deleted."""

    def __init__(
        self, parent: QWidget | None, registry: Any, keep_member_id: str, other_member_id: str, lang: str = "zh"
    ) -> None:
        super().__init__(parent)
        self.registry, self.conn, self.lang = registry, registry.conn, lang
        self.keep_id, self.other_id = keep_member_id, other_member_id
        self.result_: MergeResult | None = None
        self.setWindowTitle(self.tr("合并同一人的两条登记"))
        self.title = QLabel()
        self.title.setWordWrap(True)
        self.model = FieldChoiceTableModel(self, deleting=True)
        self.model.changed.connect(self.update_plan)
        self.table = comparison_view(self.model)
        self.problem = QLabel()
        self.problem.setStyleSheet("color: #b00020")
        self.problem.setWordWrap(True)
        self.reason = QLineEdit()
        self.reason.setPlaceholderText(self.tr("合并原因（必填），例如：已嫁到 B 户，原户未办理离户"))
        self.merge_button = QPushButton(self.tr("合并…"))
        self.merge_button.clicked.connect(lambda: self.merge())
        cancel = QPushButton(self.tr("取消"))
        cancel.clicked.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.problem)
        row = QHBoxLayout()
        row.addWidget(QLabel(self.tr("原因：")))
        row.addWidget(self.reason, 1)
        row.addWidget(self.merge_button)
        row.addWidget(cancel)
        layout.addLayout(row)
        self.resize(760, 560)
        self.plan: MemberMergePlan = plan_member_merge(registry, self.keep_id, self.other_id)
        self._show()

    def _show(self) -> None:
        keep, other = self.plan.pair.keep, self.plan.pair.other
        self.title.setText(
            self.tr("A（保留）：{a} 的登记\nB（删除）：{b} 的登记").format(a=self._home(keep), b=self._home(other))
        )
        rows = []
        for column in table_columns(self.conn, "members"):
            if column in MEMBER_SKIP:
                continue
            a, b = keep.get(column), other.get(column)
            text = lambda value, c=column: field_text(self.conn, "members", c, value, self.lang)  # noqa: E731
            rows.append(FieldRow(column, field_label(column, self.lang), text(a), text(b), a != b))
        self.model.set_fields([r for r in rows if r.a or r.b], set())
        self.update_plan()

    def _home(self, member: dict) -> str:
        return member_home(self.registry, member, self.lang)

    def update_plan(self) -> None:
        """Re-plan with the fields taken from B; show what blocks the merge."""
        self.plan = plan_member_merge(self.registry, self.keep_id, self.other_id, self.model.taken())
        first = self.plan.refusals[0].message(self.lang) if self.plan.refusals else ""
        self.problem.setText(self.tr("不能合并：{reason}").format(reason=first) if first else "")
        self.merge_button.setEnabled(not self.plan.refusals)

    def merge(self) -> bool:
        """Ask, then merge; True when merged (the dialog closes)."""
        reason = self.reason.text().strip()
        if not reason:
            messages.show_error(self, self.tr("请填写合并原因。"))
            return False
        question = self.tr("保留 A 的登记，删除 B 的登记吗？合并结果会同步到各台电脑，不能撤销。")
        self.result_ = messages.confirm_then_run(
            self,
            self.tr("合并同一人的两条登记"),
            question,
            lambda: merge_members(self.registry, self.keep_id, self.other_id, reason, "", self.model.taken()),
            self.lang,
        )
        if self.result_ is None:
            return False
        self.accept()
        return True

    @classmethod
    def ask(
        cls, parent: QWidget | None, registry: Any, keep_member_id: str, other_member_id: str, lang: str = "zh"
    ) -> MergeResult | None:
        """Show the comparison; the merge result, or None when nothing was merged."""
        dialog = cls(parent, registry, keep_member_id, other_member_id, lang)
        dialog.exec()
        return dialog.result_
