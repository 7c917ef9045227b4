"""Importing a messy roster: every row checked first, a report per row, one transaction, nothing guessed."""

from __future__ import annotations

from pathlib import Path

import pytest

from exports import excel_apply
from exports.excel_apply import StalePlan, apply_plan
from exports.excel_import import ExcelImport, ImportOptions
from exports.excel_plan import NEW, REJECTED
from exports.excel_read import read_workbook
from exports.excel_rejected import ERROR_HEADER, save_rejected
from models.db import Database
from models.registry import Registry
from tests.exports.excel_helpers import VILLAGE, household_count, make_registry, pid, snapshot, write_xlsx

# fmt: off
HEADER = ["序号", "村", "组", "户编号", "户主姓名", "姓名", "性别", "身份证号", "出生日期", "与户主的关系", "民族",
          "健康状况", "是否享受低保", "主要致贫原因", "其他致贫原因", "耕地面积(亩)", "联系电话", "贫困户状态"]
ZHANG = pid(1970, 3, 5, True)
LI = pid(1972, 8, 1, False)
MING = pid(1998, 1, 9, True)
WANG = pid(1960, 2, 2, True)
ZHAO = pid(1965, 4, 4, True)
QIAN = pid(1955, 5, 5, True)
SUN = pid(1980, 6, 6, True)


def wide(text: str) -> str:
    return "".join(chr(ord(c) + 0xFEE0) if c.isdigit() else c for c in text)


def messy_rows() -> list[list[object]]:
    """Six households: two clean enough to import, four with one blocking error each."""
    return [
        ["文峰村建档立卡贫困人口花名册"],
        HEADER,
        list(range(1, len(HEADER) + 1)),
        [1, "文峰村", "1组", "001", "张三", "张 三", "男", wide(ZHANG), 25632, "户主", "汉", "健康", "√", "因病致贫",
         "因学", "2.5亩", 13912345678, "未脱贫"],
        [2, "文峰村", "1组", "001", "张三", "李梅", "女", f" {LI[:6]} {LI[6:]} ", "1972/8/1", "妻子", "汉族",
         "长期慢性病、残疾", "否", None, None, None, None, None],
        [3, "文峰村", "1组", "001", "张三", "张小明", "男", MING.lower(), "1998年1月9日", "子", "汉", "健康", 0, None,
         None, None, None, None],
        [4, "文峰村", "第二村民小组", "002", "王五", "王五", "男", float(WANG), None, "户主", "汉", "健康", "否",
         "因残", None, 3, None, "未脱贫"],
        [5, "文峰村", "第二村民小组", "003", "赵六", "赵六", "男", ZHAO, None, "户主", "汉", "健康", "否", "因并",
         None, 1, None, "未脱贫"],
        [6, "文峰村", "一组", None, "钱七", "钱七", "男", QIAN, None, "户主", "汉", "健康", "是", "缺资金", None,
         None, None, "未脱贫"],
        [7, "文峰村", "一组", None, "钱七", "钱小妹", "女", None, "2010-09-01", "女", "汉", "健康", "否", None, None,
         None, None, None],
        [8, "文峰村", "1组", "004", "孙九", "孙九", "男", ZHANG, None, "户主", "汉", "健康", "否", "因病", None, None,
         None, "未脱贫"],
        [9, "文峰村", "第九组", "005", "周十", "周十", "男", SUN, None, "户主", "汉", "健康", "否", "因病", None, None,
         None, "未脱贫"],
        [None, "合计", None, None, None, None],
    ]
# fmt: on


@pytest.fixture
def registry(tmp_path: Path) -> Registry:
    db, reg = make_registry(tmp_path / "r.db")
    yield reg
    db.close()


def plan_of(registry: Registry, path: Path, **options: object):
    job = ExcelImport.open(path, registry.conn, ImportOptions(status_year=2019, **options))
    return job, job.plan(registry)


def errors_by_row(plan) -> dict[int, list[str]]:
    found: dict[int, list[str]] = {}
    for item, _ in plan.problems():
        if item.severity == "error":
            found.setdefault(item.row, []).append(item.problem.code)
    return found


