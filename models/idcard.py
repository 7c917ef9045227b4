"""Resident identity card numbers of the PRC (GB 11643-1999).

An 18-character number is made of a 6-digit address code, the birth date
as ``YYYYMMDD``, a 3-digit sequence number (odd = male, even = female) and
a check character computed with ISO 7064 MOD 11-2.  The legacy 15-digit
form is ``address + YYMMDD + sequence`` without a check character; it is
always a 20th-century birth date.

Pure Python: no Qt and no database access, so it can be used anywhere.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass

SEX_MALE = "1"
SEX_FEMALE = "2"

ERROR_EMPTY = "empty"
ERROR_CHARS = "chars"
ERROR_LENGTH = "length"
ERROR_DATE = "date"
ERROR_CHECK = "check"

# GB 11643's own example number is born in 1880, so the floor sits below it.
MIN_BIRTH_DATE = datetime.date(1850, 1, 1)

_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
_CHECK_CHARS = "10X98765432"
_DIGITS = frozenset("0123456789")
_ALLOWED = _DIGITS | {"X"}
_FULL_WIDTH = str.maketrans(
    {chr(0xFF10 + i): str(i) for i in range(10)} | {"Ｘ": "X", "ｘ": "X"}
)

_MESSAGES: dict[str, tuple[str, str]] = {
    "empty": (
        "身份证号码为空，请输入 18 位身份证号码。",
        "The ID number is empty. Please enter the 18-character ID number.",
    ),
    "spaces": (
        "身份证号码中间不能有空格，请删除空格后重新输入。",
        (
            "The ID number must not contain spaces. "
            "Please remove the spaces and enter it again."
        ),
    ),
    "chars": (
        (
            "身份证号码含有无效字符：只能由数字组成，仅 18 位号码的最后一位可以是 X，"
            "请核对后重新输入。"
        ),
        (
            "The ID number contains invalid characters: it may only contain "
            "digits, and only the last character of an 18-character number may "
            "be X. Please check it and enter it again."
        ),
    ),
    "length": (
        (
            "身份证号码位数错误：应为 18 位（或旧版 15 位），当前为 {n} 位，"
            "请核对后重新输入。"
        ),
        (
            "The ID number has the wrong length: it must have 18 characters "
            "(or 15 for the old format) but has {n}. "
            "Please check it and enter it again."
        ),
    ),
    "date_invalid": (
        (
            "身份证号码中的出生日期部分“{raw}”是不可能的日期（不存在），"
            "请核对出生日期部分后重新输入。"
        ),
        (
            "The birth date part of the ID number ({raw}) is an impossible date "
            "(it does not exist). Please check the birth date digits and enter "
            "the number again."
        ),
    ),
    "date_future": (
        (
            "身份证号码中的出生日期部分 {date} 晚于今天，是不可能的日期，"
            "请核对出生日期部分后重新输入。"
        ),
        (
            "The birth date part of the ID number ({date}) is in the future, "
            "which is impossible. Please check the birth date digits and enter "
            "the number again."
        ),
    ),
    "date_early": (
        (
            "身份证号码中的出生日期部分 {date} 早于 1850 年 1 月 1 日，"
            "是不可能的日期，请核对出生日期部分后重新输入。"
        ),
        (
            "The birth date part of the ID number ({date}) is before "
            "1850-01-01, which is impossible. Please check the birth date "
            "digits and enter the number again."
        ),
    ),
    "check": (
        (
            "身份证号码校验位错误：按前 17 位计算应为 {expected}，实际为 {actual}。"
            "请逐位核对号码后重新输入。"
        ),
        (
            "The check character of the ID number is wrong: according to the "
            "first 17 digits it should be {expected}, but it is {actual}. "
            "Please check every digit and enter the number again."
        ),
    ),
}


@dataclass(frozen=True)
class IdCheck:
    """Result of :func:`check_id_number`.

    ``normalized`` is the cleaned 18-character upper-case number when the
    input is ok or only its check character is wrong (it is never silently
    corrected); ``birth_date`` and ``sex`` are filled in the same cases.
    ``error`` is one of ``"empty"``, ``"chars"``, ``"length"``, ``"date"``,
    ``"check"`` or ``None`` when ok.
    """

    ok: bool
    normalized: str | None
    birth_date: datetime.date | None
    sex: str | None
    error: str | None
    message_zh: str | None
    message_en: str | None


def id_check_char(first17: str) -> str:
    """Return the MOD 11-2 check character for the first 17 digits.

    Raises ValueError unless ``first17`` is exactly 17 ASCII digits.
    """
    if len(first17) != 17 or not set(first17) <= _DIGITS:
        raise ValueError(f"expected 17 digits, got {first17!r}")
    total = sum(int(c) * w for c, w in zip(first17, _WEIGHTS, strict=True))
    return _CHECK_CHARS[total % 11]


def convert_15_to_18(id15: str) -> str:
    """Convert a legacy 15-digit number to the 18-character form.

    Inserts ``"19"`` before the 2-digit year and appends the check
    character.  Raises ValueError unless ``id15`` is 15 ASCII digits whose
    date part (read as 19YYMMDD) is a real date.
    """
    if len(id15) != 15 or not set(id15) <= _DIGITS:
        raise ValueError(f"expected 15 digits, got {id15!r}")
    first17 = id15[:6] + "19" + id15[6:]
    if _parse_date(first17[6:14]) is None:
        raise ValueError(f"impossible birth date in {id15!r}")
    return first17 + id_check_char(first17)


def make_id_number(address: str, birth: datetime.date, sequence: int) -> str:
    """Build a valid 18-character ID number.

    ``address`` must be 6 ASCII digits, ``birth`` on or after 1850-01-01
    and ``sequence`` an int in 0..999 (odd = male, even = female).
    Raises ValueError otherwise.
    """
    if len(address) != 6 or not set(address) <= _DIGITS:
        raise ValueError(f"address must be 6 digits, got {address!r}")
    if not isinstance(sequence, int) or not 0 <= sequence <= 999:
        raise ValueError(f"sequence must be 0..999, got {sequence!r}")
    if birth < MIN_BIRTH_DATE:
        raise ValueError(f"birth date before 1850-01-01: {birth}")
    first17 = f"{address}{_date_digits(birth)}{sequence:03d}"
    return first17 + id_check_char(first17)


def mask_id_number(id_number: str) -> str:
    """Mask an ID number for display so the full number never leaks.

    18 characters: first 6 + ``"********"`` + last 4.  Other lengths: all
    but the first 2 and last 2 are masked; 4 characters or fewer are
    masked completely.  Empty (or blank) input gives ``""``.
    """
    text = (id_number or "").strip()
    if len(text) == 18:
        return text[:6] + "*" * 8 + text[-4:]
    if len(text) <= 4:
        return "*" * len(text)
    return text[:2] + "*" * (len(text) - 4) + text[-2:]


def check_id_number(raw: str, today: datetime.date | None = None) -> IdCheck:
    """Validate and normalise an ID number typed by a user.

    Strips surrounding whitespace, converts full-width digits and X to
    ASCII, accepts lower-case x and the legacy 15-digit form (converted to
    18 characters).  Birth dates must be real, not before 1850-01-01 and
    not after ``today`` (default: ``date.today()``).  Never raises.
    """
    if today is None:
        today = datetime.date.today()
    text = _clean(raw)
    problem = _format_problem(text)
    if problem is not None:
        return problem
    first17 = text[:17] if len(text) == 18 else text[:6] + "19" + text[6:]
    problem = _birth_problem(first17[6:14], today)
    if problem is not None:
        return problem
    return _check_result(text, first17)


def _clean(raw: str) -> str:
    """Strip, convert full-width characters to ASCII and upper-case x."""
    return (raw or "").strip().translate(_FULL_WIDTH).replace("x", "X")


def _format_problem(text: str) -> IdCheck | None:
    """Return a failure for empty, bad-character or bad-length text."""
    if not text:
        return _failure(ERROR_EMPTY, "empty")
    if any(c.isspace() for c in text):
        return _failure(ERROR_CHARS, "spaces")
    if not set(text) <= _ALLOWED:
        return _failure(ERROR_CHARS, "chars")
    if len(text) not in (15, 18):
        return _failure(ERROR_LENGTH, "length", n=len(text))
    if "X" in text[:17] or (len(text) == 15 and "X" in text):
        return _failure(ERROR_CHARS, "chars")
    return None


def _birth_problem(digits: str, today: datetime.date) -> IdCheck | None:
    """Return a failure if the YYYYMMDD ``digits`` are not a possible birth date."""
    birth = _parse_date(digits)
    if birth is None:
        return _failure(ERROR_DATE, "date_invalid", raw=digits)
    if birth < MIN_BIRTH_DATE:
        return _failure(ERROR_DATE, "date_early", date=birth.isoformat())
    if birth > today:
        return _failure(ERROR_DATE, "date_future", date=birth.isoformat())
    return None


def _check_result(text: str, first17: str) -> IdCheck:
    """Compare the check character and build the final result."""
    expected = id_check_char(first17)
    birth = _parse_date(first17[6:14])
    sex = SEX_MALE if int(first17[16]) % 2 else SEX_FEMALE
    actual = text[17] if len(text) == 18 else expected
    normalized = first17 + actual
    if actual == expected:
        return IdCheck(True, normalized, birth, sex, None, None, None)
    zh, en = _messages("check", expected=expected, actual=actual)
    return IdCheck(False, normalized, birth, sex, ERROR_CHECK, zh, en)


def _failure(error: str, key: str, **values: object) -> IdCheck:
    """Build a failed result without normalised data."""
    zh, en = _messages(key, **values)
    return IdCheck(False, None, None, None, error, zh, en)


def _messages(key: str, **values: object) -> tuple[str, str]:
    """Return the formatted (Chinese, English) messages for ``key``."""
    zh, en = _MESSAGES[key]
    return zh.format(**values), en.format(**values)


def _parse_date(digits: str) -> datetime.date | None:
    """Parse 8 ASCII digits as YYYYMMDD; None if the date does not exist."""
    try:
        return datetime.date(int(digits[:4]), int(digits[4:6]), int(digits[6:8]))
    except ValueError:
        return None


def _date_digits(day: datetime.date) -> str:
    """Format a date as YYYYMMDD."""
    return f"{day.year:04d}{day.month:02d}{day.day:02d}"
