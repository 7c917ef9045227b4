"""The fast import path (whole-batch checks, executemany for new rows, deferred indexes) against the general one.

The same bundle imported into two copies of the same township — once with
every fast path on, once record by record through the fold — must leave
byte-identical data, change log, conflicts, parked rows and search index,
and refuse a bad bundle with the same message.
"""

from __future__ import annotations

import datetime
import json
import shutil
from pathlib import Path

import pytest

from exports import bundle_parts
from exports.bundle_read import import_bundle
from models import sync_apply, sync_merge
from models.changes import canonical_json
from models.db import open_database
from models.errors import JiandangError
from models.search_index import iter_index
from models.sync_batch import check_lines, decode_batch, unusual
from models.sync_bulk import drop_indexes
from models.sync_records import encode_line
from tests.exports.bundle.craft import craft, own_logs, rechain, write
from tests.exports.bundle.sites import Site, sync
from tests.models.conftest import VILLAGE, family, person


def household(site: Site, seq: int, **values: object) -> str:
    return site.registry.create_household({"village_code": VILLAGE, **values}, family(seq))


def state(site: Site) -> dict[str, object]:
    """Everything an import writes, as comparable values."""
    conn = site.db.conn
    return {
        "dump": site.dump(),
        "change_log": conn.execute("SELECT * FROM change_log ORDER BY site, seq").fetchall(),
        "col_clocks": conn.execute("SELECT * FROM col_clocks ORDER BY tbl, pk, col").fetchall(),
        "conflicts": conn.execute("SELECT * FROM sync_conflicts ORDER BY tbl, pk, col, kind").fetchall(),
        "parked": conn.execute("SELECT * FROM sync_parked ORDER BY tbl, pk").fetchall(),
        "held": conn.execute("SELECT * FROM sync_held ORDER BY site, seq").fetchall(),
        "index": list(iter_index(conn)),
        "schema": conn.execute("SELECT type, name, sql FROM sqlite_master ORDER BY name").fetchall(),
    }


def twin(site: Site, tmp_path: Path) -> Site:
    """A byte copy of ``site``'s database (same identity and keys), opened on its own."""
    site.db.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    copy = tmp_path / "twin" / "township.db"
    copy.parent.mkdir()
    shutil.copy(site.db.path, copy)
    return Site(open_database(copy), site.keys, site.registry, copy.parent)


