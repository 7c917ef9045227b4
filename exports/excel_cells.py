"""Cleaning one cell of a roster into the value the registry stores, or a problem.

What rosters really hold: ID numbers stored as numbers (the last digits lost,
shown as 6.21121E+17; a trailing X gone), full-width digits and letters,
stray spaces, dates as Excel serial numbers or text in several formats,
codes as labels or near-misses, yes/no as 是/否/√/1. Lost digits are reported,
never guessed.
"""

from __future__ import annotations

import datetime
import re
import unicodedata
from collections.abc import Callable
from typing import Any

from exports.excel_codes import parse_code, parse_codes
from exports.excel_fields import Target
from models.errors import ERROR, WARNING, Problem

EXCEL_EPOCH = datetime.date(1899, 12, 30)
MAX_EXACT_DIGITS = 15  # Excel keeps 15 significant digits of a number
YES = frozenset({"是", "√", "✓", "✔", "☑", "1", "y", "yes", "true", "有", "已", "对", "v"})
NO = frozenset({"否", "×", "✗", "✘", "☐", "0", "n", "no", "false", "无", "没有", "未", "不是"})
_SCIENTIFIC = re.compile(r"^\d(\.\d+)?E\+?\d+$", re.IGNORECASE)
_FULL_DATE = re.compile(r"^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?(?:[ T]\d{1,2}:\d{2}(:\d{2})?)?$")
_MONTH_ONLY = re.compile(r"^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*月?$")
_NUMBER_UNIT = re.compile(r"^([-+]?\d+(?:\.\d+)?)\s*(亩|公里|千米|km|平方米|平米|m2|㎡|元|个月|月|年)?$", re.IGNORECASE)

Converted = tuple[Any, list[Problem]]


def issue(target: Target, code: str, zh: str, en: str, severity: str = ERROR) -> Problem:
    """A problem of one cell, its message starting with the column's label."""
    return Problem(target.column or target.key, code, f"{target.label}：{zh}", f"{target.label_en}: {en}", severity)


def plain(raw: Any) -> str:
    """A cell as trimmed text: NFKC (full-width → half-width), numbers without a trailing ".0"."""
    if raw is None:
        return ""
    if isinstance(raw, float) and raw.is_integer() and abs(raw) < 10**MAX_EXACT_DIGITS:
        raw = int(raw)
    return unicodedata.normalize("NFKC", str(raw)).strip()


def text(target: Target, raw: Any) -> Converted:
    """Free text, kept as typed apart from surrounding spaces (full-width spaces too)."""
    value = str(raw).strip().strip("\u3000").strip() if raw is not None else ""
    if isinstance(raw, float) and raw.is_integer():
        value = str(int(raw))
    return value or None, []


def person_name(target: Target, raw: Any) -> Converted:
    """A person's name: spaces used to align two-character names removed ("张  三" → "张三")."""
    value = re.sub(r"[\s\u3000]+", "", str(raw)) if raw is not None else ""
    return value or None, []


def id_number(target: Target, raw: Any) -> Converted:
    """An ID number as text; a number cell that lost digits is an error (digits are never guessed)."""
    if raw is None or raw == "":
        return None, []
    if isinstance(raw, bool):
        return None, [issue(target, "id_not_text", "不是证件号码。", "is not an ID number.")]
    if isinstance(raw, int | float):
        return _numeric_id(target, raw)
    value = re.sub(r"[\s'‘’\-]", "", plain(raw)).upper()
    if _SCIENTIFIC.match(value):
        return None, [_lost_digits(target, value)]
    if len(value) == 17 and value.isdigit():
        return None, [
            issue(
                target,
                "id_lost_x",
                "只有 17 位，末位（常为 X）可能在存为数字时丢失；请按证件核对后补全，程序不会替您补。",
                "has only 17 digits; the last character (often X) was probably lost "
                "when stored as a number. Check the card; it is never filled in automatically.",
            )
        ]
    if len(value) == 18 and value.isdigit() and value.endswith("000"):
        from models.idcard import check_id_number

        if not check_id_number(value).ok:
            return None, [_lost_digits(target, value)]
    return value, []


