"""The people of a household in a year: one rule, in Python (the form, incomes) and in SQL (the statistics).

The people of household H in year Y (家庭人口) are the members living in H on the year's day: 31 December
of Y, or today while Y has not ended (``people_day``). Each member is placed on that day from the member's
history:

1. born after the day: not there;
2. the member's events are the dated changes (``member_changes``: 嫁入, 新生儿, 其他转入 arrive, every other
   reason leaves) and, for a member who no longer lives there, the date of leaving (``members.left_date``)
   as a departure; on one date an arrival counts after a departure;
3. no events: there if the member lives there now (``in_household``); one who left without any date
   cannot be placed;
4. every event after the day: there if the first event is a departure (the state before it);
5. otherwise the last event on or before the day tells, unless it is also the member's last event and
   disagrees with where the member is now (left without a date after arriving, or lives there again
   after a recorded departure): then the member cannot be placed.

A member who cannot be placed counts as the member is now. When some member of H cannot be placed in Y
and H has an income record for Y with a household size, that stored size is H's people in Y instead: it
was counted when the income was saved, often before the undated change, and the year's per-capita
income (the exit test, the income bands) was worked out with it. The statistics apply the same rule,
so the report and the income's 家庭人口 give one number for H in Y.

``member_state`` and ``household_size`` implement the rule in Python; ``people_sql`` builds the same rule
as SQL for every household at once. tests/models/test_household_people.py runs both and compares them.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable
from typing import Any

from models.codes import MEMBER_CHANGE_INCOMING

_ARRIVALS = ", ".join(f"'{c}'" for c in MEMBER_CHANGE_INCOMING)
_LIVES = "(COALESCE(m.in_household, 1) = 1)"
# A departure key from the date of leaving of a member who no longer lives there (else NULL).
_LEFT = "CASE WHEN COALESCE(m.in_household, 1) != 1 AND COALESCE(m.left_date, '') != '' THEN m.left_date || '0' END"


def people_day(year: int, today: datetime.date | None = None) -> str:
    """The day a year's people are counted on (ISO): 31 December, or today while the year has not ended."""
    today = today or datetime.date.today()
    return min(today, datetime.date(year, 12, 31)).isoformat()


def member_state(member: dict[str, Any], changes: list[dict[str, Any]], day: str) -> tuple[bool, bool]:
    """(whether the member lived in the household on ``day``, whether that could be told) by the module's rule.

    ``member`` has ``birth_date``, ``in_household`` (missing or empty: lives there) and ``left_date``;
    ``changes`` are the member's ``member_changes`` rows (``change``, ``change_date``). A member who
    cannot be placed is reported as living there now or not.
    """
    if str(member.get("birth_date") or "") > day:
        return False, True
    lives = _lives(member)
    keys = [_key(c["change_date"], c.get("change") in MEMBER_CHANGE_INCOMING) for c in changes if c.get("change_date")]
    if not lives and member.get("left_date"):
        keys.append(_key(member["left_date"], False))
    if not keys:
        return lives, lives
    past = [k for k in keys if k[:-1] <= day]
    if not past:
        return min(keys).endswith("0"), True
    if max(past) == max(keys) and max(keys).endswith("1") != lives:
        return lives, False
    return max(past).endswith("1"), True


def household_size(states: Iterable[tuple[bool, bool]], stored: int | None) -> int:
    """The people of a household from its members' states (``member_state``).

    ``stored`` is the size recorded with the year's income (None without one); it wins when some member
    cannot be placed.
    """
    states = list(states)
    if stored is not None and not all(placed for _, placed in states):
        return int(stored)
    return sum(1 for present, _ in states if present)


