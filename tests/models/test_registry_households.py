"""Registering households and members through the domain API."""

from __future__ import annotations

import datetime

import pytest

from models.errors import JiandangError, NotFoundError, ValidationFailed
from models.idcard import check_id_number, convert_15_to_18, id_check_char
from models.registry import Registry
from tests.models.conftest import OTHER_VILLAGE, VILLAGE, counts, family, person


def codes_of(error: ValidationFailed) -> set[str]:
    return {p.code for p in error.problems if p.severity == "error"}


def test_create_household_stores_members_and_fills_birth_and_sex_from_id(registry: Registry) -> None:
    hid = registry.create_household({"village_code": VILLAGE, "attribute": "1", "main_cause": "01"}, family())
    record = registry.get_household(hid)
    assert record["household"]["head_name"] == "张三"
    assert record["household"]["population"] == 4
    head = record["members"][0]
    assert head["birth_date"] == "1970-03-05" and head["sex"] == "1"
    assert record["members"][1]["sex"] == "2"


def test_every_row_of_a_new_household_is_in_the_change_log(registry: Registry) -> None:
    before = counts(registry.db)
    hid = registry.create_household({"village_code": VILLAGE}, family(), other_causes=["07"])
    after = counts(registry.db)
    assert after["change_log"] - before["change_log"] == 1 + 4 + 1
    assert after["seq"] - before["seq"] == 6
    tables = [r[0] for r in registry.conn.execute("SELECT tbl FROM change_log WHERE scope = ? ORDER BY seq", (hid,))]
    assert tables == ["households", "members", "members", "members", "members", "other_causes"]


@pytest.mark.parametrize(
    ("values", "expected"),
    [
        ({"village_code": "629999999999"}, "unknown_village"),
        ({"village_code": VILLAGE, "attribute": "9"}, "unknown_code"),
        ({"village_code": VILLAGE, "land_area": -1}, "negative"),
        ({"village_code": VILLAGE, "housing_area": "abc"}, "not_a_number"),
        ({"village_code": VILLAGE, "phone": "call me"}, "bad_phone"),
        ({"village_code": VILLAGE, "is_relocated": 7}, "not_a_flag"),
        ({"village_code": VILLAGE, "planned_exit_year": 1899}, "bad_year"),
        ({"village_code": VILLAGE, "group_id": "no-such-group"}, "wrong_group"),
    ],
)
def test_bad_household_fields_are_refused_and_nothing_is_written(registry: Registry, values: dict,
                                                                 expected: str) -> None:
    before = counts(registry.db)
    with pytest.raises(ValidationFailed) as error:
        registry.create_household(values, family())
    assert expected in codes_of(error.value)
    assert counts(registry.db) == before


def test_validation_messages_are_chinese_with_english_available(registry: Registry) -> None:
    with pytest.raises(ValidationFailed) as error:
        registry.create_household({"village_code": VILLAGE, "land_area": -3}, family())
    found = error.value.problems[0]
    assert found.field == "land_area"
    assert "耕地面积" in found.message_zh and "负数" in found.message_zh
    assert "negative" in found.message("en")
    assert "保存失败" in error.value.message_zh


def test_wrong_id_check_digit_is_refused_with_the_expected_digit(registry: Registry) -> None:
    members = family()
    good = members[0]["id_number"]
    members[0]["id_number"] = good[:17] + ("0" if good[17] != "0" else "1")
    with pytest.raises(ValidationFailed) as error:
        registry.create_household({"village_code": VILLAGE}, members)
    assert "id_check" in codes_of(error.value)
    assert good[17] in next(p.message_zh for p in error.value.problems if p.code == "id_check")


def test_legacy_15_digit_id_and_lower_case_x_are_stored_as_18_upper_case(registry: Registry) -> None:
    candidates = (f"11010519500101{n:03d}" for n in range(0, 999, 2))
    wife_first17 = next(c for c in candidates if id_check_char(c) == "X")
    members = [
        {"name": "王五", "relation": "01", "id_number": "110105491231003"},
        {"name": "赵六", "relation": "02", "id_number": wife_first17 + "x"},
    ]
    hid = registry.create_household({"village_code": VILLAGE}, members)
    stored = [m["id_number"] for m in registry.get_household(hid)["members"]]
    assert stored == [convert_15_to_18("110105491231003"), wife_first17 + "X"]
    assert stored[0].startswith("11010519491231003") and check_id_number(stored[0]).ok


