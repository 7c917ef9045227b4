"""Village groups (村民小组): added, renamed and deleted through the registry; a household's unknown group is
explained, not called "another village's"."""

from __future__ import annotations

import pytest

from models.errors import JiandangError, ValidationFailed
from models.registry import Registry
from tests.models.conftest import OTHER_VILLAGE, VILLAGE, family


def names(registry: Registry, village: str = VILLAGE) -> list[str]:
    return [g["name"] for g in registry.groups(village)]


def logged(registry: Registry) -> int:
    return registry.conn.execute("SELECT COUNT(*) FROM change_log WHERE tbl = 'village_groups'").fetchone()[0]


def test_groups_are_added_after_the_existing_ones_trimmed_and_logged_for_sync(registry: Registry) -> None:
    before = logged(registry)
    registry.add_group(VILLAGE, "  第二村民小组 ")
    registry.add_group(VILLAGE, "第三村民小组")
    assert names(registry) == ["第一村民小组", "第二村民小组", "第三村民小组"]
    assert logged(registry) == before + 2


@pytest.mark.parametrize("name", ["", "   ", "第一村民小组", " 第一村民小组", "组" * 31])
def test_a_blank_taken_or_overlong_name_is_refused_and_nothing_is_written(registry: Registry, name: str) -> None:
    before = logged(registry)
    with pytest.raises(JiandangError) as refused:
        registry.add_group(VILLAGE, name)
    assert refused.value.message_zh and refused.value.message("en") != refused.value.message_zh
    assert names(registry) == ["第一村民小组"] and logged(registry) == before


def test_the_same_name_may_exist_in_another_village(registry: Registry) -> None:
    registry.add_group(OTHER_VILLAGE, "第一村民小组")
    assert names(registry, OTHER_VILLAGE) == ["第一村民小组"]


def test_groups_belong_to_registered_villages_only(registry: Registry) -> None:
    with pytest.raises(JiandangError):
        registry.add_group("621121103299", "一组")
    with pytest.raises(JiandangError):
        registry.add_group("621121103", "一组")  # a township


def test_renaming_keeps_the_households_and_frees_the_old_name(registry: Registry) -> None:
    group = registry.groups(VILLAGE)[0]["id"]
    household = registry.create_household({"village_code": VILLAGE, "group_id": group}, family())
    registry.rename_group(group, "一组")
    assert names(registry) == ["一组"]
    assert registry.get_household(household)["household"]["group_id"] == group
    again = registry.add_group(VILLAGE, "第一村民小组")  # the old name's derived id is still taken by 一组
    assert again != group and names(registry) == ["一组", "第一村民小组"]
    with pytest.raises(JiandangError):
        registry.rename_group(again, "一组")


def test_a_group_with_households_cannot_be_deleted_an_unused_one_can(registry: Registry) -> None:
    used = registry.groups(VILLAGE)[0]["id"]
    registry.create_household({"village_code": VILLAGE, "group_id": used}, family())
    with pytest.raises(JiandangError) as refused:
        registry.delete_group(used)
    assert "1 户" in refused.value.message_zh and "1 households" in refused.value.message("en")
    spare = registry.add_group(VILLAGE, "第二村民小组")
    registry.delete_group(spare)
    assert names(registry) == ["第一村民小组"]
    assert registry.conn.execute("SELECT 1 FROM tombstones WHERE pk = ?", (spare,)).fetchone()
    assert registry.add_group(VILLAGE, "第二村民小组") == spare  # registered again after a mistake


def test_the_group_table_counts_households(registry: Registry) -> None:
    first = registry.groups(VILLAGE)[0]["id"]
    registry.add_group(VILLAGE, "第二村民小组")
    registry.create_household({"village_code": VILLAGE, "group_id": first}, family(1))
    registry.create_household({"village_code": VILLAGE, "group_id": first}, family(2))
    assert [(g["name"], g["households"]) for g in registry.group_table(VILLAGE)] == [
        ("第一村民小组", 2),
        ("第二村民小组", 0),
    ]


def test_villages_lists_only_villages(registry: Registry) -> None:
    assert [v["code"] for v in registry.villages()] == [VILLAGE, OTHER_VILLAGE]


def test_a_typed_group_that_is_not_registered_says_so_and_where_to_add_it(registry: Registry) -> None:
    with pytest.raises(ValidationFailed) as refused:
        registry.create_household({"village_code": VILLAGE, "group_id": "一组"}, family())
    [found] = [p for p in refused.value.problems if p.field == "group_id"]
    assert "不属于" not in found.message_zh
    assert "“一组”尚未登记" in found.message_zh and "设置" in found.message_zh and "村民小组" in found.message_zh
    assert "'一组' is not a registered group" in found.message("en") and "Settings" in found.message("en")


def test_another_villages_group_is_still_called_so(registry: Registry) -> None:
    elsewhere = registry.add_group(OTHER_VILLAGE, "一组")
    with pytest.raises(ValidationFailed) as refused:
        registry.create_household({"village_code": VILLAGE, "group_id": elsewhere}, family())
    [found] = [p for p in refused.value.problems if p.field == "group_id"]
    assert "不属于所选的村" in found.message_zh and "not in this village" in found.message("en")


def test_a_group_registered_from_the_message_is_then_accepted(registry: Registry) -> None:
    group = registry.add_group(VILLAGE, "一组")
    household = registry.create_household({"village_code": VILLAGE, "group_id": group}, family())
    assert registry.get_household(household)["household"]["group_id"] == group