def test_a_messy_roster_is_checked_row_by_row_and_only_clean_households_are_imported(
    registry: Registry, tmp_path: Path
) -> None:
    path = write_xlsx(tmp_path / "messy.xlsx", messy_rows(), merges=["A1:R1"])
    job, plan = plan_of(registry, path)
    assert job.guess.header_rows == (1,) and job.guess.first_data_row == 3
    assert [h.action for h in plan.households] == [NEW, REJECTED, REJECTED, NEW, REJECTED, REJECTED]
    assert errors_by_row(plan) == {
        7: ["id_digits_lost"],
        8: ["unknown_code"],
        11: ["duplicate_in_file"],
        12: ["unknown_group"],
    }
    assert plan.skipped == [(13, "合计")]
    warnings = [(p.row, p.problem.code) for p, _ in plan.problems() if p.severity == "warning"]
    assert (10, "missing_id") in warnings  # a warning never blocks: 钱七's household is imported
    result = apply_plan(registry, plan)
    assert (result.households_added, result.members_added, result.rejected) == (2, 5, 4)
    zhang = registry.id_owner(ZHANG)
    household = registry.get_household(zhang["household_id"])
    assert household["household"]["group_name"] == "第一村民小组"
    assert household["household"]["main_cause"] == "01" and household["other_causes"] == ["03"]
    assert household["household"]["land_area"] == 2.5 and household["household"]["phone"] == "13912345678"
    assert [s["status"] for s in household["status_history"]] == ["01"]
    members = {m["name"]: m for m in household["members"]}
    assert members["张三"]["birth_date"] == "1970-03-05" and members["张三"]["dibao"] == 1
    assert members["李梅"]["id_number"] == LI and members["李梅"]["relation"] == "02"
    assert members["李梅"]["health"] == "02,04" and members["李梅"]["ethnicity"] == "01"
    assert members["张小明"]["id_number"] == MING and members["张小明"]["birth_date"] == "1998-01-09"
    qian = registry.get_household(registry.id_owner(QIAN)["household_id"])
    assert sorted(m["name"] for m in qian["members"]) == ["钱七", "钱小妹"]
    assert registry.id_owner(WANG) is None and registry.id_owner(ZHAO) is None


def test_reimporting_the_same_file_changes_nothing(registry: Registry, tmp_path: Path) -> None:
    path = write_xlsx(tmp_path / "messy.xlsx", messy_rows())
    apply_plan(registry, plan_of(registry, path)[1])
    before = snapshot(registry.db)
    _, plan = plan_of(registry, path)
    assert plan.counts()["unchanged"] == 2 and plan.counts()["new"] == 0
    apply_plan(registry, plan)
    assert snapshot(registry.db) == before


def test_rejected_rows_are_saved_with_reasons_and_import_once_fixed(registry: Registry, tmp_path: Path) -> None:
    path = write_xlsx(tmp_path / "messy.xlsx", messy_rows())
    job, plan = plan_of(registry, path)
    apply_plan(registry, plan)
    rejected = tmp_path / "rejected.xlsx"
    assert save_rejected(job.sheet, plan, rejected) == 4
    rows = read_workbook(rejected)[0].rows
    assert rows[0][-1] == ERROR_HEADER and [r[5] for r in rows[1:]] == ["王五", "赵六", "孙九", "周十"]
    assert "15 位有效数字" in rows[1][-1] and "是否为“因病”" in rows[2][-1] and "与第 4 行相同" in rows[3][-1]
    fixed = [r[:-1] for r in rows]
    fixed[1][7], fixed[2][13], fixed[3][7], fixed[4][2] = WANG, "因病", pid(1981, 7, 7, True), "第二村民小组"
    _, again = plan_of(registry, write_xlsx(tmp_path / "fixed.xlsx", fixed))
    assert [h.action for h in again.households] == [NEW] * 4, errors_by_row(again)
    apply_plan(registry, again)
    assert household_count(registry.db) == 6


