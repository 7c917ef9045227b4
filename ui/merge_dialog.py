"""Merging two registrations of one family: compare side by side, choose A or B per field, preview, merge.

A is the household kept, B is merged into it and deleted. Differing fields are
highlighted; ticking B's value takes it. The preview says everything the merge
will do (or why it is refused) before the 合并 button asks for confirmation.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from models.changes import table_columns
from models.household_merge import MergeChoices, MergePlan, MergeResult, merge_households, plan_merge
from models.merge_plan import MEMBER_SKIP
from models.merge_text import field_label, field_text, household_title, preview_lines, twin_registration
from ui import messages
from ui.merge_models import FieldChoiceTableModel, FieldRow, MemberPairsTableModel, comparison_view


class MergeDialog(QDialog):
    """Household B merged into household A, with the clerk's choice of values."""

    def __init__(self, parent: QWidget | None, registry: Any, keep_id: str, other_id: str, lang: str = "zh") -> None:
        super().__init__(parent)
        self.registry, self.conn, self.lang = registry, registry.conn, lang
        self.keep_id, self.other_id = keep_id, other_id
        self.member_taken: dict[str, set[str]] = {}
        self.result_: MergeResult | None = None
        self._pair_row = -1
        self.setWindowTitle(self.tr("比较并合并两户"))
        self.title_a, self.title_b = QLabel(), QLabel()
        swap = QPushButton(self.tr("交换 A 和 B"))
        swap.clicked.connect(lambda: self.swap())
        self.household_model = FieldChoiceTableModel(self)
        self.household_model.changed.connect(self.update_preview)
        self.pairs_model = MemberPairsTableModel(self)
        self.member_model = FieldChoiceTableModel(self)
        self.member_model.changed.connect(self.member_choice_changed)
        self.fields_view = comparison_view(self.household_model)
        self.pairs_view = comparison_view(self.pairs_model)
        self.pairs_view.selectionModel().currentRowChanged.connect(lambda current, _: self.show_pair(current.row()))
        self.member_view = comparison_view(self.member_model)
        self.preview = QPlainTextEdit()
        self.preview.setReadOnly(True)
        self.problem = QLabel()
        self.problem.setStyleSheet("color: #b00020")
        self.problem.setWordWrap(True)
        self.reason = QLineEdit()
        self.reason.setPlaceholderText(self.tr("合并原因（必填），例如：同一户在两台电脑上重复录入"))
        self.merge_button = QPushButton(self.tr("合并…"))
        self.merge_button.clicked.connect(lambda: self.merge())
        cancel = QPushButton(self.tr("取消"))
        cancel.clicked.connect(self.reject)
        self._layout(swap, cancel)
        self.reload(auto_swap=True)

    def _layout(self, swap: QPushButton, cancel: QPushButton) -> None:
        self.tabs = QTabWidget()
        self.tabs.addTab(self.fields_view, self.tr("户信息"))
        members = QWidget()
        column = QVBoxLayout(members)
        column.addWidget(self.pairs_view, 2)
        column.addWidget(QLabel(self.tr("所选成员的各项（两户都登记了同一人时，可逐项选择 A 或 B）：")))
        column.addWidget(self.member_view, 3)
        self.tabs.addTab(members, self.tr("成员"))
        self.tabs.addTab(self.preview, self.tr("合并预览"))
        heads = QHBoxLayout()
        for widget in (self.title_a, self.title_b):
            widget.setWordWrap(True)
            heads.addWidget(widget, 1)
        heads.addWidget(swap)
        layout = QVBoxLayout(self)
        layout.addLayout(heads)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self.problem)
        buttons = QHBoxLayout()
        buttons.addWidget(QLabel(self.tr("原因：")))
        buttons.addWidget(self.reason, 1)
        buttons.addWidget(self.merge_button)
        buttons.addWidget(cancel)
        layout.addLayout(buttons)
        self.resize(900, 620)

    # -- the plan ---------------------------------------------------------------

    def choices(self) -> MergeChoices:
        """The values the clerk took from B."""
        return MergeChoices.of(self.household_model.taken(), self.member_taken)

    def reload(self, auto_swap: bool = False) -> None:
        """Plan again from the stored households and show the comparison."""
        self.plan = plan_merge(self.registry, self.keep_id, self.other_id, self.choices())
        if auto_swap and self.plan.counts["workflow_events"] and not self.plan.counts["events_kept"]:
            self.keep_id, self.other_id = self.other_id, self.keep_id  # keep the household with procedure records
            self.plan = plan_merge(self.registry, self.keep_id, self.other_id)
        plan = self.plan
        self.title_a.setText(self.tr("A（保留）：{name}").format(name=self._title(plan.keep, plan.keep_members)))
        self.title_b.setText(
            self.tr("B（并入 A 后删除）：{name}").format(name=self._title(plan.other, plan.other_members))
        )
        self.household_model.set_fields(self._household_rows(plan), set(self.household_model.taken()))
        self.pairs_model.set_plan(plan, self._describe)
        self.show_pair(-1)
        self.update_preview()

    def update_preview(self) -> None:
        """Re-plan with the current choices; show the preview and what blocks the merge."""
        self.plan = plan_merge(self.registry, self.keep_id, self.other_id, self.choices())
        self.preview.setPlainText("\n".join(preview_lines(self.conn, self.plan, self.lang)))
        first = self.plan.refusals[0].message(self.lang) if self.plan.refusals else ""
        self.problem.setText(self.tr("不能合并：{reason}").format(reason=first) if first else "")
        self.merge_button.setEnabled(self.plan.ok)

    def swap(self) -> None:
        """Keep B instead of A."""
        self.keep_id, self.other_id = self.other_id, self.keep_id
        self.member_taken.clear()
        self.household_model.set_fields([], set())
        self.reload()

    def show_pair(self, row: int) -> None:
        """The fields of the member (pair) in ``row`` of the members table."""
        entries = self.pairs_model.entries
        if not 0 <= row < len(entries):
            self.member_model.set_fields([], set(), False)
            return
        a, b, pair = entries[row]
        columns = [c for c in table_columns(self.conn, "members") if c not in MEMBER_SKIP]
        rows = [self._row("members", c, (a or {}).get(c), (b or {}).get(c), pair is not None) for c in columns]
        taken = self.member_taken.get(str(a["id"]), set()) if pair and a else set()
        self.member_model.set_fields([r for r in rows if r.a or r.b], taken, pair is not None)
        self._pair_row = row

    def member_choice_changed(self) -> None:
        """Remember the choices of the member shown, then re-plan."""
        entries = self.pairs_model.entries
        a = entries[self._pair_row][0] if 0 <= self._pair_row < len(entries) else None
        if a is not None:
            self.member_taken[str(a["id"])] = self.member_model.taken()
        self.update_preview()

    def _household_rows(self, plan: MergePlan) -> list[FieldRow]:
        rows = [
            self._row("households", c, plan.keep.get(c), plan.other.get(c), True)
            for c in table_columns(self.conn, "households")
        ]
        return [r for r in rows if r.a or r.b]

    def _row(self, table: str, column: str, a: Any, b: Any, compare: bool) -> FieldRow:
        text = lambda value: field_text(self.conn, table, column, value, self.lang)  # noqa: E731
        return FieldRow(column, field_label(column, self.lang), text(a), text(b), compare and a != b)

    def _title(self, household: dict, members: tuple) -> str:
        return household_title(self.conn, household, members, self.lang)

    def _describe(self, member: dict) -> tuple[str, str]:
        relation = field_text(self.conn, "members", "relation", member.get("relation"), self.lang)
        left = "" if member.get("in_household") == 1 else self.tr("（已离户）")
        text = (
            f"{member.get('name') or ''}（{relation}）{left}"
            if self.lang != "en"
            else f"{member.get('name')} ({relation}){left}"
        )
        return text, field_text(self.conn, "members", "id_number", member.get("id_number"), self.lang)

    # -- merging ----------------------------------------------------------------

    def merge(self) -> bool:
        """Ask, then merge; True when merged (the dialog closes)."""
        self.update_preview()
        if not self.plan.ok:
            return False
        reason = self.reason.text().strip()
        if not reason:
            messages.show_error(self, self.tr("请填写合并原因。"))
            self.reason.setFocus()
            return False
        question = self.tr("把 B 并入 A，然后删除 B 吗？\n{a}\n{b}\n合并结果会同步到各台电脑，不能撤销。").format(
            a=self.title_a.text(), b=self.title_b.text()
        )
        self.result_ = messages.confirm_then_run(
            self,
            self.tr("合并两户"),
            question,
            lambda: merge_households(self.registry, self.keep_id, self.other_id, reason, "", self.choices()),
            self.lang,
        )
        if self.result_ is None:
            return False
        self.accept()
        return True

    @classmethod
    def ask(
        cls, parent: QWidget | None, registry: Any, keep_id: str, other_id: str, lang: str = "zh"
    ) -> MergeResult | None:
        """Show the comparison; the merge result, or None when nothing was merged."""
        dialog = cls(parent, registry, keep_id, other_id, lang)
        dialog.exec()
        return dialog.result_


def merge_registration(parent: QWidget | None, registry: Any, member_id: str, members: bool, lang: str = "zh") -> bool:
    """From a registration of the duplicates desk: compare its household (B) with the other registration's (A)
    and merge the households, or (``members``) merge the two member records; True when merged."""
    from ui.member_merge_dialog import MemberMergeDialog

    twin = twin_registration(registry.conn, member_id)
    if twin is None:
        messages.show_error(parent, QCoreApplication.translate("MergeDialog", "这个证件号码已不在两户中登记，请刷新。"))
        return False
    if members:
        return MemberMergeDialog.ask(parent, registry, twin[0], member_id, lang) is not None
    household = registry.require("members", member_id)["household_id"]
    return MergeDialog.ask(parent, registry, twin[1], household, lang) is not None
