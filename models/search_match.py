"""Why a household is in the main list's search result: the member (or number) that matched.

The household list shows households by their head; while a search is active
each row also says who matched: "李梅（配偶）", a member who left with how and
when ("王建国（之父，死亡 2019-05-02）"), or which number matched, masked as
elsewhere ("证件号 621121********0023", "电话 138****5678").  Everything comes
from the hits the search has loaded already, plus one query for the numbers
of the hits that matched by a number.
"""

from __future__ import annotations

import json
import re
import sqlite3
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass

from models.codes import label, label_en
from models.idcard import mask_id_number
from models.pinyin import normalize
from models.search import SearchHit, normalize_query

NAME, ID_NUMBER, PHONE, HOUSEHOLD_NO = "name", "id_number", "phone", "household_no"
HEAD = "01"

Labels = Callable[[str, str | None], str]  # (code table, code) -> label

_WORDS = {
    "zh": {ID_NUMBER: "证件号", PHONE: "电话", HOUSEHOLD_NO: "户编号", "left": "已不在户"},
    "en": {ID_NUMBER: "ID", PHONE: "phone", HOUSEHOLD_NO: "household no.", "left": "left"},
}


@dataclass(frozen=True)
class HouseholdMatch:
    """The best hit of one household in a search, what of it matched, and how many more people matched."""

    hit: SearchHit
    field: str  # NAME, ID_NUMBER, PHONE or HOUSEHOLD_NO
    number: str = ""  # the matched number as shown: ID numbers and phones masked, "" for a name
    others: int = 0  # further members of the same household that matched

    @property
    def member_id(self) -> str | None:
        """The member that matched (None when the household matched by its own number or phone)."""
        return self.hit.member_id

    @property
    def is_head(self) -> bool:
        """True when the match is the head who lives in the household (what the row shows anyway)."""
        return self.hit.relation == HEAD and self.hit.left_reason is None

    def text(self, lang: str = "zh", labels: Labels | None = None) -> str:
        """The text of the list's match column, e.g. "李梅（配偶）" or "王建国（之父，死亡 2019-05-02） 证件号 …"."""
        words = _WORDS["en" if lang == "en" else "zh"]
        parts = [self._who(lang, labels or _default_labels(lang))] if self.member_id is not None else []
        if self.field != NAME:
            parts.append(f"{words[self.field]} {self.number}")
        text = " ".join(parts)
        if self.others:
            text += f" +{self.others} more" if lang == "en" else self._others_zh()
        return text

    def _others_zh(self) -> str:
        """Chinese count: "等 3 人" includes the named member; a matched number is no person ("户编号 … 另有 2 人")."""
        if self.member_id is None:
            return f" 另有 {self.others} 人"
        return f" 等 {self.others + 1} 人"

    def _who(self, lang: str, labels: Labels) -> str:
        hit = self.hit
        details = [labels("relation", hit.relation)] if hit.relation else []
        if hit.left_reason is not None:
            reason = labels("member_change", hit.left_reason) if hit.left_reason else ""
            reason = reason or _WORDS["en" if lang == "en" else "zh"]["left"]
            details.append(f"{reason} {hit.left_date}" if hit.left_date else reason)
        details = [d for d in details if d]
        if not details:
            return hit.name
        return f"{hit.name} ({', '.join(details)})" if lang == "en" else f"{hit.name}（{'，'.join(details)}）"


def _default_labels(lang: str) -> Labels:
    lookup = label_en if lang == "en" else label
    return lambda table, code: lookup(table, code) if code else ""


def mask_phone(phone: str | None) -> str:
    """A phone number for display: the first 3 and last 4 digits (138****5678); short numbers as ID numbers."""
    text = normalize(phone or "")
    if len(text) < 8:
        return mask_id_number(text)
    return text[:3] + "*" * (len(text) - 7) + text[-4:]


def household_matches(conn: sqlite3.Connection, hits: Sequence[SearchHit], query: str) -> dict[str, HouseholdMatch]:
    """The match of each household among ``hits`` (best first, as ``search`` returns them), by household id.

    A household's first hit is its match; ``others`` counts the further
    members of it that matched.  When the query has digits, the numbers of
    the chosen hits are read (one query) to tell which of them matched.
    """
    best: dict[str, SearchHit] = {}
    people: dict[str, set[str]] = {}
    for hit in hits:
        best.setdefault(hit.household_id, hit)
        if hit.member_id is not None:
            people.setdefault(hit.household_id, set()).add(hit.member_id)
    text = normalize_query(query).lower()
    numbers = _numbers(conn, best.values()) if any(c.isdigit() for c in text) else {}
    result = {}
    for household_id, hit in best.items():
        field, number = _matched_number(numbers.get(hit.member_id or hit.household_id, ()), text)
        if hit.member_id is None and field == NAME:
            field, number = HOUSEHOLD_NO, hit.household_no or ""
        others = len(people.get(household_id, ())) - (1 if hit.member_id is not None else 0)
        result[household_id] = HouseholdMatch(hit, field, number, max(others, 0))
    return result


def _numbers(conn: sqlite3.Connection, hits: Iterable[SearchHit]) -> dict[str, tuple[tuple[str, str | None], ...]]:
    """(field, number) pairs of each hit, by member id (or household id for a household's own document)."""
    members = [h.member_id for h in hits if h.member_id is not None]
    households = [h.household_id for h in hits if h.member_id is None]
    found: dict[str, tuple[tuple[str, str | None], ...]] = {}
    if members:
        rows = conn.execute(
            "SELECT id, id_number, phone FROM members WHERE id IN (SELECT value FROM json_each(?))",
            (json.dumps(members),),
        )
        found.update({r[0]: ((ID_NUMBER, r[1]), (PHONE, r[2])) for r in rows})
    if households:
        rows = conn.execute(
            "SELECT id, household_no, phone FROM households WHERE id IN (SELECT value FROM json_each(?))",
            (json.dumps(households),),
        )
        found.update({r[0]: ((HOUSEHOLD_NO, r[1]), (PHONE, r[2])) for r in rows})
    return found


def _matched_number(numbers: Iterable[tuple[str, str | None]], text: str) -> tuple[str, str]:
    """(field, number as shown) of the first number containing the query's text, else (NAME, "")."""
    if not text or not re.search(r"\d", text):
        return NAME, ""
    for field, value in numbers:
        if value and text in normalize(value).lower():
            return field, _shown(field, value)
    return NAME, ""


def _shown(field: str, value: str) -> str:
    if field == ID_NUMBER:
        return mask_id_number(value)
    if field == PHONE:
        return mask_phone(value)
    return value
