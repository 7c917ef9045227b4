"""Possible duplicates: one ID number registered in two households (e.g. on two laptops).

The merge never overwrites one person with another: both members stay, and
the pair is listed here for the clerk, who compares them side by side and
removes the wrong registration (a normal, logged delete that travels back).
"""

from __future__ import annotations

import json
import sqlite3
from dataclasses import dataclass
from typing import Any

from models.idcard import mask_id_number

_LIVE = "m.in_household = 1 AND m.id_number IS NOT NULL AND m.id_number != ''"


@dataclass(frozen=True)
class DuplicatePerson:
    """One registration of an ID number that is registered more than once."""

    member_id: str
    household_id: str
    name: str
    id_masked: str
    relation: str | None
    birth_date: str | None
    village: str
    household_no: str | None
    head: str | None
    created_site: str


def duplicate_numbers(conn: sqlite3.Connection, member_ids: list[str] | None = None) -> list[str]:
    """ID numbers held by live members of two or more households (only those of ``member_ids`` if given)."""
    sql = f"SELECT m.id_number FROM members m WHERE {_LIVE}"
    params: tuple = ()
    if member_ids is not None:
        if not member_ids:
            return []
        sql += " AND m.id_number IN (SELECT id_number FROM members WHERE id IN (SELECT value FROM json_each(?)))"
        params = (json.dumps(member_ids),)
    sql += " GROUP BY m.id_number HAVING count(DISTINCT m.household_id) > 1 ORDER BY m.id_number"
    return [r[0] for r in conn.execute(sql, params)]


def duplicate_groups(conn: sqlite3.Connection) -> list[list[DuplicatePerson]]:
    """Every ID number registered in two or more households, with each registration, for the duplicates desk."""
    groups = []
    for number in duplicate_numbers(conn):
        rows = conn.execute(
            "SELECT m.id, m.household_id, m.name, m.id_number, m.relation, m.birth_date, coalesce(r.name, ''), "
            "h.household_no, (SELECT name FROM members x WHERE x.household_id = h.id AND x.relation = '01' "
            "AND x.in_household = 1 LIMIT 1), m._site FROM members m JOIN households h ON h.id = m.household_id "
            f"LEFT JOIN regions r ON r.code = h.village_code WHERE {_LIVE} AND m.id_number = ? ORDER BY m.id",
            (number,),
        ).fetchall()
        groups.append([_person(r) for r in rows])
    return groups


def _person(row: tuple[Any, ...]) -> DuplicatePerson:
    member, household, name, number, relation, birth, village, household_no, head, site = row
    return DuplicatePerson(
        member, household, name, mask_id_number(number), relation, birth, village, household_no, head, site
    )
