"""``bundle inspect``: what a file is, including whether all of it is there, without importing it."""

from __future__ import annotations

from pathlib import Path

import pytest

from exports.bundle_inspect import describe, format_description, is_sound
from models.errors import JiandangError
from tests.exports.bundle.sites import PASSPHRASE, Site
from tests.models.conftest import VILLAGE, family


def _bundle(laptop: Site) -> Path:
    """A bundle of several 64 KiB chunks, so that cutting its end leaves the signed manifest readable."""
    for seq in range(1, 200):
        laptop.registry.create_household({"village_code": VILLAGE}, family(seq))
    return laptop.export().path


def test_a_whole_bundle_is_described_as_complete_in_either_language(township: Site, laptop: Site) -> None:
    info = describe(township.db, _bundle(laptop), lambda: PASSPHRASE)
    assert is_sound(info)
    zh, en = "\n".join(format_description(info)), "\n".join(format_description(info, "en"))
    assert "内容：完整，各部分校验一致" in zh and "签名：有效" in zh and "户 199" in zh
    assert "Contents: complete, every part matches its hash" in en and "household 199" in en
    assert not any(c in en for c in "户成员")


def test_a_truncated_bundle_is_not_called_sound(township: Site, laptop: Site, tmp_path: Path) -> None:
    path = _bundle(laptop)
    cut = tmp_path / "cut.jdb"
    cut.write_bytes(path.read_bytes()[: path.stat().st_size - 100])
    info = describe(township.db, cut, lambda: PASSPHRASE)
    assert info["signature"] == "valid" and not is_sound(info)  # the manifest is signed; the rest is missing
    assert not any("完整" in line for line in format_description(info))


@pytest.mark.parametrize(
    ("name", "folder", "expected"),
    [("gone.jdb", False, "找不到这个文件"), ("*.jdb", False, "这里没有 .jdb 数据包"), ("stick", True, "这是文件夹")],
)
def test_a_file_that_cannot_be_read_is_named_as_such_not_as_a_failed_write(
    township: Site, tmp_path: Path, name: str, folder: bool, expected: str
) -> None:
    from exports.bundle_read import import_bundles

    path = tmp_path / name
    if folder:
        path.mkdir()
    [report] = import_bundles(township.db, township.keys, [path], backup=False)
    assert report.status == "refused" and expected in report.message_zh and "没有写好" not in report.message_zh
    assert "Nothing was imported" in report.message_en
    with pytest.raises(JiandangError, match=expected):
        describe(township.db, path, lambda: PASSPHRASE)


def test_the_report_headline_counts_rows_and_says_how_many_records_were_already_here(
    township: Site, laptop: Site
) -> None:
    laptop.registry.create_household({"village_code": VILLAGE}, family(1))
    township.load(laptop.export().path)
    laptop.registry.create_household({"village_code": VILLAGE}, family(2))
    report = township.load(laptop.export().path)  # cumulative: the first household's records come again
    assert report.merge.duplicates == 5 and report.merge.rows_new == 5
    expected = "已导入：新增 5、修改 0、删除 0 行数据，冲突 0，拒收 0 条记录（其中 5 条记录本机已有）。"
    assert report.message_zh == expected
    assert "未变" not in report.message_zh and "5 records were already here" in report.message_en
