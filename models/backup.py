"""Backups of a registry file with SQLite's online backup API, and restoring one.

Backups live in the data folder, ``backups/<name>-<hash>/``, one folder per
database file (so a database opened from a USB stick is still backed up on
the laptop).  A backup is a complete, consistent SQLite file, taken while the
program runs.  Automatic backups are made when the program starts, unless
the data did not change since the newest one, and only the last ``KEEP`` are kept;
manual backups and the safety copy taken before a restore are never pruned.
"""

from __future__ import annotations

import datetime
import hashlib
import sqlite3
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from models.errors import DatabaseFileError
from models.paths import data_dir
from models.sync_restored import SENT_KEY

KEEP = 5
AUTO, MANUAL, BEFORE_RESTORE = "auto", "manual", "before-restore"
KINDS = (AUTO, MANUAL, BEFORE_RESTORE)
PAGES_PER_STEP = 4096
APPLICATION_ID = 0x4A444E47

Progress = Callable[[int, int], None]


@dataclass(frozen=True)
class BackupInfo:
    """One backup file: where it is, when it was taken, why, and its size in bytes."""

    path: Path
    created: datetime.datetime
    kind: str
    size: int


def backup_folder(db_path: str | Path) -> Path:
    """The folder holding the backups of ``db_path`` (not created here)."""
    resolved = Path(db_path).resolve()
    digest = hashlib.sha1(str(resolved).encode("utf-8")).hexdigest()[:8]
    return data_dir() / "backups" / f"{resolved.stem}-{digest}"


def backup_now(db_path: str | Path, kind: str = MANUAL, progress: Progress | None = None) -> Path:
    """Copy the database into a new backup file (consistent even while it is in use); returns its path."""
    if kind not in KINDS:
        raise ValueError(f"unknown backup kind {kind!r}")
    folder = backup_folder(db_path)
    folder.mkdir(parents=True, exist_ok=True)
    target = _new_name(folder, Path(db_path).stem, kind)
    try:
        copy_database(Path(db_path), target, progress)
    except BaseException:
        target.unlink(missing_ok=True)
        raise
    return target


def copy_database(source: Path, target: Path, progress: Progress | None = None) -> None:
    """Copy one SQLite file into another with the backup API (the target's content is replaced)."""
    src = sqlite3.connect(source.resolve().as_uri() + "?mode=ro", uri=True)
    dst = sqlite3.connect(str(target))
    try:
        report = None if progress is None else (lambda _status, left, total: progress(total - left, total))
        src.backup(dst, pages=PAGES_PER_STEP, progress=report)
    finally:
        dst.close()
        src.close()


def automatic_backup(db_path: str | Path, keep: int = KEEP, progress: Progress | None = None) -> Path | None:
    """Back up at start unless the data did not change since the newest backup; prune old automatic ones."""
    newest = next(iter(list_backups(db_path)), None)
    if newest is not None and data_state(newest.path) == data_state(db_path):
        return None
    path = backup_now(db_path, AUTO, progress)
    for stale in [b for b in list_backups(db_path) if b.kind == AUTO][keep:]:
        stale.path.unlink(missing_ok=True)
    return path


def data_state(path: str | Path) -> tuple | None:
    """What changes with every write to the registry (the local change counter and clock), read-only."""
    try:
        conn = sqlite3.connect(Path(path).resolve().as_uri() + "?mode=ro", uri=True)
        try:
            return conn.execute("SELECT seq, hlc, last_hash FROM sync_state WHERE id = 1").fetchone()
        finally:
            conn.close()
    except sqlite3.DatabaseError:
        return None


def list_backups(db_path: str | Path) -> list[BackupInfo]:
    """The backups of ``db_path``, newest first."""
    folder = backup_folder(db_path)
    found = [info for path in folder.glob("*.db") if (info := _info(path)) is not None] if folder.is_dir() else []
    return sorted(found, key=lambda b: b.created, reverse=True)


def check_backup(path: str | Path) -> None:
    """Raise DatabaseFileError unless ``path`` is an intact registry file (read-only check)."""
    try:
        conn = sqlite3.connect(Path(path).resolve().as_uri() + "?mode=ro", uri=True)
        try:
            app_id = conn.execute("PRAGMA application_id").fetchone()[0]
            status = conn.execute("PRAGMA quick_check").fetchone()[0]
        finally:
            conn.close()
    except sqlite3.DatabaseError as error:
        app_id, status = 0, str(error)
    if app_id != APPLICATION_ID or status != "ok":
        raise DatabaseFileError(
            f"{path} 不是完好的建档数据库备份（{status}），没有恢复。",
            f"{path} is not an intact Jiandang backup ({status}); nothing was restored.",
        )


