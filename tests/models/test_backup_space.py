"""Backups of big databases on ordinary laptops: fewer automatic copies, and no backup that would fill the disk."""

from __future__ import annotations

import shutil
from collections import namedtuple
from pathlib import Path

import pytest

from models import backup, backup_space
from models.backup_space import GB, BackupSpaceError, keep_count
from models.registry import Registry
from tests.models.conftest import VILLAGE

COUNTY = 2_516_480_000  # 100,000 households
Usage = namedtuple("Usage", "total used free")


def pretend(monkeypatch: pytest.MonkeyPatch, size: int, free: int | None = None) -> None:
    """The database is ``size`` bytes big; the disk has ``free`` bytes free (else plenty)."""
    monkeypatch.setattr(backup, "database_size", lambda _path: size)
    if free is not None:
        monkeypatch.setattr(shutil, "disk_usage", lambda _path: Usage(100 * GB, 100 * GB - free, free))


def autos(registry: Registry) -> list[Path]:
    return [b.path for b in backup.list_backups(registry.db.path) if b.kind == backup.AUTO]


def test_fewer_automatic_copies_are_kept_of_a_big_database_never_fewer_than_two() -> None:
    assert keep_count(250 * 1024**2) == 5  # 10,000 households
    assert keep_count(1 * GB) == 4
    assert keep_count(COUNTY) == 2 and keep_count(40 * GB) == 2
    assert keep_count(COUNTY, keep=1) == 1  # asked for explicitly


def test_a_county_database_keeps_two_automatic_backups_and_every_manual_one(
    registry: Registry, monkeypatch: pytest.MonkeyPatch
) -> None:
    pretend(monkeypatch, COUNTY, free=50 * GB)
    manual = backup.backup_now(registry.db.path)
    made = []
    for _ in range(4):
        registry.create_household({"village_code": VILLAGE})
        made.append(backup.automatic_backup(registry.db.path))
    assert autos(registry) == made[:1:-1]  # the newest two
    assert manual.exists()


def test_an_automatic_backup_that_would_fill_the_disk_is_skipped_and_says_why(
    registry: Registry, monkeypatch: pytest.MonkeyPatch
) -> None:
    registry.create_household({"village_code": VILLAGE})
    pretend(monkeypatch, COUNTY, free=COUNTY + backup_space.RESERVE - 1)
    with pytest.raises(BackupSpaceError) as caught:
        backup.automatic_backup(registry.db.path)
    assert caught.value.message("zh").startswith("磁盘空间不足，这次没有自动备份")
    assert "2.3 GB" in caught.value.message("zh") and "3.3 GB" in caught.value.message("zh")
    assert caught.value.message("en").startswith("Low disk space, no automatic backup")
    assert not backup.backup_folder(registry.db.path).exists() or not any(
        backup.backup_folder(registry.db.path).iterdir()
    )
    made = backup.backup_now(registry.db.path)  # asked for by the clerk: done while the copy fits
    assert made.exists()


def test_a_manual_backup_that_does_not_fit_is_refused_before_writing(
    registry: Registry, monkeypatch: pytest.MonkeyPatch
) -> None:
    pretend(monkeypatch, COUNTY, free=COUNTY - GB)
    with pytest.raises(BackupSpaceError, match="磁盘空间不足，没有备份：备份需要约 2.3 GB") as caught:
        backup.backup_now(registry.db.path)
    assert caught.value.needed == COUNTY and caught.value.free == COUNTY - GB
    assert list(backup.backup_folder(registry.db.path).iterdir()) == []


def test_when_space_is_short_the_oldest_copy_that_would_go_anyway_goes_first(
    registry: Registry, monkeypatch: pytest.MonkeyPatch
) -> None:
    size = backup.database_size(registry.db.path)
    monkeypatch.setattr(backup_space, "AUTO_BUDGET", int(3.5 * size))  # three automatic copies
    monkeypatch.setattr(backup_space, "RESERVE", size)
    made = []
    for _ in range(3):
        registry.create_household({"village_code": VILLAGE})
        made.append(backup.automatic_backup(registry.db.path))
    registry.create_household({"village_code": VILLAGE})
    folder = backup.backup_folder(registry.db.path)
    needed = backup.database_size(registry.db.path) + size
    disk = sum(p.stat().st_size for p in made) + needed - 1  # one byte short until the oldest copy goes

    def usage(_path: object) -> Usage:
        used = sum(f.stat().st_size for f in folder.iterdir())
        return Usage(disk, used, disk - used)

    monkeypatch.setattr(shutil, "disk_usage", usage)
    newest = backup.automatic_backup(registry.db.path)
    assert autos(registry) == [newest, made[2], made[1]]
    monkeypatch.setattr(backup_space, "AUTO_BUDGET", 2 * size)  # two copies: never fewer, so nothing goes first
    registry.create_household({"village_code": VILLAGE})
    pruned = made[1].stat().st_size  # a third automatic copy is no longer kept
    disk = sum(f.stat().st_size for f in folder.iterdir()) - pruned + backup.database_size(registry.db.path) + size - 1
    with pytest.raises(BackupSpaceError):
        backup.automatic_backup(registry.db.path)
    assert autos(registry) == [newest, made[2]]


def test_checking_only_writes_and_deletes_nothing_and_counts_copies_pruning_would_free(
    registry: Registry, monkeypatch: pytest.MonkeyPatch
) -> None:
    made = []
    for _ in range(3):
        registry.create_household({"village_code": VILLAGE})
        made.append(backup.automatic_backup(registry.db.path))
    registry.create_household({"village_code": VILLAGE})
    size = backup.database_size(registry.db.path)
    monkeypatch.setattr(backup_space, "AUTO_BUDGET", 2 * size)  # keep two: the oldest copy would be pruned first
    monkeypatch.setattr(backup_space, "RESERVE", size)
    oldest = made[0].stat().st_size
    free = 2 * size - oldest  # room only once the oldest copy is gone
    monkeypatch.setattr(shutil, "disk_usage", lambda _path: Usage(100 * GB, 100 * GB - free, free))
    assert backup.automatic_backup(registry.db.path, check_only=True) is None
    monkeypatch.setattr(shutil, "disk_usage", lambda _path: Usage(100 * GB, 100 * GB - free + 1, free - 1))
    with pytest.raises(BackupSpaceError):
        backup.automatic_backup(registry.db.path, check_only=True)
    assert autos(registry) == made[::-1]  # nothing written, nothing pruned
