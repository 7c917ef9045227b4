"""Recording an objection raised during a notice, and resolving one."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QDateEdit,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QPlainTextEdit,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from models.procedure_state import Objection
from models.procedure_views import household_lines, households_at_notice
from ui import messages
from ui.pickers import ProcedureFormDialog, add_households, ok_cancel, submitted


@dataclass(frozen=True)
class ObjectionRequest:
    """An objection to record."""

    household_id: str
    procedure: str
    content: str
    raised_by: str | None
    raised_date: str
    notice_id: str | None
    year: int


@dataclass(frozen=True)
class ResolveRequest:
    """How an objection was resolved."""

    objection_id: str
    upheld: bool
    resolution: str
    date: str
    resolved_by: str | None


class ObjectionDialog(ProcedureFormDialog[ObjectionRequest]):
    """Procedure, village and year list the households on a notice; who objected, when, and what."""

    def build(self) -> None:
        """The household, who objected, when and what, below the pickers."""
        self.setWindowTitle(self.tr("登记异议"))
        self.household = QComboBox()
        self.raised_by = QLineEdit(placeholderText=self.tr("提出人（可匿名）"))
        self.date = QDateEdit(QDate.currentDate(), calendarPopup=True, displayFormat="yyyy-MM-dd")
        self.content = QPlainTextEdit(placeholderText=self.tr("异议的内容"))
        self.notice = QLineEdit(placeholderText=self.tr("公示存档编号（可不填）"))
        form = QFormLayout()
        for label, widget in (
            (self.tr("程序"), self.procedure),
            (self.tr("村"), self.village),
            (self.tr("年度"), self.year),
            (self.tr("被异议户"), self.household),
            (self.tr("提出人"), self.raised_by),
            (self.tr("提出日期"), self.date),
            (self.tr("异议内容"), self.content),
            (self.tr("所针对的公示"), self.notice),
        ):
            form.addRow(label, widget)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(ok_cancel(self, self.tr("登记")))
        for signal in (self.procedure.currentIndexChanged, self.village.currentIndexChanged, self.year.valueChanged):
            signal.connect(self.reload)
        self.resize(520, 460)
        self.reload()

    def reload(self) -> None:
        """Offer the households of the village at the notice stage of the procedure."""
        self.household.clear()
        village = self.village.currentData()
        if not village:
            return
        ids = households_at_notice(self._conn, self.procedure.currentData(), village, self.year.value())
        add_households(self.household, household_lines(self._conn, ids))

    def request(self) -> ObjectionRequest:
        """The objection as entered."""
        return ObjectionRequest(
            self.household.currentData(),
            self.procedure.currentData(),
            self.content.toPlainText().strip(),
            self.raised_by.text().strip() or None,
            self.date.date().toString("yyyy-MM-dd"),
            self.notice.text().strip() or None,
            self.year.value(),
        )

    def accept(self) -> None:
        """Record through ``submit``; stay open and say why when refused."""
        request = self.request()
        if not request.household_id:
            messages.show_error(self, self.tr("该村没有处于公示阶段的户。"))
            return
        self.submit_request(request)


class ResolveObjectionDialog(QDialog):
    """Upheld (the household leaves the procedure) or rejected (with the reason)."""

    def __init__(
        self,
        objections: list[tuple[Objection, str]],
        lang: str = "zh",
        submit: Callable[[ResolveRequest], object] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("处理异议"))
        self._lang, self._submit = lang, submit
        self.result_request: ResolveRequest | None = None
        self.objection = QComboBox()
        for objection, place in objections:
            self.objection.addItem(f"{place}：{objection.content[:30]}（{objection.raised_date}）", objection.id)
        self.upheld, self.rejected = (
            QRadioButton(self.tr("异议成立，该户退出程序")),
            QRadioButton(self.tr("异议不成立")),
        )
        self.rejected.setChecked(True)
        group = QButtonGroup(self)
        group.addButton(self.upheld)
        group.addButton(self.rejected)
        verdict = QHBoxLayout()
        verdict.addWidget(self.upheld)
        verdict.addWidget(self.rejected)
        self.resolution = QPlainTextEdit(placeholderText=self.tr("核实情况和处理理由（不成立时必填）"))
        self.date = QDateEdit(QDate.currentDate(), calendarPopup=True, displayFormat="yyyy-MM-dd")
        self.resolved_by = QLineEdit(placeholderText=self.tr("处理人或单位"))
        form = QFormLayout()
        form.addRow(self.tr("异议"), self.objection)
        form.addRow(self.tr("结论"), verdict)
        form.addRow(self.tr("处理理由"), self.resolution)
        form.addRow(self.tr("处理日期"), self.date)
        form.addRow(self.tr("处理人"), self.resolved_by)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(ok_cancel(self, self.tr("保存")))
        self.resize(560, 360)

    @classmethod
    def ask(
        cls,
        parent: QWidget | None,
        objections: list[tuple[Objection, str]],
        lang: str = "zh",
        submit: Callable[[ResolveRequest], object] | None = None,
    ) -> ResolveRequest | None:
        """Show the dialog; the resolution once ``submit`` accepted it, or None."""
        dialog = cls(objections, lang, submit, parent)
        return dialog.result_request if dialog.exec() == QDialog.DialogCode.Accepted else None

    def request(self) -> ResolveRequest:
        """The resolution as entered."""
        return ResolveRequest(
            self.objection.currentData(),
            self.upheld.isChecked(),
            self.resolution.toPlainText().strip(),
            self.date.date().toString("yyyy-MM-dd"),
            self.resolved_by.text().strip() or None,
        )

    def accept(self) -> None:
        """Save through ``submit``; stay open and say why when refused."""
        request = self.request()
        if request.objection_id and submitted(self, self._submit, request, self._lang):
            self.result_request = request
            super().accept()
