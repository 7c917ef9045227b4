"""Opening files: pragmas, migrations, and files that must be refused untouched."""

from __future__ import annotations

import hashlib
import sqlite3
from pathlib import Path

import pytest

from models import migrations
from models.db import open_database
from models.errors import DatabaseFileError, NewerDatabaseError

FIXTURES = Path(__file__).parent.parent / "fixtures"


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_new_database_is_created_with_wal_foreign_keys_and_durable_sync(tmp_path: Path) -> None:
    db = open_database(tmp_path / "new.db")
    pragma = {name: db.conn.execute(f"PRAGMA {name}").fetchone()[0]
              for name in ("journal_mode", "foreign_keys", "synchronous", "busy_timeout", "user_version")}
    assert pragma == {"journal_mode": "wal", "foreign_keys": 1, "synchronous": 2, "busy_timeout": 5000,
                      "user_version": migrations.SCHEMA_VERSION}
    assert db.conn.execute("SELECT COUNT(*) FROM code_values").fetchone()[0] > 200
    assert db.conn.execute("SELECT amount FROM poverty_lines WHERE year = 2016").fetchone() == (2952.0,)


def test_every_migration_is_recorded_by_name(tmp_path: Path) -> None:
    db = open_database(tmp_path / "new.db")
    names = [r[0] for r in db.conn.execute("SELECT name FROM _sqlite_migrations ORDER BY rowid")]
    assert names == list(migrations.KNOWN_NAMES)


def test_reopening_keeps_site_identity_and_reference_data(tmp_path: Path) -> None:
    first = open_database(tmp_path / "a.db")
    site = first.site_id
    first.close()
    again = open_database(tmp_path / "a.db")
    assert again.site_id == site
    assert again.conn.execute("SELECT COUNT(*) FROM code_values WHERE tbl = 'ethnicity'").fetchone()[0] == 58


def test_old_fixture_of_the_first_schema_opens_and_keeps_its_data(tmp_path: Path) -> None:
    path = tmp_path / "old.db"
    conn = sqlite3.connect(path)
    conn.executescript((FIXTURES / "schema_0001.sql").read_text(encoding="utf-8"))
    conn.close()
    db = open_database(path)
    assert db.conn.execute("PRAGMA user_version").fetchone()[0] == migrations.SCHEMA_VERSION
    assert db.conn.execute("SELECT name FROM members WHERE relation = '01'").fetchone() == ("马福林",)
    assert db.conn.execute("SELECT COUNT(*) FROM change_log").fetchone()[0] == 3


@pytest.mark.parametrize("content", [b"hello, this is a spreadsheet", b"PK\x03\x04" + b"\x00" * 200])
def test_a_file_that_is_not_a_database_is_refused_untouched(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "notes.db"
    path.write_bytes(content)
    with pytest.raises(DatabaseFileError) as error:
        open_database(path)
    assert "不是数据库文件" in error.value.message_zh and "not a database" in error.value.message_en
    assert path.read_bytes() == content
    assert not Path(str(path) + "-wal").exists()


def test_a_corrupt_database_is_refused_untouched(tmp_path: Path) -> None:
    good = tmp_path / "good.db"
    db = open_database(good)
    with db.write("u") as writer:
        writer.insert("helpers", {"name": "甲"})
    db.close()
    broken = tmp_path / "broken.db"
    data = bytearray(good.read_bytes())
    data[100:4096 * 2] = b"\xff" * (4096 * 2 - 100)
    broken.write_bytes(bytes(data))
    before = digest(broken)
    with pytest.raises(DatabaseFileError) as error:
        open_database(broken)
    assert "损坏" in error.value.message_zh
    assert digest(broken) == before


def test_a_foreign_sqlite_file_is_refused_untouched(tmp_path: Path) -> None:
    path = tmp_path / "other.db"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE songs (title TEXT)")
    conn.commit()
    conn.close()
    before = digest(path)
    with pytest.raises(DatabaseFileError, match="不是建档数据库"):
        open_database(path)
    assert digest(path) == before


def test_a_database_from_a_newer_version_is_refused_untouched(tmp_path: Path) -> None:
    path = tmp_path / "future.db"
    open_database(path).close()
    conn = sqlite3.connect(path)
    conn.execute(f"PRAGMA user_version = {migrations.SCHEMA_VERSION + 1}")
    conn.close()
    before = digest(path)
    with pytest.raises(NewerDatabaseError) as error:
        open_database(path)
    assert "更新版本" in error.value.message_zh
    assert digest(path) == before


def test_an_unknown_migration_name_means_newer(tmp_path: Path) -> None:
    path = tmp_path / "future2.db"
    open_database(path).close()
    conn = sqlite3.connect(path)
    conn.execute("INSERT INTO _sqlite_migrations(migration_set, name, applied_at) "
                 "VALUES ('jiandang', '0099_future', '2030-01-01')")
    conn.commit()
    conn.close()
    with pytest.raises(NewerDatabaseError):
        open_database(path)


def test_missing_file_is_not_created_when_creation_is_off(tmp_path: Path) -> None:
    with pytest.raises(DatabaseFileError):
        open_database(tmp_path / "absent.db", create=False)
    assert not (tmp_path / "absent.db").exists()
