"""Tests for models.idcard (GB 11643-1999 identity card numbers)."""

from __future__ import annotations

import dataclasses
import datetime

import pytest
from hypothesis import given
from hypothesis import strategies as st

from models.idcard import (
    SEX_FEMALE,
    SEX_MALE,
    IdCheck,
    check_id_number,
    convert_15_to_18,
    id_check_char,
    make_id_number,
    mask_id_number,
)

TODAY = datetime.date(2025, 12, 31)
ERRORS = {"empty", "chars", "length", "date", "check"}


def iso7064_ok(number: str) -> bool:
    """Independent oracle: sum of a_i * 2**(18 - i) mod 11 == 1, X counting 10."""
    values = [10 if c == "X" else int(c) for c in number]
    return sum(v * 2 ** (17 - i) for i, v in enumerate(values)) % 11 == 1


def with_check(first17: str) -> str:
    """Append the correct check character (lets bad dates pass the check)."""
    return first17 + id_check_char(first17)


# --- valid numbers -------------------------------------------------------


def test_standard_example_with_x_is_valid() -> None:
    result = check_id_number("11010519491231002X", today=TODAY)
    assert result == IdCheck(
        True,
        "11010519491231002X",
        datetime.date(1949, 12, 31),
        SEX_FEMALE,
        None,
        None,
        None,
    )


def test_1880_example_from_the_standard_is_valid() -> None:
    assert id_check_char("44052418800101001") == "4"
    result = check_id_number("440524188001010014", today=TODAY)
    assert result.ok
    assert result.birth_date == datetime.date(1880, 1, 1)
    assert result.sex == SEX_MALE


def test_birth_date_before_the_floor_is_refused() -> None:
    first17 = "44052418491231001"
    result = check_id_number(first17 + id_check_char(first17), today=TODAY)
    assert result.error == "date"
    assert "1850" in result.message_zh and "1850" in result.message_en


def test_lower_case_x_is_accepted_and_normalised() -> None:
    result = check_id_number("11010519491231002x", today=TODAY)
    assert result.ok
    assert result.normalized == "11010519491231002X"


def test_surrounding_whitespace_is_stripped() -> None:
    result = check_id_number(" \t11010519491231002X\u3000\n", today=TODAY)
    assert result.ok
    assert result.normalized == "11010519491231002X"


def test_full_width_input_is_converted() -> None:
    result = check_id_number("１１０１０５１９４９１２３１００２ｘ", today=TODAY)
    assert result.ok
    assert result.normalized == "11010519491231002X"
    upper = check_id_number("１１０１０５１９４９１２３１００２Ｘ", today=TODAY)
    assert upper.normalized == "11010519491231002X"


def test_sex_and_birth_date_are_derived() -> None:
    male = make_id_number("110105", datetime.date(1985, 6, 7), 123)
    female = make_id_number("110105", datetime.date(1985, 6, 7), 124)
    assert check_id_number(male, today=TODAY).sex == SEX_MALE
    assert check_id_number(female, today=TODAY).sex == SEX_FEMALE
    assert check_id_number(male, today=TODAY).birth_date == datetime.date(1985, 6, 7)


def test_unknown_address_code_is_accepted() -> None:
    number = make_id_number("000000", datetime.date(2000, 1, 1), 1)
    assert check_id_number(number, today=TODAY).ok


def test_boundary_dates_are_accepted() -> None:
    first = make_id_number("110105", datetime.date(1900, 1, 1), 1)
    today = make_id_number("110105", TODAY, 1)
    assert check_id_number(first, today=TODAY).ok
    assert check_id_number(today, today=TODAY).ok


def test_today_defaults_to_the_real_date() -> None:
    tomorrow = datetime.date.today() + datetime.timedelta(days=1)
    assert check_id_number(make_id_number("110105", tomorrow, 1)).error == "date"
    assert check_id_number("11010519491231002X").ok


# --- check character -----------------------------------------------------


def test_wrong_check_char_reports_expected_char() -> None:
    result = check_id_number("110105194912310021", today=TODAY)
    assert not result.ok
    assert result.error == "check"
    assert "X" in result.message_zh and "X" in result.message_en
    assert result.normalized == "110105194912310021"
    assert result.birth_date == datetime.date(1949, 12, 31)
    assert result.sex == SEX_FEMALE


