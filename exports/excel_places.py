"""Which village and 村民小组 a roster row belongs to.

A row names its village by 12-digit code or by name ("文峰村", "文峰村民委员会"
and "文峰" are the same village when only one village has that name; a
township column settles a tie), and its group by name, where "1组", "一组",
"第一村民小组" and "1" are the same group when the village has one group of
that number. Unknown places are errors naming the row; with ``create`` a
missing group (and a village given by code and name) is created with the import; a new
village is held to the rules of ``Registry.add_region`` (models/region_rules.py): the
same refusal, with the same message, as on the settings page.
"""

from __future__ import annotations

import re
import sqlite3
from dataclasses import dataclass, field

from exports.excel_fields import TARGETS
from models.changes import stable_id
from models.errors import ERROR, Problem
from models.region_rules import PlaceRefused, check_new, region_code, region_name

_VILLAGE_SUFFIXES = ("村民委员会", "居民委员会", "村委会", "居委会", "社区", "村")
_TOWNSHIP_SUFFIXES = ("人民政府", "街道办事处", "街道", "镇", "乡")
_GROUP = re.compile(r"^第?(.+?)(村民小组|小组|组|社|队)?$")
_NUMERALS = {c: i for i, c in enumerate("零一二三四五六七八九")}


def _stem(name: str, suffixes: tuple[str, ...]) -> str:
    text = re.sub(r"\s+", "", name)
    for suffix in suffixes:
        if text.endswith(suffix) and len(text) > len(suffix):
            return text[: -len(suffix)]
    return text


def group_number(name: str) -> int | None:
    """The number of a group name ("第三村民小组" → 3, "12组" → 12, "二十一社" → 21), or None."""
    match = _GROUP.match(re.sub(r"\s+", "", name))
    body = match.group(1) if match else ""
    if body.isdigit():
        return int(body)
    if not body or any(c not in _NUMERALS and c != "十" for c in body):
        return None
    if "十" not in body:
        return int("".join(str(_NUMERALS[c]) for c in body)) if len(body) == 1 else None
    tens, _, ones = body.partition("十")
    return (_NUMERALS.get(tens, 1) if tens else 1) * 10 + (_NUMERALS[ones] if ones else 0)


def _problem(target: str, code: str, zh: str, en: str) -> Problem:
    item = TARGETS[target]
    return Problem(target, code, f"{item.label}：{zh}", f"{item.label_en}: {en}", ERROR)


@dataclass
class NewPlace:
    """A region or group the import will create (only with the explicit option)."""

    table: str
    values: dict[str, object]
    village_name: str = ""  # of a group: its village's name, for the report


@dataclass
class PlaceResolver:
    """Resolves village and group cells against the registry's regions, remembering answers."""

    conn: sqlite3.Connection
    default_village: str | None = None
    create: bool = False
    created: dict[str, NewPlace] = field(default_factory=dict)

    def __post_init__(self) -> None:
        rows = self.conn.execute(
            "SELECT v.code, v.name, t.name FROM regions v LEFT JOIN regions t ON t.code = v.parent_code "
            "WHERE v.level = 5"
        ).fetchall()
        self.villages = {code: (name, township or "") for code, name, township in rows}
        self.by_stem: dict[str, list[str]] = {}
        for code, (name, _) in self.villages.items():
            self.by_stem.setdefault(_stem(name, _VILLAGE_SUFFIXES), []).append(code)
        self.groups: dict[str, dict[str, str]] = {}
        for gid, village, name in self.conn.execute("SELECT id, village_code, name FROM village_groups"):
            self.groups.setdefault(village, {})[name] = gid

    def village(self, code: str | None, name: str | None, township: str | None) -> tuple[str | None, list[Problem]]:
        """The village code of a row, or the problems saying why it cannot be told."""
        if code:
            return self._by_code(str(code).strip(), name)
        if name:
            return self._by_name(str(name).strip(), township)
        if self.default_village:
            return self.default_village, []
        return None, [
            _problem(
                "village",
                "required",
                "不能为空：请在表中填写村，或在导入时选择所在村。",
                "is required: fill in the village or choose one for the import.",
            )
        ]

    def _by_code(self, code: str, name: str | None) -> tuple[str | None, list[Problem]]:
        if code in self.villages:
            return code, []
        if self.create:
            return self._new_village(code, str(name or ""))
        return None, [
            _problem(
                "village_code",
                "unknown_village",
                f"“{code}”不是已登记的村；请先在区划中添加该村。",
                f"“{code}” is not a registered village; add it to the regions first.",
            )
        ]

    def _new_village(self, code: str, name: str) -> tuple[str | None, list[Problem]]:
        """A village the import creates, held to the rules of ``Registry.add_region`` (models/region_rules.py)."""
        pending = {str(p.values["code"]): str(p.values["name"]) for p in self.created.values() if p.table == "regions"}
        try:
            village = region_code(code, (5,))
            if pending.get(village) == region_name(village, name):  # another row of the same new village
                return village, []
            village, checked = check_new(self.conn, village, name, pending, (5,))
        except PlaceRefused as error:
            target = "village" if error.field == "name" else "village_code"
            return None, [_problem(target, "refused_village", error.message_zh, error.message_en)]
        self.created[f"region:{village}"] = NewPlace("regions", {"code": village, "name": checked})
        return village, []

    def _by_name(self, name: str, township: str | None) -> tuple[str | None, list[Problem]]:
        found = self.by_stem.get(_stem(name, _VILLAGE_SUFFIXES), [])
        if len(found) > 1 and township:
            stem = _stem(township, _TOWNSHIP_SUFFIXES)
            found = [c for c in found if _stem(self.villages[c][1], _TOWNSHIP_SUFFIXES) == stem]
        if len(found) == 1:
            return found[0], []
        if found:
            return None, [
                _problem(
                    "village",
                    "ambiguous_village",
                    f"有 {len(found)} 个村叫“{name}”，请填写村代码或乡镇。",
                    f"{len(found)} villages are called “{name}”; give the village code or township.",
                )
            ]
        return None, [
            _problem(
                "village",
                "unknown_village",
                f"“{name}”不是已登记的村；请先在区划中添加该村。",
                f"“{name}” is not a registered village; add it to the regions first.",
            )
        ]

    def group(self, village: str, name: str | None) -> tuple[str | None, list[Problem]]:
        """The group id of a row's 村民小组 in its village (None when the row names none)."""
        if not name:
            return None, []
        text = re.sub(r"\s+", "", str(name))
        groups = self.groups.get(village, {})
        if text in groups:
            return groups[text], []
        number = group_number(text)
        same = [gid for n, gid in groups.items() if number is not None and group_number(n) == number]
        if len(same) == 1:
            return same[0], []
        if self.create:
            gid = stable_id("group", village, text)
            pending = self.created.get(f"region:{village}")
            village_name = self.villages.get(village, ("", ""))[0] or (str(pending.values["name"]) if pending else "")
            self.created.setdefault(
                f"group:{gid}",
                NewPlace("village_groups", {"id": gid, "village_code": village, "name": text}, village_name),
            )
            self.groups.setdefault(village, {})[text] = gid
            return gid, []
        village_name = self.villages.get(village, ("", ""))[0] or village
        return None, [
            _problem(
                "group",
                "unknown_group",
                f"{village_name}没有“{text}”；请先添加该村民小组，或选择导入时新建。",
                f"{village_name} has no group “{text}”; add it first or let the import create it.",
            )
        ]
