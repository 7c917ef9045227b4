"""The household editor's form: validated as a whole and saved in one transaction."""

from __future__ import annotations

import datetime

import pytest

from models.errors import ValidationFailed
from models.exit_test import exit_test
from models.household_form import (
    HouseholdForm,
    IncomeSize,
    check_member,
    income_size,
    live_income,
    load_form,
    save_form,
    validate_form,
)
from models.registry import Registry
from tests.models.conftest import TODAY, VILLAGE, counts, family, person


def new_form(**household) -> HouseholdForm:
    return HouseholdForm(household={"village_code": VILLAGE, "attribute": "1", **household}, members=family())


def test_a_new_household_is_saved_with_members_causes_and_income(registry: Registry) -> None:
    form = new_form(main_cause="01")
    form.other_causes = ["07"]
    form.incomes = {2018: {"wage": "12000", "business_expense": 2000}}
    household_id = save_form(registry, form)
    record = registry.get_household(household_id)
    assert record["household"]["head_name"] == "张三" and record["household"]["population"] == 4
    assert record["other_causes"] == ["07"]
    (income,) = record["incomes"]
    assert (income["year"], income["net_income"], income["per_capita"], income["population"]) == (2018, 10000, 2500, 4)
    assert [m["birth_date"] for m in record["members"]][0] == "1970-03-05"  # filled from the ID number
    assert registry.history(household_id)  # audit trail written


def test_errors_block_saving_and_nothing_is_written(registry: Registry, database) -> None:
    form = new_form()
    number = form.members[1]["id_number"]
    form.members[1]["id_number"] = number[:-1] + ("0" if number[-1] != "0" else "1")  # wrong check digit
    before = counts(database)
    problems = validate_form(registry, form)
    bad = [p for p in problems if p.field == "id_number" and p.severity == "error"]
    assert bad and bad[0].record == "member:1" and bad[0].message_zh.startswith("李梅：")
    with pytest.raises(ValidationFailed):
        save_form(registry, form)
    assert counts(database) == before


def test_warnings_do_not_block_saving(registry: Registry) -> None:
    form = new_form(irrigated_area=5, land_area=2)
    problems = validate_form(registry, form)
    assert [p.code for p in problems] == ["part_exceeds_whole"]
    assert save_form(registry, form)


def test_family_problems_point_at_the_member(registry: Registry) -> None:
    form = new_form()
    form.members[2]["relation"] = "04"  # 之女 for a son
    found = {p.code: p.record for p in validate_form(registry, form)}
    assert found["relation_sex"] == "member:2"
    form.members[0]["relation"] = "03"
    assert {p.code: p.record for p in validate_form(registry, form)}["no_head"] == "members"


def test_editing_updates_only_what_changed_and_removes_members(registry: Registry) -> None:
    household_id = save_form(registry, new_form())
    form = load_form(registry, household_id)
    assert [m["name"] for m in form.members] == ["张三", "李梅", "张小明", "张小丽"]
    form.household["phone"] = "13900000000"
    form.members[3]["education"] = "02"
    form.removed_members.append(form.members.pop(2)["id"])
    form.members.append(person("张小红", "04", datetime.date(2015, 2, 2), False, 1))
    save_form(registry, form, household_id)
    record = registry.get_household(household_id)
    assert record["household"]["phone"] == "13900000000"
    assert [m["name"] for m in record["members"]] == ["张三", "李梅", "张小丽", "张小红"]
    changed = [(e.table, e.action, [c.column for c in e.changes]) for e in registry.history(household_id)]
    assert ("households", "update", ["phone"]) in changed and ("members", "update", ["education"]) in changed
    assert sum(1 for t, a, _ in changed if t == "members" and a == "delete") == 1


def test_a_numbered_household_can_be_edited_and_saved_again(registry: Registry) -> None:
    household_id = save_form(registry, new_form(household_no="6211211032010001"))
    form = load_form(registry, household_id)
    assert validate_form(registry, form, household_id) == []  # its own number is not "taken"
    form.household["phone"] = "13900000000"
    save_form(registry, form, household_id)
    assert registry.get_household(household_id)["household"]["phone"] == "13900000000"
    other = new_form(household_no="6211211032010001")
    other.members = [person("王五", "01", datetime.date(1960, 1, 1), True, 7)]
    assert [p.code for p in validate_form(registry, other)] == ["number_taken"]


def test_an_id_of_another_household_is_found(registry: Registry) -> None:
    first = save_form(registry, new_form())
    other = family(seq=2)[0]
    other["id_number"] = family()[1]["id_number"]
    merged, problems = check_member(registry, other)
    (conflict,) = [p for p in problems if p.code == "id_in_other_household"]
    assert conflict.record == first and "李梅" in conflict.message_zh


