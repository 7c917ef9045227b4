"""Finding the header of a roster: title rows and merged group headers skipped, variants recognised, guesses shown."""

from __future__ import annotations

from pathlib import Path

import pytest

from exports.excel_fields import IGNORE, TARGETS, match_header
from exports.excel_headers import detect_header, load_remembered, remember_mapping
from exports.excel_read import read_workbook
from models.db import open_database
from tests.exports.excel_helpers import pid, write_xlsx


def guess_of(path: Path, remembered: dict[str, str] | None = None):
    return detect_header(read_workbook(path)[0], remembered)


def targets(guess) -> dict[str, str]:
    return {c.header: c.target for c in guess.columns}


@pytest.mark.parametrize(
    ("header", "key"),
    [
        ("户主姓名", "head_name"),
        ("身份证号", "member.id_number"),
        ("证件号码", "member.id_number"),
        ("公民身份号码", "member.id_number"),
        ("与户主的关系", "member.relation"),
        ("户号", "household.household_no"),
        ("耕地面积(亩)", "household.land_area"),
        ("耕地面积", "household.land_area"),
        ("* 姓 名", "member.name"),
        ("主要致贫原因：", "household.main_cause"),
        ("是否参加新农合", "member.medical_insurance"),
        ("村民小组（社）", "group"),
        ("行政村", "village"),
        ("家庭人口数", IGNORE),
        ("错误说明", IGNORE),
    ],
)
def test_national_headers_and_common_variants_are_recognised(header: str, key: str) -> None:
    assert match_header(header) == key


def test_every_field_label_is_recognised_as_its_own_field() -> None:
    for key, target in TARGETS.items():
        if key != IGNORE:
            assert match_header(target.label) == key, target.label


def test_title_rows_and_a_column_number_row_are_skipped(tmp_path: Path) -> None:
    path = write_xlsx(
        tmp_path / "t.xlsx",
        [
            ["通渭县平襄镇文峰村建档立卡贫困人口花名册"],
            ["填报单位：文峰村委会", None, None, "填报日期：2019年6月"],
            ["序号", "户主姓名", "姓名", "身份证号", "与户主关系"],
            [1, 2, 3, 4, 5],
            [1, "张三", "张三", pid(1970, 3, 5, True), "户主"],
        ],
        merges=["A1:E1"],
    )
    guess = guess_of(path)
    assert guess.header_rows == (2,)
    assert guess.first_data_row == 4
    assert targets(guess) == {
        "序号": IGNORE,
        "户主姓名": "head_name",
        "姓名": "member.name",
        "身份证号": "member.id_number",
        "与户主关系": "member.relation",
    }


def test_a_two_row_header_with_merged_group_cells_names_the_head_and_member_columns(tmp_path: Path) -> None:
    path = write_xlsx(
        tmp_path / "t.xlsx",
        [
            ["文峰村花名册"],
            ["序号", "户主信息", None, "家庭成员信息", None, None, "备注"],
            [None, "姓名", "身份证号", "姓名", "证件号码", "与户主关系", None],
            [1, "张三", pid(1970, 3, 5, True), "张三", pid(1970, 3, 5, True), "户主", None],
        ],
        merges=["A1:G1", "A2:A3", "B2:C2", "D2:F2", "G2:G3"],
    )
    guess = guess_of(path)
    assert guess.header_rows == (1, 2)
    assert guess.first_data_row == 3
    found = {c.index: c.target for c in guess.columns}
    assert found == {
        0: IGNORE,
        1: "head_name",
        2: "head_id_number",
        3: "member.name",
        4: "member.id_number",
        5: "member.relation",
        6: "household.note",
    }
    assert guess.columns[1].header == "户主信息-姓名"


def test_an_unknown_header_gets_a_similar_field_as_a_guess_to_confirm(tmp_path: Path) -> None:
    path = write_xlsx(tmp_path / "t.xlsx", [["姓名", "与户主关系", "身份证号", "是否享受农村低保金", "喜好"]])
    columns = {c.header: c for c in guess_of(path).columns}
    assert (columns["是否享受农村低保金"].target, columns["是否享受农村低保金"].source) == ("member.dibao", "similar")
    assert (columns["喜好"].target, columns["喜好"].source) == (IGNORE, "none")


def test_a_field_named_twice_is_taken_once(tmp_path: Path) -> None:
    path = write_xlsx(tmp_path / "t.xlsx", [["姓名", "与户主关系", "联系电话", "电话"]])
    columns = guess_of(path).columns
    assert [(c.target, c.source) for c in columns[2:]] == [("household.phone", "known"), (IGNORE, "duplicate")]


def test_remembered_mappings_come_first_and_survive_reopening(tmp_path: Path) -> None:
    path = write_xlsx(tmp_path / "t.xlsx", [["姓名", "与户主关系", "人员编码", "电话"]])
    guess = guess_of(path)
    guess.columns[2].target = "member.id_number"
    guess.columns[3].target = IGNORE
    db = open_database(tmp_path / "r.db")
    remember_mapping(db, guess.columns)
    db.close()
    remembered = load_remembered(open_database(tmp_path / "r.db").conn)
    again = guess_of(path, remembered)
    assert [(c.target, c.source) for c in again.columns[2:]] == [
        ("member.id_number", "remembered"),
        (IGNORE, "remembered"),
    ]


def test_samples_never_show_a_full_id_number(tmp_path: Path) -> None:
    number = pid(1970, 3, 5, True)
    path = write_xlsx(tmp_path / "t.xlsx", [["姓名", "身份证号", "与户主关系"], ["张三", number, "户主"]])
    samples = guess_of(path).columns[1].samples
    assert samples == [number[:6] + "********" + number[-4:]]


def test_a_sheet_without_a_roster_header_scores_nothing(tmp_path: Path) -> None:
    path = write_xlsx(tmp_path / "t.xlsx", [["会议记录"], ["今天下雨"]])
    guess = guess_of(path)
    assert guess.score == 0 and guess.columns == []
