"""The household editor's form as state: its fingerprint for noticing changes, its problems each listed once."""

from __future__ import annotations

import json
from typing import Any

from models.errors import Problem
from models.household_form import HouseholdForm


def each_once(problems: list[Problem]) -> list[Problem]:
    """Each problem once: two checks that find the same fault (e.g. an unknown main cause) report it once."""
    seen: set[tuple[str, str, str, str]] = set()
    unique = []
    for found in problems:
        key = (found.field, found.code, found.record, found.severity)
        if key not in seen:
            seen.add(key)
            unique.append(found)
    return unique


def fingerprint(data: HouseholdForm) -> str:
    """The form's content as text, for noticing changes (blank and None are the same)."""

    def clean(value: Any) -> Any:
        if isinstance(value, dict):
            return {k: clean(v) for k, v in value.items() if v not in (None, "")}
        if isinstance(value, list):
            return [clean(v) for v in value]
        if isinstance(value, float) and value.is_integer():
            return int(value)
        return str(value) if isinstance(value, int | float) else value

    content = {
        "household": data.household,
        "members": data.members,
        "causes": sorted(data.other_causes),
        "incomes": {str(k): v for k, v in data.incomes.items()},
        "removed": data.removed_members,
    }
    return json.dumps(clean(content), ensure_ascii=False, sort_keys=True)
