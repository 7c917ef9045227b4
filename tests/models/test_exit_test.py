"""The exit test on constructed households: each item passing, failing, or unknown with the data behind it."""

from __future__ import annotations

import pytest

from models.errors import NotFoundError
from models.exit_test import ITEMS, exit_test, passes
from models.registry import Registry
from tests.models.conftest import TODAY
from tests.models.poor_households import HIGH, poor_household

READY = {"food_clothing_secure": 1, "housing_grade": "B", "water_safe": 1, "water_difficult": 0}


def verdicts(registry: Registry, hid: str, year: int = 2019) -> dict[str, str]:
    return {i.item: i.status for i in exit_test(registry.conn, hid, year, today=TODAY)}


def item(registry: Registry, hid: str, name: str) -> object:
    return next(i for i in exit_test(registry.conn, hid, 2019, today=TODAY) if i.item == name)


@pytest.fixture
def ready(registry: Registry) -> str:
    """A household that meets every item in 2019."""
    hid = poor_household(registry, **READY)
    registry.set_income(hid, 2018, HIGH)
    for member in registry.get_household(hid)["members"]:
        registry.update_member(member["id"], {"medical_insurance": 1})
    return hid


def test_a_household_meeting_every_item_passes(registry: Registry, ready: str) -> None:
    items = exit_test(registry.conn, ready, 2019, today=TODAY)
    assert [i.item for i in items] == list(ITEMS) and passes(items)
    assert "4,000.00" in items[0].detail_zh and "2,995.00" in items[0].detail_zh and "高于" in items[0].detail_zh


def test_income_below_or_missing(registry: Registry, ready: str) -> None:
    registry.set_income(ready, 2018, {"wage": 4000})  # + business 4000 kept: 8000 / 4 people
    low = item(registry, ready, "income")
    assert low.status == "fail" and "2,000.00" in low.detail_zh and "不高于" in low.detail_zh
    registry.delete_income(ready, 2018)
    registry.delete_income(ready, 2017)
    assert item(registry, ready, "income").status == "unknown"


def test_the_provincial_standard_uses_its_own_line(registry: Registry, ready: str) -> None:
    registry.conn.execute(
        "INSERT INTO poverty_lines(id, year, standard, amount, _hlc, _site) VALUES ('p2', 2018, '2', 4500, 0, 'x')"
    )
    registry.update_household(ready, {"standard": "2"})
    income = item(registry, ready, "income")
    assert income.status == "fail" and "省定标准" in income.detail_zh and "4,500.00" in income.detail_zh


def test_food_and_clothing_flag(registry: Registry, ready: str) -> None:
    registry.update_household(ready, {"food_clothing_secure": 0})
    assert verdicts(registry, ready)["food_clothing"] == "fail"
    registry.update_household(ready, {"food_clothing_secure": None})
    assert verdicts(registry, ready)["food_clothing"] == "unknown"


def test_compulsory_education(registry: Registry, ready: str) -> None:
    daughter = next(m for m in registry.get_household(ready)["members"] if m["name"] == "张小丽")
    registry.update_member(daughter["id"], {"school_status": "01"})
    failed = item(registry, ready, "education")
    assert failed.status == "fail" and "张小丽" in failed.detail_zh
    registry.update_member(daughter["id"], {"school_note": "因病休学，有医院证明"})
    assert verdicts(registry, ready)["education"] == "pass"
    registry.update_member(daughter["id"], {"school_status": None, "school_note": None})
    assert verdicts(registry, ready)["education"] == "unknown"


def test_medical_insurance_for_every_live_member(registry: Registry, ready: str) -> None:
    son = next(m for m in registry.get_household(ready)["members"] if m["name"] == "张小明")
    registry.update_member(son["id"], {"medical_insurance": 0})
    failed = item(registry, ready, "medical")
    assert failed.status == "fail" and "张小明" in failed.detail_zh
    registry.record_member_change(ready, "08", "2019-02-01", member_id=son["id"])  # moved out: no longer counted
    assert verdicts(registry, ready)["medical"] == "pass"


def test_safe_housing_or_relocation_keys(registry: Registry, ready: str) -> None:
    registry.update_household(ready, {"housing_grade": "D"})
    assert item(registry, ready, "housing").status == "fail"
    registry.update_household(ready, {"is_relocated": 1, "relocation_mode": "03", "relocation_keys_received": 1})
    assert item(registry, ready, "housing").status == "pass"
    registry.update_household(ready, {"is_relocated": 0, "relocation_keys_received": 0, "housing_grade": None})
    assert item(registry, ready, "housing").status == "unknown"


def test_safe_drinking_water(registry: Registry, ready: str) -> None:
    registry.update_household(ready, {"water_difficult": 1})
    assert verdicts(registry, ready)["water"] == "fail"
    registry.update_household(ready, {"water_difficult": 0, "water_safe": None})
    assert verdicts(registry, ready)["water"] == "unknown"


def test_an_unknown_household_is_refused(registry: Registry) -> None:
    with pytest.raises(NotFoundError):
        exit_test(registry.conn, "nobody", 2019)