def people_sql(days: dict[str, str]) -> str:
    """CTEs ending in ``people`` (household_id, then per day ``<name>`` and ``<name>_unplaced``).

    ``days`` maps a column name to the SQL of its day, e.g. ``{"people": ":as_of"}``. Households without
    members have no row. The stored size of a year is not applied here: join ``incomes`` for that.
    Fast: most members have no history and live there, so they count once born (``people_base``, one
    scan); the few others (dated changes, or left) are placed one by one and corrected for (``people_odd``).
    """
    names = list(days)
    past = ", ".join(f"MAX(CASE WHEN change_date <= {day} THEN k END) AS past_{name}" for name, day in days.items())
    base = ", ".join(f"SUM({_LIVES} AND COALESCE(m.birth_date, '') <= {day}) AS {name}" for name, day in days.items())
    left = {name: f"CASE WHEN m.left_date <= {day} THEN {_LEFT} END" for name, day in days.items()}
    merged = ", ".join(f"COALESCE(MAX(h.past_{n}, {left[n]}), h.past_{n}, {left[n]}) AS past_{n}" for n in names)
    alone = ", ".join(f"{left[n]} AS past_{n}" for n in names)
    odd = ", ".join(
        f"SUM(({_present(name, day)}) - (lives AND birth <= {day})) AS {name}, "
        f"SUM({_unplaced(name, day)}) AS {name}_unplaced"
        for name, day in days.items()
    )
    people = ", ".join(
        f"b.{name} + COALESCE(o.{name}, 0) AS {name}, COALESCE(o.{name}_unplaced, 0) AS {name}_unplaced"
        for name in names
    )
    member = f"m.household_id, COALESCE(m.birth_date, '') AS birth, {_LIVES} AS lives"
    return f"""people_hist AS MATERIALIZED (
    SELECT member_id, MIN(k) AS first_k, MAX(k) AS last_k, {past}
    FROM (SELECT member_id, change_date, change_date || CASE WHEN change IN ({_ARRIVALS}) THEN '1' ELSE '0' END AS k
          FROM member_changes WHERE COALESCE(change_date, '') != '')
    GROUP BY member_id
), people_base AS MATERIALIZED (
    SELECT m.household_id, {base}, SUM(NOT {_LIVES}) AS gone FROM members m GROUP BY m.household_id
), people_odd AS MATERIALIZED (
    SELECT household_id, {odd}
    FROM (SELECT {member}, COALESCE(MIN(h.first_k, {_LEFT}), h.first_k) AS first_k,
                 COALESCE(MAX(h.last_k, {_LEFT}), h.last_k) AS last_k, {merged}
          FROM people_hist h JOIN members m ON m.id = h.member_id
          UNION ALL
          SELECT {member}, {_LEFT} AS first_k, {_LEFT} AS last_k, {alone}
          FROM people_base b JOIN members m ON m.household_id = b.household_id
          WHERE b.gone > 0 AND NOT {_LIVES} AND m.id NOT IN (SELECT member_id FROM people_hist))
    GROUP BY household_id
), people AS MATERIALIZED (
    SELECT b.household_id, {people} FROM people_base b LEFT JOIN people_odd o ON o.household_id = b.household_id
)"""


def _present(name: str, day: str) -> str:
    """SQL of ``member_state``'s first value (columns birth, lives, first_k, last_k, past_<name>)."""
    past = f"past_{name}"
    return (
        f"CASE WHEN birth > {day} THEN 0 WHEN last_k IS NULL THEN lives "
        f"WHEN {past} IS NULL THEN substr(first_k, -1) = '0' "
        f"WHEN {past} = last_k AND (substr(last_k, -1) = '1') != lives THEN lives ELSE substr({past}, -1) = '1' END"
    )


def _unplaced(name: str, day: str) -> str:
    """SQL: 1 when ``member_state`` could not tell (its second value false)."""
    past = f"past_{name}"
    return (
        f"CASE WHEN birth > {day} THEN 0 WHEN last_k IS NULL THEN NOT lives WHEN {past} IS NULL THEN 0 "
        f"ELSE {past} = last_k AND (substr(last_k, -1) = '1') != lives END"
    )


def _key(day: Any, arrives: bool) -> str:
    return f"{day}{'1' if arrives else '0'}"


def _lives(member: dict[str, Any]) -> bool:
    value = member.get("in_household")
    return str(value if value not in (None, "") else 1) == "1"
