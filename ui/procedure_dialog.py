"""Recording a procedure step for many households at once (one meeting, one decision)."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QDate
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from models.procedure_steps import steps
from models.procedure_views import candidates, exit_summary, household_lines, step_hints
from ui import messages
from ui.pickers import ProcedureFormDialog, ok_cancel, select_data
from ui.record_table import configured_table
from ui.step_households import StepHouseholdsTableModel

OUTCOMES = (  # marked for lupdate, translated when the combo box is filled
    ("pass", QT_TRANSLATE_NOOP("ProcedureStepDialog", "通过")),
    ("reject", QT_TRANSLATE_NOOP("ProcedureStepDialog", "不通过（退出程序）")),
    ("withdraw", QT_TRANSLATE_NOOP("ProcedureStepDialog", "本户撤回")),
    ("revert", QT_TRANSLATE_NOOP("ProcedureStepDialog", "退回上一步")),
)
VOTE_LABELS = (
    ("present", QT_TRANSLATE_NOOP("ProcedureStepDialog", "应到")),
    ("for", QT_TRANSLATE_NOOP("ProcedureStepDialog", "赞成")),
    ("against", QT_TRANSLATE_NOOP("ProcedureStepDialog", "反对")),
    ("abstain", QT_TRANSLATE_NOOP("ProcedureStepDialog", "弃权")),
)


@dataclass(frozen=True)
class StepRequest:
    """What the dialog asks to record."""

    procedure: str
    step: str
    household_ids: tuple[str, ...]
    event_date: str
    actor: str
    outcome: str
    votes: dict[str, int] | None
    minutes: str | None
    note: str | None
    year: int


class ProcedureStepDialog(ProcedureFormDialog[StepRequest]):
    """Procedure, step, village and year choose the households offered; all are checked to start with.

    ``ask(parent, conn, villages, year, lang, submit, procedure, step)`` preselects the procedure and step.
    """

    def build(self) -> None:
        """The step, outcome and decision fields and the households, below the pickers."""
        self.setWindowTitle(self.tr("登记程序步骤"))
        self.step, self.outcome = QComboBox(), QComboBox()
        for key, text in OUTCOMES:
            self.outcome.addItem(QCoreApplication.translate("ProcedureStepDialog", text), key)
        self.date = QDateEdit(QDate.currentDate(), calendarPopup=True, displayFormat="yyyy-MM-dd")
        self.date.setMaximumDate(QDate.currentDate())
        self.actor = QLineEdit(placeholderText=self.tr("如：村两委、村民代表大会、乡镇扶贫工作站"))
        self.votes = {k: QSpinBox(maximum=100000) for k in ("present", "for", "against", "abstain")}
        self.minutes = QPlainTextEdit(placeholderText=self.tr("会议记录（时间、地点、参会人员、议题、表决情况）"))
        self.note = QLineEdit(placeholderText=self.tr("备注；不通过、退回、撤出，以及申请返贫或销号时必须写明原因"))
        self.model = StepHouseholdsTableModel(self)
        self.table = configured_table(self.model, (170, 80, 100, 44, 90))
        self.count = QLabel()
        self._layout()
        self._connect()
        self._year_changed()
        self._fill_steps()

    def choose(self, procedure: str | None = None, step: str | None = None) -> None:
        """Preselect a procedure and step."""
        super().choose(procedure)
        select_data(self.step, step)

    def _layout(self) -> None:
        form = QFormLayout()
        for label, widget in (
            (self.tr("程序"), self.procedure),
            (self.tr("步骤"), self.step),
            (self.tr("村"), self.village),
            (self.tr("年度"), self.year),
        ):
            form.addRow(label, widget)
        picks = QHBoxLayout()
        for text, on in ((self.tr("全选"), True), (self.tr("全不选"), False)):
            button = QPushButton(text)
            button.clicked.connect(lambda _=False, on=on: self._check_all(on))
            picks.addWidget(button)
        picks.addStretch(1)
        picks.addWidget(self.count)
        left = QVBoxLayout()
        left.addLayout(form)
        left.addLayout(picks)
        left.addWidget(self.table)
        body = QHBoxLayout()
        body.addLayout(left, 5)
        body.addWidget(self._decision(), 3)
        layout = QVBoxLayout(self)
        layout.addLayout(body)
        layout.addWidget(ok_cancel(self, self.tr("登记")))
        self.resize(1080, 640)

    def _decision(self) -> QWidget:
        box = QGroupBox(self.tr("决定"))
        form = QFormLayout(box)
        form.addRow(self.tr("日期"), self.date)
        form.addRow(self.tr("办理人/会议"), self.actor)
        form.addRow(self.tr("结果"), self.outcome)
        self.vote_box = QGroupBox(self.tr("表决票数"))
        votes = QFormLayout(self.vote_box)
        for key, label in VOTE_LABELS:
            votes.addRow(QCoreApplication.translate("ProcedureStepDialog", label), self.votes[key])
        form.addRow(self.vote_box)
        form.addRow(self.tr("会议记录"), self.minutes)
        form.addRow(self.tr("备注/原因"), self.note)
        return box

    def _connect(self) -> None:
        self.procedure.currentIndexChanged.connect(self._fill_steps)
        for signal in (
            self.step.currentIndexChanged,
            self.village.currentIndexChanged,
            self.year.valueChanged,
            self.outcome.currentIndexChanged,
        ):
            signal.connect(self.reload)
        self.date.dateChanged.connect(self._date_changed)
        self.year.valueChanged.connect(self._year_changed)
        self.model.dataChanged.connect(self._count)
        self.model.modelReset.connect(self._count)

    def _fill_steps(self) -> None:
        self.step.blockSignals(True)
        self.step.clear()
        for entry in steps(self.procedure.currentData()):
            self.step.addItem(entry.title(self._lang), entry.step_id)
        self.step.blockSignals(False)
        self.reload()

    def reload(self) -> None:
        """List the households the chosen step can be recorded for."""
        procedure, step, village = self.procedure.currentData(), self.step.currentData(), self.village.currentData()
        if not (procedure and step and village):
            self.model.set_households([])
            return
        outcome, year = self.outcome.currentData(), self.year.value()
        ids = candidates(self._conn, procedure, step, village, year, outcome)
        summaries = {hid: exit_summary(self._conn, hid, year) for hid in ids} if procedure == "exit" else None
        day = self.date.date().toString("yyyy-MM-dd")
        hints = step_hints(self._conn, procedure, ids, year, day, step, self._lang)
        lines = household_lines(self._conn, ids)
        ready = {line.id for line in lines if line.id not in hints}  # those that would be refused start unticked
        self.model.set_households(lines, checked=ready, exit_summaries=summaries, hints=hints)
        kind = next(s.kind for s in steps(procedure) if s.step_id == step)
        self.vote_box.setEnabled(kind == "vote")
        self.table.setColumnHidden(4, procedure != "exit")

    def _year_changed(self) -> None:
        """Keep the date inside the chosen year's procedure (that year or the next): today if it is, else
        the year's last day."""
        year, today = self.year.value(), QDate.currentDate()
        if not year <= self.date.date().year() <= year + 1:
            self.date.setDate(today if year <= today.year() <= year + 1 else QDate(year, 12, 31))

    def _date_changed(self) -> None:
        """The hints depend on the date (a notice period still running): redo them, keeping the ticks."""
        procedure, step = self.procedure.currentData(), self.step.currentData()
        if procedure and step:
            ids = [self.model.row_id(row) for row in range(self.model.row_total())]
            day = self.date.date().toString("yyyy-MM-dd")
            self.model.set_hints(step_hints(self._conn, procedure, ids, self.year.value(), day, step, self._lang))

    def _check_all(self, on: bool) -> None:
        self.model.set_all(on)

    def _count(self) -> None:
        self.count.setText(
            self.tr("已选 {n} / {total} 户").format(n=len(self.model.checked_ids()), total=self.model.rowCount())
        )

    def request(self) -> StepRequest:
        """The request as the form stands."""
        votes = {k: w.value() for k, w in self.votes.items()} if self.vote_box.isEnabled() else None
        if votes is not None and not any(votes.values()):
            votes = None
        return StepRequest(
            self.procedure.currentData(),
            self.step.currentData(),
            tuple(self.model.checked_ids()),
            self.date.date().toString("yyyy-MM-dd"),
            self.actor.text().strip(),
            self.outcome.currentData(),
            votes,
            self.minutes.toPlainText().strip() or None,
            self.note.text().strip() or None,
            self.year.value(),
        )

    def accept(self) -> None:
        """Record through ``submit``; stay open and show the reason when it is refused."""
        request = self.request()
        if not request.household_ids:
            messages.show_error(self, self.tr("请至少选择一户。"))
            return
        if request.outcome in ("reject", "withdraw") and not messages.confirm(
            self,
            self.tr("确认结果"),
            self.tr("将把已选的 {n} 户记录为“{outcome}”，它们会离开本次程序。确定吗？").format(
                n=len(request.household_ids), outcome=self.outcome.currentText()
            ),
        ):
            return
        self.submit_request(request)
