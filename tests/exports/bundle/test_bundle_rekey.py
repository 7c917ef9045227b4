"""A forgotten or compromised passphrase is not a dead end: change it, or make new keys for the same site."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from exports.bundle_keys import (
    SyncKeyError,
    enroll,
    find_peer,
    identity,
    key_file_bytes,
    read_key_file,
    revoke,
    unlock,
)
from exports.bundle_read import import_bundles
from exports.bundle_rekey import change_passphrase, explain_refusals, key_change, own_key_changes, rekey
from tests.exports.bundle.sites import PASSPHRASE, Site, sync
from tests.models.conftest import VILLAGE, family

NEW = "a brand new passphrase"


def _secret(site: Site) -> str:
    return site.db.conn.execute("SELECT secret FROM sync_keys").fetchone()[0]


def _key_file(site: Site, name: str = "new.jdkey") -> Path:
    path = site.folder / name
    path.write_bytes(key_file_bytes(site.keys))
    return path


def _rekey(site: Site) -> None:
    rekey(site.db, NEW)
    site.keys = unlock(site.db, NEW)


def test_changing_the_passphrase_keeps_the_keys_and_only_the_new_one_unlocks(township: Site, laptop: Site) -> None:
    before = identity(laptop.db)
    assert change_passphrase(laptop.db, PASSPHRASE, NEW).fingerprint == before.fingerprint
    with pytest.raises(SyncKeyError):
        unlock(laptop.db, PASSPHRASE)
    keys = unlock(laptop.db, NEW)
    assert identity(laptop.db) == before and keys.identity.fingerprint == before.fingerprint
    laptop.keys = keys  # nothing to enroll again: the township takes its bundles as before
    laptop.registry.create_household({"village_code": VILLAGE}, family(1))
    up, down = sync(laptop, township)
    assert (up.status, down.status) == ("imported", "imported"), up.message_en


def test_a_wrong_old_passphrase_or_a_short_new_one_changes_nothing(laptop: Site) -> None:
    secret = _secret(laptop)
    with pytest.raises(SyncKeyError) as wrong:
        change_passphrase(laptop.db, "not the passphrase", NEW)
    zh, gui = wrong.value.message("zh"), wrong.value.gui_message("zh")  # the CURRENT passphrase is wrong (s6 #4)
    assert zh.startswith("原来的同步密码不对，密码没有更改。") and "bundle keys rekey" in zh
    assert gui.startswith("原来的同步密码不对。") and "“重新生成密钥…”" in gui and "更改同步密码" not in gui
    assert wrong.value.message("en").startswith("The current sync passphrase is wrong")
    with pytest.raises(SyncKeyError, match="至少"):
        change_passphrase(laptop.db, PASSPHRASE, "short")
    assert _secret(laptop) == secret and unlock(laptop.db, PASSPHRASE).identity == laptop.keys.identity


def test_the_wrong_passphrase_message_names_the_way_out(laptop: Site) -> None:
    with pytest.raises(SyncKeyError) as wrong:
        unlock(laptop.db, "forgotten it")
    zh, en = wrong.value.message("zh"), wrong.value.message("en")
    assert zh.startswith("同步密码不对。") and "bundle keys rekey" in zh and "bundle keys passphrase" in zh
    assert "bundle keys rekey" in en and "bundle keys passphrase" in en and "no data is lost" in en
    gui_zh, gui_en = wrong.value.gui_message("zh"), wrong.value.gui_message("en")  # the window: buttons (s6 #4)
    assert "“同步 → 同步密钥与设备登记…”中点“重新生成密钥…”" in gui_zh and "“更改同步密码…”" in gui_zh
    assert "'Make new keys…'" in gui_en and "'Change sync passphrase…'" in gui_en
    assert "bundle" not in gui_zh + gui_en


def test_rekey_makes_new_keys_for_the_same_site_and_remembers_the_old_fingerprint(laptop: Site) -> None:
    old = identity(laptop.db)
    before_id, seq = laptop.site_id, laptop.db.conn.execute("SELECT count(*) FROM change_log").fetchone()[0]
    was, now = rekey(laptop.db, NEW)
    assert was == old and now.site_id == before_id and now.role == old.role and now.name == old.name
    assert now.fingerprint != old.fingerprint and now.sign_public != old.sign_public
    with pytest.raises(SyncKeyError):
        unlock(laptop.db, PASSPHRASE)  # the old private keys are gone
    assert unlock(laptop.db, NEW).identity == now
    assert [c["fingerprint"] for c in own_key_changes(laptop.db)] == [old.fingerprint]
    assert laptop.db.conn.execute("SELECT count(*) FROM change_log").fetchone()[0] == seq  # the data is untouched


def test_a_rekeyed_laptop_is_enrolled_again_only_when_the_replacement_is_asked_for(
    township: Site, laptop: Site
) -> None:
    laptop.registry.create_household({"village_code": VILLAGE}, family(1))
    old_bundle = laptop.export().path  # still on the stick when the laptop makes new keys
    old_fp = laptop.keys.identity.fingerprint
    _rekey(laptop)
    key_file = _key_file(laptop)
    assert key_change(township.db, read_key_file(key_file)).fingerprint == old_fp
    with pytest.raises(SyncKeyError) as refused:
        enroll(township.db, read_key_file(key_file))
    message = refused.value.message("zh")
    assert old_fp in message and laptop.keys.identity.fingerprint in message and "--replace-key" in message
    assert find_peer(township.db, laptop.site_id).fingerprint == old_fp  # nothing changed
    report = import_bundles(township.db, township.keys, [laptop.export().path], backup=False)[0]
    assert report.status == "refused"  # signed with the new key, not yet enrolled: explained
    explain_refusals(township.db, township.keys, [report])
    assert "--replace-key" in report.message_zh and laptop.keys.identity.fingerprint[:24] in report.message_zh
    enroll(township.db, read_key_file(key_file), replace_key=True)
    assert find_peer(township.db, laptop.site_id).fingerprint == laptop.keys.identity.fingerprint
    old = import_bundles(township.db, township.keys, [old_bundle], backup=False)[0]
    assert old.status == "refused"  # the old key no longer speaks for the laptop, even for a bundle written before
    when = json.loads(township.db.setting("sync_replaced_keys"))[laptop.site_id][0]["when"][:16]
    explain_refusals(township.db, township.keys, [old])
    assert f"已于 {when} 更换了同步密钥" in old.message_zh and "重新导出" in old.message_zh
    assert f"changed its sync keys on {when}" in old.message_en
    up, down = sync(laptop, township)  # the next export carries everything the refused one did
    assert (up.status, down.status) == ("imported", "imported"), up.message_en
    assert up.merge.rows_new >= 1 and township.dump() == laptop.dump()


def test_a_return_bundle_encrypted_to_the_laptops_old_key_is_refused_with_the_reason(
    township: Site, laptop: Site
) -> None:
    waiting = township.export(laptop).path
    _rekey(laptop)
    report = import_bundles(laptop.db, laptop.keys, [waiting], backup=False)[0]
    assert report.status == "refused"
    explain_refusals(laptop.db, laptop.keys, [report])
    assert "本机已于" in report.message_zh and "旧密钥加密" in report.message_zh
    assert "encrypted to the old ones" in report.message_en


def test_a_revoked_laptop_stays_revoked_when_it_rekeys(township: Site, laptop: Site) -> None:
    revoked = revoke(township.db, laptop.site_id).revoked
    _rekey(laptop)
    with pytest.raises(SyncKeyError, match="吊销"):
        enroll(township.db, read_key_file(_key_file(laptop)), replace_key=True)
    peer = find_peer(township.db, laptop.site_id)
    assert peer.revoked == revoked and peer.fingerprint != laptop.keys.identity.fingerprint
    again = enroll(township.db, read_key_file(_key_file(laptop)), reactivate=True, replace_key=True)
    assert again.revoked is None and again.fingerprint == laptop.keys.identity.fingerprint
