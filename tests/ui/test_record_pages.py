"""Records written at once from the editor: member changes, helper pairings, measures with micro-credit; and
every table model of these pages checked with qtmodeltester."""

from __future__ import annotations

import datetime

import pytest

from models.codes import MICRO_CREDIT
from models.registry import Registry
from tests.ui.app_fixtures import VILLAGE, Answers, id_number, script_dialog
from ui.helpers_page import ChangeHelperDialog
from ui.household_editor import HouseholdEditor
from ui.measure_dialog import MeasureDialog
from ui.member_change_dialog import MemberChangeDialog
from ui.member_dialog import MemberDialog
from ui.settings_tables import CodeValueTableModel, PovertyLineTableModel


@pytest.fixture
def editor(qtbot, village_registry: Registry, answers: Answers) -> HouseholdEditor:
    household = village_registry.create_household(
        {"village_code": VILLAGE, "attribute": "1"},
        [
            {"name": "张三", "relation": "01", "id_number": id_number(datetime.date(1970, 3, 5), True)},
            {"name": "李梅", "relation": "02", "id_number": id_number(datetime.date(1972, 8, 1), False)},
            {"name": "张小明", "relation": "03", "id_number": id_number(datetime.date(1998, 1, 9), True)},
        ],
    )
    village_registry.set_income(household, 2018, {"wage": 9000})
    window = HouseholdEditor(village_registry, household)
    qtbot.addWidget(window)
    window.show()
    return window


def test_a_death_of_the_head_moves_the_headship_and_the_size_follows(
    monkeypatch, editor: HouseholdEditor, village_registry: Registry
) -> None:
    members = {m["name"]: m["id"] for m in editor.members.model.members}

    def death(dialog: MemberChangeDialog) -> bool:
        dialog.change.set_value("01")  # 死亡
        dialog.member.set_value(members["张三"])
        assert not dialog.form.isRowVisible(4)  # no new member for a death
        dialog.accept()  # the head leaves: a new head is required
        assert "新户主" in dialog.message.text() or "户主" in dialog.message.text()
        dialog.new_head.set_value(members["李梅"])
        dialog.date.setText("2019-05-01")
        return True

    script_dialog(monkeypatch, MemberChangeDialog, [death])
    editor.member_change()
    record = village_registry.get_household(editor.household_id)
    assert record["household"]["head_name"] == "李梅" and record["household"]["population"] == 2
    assert "户主：李梅" in editor.basic.info.text() and "家庭人口：2 人" in editor.basic.info.text()
    assert [(c["change"], c["change_date"]) for c in record["member_changes"]] == [("01", "2019-05-01")]
    assert editor.history.model.rowCount() > 0


def test_a_birth_adds_the_new_member(monkeypatch, editor: HouseholdEditor, village_registry: Registry) -> None:
    def birth(dialog: MemberChangeDialog) -> bool:
        dialog.change.set_value("06")  # 新生儿
        assert dialog.form.isRowVisible(4) and not dialog.form.isRowVisible(2)
        dialog.new_button.click()
        return True

    def baby(dialog: MemberDialog) -> bool:
        dialog.form.editor("name").insert("张小宝")
        dialog.form.editor("id_number").setText(id_number(datetime.date(2019, 3, 1), True, 3))
        dialog.form.editor("id_number").editingFinished.emit()
        dialog.form.editor("relation").set_value("07")  # 之孙子
        return True

    script_dialog(monkeypatch, MemberDialog, [baby])
    script_dialog(monkeypatch, MemberChangeDialog, [birth])
    editor.member_change()
    record = village_registry.get_household(editor.household_id)
    assert record["household"]["population"] == 4 and record["members"][-1]["birth_date"] == "2019-03-01"


def test_changing_the_helper_ends_the_old_pairing(
    monkeypatch, editor: HouseholdEditor, village_registry: Registry
) -> None:
    old = village_registry.create_helper({"name": "王帮扶"})
    village_registry.pair_helper(editor.household_id, old, "2018-01-01")
    editor.helpers.load(editor.household_id)

    def new_helper(dialog: ChangeHelperDialog) -> bool:
        dialog.create.setChecked(True)
        dialog.form.editor("name").insert("赵干部")
        dialog.form.editor("phone").setText("13900001111")
        dialog.start.setText("2019-13-01")
        dialog.accept()  # an impossible date is refused before anything is written
        assert "不是有效日期" in dialog.start_box.message.text()
        dialog.start.setText("2019-03-01")
        return True

    script_dialog(monkeypatch, ChangeHelperDialog, [new_helper])
    editor.helpers.change_helper()
    pairings = village_registry.get_household(editor.household_id)["pairings"]
    assert [(p["helper_name"], p["start_date"], p["end_date"]) for p in pairings] == [
        ("王帮扶", "2018-01-01", "2019-03-01"),
        ("赵干部", "2019-03-01", None),
    ]
    model = editor.helpers.model
    assert [model.index(r, 5).data() for r in range(2)] == ["已结束", "当前"]