def test_wrong_check_message_names_expected_digit() -> None:
    result = check_id_number("11010519491231001X", today=TODAY)
    expected = id_check_char("11010519491231001")
    assert expected != "X"
    assert result.error == "check"
    assert f"应为 {expected}" in result.message_zh
    assert f"should be {expected}" in result.message_en


def test_id_check_char_known_values() -> None:
    assert id_check_char("11010519491231002") == "X"
    assert id_check_char("44052418800101001") == "4"


@given(st.text(alphabet="0123456789", min_size=17, max_size=17))
def test_id_check_char_matches_independent_oracle(first17: str) -> None:
    assert iso7064_ok(first17 + id_check_char(first17))


@pytest.mark.parametrize(
    "bad",
    ["", "1101051949123100", "110105194912310022", "1101051949123100a", "１" * 17],
)
def test_id_check_char_rejects_bad_input(bad: str) -> None:
    with pytest.raises(ValueError):
        id_check_char(bad)


# --- dates ---------------------------------------------------------------


@pytest.mark.parametrize(
    "first17",
    [
        "11010519990230001",  # 30 February
        "11010519991301001",  # month 13
        "11010519990001001",  # month 0
        "11010519990100001",  # day 0
        "11010500000101001",  # year 0
        "11010518000101001",  # year 1800
        "11010518491231001",  # one day before 1850-01-01
        "11010520260101001",  # after TODAY
    ],
)
def test_impossible_birth_dates_are_rejected(first17: str) -> None:
    result = check_id_number(with_check(first17), today=TODAY)
    assert not result.ok
    assert result.error == "date"
    assert result.normalized is None
    assert "出生日期" in result.message_zh and "不可能" in result.message_zh
    assert "birth date" in result.message_en and "impossible" in result.message_en


def test_future_date_uses_today_parameter() -> None:
    number = make_id_number("110105", datetime.date(2020, 5, 5), 1)
    assert check_id_number(number, today=datetime.date(2020, 5, 4)).error == "date"
    assert check_id_number(number, today=datetime.date(2020, 5, 5)).ok


# --- legacy 15-digit numbers ---------------------------------------------


def test_convert_15_to_18_example() -> None:
    converted = convert_15_to_18("110105491231002")
    assert converted == "11010519491231002X"
    assert check_id_number(converted, today=TODAY).ok


def test_check_id_number_accepts_15_digits() -> None:
    result = check_id_number("110105491231002", today=TODAY)
    assert result.ok
    assert result.normalized == "11010519491231002X"
    assert result.birth_date == datetime.date(1949, 12, 31)


def test_15_digit_with_impossible_date_is_rejected() -> None:
    assert check_id_number("110105990230001", today=TODAY).error == "date"


@pytest.mark.parametrize(
    "bad",
    ["", "11010549123100", "1101054912310021", "11010549123100X", "110105991301001"],
)
def test_convert_15_to_18_rejects_bad_input(bad: str) -> None:
    with pytest.raises(ValueError):
        convert_15_to_18(bad)


# --- format errors -------------------------------------------------------


@pytest.mark.parametrize("raw", ["", "   ", "\u3000\t\n"])
def test_empty_input(raw: str) -> None:
    result = check_id_number(raw, today=TODAY)
    assert result.error == "empty"
    assert result.message_zh and result.message_en


@pytest.mark.parametrize(
    "raw", ["1101051949123100", "1101051949123100212", "11010519491231002XX", "1"]
)
def test_wrong_length(raw: str) -> None:
    result = check_id_number(raw, today=TODAY)
    assert result.error == "length"
    assert str(len(raw)) in result.message_zh
    assert "18" in result.message_en


@pytest.mark.parametrize(
    "raw",
    [
        "11010519491231002Y",
        "110105-19491231002X",
        "X1010519491231002X",  # X not in last place
        "1101051949123100X2",  # X in the middle of an 18-char number
        "11010549123100X",  # X in a 15-digit number
        "١١٠١٠٥١٩٤٩١٢٣١٠٠٢X",  # Arabic-Indic digits are not accepted
        "abc",
    ],
)
def test_invalid_characters(raw: str) -> None:
    result = check_id_number(raw, today=TODAY)
    assert result.error == "chars"
    assert "X" in result.message_zh and "digits" in result.message_en