def test_birth_date_and_sex_typed_against_the_id_are_checked(registry: Registry) -> None:
    members = family()
    members[0]["birth_date"] = "1971-03-05"
    members[1]["sex"] = "1"
    with pytest.raises(ValidationFailed) as error:
        registry.create_household({"village_code": VILLAGE}, members)
    assert {"birth_mismatch", "sex_mismatch"} <= codes_of(error.value)


def test_a_household_needs_exactly_one_head(registry: Registry) -> None:
    two_heads = family()
    two_heads[1]["relation"] = "01"
    with pytest.raises(ValidationFailed) as error:
        registry.create_household({"village_code": VILLAGE}, two_heads)
    assert "two_heads" in codes_of(error.value)
    no_head = family()[1:]
    with pytest.raises(ValidationFailed) as error:
        registry.create_household({"village_code": VILLAGE}, no_head)
    assert "no_head" in codes_of(error.value)


def test_relation_must_fit_the_members_sex(registry: Registry) -> None:
    members = family()
    members[2]["relation"] = "04"  # 之女, but the ID says male
    with pytest.raises(ValidationFailed) as error:
        registry.create_household({"village_code": VILLAGE}, members)
    assert "relation_sex" in codes_of(error.value)


def test_a_child_older_than_the_head_is_a_warning_not_an_error(registry: Registry) -> None:
    hid = registry.create_household({"village_code": VILLAGE}, family())
    old_child = person("张老大", "03", datetime.date(1960, 1, 1), True, 7)
    found = registry.validate_member(hid, old_child)
    assert [p.code for p in found] == ["relation_age"] and found[0].severity == "warning"
    registry.add_member(hid, old_child)


def test_an_id_number_cannot_be_in_two_live_households(registry: Registry) -> None:
    first = registry.create_household({"village_code": VILLAGE, "household_no": "6211210001"}, family())
    copy = family(2)
    copy[3] = dict(family()[3])
    with pytest.raises(ValidationFailed) as error:
        registry.create_household({"village_code": OTHER_VILLAGE}, copy)
    found = next(p for p in error.value.problems if p.code == "id_in_other_household")
    assert found.record == first
    assert "张小丽" in found.message_zh and "6211210001" in found.message_zh and "文峰村" in found.message_zh


def test_the_same_id_twice_in_one_new_household_is_refused(registry: Registry) -> None:
    members = family()
    members[3]["id_number"] = members[2]["id_number"]
    members[3]["relation"] = "03"
    with pytest.raises(ValidationFailed) as error:
        registry.create_household({"village_code": VILLAGE}, members)
    assert "duplicate_in_household" in codes_of(error.value)


def test_a_member_who_married_out_can_be_registered_in_the_new_household(registry: Registry) -> None:
    first = registry.create_household({"village_code": VILLAGE}, family())
    daughter = registry.get_household(first)["members"][3]
    registry.record_member_change(first, "02", "2019-02-01", member_id=daughter["id"])
    groom = person("刘强", "01", datetime.date(1995, 1, 1), True, 9)
    bride = {**{k: daughter[k] for k in ("name", "id_number", "ethnicity")}, "relation": "02"}
    second = registry.create_household({"village_code": OTHER_VILLAGE}, [groom, bride])
    assert registry.get_household(second)["household"]["population"] == 2


def test_update_household_returns_changes_and_keeps_column_clocks(registry: Registry) -> None:
    hid = registry.create_household({"village_code": VILLAGE, "phone": "13800000000"}, family())
    changes = registry.update_household(hid, {"phone": "13900000000", "land_area": 5.5})
    assert changes == {"phone": ("13800000000", "13900000000"), "land_area": (None, 5.5)}
    clocks = registry.conn.execute("SELECT col FROM col_clocks WHERE pk = ? ORDER BY col", (hid,)).fetchall()
    assert clocks == [("land_area",), ("phone",)]
    assert registry.update_household(hid, {"phone": "13900000000"}) == {}


