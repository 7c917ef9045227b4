"""A mistyped ID number on a registered household's row: its own error only, no cascade of made-up ones."""

from __future__ import annotations

from pathlib import Path

import pytest

from exports.excel_import import ExcelImport, ImportOptions
from exports.excel_plan import REJECTED, ImportPlan
from models.registry import Registry
from tests.exports.excel_helpers import VILLAGE, make_registry, pid, write_xlsx

ZHAO = pid(1974, 11, 26, True)
WIFE = pid(1976, 2, 3, False)
HEADER = ["村", "户编号", "户主姓名", "户主证件号码", "姓名", "证件号码", "与户主关系"]


def mistyped(number: str) -> str:
    """The number with its last (check) digit changed: a typo a clerk makes."""
    last = number[-1]
    return number[:-1] + ("0" if last in "9X" else str(int(last) + 1))


@pytest.fixture
def registry(tmp_path: Path) -> Registry:
    db, reg = make_registry(tmp_path / "r.db")
    yield reg
    db.close()


def plan_of(registry: Registry, path: Path) -> ImportPlan:
    return ExcelImport.open(path, registry.conn, ImportOptions(status_year=2019)).plan(registry)


def codes_by_row(plan: ImportPlan) -> dict[int, list[tuple[str, str]]]:
    found: dict[int, list[tuple[str, str]]] = {}
    for item, _ in plan.problems():
        found.setdefault(item.row, []).append((item.severity, item.problem.code))
    return found


def test_a_one_person_household_with_a_mistyped_head_id_gets_only_the_check_digit_error(
    registry: Registry, tmp_path: Path
) -> None:
    registry.create_household(
        {"village_code": VILLAGE, "household_no": "029"}, [{"name": "赵鹏", "relation": "01", "id_number": ZHAO}]
    )
    rows = [HEADER, ["文峰村", "029", "赵鹏", ZHAO, "赵鹏", mistyped(ZHAO), "户主"]]
    plan = plan_of(registry, write_xlsx(tmp_path / "r.xlsx", rows))
    (household,) = plan.households
    assert household.action == REJECTED
    assert codes_by_row(plan) == {2: [("error", "id_check")]}  # no second head, no "members do not match"
    assert [(m.row, m.is_new) for m in household.members] == [(2, False)]  # the registered head, not a new one


def test_a_mistyped_member_id_is_matched_by_name_in_a_larger_household(registry: Registry, tmp_path: Path) -> None:
    registry.create_household(
        {"village_code": VILLAGE, "household_no": "029"},
        [{"name": "赵鹏", "relation": "01", "id_number": ZHAO}, {"name": "王芳", "relation": "02", "id_number": WIFE}],
    )
    rows = [
        HEADER,
        ["文峰村", "029", "赵鹏", ZHAO, "赵鹏", mistyped(ZHAO), "户主"],
        ["文峰村", "029", "赵鹏", ZHAO, "王芳", mistyped(WIFE), "配偶"],
    ]
    plan = plan_of(registry, write_xlsx(tmp_path / "r.xlsx", rows))
    assert codes_by_row(plan) == {2: [("error", "id_check")], 3: [("error", "id_check")]}


def test_an_unmatched_row_with_a_mistyped_id_is_noted_not_counted_as_a_second_head(
    registry: Registry, tmp_path: Path
) -> None:
    registry.create_household(
        {"village_code": VILLAGE, "household_no": "029"},
        [{"name": "赵鹏", "relation": "01", "id_number": ZHAO}, {"name": "王芳", "relation": "02", "id_number": WIFE}],
    )
    rows = [
        HEADER,
        ["文峰村", "029", "赵朋", ZHAO, "赵朋", mistyped(ZHAO), "户主"],  # the name mistyped as well
        ["文峰村", "029", "赵朋", ZHAO, "王芳", WIFE, "配偶"],
    ]
    plan = plan_of(registry, write_xlsx(tmp_path / "r.xlsx", rows))
    found = codes_by_row(plan)
    assert found[2] == [("error", "id_check"), ("warning", "unmatched_bad_id")]
    assert "two_heads" not in {code for problems in found.values() for _, code in problems}
    assert not any(c.field == "家庭成员" for c in plan.households[0].changes)


def test_a_valid_id_still_wins_over_a_name_match_for_a_mistyped_row(registry: Registry, tmp_path: Path) -> None:
    """Two rows of one name: the row whose number is right is that member; the mistyped one is not."""
    registry.create_household(
        {"village_code": VILLAGE, "household_no": "029"},
        [{"name": "赵鹏", "relation": "01", "id_number": ZHAO}, {"name": "王芳", "relation": "02", "id_number": WIFE}],
    )
    rows = [
        HEADER,
        ["文峰村", "029", "赵鹏", ZHAO, "王芳", mistyped(WIFE), "之女"],
        ["文峰村", "029", "赵鹏", ZHAO, "赵鹏", ZHAO, "户主"],
        ["文峰村", "029", "赵鹏", ZHAO, "王芳", WIFE, "配偶"],
    ]
    plan = plan_of(registry, write_xlsx(tmp_path / "r.xlsx", rows))
    found = codes_by_row(plan)
    assert found[2] == [("error", "id_check"), ("warning", "unmatched_bad_id")]
    assert 3 not in found and 4 not in found
