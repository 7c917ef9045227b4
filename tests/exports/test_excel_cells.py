"""Messy cells as rosters hold them: each becomes the stored value, or a problem — digits are never guessed."""

from __future__ import annotations

import datetime

import pytest

from exports.excel_cells import CellCleaner
from exports.excel_fields import TARGETS
from models.errors import ERROR, WARNING
from tests.exports.excel_helpers import pid

ID = TARGETS["member.id_number"]


def convert(key: str, raw: object) -> tuple[object, list]:
    return CellCleaner().convert(TARGETS[key], raw)


def test_an_id_number_stored_as_a_number_lost_its_last_digits_and_is_refused_not_guessed() -> None:
    value, problems = convert("member.id_number", 6.21121197003051e17)
    assert value is None
    assert [p.code for p in problems] == ["id_digits_lost"]
    assert problems[0].severity == ERROR
    assert "6.21121E+17" in problems[0].message_zh and "不会猜测" in problems[0].message_zh


def test_an_eighteen_digit_whole_number_is_refused_too_because_excel_keeps_fifteen_digits() -> None:
    value, problems = convert("member.id_number", 621121197003051234)
    assert value is None and problems[0].code == "id_digits_lost"


def test_scientific_notation_typed_as_text_is_refused() -> None:
    value, problems = convert("member.id_number", "6.21121E+17")
    assert value is None and problems[0].code == "id_digits_lost"


def test_seventeen_digits_means_a_lost_trailing_x_which_is_reported_and_never_appended() -> None:
    full = next(n for n in (pid(1949, 12, 31, False, seq) for seq in range(1, 400)) if n.endswith("X"))
    value, problems = convert("member.id_number", full[:17])
    assert value is None
    assert problems[0].code == "id_lost_x" and "X" in problems[0].message_zh


def test_fifteen_digits_stored_as_a_number_are_exact_and_kept_with_a_warning() -> None:
    value, problems = convert("member.id_number", 621121700305123)
    assert value == "621121700305123"
    assert [(p.code, p.severity) for p in problems] == [("id_as_number", WARNING)]


def test_full_width_digits_spaces_and_lower_case_x_are_cleaned() -> None:
    number = pid(1970, 3, 5, True)
    wide = "".join(chr(ord(c) + 0xFEE0) for c in number[:6]) + " " + number[6:14] + "　" + number[14:]
    assert convert("member.id_number", wide) == (number, [])
    assert convert("member.id_number", number.lower()) == (number, [])


def test_a_trailing_000_that_fails_the_check_is_reported_as_lost_digits() -> None:
    value, problems = convert("member.id_number", "621121197003051000")
    assert value is None and problems[0].code == "id_digits_lost"


def test_names_lose_the_spaces_used_to_align_them() -> None:
    assert convert("member.name", " 张  三 ") == ("张三", [])
    assert convert("head_name", "李\u3000梅") == ("李梅", [])


@pytest.mark.parametrize(
    "raw",
    [
        datetime.date(1970, 3, 5),
        datetime.datetime(1970, 3, 5, 0, 0),
        25632,  # Excel serial number
        25632.0,
        "25632",
        "1970-03-05",
        "1970/3/5",
        "1970.3.5",
        "1970年3月5日",
        "19700305",
        19700305,
        "１９７０－０３－０５",
        "1970-3-5 00:00:00",
    ],
)
def test_dates_in_every_usual_form_become_iso(raw: object) -> None:
    assert convert("member.birth_date", raw) == ("1970-03-05", [])


def test_an_impossible_date_is_refused_with_the_expected_form() -> None:
    value, problems = convert("member.birth_date", "1970-02-30")
    assert value is None and problems[0].code == "bad_date" and "年-月-日" in problems[0].message_zh


def test_a_year_and_month_only_is_kept_partial_for_the_id_number_to_complete() -> None:
    assert convert("member.birth_date", "1970.03") == ("1970-03", [])
    assert convert("member.birth_date", "1970年3月") == ("1970-03", [])


@pytest.mark.parametrize(
    ("key", "raw", "code"),
    [
        ("household.main_cause", "因病", "01"),
        ("household.main_cause", "01", "01"),
        ("household.main_cause", 1, "01"),
        ("household.main_cause", "因病致贫", "01"),
        ("household.main_cause", " 因 学 ", "03"),
        ("member.sex", "男", "1"),
        ("member.sex", "女性", "2"),
        ("member.ethnicity", "汉", "01"),
        ("member.ethnicity", "回族", "03"),
        ("member.relation", "户主", "01"),
        ("member.relation", "妻子", "02"),
        ("member.relation", "子", "03"),
        ("member.relation", "之女", "04"),
        ("member.relation", "孙女", "08"),
        ("member.education", "文盲", "01"),
        ("member.work_status", "乡(镇)内务工", "01"),
        ("household.attribute", "五保户", "3"),
        ("household.housing_grade", "C级", "C"),
        ("member.disability_grade", "二级", "2"),
        ("status", "已脱贫", "03"),
    ],
)
def test_codes_are_read_from_codes_labels_and_known_synonyms(key: str, raw: object, code: str) -> None:
    assert convert(key, raw) == (code, [])


def test_a_near_miss_is_refused_with_the_closest_label_suggested() -> None:
    value, problems = convert("household.main_cause", "因病返贫")
    assert value is None
    assert problems[0].code == "unknown_code" and "是否为“因病”" in problems[0].message_zh
    value, problems = convert("member.relation", "侄子")
    assert value is None and problems[0].severity == ERROR


def test_several_health_codes_in_one_cell_are_sorted_and_unknown_parts_reported() -> None:
    assert convert("member.health", "残疾、长期慢性病") == ("02,04", [])
    assert convert("member.health", "02,04") == ("02,04", [])
    value, problems = convert("member.health", "残疾；感冒")
    assert value == "04" and "感冒" in problems[0].message_zh


@pytest.mark.parametrize(
    ("raw", "flag"),
    [
        ("是", 1),
        ("否", 0),
        ("√", 1),
        ("×", 0),
        (1, 1),
        (0, 0),
        ("1", 1),
        ("Y", 1),
        ("n", 0),
        (True, 1),
        (False, 0),
        ("有", 1),
        ("无", 0),
    ],
)
def test_yes_and_no_in_every_usual_form(raw: object, flag: int) -> None:
    assert convert("member.dibao", raw) == (flag, [])


def test_an_unclear_yes_no_is_refused() -> None:
    value, problems = convert("member.dibao", "可能")
    assert value is None and problems[0].code == "not_a_flag"


def test_amounts_accept_units_and_full_width_digits_but_not_words() -> None:
    assert convert("household.land_area", "2.5亩") == (2.5, [])
    assert convert("household.land_area", "１２") == (12.0, [])
    assert convert("household.housing_area", "1,200.456") == (1200.46, [])
    value, problems = convert("household.land_area", "两亩")
    assert value is None and problems[0].code == "not_a_number"


def test_years_accept_a_suffix_and_numbers() -> None:
    assert convert("household.exit_year", "2016年") == (2016, [])
    assert convert("household.exit_year", 2016.0) == (2016, [])
    assert convert("household.exit_year", "16")[1][0].code == "bad_year"


def test_long_numbers_kept_as_text_and_refused_when_a_number_cell_lost_digits() -> None:
    assert convert("household.phone", 13912345678) == ("13912345678", [])
    assert convert("household.household_no", "6211 9010 1201 0001") == ("6211901012010001", [])
    value, problems = convert("household.bank_account", 6.22443002499683e18)
    assert value is None and problems[0].code == "digits_lost"