def test_a_registered_id_updates_that_household_with_a_preview_and_never_copies_it(
    registry: Registry, tmp_path: Path
) -> None:
    household_id = registry.create_household(
        {"village_code": VILLAGE, "phone": "13900000000", "main_cause": "01"},
        [
            {"name": "张三", "relation": "01", "id_number": ZHANG, "ethnicity": "01", "health": "01"},
            {"name": "李梅", "relation": "02", "id_number": LI, "ethnicity": "01"},
        ],
    )
    rows = [
        ["姓名", "身份证号", "与户主关系", "健康状况", "联系电话", "村"],
        ["张三", ZHANG, "户主", "长期慢性病", "13911112222", "文峰村"],
        ["李梅", LI, "配偶", None, None, "文峰村"],
        ["张小明", MING, "之子", "健康", None, "文峰村"],
    ]
    _, plan = plan_of(registry, write_xlsx(tmp_path / "u.xlsx", rows))
    (household,) = plan.households
    assert household.action == "update" and household.household_id == household_id
    shown = {(c.who, c.field, c.old, c.new) for c in household.changes}
    assert ("户", "联系电话", "13900000000", "13911112222") in shown
    assert ("张三", "健康状况", "健康", "长期慢性病") in shown
    assert ("张小明", "家庭成员", "", "新增成员") in shown
    assert len(household.changes) == 3
    apply_plan(registry, plan)
    assert household_count(registry.db) == 1
    stored = registry.get_household(household_id)
    assert stored["household"]["phone"] == "13911112222" and len(stored["members"]) == 3
    assert stored["household"]["main_cause"] == "01"  # a column the file does not have is left alone


def test_members_registered_in_two_households_are_an_error_not_a_merge(registry: Registry, tmp_path: Path) -> None:
    for name, number in (("张三", ZHANG), ("王五", WANG)):
        registry.create_household({"village_code": VILLAGE}, [{"name": name, "relation": "01", "id_number": number}])
    rows = [["姓名", "身份证号", "与户主关系", "户编号"], ["张三", ZHANG, "户主", "9"], ["王五", WANG, "之父", "9"]]
    before = snapshot(registry.db)
    _, plan = plan_of(registry, write_xlsx(tmp_path / "two.xlsx", rows), village_code=VILLAGE)
    assert errors_by_row(plan) == {2: ["several_households", "id_in_other_household"], 3: ["id_in_other_household"]}
    assert "文峰村王五户" in plan.problems()[-1][0].message()
    apply_plan(registry, plan)
    assert snapshot(registry.db) == before


def test_one_row_per_household_makes_the_row_s_person_the_head(registry: Registry, tmp_path: Path) -> None:
    rows = [
        ["户主姓名", "户主身份证号", "家庭人口数", "贫困户属性", "是否军烈属", "村民小组"],
        ["张三", ZHANG, 4, "低保户", "是", "2组"],
        ["王五", WANG, 2, "一般贫困户", "否", "二组"],
    ]
    _, plan = plan_of(registry, write_xlsx(tmp_path / "h.xlsx", rows), village_code=VILLAGE)
    assert plan.layout == "household" and [h.action for h in plan.households] == [NEW, NEW]
    apply_plan(registry, plan)
    stored = registry.get_household(registry.id_owner(ZHANG)["household_id"])
    assert stored["household"]["attribute"] == "2" and stored["household"]["is_military_family"] == 1
    assert stored["household"]["group_name"] == "第二村民小组"
    assert [(m["name"], m["relation"], m["birth_date"], m["sex"]) for m in stored["members"]] == [
        ("张三", "01", "1970-03-05", "1")
    ]


def test_without_household_numbers_rows_group_by_the_head_s_id_number(registry: Registry, tmp_path: Path) -> None:
    rows = [
        ["户主身份证号", "姓名", "身份证号", "与户主关系"],
        [ZHANG, "张三", ZHANG, "户主"],
        [WANG, "王五", WANG, "户主"],
        [ZHANG, "李梅", LI, "配偶"],
    ]
    _, plan = plan_of(registry, write_xlsx(tmp_path / "g.xlsx", rows), village_code=VILLAGE)
    assert [h.rows for h in plan.households] == [[2, 4], [3]]


def test_unknown_places_name_the_row_unless_creating_them_is_asked_for(registry: Registry, tmp_path: Path) -> None:
    rows = [
        ["村", "组", "姓名", "身份证号", "与户主关系"],
        ["文峰村", "第九组", "张三", ZHANG, "户主"],
        ["黑山村", "1组", "王五", WANG, "户主"],
    ]
    path = write_xlsx(tmp_path / "p.xlsx", rows)
    _, plan = plan_of(registry, path)
    assert errors_by_row(plan) == {2: ["unknown_group"], 3: ["unknown_village"]}
    assert "第 3 行" not in plan.problems()[1][0].message() and plan.problems()[1][0].row == 3
    _, plan = plan_of(registry, path, create_places=True)
    assert errors_by_row(plan) == {3: ["unknown_village"]}
    apply_plan(registry, plan)
    assert [g["name"] for g in registry.groups(VILLAGE)] == ["第一村民小组", "第二村民小组", "第九组"]


