"""Opening the registry a second time in one process must not drop the first connection's locks."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from models.db import open_database
from tests.conftest import PROJECT_ROOT

WRITE_ELSEWHERE = """
import sys
sys.path.insert(0, sys.argv[2])
from models.db import open_database
db = open_database(sys.argv[1])
db.set_setting("device_name", "other process")
db.close()
"""


def test_a_second_open_keeps_the_first_connections_locks(tmp_path: Path) -> None:
    path = tmp_path / "t.db"
    held = open_database(path)  # e.g. the window's connection
    held.set_setting("device_name", "window")
    open_database(path).close()  # a second look at the same file from this process
    # another process writes and closes: it must see our connection and leave the write-ahead log alone
    subprocess.run([sys.executable, "-c", WRITE_ELSEWHERE, str(path), str(PROJECT_ROOT)], check=True, timeout=60)
    held.set_setting("device_name", "window again")
    again = open_database(path)
    try:
        assert again.conn.execute("PRAGMA quick_check").fetchone() == ("ok",)
        assert again.setting("device_name") == "window again"
    finally:
        again.close()
        held.close()
