"""Backups of a registry file with SQLite's online backup API, and restoring one.

Backups live in the data folder, ``backups/<name>-<hash>/``, one folder per
database file (so a database opened from a USB stick is still backed up on
the laptop).  A backup is one complete, consistent snapshot in a single SQLite
file (journal mode DELETE), taken while the program runs and saves go on
(models/backup_copy.py).  Automatic backups are made when the program starts, unless
the data did not change since the newest one; only the last few are kept, fewer
when the database is big, and one is skipped when the disk is nearly full
(models/backup_space.py).  Manual backups and the safety copy taken before a
restore are never pruned.
"""

from __future__ import annotations

import datetime
import hashlib
import sqlite3
from dataclasses import dataclass
from pathlib import Path

from models import backup_space
from models.backup_copy import (
    APPLICATION_ID,
    PARTIAL,
    Progress,
    copy_database,
    database_size,
    new_backup_file,
    open_readonly,
    remove_leftovers,
)
from models.backup_space import KEEP, check_space, keep_count
from models.backup_space import BackupSpaceError as BackupSpaceError  # re-exported: callers catch it from here
from models.errors import DatabaseFileError
from models.paths import data_dir
from models.sync_restored import SENT_KEY

AUTO, MANUAL, BEFORE_RESTORE = "auto", "manual", "before-restore"
KINDS = (AUTO, MANUAL, BEFORE_RESTORE)


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
    """Copy one snapshot of the database into a new, checked backup file (saves may go on meanwhile); its path.

    Raises BackupSpaceError (nothing written) when the disk has no room for the copy.
    """
    if kind not in KINDS:
        raise ValueError(f"unknown backup kind {kind!r}")
    folder = backup_folder(db_path)
    folder.mkdir(parents=True, exist_ok=True)
    remove_leftovers(folder)
    check_space(folder, database_size(db_path), automatic=kind == AUTO)
    return new_backup_file(Path(db_path), _new_name(folder, Path(db_path).stem, kind), progress)


def automatic_backup(
    db_path: str | Path, keep: int = KEEP, progress: Progress | None = None, check_only: bool = False
) -> Path | None:
    """Back up at start unless the data did not change since the newest backup; prune old automatic ones.

    At most ``keep`` automatic backups are kept, fewer for a big database (never fewer than 2).  Raises
    BackupSpaceError, having written nothing, when the disk would be left nearly full.  ``check_only``
    (an import preview): raise it as the backup would, but write and delete nothing.
    """
    newest = next(iter(list_backups(db_path)), None)
    if newest is not None and data_state(newest.path, live=False) == data_state(db_path):
        return None
    size = database_size(db_path)
    count = keep_count(size, keep)
    autos = [b for b in list_backups(db_path) if b.kind == AUTO]
    pruned = sum(b.size for b in autos[count:]) if check_only else 0  # what pruning would free first
    autos = autos[:count] if check_only else _prune(db_path, count)
    short = size + backup_space.RESERVE - backup_space.free_space(backup_folder(db_path)) - pruned
    if short > 0 and len(autos) >= count and len(autos) > backup_space.MIN_KEEP and autos[-1].size >= short:
        if check_only:
            return None
        autos.pop().path.unlink(missing_ok=True)  # it goes after this backup anyway: make room for it first
    if check_only:
        check_space(backup_folder(db_path), size, automatic=True, freed=pruned)
        return None
    path = backup_now(db_path, AUTO, progress)
    _prune(db_path, count)
    return path


def _prune(db_path: str | Path, count: int) -> list[BackupInfo]:
    """Delete all but the newest ``count`` automatic backups; returns the ones kept, newest first."""
    autos = [b for b in list_backups(db_path) if b.kind == AUTO]
    for stale in autos[count:]:
        stale.path.unlink(missing_ok=True)
    return autos[:count]


def data_state(path: str | Path, live: bool = True) -> tuple | None:
    """What changes with every write to the registry (the local change counter and clock), read-only.

    ``live=False`` reads a backup file without leaving ``-wal``/``-shm`` files beside it.
    """
    try:
        conn = open_readonly(path, live)
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
        conn = open_readonly(path)
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
    copy_database(Path(backup), Path(db_path), standalone=False, live=False)
    return safety


def restore_warning(backup: str | Path, db_path: str | Path) -> tuple[str, str] | None:
    """What restoring ``backup`` over a database with sync keys would do to syncing (Chinese, English), or None.

    A restored database numbers its next edits again from where the backup stopped. When some of the edits it loses
    were already sent, the peer holds them and syncing stops until this computer is enrolled as a new device.
    """
    current, old = _sync_facts(db_path, live=True), _sync_facts(backup, live=False)
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


def _sync_facts(path: str | Path, live: bool) -> tuple[str, str | None, int, int] | None:
    """(site id, sync role or None, highest own record, highest own record sent) of a database file, read-only."""
    try:
        conn = open_readonly(path, live)
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
    while target.exists() or any(folder.glob(f"{target.name}.*{PARTIAL}")):
        number += 1
        target = folder / f"{stem}-{stamp}.{number}-{kind}.db"
    return target


def _info(path: Path) -> BackupInfo | None:
    kind = next((k for k in KINDS if path.stem.endswith(f"-{k}")), None)
    if kind is None:
        return None
    stat = path.stat()
    return BackupInfo(path, datetime.datetime.fromtimestamp(stat.st_mtime), kind, stat.st_size)
