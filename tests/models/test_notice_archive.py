"""The notice archive: every generated notice recorded (insert-only, synced) with its PDF and SHA-256."""

from __future__ import annotations

import datetime
import hashlib
import json
from pathlib import Path

import pytest

from exports.notice_data import default_request
from exports.notices import generate_notice
from models import notice_archive
from models.changes import INSERT_ONLY, SYNC_TABLES, InsertOnlyError
from models.db import Database, open_database
from models.dump import dump_records
from models.errors import NotFoundError
from models.notice_archive import ArchiveFileError, check_file, get_notice, list_notices, notice_covering
from tests.exports.notice_helpers import VILLAGE, make_village

START = datetime.date(2019, 10, 8)


@pytest.fixture
def village(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> tuple[Database, list[str]]:
    monkeypatch.setenv("JIANDANG_DATA_DIR", str(tmp_path / "data"))
    db = open_database(tmp_path / "archive.db")
    db.set_setting("operator", "乡镇文书")
    ids = make_village(db, ["张三", "李四", "王五"])
    yield db, ids
    db.close()


def request_for(db: Database, ids: list[str], **chosen: object):
    options = {"start": START, **chosen}
    return default_request(db, "exit", VILLAGE, year=2019, household_ids=tuple(ids), **options)


def test_a_generated_notice_is_recorded_with_its_file_and_hash(village, tmp_path: Path) -> None:
    db, ids = village
    notice, rendered = generate_notice(db, request_for(db, ids))
    assert notice.path == tmp_path / "data" / "notices" / notice.file_name
    stored = notice.path.read_bytes()
    assert stored == rendered.pdf
    assert notice.sha256 == hashlib.sha256(stored).hexdigest()
    row = db.conn.execute("SELECT * FROM notices WHERE id = ?", (notice.id,)).fetchone()
    columns = [d[1] for d in db.conn.execute("PRAGMA table_info(notices)")]
    record = dict(zip(columns, row, strict=True))
    assert record["sha256"] == notice.sha256 and record["file_name"] == notice.file_name
    assert (record["kind"], record["village_code"], record["year"]) == ("exit", VILLAGE, 2019)
    assert (record["start_date"], record["end_date"], record["days"]) == ("2019-10-08", "2019-10-14", 7)
    assert sorted(json.loads(record["household_ids"])) == sorted(ids) and record["household_count"] == 3
    assert record["operator"] == "乡镇文书" and record["pages"] == rendered.pages == 1
    assert datetime.datetime.fromisoformat(record["created_at"]).date() == datetime.date.today()
    assert json.loads(record["options"])["phone"] == "12317"
    assert get_notice(db.conn, notice.id) == notice
    assert check_file(notice) == notice_archive.OK


def test_the_archive_row_is_logged_synced_and_insert_only(village) -> None:
    db, ids = village
    notice, _ = generate_notice(db, request_for(db, ids))
    assert "notices" in SYNC_TABLES and "notices" in INSERT_ONLY
    logged = db.conn.execute("SELECT op, user FROM change_log WHERE tbl = 'notices' AND pk = ?", (notice.id,))
    assert logged.fetchall() == [("insert", "乡镇文书")]
    assert [r["id"] for r in dump_records(db.conn)["notices"]] == [notice.id]
    with pytest.raises(InsertOnlyError), db.write() as writer:
        writer.update("notices", notice.id, {"sha256": "0" * 64})
    with pytest.raises(InsertOnlyError), db.write() as writer:
        writer.delete("notices", notice.id)
    assert get_notice(db.conn, notice.id).sha256 == notice.sha256


def test_list_newest_first_and_find_the_notice_an_objection_belongs_to(village) -> None:
    db, ids = village
    first, _ = generate_notice(db, request_for(db, ids[:2]))
    later, _ = generate_notice(db, request_for(db, ids[1:], start=START + datetime.timedelta(days=3)))
    assert {n.id for n in list_notices(db.conn)} == {first.id, later.id}
    assert list_notices(db.conn, "999999999999") == []
    assert notice_covering(db.conn, ids[0], "2019-10-09").id == first.id
    assert notice_covering(db.conn, ids[1], "2019-10-12").id == later.id
    assert notice_covering(db.conn, ids[2], "2019-10-09") is None
    assert notice_covering(db.conn, ids[0], "2019-10-15") is None


def test_a_changed_or_missing_file_is_refused_for_reprint(village) -> None:
    db, ids = village
    notice, rendered = generate_notice(db, request_for(db, ids))
    assert notice_archive.read_archived(notice) == rendered.pdf
    tampered = bytearray(rendered.pdf)
    tampered[len(tampered) // 2] ^= 1
    notice.path.write_bytes(bytes(tampered))
    assert check_file(notice) == notice_archive.CHANGED
    with pytest.raises(ArchiveFileError, match="SHA-256"):
        notice_archive.read_archived(notice)
    notice.path.unlink()
    assert check_file(notice) == notice_archive.MISSING
    with pytest.raises(ArchiveFileError, match="不在本机"):
        notice_archive.read_archived(notice)
    with pytest.raises(NotFoundError):
        get_notice(db.conn, "no-such-id")


def test_a_failed_record_leaves_no_file(village, monkeypatch: pytest.MonkeyPatch) -> None:
    db, ids = village

    def refuse(*args: object, **kwargs: object) -> None:
        raise RuntimeError("disk full")

    monkeypatch.setattr(db, "write", refuse)
    with pytest.raises(RuntimeError):
        generate_notice(db, request_for(db, ids))
    assert list(notice_archive.notices_dir().glob("*")) == []
    assert db.conn.execute("SELECT COUNT(*) FROM notices").fetchone()[0] == 0


def test_an_objection_can_point_at_the_archived_notice(village) -> None:
    db, ids = village
    notice, _ = generate_notice(db, request_for(db, ids))
    with db.write() as writer:
        writer.insert(
            "objections",
            {
                "household_id": ids[0],
                "procedure": "exit",
                "year": 2019,
                "step": "village_notice",
                "notice_id": notice.id,
                "raised_date": "2019-10-09",
                "content": "收入不实",
                "status": "open",
            },
        )
    linked = db.conn.execute("SELECT n.file_name FROM objections o JOIN notices n ON n.id = o.notice_id").fetchall()
    assert linked == [(notice.file_name,)]
