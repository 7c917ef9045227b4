"""Member changes, incomes with derived totals, yearly status, causes."""

from __future__ import annotations

import datetime

import pytest

from models.errors import JiandangError, ValidationFailed
from models.incomes import derive_income
from models.registry import Registry
from tests.models.conftest import VILLAGE, family, person


@pytest.fixture
def household(registry: Registry) -> str:
    return registry.create_household({"village_code": VILLAGE, "standard": "1"}, family())


def test_net_and_per_capita_income_are_derived_never_typed() -> None:
    items = {"wage": 6000, "business": 3000.5, "asset_dividend": 500, "other_property": 100, "family_planning": 0,
             "dibao": 1200, "tekun": 0, "pension": 600, "eco_compensation": 150.25, "other_transfer": 50,
             "business_expense": 1500}
    totals = derive_income(items, 4)
    assert totals["property_income"] == 600.0
    assert totals["transfer_income"] == 2000.25
    assert totals["net_income"] == 10100.75
    assert totals["per_capita"] == 2525.19
    assert derive_income(items, 0)["per_capita"] is None


def test_income_is_compared_with_that_years_poverty_line(registry: Registry, household: str) -> None:
    registry.set_income(household, 2017, {"wage": 10000, "business_expense": 0})
    registry.set_income(household, 2018, {"wage": 13000})
    incomes = registry.get_household(household)["incomes"]
    assert [(i["year"], i["per_capita"], i["poverty_line"], i["above_line"]) for i in incomes] == [
        (2017, 2500.0, 2952.0, False), (2018, 3250.0, 2995.0, True)]


def test_saving_a_years_income_again_updates_the_same_record(registry: Registry, household: str) -> None:
    first = registry.set_income(household, 2018, {"wage": 1000})
    again = registry.set_income(household, 2018, {"wage": 2000, "pension": 300})
    assert first == again
    [income] = registry.get_household(household)["incomes"]
    assert income["wage"] == 2000 and income["net_income"] == 2300


def test_income_items_must_not_be_negative(registry: Registry, household: str) -> None:
    with pytest.raises(ValidationFailed):
        registry.set_income(household, 2018, {"wage": -5})


def test_income_typed_population_is_ignored_in_favour_of_the_members(registry: Registry, household: str) -> None:
    registry.set_income(household, 2018, {"wage": 4000, "population": 1})
    assert registry.get_household(household)["incomes"][0]["population"] == 4


def test_correcting_an_old_years_income_keeps_that_years_household_size(registry: Registry, household: str) -> None:
    registry.set_income(household, 2018, {"wage": 10000})  # 2,500 a person: under 2018's line
    members = registry.get_household(household)["members"]
    registry.record_member_change(household, "08", "2019-03-01", member_id=members[2]["id"])
    registry.record_member_change(household, "08", "2019-04-01", member_id=members[3]["id"])
    registry.set_income(household, 2018, {"wage": 10010})  # a typo fixed after two members left
    registry.set_income(household, 2019, {"wage": 9000})
    incomes = {i["year"]: i for i in registry.get_household(household)["incomes"]}
    assert (incomes[2018]["population"], incomes[2018]["per_capita"]) == (4, 2502.5)
    assert (incomes[2019]["population"], incomes[2019]["per_capita"]) == (2, 4500)


def test_saving_an_unchanged_income_again_writes_nothing(registry: Registry, household: str) -> None:
    registry.set_income(household, 2018, {"wage": 10000})
    daughter = registry.get_household(household)["members"][3]
    registry.update_member(daughter["id"], {"in_household": 0})
    before = registry.conn.execute("SELECT COUNT(*) FROM change_log").fetchone()[0]
    registry.set_income(household, 2018, {"wage": 10000.0})
    assert registry.conn.execute("SELECT COUNT(*) FROM change_log").fetchone()[0] == before
    assert registry.get_household(household)["incomes"][0]["population"] == 4


def test_a_birth_adds_a_member_and_a_change_record(registry: Registry, household: str) -> None:
    baby = person("张小宝", "07", datetime.date(2019, 4, 1), True, 5)
    member_id = registry.record_member_change(household, "06", "2019-04-01", new_member=baby)
    record = registry.get_household(household)
    assert record["household"]["population"] == 5
    assert record["member_changes"][-1]["member_id"] == member_id
    assert record["member_changes"][-1]["change"] == "06"


def test_a_death_keeps_the_member_on_record_but_out_of_the_household(registry: Registry, household: str) -> None:
    child = registry.get_household(household)["members"][2]
    registry.record_member_change(household, "01", "2019-03-01", member_id=child["id"])
    record = registry.get_household(household)
    gone = next(m for m in record["members"] if m["id"] == child["id"])
    assert gone["in_household"] == 0 and gone["left_reason"] == "01" and gone["left_date"] == "2019-03-01"
    assert record["household"]["population"] == 3


def test_when_the_head_dies_a_new_head_must_be_named(registry: Registry, household: str) -> None:
    members = registry.get_household(household)["members"]
    with pytest.raises(JiandangError, match="新户主"):
        registry.record_member_change(household, "01", "2019-03-01", member_id=members[0]["id"])
    registry.record_member_change(household, "01", "2019-03-01", member_id=members[0]["id"],
                                  new_head_id=members[1]["id"])
    record = registry.get_household(household)
    assert record["household"]["head_name"] == "李梅"


def test_member_change_needs_a_valid_code_and_date(registry: Registry, household: str) -> None:
    member = registry.get_household(household)["members"][2]
    with pytest.raises(ValidationFailed):
        registry.record_member_change(household, "77", "2019-03-01", member_id=member["id"])
    with pytest.raises(ValidationFailed):
        registry.record_member_change(household, "01", "2019-02-30", member_id=member["id"])


def test_status_history_is_one_record_per_year(registry: Registry, household: str) -> None:
    registry.set_status(household, 2016, "05", decided_date="2016-10-01")
    registry.set_status(household, 2017, "01")
    registry.set_status(household, 2018, "03", reason="收入达标")
    registry.set_status(household, 2018, "01")
    assert registry.current_status(household) == {"year": 2018, "status": "01", "reason": None}
    assert len(registry.get_household(household)["status_history"]) == 3
    with pytest.raises(ValidationFailed):
        registry.set_status(household, 2019, "42")


def test_causes_one_main_and_others(registry: Registry, household: str) -> None:
    registry.set_causes(household, "01", ["07"])
    assert registry.get_household(household)["other_causes"] == ["07"]
    registry.set_causes(household, "02", ["09"])
    record = registry.get_household(household)
    assert record["household"]["main_cause"] == "02" and record["other_causes"] == ["09"]
    with pytest.raises(ValidationFailed):
        registry.set_causes(household, "02", ["02"])
    with pytest.raises(ValidationFailed):
        registry.set_causes(household, "77", [])


def test_more_than_two_causes_is_only_a_warning(registry: Registry, household: str) -> None:
    registry.set_causes(household, "01", ["07", "09"])
    assert registry.get_household(household)["other_causes"] == ["07", "09"]


def test_a_refused_newborn_leaves_no_change_record(registry: Registry, household: str) -> None:
    baby = person("张小宝", "04", datetime.date(2019, 4, 1), True, 5)  # 之女 but the ID says male
    with pytest.raises(ValidationFailed):
        registry.record_member_change(household, "06", "2019-04-01", new_member=baby)
    assert registry.get_household(household)["member_changes"] == []
    assert registry.get_household(household)["household"]["population"] == 4
