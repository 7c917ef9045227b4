"""Enrolling a revoked device's key file again is refused unless re-enabling it is asked for explicitly."""

from __future__ import annotations

import argparse
import io
from pathlib import Path

import pytest

from exports.bundle_commands import enroll as enroll_command
from exports.bundle_keys import (
    SyncKeyError,
    enroll,
    find_peer,
    key_file_bytes,
    read_key_file,
    revoke,
    revoked_enrollment,
)
from models.errors import JiandangError
from tests.exports.bundle.sites import PASSPHRASE, Site
from tests.models.conftest import VILLAGE, family


def _key_file(site: Site) -> Path:
    path = site.folder / "old-stick.jdkey"
    path.write_bytes(key_file_bytes(site.keys))
    return path


def test_the_old_key_file_of_a_revoked_laptop_is_refused_and_its_bundles_stay_refused(
    township: Site, laptop: Site
) -> None:
    key_file = _key_file(laptop)
    revoked = revoke(township.db, laptop.site_id).revoked
    with pytest.raises(SyncKeyError) as refused:
        enroll(township.db, read_key_file(key_file))
    assert f"已于 {revoked[:16]} 吊销" in refused.value.message("zh") and "--reactivate" in refused.value.message("zh")
    assert f"revoked on {revoked[:16]}" in refused.value.message("en")
    assert find_peer(township.db, laptop.site_id).revoked == revoked
    laptop.registry.create_household({"village_code": VILLAGE}, family(1))
    with pytest.raises(JiandangError) as caught:
        township.load(laptop.export().path)
    assert "revoked" in caught.value.message_en


def test_reactivating_deliberately_re_enables_the_laptop(township: Site, laptop: Site) -> None:
    key_file = _key_file(laptop)
    revoke(township.db, laptop.site_id)
    assert revoked_enrollment(township.db, read_key_file(key_file)) is not None
    again = enroll(township.db, read_key_file(key_file), reactivate=True)
    assert again.revoked is None and revoked_enrollment(township.db, read_key_file(key_file)) is None
    laptop.registry.create_household({"village_code": VILLAGE}, family(1))
    assert township.load(laptop.export().path).status == "imported"


def test_the_command_line_refuses_without_the_flag_and_says_what_it_re_enabled_with_it(
    township: Site, laptop: Site
) -> None:
    key_file = _key_file(laptop)
    revoked = revoke(township.db, laptop.site_id).revoked

    def run(reactivate: bool) -> str:
        out = io.StringIO()
        args = argparse.Namespace(file=key_file, to=None, lang="zh", reactivate=reactivate)
        enroll_command(township.db, args, out, lambda confirm=False: PASSPHRASE)
        return out.getvalue()

    with pytest.raises(SyncKeyError):
        run(False)
    assert find_peer(township.db, laptop.site_id).revoked == revoked
    shown = run(True)
    assert f"已重新启用 laptop1（原于 {revoked[:16]} 吊销）" in shown and "已登记 laptop1" in shown
    assert find_peer(township.db, laptop.site_id).revoked is None


def test_the_reactivate_option_is_parsed() -> None:
    import main

    args = main.build_parser("zh").parse_args(["bundle", "enroll", "lap.jdkey", "--reactivate"])
    assert args.reactivate is True and args.file == Path("lap.jdkey")
