"""The rules every township and village meets, whichever way it gets in or is renamed.

``Registry.add_region`` / ``Registry.rename_region`` apply them, so the
settings page 乡镇和村 and ``main.py region`` (through models/region_admin.py),
the first start (models/first_start.py, which checks a whole batch first with
``check_new``) and an Excel import with --create-places (exports/excel_places.py)
refuse the same bad input with the same message.

A region code is typed as 2, 4, 6, 9 or 12 digits (padded to 12); a name is
trimmed, not blank and at most ``NAME_MAX`` characters; a code is registered
once; a village's township must be registered first; two villages of one
township (two townships of one county) do not share a name.

Rows merged from another replica by sync are not checked again here: refusing
them would stop the replicas from converging.
"""

from __future__ import annotations

import re
import sqlite3
import unicodedata
from collections.abc import Mapping
from typing import Any

from models.changes import stable_id
from models.errors import JiandangError, Problem

NAME_MAX = 30
CODE = re.compile(r"^[0-9]{2,12}$")
_TYPED = re.compile(r"^(?:[0-9]{2}|[0-9]{4}|[0-9]{6}|[0-9]{9}|[0-9]{12})$")
ALL_LEVELS = (1, 2, 3, 4, 5)
PLACE_LEVELS = (4, 5)


class PlaceRefused(JiandangError):
    """A refused township or village; ``field`` names what it is about: "code" or "name"."""

    def __init__(self, field: str, message_zh: str, message_en: str) -> None:
        super().__init__(message_zh, message_en)
        self.field = field


def normalize_code(code: str) -> str:
    """A region code padded to 12 digits ("62" → "620000000000")."""
    text = str(code).strip()
    if not CODE.match(text):
        raise JiandangError(f"区划代码“{code}”不对：应为 12 位数字。", f"Region code '{code}' must be 12 digits.")
    return text.ljust(12, "0")


def region_level(code: str) -> int:
    """1 省, 2 市, 3 县, 4 乡镇, 5 村, from the code's structure."""
    code = normalize_code(code)
    for level, tail in ((1, 2), (2, 4), (3, 6), (4, 9)):
        if code[tail:] == "0" * (12 - tail):
            return level
    return 5


def parent_code(code: str) -> str | None:
    """The code of the region one level up, or None for a province."""
    code = normalize_code(code)
    cut = {1: 0, 2: 2, 3: 4, 4: 6, 5: 9}[region_level(code)]
    return code[:cut].ljust(12, "0") if cut else None


def region_code(text: str, levels: tuple[int, ...] = PLACE_LEVELS) -> str:
    """The 12-digit code of a code as typed (a township by 9 or 12 digits, a village by 12); PlaceRefused otherwise.

    ``levels`` are the kinds of region wanted here (the first start asks for a
    township, then for villages); provinces, cities and counties only with
    ``ALL_LEVELS`` (the registry API, for tests and the demo county).
    """
    raw = unicodedata.normalize("NFKC", str(text or "")).strip()  # full-width digits typed with a Chinese IME
    level = region_level(raw) if _TYPED.match(raw) else None
    if level in levels:
        return raw.ljust(12, "0")
    if level in PLACE_LEVELS and len(levels) == 1:
        village = levels == (5,)
        want_zh, want_en = ("村的 12 位代码", "a village's 12 digits") if village else ("乡镇的 9 位代码", "9 digits")
        kind_zh, kind_en = ("乡镇", "township") if level == 4 else ("村", "village")
        raise PlaceRefused(
            "code",
            f"区划代码“{raw}”是{kind_zh}的代码：这里要填{want_zh}。",
            f"Region code '{raw}' is a {kind_en}'s: {want_en} are wanted here.",
        )
    raise PlaceRefused(
        "code",
        f"区划代码“{raw}”不对：乡镇为 9 位（或末三位为 000 的 12 位），村为 12 位。",
        f"Region code '{raw}' is wrong: a township has 9 digits (or 12 ending in 000), a village 12.",
    )


