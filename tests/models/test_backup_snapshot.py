"""A backup copies one snapshot while saves go on, is a single self-contained file, and never looks done early."""

from __future__ import annotations

import os
import sqlite3
import threading
import time
from pathlib import Path

import pytest

from models import backup, backup_copy
from models.db import open_database
from models.registry import Registry
from tests.models.conftest import VILLAGE

STEP = 16  # pages per backup step: a 2 MB file takes some 30 steps


def fill(registry: Registry, megabytes: int = 2) -> str:
    """One household, plus filler pages so the file is a few MB (a scratch table, not registry data)."""
    household = registry.create_household({"village_code": VILLAGE})
    conn = registry.db.conn
    conn.execute("CREATE TABLE filler(x BLOB)")
    conn.execute("BEGIN")
    conn.executemany("INSERT INTO filler VALUES (randomblob(1000))", [()] * (megabytes * 1000))
    conn.execute("COMMIT")
    return household


def folder_files(db_path: str) -> list[str]:
    return sorted(p.name for p in backup.backup_folder(db_path).iterdir())


def rollback_journal(path: Path) -> bool:
    return path.read_bytes()[18:20] == b"\x01\x01"  # SQLite file format versions: 1 = DELETE, 2 = WAL


def test_saves_from_another_connection_do_not_restart_the_backup(
    registry: Registry, monkeypatch: pytest.MonkeyPatch
) -> None:
    household = fill(registry)
    monkeypatch.setattr(backup_copy, "PAGES_PER_STEP", STEP)
    pages = registry.db.conn.execute("PRAGMA page_count").fetchone()[0]
    saves: list[float] = []
    stop = threading.Event()

    def saver() -> None:  # the clerk editing in the program while the automatic backup runs
        clerk = Registry(open_database(registry.db.path))
        try:
            while not stop.is_set():
                started = time.monotonic()
                clerk.update_household(household, {"phone": f"1380000{len(saves):04d}"})
                saves.append(time.monotonic() - started)
        finally:
            clerk.db.close()

    seen: list[int] = []

    def progress(done: int, total: int) -> None:
        seen.append(done)
        assert len(seen) <= 3 * pages // STEP, "the backup keeps starting again from the first page"
        wanted, deadline = len(saves) + 1, time.monotonic() + 5
        while len(saves) < wanted and time.monotonic() < deadline:
            time.sleep(0.001)  # a save is committed between every two steps

    thread = threading.Thread(target=saver)
    thread.start()
    try:
        made = backup.backup_now(registry.db.path, backup.AUTO, progress)
    finally:
        stop.set()
        thread.join()
    assert seen == sorted(seen) and seen[-1] >= pages  # the progress bar only goes forward, to the end
    assert len(saves) >= len(seen) - 1 and max(saves) < 2  # the saves went on, never held up by the backup
    backup.check_backup(made)
    conn = sqlite3.connect(made)
    try:
        (phone,) = conn.execute("SELECT phone FROM households WHERE id = ?", (household,)).fetchone()
        seq = conn.execute("SELECT seq FROM sync_state").fetchone()[0]
        logged = conn.execute("SELECT count(*) FROM change_log").fetchone()[0]
    finally:
        conn.close()
    assert phone is None or phone.startswith("1380000")
    assert seq < registry.db.conn.execute("SELECT seq FROM sync_state").fetchone()[0]  # a snapshot from the start
    assert logged == registry.db.conn.execute("SELECT count(*) FROM change_log WHERE seq <= ?", (seq,)).fetchone()[0]


def test_a_backup_is_one_file_in_rollback_journal_mode_and_reading_it_leaves_no_sidecars(registry: Registry) -> None:
    registry.create_household({"village_code": VILLAGE})
    made = backup.backup_now(registry.db.path)
    assert rollback_journal(made)
    registry.create_household({"village_code": VILLAGE})
    auto = backup.automatic_backup(registry.db.path)  # compares with the newest backup: opens it read-only
    backup.check_backup(made)
    backup.restore_warning(made, registry.db.path)
    assert auto is not None and rollback_journal(auto)
    assert folder_files(registry.db.path) == sorted([made.name, auto.name])


def test_backups_in_wal_mode_from_older_versions_are_read_without_leaving_sidecars(registry: Registry) -> None:
    registry.create_household({"village_code": VILLAGE})
    made = backup.backup_now(registry.db.path)
    conn = sqlite3.connect(made)
    conn.execute("PRAGMA journal_mode=WAL")  # what older versions wrote: the live file's WAL header
    conn.close()
    assert not rollback_journal(made) and folder_files(registry.db.path) == [made.name]
    assert backup.automatic_backup(registry.db.path) is None  # unchanged since that backup
    backup.check_backup(made)
    assert folder_files(registry.db.path) == [made.name]


