"""Validation rules as pure functions returning Problems (nothing here writes).

Rules that need the database (an ID number already in another household,
the village exists) live in the registry, which calls these first.
"""

from __future__ import annotations

import datetime
import re
import sqlite3
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from models import fields
from models.errors import ERROR, WARNING, Problem
from models.idcard import check_id_number

ID_CARD = "01"
HEAD = "01"
SPOUSE = "02"
MALE_RELATIONS = frozenset({"03", "06", "07", "09", "11", "13", "15", "17", "19"})
FEMALE_RELATIONS = frozenset({"04", "05", "08", "10", "12", "14", "16", "18", "20"})
YOUNGER_GENERATION = frozenset({"03", "04", "05", "06", "07", "08", "09", "10"})
OLDER_GENERATION = frozenset({"11", "12", "13", "14", "15", "16", "17", "18", "19", "20"})
PHONE = re.compile(r"^[0-9+\-() ]{5,20}$")
ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
MAX_AGE = 110  # a supercentenarian is very rare; an older birth date is almost always a mistyped year (1826 for 1926)
UUID = re.compile(r"^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$")


@dataclass
class CodeBook:
    """The code values in force in one database (the township may adjust them)."""

    values: dict[str, set[str]] = field(default_factory=dict)

    @classmethod
    def load(cls, conn: sqlite3.Connection) -> CodeBook:
        """Read the active code values of every table."""
        book = cls()
        for table, code in conn.execute("SELECT tbl, code FROM code_values WHERE active = 1"):
            book.values.setdefault(table, set()).add(code)
        return book

    def has(self, table: str, code: str) -> bool:
        """True when ``code`` is a valid value of ``table``."""
        return code in self.values.get(table, set())


def problem(
    column: str, code: str, zh: str, en: str, severity: str = ERROR, record: str = "", table: str = ""
) -> Problem:
    """Build a Problem whose message starts with the field's label (as ``table`` names it, if given)."""
    zh_label, en_label = fields.label(column, table=table), fields.label(column, "en", table)
    return Problem(column, code, f"{zh_label}：{zh}", f"{en_label}: {en}", severity, record)


def check_codes(values: dict[str, Any], mapping: dict[str, str], book: CodeBook) -> list[Problem]:
    """Every coded field holds a value of its code table."""
    found = []
    for column, table in mapping.items():
        value = values.get(column)
        if value not in (None, "") and not book.has(table, str(value)):
            found.append(
                problem(
                    column,
                    "unknown_code",
                    f"代码“{value}”不存在，请从列表中选择。",
                    f"code '{value}' does not exist; choose one from the list.",
                )
            )
    return found


def check_non_negative(values: dict[str, Any], columns: Iterable[str], table: str = "") -> list[Problem]:
    """Areas, amounts and counts are numbers and never negative (labels as ``table`` names the columns)."""
    found = []
    for column in columns:
        value = values.get(column)
        if value is None or not str(value).strip():  # blank is stored as NULL (or the column's default)
            continue
        try:
            number = float(value)
        except (TypeError, ValueError):
            found.append(
                problem(column, "not_a_number", f"“{value}”不是数字。", f"'{value}' is not a number.", table=table)
            )
            continue
        if number < 0:
            found.append(problem(column, "negative", "不能为负数。", "must not be negative.", table=table))
    return found


def check_flags(values: dict[str, Any], columns: Iterable[str]) -> list[Problem]:
    """Yes/no fields hold 0 or 1."""
    return [
        problem(c, "not_a_flag", "只能填“是”或“否”。", "must be yes or no.")
        for c in columns
        if values.get(c) not in (None, "", 0, 1, "0", "1", True, False)
    ]


def check_dates(values: dict[str, Any], columns: Iterable[str]) -> list[Problem]:
    """Dates are real calendar dates written YYYY-MM-DD."""
    found = []
    for column in columns:
        value = values.get(column)
        if value in (None, ""):
            continue
        if parse_date(str(value)) is None:
            found.append(
                problem(
                    column,
                    "bad_date",
                    f"“{value}”不是有效日期，请按 年-月-日 填写（如 2019-03-01）。",
                    f"'{value}' is not a valid date; use YYYY-MM-DD (e.g. 2019-03-01).",
                )
            )
    return found


def check_years(values: dict[str, Any], columns: Iterable[str]) -> list[Problem]:
    """Years are four-digit and plausible for the programme."""
    found = []
    for column in columns:
        value = values.get(column)
        if value in (None, ""):
            continue
        if not str(value).isdigit() or not 2000 <= int(value) <= 2100:
            found.append(problem(column, "bad_year", f"“{value}”不是有效年度。", f"'{value}' is not a valid year."))
    return found


def parse_date(text: str) -> datetime.date | None:
    """A date from YYYY-MM-DD text, or None."""
    if not ISO_DATE.match(text):
        return None
    try:
        return datetime.date.fromisoformat(text)
    except ValueError:
        return None


