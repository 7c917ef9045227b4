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
            raise _fork(conn, log[SITE], log[SEQ])
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
                raise _fork(conn, site, seq)
        result.duplicates += len(old)
    if site == local_site and len(old) < len(incoming):
        raise _own_site(site)
    held = {r[SEQ]: r for r in _held(conn, site)}
    for seq, log in incoming.items():
        if seq > have and seq in held:
            if held[seq][HASH] != log[HASH]:
                raise _fork(conn, site, seq)
            result.duplicates += 1
    pool = {**held, **{s: r for s, r in incoming.items() if s > have}}
    previous = _hash_at(conn, site, have)
    seq = have + 1
    while seq in pool:
        log = pool.pop(seq)
        if log[PREV_HASH] != previous:
            raise _fork(conn, site, seq)
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


def _fork(conn: sqlite3.Connection, site: str, seq: int) -> SiteForkError:
    """The same (site, seq) with other content: named by the device's enrolled name and role, with advice that
    fits who reads it (a laptop told about the township's database, the township about a laptop's)."""
    name, role = _who(conn, site)
    own = conn.execute("SELECT role FROM sync_keys WHERE id = 1").fetchone()
    here = own[0] if own else ""
    if role == "township":
        return SiteForkError(
            f"乡镇“{name}”的第 {seq} 条修改记录与本机已有的不同（“分叉”）：是乡镇的数据库退回到了旧备份（或被复制过），"
            "不是本机的问题。整个数据包未导入，本机数据没有改动；请不要恢复或重装本机。请告诉乡镇工作人员：乡镇数据库从旧备份"
            "恢复过，要先换回最新的数据库（例如恢复时自动另存的“…-before-restore.db”），再给本机重新导出数据包"
            "（见帮助（F1）中的“从备份恢复”）。",
            f"Change record {seq} of the township '{name}' differs from the one this computer holds (a \"site fork\"): "
            "the TOWNSHIP's database went back to an old backup (or was copied); this computer is fine. Nothing was "
            "imported and nothing here changed; do not restore or reinstall this computer. Tell the township clerk: "
            "the township's database was restored from an old backup; put the newest database back (e.g. the "
            "'…-before-restore.db' saved by the restore), then export a new bundle for this computer (see "
            "'Restoring from a backup' in the help, F1).",
        )
    if role == "village" and here == "township":
        return SiteForkError(
            f"村里的电脑“{name}”的第 {seq} 条修改记录与乡镇已导入的不同（“分叉”）：那台电脑的数据库从旧备份恢复过"
            "（或被复制过），之后又录入了新的修改。整个数据包未导入。请这样处理：那台电脑如果还有更新的数据库（恢复时自动"
            f"另存的“…-before-restore.db”），换回它后重新导出；否则它要作为新设备重新登记：它新建数据库、创建密钥，"
            f"乡镇登记新设备、吊销“{name}”，再给新设备导出数据包；它在恢复后录入的修改需要重新录入"
            "（见帮助（F1）中的“从备份恢复”）。",
            f"Change record {seq} of the laptop '{name}' differs from the one already imported (a \"site fork\"): that "
            "laptop's database was restored from an old backup (or copied) and then edited. Nothing was imported. What "
            "to do: if that laptop still has a newer database (the '…-before-restore.db' saved by the restore), it "
            "puts it back and exports again; otherwise it enrolls as a new device: it creates a new database and keys, "
            f"the township enrolls it, revokes '{name}' and exports a bundle for it; the edits it made after the "
            "restore must be entered again (see 'Restoring from a backup' in the help, F1).",
        )
    ask_zh, ask_en = ("请告诉乡镇工作人员。", " Tell the township clerk.") if here == "village" else ("", "")
    return SiteForkError(
        f"设备“{name}”的第 {seq} 条修改记录与已有的不同（“分叉”）：那台设备的数据库可能从旧备份恢复过，"
        f"或数据包被改动过。整个数据包未导入。{ask_zh}",
        f"Change record {seq} of the device '{name}' differs from the one already held (a \"site fork\"): that "
        f"device's database was probably restored from an old backup, or the bundle was altered. Nothing was "
        f"imported.{ask_en}",
    )


def _who(conn: sqlite3.Connection, site: str) -> tuple[str, str]:
    """A site's enrolled name and role, or its short id and no role."""
    row = conn.execute("SELECT name, role FROM sync_peers WHERE site_id = ?", (site,)).fetchone()
    return (row[0], row[1]) if row else (site[:8], "")


def _own_site(site: str) -> SiteForkError:
    return SiteForkError(
        "数据包里有本机自己的、本数据库却没有的修改记录：本数据库是从旧备份恢复的或是复制来的。整个数据包未导入。"
        "请见帮助（F1）中的“从备份恢复”。",
        "The bundle holds changes of this very installation that this database lacks: it was restored from an old "
        "backup or copied. Nothing was imported. See 'Restoring from a backup' in the help (F1).",
    )
