"""Code values as rosters write them: the code ("01"), the label ("因病"), a common synonym, or a near-miss.

Synonyms are fixed equivalences seen in real rosters ("妻子" is 配偶, "因病致贫" is
因病, "汉" is 汉族); they are accepted. Anything else that is not a code of the
table is refused with the closest label as a suggestion: a near-miss is never
taken for a value silently.
"""

from __future__ import annotations

import difflib
import re
import unicodedata

from models.codes import code_for, codes, label

SYNONYMS: dict[str, dict[str, str]] = {
    "sex": {"男性": "1", "女性": "2"},
    "id_type": {"身份证": "01", "二代身份证": "01", "户口本": "03"},
    "relation": {
        "本人": "01",
        "户主本人": "01",
        "妻子": "02",
        "妻": "02",
        "丈夫": "02",
        "夫": "02",
        "爱人": "02",
        "夫妻": "02",
        "儿子": "03",
        "长子": "03",
        "次子": "03",
        "三子": "03",
        "女儿": "04",
        "长女": "04",
        "次女": "04",
        "三女": "04",
        "媳妇": "05",
        "儿媳妇": "05",
        "外孙": "09",
        "父亲": "11",
        "母亲": "12",
        "爷爷": "17",
        "奶奶": "18",
        "外公": "19",
        "外婆": "20",
    },
    "political": {"党员": "01", "预备党员": "02", "团员": "03"},
    "education": {"文盲": "01", "半文盲": "01", "大专": "05", "本科": "05", "大学": "05", "学龄前": "06"},
    "health": {"慢性病": "02", "大病": "03", "患大病": "03", "残": "04"},
    "labour_skill": {"无劳动能力": "04", "丧失劳动能力": "03", "弱劳动力": "05", "半劳动力": "05"},
    "household_attribute": {"一般户": "1", "低保户": "2", "特困户": "3", "特困供养户": "3"},
    "poverty_cause": {"缺劳动力": "08", "交通落后": "10", "交通条件差": "10", "缺乏资金": "09", "缺乏技术": "07"},
    "identification_standard": {"国标": "1", "省标": "2", "市标": "3"},
}
_SPLIT = re.compile(r"[,，、;；/／|\s]+")


def _clean(text: object) -> str:
    """A cell as code text: numbers without ".0", NFKC, no spaces inside."""
    if isinstance(text, float) and text.is_integer():
        text = int(text)
    value = unicodedata.normalize("NFKC", str(text))
    return re.sub(r"\s+", "", value)


def _variants(table: str, text: str) -> list[str]:
    """Fixed rewritings of a label that rosters use for this table."""
    found = [text]
    if table == "poverty_cause" and text.endswith("致贫"):
        found.append(text[:-2])
    if table == "ethnicity" and not text.endswith("族"):
        found.append(text + "族")
    if table == "relation" and not text.startswith("之"):
        found.append("之" + text)
    if table in ("disability_grade", "housing_grade") and text.endswith("级"):
        found.append(text[:-1])
    return found


def parse_code(table: str, raw: object) -> tuple[str | None, str | None]:
    """(code, None) for a recognised value; (None, suggestion label or None) for an unknown one."""
    text = _clean(raw)
    if not text:
        return None, None
    for candidate in _variants(table, text):
        code = code_for(table, candidate) or SYNONYMS.get(table, {}).get(candidate)
        if code is not None:
            return code, None
    return None, suggest(table, text)


def suggest(table: str, text: str) -> str | None:
    """The label of ``table`` closest to ``text`` (for "did you mean …?"), or None."""
    labels = [c.label for c in codes(table)]
    close = difflib.get_close_matches(text, labels, n=1, cutoff=0.5)
    if close:
        return close[0]
    contained = [lab for lab in labels if lab in text or (len(text) >= 2 and text in lab)]
    return min(contained, key=len) if contained else None


def parse_codes(table: str, raw: object) -> tuple[list[str], list[tuple[str, str | None]]]:
    """Several codes in one cell ("长期慢性病、残疾", "02,04"): (codes in order, [(unknown part, suggestion)])."""
    if raw is None:
        return [], []
    text = unicodedata.normalize("NFKC", str(raw.__int__() if isinstance(raw, float) and raw.is_integer() else raw))
    found: list[str] = []
    unknown: list[tuple[str, str | None]] = []
    for part in (p for p in _SPLIT.split(text) if p):
        code, hint = parse_code(table, part)
        if code is None:
            unknown.append((part, hint))
        elif code not in found:
            found.append(code)
    return found, unknown


def code_text(table: str, code: str | None) -> str:
    """The label a code is exported as (the code itself when the table does not know it)."""
    return label(table, code)
