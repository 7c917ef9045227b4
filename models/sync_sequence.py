"""Which incoming change records to apply: duplicates, site forks, gaps and held records.

Each site's records are applied in sequence order only, so the change log of
every replica holds, per site, an unbroken hash chain from seq 1. A record
whose predecessors have not arrived is held (``sync_held``) and applied when
the gap is filled. A record already held with the same hash is a duplicate;
the same ``(site, seq)`` with another hash is a **site fork** — typically a
laptop restored from an old backup that then wrote new records — and the
whole bundle is refused before anything is written.
"""

from __future__ import annotations

import sqlite3
from collections import defaultdict
from dataclasses import dataclass, field

from models.errors import JiandangError
from models.sync_records import HASH, LOG_COLUMNS, PREV_HASH, SEQ, SITE, Log

_PLACEHOLDERS = ", ".join("?" * len(LOG_COLUMNS))


class SiteForkError(JiandangError):
    """The same (site, seq) arrived with different content, or a record does not follow its predecessor."""


@dataclass
class Sequenced:
    """The incoming records sorted out: what to apply now, what to hold, what we already had."""

    apply: list[Log] = field(default_factory=list)
    hold: list[Log] = field(default_factory=list)
    duplicates: int = 0
    released: int = 0  # held records from earlier imports applied now


def sequence(conn: sqlite3.Connection, logs: list[Log], local_site: str) -> Sequenced:
    """Split ``logs`` per site into applicable runs, held records and duplicates; raises SiteForkError."""
    result = Sequenced()
    by_site: dict[str, dict[int, Log]] = defaultdict(dict)
    for log in logs:
        known = by_site[log[SITE]].get(log[SEQ])
        if known is not None and known[HASH] != log[HASH]:
            raise _fork(log[SITE], log[SEQ])
        by_site[log[SITE]][log[SEQ]] = log
    result.duplicates = len(logs) - sum(len(v) for v in by_site.values())
    for site in sorted(by_site):
        _sequence_site(conn, site, by_site[site], local_site, result)
    return result


def _sequence_site(
    conn: sqlite3.Connection, site: str, incoming: dict[int, Log], local_site: str, result: Sequenced
) -> None:
    have = conn.execute("SELECT coalesce(max(seq), 0) FROM change_log WHERE site = ?", (site,)).fetchone()[0]
    old = [s for s in incoming if s <= have]
    if old:
        stored = dict(
            conn.execute(
                "SELECT seq, hash FROM change_log WHERE site = ? AND seq BETWEEN ? AND ?", (site, min(old), max(old))
            )
        )
        for seq in old:
            if stored.get(seq) != incoming[seq][HASH]:
                raise _fork(site, seq)
        result.duplicates += len(old)
    if site == local_site and len(old) < len(incoming):
        raise _own_site(site)
    held = {r[SEQ]: r for r in _held(conn, site)}
    for seq, log in incoming.items():
        if seq > have and seq in held:
            if held[seq][HASH] != log[HASH]:
                raise _fork(site, seq)
            result.duplicates += 1
    pool = {**held, **{s: r for s, r in incoming.items() if s > have}}
    previous = _hash_at(conn, site, have)
    seq = have + 1
    while seq in pool:
        log = pool.pop(seq)
        if log[PREV_HASH] != previous:
            raise _fork(site, seq)
        result.apply.append(log)
        result.released += seq in held
        previous = log[HASH]
        seq += 1
    result.hold += [r for s, r in sorted(pool.items()) if s not in held]


def store(conn: sqlite3.Connection, sequenced: Sequenced) -> None:
    """Append the applicable records to the change log and keep the held ones (inside the caller's transaction)."""
    columns = ", ".join(LOG_COLUMNS)
    conn.executemany(f"INSERT INTO change_log({columns}) VALUES ({_PLACEHOLDERS})", sequenced.apply)
    if sequenced.released:
        conn.executemany(
            "DELETE FROM sync_held WHERE site = ? AND seq = ?", [(r[SITE], r[SEQ]) for r in sequenced.apply]
        )
    conn.executemany(f"INSERT OR IGNORE INTO sync_held({columns}) VALUES ({_PLACEHOLDERS})", sequenced.hold)


def _held(conn: sqlite3.Connection, site: str) -> list[Log]:
    return conn.execute(
        f"SELECT {', '.join(LOG_COLUMNS)} FROM sync_held WHERE site = ? ORDER BY seq", (site,)
    ).fetchall()


def _hash_at(conn: sqlite3.Connection, site: str, seq: int) -> str:
    if seq == 0:
        return ""
    return conn.execute("SELECT hash FROM change_log WHERE site = ? AND seq = ?", (site, seq)).fetchone()[0]


def _fork(site: str, seq: int) -> SiteForkError:
    return SiteForkError(
        f"设备 {site[:8]} 的第 {seq} 条修改记录与已导入的内容不同（“分叉”）：这台电脑可能从旧备份恢复过，"
        "或数据包被改动过。整个数据包未导入；请联系乡镇核对这台电脑的数据。",
        f'Change record {seq} of device {site[:8]} differs from the one already imported (a "site fork"): the '
        "laptop was probably restored from an old backup, or the bundle was altered. Nothing was imported; "
        "check this laptop's data with the township.",
    )


def _own_site(site: str) -> SiteForkError:
    return SiteForkError(
        f"数据包里有本机（{site[:8]}）没有的本机修改记录：本数据库可能是从旧备份恢复的。整个数据包未导入。",
        f"The bundle holds changes of this very device ({site[:8]}) that this database lacks: it was probably "
        "restored from an old backup. Nothing was imported.",
    )