def restore_backup(backup: str | Path, db_path: str | Path) -> Path:
    """Replace the database's content with a backup; returns the safety copy taken first.

    Every connection to ``db_path`` must be closed before, and reopened after.
    """
    check_backup(backup)
    safety = backup_now(db_path, BEFORE_RESTORE)
    for extra in (Path(f"{db_path}-wal"), Path(f"{db_path}-shm")):
        if extra.exists():
            _checkpoint(Path(db_path))
            break
    copy_database(Path(backup), Path(db_path))
    return safety


def restore_warning(backup: str | Path, db_path: str | Path) -> tuple[str, str] | None:
    """What restoring ``backup`` over a database with sync keys would do to syncing (Chinese, English), or None.

    A restored database numbers its next edits again from where the backup stopped. When some of the edits it loses
    were already sent, the peer holds them and syncing stops until this computer is enrolled as a new device.
    """
    current, old = _sync_facts(db_path), _sync_facts(backup)
    if current is None or current[1] is None:
        return None
    site, role, top, sent = current
    kept = old[2] if old is not None and old[0] == site else 0
    if sent <= kept:
        return None  # nothing this database sent is lost: the peer never saw the edits the restore drops
    lost, gone = top - kept, sent - kept
    if role == "township":
        return (
            f"这是已登记同步的乡镇数据库。恢复这个备份会丢掉乡镇在备份之后的 {lost} 条修改，"
            f"其中 {gone} 条已经发到村里、"
            "乡镇拿不回来；之后乡镇的新修改会和村里电脑上的记录编号重复，村里电脑将拒收乡镇的数据包。"
            "只有在当前数据库确实损坏、又没有更新的副本时才恢复（见帮助（F1）中的“从备份恢复”）。",
            f"This township database syncs with laptops. Restoring this backup loses the township's {lost} edits made "
            f"since, {gone} of them already sent to laptops, which cannot come back; the township's next edits would "
            "reuse their numbers, so the laptops would refuse its bundles. Restore only if the current database is "
            "really damaged and no newer copy exists (see 'Restoring from a backup' in the help, F1).",
        )
    return (
        f"本机已登记同步。恢复这个备份会丢掉本机在备份之后的 {lost} 条修改，"
        f"其中 {gone} 条已经送出，乡镇不会再发回本机；"
        "本机之后的新修改会和乡镇已有的记录编号重复。恢复后本机要作为新设备重新登记才能再同步"
        "（见帮助（F1）中的“从备份恢复”）。只有在当前数据库确实损坏时才恢复。",
        f"This computer syncs with the township. Restoring this backup loses its {lost} edits made since, {gone} of "
        "them already sent, which the township will not send back; this computer's next edits would reuse their "
        "numbers. After the restore it must be enrolled as a new device to sync again (see 'Restoring "
        "from a backup' in the help, F1). Restore only if the current database is really damaged.",
    )


def _sync_facts(path: str | Path) -> tuple[str, str | None, int, int] | None:
    """(site id, sync role or None, highest own record, highest own record sent) of a database file, read-only."""
    try:
        conn = sqlite3.connect(Path(path).resolve().as_uri() + "?mode=ro", uri=True)
        try:
            site = conn.execute("SELECT site_id FROM sync_state WHERE id = 1").fetchone()[0]
            keys = conn.execute("SELECT role FROM sync_keys WHERE id = 1").fetchone()
            top = conn.execute("SELECT coalesce(max(seq), 0) FROM change_log WHERE site = ?", (site,)).fetchone()[0]
            sent = conn.execute(
                "SELECT max(coalesce((SELECT CAST(value AS INTEGER) FROM settings WHERE key = ?), 0), "
                "coalesce((SELECT max(json_extract(acks, '$.\"' || ? || '\"')) FROM sync_peers), 0))",
                (SENT_KEY, site),
            ).fetchone()[0]
        finally:
            conn.close()
    except (sqlite3.DatabaseError, TypeError):
        return None
    return site, keys[0] if keys else None, top, sent


def _checkpoint(db_path: Path) -> None:
    conn = sqlite3.connect(str(db_path))
    try:
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    finally:
        conn.close()


def _new_name(folder: Path, stem: str, kind: str) -> Path:
    stamp = datetime.datetime.now().strftime("%Y%m%d-%H%M%S")
    target = folder / f"{stem}-{stamp}-{kind}.db"
    number = 1
    while target.exists():
        number += 1
        target = folder / f"{stem}-{stamp}.{number}-{kind}.db"
    return target


def _info(path: Path) -> BackupInfo | None:
    kind = next((k for k in KINDS if path.stem.endswith(f"-{k}")), None)
    if kind is None:
        return None
    stat = path.stat()
    return BackupInfo(path, datetime.datetime.fromtimestamp(stat.st_mtime), kind, stat.st_size)
