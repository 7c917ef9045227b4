"""Townships and villages after the first start: a team takes on a second village, corrects a mistyped name,
deletes a village added by mistake; the scope refuses an unregistered code; a renamed village syncs."""

from __future__ import annotations

from pathlib import Path

import pytest

from models import region_admin
from models.errors import JiandangError
from models.registry import Registry
from models.settings import TOWNSHIP, get_setting, set_setting
from tests.models.conftest import OTHER_VILLAGE, VILLAGE, family
from tests.models.sync_helpers import conflicts, pull, replica

NEW_VILLAGE = "621121103203"


def names(registry: Registry) -> dict[str, str]:
    return {r["code"]: r["name"] for r in registry.regions()}


def test_a_second_village_is_registered_offered_to_new_households_and_joins_the_teams_scope(
    registry: Registry,
) -> None:
    region_admin.add_place(registry, "621121103204", "上湾村")
    assert not region_admin.include_in_scope(registry.db, "621121103204")  # no scope: the tree shows every village
    assert get_setting(registry.db, "scope") == []
    set_setting(registry.db, "scope", [VILLAGE])
    region_admin.add_place(registry, f" {NEW_VILLAGE} ", " 柳湾村 ")
    assert names(registry)[NEW_VILLAGE] == "柳湾村"
    assert NEW_VILLAGE in [v["code"] for v in registry.villages()]
    assert region_admin.include_in_scope(registry.db, NEW_VILLAGE)
    assert get_setting(registry.db, "scope") == [VILLAGE, NEW_VILLAGE]
    assert not region_admin.include_in_scope(registry.db, NEW_VILLAGE)  # once is enough
    registry.create_household({"village_code": NEW_VILLAGE}, family())


def test_a_township_clerks_scope_is_left_alone(registry: Registry) -> None:
    set_setting(registry.db, "role", TOWNSHIP)
    set_setting(registry.db, "scope", ["621121103000"])
    region_admin.add_place(registry, NEW_VILLAGE, "柳湾村")
    assert not region_admin.include_in_scope(registry.db, NEW_VILLAGE)
    assert get_setting(registry.db, "scope") == ["621121103000"]


@pytest.mark.parametrize(
    ("code", "name", "says"),
    [
        ("62112110320", "柳湾村", "12 位"),  # 11 digits
        ("6211211032O3", "柳湾村", "12 位"),  # a letter O
        ("621121000000", "通渭县", "12 位"),  # a county, not a township or village
        (NEW_VILLAGE, "  ", "不能为空"),
        (NEW_VILLAGE, "村" * 31, "太长"),
        (OTHER_VILLAGE, "柳湾村", "已登记为“石峰村”"),
        (NEW_VILLAGE, "石峰村", "已有名为“石峰村”的村"),
        ("621121104201", "新村", "乡镇 621121104000 还没有登记"),
    ],
)
def test_a_wrong_code_or_name_is_refused_with_its_reason_and_nothing_is_written(
    registry: Registry, code: str, name: str, says: str
) -> None:
    before = names(registry)
    with pytest.raises(JiandangError) as refused:
        region_admin.add_place(registry, code, name)
    assert says in refused.value.message_zh and refused.value.message("en") != refused.value.message_zh
    assert names(registry) == before


def test_a_township_is_added_by_its_9_digits_then_its_villages(registry: Registry) -> None:
    region_admin.add_place(registry, "621121104", "鸡川镇")
    region_admin.add_place(registry, "621121104201", "新村")
    assert names(registry)["621121104000"] == "鸡川镇" and names(registry)["621121104201"] == "新村"


def test_a_mistyped_village_name_is_corrected_and_kept_in_the_history(registry: Registry) -> None:
    region_admin.add_place(registry, NEW_VILLAGE, "柳弯村")
    assert region_admin.rename_place(registry, NEW_VILLAGE, "柳湾村")
    assert names(registry)[NEW_VILLAGE] == "柳湾村"
    assert not region_admin.rename_place(registry, NEW_VILLAGE, "柳湾村")  # unchanged: nothing written
    logged = registry.conn.execute("SELECT old FROM change_log WHERE tbl = 'regions' AND op = 'update'").fetchall()
    assert len(logged) == 1 and "柳弯村" in logged[0][0]
    valid_from = registry.conn.execute("SELECT valid_from FROM regions WHERE code = ?", (NEW_VILLAGE,)).fetchone()
    assert valid_from == (None,)  # a correction, not an official renaming from some year
    with pytest.raises(JiandangError, match="已有名为“文峰村”"):
        region_admin.rename_place(registry, NEW_VILLAGE, "文峰村")
    region_admin.rename_place(registry, "621121103", "平襄镇人民")  # the township by its 9 digits
    assert names(registry)["621121103000"] == "平襄镇人民"


