"""Helpers, pairings (history kept), measures and micro-credit loans."""

from __future__ import annotations

import pytest

from models.errors import JiandangError, ValidationFailed
from models.registry import Registry
from tests.models.conftest import VILLAGE, family


@pytest.fixture
def household(registry: Registry) -> str:
    return registry.create_household({"village_code": VILLAGE}, family())


@pytest.fixture
def helper(registry: Registry) -> str:
    return registry.create_helper({"name": "王干部", "unit": "县教育局", "affiliation": "04", "phone": "0932-1234567"})


def test_changing_helper_ends_the_old_pairing_and_keeps_history(registry: Registry, household: str,
                                                                helper: str) -> None:
    second = registry.create_helper({"name": "赵干部", "unit": "乡政府", "affiliation": "05"})
    registry.pair_helper(household, helper, "2016-01-01")
    registry.pair_helper(household, second, "2018-07-01")
    pairings = registry.get_household(household)["pairings"]
    assert [(p["helper_name"], p["start_date"], p["end_date"]) for p in pairings] == [
        ("王干部", "2016-01-01", "2018-07-01"), ("赵干部", "2018-07-01", None)]
    assert registry.current_pairing(household)["helper_id"] == second


def test_pairing_the_current_helper_again_or_backdated_is_refused(registry: Registry, household: str,
                                                                  helper: str) -> None:
    registry.pair_helper(household, helper, "2018-01-01")
    with pytest.raises(JiandangError):
        registry.pair_helper(household, helper, "2019-01-01")
    other = registry.create_helper({"name": "钱干部"})
    with pytest.raises(JiandangError):
        registry.pair_helper(household, other, "2017-01-01")


def test_helper_needs_a_name_and_valid_codes(registry: Registry) -> None:
    with pytest.raises(ValidationFailed):
        registry.create_helper({"name": " "})
    with pytest.raises(ValidationFailed):
        registry.create_helper({"name": "孙干部", "affiliation": "55"})


def test_measure_category_follows_from_its_type(registry: Registry, household: str, helper: str) -> None:
    measure = registry.create_measure({"household_id": household, "year": 2018, "type": "01", "status": "3",
                                       "helper_id": helper, "fund_fiscal": 3000, "content": "养羊 5 只"})
    [stored] = registry.get_household(household)["measures"]
    assert stored["id"] == measure and stored["category"] == "1" and stored["village_code"] == VILLAGE


def test_measure_dates_and_funds_are_checked(registry: Registry, household: str) -> None:
    with pytest.raises(ValidationFailed):
        registry.create_measure({"household_id": household, "year": 2018, "type": "01", "status": "3",
                                 "fund_fiscal": -1})
    with pytest.raises(ValidationFailed):
        registry.create_measure({"household_id": household, "year": 2018, "type": "01", "status": "3",
                                 "planned_start": "2018-05-01", "planned_end": "2018-04-01"})


def test_micro_credit_loan_outside_its_terms_is_saved_with_warnings(registry: Registry, household: str) -> None:
    head = registry.get_household(household)["members"][0]
    loan = {"amount": 60000, "bank": "农村信用社", "loan_date": "2018-03-01", "term_months": 48,
            "borrower_id": head["id"]}
    measure = {"household_id": household, "year": 2018, "type": "04", "status": "2"}
    registry.create_measure(measure, loan=loan)
    [stored] = registry.get_household(household)["measures"]
    assert stored["loan"]["amount"] == 60000 and stored["category"] == "1"


def test_a_loan_on_a_measure_that_is_not_micro_credit_is_refused(registry: Registry, household: str) -> None:
    with pytest.raises(ValidationFailed):
        registry.create_measure({"household_id": household, "year": 2018, "type": "01", "status": "2"},
                                loan={"amount": 1000})


def test_deleting_a_measure_deletes_its_loan(registry: Registry, household: str) -> None:
    measure = registry.create_measure({"household_id": household, "year": 2018, "type": "04", "status": "2"},
                                      loan={"amount": 20000, "term_months": 36})
    registry.delete_measure(measure)
    assert registry.get_household(household)["measures"] == []
    assert registry.conn.execute("SELECT COUNT(*) FROM tombstones WHERE tbl = 'loans'").fetchone()[0] == 1


def test_a_loan_due_before_it_was_made_is_refused(registry: Registry, household: str) -> None:
    head = registry.get_household(household)["members"][0]
    loan = {"amount": 5000, "loan_date": "2025-03-01", "due_date": "2024-03-01", "borrower_id": head["id"]}
    with pytest.raises(ValidationFailed) as error:
        registry.create_measure({"household_id": household, "year": 2018, "type": "04", "status": "2"}, loan=loan)
    assert [p.message_zh for p in error.value.problems] == ["到期日期：早于放款日期。"]
    assert registry.get_household(household)["measures"] == []


def test_a_negative_income_item_is_named_as_the_income_form_names_it(registry: Registry, household: str) -> None:
    with pytest.raises(ValidationFailed) as error:
        registry.set_income(household, 2018, {"dibao": -100})
    assert [p.message_zh for p in error.value.problems] == ["低保金：不能为负数。"]
    assert error.value.problems[0].message_en == "Dibao payments: must not be negative."