def test_live_income_of_a_new_household_uses_the_members_living_in_it(registry: Registry) -> None:
    form = new_form()
    form.incomes = {2019: {"wage": 10000, "dibao": 2000}}
    form.members[3]["in_household"] = 0
    totals = live_income(registry, form, 2019)
    assert (totals["population"], totals["per_capita"]) == (3, 4000)


def shrunk_household(registry: Registry) -> str:
    """A family of four with 2018 income 10,000 (2,500 a person, under 2018's line of 2,995); two children
    left in 2019, so two people live there now."""
    form = new_form(standard="1")
    form.incomes = {2018: {"wage": 10000}}
    household_id = save_form(registry, form)
    members = registry.get_household(household_id)["members"]
    registry.record_member_change(household_id, "08", "2019-03-01", member_id=members[2]["id"])
    registry.record_member_change(household_id, "08", "2019-04-01", member_id=members[3]["id"])
    return household_id


def test_an_old_year_is_shown_with_that_years_household_size(registry: Registry) -> None:
    household_id = shrunk_household(registry)
    shown = live_income(registry, load_form(registry, household_id), 2018, household_id)
    (stored,) = registry.get_household(household_id)["incomes"]
    assert (shown["population"], shown["per_capita"]) == (stored["population"], stored["per_capita"]) == (4, 2500)
    (income,) = [i for i in exit_test(registry.conn, household_id, 2019, today=TODAY) if i.item == "income"]
    assert income.status == "fail" and "2,500.00" in income.detail_zh  # the editor and the exit test agree


def test_changing_an_old_years_amount_keeps_that_years_household_size(registry: Registry) -> None:
    household_id = shrunk_household(registry)
    form = load_form(registry, household_id)
    form.incomes[2018]["wage"] = 10010  # a typo fixed
    form.incomes[2019] = {"wage": 9000}
    assert income_size(registry, form, 2018, household_id) == IncomeSize(4, 4)
    save_form(registry, form, household_id)
    incomes = {r["year"]: r for r in registry.get_household(household_id)["incomes"]}
    assert (incomes[2018]["population"], incomes[2018]["per_capita"]) == (4, 2502.5)
    assert (incomes[2019]["population"], incomes[2019]["per_capita"]) == (2, 4500)


def test_a_year_added_later_counts_the_members_of_that_year(registry: Registry) -> None:
    household_id = shrunk_household(registry)
    baby = person("张小宝", "07", datetime.date(2019, 2, 4), True, 5)
    registry.record_member_change(household_id, "06", "2019-02-04", new_member=baby)
    form = load_form(registry, household_id)
    form.incomes[2017] = {"wage": 8000}
    assert live_income(registry, form, 2017, household_id)["population"] == 4  # not the 3 living there now
    save_form(registry, form, household_id)
    sizes = {r["year"]: r["population"] for r in registry.get_household(household_id)["incomes"]}
    assert sizes == {2017: 4, 2018: 4}


def test_an_id_is_judged_while_typing_only_when_it_can_be_judged() -> None:
    from models.household_form import id_while_typing

    assert id_while_typing("", complete=False) is None
    assert id_while_typing("62112119", complete=False) is None
    assert id_while_typing("6211211970030", complete=True).error == "length"
    assert id_while_typing("62112a", complete=False).error == "chars"
    wrong = id_while_typing("110105194912310021", complete=False)
    assert wrong.error == "check" and "校验位" in wrong.message_zh
    right = id_while_typing("11010519491231002x", complete=False)
    assert right.ok and right.sex == "2" and right.birth_date == datetime.date(1949, 12, 31)
    assert id_while_typing("110105491231002", complete=False) is None
    assert id_while_typing("110105491231002", complete=True).ok


def test_an_unchanged_income_year_keeps_its_recorded_household_size(registry: Registry) -> None:
    form = new_form()
    form.incomes = {2017: {"wage": 8000}, 2018: {"wage": 9000}}
    household_id = save_form(registry, form)
    form = load_form(registry, household_id)
    form.members[3]["in_household"] = 0  # left, but no 离户日期: her years cannot be rebuilt
    form.incomes[2018]["wage"] = 9500
    form.incomes[2019] = {"wage": 9000}
    save_form(registry, form, household_id)
    sizes = {r["year"]: r["population"] for r in registry.get_household(household_id)["incomes"]}
    assert sizes == {2017: 4, 2018: 4, 2019: 3}
