"""Fixtures shared by every test: an offscreen Qt, a throw-away data folder, a fresh database.

The environment is set at import time, before any test module can load Qt or
ask ``models.paths`` where the data lives, so no test ever touches the real
user data folder or needs a display.
"""

from __future__ import annotations

import atexit
import os
import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest

os.environ["QT_QPA_PLATFORM"] = "offscreen"
_DATA_DIR = tempfile.mkdtemp(prefix="jiandang-test-data-")
os.environ["JIANDANG_DATA_DIR"] = _DATA_DIR
atexit.register(shutil.rmtree, _DATA_DIR, ignore_errors=True)

from models.db import Database, open_database  # noqa: E402 - after the environment is set

PROJECT_ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    """Where a test's database lives (not created yet)."""
    return tmp_path / "test.db"


@pytest.fixture
def db(db_path: Path) -> Iterator[Database]:
    """A fresh, empty registry database, closed after the test."""
    database = open_database(db_path)
    yield database
    database.close()
