"""The clerk's decisions on the conflict desk: one field at a time, and typed values checked like the editors'."""

from __future__ import annotations

import pytest

from models.errors import JiandangError
from models.sync_desk import desk_items
from models.sync_resolve import list_conflicts, resolve_conflict
from models.sync_value import typed_value
from tests.exports.bundle.sites import Site, sync
from tests.models.conftest import VILLAGE, family


@pytest.fixture
def two_field_conflict(township: Site, laptop: Site, laptop2: Site) -> str:
    """Both laptops changed 贫困户属性 and 住房面积 of one household in one save each."""
    hid = laptop.registry.create_household({"village_code": VILLAGE, "attribute": "1"}, family(1))
    sync(laptop, township)
    laptop2.load(township.export(laptop2).path)
    laptop.registry.update_household(hid, {"attribute": "2", "housing_area": 60})
    laptop2.registry.update_household(hid, {"attribute": "3", "housing_area": 80})
    township.load(laptop.export().path)
    township.load(laptop2.export().path)
    return hid


def test_deciding_one_field_leaves_the_other_field_of_the_same_save_open(
    township: Site, laptop: Site, laptop2: Site, two_field_conflict: str
) -> None:
    assert sorted(c.column for c in list_conflicts(township.db)) == ["attribute", "housing_area"]
    attribute = next(c for c in list_conflicts(township.db) if c.column == "attribute")
    resolve_conflict(township.db, attribute, attribute.loser_value, user="clerk")
    assert [item.column for item in desk_items(township.db)] == ["housing_area"]  # after the desk re-checks
    area = list_conflicts(township.db)[0]
    resolve_conflict(township.db, area, area.winner_value, user="clerk")
    assert desk_items(township.db) == []
    for site in (laptop, laptop2):
        site.load(township.export(site).path)
    assert laptop.dump() == laptop2.dump() == township.dump()


def test_a_typed_name_of_a_code_is_stored_as_the_code(township: Site, two_field_conflict: str) -> None:
    assert typed_value(township.db, "households", two_field_conflict, "attribute", " 特困供养贫困户 ") == "3"
    assert typed_value(township.db, "households", two_field_conflict, "housing_area", "75.5") == 75.5
    assert typed_value(township.db, "households", two_field_conflict, "is_military_family", "是") == 1


@pytest.mark.parametrize(
    ("column", "text", "message"),
    [
        ("attribute", "很穷", "不是可选的值"),
        ("housing_area", "八十", "不是数字"),
        ("housing_area", "-5", "不能为负数"),
        ("phone", "1390000000X", "格式不对"),
    ],
)
def test_a_typed_value_the_editor_would_refuse_is_refused(
    township: Site, two_field_conflict: str, column: str, text: str, message: str
) -> None:
    before = township.dump()
    with pytest.raises(JiandangError) as error:
        typed_value(township.db, "households", two_field_conflict, column, text)
    assert message in error.value.message("zh") and error.value.message("en")
    assert township.dump() == before


def test_a_bundle_dated_before_its_import_says_nothing_about_a_slow_clock() -> None:
    """Days on a stick are not a slow clock; a bundle dated after its import is a clock ahead."""
    from exports.bundle_report import format_skew

    three_days = 3 * 86_400_000
    assert format_skew(-three_days) == "未见偏快（数据包写出 3 天后导入）" and "慢" not in format_skew(-three_days)
    assert format_skew(three_days) == "快了至少 3 天"
    assert format_skew(three_days, "en") == "at least 3 days ahead"
    assert format_skew(-20_000) == "未见偏快（数据包写出不到 1 分钟后导入）"


def test_the_desk_shows_both_values_by_name_in_the_interface_language(township: Site, two_field_conflict: str) -> None:
    [attribute] = [i for i in desk_items(township.db, lang="en") if i.column == "attribute"]
    assert {attribute.current, attribute.other} == {"Dibao poor household", "Extreme-poverty support household"}
    [chinese] = [i for i in desk_items(township.db) if i.column == "attribute"]
    assert {chinese.current, chinese.other} == {"低保贫困户", "特困供养贫困户"}
