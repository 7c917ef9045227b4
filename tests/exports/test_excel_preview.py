"""The preview of an import: the row each change is on, whose household it is, and English that is English."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from exports.excel_import import ExcelImport, ImportOptions
from models.db import open_database
from models.registry import Registry
from tests.exports.excel_helpers import TODAY, VILLAGE, make_registry, pid, write_xlsx
from tests.test_cli import run

ZHANG = pid(1970, 3, 5, True)
LI = pid(1972, 8, 1, False)
BABY = pid(2019, 1, 9, True)
WANG = pid(1960, 2, 2, True)
HAN = re.compile(r"[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef]")  # Chinese characters and full-width punctuation


@pytest.fixture
def edited(tmp_path: Path) -> tuple[Path, Path]:
    """张三's registered household and a roster changing it: household values on row 2, the wife's education on
    row 3, a newborn on row 6; rows 4–5 are 王五's new household with an error on its second row."""
    db, _ = make_registry(tmp_path / "r.db")
    registry = Registry(db, today=TODAY)
    household_id = registry.create_household(
        {"village_code": VILLAGE, "household_no": "001", "land_area": 2.0, "main_cause": "01"},
        [
            {"name": "张三", "relation": "01", "id_number": ZHANG, "education": "02"},
            {"name": "李梅", "relation": "02", "id_number": LI, "education": "02"},
        ],
    )
    registry.set_status(household_id, 2019, "01")
    db.close()
    rows = [
        ["村", "户编号", "姓名", "身份证号", "与户主关系", "文化程度", "耕地面积（亩）", "其他致贫原因", "贫困户状态"],
        ["文峰村", "001", "张三", ZHANG, "户主", "小学", 2.5, "因学", "已脱贫"],
        ["文峰村", "001", "李梅", LI, "配偶", "初中", None, None, None],
        ["文峰村", "002", "王五", WANG, "户主", "小学", None, None, None],
        ["文峰村", "002", "王小妹", None, "之女", "硕士", None, None, None],
        ["文峰村", "001", "张小宝", BABY, "之子", None, None, None, None],
    ]
    return tmp_path / "r.db", write_xlsx(tmp_path / "edited.xlsx", rows)


def listed(stdout: str, title: str) -> list[str]:
    """The indented lines under ``title``."""
    lines = stdout.splitlines()
    start = lines.index(title) + 1
    end = next((i for i in range(start, len(lines)) if not lines[i].startswith("  ")), len(lines))
    return [line.strip() for line in lines[start:end]]


def test_cli_preview_shows_the_row_of_each_change_and_labels_the_head(edited: tuple[Path, Path]) -> None:
    db_path, book = edited
    result = run("--db", db_path, "import-excel", book, "--dry-run", "--status-year", "2019")
    assert listed(result.stdout, "问题（按行）：") == [
        "第 5 行（户主 王五） 错误：文化程度：“硕士”不是有效的值，请从代码表中选择。",
        "第 5 行（户主 王五） 警告：证件号码：未填写，请尽快补录。",
    ]
    assert listed(result.stdout, "将要修改的已登记户：") == [
        "第 2 行（户主 张三） 更新 户 耕地面积（亩）：2.0 → 2.5",
        "第 3 行（户主 张三） 更新 李梅 文化程度：小学 → 初中",
        "第 6 行（户主 张三） 更新 张小宝 家庭成员：— → 新增成员",
        "第 2 行（户主 张三） 更新 户 其他致贫原因：— → 因学",
        "第 2 行（户主 张三） 更新 户 2019 年贫困户状态：未脱贫 → 已脱贫",
    ]


def test_cli_preview_in_english_has_no_chinese_labels(edited: tuple[Path, Path]) -> None:
    db_path, book = edited
    result = run("--db", db_path, "import-excel", book, "--dry-run", "--status-year", "2019", lang="en")
    problems = listed(result.stdout, "Problems by row:")
    assert problems[0] == "row 5 (head: 王五) error: Education: “硕士” is not valid; choose a value of the code list."
    assert listed(result.stdout, "Changes to registered households:") == [
        "row 2 (head: 张三) update Household Cultivated land (mu): 2.0 → 2.5",
        "row 3 (head: 张三) update 李梅 Education: Primary school → Junior secondary",
        "row 6 (head: 张三) update 张小宝 Members: — → New member",
        "row 2 (head: 张三) update Household Other causes of poverty: — → Education costs",
        "row 2 (head: 张三) update Household Poverty status 2019: Not yet out of poverty → Out of poverty",
    ]
    for line in problems + listed(result.stdout, "Changes to registered households:"):
        assert not HAN.search(re.sub("张三|王五|李梅|张小宝|王小妹|硕士|“|”", "", line)), line


def test_changes_are_shown_in_either_language_with_the_member_s_row(edited: tuple[Path, Path]) -> None:
    """What the GUI wizard's change list shows (ImportChangesTableModel reads ``Change.shown``)."""
    db_path, book = edited
    db = open_database(db_path)
    registry = Registry(db, today=TODAY)
    plan = ExcelImport.open(book, db.conn, ImportOptions(status_year=2019)).plan(registry)
    db.close()
    (household,) = plan.accepted()
    by_row = {c.row: c for c in household.changes if c.row != 2}
    assert by_row[3].shown() == ("李梅", "文化程度", "小学", "初中")
    assert by_row[3].shown("en") == ("李梅", "Education", "Primary school", "Junior secondary")
    assert by_row[6].shown("en") == ("张小宝", "Members", "", "New member")