def _numeric_id(target: Target, raw: float | int) -> Converted:
    if isinstance(raw, float) and not raw.is_integer():
        return None, [_lost_digits(target, plain(raw))]
    digits = str(int(raw))
    if len(digits) > MAX_EXACT_DIGITS:
        return None, [_lost_digits(target, f"{float(raw):.5E}", trailing_x=len(digits) == 17)]
    return digits, [
        issue(
            target,
            "id_as_number",
            "以数字格式保存，请把该列设为文本格式。",
            "is stored as a number; format the column as text.",
            WARNING,
        )
    ]


def _lost_digits(target: Target, shown: str, trailing_x: bool = False) -> Problem:
    hint_zh = "（末位的 X 也可能已丢失）" if trailing_x else ""
    hint_en = " (a trailing X may be lost too)" if trailing_x else ""
    return issue(
        target,
        "id_digits_lost",
        f"以数字格式保存（显示为 {shown}），Excel 只保留 15 位有效数字，后几位已丢失{hint_zh}；"
        "请把该列设为文本格式并按证件重新录入，程序不会猜测缺失的数字。",
        f"is stored as a number (shown as {shown}); Excel keeps only 15 significant digits, so the last digits "
        f"are lost{hint_en}. Format the column as text and re-enter it from the card; digits are never guessed.",
    )


def digits_text(target: Target, raw: Any) -> Converted:
    """A long number kept as text (户编号, 银行账号, 电话): a number cell beyond 15 digits lost its tail."""
    if raw is None or raw == "":
        return None, []
    if isinstance(raw, float) and (not raw.is_integer() or abs(raw) >= 10**MAX_EXACT_DIGITS):
        shown = f"{raw:.5E}" if raw.is_integer() else plain(raw)
        return None, [
            issue(
                target,
                "digits_lost",
                f"以数字格式保存（显示为 {shown}），后几位已丢失；请设为文本格式后重新录入。",
                f"is stored as a number (shown as {shown}) and its last digits are lost; "
                "format the column as text and re-enter it.",
            )
        ]
    value = re.sub(r"[\s\u3000]+", "", plain(raw))
    if _SCIENTIFIC.match(value):
        return None, [
            issue(
                target,
                "digits_lost",
                f"显示为科学计数法 {value}，后几位已丢失；请重新录入。",
                f"is in scientific notation ({value}); its last digits are lost. Re-enter it.",
            )
        ]
    return value or None, []


def code(target: Target, raw: Any) -> Converted:
    """A code of the target's table, from a code, a label or a known synonym; near-misses get a suggestion."""
    value, hint = parse_code(target.table, raw)
    if value is not None or plain(raw) == "":
        return value, []
    return None, [_unknown(target, plain(raw), hint)]


def _unknown(target: Target, shown: str, hint: str | None) -> Problem:
    zh_hint = f"是否为“{hint}”？" if hint else "请从代码表中选择。"
    en_hint = f"did you mean “{hint}”?" if hint else "choose a value of the code list."
    return issue(target, "unknown_code", f"“{shown}”不是有效的值，{zh_hint}", f"“{shown}” is not valid; {en_hint}")


def codes(target: Target, raw: Any) -> Converted:
    """Several codes in one cell, returned sorted and comma separated ("02,04")."""
    found, unknown = parse_codes(target.table, raw)
    problems = [_unknown(target, part, hint) for part, hint in unknown]
    return (",".join(sorted(found)) or None), problems


def flag(target: Target, raw: Any) -> Converted:
    """Yes/no as 1/0 from 是/否, √/×, 1/0, Y/N, 有/无, TRUE/FALSE."""
    if isinstance(raw, bool):
        return int(raw), []
    value = plain(raw).casefold()
    if not value:
        return None, []
    if value in YES:
        return 1, []
    if value in NO:
        return 0, []
    return None, [
        issue(target, "not_a_flag", f"“{plain(raw)}”应为“是”或“否”。", f"“{plain(raw)}” should be yes or no.")
    ]


