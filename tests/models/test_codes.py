"""Tests for the national code tables in ``models.codes``."""

from __future__ import annotations

import ast
import itertools
from collections.abc import Callable
from pathlib import Path

import pytest

from models import codes as codes_module
from models.codes import (
    CODE_TABLES,
    DEFAULT_POVERTY_LINES,
    HOUSEHOLD_STATUS_LIVE,
    HOUSING_DANGEROUS,
    MEASURE_TYPE_CATEGORY,
    MEMBER_CHANGE_INCOMING,
    MICRO_CREDIT,
    TABLE_TITLES,
    Code,
    code_for,
    codes,
    label,
    label_en,
)

EXPECTED_TABLES = {
    "sex", "id_type", "relation", "ethnicity", "political", "education", "school_status",
    "health", "disability_grade", "labour_skill", "work_status", "household_attribute",
    "identification_standard", "poverty_cause", "road_type", "housing_grade", "fuel_type",
    "relocation_mode", "resettlement_mode", "resettlement_place", "household_status",
    "member_change", "helper_affiliation", "measure_category", "measure_type", "fund_source",
    "measure_status", "repayment_status", "region_level",
}

ALL_CODES = [(table, entry) for table, entries in CODE_TABLES.items() for entry in entries]


def test_tables_are_exactly_the_documented_ones() -> None:
    assert set(CODE_TABLES) == EXPECTED_TABLES


def test_every_table_has_a_chinese_and_english_title() -> None:
    assert set(TABLE_TITLES) == set(CODE_TABLES)
    for zh, en in TABLE_TITLES.values():
        assert zh and en


@pytest.mark.parametrize("table", sorted(CODE_TABLES))
def test_codes_and_labels_are_unique_and_non_empty(table: str) -> None:
    entries = codes(table)
    assert entries
    assert all(isinstance(e, Code) and e.code and e.label and e.label_en for e in entries)
    for field in ("code", "label"):
        values = [getattr(e, field) for e in entries]
        assert len(values) == len(set(values)), f"{table}.{field} has duplicates"
    english = [e.label_en.casefold() for e in entries]
    assert len(english) == len(set(english)), f"{table}.label_en has duplicates"


@pytest.mark.parametrize("table", sorted(CODE_TABLES))
def test_no_spelling_names_two_different_codes(table: str) -> None:
    owner: dict[str, str] = {}
    for entry in codes(table):
        for key in {entry.code, entry.label, entry.label_en.casefold()}:
            assert owner.setdefault(key, entry.code) == entry.code, f"{table}: {key!r}"


def test_code_widths_follow_the_national_lists() -> None:
    single = {"sex", "disability_grade", "household_attribute", "identification_standard",
              "resettlement_mode", "resettlement_place", "measure_category", "measure_status",
              "repayment_status", "region_level"}
    for table, entry in ALL_CODES:
        if table == "housing_grade":
            assert entry.code in "ABCD"
        elif table in single:
            assert len(entry.code) == 1 and entry.code.isdigit(), (table, entry)
        else:
            assert len(entry.code) == 2 and entry.code.isdigit(), (table, entry)


def test_ethnicity_has_the_56_groups_in_gb3304_order() -> None:
    entries = codes("ethnicity")
    groups = [e for e in entries if e.code not in {"97", "98"}]
    assert [e.code for e in groups] == [f"{i:02d}" for i in range(1, 57)]
    assert label("ethnicity", "01") == "汉族"
    assert label("ethnicity", "03") == "回族"
    assert label("ethnicity", "04") == "藏族"
    assert label("ethnicity", "10") == "朝鲜族"
    assert label("ethnicity", "56") == "基诺族"
    assert label("ethnicity", "97") == "其他未识别民族"
    assert label("ethnicity", "98") == "外国血统中国籍人士"


def test_poverty_cause_table_matches_the_national_list() -> None:
    assert [e.code for e in codes("poverty_cause")] == [f"{i:02d}" for i in range(1, 14)] + ["99"]
    assert label("poverty_cause", "11") == "自身发展动力不足"


def test_school_status_has_one_code_per_grade() -> None:
    assert [e.code for e in codes("school_status")] == [f"{i:02d}" for i in range(1, 17)]
    assert label("school_status", "07") == "高中一年级"
    assert label("school_status", "15") == "高职三年级"


