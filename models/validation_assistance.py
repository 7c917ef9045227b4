"""Field rules of incomes, assistance measures, loans and helpers."""

from __future__ import annotations

import datetime
from typing import Any

from models import fields
from models.errors import WARNING, Problem
from models.validation_base import (
    PHONE,
    CodeBook,
    age_on,
    check_codes,
    check_dates,
    check_non_negative,
    check_years,
    parse_date,
    problem,
)


def validate_income(values: dict[str, Any]) -> list[Problem]:
    """Every income item is a non-negative number; the year is valid."""
    found = check_non_negative(values, fields.INCOME_ITEMS, "incomes")
    found += check_years(values, ("year",))
    if values.get("year") in (None, ""):
        found.append(problem("year", "required", "不能为空。", "is required."))
    return found


def validate_measure(values: dict[str, Any], book: CodeBook) -> list[Problem]:
    """Measure type and category exist and agree; funds non-negative; dates valid and ordered."""
    from models.codes import MEASURE_TYPE_CATEGORY

    found = check_codes(values, fields.MEASURE_CODES, book)
    found += check_non_negative(values, fields.MEASURE_AMOUNTS)
    found += check_dates(values, ("planned_start", "planned_end", "actual_start", "actual_end"))
    found += check_years(values, ("year",))
    for column in ("type", "status", "year"):
        if values.get(column) in (None, ""):
            found.append(problem(column, "required", "不能为空。", "is required."))
    expected = MEASURE_TYPE_CATEGORY.get(str(values.get("type") or ""))
    if expected and values.get("category") not in (None, "", expected):
        found.append(problem("category", "category_mismatch", "与措施类型不符。", "does not match the measure type."))
    found += _date_order(values, "planned_start", "planned_end") + _date_order(values, "actual_start", "actual_end")
    return found


def _date_order(values: dict[str, Any], start: str, end: str) -> list[Problem]:
    first, last = parse_date(str(values.get(start) or "")), parse_date(str(values.get(end) or ""))
    if first and last and last < first:
        return [
            problem(end, "end_before_start", f"早于{fields.label(start)}。", f"is before {fields.label(start, 'en')}.")
        ]
    return []


def validate_loan(values: dict[str, Any], borrower_birth: str | None, book: CodeBook) -> list[Problem]:
    """Micro-credit terms: an amount above 0 is required (``loans.amount`` is NOT NULL); numbers and dates valid;
    amount, term and borrower age within the policy (warnings)."""
    found = check_non_negative(values, fields.LOAN_AMOUNTS + ("term_months",), "loans")
    found += _loan_amount_given(values.get("amount"))
    found += check_dates(values, ("loan_date", "due_date", "repaid_date"))
    found += check_codes(values, {"repayment_status": "repayment_status"}, book)
    found += _date_order(values, "loan_date", "due_date") + _date_order(values, "loan_date", "repaid_date")
    if found:
        return found
    if float(values.get("amount") or 0) > 50000:
        found.append(
            problem("amount", "loan_amount", "超过扶贫小额信贷上限 5 万元。", "exceeds the 50,000 yuan limit.", WARNING)
        )
    if int(values.get("term_months") or 0) > 36:
        found.append(problem("term_months", "loan_term", "超过 3 年期限。", "exceeds the 3-year term.", WARNING))
    found += _borrower_age(values, borrower_birth)
    return found


def _loan_amount_given(amount: Any) -> list[Problem]:
    """The loan's amount is filled in and above 0 (a wrong number is reported by ``check_non_negative``)."""
    if amount is None or not str(amount).strip():
        return [problem("amount", "required", "不能为空。", "is required.", table="loans")]
    try:
        if float(amount) == 0:
            return [problem("amount", "zero_loan", "应大于 0。", "must be more than 0.", table="loans")]
    except (TypeError, ValueError):
        pass
    return []


def _borrower_age(values: dict[str, Any], borrower_birth: str | None) -> list[Problem]:
    born = parse_date(str(borrower_birth or ""))
    on = parse_date(str(values.get("loan_date") or "")) or datetime.date.today()
    if born is None:
        return []
    age = age_on(born, on)
    if not 18 <= age <= 65:
        return [
            problem(
                "borrower_id",
                "loan_age",
                f"借款人年龄 {age} 岁，不在 18–65 岁之间。",
                f"borrower is {age}, outside 18-65.",
                WARNING,
            )
        ]
    return []


def validate_helper(values: dict[str, Any], book: CodeBook) -> list[Problem]:
    """A helper has a name; codes exist; the phone looks like a phone number."""
    found = check_codes(values, fields.HELPER_CODES, book)
    if not str(values.get("name") or "").strip():
        found.append(problem("name", "required", "不能为空。", "is required."))
    phone = values.get("phone")
    if phone and not PHONE.match(str(phone)):
        found.append(problem("phone", "bad_phone", "格式不对，只能包含数字和“-”。", "only digits and '-' are allowed."))
    return found
