"""The preview (dry run) of several bundles is cumulative, in import order, and leaves nothing behind.

A clerk previews laptop d's bundle and laptop c's bundles 0007 and 0006 (0007
is cumulative and holds all of 0006) before importing them. Judged one by one,
each file looked conflict-free and 0006 looked like it would change rows;
imported in that order, d and c conflict, register the same people twice, and
0006 changes nothing. The preview must show what the import will do.
"""

from __future__ import annotations

import argparse
import io
import json
from pathlib import Path
from typing import Any

from exports.bundle_commands import import_files
from exports.bundle_read import ImportReport, import_bundles
from tests.exports.bundle.craft import craft, lines_of, write
from tests.exports.bundle.sites import PASSPHRASE, Site, sync
from tests.models.conftest import VILLAGE, family

VOLATILE = ("seconds", "index_seconds", "future_ms")  # timings, and how far ahead of the wall clock (moves)


def clerk_scene(township: Site, c: Site, d: Site) -> list[Path]:
    """d's bundle, then c's cumulative 0007 and the 0006 it contains: they conflict and share four people."""
    hid = c.registry.create_household({"village_code": VILLAGE, "phone": "13900000001"}, family(1))
    sync(c, township)
    d.load(township.export(d).path)
    c.registry.update_household(hid, {"phone": "13900000002", "note": "c 改的"})
    d.registry.update_household(hid, {"phone": "13900000003", "note": "d 改的"})
    d.registry.create_household({"village_code": VILLAGE}, family(2))  # the same family typed on both laptops
    c.registry.create_household({"village_code": VILLAGE}, family(2))
    c6 = c.export().path
    c.registry.update_household(hid, {"phone": "13900000004"})
    c7 = c.export().path  # not acknowledged yet: cumulative, holds all of 0006
    return [d.export().path, c7, c6]


def _numbers(report: ImportReport) -> tuple[str, dict[str, Any] | None]:
    status = "imported" if report.status == "dry-run" else report.status
    if report.merge is None:
        return status, None
    merged = {k: v for k, v in report.merge.to_dict().items() if k not in VOLATILE}
    return status, merged


def _everything(site: Site) -> tuple[str, int]:
    """Every table of the database (settings, sync state, imports, audit and all) and the in-memory clock."""
    return "\n".join(site.db.conn.iterdump()), site.db.clock.last


def test_the_preview_of_several_files_shows_what_importing_them_in_order_does(
    township: Site, laptop: Site, laptop2: Site
) -> None:
    paths = clerk_scene(township, laptop, laptop2)
    before = _everything(township)
    preview = import_bundles(township.db, township.keys, paths, dry_run=True, backup=False)
    assert _everything(township) == before  # nothing left behind: no rows, settings, state, imports or clock
    assert [r.status for r in preview] == ["dry-run"] * 3
    assert sum(r.merge.conflicts_new for r in preview) > 0
    assert any(r.merge.possible_duplicates for r in preview)
    assert preview[2].merge.rows_updated == preview[2].merge.rows_deleted == preview[2].merge.rows_new == 0
    assert preview[2].merge.duplicates == preview[2].merge.received  # 0007 already carried all of 0006
    real = import_bundles(township.db, township.keys, paths, backup=False)
    assert [r.status for r in real] == ["imported"] * 3
    assert [_numbers(r) for r in preview] == [_numbers(r) for r in real]
    for shown, done in zip(preview, real, strict=True):
        assert shown.message_zh.replace("将导入", "已导入") == done.message_zh


def test_a_file_refused_in_the_preview_does_not_count_for_the_files_after_it(
    township: Site, laptop: Site, laptop2: Site, tmp_path: Path
) -> None:
    d, c7, _ = clerk_scene(township, laptop, laptop2)
    lies = craft(laptop2, township, records=len(lines_of(laptop2)) + 1)  # d's records, a wrong count: refused
    lying = write(tmp_path / "lying.jdb", lies)  # only after every record was merged (the savepoint undoes them)
    paths = [lying, d, c7]
    before = _everything(township)
    preview = import_bundles(township.db, township.keys, paths, dry_run=True, backup=False)
    assert _everything(township) == before
    assert [r.status for r in preview] == ["refused", "dry-run", "dry-run"]
    assert preview[1].merge.rows_new > 0  # previewed as if the refused file had not been imported
    real = import_bundles(township.db, township.keys, paths, backup=False)
    assert [_numbers(r) for r in preview] == [_numbers(r) for r in real]


def test_the_same_file_twice_in_one_preview_is_counted_once(township: Site, laptop: Site, laptop2: Site) -> None:
    d, c7, _ = clerk_scene(township, laptop, laptop2)
    copy = d.with_name("copy-of-d.jdb")
    copy.write_bytes(d.read_bytes())
    paths = [d, c7, copy]
    preview = import_bundles(township.db, township.keys, paths, dry_run=True, backup=False)
    assert [r.status for r in preview] == ["dry-run", "dry-run", "already"]
    assert "只会导入一次" in preview[2].message_zh
    real = import_bundles(township.db, township.keys, paths, backup=False)
    assert [_numbers(r) for r in preview] == [_numbers(r) for r in real]


def test_the_command_line_preview_is_cumulative_too(township: Site, laptop: Site, laptop2: Site) -> None:
    paths = clerk_scene(township, laptop, laptop2)
    before = _everything(township)
    out = io.StringIO()
    args = argparse.Namespace(files=paths, dry_run=True, accept_clock=False, no_backup=True, json=True, lang="zh")
    assert import_files(township.db, args, out, lambda confirm=False: PASSPHRASE) == 0
    assert _everything(township) == before
    shown = [r["merge"]["conflicts_new"] for r in json.loads(out.getvalue())]
    real = import_bundles(township.db, township.keys, paths, backup=False)
    assert shown == [r.merge.conflicts_new for r in real] and sum(shown) > 0


def test_the_files_are_copied_off_the_stick_before_the_preview_locks_the_database(
    township: Site, laptop: Site, laptop2: Site, tmp_path: Path, monkeypatch: Any
) -> None:
    from exports import bundle_io, bundle_preview, bundle_read

    paths = clerk_scene(township, laptop, laptop2)
    unreadable = tmp_path / "坏的.jdb"
    unreadable.write_bytes(b"not a bundle")
    locked_while_copying: list[bool] = []

    def copy(source: Path, *args: Any) -> tuple[Path, str]:
        locked_while_copying.append(township.db.conn.in_transaction)
        return bundle_io.quarantine_copy(source, *args)

    monkeypatch.setattr(bundle_preview, "quarantine_copy", copy)
    monkeypatch.setattr(bundle_read, "quarantine_copy", copy)
    preview = import_bundles(township.db, township.keys, [*paths, unreadable], dry_run=True, backup=False)
    assert locked_while_copying == [False] * 3  # each good file once, before the transaction; none inside it
    assert [r.status for r in preview] == ["dry-run"] * 3 + ["refused"]  # the bad file still reported in its place