@pytest.mark.parametrize(("table", "entry"), ALL_CODES, ids=lambda v: getattr(v, "code", v))
def test_label_and_code_for_round_trip(table: str, entry: Code) -> None:
    assert label(table, entry.code) == entry.label
    assert label_en(table, entry.code) == entry.label_en
    assert code_for(table, entry.code) == entry.code
    assert code_for(table, entry.label) == entry.code
    assert code_for(table, entry.label_en) == entry.code
    assert code_for(table, entry.label_en.upper()) == entry.code


def test_code_for_accepts_code_label_and_english_in_any_case() -> None:
    assert code_for("poverty_cause", "01") == "01"
    assert code_for("poverty_cause", "因病") == "01"
    assert code_for("poverty_cause", "illness") == "01"
    assert code_for("poverty_cause", "  ILLNESS ") == "01"


def test_code_for_tolerates_spreadsheet_and_old_spellings() -> None:
    assert code_for("poverty_cause", "1") == "01"
    assert code_for("sex", "1") == "1"
    assert code_for("work_status", "乡(镇)内务工") == "01"
    assert code_for("measure_type", "技能培训(雨露计划)") == "03"
    assert code_for("household_attribute", "五保贫困户") == "3"


def test_code_for_returns_none_when_nothing_matches() -> None:
    assert code_for("poverty_cause", "") is None
    assert code_for("poverty_cause", "   ") is None
    assert code_for("poverty_cause", "因穷") is None
    assert code_for("poverty_cause", "7777") is None
    assert code_for("sex", "3") is None


def test_label_of_empty_or_unknown_code() -> None:
    assert label("poverty_cause", None) == ""
    assert label("poverty_cause", "") == ""
    assert label("poverty_cause", "88") == "88"
    assert label_en("poverty_cause", None) == ""


@pytest.mark.parametrize("call", [
    lambda: codes("no_such_table"),
    lambda: label("no_such_table", "01"),
    lambda: code_for("no_such_table", "01"),
])
def test_unknown_table_raises_key_error_naming_it(call: Callable[[], object]) -> None:
    with pytest.raises(KeyError, match="no_such_table"):
        call()


def test_measure_type_category_covers_every_type_and_points_at_categories() -> None:
    types = {e.code for e in codes("measure_type")}
    categories = {e.code for e in codes("measure_category")}
    assert set(MEASURE_TYPE_CATEGORY) == types
    assert set(MEASURE_TYPE_CATEGORY.values()) <= categories
    assert set(MEASURE_TYPE_CATEGORY.values()) == categories, "every 五个一批 has a type"


def test_micro_credit_is_the_micro_credit_measure_type() -> None:
    assert label("measure_type", MICRO_CREDIT) == "扶贫小额信贷"
    assert MEASURE_TYPE_CATEGORY[MICRO_CREDIT] == "1"


def test_code_subsets_refer_to_existing_codes() -> None:
    status = {e.code for e in codes("household_status")}
    assert set(HOUSEHOLD_STATUS_LIVE) <= status
    assert {"03", "06"}.isdisjoint(HOUSEHOLD_STATUS_LIVE)
    assert set(HOUSING_DANGEROUS) <= {e.code for e in codes("housing_grade")}
    assert set(MEMBER_CHANGE_INCOMING) <= {e.code for e in codes("member_change")}


def test_default_poverty_lines_cover_2011_to_2020_and_never_fall() -> None:
    years = [year for year, _, _ in DEFAULT_POVERTY_LINES]
    amounts = [amount for _, _, amount in DEFAULT_POVERTY_LINES]
    assert years == list(range(2011, 2021))
    assert all(std == "1" for _, std, _ in DEFAULT_POVERTY_LINES)
    assert all(a <= b for a, b in itertools.pairwise(amounts))
    assert dict(zip(years, amounts, strict=True))[2014] == 2800
    assert dict(zip(years, amounts, strict=True))[2020] == 4000
    assert label("identification_standard", "1") == "国家标准"


def test_codes_module_imports_no_qt_or_database() -> None:
    tree = ast.parse(Path(codes_module.__file__).read_text(encoding="utf-8"))
    imported: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            imported.update(alias.name.split(".")[0] for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            imported.add(node.module.split(".")[0])
    assert imported.isdisjoint({"PySide6", "PyQt5", "PyQt6", "sqlite3", "sqlite_utils"})