def test_a_micro_credit_measure_shows_the_loan_fields_and_warns_once(
    monkeypatch, editor: HouseholdEditor, village_registry: Registry
) -> None:
    borrower = next(m["id"] for m in editor.members.model.members if m["name"] == "张三")

    def credit(dialog: MeasureDialog) -> bool:
        dialog.form.editor("type").set_value(MICRO_CREDIT)
        assert not dialog.loan_group.isHidden() and "发展生产" in dialog.category.text()
        dialog.form.editor("content").insert("养羊贷款")
        dialog.loan_form.editor("borrower_id").set_value(borrower)
        dialog.loan_form.editor("amount").setText("60000")
        dialog.loan_form.editor("term_months").setText("36")
        dialog.accept()  # over 50,000: a warning, shown once
        assert dialog.isVisible() and "5 万元" in dialog.loan_form.boxes["amount"].message.text()
        return True

    script_dialog(monkeypatch, MeasureDialog, [credit])
    editor.measures.add_measure()
    (measure,) = village_registry.get_household(editor.household_id)["measures"]
    assert (measure["type"], measure["category"], measure["loan"]["amount"]) == (MICRO_CREDIT, "1", 60000.0)
    assert editor.measures.model.index(0, 8).data() == "60,000.00"


def test_other_measures_hide_the_loan_and_errors_keep_the_dialog_open(
    qtbot, editor: HouseholdEditor, village_registry: Registry
) -> None:
    dialog = MeasureDialog(village_registry, editor.labels, "zh", editor.household_id, editor.members.model.members)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.form.editor("type").set_value("08")  # 危房改造
    assert dialog.loan_group.isHidden()
    dialog.form.editor("planned_start").setText("2019-05-01")
    dialog.form.editor("planned_end").setText("2019-01-01")
    dialog.accept()
    assert dialog.isVisible() and "早于" in dialog.form.boxes["planned_end"].message.text()


@pytest.mark.parametrize("page", ["members", "helpers", "measures", "history"])
def test_page_table_models_pass_the_model_tester(
    qtmodeltester, monkeypatch, editor: HouseholdEditor, village_registry: Registry, page: str
) -> None:
    helper = village_registry.create_helper({"name": "王帮扶", "unit": "县农业局"})
    village_registry.pair_helper(editor.household_id, helper, "2018-01-01")
    village_registry.create_measure(
        {"household_id": editor.household_id, "year": 2019, "type": "01", "status": "2", "fund_fiscal": 1200}
    )
    editor.load(
        __import__("models.household_form", fromlist=["load_form"]).load_form(village_registry, editor.household_id)
    )
    model = getattr(editor, page).model
    assert model.rowCount() > 0
    qtmodeltester.check(model, force_py=True)


def test_settings_table_models_pass_the_model_tester(qtmodeltester, village_registry: Registry) -> None:
    from models.code_lookup import entries
    from models.poverty_lines import poverty_lines
    from ui.code_labels import CodeLabels

    lines = PovertyLineTableModel(CodeLabels(village_registry.conn))
    lines.set_rows([line.__dict__ for line in poverty_lines(village_registry.db)])
    qtmodeltester.check(lines, force_py=True)
    codes = CodeValueTableModel()
    codes.set_rows([e.__dict__ for e in entries(village_registry.conn, "relation")])
    qtmodeltester.check(codes, force_py=True)


def test_new_measures_and_income_years_default_to_the_working_year(
    qtbot, editor: HouseholdEditor, village_registry: Registry
) -> None:
    """A registry working on 2017 (its setting, or its newest data) records 2017's measures and 2016's incomes."""
    from ui.income_page import IncomePage

    village_registry.db.set_setting("current_year", "2017")
    dialog = MeasureDialog(village_registry, editor.labels, "zh", editor.household_id, editor.members.model.members)
    qtbot.addWidget(dialog)
    assert dialog.form.editor("year").value() in (2017, "2017")
    page = IncomePage(village_registry, editor.labels, "zh", lambda: 4, lambda: None)
    qtbot.addWidget(page)
    assert page.new_year.value() == 2016