def number(target: Target, raw: Any) -> Converted:
    """A non-negative amount or area; a unit after the number ("2.5亩") is allowed."""
    if isinstance(raw, int | float) and not isinstance(raw, bool):
        return round(float(raw), 2) if target.kind == "real" else raw, []
    value = plain(raw).replace(",", "")
    if not value:
        return None, []
    match = _NUMBER_UNIT.match(value)
    if match is None:
        return None, [issue(target, "not_a_number", f"“{value}”不是数字。", f"“{value}” is not a number.")]
    amount = float(match.group(1))
    if target.kind == "int":
        return (int(amount) if amount.is_integer() else amount), []
    return round(amount, 2), []


def year(target: Target, raw: Any) -> Converted:
    """A four-digit year from 2016, 2016.0, "2016年" or a date."""
    if isinstance(raw, datetime.date):
        return raw.year, []
    value = plain(raw).removesuffix("年")
    if not value:
        return None, []
    if value.isdigit() and len(value) == 4:
        return int(value), []
    return None, [issue(target, "bad_year", f"“{plain(raw)}”不是有效年度。", f"“{plain(raw)}” is not a valid year.")]


def date(target: Target, raw: Any) -> Converted:
    """A date as YYYY-MM-DD from a date cell, an Excel serial number, YYYYMMDD or text like 1970/3/5, 1970年3月5日."""
    if isinstance(raw, datetime.datetime):
        return raw.date().isoformat(), []
    if isinstance(raw, datetime.date):
        return raw.isoformat(), []
    if isinstance(raw, int | float) and not isinstance(raw, bool):
        return _serial(target, raw)
    value = plain(raw)
    if not value:
        return None, []
    return _date_text(target, value)


def _serial(target: Target, raw: float) -> Converted:
    if 10**7 <= raw < 10**8 and float(raw).is_integer():
        return _date_text(target, str(int(raw)))
    if not 1 <= raw < 73051:  # 1900-01-01 .. 2099-12-31
        return None, [_bad_date(target, plain(raw))]
    days = int(raw) + (1 if raw < 60 else 0)  # Excel counts a 1900-02-29 that never was
    return (EXCEL_EPOCH + datetime.timedelta(days=days)).isoformat(), []


def _date_text(target: Target, value: str) -> Converted:
    match = _FULL_DATE.match(value)
    if match is None and len(value) == 8 and value.isdigit():
        match = re.match(r"(\d{4})(\d{2})(\d{2})", value)
    if match is not None:
        try:
            return datetime.date(*(int(g) for g in match.groups()[:3])).isoformat(), []
        except ValueError:
            return None, [_bad_date(target, value)]
    month = _MONTH_ONLY.match(value)
    if month is not None and 1 <= int(month.group(2)) <= 12:
        return f"{int(month.group(1)):04d}-{int(month.group(2)):02d}", []  # partial: completed from the ID number
    if value.isdigit() and 4 <= len(value) <= 5:
        return _serial(target, int(value))
    return None, [_bad_date(target, value)]


def _bad_date(target: Target, shown: str) -> Problem:
    return issue(
        target,
        "bad_date",
        f"“{shown}”不是有效日期，请按 年-月-日 填写（如 1970-03-05）。",
        f"“{shown}” is not a valid date; use YYYY-MM-DD (e.g. 1970-03-05).",
    )


CONVERTERS: dict[str, Callable[[Target, Any], Converted]] = {
    "text": text,
    "name": person_name,
    "place": text,
    "id": id_number,
    "number": digits_text,
    "account": digits_text,
    "phone": digits_text,
    "code": code,
    "multi": codes,
    "flag": flag,
    "real": number,
    "int": number,
    "year": year,
    "date": date,
}
CACHEABLE = frozenset({"code", "multi", "flag", "real", "int", "year", "date", "place"})


class CellCleaner:
    """Converts cells by target, remembering the result of repeated values (codes, flags, places)."""

    def __init__(self) -> None:
        self._cache: dict[tuple[str, Any, type], Converted] = {}

    def convert(self, target: Target, raw: Any) -> Converted:
        """The stored value of one cell and its problems (empty cells give ``(None, [])``)."""
        if raw is None or raw == "":
            return None, []
        if target.kind not in CACHEABLE:
            return CONVERTERS[target.kind](target, raw)
        key = (target.key, raw, raw.__class__)
        found = self._cache.get(key)
        if found is None:
            found = self._cache[key] = CONVERTERS[target.kind](target, raw)
        return found
