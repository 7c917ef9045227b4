"""The year the warning rules look at is the newest status year of the database asked, never another one's."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

from models.db import open_database
from models.registry import Registry
from models.warnings import working_year
from tests.models.conftest import VILLAGE


def test_a_new_connection_never_gets_a_closed_ones_remembered_year(tmp_path: Path) -> None:
    first = tmp_path / "a.db"
    registry = Registry(open_database(first))
    registry.add_region(VILLAGE[:9], "平襄镇")
    registry.add_region(VILLAGE, "文峰村")
    household = registry.create_household({"village_code": VILLAGE})
    registry.set_status(household, 2019, "01")
    registry.db.close()
    second = tmp_path / "b.db"
    shutil.copy(first, second)
    with sqlite3.connect(second) as raw:  # as an import would: no change of this site's own sequence
        raw.execute("UPDATE status_history SET year = 2031")
    expected = {}
    for path in (first, second):
        conn = sqlite3.connect(path)
        expected[path] = conn.execute("SELECT MAX(year) FROM status_history").fetchone()[0]
        conn.close()
    assert expected[first] != expected[second]
    for _ in range(50):  # closed connections' ids are soon reused: each must still get its own database's year
        for path in (first, second):
            conn = sqlite3.connect(path)
            assert working_year(conn) == expected[path]
            conn.close()
            del conn