def region_name(code: str, text: str | None) -> str:
    """A region name as stored: trimmed (also of full-width spaces), not blank, at most NAME_MAX characters."""
    name = str(text or "").strip()
    if not name:
        raise PlaceRefused("name", f"区划 {code} 的名称不能为空。", f"The name of region {code} is required.")
    if len(name) > NAME_MAX:
        raise PlaceRefused(
            "name",
            f"区划 {code} 的名称太长（最多 {NAME_MAX} 个字）。",
            f"The name of region {code} is too long (at most {NAME_MAX}).",
        )
    return name


def name_problems(row: Mapping[str, Any], _book: object = None) -> list[Problem]:
    """The problems of a ``regions`` row's name, as a validator of the conflict desk (models/sync_value.py).

    A name typed there wins on every replica, so it meets the same name rules.
    """
    try:
        region_name(str(row.get("code") or ""), row.get("name"))
    except PlaceRefused as error:
        return [Problem("name", "bad_region_name", error.message_zh, error.message_en)]
    return []


def check_new(
    conn: sqlite3.Connection,
    code: str,
    name: str,
    pending: Mapping[str, str] | None = None,
    levels: tuple[int, ...] = PLACE_LEVELS,
) -> tuple[str, str]:
    """The (code, name) to register, or PlaceRefused saying why not.

    ``pending``: regions (code → name) about to be registered before this one
    in the same batch (the first start, an Excel import): they count as registered.
    """
    code = region_code(code, levels)
    name = region_name(code, name)
    known = dict(pending or {})
    taken = known.get(code) or registered_name(conn, code)
    if taken is not None:
        raise PlaceRefused(
            "code",
            f"区划代码 {code} 已登记为“{taken}”；要更正名称请用“改名”。",
            f"Region code {code} is already registered as '{taken}'; use Rename to correct the name.",
        )
    township = code[:9] + "000"
    if region_level(code) == 5 and township not in known and registered_name(conn, township) is None:
        raise PlaceRefused(
            "code",
            f"村 {code} 所属的乡镇 {township} 还没有登记：请先添加这个乡镇（9 位代码 {code[:9]}）。",
            f"Village {code} belongs to township {township}, which is not registered: add the township first "
            f"(9-digit code {code[:9]}).",
        )
    refuse_sibling_name(conn, code, name, known)
    return code, name


def check_renamed(conn: sqlite3.Connection, code: str, name: str) -> str:
    """The new name of registered region ``code`` as stored, or PlaceRefused saying why not."""
    name = region_name(code, name)
    refuse_sibling_name(conn, code, name)
    return name


def refuse_sibling_name(
    conn: sqlite3.Connection, code: str, name: str, pending: Mapping[str, str] | None = None
) -> None:
    """Two villages of one township (or two townships of one county) must not share a name: PlaceRefused."""
    level = region_level(code)
    if level not in PLACE_LEVELS:
        return
    prefix = code[:9] if level == 5 else code[:6]
    taken = conn.execute(
        "SELECT code FROM regions WHERE level = ? AND substr(code, 1, ?) = ? AND name = ? AND code != ? "
        "ORDER BY code LIMIT 1",
        (level, len(prefix), prefix, name, code),
    ).fetchone()
    same = [c for c, n in (pending or {}).items() if n == name and c != code and c.startswith(prefix)]
    same = [c for c in same if region_level(c) == level] + ([taken[0]] if taken else [])
    if same:
        kind_zh, kind_en = ("村", "village") if level == 5 else ("乡镇", "township")
        raise PlaceRefused(
            "name",
            f"已有名为“{name}”的{kind_zh}（{min(same)}）。",
            f"There is already a {kind_en} called '{name}' ({min(same)}).",
        )


def registered_name(conn: sqlite3.Connection, code: str) -> str | None:
    """The name of a registered region (12-digit code), or None."""
    row = conn.execute("SELECT name FROM regions WHERE code = ?", (code,)).fetchone()
    return None if row is None else str(row[0])


def region_row(code: str, name: str, valid_from: int | None = None) -> dict[str, Any]:
    """The ``regions`` row of a checked (code, name): its id, level and parent follow from the code."""
    return {
        "id": stable_id("region", code),
        "code": code,
        "name": name,
        "level": region_level(code),
        "parent_code": parent_code(code),
        "valid_from": valid_from,
    }
