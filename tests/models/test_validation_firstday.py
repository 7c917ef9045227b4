"""Found on a first day with the program: a micro-credit loan without an amount, blank funds of a saved measure,
impossible ages, and English messages that drop the names the Chinese ones give."""

from __future__ import annotations

import datetime

import pytest

from models.errors import ERROR, WARNING, ValidationFailed
from models.registry import Registry
from models.validation import CodeBook, normalize_member, validate_loan, validate_relations
from tests.models.conftest import VILLAGE, counts, family, person


@pytest.fixture
def household(registry: Registry) -> str:
    return registry.create_household({"village_code": VILLAGE}, family())


CREDIT = {"year": 2018, "type": "04", "status": "2"}


@pytest.mark.parametrize("amount", [None, "", "  "])
def test_a_loan_without_an_amount_is_refused_at_the_amount_and_writes_nothing(
    registry: Registry, household: str, amount: object
) -> None:
    before = counts(registry.db)
    with pytest.raises(ValidationFailed) as refused:
        registry.create_measure({**CREDIT, "household_id": household}, loan={"amount": amount, "bank": "信用社"})
    (found,) = refused.value.problems
    assert (found.field, found.code, found.severity) == ("amount", "required", ERROR)
    assert found.message_zh == "金额（元）：不能为空。" and found.message_en == "Amount (yuan): is required."
    assert counts(registry.db) == before
    assert registry.conn.execute("SELECT COUNT(*) FROM measures").fetchone()[0] == 0


def test_a_loan_of_zero_is_refused_and_its_amount_cannot_be_cleared_later(registry: Registry, household: str) -> None:
    found = validate_loan({"amount": "0"}, None, CodeBook.load(registry.conn))
    assert [(p.field, p.code, p.severity) for p in found] == [("amount", "zero_loan", ERROR)]
    measure = registry.create_measure({**CREDIT, "household_id": household}, loan={"amount": 20000})
    with pytest.raises(ValidationFailed) as refused:
        registry.update_measure(measure, {}, loan={"amount": None})
    assert [p.code for p in refused.value.problems] == ["required"]
    assert registry.get_household(household)["measures"][0]["loan"]["amount"] == 20000


def test_blank_funds_and_interest_subsidy_of_a_saved_measure_are_stored_as_zero(
    registry: Registry, household: str
) -> None:
    """measures.fund_* and loans.interest_subsidy are NOT NULL: clearing them in an edit means 0, not a crash."""
    measure = registry.create_measure(
        {**CREDIT, "household_id": household, "fund_fiscal": 1200, "fund_self": 300},
        loan={"amount": 20000, "interest_subsidy": 800},
    )
    registry.update_measure(
        measure, {"fund_fiscal": None, "fund_self": ""}, loan={"amount": 20000, "interest_subsidy": None}
    )
    (stored,) = registry.get_household(household)["measures"]
    assert (stored["fund_fiscal"], stored["fund_self"], stored["loan"]["interest_subsidy"]) == (0, 0, 0)
    other = registry.create_measure({**CREDIT, "household_id": household, "type": "01", "fund_sector": None})
    assert registry.conn.execute("SELECT fund_sector FROM measures WHERE id = ?", (other,)).fetchone()[0] == 0


def member(born: str, **extra: object) -> dict:
    return {"name": "张太公", "relation": "11", "id_type": "03", "birth_date": born, "ethnicity": "01", **extra}


def test_a_member_over_110_years_old_gets_a_warning_at_the_birth_date(registry: Registry) -> None:
    today = datetime.date(2026, 5, 1)
    _, found = normalize_member(member("1826-05-01"), registry.codes, today)
    aged = [p for p in found if p.code == "implausible_age"]
    assert [(p.field, p.severity) for p in aged] == [("birth_date", WARNING)]
    assert "200 岁" in aged[0].message_zh and "110" in aged[0].message_zh
    assert "age of 200" in aged[0].message_en
    for born in ("1915-05-02", "1916-05-01", "1950-01-01"):  # 110 or younger: no remark
        assert "implausible_age" not in {p.code for p in normalize_member(member(born), registry.codes, today)[1]}
    assert "implausible_age" in {p.code for p in normalize_member(member("1915-05-01"), registry.codes, today)[1]}


def test_an_id_number_born_1860_gets_the_warning_too(registry: Registry) -> None:
    values = {"name": "张太公", "relation": "11", "id_number": "621121186003030910", "ethnicity": "01"}
    merged, found = normalize_member(values, registry.codes, datetime.date(2026, 5, 1))
    assert merged["birth_date"] == "1860-03-03"
    assert [(p.code, p.severity) for p in found] == [("implausible_age", WARNING)]


def test_a_member_who_left_is_aged_on_the_day_they_left(registry: Registry) -> None:
    left = member("1900-01-01", in_household=0, left_date="1990-06-01")
    assert "implausible_age" not in {
        p.code for p in normalize_member(left, registry.codes, datetime.date(2026, 5, 1))[1]
    }


def test_the_age_warning_does_not_block_saving_the_household(registry: Registry) -> None:
    household = registry.create_household({"village_code": VILLAGE}, [{**member("1826-05-01"), "relation": "01"}])
    assert registry.get_household(household)["household"]["head_name"] == "张太公"


def test_a_parent_younger_than_the_head_or_a_child_older_is_a_warning() -> None:
    head = {"id": "h", "name": "张三", "relation": "01", "sex": "1", "birth_date": "1980-01-01"}
    father = {"id": "f", "name": "张父", "relation": "11", "sex": "1", "birth_date": "1985-01-01"}
    son = {"id": "s", "name": "张子", "relation": "03", "sex": "1", "birth_date": "1975-01-01"}
    found = validate_relations([head, father, son])
    assert [(p.code, p.severity, p.record) for p in found] == [
        ("relation_age", WARNING, "f"),
        ("relation_age", WARNING, "s"),
    ]
    assert "张父: age does not fit" in found[0].message_en and "张子：年龄" in found[1].message_zh


def test_english_messages_name_the_members_the_chinese_ones_name() -> None:
    heads = [
        {"name": "赵大", "relation": "01", "sex": "1"},
        {"name": "赵三", "relation": "01", "sex": "1"},
    ]
    (two,) = validate_relations(heads)
    assert two.message_zh.endswith("现有 2 个（赵大、赵三）。")
    assert two.message_en.endswith("found 2 (赵大, 赵三).")
    spouse = {"name": "赵二", "relation": "02", "sex": "1", "birth_date": "1972-01-01"}
    (same_sex,) = validate_relations([{**heads[0], "birth_date": "1970-01-01"}, spouse])
    assert same_sex.code == "spouse_sex" and "赵二: spouse has the same sex" in same_sex.message_en
    daughter = person("赵四", "04", datetime.date(1998, 1, 9), True)  # 之女, but the ID says male
    wrong = [p for p in validate_relations([{**heads[0], "birth_date": "1970-01-01"}, {**daughter, "sex": "1"}])]
    assert wrong[0].code == "relation_sex" and "'Daughter'" in wrong[0].message_en
