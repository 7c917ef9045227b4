"""Disk space for backups: how many automatic copies to keep, and whether there is room for one more.

A county database is a few GB: five automatic copies of it would fill an
ordinary laptop.  Automatic copies are kept up to about ``AUTO_BUDGET`` bytes
together (at most ``KEEP``, never fewer than ``MIN_KEEP``), and an automatic
backup is skipped when the disk would keep less than ``RESERVE`` free after it.
Manual backups and the safety copy before a restore only need room for the copy.
"""

from __future__ import annotations

import shutil
from pathlib import Path

from models.errors import JiandangError

GB = 1024**3
MB = 1024**2
KEEP = 5
MIN_KEEP = 2
AUTO_BUDGET = 4 * GB
RESERVE = 1 * GB  # left free on the disk after an automatic backup
MARGIN = 64 * MB  # left free after a manual backup or a safety copy (a full disk breaks every program)


class BackupSpaceError(JiandangError):
    """There is not enough free disk space for a backup (nothing was written)."""

    def __init__(self, message_zh: str, message_en: str, needed: int, free: int) -> None:
        super().__init__(message_zh, message_en)
        self.needed = needed
        self.free = free


def keep_count(size: int, keep: int = KEEP) -> int:
    """How many automatic backups of a database of ``size`` bytes to keep (fewer when it is big, at least 2)."""
    fitting = AUTO_BUDGET // max(size, 1)
    return max(min(keep, MIN_KEEP), min(keep, fitting))


def free_space(folder: Path) -> int:
    """Free bytes on the disk holding ``folder`` (or its nearest existing parent)."""
    existing = folder
    while not existing.exists() and existing.parent != existing:
        existing = existing.parent
    return shutil.disk_usage(existing).free


def check_space(folder: Path, needed: int, automatic: bool, freed: int = 0) -> None:
    """Raise BackupSpaceError when a backup of ``needed`` bytes would leave the disk (nearly) full.

    ``freed``: bytes that would be deleted first (old automatic backups pruned), counted as free.
    """
    free = free_space(folder) + freed
    reserve = RESERVE if automatic else MARGIN
    if free >= needed + reserve:
        return
    need, have, keep = format_size(needed), format_size(free), format_size(reserve)
    if automatic:
        raise BackupSpaceError(
            f"磁盘空间不足，这次没有自动备份：需要约 {need}，备份后还应留出 {keep}，但磁盘只剩 {have}。"
            "请清理磁盘后用“文件 → 立即备份”。",
            f"Low disk space, no automatic backup this time: it needs about {need} plus {keep} left free, but only "
            f"{have} is free. Free some space, then use File → Back up now.",
            needed,
            free,
        )
    raise BackupSpaceError(
        f"磁盘空间不足，没有备份：备份需要约 {need}，备份文件夹所在的磁盘只剩 {have}。请先清理磁盘。",
        f"Not enough disk space, nothing was backed up: a backup needs about {need}, but the disk of the backup "
        f"folder has only {have} free. Free some space first.",
        needed,
        free,
    )


def format_size(size: int) -> str:
    """A size for people: '2.3 GB', '240 MB', '12 KB'."""
    if size >= GB:
        return f"{size / GB:.1f} GB"
    if size >= MB:
        return f"{size / MB:.0f} MB"
    return f"{max(size, 0) / 1024:.0f} KB"
