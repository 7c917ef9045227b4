"""What the registry already holds, read in bulk for an import.

The import compares thousands of rows with the registry; reading one
household at a time through the Registry API would cost one query per row,
so this module reads the same facts set-wise: who owns each ID number of the
file (with the Registry's own rule: a live member of a household not removed),
which households carry each 户编号, and the stored rows of the households
that the file updates.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable
from typing import Any

from models.registry_base import public

REMOVED = "06"
_CHUNK = 5000
_OWNERS_SQL = (
    "SELECT m.id_number, m.id, m.household_id FROM members m "
    "WHERE m.id_number IN (SELECT value FROM json_each(?)) AND m.in_household = 1 "
    "AND COALESCE((SELECT status FROM status_history s WHERE s.household_id = m.household_id "
    "ORDER BY year DESC LIMIT 1), '') != ?"
)


def _chunks(items: list[str]) -> Iterable[str]:
    for start in range(0, len(items), _CHUNK):
        yield json.dumps(items[start : start + _CHUNK])


def db_marker(conn: sqlite3.Connection) -> tuple[Any, ...]:
    """A fingerprint of the registry's state that any write changes.

    Every write advances this site's clock and sequence (``sync_state``), a
    merged sync bundle advances the clock too; the counts catch anything else.
    """
    return conn.execute(
        "SELECT (SELECT seq FROM sync_state), (SELECT hlc FROM sync_state), (SELECT COUNT(*) FROM households), "
        "(SELECT COUNT(*) FROM members), (SELECT MAX(_hlc) FROM households), (SELECT MAX(_hlc) FROM members), "
        "(SELECT COUNT(*) FROM tombstones)"
    ).fetchone()


class StoredData:
    """The stored facts an import needs, loaded once."""

    def __init__(self, conn: sqlite3.Connection) -> None:
        self.conn = conn
        self.owners: dict[str, tuple[str, str]] = {}
        self.by_number: dict[str, list[str]] = {}
        self.households: dict[str, dict[str, Any]] = {}
        self.members: dict[str, list[dict[str, Any]]] = {}
        self.causes: dict[str, dict[str, str]] = {}
        self.statuses: dict[tuple[str, int], dict[str, Any]] = {}

    def find_owners(self, id_numbers: Iterable[str]) -> None:
        """Remember the live owner (member id, household id) of each of these ID numbers."""
        wanted = sorted({n for n in id_numbers if n and n not in self.owners})
        for chunk in _chunks(wanted):
            for number, member_id, household_id in self.conn.execute(_OWNERS_SQL, (chunk, REMOVED)):
                self.owners.setdefault(number, (member_id, household_id))

    def find_numbers(self, numbers: Iterable[str]) -> None:
        """Remember which households carry each of these 户编号."""
        wanted = sorted({str(n) for n in numbers if n and str(n) not in self.by_number})
        for chunk in _chunks(wanted):
            for number, household_id in self.conn.execute(
                "SELECT household_no, id FROM households WHERE household_no IN (SELECT value FROM json_each(?)) "
                "ORDER BY id",
                (chunk,),
            ):
                self.by_number.setdefault(number, []).append(household_id)

    def by_head_name(self, village: str, name: str) -> list[str]:
        """Households of a village whose living head has this name."""
        rows = self.conn.execute(
            "SELECT DISTINCT h.id FROM households h JOIN members m ON m.household_id = h.id "
            "WHERE h.village_code = ? AND m.name = ? AND m.relation = '01' AND m.in_household = 1 ORDER BY h.id",
            (village, name),
        )
        return [r[0] for r in rows]

    def load(self, household_ids: Iterable[str]) -> None:
        """Read the stored rows (household, members, other causes, statuses) of these households."""
        wanted = sorted({h for h in household_ids if h not in self.households})
        for chunk in _chunks(wanted):
            for row in self._rows("SELECT * FROM households WHERE id IN (SELECT value FROM json_each(?))", chunk):
                self.households[row["id"]] = row
                self.members.setdefault(row["id"], [])
                self.causes.setdefault(row["id"], {})
            for row in self._rows(
                "SELECT * FROM members WHERE household_id IN (SELECT value FROM json_each(?)) ORDER BY sort, id", chunk
            ):
                self.members[row["household_id"]].append(row)
            for row in self._rows(
                "SELECT id, household_id, cause FROM other_causes "
                "WHERE household_id IN (SELECT value FROM json_each(?))",
                chunk,
            ):
                self.causes[row["household_id"]][row["cause"]] = row["id"]
            for row in self._rows(
                "SELECT * FROM status_history WHERE household_id IN (SELECT value FROM json_each(?))", chunk
            ):
                self.statuses[(row["household_id"], row["year"])] = row

    def _rows(self, sql: str, chunk: str) -> list[dict[str, Any]]:
        cursor = self.conn.execute(sql, (chunk,))
        names = [d[0] for d in cursor.description]
        return [public(dict(zip(names, row, strict=True))) for row in cursor]
