"""A 户编号 belongs to one household: typing another household's number is refused, naming that household."""

from __future__ import annotations

import pytest

from models.errors import ValidationFailed
from models.registry import Registry
from tests.models.conftest import VILLAGE, family


def test_another_households_number_is_refused_and_nothing_is_written(registry: Registry) -> None:
    first = registry.create_household({"village_code": VILLAGE, "household_no": "6211210009"}, family())
    with pytest.raises(ValidationFailed) as refused:
        registry.create_household({"village_code": VILLAGE, "household_no": "6211210009"}, family(3))
    [found] = refused.value.problems
    assert found.field == "household_no" and "6211210009 已是文峰村张三户的户编号" in found.message_zh
    assert "already belongs to 张三 (文峰村)" in found.message_en
    assert registry.conn.execute("SELECT COUNT(*) FROM households").fetchone()[0] == 1
    second = registry.create_household({"village_code": VILLAGE, "household_no": "6211210010"}, family(3))
    with pytest.raises(ValidationFailed):
        registry.update_household(second, {"household_no": " 6211210009 "})
    registry.update_household(first, {"household_no": "6211210009", "phone": "13800000000"})  # its own number


def test_households_without_a_number_yet_are_fine(registry: Registry) -> None:
    for seq in (1, 2):
        registry.create_household({"village_code": VILLAGE, "household_no": ""}, family(seq))
    registry.create_household({"village_code": VILLAGE}, family(3))
    assert registry.conn.execute("SELECT COUNT(*) FROM households").fetchone()[0] == 3


def test_numbers_are_compared_within_a_village(registry: Registry) -> None:
    """A registry numbering households per village uses 0001 in every village."""
    from tests.models.conftest import OTHER_VILLAGE

    registry.create_household({"village_code": VILLAGE, "household_no": "0001"}, family(1))
    registry.create_household({"village_code": OTHER_VILLAGE, "household_no": "0001"}, family(2))
    assert registry.conn.execute("SELECT COUNT(*) FROM households").fetchone()[0] == 2


def test_households_already_sharing_a_number_stay_editable_and_mergeable(registry: Registry) -> None:
    """Two laptops entered one family offline under one number: both can still be edited, and merged."""
    from models.merge_plan import plan_merge

    first = registry.create_household({"village_code": VILLAGE, "household_no": "6211210009"}, family())
    second = registry.create_household({"village_code": VILLAGE, "household_no": "6211210010"}, family(3))
    registry.conn.execute("UPDATE households SET household_no = '6211210009' WHERE id = ?", (second,))
    registry.update_household(first, {"phone": "13800000000"})
    registry.update_household(second, {"household_no": "6211210009", "phone": "13900000000"})
    assert [p.code for p in plan_merge(registry, first, second).refusals if p.field == "household_no"] == []
