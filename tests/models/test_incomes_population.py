"""家庭人口 of a year: the members living in the household on 31 December, rebuilt from the member history."""

from __future__ import annotations

import datetime

import pytest

from models.incomes import member_present, population_in_year
from models.registry import Registry
from tests.models.conftest import VILLAGE, family, person


@pytest.fixture
def household(registry: Registry) -> str:
    """Head, spouse, son, daughter; the son moves away on 2019-03-01, a baby is born on 2019-02-04."""
    hid = registry.create_household({"village_code": VILLAGE, "standard": "1"}, family())
    son = registry.get_household(hid)["members"][2]["id"]
    registry.record_member_change(hid, "08", "2019-03-01", member_id=son)
    baby = person("张小宝", "07", datetime.date(2019, 2, 4), True, 5)
    registry.record_member_change(hid, "06", "2019-02-04", new_member=baby)
    return hid


def test_a_past_year_counts_who_lived_there_on_31_december(registry: Registry, household: str) -> None:
    assert population_in_year(registry.conn, household, 2018) == 4  # the son still, the baby not yet
    assert population_in_year(registry.conn, household, 2019) == 4  # the baby, no longer the son
    assert population_in_year(registry.conn, household, 2020) == 4


def test_the_current_year_without_departures_is_the_live_count(registry: Registry) -> None:
    hid = registry.create_household({"village_code": VILLAGE, "standard": "1"}, family())
    live = registry.get_household(hid)["household"]["population"]
    assert population_in_year(registry.conn, hid, 2019) == live == 4


def test_a_member_who_married_in_is_not_counted_before(registry: Registry, household: str) -> None:
    bride = person("王芳", "05", datetime.date(1999, 5, 5), False, 6)
    registry.record_member_change(household, "05", "2020-01-10", new_member=bride)
    assert population_in_year(registry.conn, household, 2019) == 4
    assert population_in_year(registry.conn, household, 2020) == 5


def test_a_departure_without_a_date_keeps_the_stored_size(registry: Registry, household: str) -> None:
    registry.set_income(household, 2017, {"wage": 8000})
    daughter = registry.get_household(household)["members"][3]
    registry.update_member(daughter["id"], {"in_household": 0})  # no 离户日期, no change recorded
    assert population_in_year(registry.conn, household, 2017) == 4  # the size stored with 2017's income
    assert population_in_year(registry.conn, household, 2016) == 3  # no record: she counts as gone, as today


def test_member_present_rules() -> None:
    assert member_present({"birth_date": "2019-02-04"}, [], 2018) is False
    assert member_present({"birth_date": "2019-02-04"}, [], 2019) is True
    left = {"in_household": 0, "left_date": "2019-03-01"}
    assert (member_present(left, [], 2018), member_present(left, [], 2019)) == (True, False)
    assert member_present({"in_household": 0}, [], 2018) is None
    arrived = [{"change": "05", "change_date": "2018-10-01"}]
    assert (member_present({}, arrived, 2017), member_present({}, arrived, 2018)) == (False, True)
    gone = [{"change": "01", "change_date": "2018-10-01"}]  # a death recorded; the member has no 离户日期
    assert member_present({"in_household": 0}, gone, 2017) is True
    assert member_present({"in_household": 0}, gone, 2018) is False
    assert member_present({"in_household": 1}, gone, 2018) is None  # ticked 在户 again in the editor: unknown


def test_members_as_edited_are_counted_without_a_database(registry: Registry) -> None:
    members = [{"in_household": 1}, {"in_household": "1", "birth_date": "2019-05-01"}, {"in_household": 0}]
    assert population_in_year(registry.conn, None, 2018, members) == 1
    assert population_in_year(registry.conn, None, 2019, members) == 2
