"""An import that creates villages or 村民小组 says which, in the check report and the summary (review s6 #2)."""

from __future__ import annotations

from pathlib import Path

import pytest

from exports.excel_apply import apply_plan
from exports.excel_import import ExcelImport, ImportOptions
from exports.excel_places_text import describe_new_places
from models.registry import Registry
from tests.exports.excel_helpers import make_registry, pid, write_xlsx
from tests.test_cli import run

NEW_VILLAGE = "621121103203"
HEADER = ["村代码", "行政村", "组", "姓名", "身份证号", "与户主关系"]


def _rows() -> list[list[object]]:
    """新庄村 is not registered; its 1组 and 2组 are new, 文峰村 gets a new 第九组; 孙九's row is refused."""
    return [
        HEADER,
        [NEW_VILLAGE, "新庄村", "1组", "张三", pid(1970, 3, 5, True), "户主"],
        [NEW_VILLAGE, "新庄村", "2组", "王五", pid(1960, 2, 2, True), "户主"],
        ["621121103201", "文峰村", "第九组", "赵六", pid(1965, 4, 4, True), "户主"],
        ["621121103201", "文峰村", "第十组", "孙九", "123", "户主"],  # a bad ID: its new group is not created
    ]


@pytest.fixture
def registry(tmp_path: Path) -> Registry:
    db, reg = make_registry(tmp_path / "r.db")
    yield reg
    db.close()


def test_the_check_report_and_the_summary_name_the_new_villages_and_groups(registry: Registry, tmp_path: Path) -> None:
    path = write_xlsx(tmp_path / "p.xlsx", _rows())
    plan = ExcelImport.open(path, registry.conn, ImportOptions(create_places=True, status_year=2019)).plan(registry)
    assert len(plan.rejected()) == 1
    assert describe_new_places(plan.new_places()) == [
        "将新建 1 个村：新庄村（621121103203）。",
        "将新建 3 个村民小组：新庄村 1组、2组；文峰村 第九组。",
    ]
    assert describe_new_places(plan.new_places(), "en") == [
        "Will create 1 new village: 新庄村 (621121103203).",
        "Will create 3 new villager groups: 新庄村: 1组, 2组; 文峰村: 第九组.",
    ]
    result = apply_plan(registry, plan)
    assert result.places_created == 4  # not 第十组: the only household in it was refused
    assert describe_new_places(result.new_places, done=True)[0] == "已新建 1 个村：新庄村（621121103203）。"
    assert describe_new_places(result.new_places, "en", done=True)[1].startswith("Created 3 new villager groups: ")
    names = [name for (name,) in registry.conn.execute("SELECT name FROM village_groups ORDER BY name")]
    assert "第九组" in names and "第十组" not in names


def test_nothing_is_said_when_no_place_is_created(registry: Registry, tmp_path: Path) -> None:
    rows = [HEADER, ["621121103201", "文峰村", "1组", "张三", pid(1970, 3, 5, True), "户主"]]
    path = write_xlsx(tmp_path / "p.xlsx", rows)
    plan = ExcelImport.open(path, registry.conn, ImportOptions(create_places=True, status_year=2019)).plan(registry)
    assert plan.new_places() == [] and describe_new_places(plan.new_places()) == []


def test_the_command_line_lists_the_places_before_and_after_importing(tmp_path: Path) -> None:
    db, _ = make_registry(tmp_path / "r.db")
    db.close()
    book = write_xlsx(tmp_path / "p.xlsx", _rows())
    checked = run("--db", tmp_path / "r.db", "import-excel", book, "--dry-run", "--create-places")
    assert "将新建 1 个村：新庄村（621121103203）。" in checked.stdout
    assert "将新建 3 个村民小组：新庄村 1组、2组；文峰村 第九组。" in checked.stdout
    done = run("--db", tmp_path / "r.db", "import-excel", book, "--create-places", "--rejected", tmp_path / "x.xlsx")
    assert "已新建 1 个村：新庄村（621121103203）。" in done.stdout and "已新建 3 个村民小组" in done.stdout
    english = run("--db", tmp_path / "r.db", "import-excel", book, "--dry-run", "--create-places", lang="en")
    assert "Will create" not in english.stdout  # imported already: nothing new to create
