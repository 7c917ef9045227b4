"""The region tree with household counts."""

from __future__ import annotations

from models.region_tree import region_tree
from models.registry import Registry
from tests.models.conftest import OTHER_VILLAGE, VILLAGE


def test_tree_starts_at_the_township_and_counts_roll_up(registry: Registry) -> None:
    group = registry.groups(VILLAGE)[0]["id"]
    registry.create_household({"village_code": VILLAGE, "group_id": group})
    registry.create_household({"village_code": VILLAGE})
    registry.create_household({"village_code": OTHER_VILLAGE})
    (township,) = region_tree(registry.conn)
    assert (township.name, township.level, township.households) == ("平襄镇", 4, 3)
    wenfeng, shifeng = township.children
    assert (wenfeng.name, wenfeng.households, shifeng.households) == ("文峰村", 2, 1)
    (first_group,) = wenfeng.children
    assert (first_group.name, first_group.group_id, first_group.households) == ("第一村民小组", group, 1)


def test_tree_branches_at_the_county_when_there_are_two_townships(registry: Registry) -> None:
    registry.add_region("621121104", "碧玉镇")
    (county,) = region_tree(registry.conn)
    assert county.name == "通渭县" and [c.name for c in county.children] == ["平襄镇", "碧玉镇"]


def test_scope_chooses_the_top_nodes(registry: Registry) -> None:
    nodes = region_tree(registry.conn, scope=[OTHER_VILLAGE, VILLAGE, "999999999999"])
    assert [n.name for n in nodes] == ["石峰村", "文峰村"]


def test_empty_registry_has_an_empty_tree(database) -> None:
    assert region_tree(database.conn) == []