def group_problem(group: str, in_other_village: bool) -> Problem:
    """The household's 村民小组 is not one of its village's groups: another village's, or not registered at all.

    ``group`` is what the household form holds: a group id, or the name the user typed.  Both cases
    share the code "wrong_group"; only the message differs.
    """
    if in_other_village:
        return problem("group_id", "wrong_group", "该村民小组不属于所选的村。", "the group is not in this village.")
    known_id = UUID.match(group) is not None  # a group deleted meanwhile, rather than a typed name
    named, named_en = ("该村民小组", "the group") if known_id else (f"“{group}”", f"'{group}'")
    return problem(
        "group_id",
        "wrong_group",
        f"{named}尚未登记为本村的村民小组。请从列表中选择，或在“工具 → 设置… → 村民小组”中添加。",
        f"{named_en} is not a registered group of this village. "
        "Choose one from the list, or add it under Tools → Settings… → Village groups.",
    )


def validate_household(values: dict[str, Any], book: CodeBook) -> list[Problem]:
    """Field rules of the household form (codes, flags, areas, years, phone)."""
    found = check_codes(values, fields.HOUSEHOLD_CODES, book)
    found += check_flags(values, fields.HOUSEHOLD_FLAGS)
    found += check_non_negative(values, fields.HOUSEHOLD_AMOUNTS)
    found += check_years(values, fields.HOUSEHOLD_YEARS)
    phone = values.get("phone")
    if phone and not PHONE.match(str(phone)):
        found.append(problem("phone", "bad_phone", "格式不对，只能包含数字和“-”。", "only digits and '-' are allowed."))
    found += _area_parts(values)
    return found


def _area_parts(values: dict[str, Any]) -> list[Problem]:
    found = []
    for part, whole in (("irrigated_area", "land_area"), ("reforested_area", "forest_area")):
        try:
            if float(values.get(part) or 0) > float(values.get(whole) or 0):
                found.append(
                    problem(
                        part,
                        "part_exceeds_whole",
                        f"大于{fields.label(whole)}，请核对。",
                        f"is larger than {fields.label(whole, 'en')}; please check.",
                        WARNING,
                    )
                )
        except (TypeError, ValueError):
            pass
    return found


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


def age_on(born: datetime.date, on: datetime.date) -> int:
    """Full years between ``born`` and ``on``."""
    return on.year - born.year - ((on.month, on.day) < (born.month, born.day))


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
        return [
            problem("id_number", "missing_id", "未填写，请尽快补录。", "missing; add it when available.", WARNING)
        ]
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


def validate_relations(members: list[dict[str, Any]]) -> list[Problem]:
    """Household-level rules: exactly one head; relations consistent with sex and age."""
    live = [m for m in members if int(m.get("in_household") if m.get("in_household") is not None else 1) == 1]
    found = _check_heads(live)
    head = next((m for m in live if m.get("relation") == HEAD), None)
    for member in live:
        found += _relation_sex(member)
        if head is not None and member is not head:
            found += _relation_age(member, head)
    return found


def _check_heads(live: list[dict[str, Any]]) -> list[Problem]:
    heads = [m for m in live if m.get("relation") == HEAD]
    if not live or len(heads) == 1:
        return []
    if not heads:
        return [
            problem(
                "relation",
                "no_head",
                "这一户没有户主，请把一名成员设为户主。",
                "the household has no head; make one member the head.",
            )
        ]
    named = [str(m.get("name") or "") for m in heads]
    names, names_en = "、".join(named), ", ".join(named)
    return [
        problem(
            "relation",
            "two_heads",
            f"一户只能有一个户主，现有 {len(heads)} 个（{names}）。",
            f"a household has exactly one head; found {len(heads)} ({names_en}).",
        )
    ]


def _relation_sex(member: dict[str, Any]) -> list[Problem]:
    relation, sex = member.get("relation"), member.get("sex")
    if (relation in MALE_RELATIONS and sex == "2") or (relation in FEMALE_RELATIONS and sex == "1"):
        from models.codes import label, label_en

        return [
            problem(
                "relation",
                "relation_sex",
                f"{member.get('name')}：“{label('relation', relation)}”与性别不符。",
                f"{member.get('name')}: '{label_en('relation', relation)}' does not match the sex.",
                record=str(member.get("id") or ""),
            )
        ]
    return []


def _relation_age(member: dict[str, Any], head: dict[str, Any]) -> list[Problem]:
    born, head_born = parse_date(str(member.get("birth_date") or "")), parse_date(str(head.get("birth_date") or ""))
    if born is None or head_born is None:
        return []
    relation = member.get("relation")
    odd = (relation in YOUNGER_GENERATION and born <= head_born) or (relation in OLDER_GENERATION and born >= head_born)
    if relation == SPOUSE and member.get("sex") and member.get("sex") == head.get("sex"):
        return [
            problem(
                "relation",
                "spouse_sex",
                f"{member.get('name')}：配偶与户主性别相同，请核对。",
                f"{member.get('name')}: spouse has the same sex as the head; please check.",
                WARNING,
                str(member.get("id") or ""),
            )
        ]
    if odd:
        return [
            problem(
                "birth_date",
                "relation_age",
                f"{member.get('name')}：年龄与“与户主关系”不符，请核对。",
                f"{member.get('name')}: age does not fit the relation to the head.",
                WARNING,
                str(member.get("id") or ""),
            )
        ]
    return []


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
