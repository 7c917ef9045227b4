"""The household editor's field pages: 基本情况, 致贫原因 and 生产生活条件.

Each page has ``load(form)``, ``store(form)``, ``show_problems(problems)`` (returns
what it does not show) and a ``changed`` signal.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QListWidget, QListWidgetItem, QVBoxLayout, QWidget

from models.code_lookup import make_entry
from models.errors import Problem
from models.field_hints import derived_hint
from models.household_form import HouseholdForm
from models.registry import Registry
from ui.code_combo import CodeCombo
from ui.code_labels import CodeLabels
from ui.field_widgets import FieldBox, Form, form_layout, rich_tip

BASIC_LEFT = (
    "village_code",
    "group_id",
    "household_no",
    "phone",
    "bank_name",
    "bank_account",
    "standard",
    "attribute",
    "identified_year",
    "planned_exit_year",
    "exit_year",
)
BASIC_RIGHT = (
    "is_military_family",
    "is_only_child",
    "is_two_daughters",
    "is_relocated",
    "relocation_mode",
    "resettlement_mode",
    "resettlement_place",
    "relocation_keys_received",
    "note",
)
CONDITIONS_LEFT = (
    "land_area",
    "irrigated_area",
    "forest_area",
    "reforested_area",
    "orchard_area",
    "pasture_area",
    "water_area",
    "housing_area",
    "housing_grade",
    "road_distance_km",
    "road_type",
    "fuel_type",
)
CONDITIONS_RIGHT = (
    "production_power",
    "living_power",
    "broadcast_tv",
    "water_difficult",
    "water_safe",
    "sanitary_toilet",
    "in_cooperative",
    "enterprise_led",
    "leader_led",
)


def first_input(page: QWidget) -> QWidget | None:
    """Where Alt+n puts the focus on ``page``: its form's first field that is enabled (on 致贫原因: 主要致贫原因),
    else its table (成员, 帮扶责任人, 帮扶措施, 历史; the steps on 程序), else the first widget Tab reaches."""
    form = getattr(page, "form", None)
    if form is not None:
        first = next((box for box in form.boxes.values() if box.isEnabled() and not box.isHidden()), None)
        if first is not None:
            return first
    table = getattr(page, "table", None) or getattr(page, "steps", None)
    return table if table is not None else _first_in_focus_chain(page)


def _first_in_focus_chain(page: QWidget) -> QWidget | None:
    widget = page.nextInFocusChain()
    while widget is not None and widget is not page:
        if page.isAncestorOf(widget) and widget.isEnabled() and widget.focusPolicy() & Qt.FocusPolicy.TabFocus:
            return widget
        widget = widget.nextInFocusChain()
    return None


class FieldPage(QWidget):
    """A page of household fields in two columns."""

    changed = Signal()

    def __init__(self, form: Form, left: tuple[str, ...], right: tuple[str, ...], parent: QWidget | None = None):
        super().__init__(parent)
        self.form = form
        self.info = QLabel()
        self.info.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        columns = QHBoxLayout()
        for names in (left, right):
            layout = form_layout()
            form.add_rows(layout, names)
            columns.addLayout(layout, 1)
        outer = QVBoxLayout(self)
        outer.addWidget(self.info)
        outer.addLayout(columns)
        outer.addStretch(1)
        self.info.hide()
        form.connect_changed(self.changed.emit)

    def load(self, data: HouseholdForm) -> None:
        self.form.set_values(data.household)

    def store(self, data: HouseholdForm) -> None:
        data.household.update(self.form.values())

    def show_problems(self, problems: list[Problem]) -> list[Problem]:
        return self.form.show_problems(problems)


class BasicPage(FieldPage):
    """Village, group, numbers, bank, identification, family flags, relocation; head, size and status shown."""

    def __init__(self, registry: Registry, labels: CodeLabels, lang: str, parent: QWidget | None = None) -> None:
        self.registry = registry
        villages = [make_entry(r["code"], r["name"], r["name"]) for r in registry.regions() if r["level"] == 5]
        self.village = CodeCombo(villages, lang, show_codes=False)
        self.group = CodeCombo([], lang, show_codes=False)
        form = Form(
            BASIC_LEFT + BASIC_RIGHT, labels, lang, custom={"village_code": self.village, "group_id": self.group}
        )
        super().__init__(form, BASIC_LEFT, BASIC_RIGHT, parent)
        self.info.show()
        self.info.setToolTip(rich_tip(derived_hint("summary", lang)))
        self.village.changed.connect(self._village_changed)

    def _village_changed(self) -> None:
        code = self.village.value()
        groups = self.registry.groups(code) if code and code.isdigit() and len(code) == 12 else []
        self.group.set_entries([make_entry(g["id"], g["name"], g["name"]) for g in groups])

    def load(self, data: HouseholdForm) -> None:
        self.village.set_value(data.household.get("village_code"))
        self._village_changed()
        super().load(data)

    def show_summary(self, head: str, population: int, status: str) -> None:
        """The facts the page does not edit: the head (from the members), the household size, the status."""
        self.info.setText(
            self.tr("户主：{head}　　家庭人口：{population} 人　　当前状态：{status}").format(
                head=head or self.tr("（未指定）"), population=population, status=status or self.tr("（无）")
            )
        )


class ConditionsPage(FieldPage):
    """生产生活条件: land, housing, road, water, power, fuel, toilet, cooperation."""

    def __init__(self, labels: CodeLabels, lang: str, parent: QWidget | None = None) -> None:
        super().__init__(
            Form(CONDITIONS_LEFT + CONDITIONS_RIGHT, labels, lang), CONDITIONS_LEFT, CONDITIONS_RIGHT, parent
        )


class CausesPage(QWidget):
    """主要致贫原因 (one code) and 其他致贫原因 (a checkable list)."""

    changed = Signal()

    def __init__(self, labels: CodeLabels, lang: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.lang = lang
        self.form = Form(("main_cause",), labels, lang)
        self.others = QListWidget()
        for entry in labels.entries("poverty_cause"):
            item = QListWidgetItem(f"{entry.code} {labels.text('poverty_cause', entry.code)}")
            item.setData(Qt.ItemDataRole.UserRole, entry.code)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked)
            self.others.addItem(item)
        self.others_box = FieldBox(self.others)
        layout = form_layout()
        self.form.add_rows(layout)
        label = QLabel(self.tr("其他致贫原因："))
        label.setBuddy(self.others)
        layout.addRow(label, self.others_box)
        hint = QLabel(self.tr("用空格键勾选；本省一般最多填两项致贫原因（含主要原因）。"))
        hint.setWordWrap(True)
        layout.addRow("", hint)
        outer = QVBoxLayout(self)
        outer.addLayout(layout)
        self.form.connect_changed(self.changed.emit)
        self.others.itemChanged.connect(lambda _: self.changed.emit())

    def load(self, data: HouseholdForm) -> None:
        self.form.set_values(data.household)
        self.others.blockSignals(True)
        for row in range(self.others.count()):
            item = self.others.item(row)
            chosen = item.data(Qt.ItemDataRole.UserRole) in data.other_causes
            item.setCheckState(Qt.CheckState.Checked if chosen else Qt.CheckState.Unchecked)
        self.others.blockSignals(False)

    def store(self, data: HouseholdForm) -> None:
        data.household.update(self.form.values())
        data.other_causes = [
            self.others.item(r).data(Qt.ItemDataRole.UserRole)
            for r in range(self.others.count())
            if self.others.item(r).checkState() == Qt.CheckState.Checked
        ]

    def show_problems(self, problems: list[Problem]) -> list[Problem]:
        rest = self.form.show_problems(problems)
        mine = [p for p in rest if p.field == "other_causes"]
        worst = next((p for p in mine if p.severity == "error"), mine[0] if mine else None)
        self.others_box.show_problem(worst.message(self.lang) if worst else "", worst.severity if worst else "")
        return [p for p in rest if p.field != "other_causes"]