def test_restoring_leaves_only_backup_files(database) -> None:
    registry = Registry(database)
    registry.add_region("621121103", "平襄镇")  # a village's township is registered first
    registry.add_region(VILLAGE, "文峰村")
    registry.create_household({"village_code": VILLAGE})
    saved = backup.backup_now(database.path)
    path = database.path
    database.close()
    safety = backup.restore_backup(saved, path)
    assert folder_files(path) == sorted([saved.name, safety.name]) and rollback_journal(safety)
    database.conn = sqlite3.connect(":memory:")  # the fixture closes it again


def test_an_unfinished_backup_never_looks_like_a_backup(registry: Registry, monkeypatch: pytest.MonkeyPatch) -> None:
    fill(registry, 1)
    monkeypatch.setattr(backup_copy, "PAGES_PER_STEP", STEP)
    during: list[list] = []

    def progress(done: int, total: int) -> None:
        during.append(backup.list_backups(registry.db.path))
        if len(during) == 5:
            raise OSError("disk unplugged")

    with pytest.raises(OSError):
        backup.backup_now(registry.db.path, backup.MANUAL, progress)
    assert during == [[]] * 5  # while it is written it is not listed (nor a .db file the restore dialog offers)
    assert folder_files(registry.db.path) == []  # the partial file is gone


def test_a_partial_file_left_by_a_killed_run_is_removed_next_time(registry: Registry) -> None:
    folder = backup.backup_folder(registry.db.path)
    folder.mkdir(parents=True)
    dead = folder / "test-20260101-120000-auto.db.999999999.partial"  # no such process
    dead.write_bytes(b"SQLite format 3\x00" + b"\x00" * 4000)
    assert backup.list_backups(registry.db.path) == []
    made = backup.backup_now(registry.db.path)
    assert folder_files(registry.db.path) == [made.name]


def test_a_copy_that_fails_its_check_is_deleted(registry: Registry, monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(path: Path, pages: int | None = None) -> None:
        with open(path, "r+b") as handle:
            handle.seek(100)
            handle.write(b"\xff" * 3990)  # damage the copy's first page (the schema)
        verify(path, pages)

    verify = backup_copy.verify_copy
    monkeypatch.setattr(backup_copy, "verify_copy", broken)
    with pytest.raises(backup.DatabaseFileError, match="备份副本检查没有通过"):
        backup.backup_now(registry.db.path)
    assert folder_files(registry.db.path) == [] and os.path.exists(registry.db.path)


def test_sidecars_older_versions_left_beside_backups_are_cleaned_up(registry: Registry) -> None:
    registry.create_household({"village_code": VILLAGE})
    made = backup.backup_now(registry.db.path)
    conn = sqlite3.connect(made)
    conn.execute("PRAGMA journal_mode=WAL")
    conn.close()
    stamp = made.stat().st_mtime
    old = sqlite3.connect(made.resolve().as_uri() + "?mode=ro", uri=True)  # how older versions read a backup
    old.execute("SELECT count(*) FROM households").fetchone()
    old.close()
    assert folder_files(registry.db.path) == sorted([made.name, made.name + "-shm", made.name + "-wal"])
    registry.create_household({"village_code": VILLAGE})
    newer = backup.backup_now(registry.db.path)
    assert folder_files(registry.db.path) == sorted([made.name, newer.name])
    assert made.stat().st_mtime == stamp  # still listed at its own time


def test_saves_are_not_held_up_while_the_file_is_in_rollback_journal_mode(
    registry: Registry, monkeypatch: pytest.MonkeyPatch
) -> None:
    household = fill(registry, 1)
    conn = registry.db.conn
    assert conn.execute("PRAGMA journal_mode = DELETE").fetchone()[0] == "delete"  # as while the demo is generated
    conn.execute("PRAGMA busy_timeout = 100")
    monkeypatch.setattr(backup_copy, "PAGES_PER_STEP", STEP)
    saved: list[int] = []

    def progress(done: int, total: int) -> None:
        if len(saved) < 3:
            registry.update_household(household, {"phone": f"1390000{len(saved):04d}"})  # not "database is locked"
            saved.append(done)

    made = backup.backup_now(registry.db.path, backup.AUTO, progress)
    backup.check_backup(made)
    assert len(saved) == 3 and rollback_journal(made)
    conn.execute("PRAGMA journal_mode = WAL")
