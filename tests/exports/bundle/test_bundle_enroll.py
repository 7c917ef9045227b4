"""A laptop answers to one township: enrolling a new township replaces the old one."""

from __future__ import annotations

from pathlib import Path

from exports.bundle_keys import TOWNSHIP, enroll, key_file_bytes, peers, read_key_file, replaced_township
from tests.exports.bundle.sites import Site, add_regions, exchange_keys, make_site


def test_a_township_with_new_keys_replaces_the_old_one_and_gets_the_next_bundle(
    township: Site, laptop: Site, tmp_path: Path
) -> None:
    """The township lost its computer and made new keys: after enrolling them the laptop's bundles open there."""
    new = make_site(tmp_path / "new-township", "新乡镇", "township")
    add_regions(new)
    key_file = new.folder / "new.jdkey"
    key_file.write_bytes(key_file_bytes(new.keys))
    assert replaced_township(laptop.db, read_key_file(key_file)).site_id == township.site_id
    exchange_keys(new, laptop)
    townships = {p.site_id: p.revoked for p in peers(laptop.db) if p.role == TOWNSHIP}
    assert townships[new.site_id] is None and townships[township.site_id] is not None
    assert replaced_township(laptop.db, read_key_file(key_file)) is None  # enrolling again replaces nothing
    report = new.load(laptop.export().path)
    assert report.status == "imported", report.message_en
    new.db.close()


def test_a_township_enrolling_laptops_replaces_none_of_them(township: Site, laptop: Site, laptop2: Site) -> None:
    laptops = [p for p in peers(township.db) if p.role != TOWNSHIP]
    assert len(laptops) == 2 and all(p.revoked is None for p in laptops)
    again = enroll(township.db, next(p for p in laptops if p.site_id == laptop.site_id))
    assert again.revoked is None and replaced_township(township.db, again) is None


def test_a_copied_database_with_new_keys_is_explained_not_met_with_advice_to_revoke(
    township: Site, laptop: Site, tmp_path: Path
) -> None:
    import dataclasses

    import pytest

    from exports.bundle_keys import SyncKeyError, find_peer

    stranger = make_site(tmp_path / "copy", "copy", "village")
    enrolled = find_peer(township.db, laptop.site_id)
    copy = dataclasses.replace(
        enrolled, sign_public=stranger.keys.identity.sign_public, enc_public=stranger.keys.identity.enc_public
    )
    with pytest.raises(SyncKeyError) as error:
        enroll(township.db, copy)
    assert "复制" in error.value.message("zh") and "不要吊销" in error.value.message("zh")
    assert find_peer(township.db, laptop.site_id).revoked is None
    stranger.db.close()
