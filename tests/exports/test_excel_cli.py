"""``main.py import-excel`` and ``export-excel`` run as a user runs them."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from models.db import open_database
from tests.exports.excel_helpers import VILLAGE, make_registry, pid, snapshot, write_xlsx
from tests.test_cli import run

FULL_ID = re.compile(r"\d{17}[\dX]")


@pytest.fixture
def roster(tmp_path: Path) -> tuple[Path, Path]:
    db, _ = make_registry(tmp_path / "r.db")
    db.close()
    rows = [
        ["姓名", "身份证号", "与户主关系", "联系电话"],
        ["张三", pid(1970, 3, 5, True), "户主", "13912345678"],
        ["李梅", pid(1972, 8, 1, False), "妻子", None],
        ["王五", 6.21121196002020e17, "户主", None],
    ]
    return tmp_path / "r.db", write_xlsx(tmp_path / "roster.xlsx", rows)


def test_dry_run_reports_every_row_and_writes_nothing(roster: tuple[Path, Path]) -> None:
    db_path, book = roster
    db = open_database(db_path)
    before = snapshot(db)
    db.close()
    result = run("--db", db_path, "import-excel", book, "--dry-run", "--village", VILLAGE)
    assert result.returncode == 1, result.stderr  # a row was refused
    assert "B 身份证号 → 证件号码" in result.stdout
    assert "新增 1 户" in result.stdout and "有错误 1 户" in result.stdout
    assert "第 4 行（户主 王五） 错误：证件号码：以数字格式保存" in result.stdout
    assert "试运行：没有写入数据库。" in result.stdout
    assert not FULL_ID.search(result.stdout)
    db = open_database(db_path)
    assert snapshot(db) == before
    db.close()
    assert (book.parent / "roster-错误行.xlsx").exists()


def test_import_writes_the_valid_households_and_export_writes_them_back(
    roster: tuple[Path, Path], tmp_path: Path
) -> None:
    db_path, book = roster
    rejected = tmp_path / "fix-me.xlsx"
    result = run("--db", db_path, "import-excel", book, "--village", VILLAGE, "--rejected", rejected)
    assert result.returncode == 1 and "已导入：新增 1 户" in result.stdout and rejected.exists()
    out = tmp_path / "out.xlsx"
    result = run("--db", db_path, "export-excel", "--out", out, "--village", VILLAGE)
    assert result.returncode == 0 and "已导出 2 名成员" in result.stdout
    again = run("--db", db_path, "import-excel", out)
    assert again.returncode == 0 and "无变化 1 户" in again.stdout, again.stdout


def test_english_and_refusals(roster: tuple[Path, Path], tmp_path: Path) -> None:
    db_path, book = roster
    result = run("--db", db_path, "import-excel", book, "--dry-run", lang="en")
    assert result.returncode == 1 and "choose the village" in result.stderr
    missing = run("--db", db_path, "import-excel", tmp_path / "none.xlsx")
    assert missing.returncode == 1 and "找不到文件" in missing.stderr
    result = run("--db", db_path, "export-excel", "--out", tmp_path / "x.xlsx", "--village", "621121103299")
    assert result.returncode == 1 and "不是已登记的村" in result.stderr
