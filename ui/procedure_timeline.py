"""A household's procedures as a timeline (done steps, the next one, what is left) and its exit test.

``ProcedureTimeline`` is a widget the household editor can embed:
``timeline.set_household(conn, household_id, year)``. ``TimelineDialog.ask``
shows it on its own.
"""

from __future__ import annotations

import sqlite3

from PySide6.QtGui import QBrush, QColor, QFont
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QSpinBox,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from models.exit_test import exit_test
from models.procedure_state import ProcedureState
from models.procedure_steps import procedure_title
from models.procedure_views import timeline

DONE, NEXT, LATER, BAD = QColor("#2E7D32"), QColor("#1565C0"), QColor("#9E9E9E"), QColor("#B00020")
MARKS = {"pass": "✓", "fail": "✗", "unknown": "?"}


class ProcedureTimeline(QWidget):
    """Every procedure of the household in a year, step by step, and the exit test item by item."""

    def __init__(self, lang: str = "zh", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._lang = lang
        self.steps = QTreeWidget()
        self.steps.setHeaderLabels(
            [self.tr("步骤"), self.tr("日期"), self.tr("办理人/会议"), self.tr("表决"), self.tr("备注")]
        )
        self.exit_items = QTreeWidget()
        self.exit_items.setHeaderLabels([self.tr("脱贫标准"), self.tr("结果"), self.tr("依据")])
        self.empty = QLabel()
        layout = QVBoxLayout(self)
        layout.addWidget(self.empty)
        layout.addWidget(self.steps, 3)
        layout.addWidget(self.exit_items, 2)
        for tree, widths in ((self.steps, (230, 90, 150, 120)), (self.exit_items, (220, 80))):
            for column, width in enumerate(widths):
                tree.setColumnWidth(column, width)

    def set_household(self, conn: sqlite3.Connection, household_id: str, year: int) -> None:
        """Show the household's procedures and exit test for ``year``."""
        self.steps.clear()
        states = timeline(conn, household_id, year)
        self.empty.setText("" if states else self.tr("该户 {year} 年没有程序记录。").format(year=year))
        self.empty.setVisible(not states)
        for current in states:
            self._procedure(current)
        self.steps.expandAll()
        self.exit_items.clear()
        for item in exit_test(conn, household_id, year):
            row = QTreeWidgetItem(
                [item.title(self._lang), f"{MARKS[item.status]} {self._verdict(item.status)}", item.detail(self._lang)]
            )
            colour = DONE if item.status == "pass" else (BAD if item.status == "fail" else LATER)
            row.setForeground(1, QBrush(colour))
            row.setToolTip(2, item.detail(self._lang))
            self.exit_items.addTopLevelItem(row)

    def _verdict(self, status: str) -> str:
        return {"pass": self.tr("通过"), "fail": self.tr("未通过"), "unknown": self.tr("未知")}[status]

    def _procedure(self, current: ProcedureState) -> None:
        top = QTreeWidgetItem(
            [f"{procedure_title(current.procedure, self._lang)} {current.year}", "", "", "", self._summary(current)]
        )
        font = QFont()
        font.setBold(True)
        top.setFont(0, font)
        self.steps.addTopLevelItem(top)
        done = {e.step_id: e for e in current.done}
        for step in current.steps:
            event = done.get(step.step_id)
            if event is not None:
                row = QTreeWidgetItem(
                    [
                        f"✓ {step.title(self._lang)}",
                        event.event_date,
                        event.actor or "",
                        _votes(event.votes),
                        event.note or "",
                    ]
                )
                colour = DONE
            elif current.next_step == step:
                row = QTreeWidgetItem([f"➜ {step.title(self._lang)}", "", "", "", self.tr("下一步")])
                row.setFont(0, font)
                colour = NEXT
            else:
                row = QTreeWidgetItem([f"○ {step.title(self._lang)}", "", "", "", ""])
                colour = LATER
            row.setForeground(0, QBrush(colour))
            top.addChild(row)
        for objection in current.open_objections:
            row = QTreeWidgetItem(
                [self.tr("⚠ 未处理的异议"), objection.raised_date, objection.raised_by or "", "", objection.content]
            )
            row.setForeground(0, QBrush(BAD))
            top.addChild(row)

    def _summary(self, current: ProcedureState) -> str:
        if current.completed:
            return self.tr("已完成")
        if current.closed and current.closed_by is not None:
            return self.tr("已退出：{reason}").format(reason=current.closed_by.note or "")
        return self.tr("进行中：{done}/{total} 步").format(done=len(current.done), total=len(current.steps))


def _votes(votes: dict[str, int] | None) -> str:
    if not votes:
        return ""
    return f"{votes.get('for', 0)} : {votes.get('against', 0)} : {votes.get('abstain', 0)}"


class TimelineDialog(QDialog):
    """The timeline of one household, with a year chooser."""

    def __init__(
        self,
        conn: sqlite3.Connection,
        household_id: str,
        title: str,
        year: int,
        lang: str = "zh",
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("程序进度 — {title}").format(title=title))
        self._conn, self._household = conn, household_id
        self.year = QSpinBox(minimum=2010, maximum=2100, value=year)
        self.timeline = ProcedureTimeline(lang, self)
        bar = QHBoxLayout()
        bar.addWidget(QLabel(self.tr("年度")))
        bar.addWidget(self.year)
        bar.addStretch(1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.timeline)
        layout.addWidget(buttons)
        self.year.valueChanged.connect(self.reload)
        self.resize(860, 620)
        self.reload()

    def reload(self) -> None:
        """Show the chosen year."""
        self.timeline.set_household(self._conn, self._household, self.year.value())

    @classmethod
    def ask(
        cls,
        parent: QWidget | None,
        conn: sqlite3.Connection,
        household_id: str,
        title: str,
        year: int,
        lang: str = "zh",
    ) -> None:
        """Show the timeline until closed."""
        cls(conn, household_id, title, year, lang, parent).exec()