def test_internal_spaces_are_an_error() -> None:
    result = check_id_number("110105 19491231002X", today=TODAY)
    assert result.error == "chars"
    assert "空格" in result.message_zh and "spaces" in result.message_en


def test_result_is_frozen() -> None:
    result = check_id_number("11010519491231002X", today=TODAY)
    with pytest.raises(dataclasses.FrozenInstanceError):
        result.ok = False  # type: ignore[misc]


# --- make_id_number ------------------------------------------------------


@pytest.mark.parametrize(
    ("address", "birth", "sequence"),
    [
        ("11010", datetime.date(2000, 1, 1), 1),
        ("11010a", datetime.date(2000, 1, 1), 1),
        ("110105", datetime.date(2000, 1, 1), -1),
        ("110105", datetime.date(2000, 1, 1), 1000),
        ("110105", datetime.date(1849, 12, 31), 1),
    ],
)
def test_make_id_number_rejects_bad_input(
    address: str, birth: datetime.date, sequence: int
) -> None:
    with pytest.raises(ValueError):
        make_id_number(address, birth, sequence)


def test_make_id_number_known_value() -> None:
    assert make_id_number("110105", datetime.date(1949, 12, 31), 2) == (
        "11010519491231002X"
    )


# --- masking -------------------------------------------------------------


@pytest.mark.parametrize(
    ("raw", "masked"),
    [
        ("11010519491231002X", "110105********002X"),
        ("110105491231002", "11***********02"),
        ("12345", "12*45"),
        ("1234", "****"),
        ("1", "*"),
        ("", ""),
        ("   ", ""),
    ],
)
def test_mask_id_number(raw: str, masked: str) -> None:
    assert mask_id_number(raw) == masked


@given(st.text(alphabet=st.characters(blacklist_characters="*"), max_size=40))
def test_mask_never_leaks_the_full_text(raw: str) -> None:
    masked = mask_id_number(raw)
    text = raw.strip()
    assert len(masked) == len(text)
    if text:
        assert masked != text


# --- property-based ------------------------------------------------------

addresses = st.text(alphabet="0123456789", min_size=6, max_size=6)
births = st.dates(min_value=datetime.date(1900, 1, 1), max_value=TODAY)
sequences = st.integers(min_value=0, max_value=999)


@given(addresses, births, sequences)
def test_built_numbers_pass_and_single_changes_fail(
    address: str, birth: datetime.date, sequence: int
) -> None:
    number = make_id_number(address, birth, sequence)
    assert iso7064_ok(number)
    result = check_id_number(number, today=TODAY)
    assert result.ok and result.error is None
    assert result.normalized == number
    assert result.birth_date == birth
    assert result.sex == (SEX_MALE if sequence % 2 else SEX_FEMALE)
    for pos in range(18):
        for char in "0123456789X":
            if char == number[pos]:
                continue
            changed = number[:pos] + char + number[pos + 1 :]
            outcome = check_id_number(changed, today=TODAY)
            assert not outcome.ok
            wanted = {"chars"} if char == "X" and pos < 17 else {"check", "date"}
            assert outcome.error in wanted


@given(
    addresses,
    st.dates(datetime.date(1900, 1, 1), datetime.date(1999, 12, 31)),
    sequences,
)
def test_converted_15_digit_numbers_pass(
    address: str, birth: datetime.date, sequence: int
) -> None:
    id15 = f"{address}{birth:%y%m%d}{sequence:03d}"
    converted = convert_15_to_18(id15)
    assert converted == make_id_number(address, birth, sequence)
    assert check_id_number(id15, today=TODAY).normalized == converted


@given(st.text(), st.one_of(st.none(), st.dates()))
def test_check_id_number_never_raises(raw: str, today: datetime.date | None) -> None:
    result = check_id_number(raw, today=today)
    assert result.ok == (result.error is None)
    assert result.error is None or result.error in ERRORS
    assert (result.message_zh is None) == result.ok == (result.message_en is None)
    if result.ok:
        assert result.normalized is not None and len(result.normalized) == 18
        assert check_id_number(result.normalized, today=today).ok
