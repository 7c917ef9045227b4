"""Reading the registered responsible helpers (帮扶责任人), for choosing one in the GUI."""

from __future__ import annotations

import sqlite3
from typing import Any


def list_helpers(conn: sqlite3.Connection) -> list[dict[str, Any]]:
    """Every helper with the number of households currently paired with them, by name."""
    rows = conn.execute(
        "SELECT h.id, h.name, h.unit, h.position, h.phone, "
        "(SELECT COUNT(*) FROM pairings p WHERE p.helper_id = h.id AND p.end_date IS NULL) AS households "
        "FROM helpers h ORDER BY h.name, h.unit, h.id"
    )
    names = [d[0] for d in rows.description]
    return [dict(zip(names, r, strict=True)) for r in rows.fetchall()]
