"""What the main list shows while searching: which member (or number) of each household matched."""

from __future__ import annotations

import datetime

import pytest

from models.household_list import search_household_ids, search_households
from models.registry import Registry
from models.search_match import mask_phone
from tests.models.conftest import VILLAGE, person


@pytest.fixture
def homes(registry: Registry) -> dict[str, str]:
    """Two households: 张建国 with wife 李秀英, father 张大山 (died) and son; 王强 with daughter 王丽."""
    zhang = registry.create_household(
        {"village_code": VILLAGE, "household_no": "0007", "phone": "09318123456"},
        [
            person("张建国", "01", datetime.date(1970, 3, 5), True, 1, phone="13812345678"),
            person("李秀英", "02", datetime.date(1972, 8, 1), False, 1),
            person("张大山", "11", datetime.date(1940, 1, 9), True, 1),
            person("张小明", "03", datetime.date(1998, 1, 9), True, 1),
        ],
    )
    wang = registry.create_household(
        {"village_code": VILLAGE, "household_no": "0008"},
        [
            person("王强", "01", datetime.date(1969, 2, 2), True, 2),
            person("王丽", "04", datetime.date(2001, 6, 1), False, 2),
        ],
    )
    members = dict(registry.conn.execute("SELECT name, id FROM members").fetchall())
    registry.record_member_change(zhang, "01", "2019-05-02", member_id=members["张大山"])
    return {"zhang": zhang, "wang": wang, **members}


def _match(registry: Registry, query: str, household: str, lang: str = "zh") -> str:
    ids, _, matches = search_households(registry.conn, query)
    assert household in ids, query
    return matches[household].text(lang)


def test_a_member_who_is_not_the_head_is_named_with_the_relation(registry: Registry, homes: dict[str, str]) -> None:
    assert _match(registry, "李秀英", homes["zhang"]) == "李秀英（配偶）"
    assert _match(registry, "lxy", homes["zhang"], "en") == "李秀英 (Spouse)"
    assert _match(registry, "王丽", homes["wang"]) == "王丽（之女）"
    _, _, matches = search_households(registry.conn, "王丽")
    assert matches[homes["wang"]].member_id == homes["王丽"] and not matches[homes["wang"]].is_head
    _, _, matches = search_households(registry.conn, "王强")
    assert matches[homes["wang"]].text() == "王强（户主）" and matches[homes["wang"]].is_head


def test_a_departed_member_shows_how_and_when_they_left(registry: Registry, homes: dict[str, str]) -> None:
    assert _match(registry, "张大山", homes["zhang"]) == "张大山（之父，死亡 2019-05-02）"
    assert _match(registry, "zds", homes["zhang"], "en") == "张大山 (Father, Death 2019-05-02)"


def test_a_number_match_names_the_number_masked(registry: Registry, homes: dict[str, str]) -> None:
    wife_id = registry.conn.execute("SELECT id_number FROM members WHERE name = '李秀英'").fetchone()[0]
    text = _match(registry, wife_id[-8:], homes["zhang"])
    assert text == f"李秀英（配偶） 证件号 {wife_id[:6]}********{wife_id[-4:]}"
    assert wife_id not in text and wife_id[6:14] not in text
    assert _match(registry, wife_id, homes["zhang"], "en").startswith("李秀英 (Spouse) ID 621121********")
    assert _match(registry, "1234567", homes["zhang"]) == "张建国（户主） 电话 138****5678"
    assert _match(registry, "0931812", homes["zhang"]) == "电话 093****3456"  # the household's own phone
    assert _match(registry, "0008", homes["wang"]) == "户编号 0008"


def test_several_members_of_one_household_are_counted(registry: Registry, homes: dict[str, str]) -> None:
    text = _match(registry, "zhang", homes["zhang"])
    assert text == "张建国（户主） 等 3 人"  # 张建国, 张小明, 张大山 (李秀英 is not a 张)
    assert _match(registry, "zhang", homes["zhang"], "en") == "张建国 (Head of household) +2 more"


def test_the_household_ids_are_the_same_as_before(registry: Registry, homes: dict[str, str]) -> None:
    assert search_household_ids(registry.conn, "王") == ([homes["wang"]], False)
    assert search_households(registry.conn, "王")[0] == [homes["wang"]]


def test_phones_are_masked_like_id_numbers_are() -> None:
    assert mask_phone("138 1234 5678") == "138****5678"
    assert mask_phone("12345") == "12*45"
    assert mask_phone(None) == ""


def test_a_household_number_match_counts_only_the_people_who_matched(registry: Registry) -> None:
    """Review s6 #3: "户编号 … 等 5 人" for a 4-person household; the household number is not a person."""
    home = registry.create_household(
        {"village_code": VILLAGE, "household_no": "6211211030001"},
        [
            person("赵一", "01", datetime.date(1970, 3, 5), True, 3),
            person("赵二", "02", datetime.date(1972, 3, 5), False, 3),
        ],
    )
    assert _match(registry, "621121", home) == "户编号 6211211030001 另有 2 人"  # 2 ID numbers start with 621121
    assert _match(registry, "621121", home, "en") == "household no. 6211211030001 +2 more"
