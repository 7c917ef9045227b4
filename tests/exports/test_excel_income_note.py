"""年人均纯收入 is computed from the income record: an edit in the sheet is not imported, and the preview says so."""

from __future__ import annotations

from pathlib import Path

import pytest

from exports.excel_import import ExcelImport, ImportOptions
from exports.excel_plan import ImportPlan
from models.registry import Registry
from tests.exports.excel_helpers import VILLAGE, make_registry, pid, write_xlsx

ZHANG = pid(1970, 3, 5, True)
LI = pid(1972, 8, 1, False)
WANG = pid(1960, 2, 2, True)
HEADER = ["村", "户编号", "姓名", "身份证号", "与户主关系", "年人均纯收入"]


@pytest.fixture
def registry(tmp_path: Path) -> Registry:
    db, reg = make_registry(tmp_path / "r.db")
    household_id = reg.create_household(
        {"village_code": VILLAGE, "household_no": "001"},
        [{"name": "张三", "relation": "01", "id_number": ZHANG}, {"name": "李梅", "relation": "02", "id_number": LI}],
    )
    reg.set_income(household_id, 2019, {"wage": 8000, "business_expense": 1000})  # 7000 / 2 = 3500 per person
    reg.create_household({"village_code": VILLAGE, "household_no": "002"}, [{"name": "王五", "relation": "01"}])
    yield reg
    db.close()


def plan_of(registry: Registry, path: Path) -> ImportPlan:
    return ExcelImport.open(path, registry.conn, ImportOptions(status_year=2019)).plan(registry)


def notes(plan: ImportPlan) -> list[tuple[int, str, str]]:
    return [(i.row, i.severity, i.message()) for i, _ in plan.problems() if i.problem.code == "computed_not_imported"]


def test_an_edited_per_capita_income_is_noted_as_not_imported(registry: Registry, tmp_path: Path) -> None:
    rows = [
        HEADER,
        ["文峰村", "001", "张三", ZHANG, "户主", 4200],  # edited in the sheet
        ["文峰村", "001", "李梅", LI, "配偶", None],
        ["文峰村", "002", "王五", WANG, "户主", "1,500元"],  # no income record at all
    ]
    plan = plan_of(registry, write_xlsx(tmp_path / "r.xlsx", rows))
    assert notes(plan) == [
        (
            2,
            "warning",
            "年人均纯收入：由收入信息计算（登记的为 3500.00），表中的值没有导入；如需修改，请修改收入信息。",
        ),
        (
            4,
            "warning",
            "年人均纯收入：由收入信息计算（该户没有收入信息），表中的值没有导入；如需修改，请修改收入信息。",
        ),
    ]
    assert [h.action for h in plan.households] == ["unchanged", "update"]  # a note never blocks (王五's ID is new)


def test_an_unchanged_per_capita_income_is_not_noted(registry: Registry, tmp_path: Path) -> None:
    rows = [HEADER, ["文峰村", "001", "张三", ZHANG, "户主", 3500], ["文峰村", "001", "李梅", LI, "配偶", 3500.0]]
    plan = plan_of(registry, write_xlsx(tmp_path / "r.xlsx", rows))
    assert notes(plan) == [] and plan.households[0].action == "unchanged"