def test_a_failed_import_leaves_the_database_file_byte_identical(
    registry: Registry, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = write_xlsx(tmp_path / "messy.xlsx", messy_rows())
    _, plan = plan_of(registry, path)
    db: Database = registry.db
    db.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    before, file_bytes = snapshot(db), Path(db.path).read_bytes()

    def broken(conn, ids):  # the last step of the transaction fails (disk full, a bug …)
        raise OSError("disk full")

    monkeypatch.setattr(excel_apply, "index_households", broken)
    with pytest.raises(OSError):
        apply_plan(registry, plan)
    assert snapshot(db) == before
    db.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    assert Path(db.path).read_bytes() == file_bytes


def test_a_plan_made_before_the_registry_changed_is_refused(registry: Registry, tmp_path: Path) -> None:
    _, plan = plan_of(registry, write_xlsx(tmp_path / "messy.xlsx", messy_rows()))
    registry.create_household({"village_code": VILLAGE}, [{"name": "王五", "relation": "01", "id_number": WANG}])
    before = snapshot(registry.db)
    with pytest.raises(StalePlan):
        apply_plan(registry, plan)
    assert snapshot(registry.db) == before


def test_the_openpyxl_reader_gives_the_same_plan_as_calamine(registry: Registry, tmp_path: Path) -> None:
    path = write_xlsx(tmp_path / "messy.xlsx", messy_rows(), merges=["A1:R1"])
    plans = [plan_of(registry, path, engine=engine)[1] for engine in ("calamine", "openpyxl")]
    assert plans[0].counts() == plans[1].counts()
    assert errors_by_row(plans[0]) == errors_by_row(plans[1])

    def members(plan) -> list[dict]:
        return [
            {k: v for k, v in m.values.items() if k not in ("id", "household_id")}
            for h in plan.households
            for m in h.members
        ]

    assert members(plans[0]) == members(plans[1]) and len(members(plans[0])) == 9


def test_a_village_given_by_code_and_name_is_created_only_when_asked(registry: Registry, tmp_path: Path) -> None:
    rows = [["村代码", "行政村", "姓名", "身份证号", "与户主关系"], ["621121103203", "新庄村", "张三", ZHANG, "户主"]]
    path = write_xlsx(tmp_path / "v.xlsx", rows)
    assert errors_by_row(plan_of(registry, path)[1]) == {2: ["unknown_village"]}
    result = apply_plan(registry, plan_of(registry, path, create_places=True)[1])
    assert result.households_added == 1 and result.places_created == 1
    assert {"code": "621121103203", "name": "新庄村", "level": 5, "parent_code": "621121103000"} in registry.regions()


def test_a_row_holding_another_households_number_is_the_one_blamed(registry: Registry, tmp_path: Path) -> None:
    """Three rows of 张三's household and one typed with 王五's ID number: only that row is in error."""
    zhang = registry.create_household(
        {"village_code": VILLAGE, "household_no": "101"},
        [
            {"name": "张三", "relation": "01", "id_number": ZHANG},
            {"name": "李梅", "relation": "02", "id_number": LI},
        ],
    )
    registry.create_household({"village_code": VILLAGE, "household_no": "202"}, [
        {"name": "王五", "relation": "01", "id_number": WANG}
    ])
    rows = [
        ["姓名", "身份证号", "与户主关系", "户编号"],
        ["张三", ZHANG, "户主", "101"],
        ["李梅", LI, "配偶", "101"],
        ["张五", WANG, "之子", "101"],
    ]
    _, plan = plan_of(registry, write_xlsx(tmp_path / "mixed.xlsx", rows), village_code=VILLAGE)
    assert errors_by_row(plan) == {4: ["id_in_other_household"]}
    assert plan.households[0].household_id == zhang
    assert "王五" in next(i.problem.message() for i, _ in plan.problems() if i.row == 4)