def test_delete_household_leaves_tombstones_for_every_part(registry: Registry) -> None:
    hid = registry.create_household({"village_code": VILLAGE}, family(), other_causes=["07"])
    registry.set_income(hid, 2018, {"wage": 8000})
    registry.delete_household(hid)
    with pytest.raises(NotFoundError):
        registry.get_household(hid)
    dead = dict(registry.conn.execute("SELECT tbl, COUNT(*) FROM tombstones GROUP BY tbl").fetchall())
    assert dead == {"households": 1, "members": 4, "other_causes": 1, "incomes": 1}
    assert registry.conn.execute("SELECT COUNT(*) FROM members").fetchone()[0] == 0


def test_a_household_with_procedure_records_cannot_be_deleted(registry: Registry) -> None:
    hid = registry.create_household({"village_code": VILLAGE}, family())
    with registry.db.write() as writer:
        writer.insert("workflow_events", {"household_id": hid, "procedure": "identification", "step": "apply",
                                          "year": 2019, "event_date": "2019-03-01"})
    with pytest.raises(JiandangError, match="销号"):
        registry.delete_household(hid)


def test_a_write_that_fails_halfway_leaves_nothing(registry: Registry, monkeypatch: pytest.MonkeyPatch) -> None:
    before = counts(registry.db)
    clock_before = registry.db.clock.last
    import models.search as search

    def explode(*_args: object) -> None:
        raise RuntimeError("disk full")

    monkeypatch.setattr(search, "index_households", explode)
    with pytest.raises(RuntimeError):
        registry.create_household({"village_code": VILLAGE}, family())
    assert counts(registry.db) == before
    assert registry.db.clock.last == clock_before


def test_head_cannot_be_deleted_while_others_live_in_the_household(registry: Registry) -> None:
    hid = registry.create_household({"village_code": VILLAGE}, family())
    head = registry.get_household(hid)["members"][0]
    with pytest.raises(JiandangError, match="户主"):
        registry.delete_member(head["id"])


def test_update_member_validates_the_whole_household(registry: Registry) -> None:
    hid = registry.create_household({"village_code": VILLAGE}, family())
    spouse = registry.get_household(hid)["members"][1]
    with pytest.raises(ValidationFailed) as error:
        registry.update_member(spouse["id"], {"relation": "01"})
    assert "two_heads" in codes_of(error.value)
    registry.update_member(spouse["id"], {"education": "03", "health": "03,02"})
    stored = registry.get_household(hid)["members"][1]
    assert stored["education"] == "03" and stored["health"] == "02,03"


def test_a_birth_date_after_today_is_refused(registry: Registry) -> None:
    """A member registered without an ID number cannot be born tomorrow (and so counted and printed)."""
    hid = registry.create_household({"village_code": VILLAGE}, family())
    unborn = {"name": "张未生", "relation": "05", "id_type": "03", "birth_date": "2030-01-01", "ethnicity": "01"}
    with pytest.raises(ValidationFailed) as error:
        registry.add_member(hid, unborn)
    [found] = [p for p in error.value.problems if p.severity == "error"]
    assert found.message_zh.startswith("出生日期：2030-01-01 晚于今天")
    assert registry.get_household(hid)["household"]["population"] == 4


def test_a_new_member_with_a_housemates_id_number_is_told_it_is_the_same_household(registry: Registry) -> None:
    hid = registry.create_household({"village_code": VILLAGE}, family())
    twin = {**family()[0], "name": "张三二", "relation": "05"}
    with pytest.raises(ValidationFailed) as error:
        registry.add_member(hid, twin)
    found = next(p for p in error.value.problems if p.code.startswith("id_in"))
    assert found.code == "id_in_household" and "本户成员“张三”" in found.message_zh and "两户" not in found.message_zh
    assert "member of this household" in found.message_en and "户" not in found.message_en