def test_a_village_in_use_is_not_deleted_an_unused_one_is_and_leaves_the_scope(registry: Registry) -> None:
    registry.create_household({"village_code": VILLAGE}, family())
    with pytest.raises(JiandangError) as refused:
        region_admin.delete_place(registry, VILLAGE)
    assert (
        "1 户、1 个村民小组" in refused.value.message_zh
        and "1 households, 1 village groups" in refused.value.message("en")
    )
    with pytest.raises(JiandangError, match="个下级区划"):
        region_admin.delete_place(registry, "621121103000")
    region_admin.add_place(registry, NEW_VILLAGE, "柳湾村")
    set_setting(registry.db, "scope", [VILLAGE, NEW_VILLAGE])
    region_admin.delete_place(registry, NEW_VILLAGE)
    assert NEW_VILLAGE not in names(registry) and get_setting(registry.db, "scope") == [VILLAGE]
    assert registry.conn.execute("SELECT COUNT(*) FROM tombstones").fetchone()[0] >= 1  # the delete syncs too


def test_an_unregistered_or_malformed_scope_code_is_named_and_points_to_the_page(registry: Registry) -> None:
    problem = region_admin.scope_problem(registry.db, [VILLAGE, NEW_VILLAGE])
    assert problem is not None and NEW_VILLAGE in problem.message_zh and "“乡镇和村”页" in problem.message_zh
    assert "Townships and villages" in problem.message("en")
    assert "12 位" in region_admin.scope_problem(registry.db, ["abc"]).message_zh
    assert region_admin.scope_problem(registry.db, [VILLAGE, "621121103"]) is None
    assert region_admin.normalized_scope(["621121103", VILLAGE]) == ["621121103000", VILLAGE]


def test_the_page_table_counts_households_and_groups(registry: Registry) -> None:
    registry.create_household({"village_code": VILLAGE}, family())
    rows = {r["code"]: r for r in region_admin.place_table(registry.db)}
    assert set(rows) == {"621121103000", VILLAGE, OTHER_VILLAGE}  # the county and province are not listed
    assert (rows[VILLAGE]["households"], rows[VILLAGE]["groups"]) == (1, 1)
    assert rows["621121103000"]["households"] == 1 and rows[OTHER_VILLAGE]["households"] == 0


def _township_and_laptop(tmp_path: Path) -> tuple[Registry, Registry]:
    township = Registry(replica(tmp_path / "township.db"))
    township.add_region("621121103", "平襄镇")
    township.add_region(VILLAGE, "文锋村")
    laptop = Registry(replica(tmp_path / "laptop.db", township=township.db.site_id))
    pull(laptop.db, township.db)
    return township, laptop


def test_a_name_corrected_on_a_laptop_reaches_the_township_and_a_village_added_there_too(tmp_path: Path) -> None:
    township, laptop = _township_and_laptop(tmp_path)
    region_admin.rename_place(laptop, VILLAGE, "文峰村")
    region_admin.add_place(laptop, NEW_VILLAGE, "柳湾村")
    pull(township.db, laptop.db)
    assert names(township)[VILLAGE] == "文峰村" and names(township)[NEW_VILLAGE] == "柳湾村"
    assert conflicts(township.db) == []


def test_two_different_corrections_converge_and_the_loser_waits_at_the_conflict_desk(tmp_path: Path) -> None:
    township, laptop = _township_and_laptop(tmp_path)
    region_admin.rename_place(township, VILLAGE, "文峰村")
    region_admin.rename_place(laptop, VILLAGE, "文丰村")  # concurrent: the clocks decide (same ms possible)
    pull(township.db, laptop.db)
    pull(laptop.db, township.db)
    winner = names(township)[VILLAGE]
    assert winner == names(laptop)[VILLAGE] and winner in ("文峰村", "文丰村")
    loser = ({"文峰村", "文丰村"} - {winner}).pop()
    kept = conflicts(township.db)
    assert [(c[1], c[3], c[-1]) for c in kept] == [("regions", "name", f'"{loser}"')] and kept == conflicts(laptop.db)
