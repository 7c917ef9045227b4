"""Validation rules as pure functions returning Problems (nothing here writes): the household's, and the rest's
from ``validation_base`` (single values), ``validation_members``, ``validation_relations`` and
``validation_assistance``.

Rules that need the database (an ID number already in another household,
the village exists) live in the registry, which calls these first.
"""

from __future__ import annotations

from typing import Any

from models import fields
from models.errors import WARNING, Problem
from models.validation_assistance import validate_helper, validate_income, validate_loan, validate_measure
from models.validation_base import (
    FEMALE_RELATIONS,
    HEAD,
    ID_CARD,
    MALE_RELATIONS,
    PHONE,
    UUID,
    CodeBook,
    check_codes,
    check_dates,
    check_flags,
    check_non_negative,
    check_years,
    parse_date,
    problem,
)
from models.validation_members import normalize_member
from models.validation_relations import validate_relations

__all__ = [  # the validation API, as callers import it
    "FEMALE_RELATIONS",
    "HEAD",
    "ID_CARD",
    "MALE_RELATIONS",
    "CodeBook",
    "check_codes",
    "check_dates",
    "check_non_negative",
    "check_years",
    "group_problem",
    "normalize_member",
    "parse_date",
    "problem",
    "validate_helper",
    "validate_household",
    "validate_income",
    "validate_loan",
    "validate_measure",
    "validate_relations",
]


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
