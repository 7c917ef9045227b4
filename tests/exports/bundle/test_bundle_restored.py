"""A laptop or the township restored from an older backup (or copied): stopped before it loses data, told what to do,
and the recovery that exists (a new device, enrolled by the township) brings everything back."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from exports.bundle_keys import revoke
from exports.bundle_read import import_bundles
from exports.bundle_report import format_status, peer_status
from models.backup import copy_database
from models.db import open_database
from models.errors import JiandangError
from models.sync_restored import RestoredDatabaseError
from models.sync_sequence import SiteForkError
from tests.exports.bundle.sites import Site, exchange_keys, laptop_for, make_site, sync
from tests.models.conftest import VILLAGE, family

HOUSEHOLDS = 4


@pytest.fixture
def homes(township: Site, laptop: Site) -> list[str]:
    """Households registered at the township and already on the laptop."""
    ids = [
        township.registry.create_household({"village_code": VILLAGE, "note": f"户{n}"}, family(n))
        for n in range(1, HOUSEHOLDS + 1)
    ]
    laptop.load(township.export(laptop).path)
    return ids


def copy_of(site: Site, name: str) -> Path:
    """A backup copy of the site's database file (as a team member would take one)."""
    target = site.folder / name
    copy_database(Path(site.db.path), target)
    return target


def put_back(site: Site, copy: Path) -> None:
    """Replace the site's database with an old copy (a restore) and reopen it."""
    path = Path(site.db.path)
    site.db.close()
    for extra in (Path(f"{path}-wal"), Path(f"{path}-shm")):
        extra.unlink(missing_ok=True)
    shutil.copy(copy, path)
    site.db = open_database(path)
    site.registry.db, site.registry.conn = site.db, site.db.conn


def phone(site: Site, household: str) -> str | None:
    return site.db.conn.execute("SELECT phone FROM households WHERE id = ?", (household,)).fetchone()[0]


def restored_laptop(township: Site, laptop: Site, homes: list[str]) -> None:
    """The review's steps: edit 1 sent, copy taken, edit 2 sent and imported, copy restored, edit 3 made."""
    laptop.registry.update_household(homes[0], {"phone": "13900000001"})
    township.load(laptop.export().path)
    copy = copy_of(laptop, "copy.db")
    laptop.registry.update_household(homes[1], {"phone": "13900000002"})
    township.load(laptop.export().path)
    put_back(laptop, copy)
    laptop.registry.update_household(homes[2], {"phone": "13900000003"})


def test_a_restored_laptop_refuses_the_return_bundle_before_its_new_edit_is_taken_as_sent(
    township: Site, laptop: Site, homes: list[str]
) -> None:
    restored_laptop(township, laptop, homes)
    before = laptop.dump()
    with pytest.raises(RestoredDatabaseError) as caught:
        laptop.load(township.export(laptop).path)
    error = caught.value
    assert laptop.dump() == before
    assert "旧备份恢复" in error.message_zh and "“township”" in error.message_zh
    assert "第 2 条（共 1 条）" in error.message_zh  # the township holds record 2, this database another one
    assert "1 条修改从未送出" in error.message_zh and "户3" not in error.message_zh  # named by village and head
    assert "新建一个数据库" in error.message_zh and "吊销原来的“laptop1”" in error.message_zh
    assert "restored from an older backup" in error.message_en and "new device" in error.message_en
    lines = "\n".join(format_status(laptop.db))
    assert "被拒收" in lines and "旧备份恢复" in lines  # the status shows the refusal, not "fine"


def test_the_unsent_edits_are_named_by_household(township: Site, laptop: Site, homes: list[str]) -> None:
    restored_laptop(township, laptop, homes)
    with pytest.raises(RestoredDatabaseError) as caught:
        laptop.load(township.export(laptop).path)
    assert "文峰村" in caught.value.message_zh and "张三户" in caught.value.message_zh


def test_a_restored_laptop_without_new_edits_is_stopped_too(township: Site, laptop: Site, homes: list[str]) -> None:
    copy = copy_of(laptop, "copy.db")
    laptop.registry.update_household(homes[1], {"phone": "13900000002"})
    township.load(laptop.export().path)
    put_back(laptop, copy)
    with pytest.raises(RestoredDatabaseError) as caught:
        laptop.load(township.export(laptop).path)
    assert "第 1 条（共 1 条）" in caught.value.message_zh and "条修改从未送出" not in caught.value.message_zh


def test_a_laptop_refuses_to_export_while_the_township_acknowledged_more_than_it_holds(
    township: Site, laptop: Site, homes: list[str]
) -> None:
    laptop.db.conn.execute(
        "UPDATE sync_peers SET acks = ? WHERE site_id = ?", (json.dumps({laptop.site_id: 3}), township.site_id)
    )
    with pytest.raises(RestoredDatabaseError) as caught:
        laptop.export()
    assert "导出已停止" in caught.value.message_zh and not list(laptop.folder.glob("*.jdb"))
    assert "待导出 -" not in "\n".join(format_status(laptop.db))


def test_the_recovery_a_new_device_gets_back_everything_the_township_had(
    township: Site, laptop: Site, homes: list[str], tmp_path: Path
) -> None:
    restored_laptop(township, laptop, homes)
    with pytest.raises(RestoredDatabaseError):
        laptop.load(township.export(laptop).path)
    fresh = make_site(tmp_path / "fresh", "laptop1-new", "village")  # a new database, new keys
    exchange_keys(township, fresh)
    revoke(township.db, laptop.site_id)
    report = fresh.load(township.export(fresh).path)
    assert report.status == "imported"
    assert fresh.dump() == township.dump()
    assert phone(fresh, homes[1]) == "13900000002"  # sent before the disk died: back from the township
    fresh.registry.update_household(homes[2], {"phone": "13900000003"})  # re-entered from the old database
    up, _down = sync(fresh, township)
    assert up.status == "imported" and phone(township, homes[2]) == "13900000003"
    assert fresh.dump() == township.dump()
    with pytest.raises(JiandangError) as caught:
        township.load(laptop.export(name="old.jdb").path)
    assert "吊销" in caught.value.message_zh


