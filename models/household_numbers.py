"""户编号: the number the national system gives a household, held by one household of its village only.

Two households with one number print as one on a notice or card chosen by
number, and the Excel import cannot tell them apart, so a number already
held by another household is refused where it is typed. (Two laptops may
still give out the same number offline; ``check`` reports that.)
"""

from __future__ import annotations

import sqlite3
from typing import Any

from models.errors import Problem
from models.household_list import HEAD
from models.validation import problem

_HOLDER = f"""SELECT h.id, r.name, {HEAD} FROM households h LEFT JOIN regions r ON r.code = h.village_code
    WHERE h.household_no = ? AND h.village_code = ? AND h.id != ? ORDER BY h.id LIMIT 1"""


def number_taken(
    conn: sqlite3.Connection, values: dict[str, Any], household_id: str | None, stored: dict[str, Any] | None = None
) -> list[Problem]:
    """A problem when the household's 户编号 is already another household's in its village (naming that one).

    Numbers are compared within a village: the national numbers start with the village's code anyway, and a
    registry that numbers households per village may use 0001 in every village. Only a number being given
    (``stored``: the household's row before the change) is checked, so households that already share one
    (two laptops offline) can still be edited and merged; ``check`` reports them.
    """
    number = str(values.get("household_no") or "").strip()
    if not number or (stored and number == str(stored.get("household_no") or "").strip()):
        return []  # a number the household already had: two households sharing it must stay editable and mergeable
    holder = conn.execute(_HOLDER, (number, values.get("village_code"), household_id or "")).fetchone()
    if holder is None:
        return []
    _, village, head = holder
    owner_zh = f"{village or ''}{head or ''}户" if head or village else "另一户"
    owner_en = f"{head or 'another household'} ({village})" if village else (head or "another household")
    return [
        problem(
            "household_no",
            "number_taken",
            f"{number} 已是{owner_zh}的户编号，请核对后改正；尚未分配时可以空着。",
            f"{number} already belongs to {owner_en}; check and correct it, or leave it empty until assigned.",
        )
    ]
