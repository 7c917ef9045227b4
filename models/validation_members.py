"""A member's own fields: codes, dates, health, the ID number and what it says (birth date, sex, age)."""

from __future__ import annotations

import datetime
from typing import Any

from models import fields
from models.errors import WARNING, Problem
from models.idcard import check_id_number
from models.validation_base import (
    ID_CARD,
    MAX_AGE,
    CodeBook,
    age_on,
    check_codes,
    check_dates,
    check_flags,
    check_non_negative,
    parse_date,
    problem,
)


def normalize_member(
    values: dict[str, Any], book: CodeBook, today: datetime.date | None = None
) -> tuple[dict[str, Any], list[Problem]]:
    """Check a member's own fields; fill birth date and sex from the ID number.

    Returns the values to store (ID upper-case, 15 digits converted) and the problems.
    """
    out = dict(values)
    found = check_codes(out, fields.MEMBER_CODES, book)
    found += check_flags(out, fields.MEMBER_FLAGS)
    found += check_non_negative(out, ("work_months",))
    found += check_dates(out, ("birth_date", "left_date"))
    found += _not_after(out, "birth_date", today or datetime.date.today())
    found += _check_health(out, book)
    if not str(out.get("name") or "").strip():
        found.append(problem("name", "required", "不能为空。", "is required."))
    found += _check_id(out, today or datetime.date.today())
    found += _implausible_age(out, today or datetime.date.today())
    return out, found


def _implausible_age(values: dict[str, Any], today: datetime.date) -> list[Problem]:
    """A warning when the birth date (typed, or read from the ID number) makes the member older than MAX_AGE.

    The age counts to today, or to the day a member who left the household left it.
    """
    born = parse_date(str(values.get("birth_date") or ""))
    left = parse_date(str(values.get("left_date") or "")) if values.get("in_household") in (0, "0") else None
    if born is None:
        return []
    age = age_on(born, min(left or today, today))
    if age <= MAX_AGE:
        return []
    day = born.isoformat()
    return [
        problem(
            "birth_date",
            "implausible_age",
            f"{day} 算得年龄 {age} 岁，超过 {MAX_AGE} 岁，请核对出生年份（或身份证号码）。",
            f"{day} gives an age of {age}, over {MAX_AGE}; please check the year of birth (or the ID number).",
            WARNING,
        )
    ]


def _not_after(values: dict[str, Any], column: str, today: datetime.date) -> list[Problem]:
    day = parse_date(str(values.get(column) or ""))
    if day is None or day <= today:
        return []
    return [
        problem(column, "future_date", f"{day.isoformat()} 晚于今天，请核对。", f"{day.isoformat()} is after today.")
    ]


def _check_health(values: dict[str, Any], book: CodeBook) -> list[Problem]:
    raw = values.get("health")
    if raw in (None, ""):
        return []
    items = sorted({c.strip() for c in str(raw).split(",") if c.strip()})
    values["health"] = ",".join(items)
    bad = [c for c in items if not book.has("health", c)]
    if bad:
        zh, en = f"代码“{'、'.join(bad)}”不存在。", f"code(s) {', '.join(bad)} do not exist."
        return [problem("health", "unknown_code", zh, en)]
    if "01" in items and len(items) > 1:
        return [
            problem(
                "health",
                "healthy_and_ill",
                "“健康”不能与疾病或残疾同时选择。",
                "'healthy' cannot be combined with illness or disability.",
            )
        ]
    return []


def _check_id(values: dict[str, Any], today: datetime.date) -> list[Problem]:
    raw = str(values.get("id_number") or "").strip()
    if not raw:
        return [problem("id_number", "missing_id", "未填写，请尽快补录。", "missing; add it when available.", WARNING)]
    if values.get("id_type") not in (None, "", ID_CARD):
        return []
    result = check_id_number(raw, today)
    if not result.ok:
        return [Problem("id_number", f"id_{result.error}", result.message_zh or "", result.message_en or "")]
    values["id_number"] = result.normalized
    return _compare_with_id(values, result.birth_date, result.sex)


def _compare_with_id(values: dict[str, Any], birth: datetime.date | None, sex: str | None) -> list[Problem]:
    found = []
    typed_birth = values.get("birth_date")
    if not typed_birth and birth:
        values["birth_date"] = birth.isoformat()
    elif birth and typed_birth != birth.isoformat():
        found.append(
            problem(
                "birth_date",
                "birth_mismatch",
                f"与身份证号码不符（身份证为 {birth.isoformat()}），请核对。",
                f"does not match the ID number ({birth.isoformat()}); please check.",
            )
        )
    if not values.get("sex") and sex:
        values["sex"] = sex
    elif sex and values.get("sex") != sex:
        expected = "男" if sex == "1" else "女"
        found.append(
            problem(
                "sex",
                "sex_mismatch",
                f"与身份证号码不符（身份证为{expected}），请核对。",
                f"does not match the ID number ({'male' if sex == '1' else 'female'}); please check.",
            )
        )
    return found
