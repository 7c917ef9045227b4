"""A registry that cannot be written now (read-only, or in use elsewhere) opens for reading and says why a
change was not saved, instead of failing with an internal error."""

from __future__ import annotations

import sqlite3
import subprocess
from pathlib import Path

import pytest

from models import db as db_module
from models.db import open_database
from models.errors import DatabaseFileError
from models.registry import Registry
from tests.models.conftest import VILLAGE, family


def _registry_file(tmp_path: Path) -> Path:
    path = tmp_path / "村.db"
    registry = Registry(open_database(path))
    registry.add_region("621121103", "平襄镇")  # a village's township is registered first
    registry.add_region(VILLAGE, "文峰村")
    registry.create_household({"village_code": VILLAGE}, family())
    registry.db.close()
    return path


def test_opening_a_current_registry_writes_nothing(tmp_path: Path) -> None:
    path = _registry_file(tmp_path)
    watcher = sqlite3.connect(path)
    before = watcher.execute("PRAGMA data_version").fetchone()[0]
    open_database(path).close()
    assert watcher.execute("PRAGMA data_version").fetchone()[0] == before  # nobody else committed anything
    watcher.close()


def test_a_change_while_another_program_holds_the_file_is_refused_clearly(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = _registry_file(tmp_path)
    monkeypatch.setattr(db_module, "BUSY_TIMEOUT_MS", 100)
    db = open_database(path)
    other = sqlite3.connect(path, isolation_level=None)
    other.execute("BEGIN IMMEDIATE")  # e.g. a backup or an import in another window
    with pytest.raises(DatabaseFileError, match="正被另一个程序使用") as error:
        db.set_setting("operator", "王明")
    assert "in use by another program" in error.value.message("en")
    other.execute("ROLLBACK")
    db.set_setting("operator", "王明")  # free again: it works
    other.close()
    db.close()


def test_a_read_only_registry_opens_for_reading_and_refuses_a_change_clearly(tmp_path: Path) -> None:
    path = _registry_file(tmp_path)
    if subprocess.run(["chattr", "+i", str(path)], capture_output=True).returncode != 0:
        pytest.skip("this file system cannot mark a file immutable")
    try:
        registry = Registry(open_database(path))
        household = registry.conn.execute("SELECT id FROM households").fetchone()[0]
        assert registry.get_household(household)["household"]["population"] == 4
        with pytest.raises(DatabaseFileError, match="是只读的"):
            registry.update_household(household, {"phone": "13900000000"})
        registry.db.close()
    finally:
        subprocess.run(["chattr", "-i", str(path)], check=True)


def test_an_empty_file_is_named_as_empty_not_as_missing(tmp_path: Path) -> None:
    empty = tmp_path / "空.db"
    empty.touch()
    with pytest.raises(DatabaseFileError, match="是空的"):
        open_database(empty, create=False)
    with pytest.raises(DatabaseFileError, match="找不到"):
        open_database(tmp_path / "missing.db", create=False)