def both_ways(
    township: Site, bundle: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> tuple[dict[str, object], dict[str, object]]:
    """Import ``bundle`` into the township with the fast paths and into its twin without; both states."""
    general = twin(township, tmp_path)
    fast_report = township.load(bundle)
    with monkeypatch.context() as patch:
        patch.setattr(bundle_parts, "FAST", False)
        patch.setattr(sync_apply, "FAST", False)
        slow_report = import_bundle(general.db, general.keys, bundle, backup=False)
        slow = state(general)
    general.db.close()
    assert fast_report.status == slow_report.status == "imported", fast_report.message_en
    assert fast_report.merge.applied == slow_report.merge.applied
    return state(township), slow


def busy_laptop(laptop: Site, first: int = 1) -> None:
    """Households created, edited and deleted, members added and edited: new and updated rows and tombstones."""
    ids = [household(laptop, seq, phone=f"139000000{seq:02d}") for seq in range(first, first + 5)]
    laptop.registry.update_household(ids[0], {"phone": "13811112222", "note": '说明："引号"\n第二行'})
    laptop.registry.delete_household(ids[1])
    member = laptop.registry.add_member(ids[2], person("张小红", "04", datetime.date(2012, 1, 1), False, 9))
    laptop.registry.update_member(member, {"phone": "13700001111"})


def test_a_first_import_is_identical_on_the_fast_and_the_general_path(
    township: Site, laptop: Site, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    busy_laptop(laptop)
    monkeypatch.setattr(bundle_parts, "BATCH", 7)  # rows whose records span batches are folded at the end
    monkeypatch.setattr(sync_merge, "BULK_MIN", 1)  # indexes dropped and rebuilt (``sync_bulk``)
    answers = []

    def spy(lines: list[bytes], schema: object, sender: str | None) -> object:
        answer = check_lines(lines, schema, sender)  # type: ignore[arg-type]
        answers.append(answer is not None)
        return answer

    monkeypatch.setattr(bundle_parts, "check_lines", spy)
    dropped: list[list] = []
    monkeypatch.setattr(sync_apply, "drop_indexes", lambda conn: dropped.append(drop_indexes(conn)) or dropped[-1])
    fast, slow = both_ways(township, laptop.export().path, tmp_path, monkeypatch)
    assert fast == slow
    assert fast["dump"] == laptop.dump()
    assert len(answers) > 3 and all(answers)  # every batch was checked whole
    assert len(dropped) == 1 and "change_log_row" in {name for name, _ in dropped[0]}


def test_an_import_into_a_township_holding_data_is_identical_on_both_paths(
    township: Site, laptop: Site, laptop2: Site, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    hid = household(laptop, 1)
    sync(laptop, township)
    laptop2.load(township.export(laptop2).path)
    laptop.registry.update_household(hid, {"phone": "13900000009"})
    laptop2.registry.update_household(hid, {"phone": "13600000006"})  # a conflict
    laptop2.registry.delete_household(household(laptop2, 2))
    busy_laptop(laptop2, 10)
    township.load(laptop.export().path)
    monkeypatch.setattr(sync_merge, "BULK_MIN", 1)
    fast, slow = both_ways(township, laptop2.export().path, tmp_path, monkeypatch)
    assert fast == slow
    assert fast["conflicts"]


@pytest.mark.parametrize("note", ["张\x07三", "\u202e张三", "张\x7f三", "张\x1b三"])
def test_a_bad_record_is_refused_with_the_same_message_on_both_paths(
    township: Site, laptop: Site, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, note: str
) -> None:
    household(laptop, 1)
    logs = [list(log) for log in own_logs(laptop)]
    first = next(log for log in logs if log[4] == "households")
    first[9] = canonical_json({**json.loads(first[9]), "note": note})
    bundle = write(tmp_path / "bad.jdb", craft(laptop, township, [encode_line(log) for log in rechain(logs)]))
    messages = []
    for fast in (True, False):
        monkeypatch.setattr(bundle_parts, "FAST", fast)
        monkeypatch.setattr(sync_apply, "FAST", fast)
        with pytest.raises(JiandangError) as refused:
            township.load(bundle)
        messages.append(refused.value.message_en)
    assert messages[0] == messages[1] and "note" in messages[0]
    assert township.db.conn.execute("SELECT count(*) FROM households").fetchone()[0] == 0


def test_a_batch_is_only_accepted_whole_when_every_record_checks_out(laptop: Site) -> None:
    household(laptop, 1)
    rows = laptop.db.conn.execute(
        "SELECT site, seq, hlc, user, tbl, pk, scope, op, cl, vals, old, prev, prev_hash, hash FROM change_log "
        "WHERE site = ? ORDER BY seq",
        (laptop.site_id,),
    ).fetchall()
    lines = [encode_line(row) for row in rows]
    assert decode_batch(lines, laptop.site_id) == [tuple(r) for r in rows]
    altered = [*lines[:-1], lines[-1].replace('"insert"', '"update"')]
    assert decode_batch(altered, laptop.site_id) is None  # the record-by-record check then names it
    assert decode_batch(lines, "00000000-0000-4000-8000-000000000000") is None  # another laptop's records
    assert decode_batch([*lines, lines[0] + " "], laptop.site_id) is None
    assert not unusual("\n".join(lines).encode())
    for odd in ('"\\\\u0007"', "\u202e", ":12345678901234567890", ":1e999", ":NaN"):
        assert unusual(("\n".join(lines) + odd).encode())
