"""The measure editor of the 帮扶措施 page: one measure, with the micro-credit loan fields for 小额信贷."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLayout,
    QVBoxLayout,
    QWidget,
)

from models.code_lookup import make_entry
from models.codes import MEASURE_TYPE_CATEGORY, MICRO_CREDIT
from models.errors import ERROR, JiandangError, ValidationFailed
from models.helper_list import list_helpers
from models.registry import Registry
from models.validation import validate_loan, validate_measure
from models.warnings import working_year
from ui.code_combo import CodeCombo
from ui.code_labels import CodeLabels
from ui.field_widgets import FIELD_STYLE, Form, form_layout
from ui.form_state import reject_asking

MEASURE_LEFT = ("year", "type", "content", "unit", "helper_id", "status", "result", "confirmed")
MEASURE_RIGHT = (
    "fund_fiscal",
    "fund_sector",
    "fund_finance",
    "fund_social",
    "fund_self",
    "planned_start",
    "planned_end",
    "actual_start",
    "actual_end",
)
LOAN_FIELDS = (
    "borrower_id",
    "amount",
    "bank",
    "loan_date",
    "term_months",
    "due_date",
    "interest_subsidy",
    "repayment_status",
)


class MeasureDialog(QDialog):
    """Edit one measure; the loan group is shown for 扶贫小额信贷. Warnings are shown once before saving."""

    def __init__(
        self,
        registry: Registry,
        labels: CodeLabels,
        lang: str,
        household_id: str,
        members: list[dict],
        measure: dict[str, Any] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.registry, self.labels, self.lang = registry, labels, lang
        self.household_id, self.measure = household_id, measure or {}
        self.members = members
        self._warned: set[str] = set()
        self.setWindowTitle(self.tr("帮扶措施"))
        self.setStyleSheet(FIELD_STYLE)
        helpers = [make_entry(h["id"], h["name"], h["name"]) for h in list_helpers(registry.conn)]
        people = [make_entry(m["id"], m["name"], m["name"]) for m in members if m.get("id")]
        self.form = Form(
            MEASURE_LEFT + MEASURE_RIGHT,
            labels,
            lang,
            table="measures",
            custom={"helper_id": CodeCombo(helpers, lang, show_codes=False)},
        )
        self.loan_form = Form(
            LOAN_FIELDS,
            labels,
            lang,
            table="loans",
            custom={
                "borrower_id": CodeCombo(people, lang, show_codes=False),
                "repayment_status": CodeCombo(labels.entries("repayment_status"), lang),
            },
        )
        self.category = QLabel()
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self._build()
        self.form.set_values({"year": working_year(registry.conn), "status": "1", **self.measure})
        self.loan_form.set_values(self.measure.get("loan") or {})
        self.form.editor("type").changed.connect(self._type_changed)
        self._type_changed()
        self._snapshot = self._typed()
        self.resize(820, self.sizeHint().height())

    def _build(self) -> None:
        columns = QHBoxLayout()
        for names in (MEASURE_LEFT, MEASURE_RIGHT):
            layout = form_layout()
            self.form.add_rows(layout, names)
            columns.addLayout(layout, 1)
        self.loan_group = QGroupBox(self.tr("扶贫小额信贷"))
        loan_layout = form_layout()
        self.loan_form.add_rows(loan_layout)
        self.loan_group.setLayout(loan_layout)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.setSizeConstraint(QLayout.SizeConstraint.SetMinimumSize)  # grows with the messages
        layout.addWidget(self.category)
        layout.addLayout(columns)
        layout.addWidget(self.loan_group)
        layout.addWidget(self.summary)
        layout.addWidget(buttons)

    def _type_changed(self) -> None:
        kind = self.form.editor("type").value()
        category = MEASURE_TYPE_CATEGORY.get(str(kind or ""))
        self.category.setText(
            self.tr("五个一批：{category}").format(
                category=self.labels.text("measure_category", category) if category else "—"
            )
        )
        self.loan_group.setVisible(kind == MICRO_CREDIT)

    def values(self) -> tuple[dict[str, Any], dict[str, Any] | None]:
        """The measure's values and, for micro-credit, its loan."""
        values = {k: v for k, v in self.form.values().items()}
        values["household_id"] = self.household_id
        loan = None
        if values.get("type") == MICRO_CREDIT:
            loan = {k: v for k, v in self.loan_form.values().items()}
        return values, loan

    def accept(self) -> None:
        values, loan = self.values()
        problems = validate_measure({**values, "category": None}, self.registry.codes)
        if loan is not None:
            born = next((m.get("birth_date") for m in self.members if m.get("id") == loan.get("borrower_id")), None)
            problems += validate_loan(loan, born, self.registry.codes)
        self._show(problems)
        new_warnings = {p.code for p in problems if p.severity != ERROR} - self._warned
        self._warned |= new_warnings
        if any(p.severity == ERROR for p in problems) or new_warnings:
            return
        try:
            if self.measure.get("id"):
                self.registry.update_measure(self.measure["id"], values, loan)
            else:
                self.registry.create_measure(values, loan)
        except ValidationFailed as failed:
            self._show(failed.problems)
            return
        except JiandangError as error:
            self.summary.setText(error.message(self.lang))
            return
        super().accept()

    def _typed(self) -> tuple[dict[str, Any], dict[str, Any]]:
        return self.form.values(), self.loan_form.values()

    def is_dirty(self) -> bool:
        """True when a field was changed since the dialog opened."""
        return self._typed() != self._snapshot

    def reject(self) -> None:
        """Escape, 取消 or closing: ask before throwing away what was typed."""
        reject_asking(self, self.is_dirty(), self.tr("这条帮扶措施有未保存的输入。保存吗？"))

    def _show(self, problems: list) -> None:
        rest = self.loan_form.show_problems(self.form.show_problems(problems))
        text = "\n".join(p.message(self.lang) for p in rest)
        if any(p.severity != ERROR for p in problems) and not any(p.severity == ERROR for p in problems):
            text += ("\n" if text else "") + self.tr("有提示需要核对；确认无误请再点“确定”保存。")
        self.summary.setText(text)

    @classmethod
    def ask(
        cls,
        parent: QWidget | None,
        registry: Registry,
        labels: CodeLabels,
        lang: str,
        household_id: str,
        members: list[dict],
        measure: dict[str, Any] | None = None,
    ) -> bool:
        """True when the measure was saved."""
        dialog = cls(registry, labels, lang, household_id, members, measure, parent)
        return dialog.exec() == QDialog.DialogCode.Accepted
