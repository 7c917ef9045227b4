"""Exporting into a folder never replaces a bundle already on the stick (a restored database repeats its counter)."""

from __future__ import annotations

from pathlib import Path

from exports.bundle_commands import export as export_command
from exports.bundle_write import ExportResult, export_bundle
from tests.exports.bundle.sites import Site
from tests.models.conftest import VILLAGE, family


def _export(site: Site, to: Path, peer: Site | None = None) -> ExportResult:
    return export_bundle(site.db, site.keys, to, peer.site_id if peer else None)


def _restored(site: Site) -> None:
    """As after restoring an older copy of the database: the export counter goes back by one."""
    site.db.conn.execute("UPDATE sync_peers SET exports = exports - 1")


def test_a_laptop_export_keeps_the_bundle_of_the_same_name_and_says_so(
    township: Site, laptop: Site, tmp_path: Path
) -> None:
    stick = tmp_path / "stick"
    stick.mkdir()
    laptop.registry.create_household({"village_code": VILLAGE, "phone": "13900000002"}, family(1))
    first = _export(laptop, stick)
    original = first.path.read_bytes()
    assert first.kept is None and first.note() == ""
    _restored(laptop)
    laptop.registry.create_household({"village_code": VILLAGE, "phone": "13900000003"}, family(2))
    second = _export(laptop, stick)
    assert second.path != first.path and first.path.read_bytes() == original  # the first one is untouched
    assert second.path.name == first.path.name.replace(".jdb", "-2.jdb")
    assert second.kept == first.path.name
    assert f"已有同名的 {first.path.name}" in second.note() and "没有覆盖" in second.note()
    assert f"{first.path.name} was already there" in second.note("en")
    for bundle in (first.path, second.path):
        assert township.load(bundle).status == "imported"
    phones = {r[0] for r in township.db.conn.execute("SELECT phone FROM households")}
    assert {"13900000002", "13900000003"} <= phones
    _restored(laptop)
    third = _export(laptop, stick)
    assert third.path.name == first.path.name.replace(".jdb", "-3.jdb") and len(list(stick.iterdir())) == 3


def test_a_township_return_bundle_keeps_the_one_of_the_same_name(township: Site, laptop: Site, tmp_path: Path) -> None:
    stick = tmp_path / "stick"
    stick.mkdir()
    first = _export(township, stick, laptop)
    original = first.path.read_bytes()
    _restored(township)
    second = _export(township, stick, laptop)
    assert first.path.read_bytes() == original and second.kept == first.path.name
    assert sorted(p.name for p in stick.iterdir()) == sorted([first.path.name, second.path.name])


def test_the_command_line_says_the_older_bundle_was_kept(laptop: Site, tmp_path: Path) -> None:
    import argparse
    import io

    from tests.exports.bundle.sites import PASSPHRASE

    stick = tmp_path / "stick"
    stick.mkdir()
    args = argparse.Namespace(to=stick, peer=None, lang="zh")
    export_command(laptop.db, args, io.StringIO(), lambda confirm=False: PASSPHRASE)
    _restored(laptop)
    out = io.StringIO()
    export_command(laptop.db, args, out, lambda confirm=False: PASSPHRASE)
    assert "没有覆盖" in out.getvalue() and "-0001-2.jdb" in out.getvalue()


def test_a_file_name_given_by_the_user_is_written_as_given(laptop: Site, tmp_path: Path) -> None:
    target = tmp_path / "mine.jdb"
    target.write_bytes(b"old")
    result = _export(laptop, target)
    assert result.path == target and target.read_bytes() != b"old" and result.kept is None
