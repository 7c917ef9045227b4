"""The 收入 page: one record per year; totals and 年人均纯收入 computed live and compared to the poverty line."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QPushButton, QSpinBox, QVBoxLayout, QWidget

from models.errors import Problem
from models.field_hints import derived_hint
from models.household_form import HouseholdForm, IncomeSize
from models.incomes import derive_income, poverty_line
from models.registry import Registry
from models.validation import validate_income
from models.warnings import working_year
from ui.code_labels import CodeLabels
from ui.field_widgets import Form, form_layout, rich_tip

LEFT = ("wage", "business", "business_expense", "asset_dividend", "other_property")
RIGHT = ("family_planning", "dibao", "tekun", "pension", "eco_compensation", "other_transfer")


class IncomePage(QWidget):
    """Edit the income of one year at a time; the others are kept as they were typed."""

    changed = Signal()

    def __init__(
        self,
        registry: Registry,
        labels: CodeLabels,
        lang: str,
        size: Callable[[int], IncomeSize],
        standard: Callable[[], str | None],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.registry, self.lang = registry, lang
        self._size, self._standard = size, standard
        self.incomes: dict[int, dict[str, Any]] = {}
        self._year: int | None = None
        self.form = Form(LEFT + RIGHT, labels, lang, table="incomes")
        self.years = QComboBox()
        self.new_year = QSpinBox()
        self.new_year.setRange(2000, 2100)
        self.new_year.setValue(working_year(registry.conn) - 1)  # incomes are last year's
        self.add_button = QPushButton(self.tr("添加年度(&Y)"))
        self.add_button.clicked.connect(lambda: self.add_year(self.new_year.value()))
        self.totals = QLabel()
        self.totals.setWordWrap(True)
        size_hint = self.tr("家庭人口按该年 12 月 31 日在户的成员计算；已保存且金额未改的年度沿用记录的人数。")
        hints = f"{derived_hint('net_income', lang)} {derived_hint('per_capita', lang)} {size_hint}"
        self.totals.setToolTip(rich_tip(hints))
        self.verdict = QLabel()
        self._build()
        self.years.currentIndexChanged.connect(self._year_chosen)
        self.form.connect_changed(self._edited)

    def _build(self) -> None:
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("年度：")))
        top.addWidget(self.years)
        top.addSpacing(24)
        top.addWidget(self.new_year)
        top.addWidget(self.add_button)
        top.addStretch(1)
        columns = QHBoxLayout()
        for names in (LEFT, RIGHT):
            layout = form_layout()
            self.form.add_rows(layout, names)
            columns.addLayout(layout, 1)
        outer = QVBoxLayout(self)
        outer.addLayout(top)
        outer.addLayout(columns)
        outer.addWidget(self.totals)
        outer.addWidget(self.verdict)
        outer.addStretch(1)

    def load(self, data: HouseholdForm) -> None:
        self.incomes = {year: dict(items) for year, items in data.incomes.items()}
        self._year = None
        self._fill_years(max(self.incomes) if self.incomes else None)

    def store(self, data: HouseholdForm) -> None:
        self._keep_current()
        data.incomes = {year: dict(items) for year, items in self.incomes.items()}

    def add_year(self, year: int) -> None:
        """Start the record of a year (or go to it when it exists)."""
        self._keep_current()
        if year not in self.incomes:
            self.incomes[year] = {}
            self.changed.emit()
        self._fill_years(year)

    def _fill_years(self, chosen: int | None) -> None:
        self.years.blockSignals(True)
        self.years.clear()
        for year in sorted(self.incomes, reverse=True):
            self.years.addItem(self.tr("{year} 年").format(year=year), year)
        self.years.setCurrentIndex(max(0, self.years.findData(chosen)))
        self.years.blockSignals(False)
        self._year_chosen()

    def _keep_current(self) -> None:
        if self._year is not None:
            self.incomes[self._year] = self.form.values()

    def _year_chosen(self) -> None:
        self._keep_current()
        self._year = self.years.currentData()
        self.form.set_values(self.incomes.get(self._year, {}) if self._year is not None else {})
        for box in self.form.boxes.values():
            box.setEnabled(self._year is not None)
        self._mark()
        self.refresh_totals()

    def showEvent(self, event: QShowEvent) -> None:
        """Recount when the page comes into view: members may have changed on their page meanwhile."""
        super().showEvent(event)
        self.refresh_totals()

    def show_year(self, year: int) -> None:
        """Show the income of ``year`` (when it is recorded)."""
        index = self.years.findData(year)
        if index >= 0:
            self.years.setCurrentIndex(index)

    def _edited(self) -> None:
        self._keep_current()
        self._mark()
        self.refresh_totals()
        self.changed.emit()

    def _mark(self) -> None:
        """Mark at once the fields of the year on screen that are not a number (or negative)."""
        values = {**self.form.values(), "year": self._year} if self._year is not None else {}
        self.form.show_problems(validate_income(values) if values else [])

    def refresh_totals(self) -> None:
        """Recompute 财产性/转移性收入, 家庭纯收入 and 年人均纯收入 and compare with that year's line."""
        if self._year is None:
            self.totals.setText(self.tr("还没有收入记录：选择年度后点“添加年度”。"))
            self.verdict.setText("")
            return
        size = self._size(self._year)
        people = size.population
        try:
            totals = derive_income(self.form.values(), people)
        except ArithmeticError:  # a field that is not a number: its own message says so
            totals = {"property_income": None, "transfer_income": None, "net_income": None, "per_capita": None}
        self.totals.setText(self._totals_text(totals, size))
        line = poverty_line(self.registry.conn, self._year, self._standard())
        self.verdict.setText(self._verdict(totals["per_capita"], line))

    def _totals_text(self, totals: dict[str, float | None], size: IncomeSize) -> str:
        def money(value: float | None) -> str:
            return "—" if value is None else f"{value:,.2f}"

        return self.tr(
            "财产性收入 {p} 元　转移性收入 {t} 元　家庭纯收入 {n} 元　家庭人口 {people} 人（{when}）　"
            "年人均纯收入 {c} 元"
        ).format(
            p=money(totals["property_income"]),
            t=money(totals["transfer_income"]),
            n=money(totals["net_income"]),
            people=size.population,
            when=self._size_note(size),
            c=money(totals["per_capita"]),
        )

    def _size_note(self, size: IncomeSize) -> str:
        """Which year the household size is of, and the size recorded before when saving will change it."""
        when = self.tr("{year} 年").format(year=self._year)
        if size.stored is None or size.stored == size.population:
            return when
        return self.tr("{when}，原记录 {stored} 人").format(when=when, stored=size.stored)

    def _verdict(self, per_capita: float | None, line: float | None) -> str:
        if line is None:
            return self.tr("{year} 年没有贫困线，请在“设置”中填写。").format(year=self._year)
        if per_capita is None:
            return self.tr("{year} 年贫困线 {line:,.0f} 元。").format(year=self._year, line=line)
        above = per_capita > line
        colour = "#2e7d32" if above else "#c62828"
        verdict = self.tr("高于贫困线") if above else self.tr("不高于贫困线")
        text = self.tr("{year} 年贫困线 {line:,.0f} 元：{verdict}").format(year=self._year, line=line, verdict=verdict)
        return f'<span style="color:{colour}">{text}</span>'

    def show_problems(self, problems: list[Problem]) -> list[Problem]:
        mine = [p for p in problems if p.record == f"income:{self._year}"]
        self.form.show_problems(mine)
        return [p for p in problems if not p.record.startswith("income:")] + [
            p for p in problems if p.record.startswith("income:") and p.record != f"income:{self._year}"
        ]
