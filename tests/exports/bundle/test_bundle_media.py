"""A full disk during an import, a full, removed or read-only stick during an export."""

from __future__ import annotations

import errno
from pathlib import Path

import pytest

from exports.bundle_io import MediaError
from models.errors import JiandangError
from tests.exports.bundle.sites import Site
from tests.exports.bundle.test_bundle_files import snapshot
from tests.models.conftest import VILLAGE, family


def test_a_full_disk_during_an_import_rolls_it_back_and_a_retry_succeeds(township: Site, laptop: Site) -> None:
    for seq in range(1, 30):
        laptop.registry.create_household({"village_code": VILLAGE, "note": "满" * 3000}, family(seq))
    bundle = laptop.export().path
    conn = township.db.conn
    before = snapshot(township)
    pages = conn.execute("PRAGMA page_count").fetchone()[0]
    conn.execute(f"PRAGMA max_page_count = {pages + 20}")  # a nearly full disk
    with pytest.raises(JiandangError) as full:
        township.load(bundle)
    assert "disk is full" in full.value.message_en
    assert snapshot(township) == before
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    conn.execute("PRAGMA max_page_count = 1073741823")
    assert township.load(bundle).merge.rows_new == 29 * 5
    assert township.dump() == laptop.dump()


class _Stick:
    """A file object on a stick that fails after ``limit`` bytes with ``code``."""

    def __init__(self, path: Path, limit: int, code: int) -> None:
        self._file = open(path, "wb")  # noqa: SIM115 - closed by __exit__
        self._left, self._code = limit, code

    def write(self, data: bytes) -> int:
        if len(data) > self._left:
            raise OSError(self._code, "simulated")
        self._left -= len(data)
        return self._file.write(data)

    def __getattr__(self, name: str):  # noqa: ANN204
        return getattr(self._file, name)

    def __enter__(self) -> _Stick:
        return self

    def __exit__(self, *exc: object) -> None:
        self._file.close()


@pytest.mark.parametrize(
    ("trouble", "code", "limit", "says"),
    [
        ("full", errno.ENOSPC, 2_000, "is full"),
        ("removed", errno.EIO, 2_000, "was removed"),
        ("read-only", errno.EROFS, 0, "read-only"),
    ],
)
def test_a_stick_that_is_full_removed_or_read_only_leaves_no_bundle_and_changes_nothing(
    laptop: Site, monkeypatch: pytest.MonkeyPatch, tmp_path: Path, trouble: str, code: int, limit: int, says: str
) -> None:
    import builtins

    from exports import bundle_io
    from exports.bundle_write import export_bundle

    for seq in range(1, 8):
        laptop.registry.create_household({"village_code": VILLAGE, "note": "卷" * 2000}, family(seq))
    stick = tmp_path / "stick"
    stick.mkdir()

    def failing_open(path, mode="r", *args, **kwargs):  # noqa: ANN001, ANN202
        if "w" in mode and Path(path).parent == stick:
            if limit == 0:
                raise OSError(code, "simulated")
            return _Stick(Path(path), limit, code)
        return builtins.open(path, mode, *args, **kwargs)

    monkeypatch.setattr(bundle_io, "open", failing_open, raising=False)
    exports_before = laptop.db.conn.execute("SELECT count(*), (SELECT exports FROM sync_peers) FROM sync_exports")
    counted = exports_before.fetchone()
    with pytest.raises(MediaError) as failed:
        export_bundle(laptop.db, laptop.keys, stick)
    assert says in failed.value.message_en
    assert list(stick.iterdir()) == []
    assert (
        laptop.db.conn.execute("SELECT count(*), (SELECT exports FROM sync_peers) FROM sync_exports").fetchone()
        == counted
    )
    monkeypatch.undo()
    assert export_bundle(laptop.db, laptop.keys, stick).records > 0  # a good stick works next time
