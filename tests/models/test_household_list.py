"""The household list: filters, orders and the cells of a page."""

from __future__ import annotations

import datetime

from models.household_list import ListQuery, household_ids, household_rows, name_key, search_household_ids, status_years
from models.registry import Registry
from tests.models.conftest import OTHER_VILLAGE, VILLAGE, person


def add(registry: Registry, head: str, village: str = VILLAGE, no: str = "", seq: int = 1, **values) -> str:
    members = [person(head, "01", datetime.date(1970, 1, 1), True, seq)]
    if values.pop("spouse", False):
        members.append(person(head + "妻", "02", datetime.date(1971, 1, 1), False, seq))
    return registry.create_household({"village_code": village, "household_no": no, **values}, members)


def test_default_order_is_village_then_number_and_region_filters(registry: Registry) -> None:
    b = add(registry, "白云", no="0002", seq=1)
    a = add(registry, "安然", no="0001", seq=2)
    c = add(registry, "陈平", village=OTHER_VILLAGE, no="0001", seq=3)
    assert household_ids(registry.conn, ListQuery()) == [a, b, c]
    assert household_ids(registry.conn, ListQuery(region=VILLAGE)) == [a, b]
    assert household_ids(registry.conn, ListQuery(region=VILLAGE[:9] + "000")) == [a, b, c]
    assert household_ids(registry.conn, ListQuery(region="620000000000")) == [a, b, c]
    assert household_ids(registry.conn, ListQuery(region="630000000000")) == []


def test_group_filter(registry: Registry) -> None:
    group = registry.groups(VILLAGE)[0]["id"]
    inside = add(registry, "张三", group_id=group, seq=1)
    add(registry, "李四", seq=2)
    assert household_ids(registry.conn, ListQuery(region=VILLAGE, group_id=group)) == [inside]


def test_head_sorts_by_pinyin_and_blanks_come_last(registry: Registry) -> None:
    zhao = add(registry, "赵六", no="1", seq=1)
    an = add(registry, "安然", no="2", seq=2)
    bai = add(registry, "白云", no="3", seq=3)
    empty = registry.create_household({"village_code": VILLAGE, "household_no": "4"})
    assert household_ids(registry.conn, ListQuery(sort="head")) == [an, bai, zhao, empty]
    assert household_ids(registry.conn, ListQuery(sort="head", descending=True)) == [zhao, bai, an, empty]
    assert name_key("安然") < name_key("白云") < name_key("赵六")


def test_sql_sorts_filters_and_status_as_of_a_year(registry: Registry) -> None:
    small = add(registry, "甲", no="1", seq=1, attribute="2", main_cause="01")
    big = add(registry, "乙", no="2", seq=2, attribute="1", main_cause="03", spouse=True)
    registry.set_status(small, 2018, "01")
    registry.set_status(small, 2019, "03")
    registry.set_status(big, 2018, "01")
    conn = registry.conn
    assert household_ids(conn, ListQuery(sort="population", descending=True)) == [big, small]
    assert household_ids(conn, ListQuery(sort="attribute")) == [big, small]
    assert household_ids(conn, ListQuery(statuses=("01",))) == [big]
    assert household_ids(conn, ListQuery(statuses=("01",), year=2018)) == [small, big]
    assert household_ids(conn, ListQuery(attributes=("2",))) == [small]
    assert household_ids(conn, ListQuery(main_causes=("03", "05"))) == [big]
    assert status_years(conn) == [2019, 2018]


def test_warnings_filter_and_sort(registry: Registry) -> None:
    one, two, three = (add(registry, n, no=str(i), seq=i) for i, n in enumerate(("甲", "乙", "丙"), start=1))
    counts = {two: 3, three: 1}
    assert household_ids(registry.conn, ListQuery(with_warnings=True), counts) == [two, three]
    assert household_ids(registry.conn, ListQuery(sort="warnings", descending=True), counts) == [two, three, one]


def test_rows_hold_the_cells_of_the_list(registry: Registry) -> None:
    group = registry.groups(VILLAGE)[0]["id"]
    household = add(registry, "张三", no="0007", group_id=group, attribute="1", planned_exit_year=2020, spouse=True)
    registry.set_status(household, 2019, "01")
    helper = registry.create_helper({"name": "王帮扶"})
    registry.pair_helper(household, helper, "2019-01-01")
    row = household_rows(registry.conn, [household, "missing"])[household]
    assert (row.head, row.household_no, row.group, row.population) == ("张三", "0007", "第一村民小组", 2)
    assert (row.village, row.attribute, row.status, row.planned_exit_year, row.helper) == (
        "文峰村",
        "1",
        "01",
        2020,
        "王帮扶",
    )
    assert household_rows(registry.conn, [household], year=2018)[household].status is None


def test_search_result_keeps_its_ranking_and_the_filters(registry: Registry) -> None:
    zhang = add(registry, "张三", no="1", seq=1)
    zhangsan = add(registry, "张三丰", no="2", seq=2, attribute="2")
    add(registry, "李四", no="3", seq=3)
    ids, truncated = search_household_ids(registry.conn, "zs")
    assert ids == [zhang, zhangsan] and not truncated
    query = ListQuery(only_ids=tuple(reversed(ids)))
    assert household_ids(registry.conn, query) == [zhangsan, zhang]
    assert household_ids(registry.conn, ListQuery(only_ids=tuple(ids), attributes=("2",))) == [zhangsan]
    assert search_household_ids(registry.conn, "zs", region=OTHER_VILLAGE) == ([], False)
