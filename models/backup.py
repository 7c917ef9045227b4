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