def test_a_fork_at_the_township_names_the_laptop_and_does_not_send_the_clerk_to_the_township(
    township: Site, laptop: Site, homes: list[str]
) -> None:
    copy = copy_of(laptop, "copy.db")
    laptop.registry.update_household(homes[1], {"phone": "13900000002"})
    township.load(laptop.export().path)
    put_back(laptop, copy)
    laptop.registry.update_household(homes[2], {"phone": "13900000003"})
    with pytest.raises(SiteForkError) as caught:
        township.load(laptop.export(name="fork.jdb").path)
    zh = caught.value.message_zh
    assert "村里的电脑“laptop1”" in zh and "请联系乡镇" not in zh and "吊销“laptop1”" in zh
    status = next(s for s in peer_status(township.db) if s.peer.site_id == laptop.site_id)
    assert status.refused is not None and status.refused.file == "fork.jdb"


def test_a_township_restored_from_a_backup_is_stopped_at_the_township_and_named_at_the_laptop(
    township: Site, laptop: Site, homes: list[str]
) -> None:
    copy = copy_of(township, "town-copy.db")
    township.registry.update_household(homes[0], {"note": "乡镇更正"})
    laptop.load(township.export(laptop).path)
    put_back(township, copy)
    township.registry.update_household(homes[1], {"note": "恢复后的更正"})
    with pytest.raises(RestoredDatabaseError) as stopped:  # the laptop's bundle acknowledges the lost correction
        township.load(laptop.export().path)
    assert "乡镇的数据库退回了旧状态" in stopped.value.message_zh and "“laptop1”" in stopped.value.message_zh
    with pytest.raises(RestoredDatabaseError) as export:  # and the clerk cannot send the reused numbers out
        township.export(laptop)
    assert "没有写出数据包" in export.value.message_zh
    status = next(s for s in peer_status(township.db) if s.peer.site_id == laptop.site_id)
    assert status.refused is not None and status.refused.kind == "restored"


def test_a_fork_of_the_townships_records_tells_the_laptop_it_is_the_townships_database(
    township: Site, laptop: Site, homes: list[str]
) -> None:
    copy = copy_of(township, "town-copy.db")
    township.registry.update_household(homes[0], {"note": "乡镇更正"})
    laptop.load(township.export(laptop).path)
    put_back(township, copy)
    township.registry.update_household(homes[1], {"note": "恢复后的更正"})
    before = laptop.dump()
    with pytest.raises(SiteForkError) as caught:  # exported before any laptop bundle could tell the township
        laptop.load(township.export(laptop).path)
    zh = caught.value.message_zh
    assert "乡镇“township”" in zh and "是乡镇的数据库退回到了旧备份" in zh and "不要恢复或重装本机" in zh
    assert "设备 " not in zh and "TOWNSHIP's database" in caught.value.message_en
    assert laptop.dump() == before
    lines = "\n".join(format_status(laptop.db))
    assert "最近被拒收" in lines and "乡镇的数据库退回" in lines


def test_a_refusal_is_forgotten_when_the_next_bundle_is_imported(
    township: Site, laptop: Site, homes: list[str]
) -> None:
    laptop.db.set_setting(
        "sync_refused:" + township.site_id,
        json.dumps({"when": "2026-12-01 00:00:00", "file": "x.jdb", "zh": "分叉", "en": "fork"}),
    )
    assert peer_status(laptop.db)[0].refused is not None
    laptop.load(township.export(laptop).path)
    assert peer_status(laptop.db)[0].refused is None


def test_a_preview_that_finds_a_fork_is_remembered_too(township: Site, laptop: Site, homes: list[str]) -> None:
    restored_laptop(township, laptop, homes)
    reports = import_bundles(laptop.db, laptop.keys, [township.export(laptop).path], dry_run=True, backup=False)
    assert reports[0].status == "refused"
    assert peer_status(laptop.db)[0].refused is not None


def test_a_laptop_importing_its_own_bundle_is_told_to_take_it_to_the_township(township: Site, laptop: Site) -> None:
    laptop.registry.create_household({"village_code": VILLAGE}, family())
    bundle = laptop.export().path
    with pytest.raises(JiandangError) as caught:
        laptop.load(bundle)
    assert "这是本机导出的数据包（发给乡镇“township”），请拿到乡镇导入" in caught.value.message_zh
    laptop.db.conn.execute("DELETE FROM sync_exports")  # a restored database: known by its name
    with pytest.raises(JiandangError) as again:
        laptop.load(bundle)
    assert "请拿到乡镇导入" in again.value.message_zh and "import it at the township" in again.value.message_en


def test_the_township_importing_its_own_return_bundle_is_told_where_it_goes(township: Site, laptop: Site) -> None:
    bundle = township.export(laptop).path
    with pytest.raises(JiandangError) as caught:
        township.load(bundle)
    assert "请拿到“laptop1”上导入" in caught.value.message_zh


def test_a_second_laptop_is_not_disturbed(township: Site, laptop: Site, homes: list[str], tmp_path: Path) -> None:
    other = laptop_for(township, tmp_path, "laptop2")
    restored_laptop(township, laptop, homes)
    other.registry.update_household(homes[3], {"phone": "13900000009"})
    up, down = sync(other, township)
    assert up.status == "imported" and down.status == "imported"
