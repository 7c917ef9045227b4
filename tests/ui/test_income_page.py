"""The 收入 page shows each year with that year's household size, the one the exit test and statistics use."""

from __future__ import annotations

import datetime

from models.changes import stable_id
from models.registry import Registry
from tests.models.conftest import family
from tests.ui.app_fixtures import VILLAGE, Answers
from ui.household_editor import HouseholdEditor


def shrunk_household(registry: Registry) -> str:
    """Four people in 2018 (income 10,000: 2,500 a person, under the line); both children left in 2019."""
    hid = registry.create_household({"village_code": VILLAGE, "standard": "1", "attribute": "1"}, family())
    registry.set_income(hid, 2018, {"wage": 10000})
    members = registry.get_household(hid)["members"]
    registry.record_member_change(hid, "08", "2019-03-01", member_id=members[2]["id"])
    registry.record_member_change(hid, "08", "2019-04-01", member_id=members[3]["id"])
    return hid


def open_income(qtbot, registry: Registry, hid: str, year: int) -> HouseholdEditor:
    editor = HouseholdEditor(registry, hid)
    qtbot.addWidget(editor)
    editor.show()
    editor.tabs.setCurrentWidget(editor.income)
    editor.income.show_year(year)
    return editor


def test_an_old_year_is_judged_with_that_years_household_size(
    qtbot, village_registry: Registry, answers: Answers
) -> None:
    hid = shrunk_household(village_registry)
    page = open_income(qtbot, village_registry, hid, 2018).income
    assert "家庭人口 4 人（2018 年）" in page.totals.text()
    assert "年人均纯收入 2,500.00 元" in page.totals.text()  # not 5,000.00 for the two living there now
    assert "不高于贫困线" in page.verdict.text()


def test_a_new_year_counts_the_members_of_that_year(qtbot, village_registry: Registry, answers: Answers) -> None:
    hid = shrunk_household(village_registry)
    editor = open_income(qtbot, village_registry, hid, 2018)
    page = editor.income
    page.add_year(2019)
    qtbot.keyClicks(page.form.editor("wage"), "9000")
    assert "家庭人口 2 人（2019 年）" in page.totals.text() and "年人均纯收入 4,500.00 元" in page.totals.text()
    qtbot.keyClicks(page.form.editor("wage"), "0")  # 90000
    assert editor.save()
    sizes = {r["year"]: r["population"] for r in village_registry.get_household(hid)["incomes"]}
    assert sizes == {2018: 4, 2019: 2}


def test_a_size_that_saving_would_correct_is_shown_with_the_recorded_one(
    qtbot, village_registry: Registry, answers: Answers
) -> None:
    hid = shrunk_household(village_registry)
    with village_registry.writing([hid]) as writer:  # as an older version stored it: today's size
        writer.update("incomes", stable_id("income", hid, 2018), {"population": 2})
    page = open_income(qtbot, village_registry, hid, 2018).income
    assert "家庭人口 2 人（2018 年）" in page.totals.text()  # unchanged: what the exit test uses now
    page.form.editor("wage").clear()
    qtbot.keyClicks(page.form.editor("wage"), "10010")
    assert "家庭人口 4 人（2018 年，原记录 2 人）" in page.totals.text()
    assert "年人均纯收入 2,502.50 元" in page.totals.text()


def test_members_changed_on_their_page_are_recounted(qtbot, village_registry: Registry, answers: Answers) -> None:
    hid = village_registry.create_household({"village_code": VILLAGE, "standard": "1", "attribute": "1"}, family())
    editor = open_income(qtbot, village_registry, hid, 2019)
    editor.income.add_year(2019)
    assert "家庭人口 4 人（2019 年）" in editor.income.totals.text()
    editor.tabs.setCurrentWidget(editor.members)
    members = editor.members.model.members
    members[3] = {**members[3], "in_household": 0, "left_date": datetime.date(2019, 5, 1).isoformat()}
    editor.tabs.setCurrentWidget(editor.income)
    assert "家庭人口 3 人（2019 年）" in editor.income.totals.text()
