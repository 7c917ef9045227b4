"""Backups with SQLite's backup API: automatic rotation, manual backups, restoring."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from models import backup
from models.db import Database, open_database
from models.errors import DatabaseFileError
from models.registry import Registry
from tests.models.conftest import VILLAGE


def households(path: Path) -> int:
    conn = sqlite3.connect(path)
    try:
        return conn.execute("SELECT COUNT(*) FROM households").fetchone()[0]
    finally:
        conn.close()


def test_backup_is_a_consistent_copy_taken_while_the_database_is_open(registry: Registry) -> None:
    registry.create_household({"village_code": VILLAGE})
    path = backup.backup_now(registry.db.path)
    assert path.parent == backup.backup_folder(registry.db.path) and path.name.endswith("-manual.db")
    assert households(path) == 1
    backup.check_backup(path)
    assert [b.path for b in backup.list_backups(registry.db.path)] == [path]


def test_automatic_backup_skips_unchanged_data_and_keeps_the_last_n(registry: Registry) -> None:
    first = backup.automatic_backup(registry.db.path, keep=2)
    assert first is not None
    assert backup.automatic_backup(registry.db.path, keep=2) is None  # nothing changed since
    made = [first]
    for _ in range(3):
        registry.create_household({"village_code": VILLAGE})
        made.append(backup.automatic_backup(registry.db.path, keep=2))
    kept = [b.path for b in backup.list_backups(registry.db.path)]
    assert len(kept) == 2 and set(kept) <= set(made) and made[-1] in kept
    assert households(made[-1]) == 3


def test_restore_replaces_the_content_and_keeps_a_safety_copy(database: Database) -> None:
    registry = Registry(database)
    registry.add_region("621121103", "平襄镇")  # a village's township is registered first
    registry.add_region(VILLAGE, "文峰村")
    registry.create_household({"village_code": VILLAGE})
    saved = backup.backup_now(database.path)
    registry.create_household({"village_code": VILLAGE})
    path = database.path
    database.close()
    safety = backup.restore_backup(saved, path)
    assert households(Path(path)) == 1 and households(safety) == 2
    reopened = open_database(path)
    try:
        assert reopened.conn.execute("SELECT COUNT(*) FROM households").fetchone()[0] == 1
    finally:
        reopened.close()
    database.conn = sqlite3.connect(":memory:")  # the fixture closes it again


def test_a_file_that_is_not_a_backup_is_refused_and_nothing_changes(registry: Registry, tmp_path: Path) -> None:
    bogus = tmp_path / "bogus.db"
    bogus.write_bytes(b"not a database" * 100)
    registry.create_household({"village_code": VILLAGE})
    with pytest.raises(DatabaseFileError, match="不是完好的建档数据库备份"):
        backup.restore_backup(bogus, registry.db.path)
    assert households(Path(registry.db.path)) == 1
    assert backup.list_backups(registry.db.path) == []
