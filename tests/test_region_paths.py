"""Every way a township or village gets in — the registry API, the settings page (region_admin), ``main.py region``,
the first start and an Excel import with --create-places — refuses the same bad code or name with the same message
and writes nothing; good ones still go in."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

import main
from exports.excel_apply import apply_plan
from exports.excel_import import ExcelImport, ImportOptions
from models import region_admin
from models.db import Database, open_database
from models.errors import JiandangError
from models.first_start import Setup, apply_setup, validate_setup
from models.registry import Registry
from tests.exports.excel_helpers import pid, write_xlsx

VILLAGE, OTHER_VILLAGE, NEW = "621121103201", "621121103202", "621121103203"
RULE = "不对：乡镇为 9 位（或末三位为 000 的 12 位），村为 12 位。"
WRONG_LENGTH = "区划代码“62112110320”" + RULE
BLANK = f"区划 {NEW} 的名称不能为空。"
TOO_LONG = f"区划 {NEW} 的名称太长（最多 30 个字）。"
SAME_NAME = "已有名为“石峰村”的村（621121103202）。"
TAKEN = "区划代码 621121103202 已登记为“石峰村”；要更正名称请用“改名”。"
NO_TOWNSHIP = "村 621121104201 所属的乡镇 621121104000 还没有登记：请先添加这个乡镇（9 位代码 621121104）。"
BAD = {  # (code, name) → the one message every path gives
    "wrong length": ("62112110320", "柳湾村", WRONG_LENGTH),
    "a letter O": ("6211211032O3", "柳湾村", "区划代码“6211211032O3”" + RULE),
    "blank name": (NEW, " \u3000 ", BLANK),
    "too long": (NEW, "村" * 31, TOO_LONG),
    "same name in the township": (NEW, " 石峰村 ", SAME_NAME),
    "taken code": (OTHER_VILLAGE, "柳湾村", TAKEN),
    "no township": ("621121104201", "新村", NO_TOWNSHIP),
}


@pytest.fixture
def registry(tmp_path: Path) -> Registry:
    db = open_database(tmp_path / "paths.db")
    db.set_setting("operator", "测试员")
    registry = Registry(db)
    for code, name in (("621121103", "平襄镇"), (VILLAGE, "文峰村"), (OTHER_VILLAGE, "石峰村")):
        registry.add_region(code, name)
    return registry


def written(db: Database) -> tuple[list[tuple], int]:
    regions = db.conn.execute("SELECT code, name, level, parent_code FROM regions ORDER BY code").fetchall()
    return regions, db.conn.execute("SELECT COUNT(*) FROM change_log").fetchone()[0]


def via_registry(registry: Registry, code: str, name: str, _: Path) -> str:
    with pytest.raises(JiandangError) as refused:
        registry.add_region(code, name)
    return refused.value.message_zh


def via_page(registry: Registry, code: str, name: str, _: Path) -> str:
    with pytest.raises(JiandangError) as refused:
        region_admin.add_place(registry, code, name)
    return refused.value.message_zh


def via_cli(registry: Registry, code: str, name: str, _: Path, capsys: pytest.CaptureFixture[str]) -> str:
    assert main.main(["--db", str(registry.db.path), "region", "add", code, name]) == 1
    return capsys.readouterr().err


def via_first_start(registry: Registry, code: str, name: str, _: Path) -> str:
    setup = Setup("village", "621121103", "", [(code, name)], "笔记本-1", "王明")
    problems = validate_setup(registry.db, setup)
    assert [p.field for p in problems] == ["villages"]
    with pytest.raises(JiandangError):
        apply_setup(registry, setup)
    return problems[0].message_zh


def via_excel(registry: Registry, code: str, name: str, tmp_path: Path) -> str:
    rows = [["村代码", "行政村", "姓名", "身份证号", "与户主关系"], [code, name, "张三", pid(1970, 3, 5, True), "户主"]]
    path = write_xlsx(tmp_path / "v.xlsx", rows)
    plan = ExcelImport.open(path, registry.conn, ImportOptions(status_year=2019, create_places=True)).plan(registry)
    apply_plan(registry, plan)  # the refused row is left out; nothing else to write
    return " ".join(item.problem.message_zh for item, _ in plan.problems() if item.severity == "error")


PATHS: dict[str, Callable[..., str]] = {
    "registry": via_registry,
    "page": via_page,
    "first start": via_first_start,
    "excel": via_excel,
}
NOT_ON = {  # a path where the input means something else
    ("first start", "no township"),  # the first start registers the township it names before its villages
    ("excel", "taken code"),  # a registered code in a roster is that village (its name cell may be spelled apart)
}


@pytest.mark.parametrize("case", list(BAD))
@pytest.mark.parametrize("path", [*PATHS, "cli"])
def test_the_same_bad_input_is_refused_the_same_way_on_every_path(
    registry: Registry, tmp_path: Path, capsys: pytest.CaptureFixture[str], path: str, case: str
) -> None:
    if (path, case) in NOT_ON:
        pytest.skip("not the same input on this path")
    code, name, message = BAD[case]
    before = written(registry.db)
    if path == "cli":
        said = via_cli(registry, code, name, tmp_path, capsys)
    else:
        said = PATHS[path](registry, code, name, tmp_path)
    assert message in said
    assert written(registry.db) == before


def test_a_village_of_the_first_start_in_another_township_is_named(registry: Registry) -> None:
    setup = Setup("village", "621121103", "", [("621121104201", "新村")], "笔记本-1", "王明")
    assert [p.message_zh for p in validate_setup(registry.db, setup)] == ["村：村 621121104201 不在所选乡镇内。"]


def test_two_new_villages_of_the_first_start_may_not_share_a_name_or_a_code(tmp_path: Path) -> None:
    db = open_database(tmp_path / "fresh.db")
    twice = [("621121103201", "文峰村"), ("621121103202", "文峰村")]
    setup = Setup("village", "621121103", "平襄镇", twice, "笔记本-1", "王明")
    assert [p.message_zh for p in validate_setup(db, setup)] == ["村：已有名为“文峰村”的村（621121103201）。"]
    setup.villages = [("621121103201", "文峰村"), ("621121103201", "文丰村")]
    assert [p.message_zh for p in validate_setup(db, setup)] == [
        "村：区划代码 621121103201 已登记为“文峰村”；要更正名称请用“改名”。"
    ]
    setup.township_name = "村" * 31
    assert "区划 621121103000 的名称太长（最多 30 个字）。" in validate_setup(db, setup)[0].message_zh
    with pytest.raises(JiandangError):
        apply_setup(Registry(db), setup)
    assert written(db) == ([], 0)


def test_a_renaming_is_held_to_the_same_rules_through_the_registry_and_the_page(registry: Registry) -> None:
    def on_page(code: str, name: str) -> None:
        region_admin.rename_place(registry, code, name)

    for rename in (registry.rename_region, on_page):
        before = written(registry.db)
        for name, message in (("  ", f"区划 {VILLAGE} 的名称不能为空。"), ("石峰村", SAME_NAME)):
            with pytest.raises(JiandangError) as refused:
                rename(VILLAGE, name)
            assert refused.value.message_zh == message
        assert written(registry.db) == before
    registry.rename_region(VILLAGE, " 文峰村委会 ")
    assert registry.regions(parent="621121103")[0]["name"] == "文峰村委会"


@pytest.mark.parametrize("path", [*PATHS, "cli"])
def test_a_good_village_still_goes_in_on_every_path(
    registry: Registry, tmp_path: Path, capsys: pytest.CaptureFixture[str], path: str
) -> None:
    if path == "cli":
        assert main.main(["--db", str(registry.db.path), "region", "add", NEW, " 柳湾村 "]) == 0
    elif path == "first start":
        apply_setup(registry, Setup("village", "621121103", "", [(VILLAGE, ""), (NEW, " 柳湾村 ")], "d", "王明"))
    elif path == "excel":
        rows = [
            ["村代码", "行政村", "姓名", "身份证号", "与户主关系"],
            [NEW, " 柳湾村 ", "张三", pid(1970, 3, 5, True), "户主"],
        ]
        plan = ExcelImport.open(
            write_xlsx(tmp_path / "v.xlsx", rows), registry.conn, ImportOptions(status_year=2019, create_places=True)
        ).plan(registry)
        assert apply_plan(registry, plan).places_created == 1
    elif path == "page":
        region_admin.add_place(registry, NEW, " 柳湾村 ")
    else:
        registry.add_region(NEW, " 柳湾村 ")
    assert (NEW, "柳湾村", 5, "621121103000") in written(registry.db)[0]


def test_a_new_township_then_its_village_on_the_registry_and_the_first_start(registry: Registry) -> None:
    apply_setup(registry, Setup("township", "621121104", " 碧玉镇 ", [("621121104201", "新村")], "d", "王明"))
    assert {("621121104000", "碧玉镇", 4, "621121000000"), ("621121104201", "新村", 5, "621121104000")} <= set(
        written(registry.db)[0]
    )


def test_a_name_typed_at_the_conflict_desk_is_held_to_the_same_name_rules(registry: Registry) -> None:
    """A decision wins on every replica: a blank or too long name must not become one (rows merged from another
    replica are not re-checked, so the replicas still converge)."""
    from models.sync_value import typed_value

    pk = registry.conn.execute("SELECT id FROM regions WHERE code = ?", (VILLAGE,)).fetchone()[0]
    for typed, message in (("村" * 31, f"区划 {VILLAGE} 的名称太长（最多 30 个字）。"),):
        with pytest.raises(JiandangError) as refused:
            typed_value(registry.db, "regions", pk, "name", typed)
        assert refused.value.message_zh == message
    with pytest.raises(JiandangError, match=f"区划 {VILLAGE} 的名称不能为空"):
        typed_value(registry.db, "regions", pk, "name", "  ")
    assert typed_value(registry.db, "regions", pk, "name", " 文峰村委会 ") == "文峰村委会"


def test_the_demo_countys_regions_written_in_bulk_meet_the_same_rules(tmp_path: Path) -> None:
    """The demo writes its regions straight to the table (fast); each would pass ``Registry.add_region``."""
    from models.demo_rand import Rand
    from models.demo_regions import plan_county, region_rows

    rows = region_rows(plan_county(Rand(1, 2019), 100_000))
    registry = Registry(open_database(tmp_path / "demo.db"))
    for row in rows:
        registry.add_region(row["code"], row["name"])
    assert len(written(registry.db)[0]) == len(rows) > 200
