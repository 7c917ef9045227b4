"""Per-site state derived from the change log: contiguous ranges, held records, gaps, acknowledgements.

Nothing here is stored twice: the change log holds each site's records from
seq 1 without a hole (see ``sync_sequence``), ``sync_held`` what arrived
beyond a gap, so the contiguous range, the missing ranges and what to
acknowledge are read from them.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass, field


@dataclass
class SiteRange:
    """What this replica holds of one site's records."""

    site: str
    contiguous: int  # records 1..contiguous are applied
    held: list[tuple[int, int]] = field(default_factory=list)  # ranges that arrived beyond a gap
    missing: list[tuple[int, int]] = field(default_factory=list)  # ranges not arrived, before held ones
    last_hlc: int = 0


def township_site(conn: sqlite3.Connection) -> str | None:
    """The site id of the township this replica belongs to (its own when it is the township), or None."""
    keys = conn.execute("SELECT role FROM sync_keys WHERE id = 1").fetchone()
    if keys is not None and keys[0] == "township":
        return conn.execute("SELECT site_id FROM sync_state WHERE id = 1").fetchone()[0]
    row = conn.execute(
        "SELECT site_id FROM sync_peers WHERE role = 'township' AND revoked IS NULL ORDER BY enrolled LIMIT 1"
    ).fetchone()
    return row[0] if row else None


def contiguous(conn: sqlite3.Connection) -> dict[str, int]:
    """{site: highest seq applied} for every site in the change log (the acknowledgements to send)."""
    return dict(conn.execute("SELECT site, max(seq) FROM change_log GROUP BY site"))


def site_ranges(conn: sqlite3.Connection, sites: list[str] | None = None) -> dict[str, SiteRange]:
    """Contiguous range, held ranges and missing ranges of every site (or of ``sites``)."""
    ranges: dict[str, SiteRange] = {}
    query = "SELECT site, max(seq), max(hlc) FROM change_log GROUP BY site"
    for site, top, hlc in conn.execute(query):
        ranges[site] = SiteRange(site, top, last_hlc=hlc)
    held = conn.execute("SELECT site, seq FROM sync_held ORDER BY site, seq").fetchall()
    for site, seq in held:
        entry = ranges.setdefault(site, SiteRange(site, 0))
        if entry.held and entry.held[-1][1] == seq - 1:
            entry.held[-1] = (entry.held[-1][0], seq)
        else:
            entry.held.append((seq, seq))
    for entry in ranges.values():
        start = entry.contiguous + 1
        for first, last in entry.held:
            if first > start:
                entry.missing.append((start, first - 1))
            start = last + 1
    if sites is not None:
        return {s: ranges.get(s, SiteRange(s, 0)) for s in sites}
    return ranges


def format_ranges(ranges: list[tuple[int, int]]) -> str:
    """``[(3, 5), (9, 9)]`` as ``3–5, 9``."""
    return ", ".join(f"{a}" if a == b else f"{a}–{b}" for a, b in ranges)


def adopt_stored_clock(db) -> None:  # noqa: ANN001 - models.db.Database (not imported: no cycle)
    """Advance this connection's in-memory clock to the one stored by another connection (e.g. an import run on
    a worker thread), so that the next local edit is dated after everything that import brought in."""
    stored = db.conn.execute("SELECT hlc FROM sync_state WHERE id = 1").fetchone()[0]
    db.clock.last = max(db.clock.last, stored)
