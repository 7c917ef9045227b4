"""Households that are no longer here, named as people knew them: from their change records, and where a merge
took them.

The conflict desk lists records whose household was deleted, or merged into
another one on the duplicates desk. The rows are gone, but their change
records are not: the village, 户编号 and head are read back from them, and a
merge's workflow event says which household kept the family.
"""

from __future__ import annotations

import json
from dataclasses import dataclass

from models.db import Database
from models.household_merge import MERGE_PROCEDURE

_MAX_HOPS = 5  # a household merged into one that was merged again


@dataclass(frozen=True)
class GoneHousehold:
    """A deleted household as its change records remember it, and the household it was merged into, if any."""

    village: str
    number: str
    head: str
    merged_into: str | None


def gone_household(db: Database, household_id: str) -> GoneHousehold:
    """What the change log remembers of a household that is not in the households table any more."""
    household: dict = {}
    members: dict[str, dict] = {}
    for table, pk, vals in db.conn.execute(
        "SELECT tbl, pk, vals FROM change_log WHERE scope = ? AND tbl IN ('households', 'members') "
        "ORDER BY hlc, site, seq",
        (household_id,),
    ):
        values = json.loads(vals) if vals else {}
        if table == "households" and pk == household_id:
            household.update(values)
        elif table == "members":
            members.setdefault(pk, {}).update(values)
    heads = [m.get("name") for m in members.values() if m.get("relation") == "01" and m.get("in_household") != 0]
    village = db.conn.execute("SELECT name FROM regions WHERE code = ?", (household.get("village_code"),)).fetchone()
    return GoneHousehold(
        village[0] if village else "",
        str(household.get("household_no") or ""),
        str(heads[0] or "") if heads else "",
        merged_into(db, household_id),
    )


def merged_into(db: Database, household_id: str) -> str | None:
    """The household that now holds a merged-away household's family (following later merges), or None."""
    current, seen = household_id, {household_id}
    for _ in range(_MAX_HOPS):
        row = db.conn.execute(
            "SELECT household_id FROM workflow_events WHERE procedure = ? AND step = 'households' "
            "AND json_extract(data, '$.other') = ? ORDER BY event_date DESC, id LIMIT 1",
            (MERGE_PROCEDURE, current),
        ).fetchone()
        if row is None or row[0] in seen:
            break
        current = row[0]
        seen.add(current)
        if db.conn.execute("SELECT 1 FROM households WHERE id = ?", (current,)).fetchone():
            return current
    return None


def household_exists(db: Database, household_id: str) -> bool:
    """Whether the household is (still) in the households table."""
    return db.conn.execute("SELECT 1 FROM households WHERE id = ?", (household_id,)).fetchone() is not None
