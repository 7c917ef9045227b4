"""An import backs the database up first; when the disk has no room for that, the file is refused and says why.

The preview (dry run) checks the same room, so it never promises what the
import will then refuse; ``--no-backup`` (a backup made elsewhere) imports.
"""

from __future__ import annotations

import shutil
from collections import namedtuple

import pytest

from exports.bundle_read import import_bundles
from models import backup
from models.backup_space import GB
from tests.exports.bundle.sites import Site
from tests.models.conftest import VILLAGE, family

Usage = namedtuple("Usage", "total used free")


@pytest.fixture
def short_of_space(monkeypatch: pytest.MonkeyPatch) -> None:
    """A 2.5 GB township database on a disk with 3 GB free: a backup would leave less than 1 GB."""
    monkeypatch.setattr(backup, "database_size", lambda _path: int(2.5 * GB))
    monkeypatch.setattr(shutil, "disk_usage", lambda _path: Usage(100 * GB, 97 * GB, 3 * GB))


def _households(site: Site) -> int:
    return site.db.conn.execute("SELECT count(*) FROM households").fetchone()[0]


def test_no_room_for_the_backup_refuses_the_file_and_the_preview_says_so(
    township: Site, laptop: Site, short_of_space: None
) -> None:
    laptop.registry.create_household({"village_code": VILLAGE}, family(2))
    bundle = laptop.export().path
    preview = import_bundles(township.db, township.keys, [bundle], dry_run=True)[0]
    report = import_bundles(township.db, township.keys, [bundle])[0]
    for refused in (preview, report):
        assert refused.status == "refused"
        assert "导入前要先自动备份数据库" in refused.message_zh and "磁盘只剩 3.0 GB" in refused.message_zh
        assert refused.message_zh.endswith("没有导入任何内容。") and "Nothing was imported" in refused.message_en
    assert _households(township) == 0
    assert not backup.list_backups(township.db.path)


def test_without_the_backup_the_same_file_imports(township: Site, laptop: Site, short_of_space: None) -> None:
    laptop.registry.create_household({"village_code": VILLAGE}, family(2))
    bundle = laptop.export().path
    assert import_bundles(township.db, township.keys, [bundle], dry_run=True, backup=False)[0].status == "dry-run"
    assert import_bundles(township.db, township.keys, [bundle], backup=False)[0].status == "imported"
    assert _households(township) == 1


def test_with_room_the_import_backs_up_first(township: Site, laptop: Site) -> None:
    laptop.registry.create_household({"village_code": VILLAGE}, family(2))
    assert import_bundles(township.db, township.keys, [laptop.export().path])[0].status == "imported"
    assert [b.kind for b in backup.list_backups(township.db.path)] == [backup.AUTO]
