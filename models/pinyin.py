"""Pinyin readings of personal names, for search.

Every character is read with pypinyin's default (most common) reading, in
``Style.NORMAL`` without tones, ``ü`` written ``v``.  Surnames whose reading
as a surname differs from the common reading of the character (单 shàn,
曾 zēng, 解 xiè …) get both readings: pypinyin 0.55 has no surname mode, so
the surname readings are listed here.  Pure Python, no Qt, no database.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from pypinyin import Style, lazy_pinyin

# Surname -> its reading(s) as a surname (syllables separated by spaces) where pypinyin's default differs.
SURNAME_READINGS: dict[str, tuple[str, ...]] = {
    "单": ("shan",), "曾": ("zeng",), "仇": ("qiu",), "解": ("xie",), "区": ("ou",), "查": ("zha",),
    "朴": ("piao",), "盖": ("ge",), "乐": ("yue",), "覃": ("qin",), "缪": ("miao",), "种": ("chong",),
    "翟": ("zhai",), "尉": ("yu",), "召": ("shao",), "员": ("yun",), "句": ("gou",), "薄": ("bo",),
    "藏": ("zang",), "隗": ("wei",), "牟": ("mu",), "宓": ("fu",), "秘": ("bi",), "能": ("nai",),
    "折": ("she",), "繁": ("po",), "阚": ("kan",), "祭": ("zhai",), "莘": ("shen",), "黑": ("he",),
    "重": ("chong",), "洗": ("xian",), "万俟": ("mo qi",), "尉迟": ("yu chi",), "澹台": ("tan tai",),
}
_NOT_ALNUM = re.compile("[^0-9a-z]+")
_KEPT_CATEGORIES = frozenset({"Lo", "Nl"})  # CJK and other scripts' letters; 〇


def normalize(text: str) -> str:
    """Fold text for matching: full-width to half-width, lower case, ü as v, only letters and digits kept.

    Everything that is not an ASCII letter or digit, a CJK (or other script's)
    letter is dropped, so punctuation and spaces never reach an FTS query.
    """
    text = text or ""
    if text.isascii():
        return text.lower() if text.isalnum() else _NOT_ALNUM.sub("", text.lower())
    folded = unicodedata.normalize("NFKC", text).lower().replace("ü", "v")
    return "".join(c for c in folded if (c.isascii() and c.isalnum()) or unicodedata.category(c) in _KEPT_CATEGORIES)


@lru_cache(maxsize=65536)
def char_pinyin(char: str) -> str:
    """The default toneless reading of one character; a non-Chinese character reads as itself."""
    reading = lazy_pinyin(char, style=Style.NORMAL, errors="default")
    return "".join(reading).lower() or char


def syllables(name: str) -> list[str]:
    """The reading of each character of an already normalised name."""
    return [char_pinyin(c) for c in name]


def surname_variants(name: str) -> list[list[str]]:
    """Alternative syllable lists for a name whose surname has a special surname reading."""
    variants: list[list[str]] = []
    for length in (2, 1):
        readings = SURNAME_READINGS.get(name[:length]) if len(name) > length else None
        for reading in readings or ():
            variants.append([*reading.split(), *syllables(name[length:])])
    return variants


def readings(name: str) -> list[tuple[str, str]]:
    """(full pinyin, initials) of a normalised name: the default reading first, then surname readings.

    ``readings("单丽") == [("danli", "dl"), ("shanli", "sl")]``.  A reading
    containing ``v`` (ü) is also given with ``u``, as many people type 吕 "lu".
    """
    result: list[tuple[str, str]] = []
    for parts in [syllables(name), *surname_variants(name)]:
        full, initials = "".join(parts), "".join(p[0] for p in parts)
        for pair in ((full, initials), (full.replace("v", "u"), initials)):
            if pair not in result:
                result.append(pair)
    return result
