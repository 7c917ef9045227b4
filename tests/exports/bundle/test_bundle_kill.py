"""kill -9 at random points of an import: the file stays sound, holds exactly the state before or after, and
a retry succeeds. The import runs in a forked child that is killed after a random delay; 200 runs."""

from __future__ import annotations

import os
import random
import shutil
import signal
import sys
import time
from pathlib import Path

import pytest

from exports.bundle_keys import unlock
from exports.bundle_read import import_bundle
from models.db import open_database
from models.dump import dump_digest
from tests.exports.bundle.sites import PASSPHRASE, Site
from tests.models.conftest import VILLAGE, family

RUNS = 200
pytestmark = [pytest.mark.slow, pytest.mark.skipif(not hasattr(os, "fork"), reason="needs fork()")]


def _import_in_child(path: Path, bundle: Path) -> None:
    """The child: open the database, import, exit without cleanup (like a process that is simply killed)."""
    try:
        db = open_database(path)
        import_bundle(db, unlock(db, PASSPHRASE), bundle, backup=False)
        db.close()
        os._exit(0)
    except BaseException:  # noqa: BLE001 - the child must never return into pytest
        os._exit(3)


def _state(path: Path) -> tuple[str, int]:
    db = open_database(path)
    try:
        assert db.conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert db.conn.execute("PRAGMA foreign_key_check").fetchall() == []
        imports = db.conn.execute("SELECT count(*) FROM sync_imports").fetchone()[0]
        return dump_digest(db.conn), imports
    finally:
        db.close()


def _fresh(pristine: Path, work: Path) -> None:
    for suffix in ("", "-wal", "-shm"):
        Path(f"{work}{suffix}").unlink(missing_ok=True)
    shutil.copy(pristine, work)


def test_kill_9_at_random_points_of_an_import_leaves_before_or_after_and_a_retry_succeeds(
    township: Site, laptop: Site, tmp_path: Path
) -> None:
    for seq in range(1, 25):
        laptop.registry.create_household({"village_code": VILLAGE, "note": "杀" * 200}, family(seq))
    bundle = laptop.export().path
    township.db.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    township.db.close()
    pristine = tmp_path / "pristine.db"
    shutil.copy(township.folder / "township.db", pristine)
    work = tmp_path / "work.db"
    before = _state(pristine)
    _fresh(pristine, work)
    started = time.perf_counter()
    pid = os.fork()
    if pid == 0:
        _import_in_child(work, bundle)
    assert os.waitpid(pid, 0)[1] == 0
    duration = time.perf_counter() - started  # the child's whole life, from fork to exit
    after = _state(work)
    assert after != before
    rng = random.Random(20190601)
    outcomes = {"before": 0, "after": 0}
    for _ in range(RUNS):
        _fresh(pristine, work)
        sys.stdout.flush()
        pid = os.fork()
        if pid == 0:
            _import_in_child(work, bundle)
        time.sleep(rng.uniform(0, duration * 1.1))
        os.kill(pid, signal.SIGKILL)
        os.waitpid(pid, 0)
        state = _state(work)
        assert state in (before, after)
        outcomes["after" if state == after else "before"] += 1
        db = open_database(work)
        retry = import_bundle(db, unlock(db, PASSPHRASE), bundle, backup=False)
        db.close()
        assert retry.status in ("imported", "already")
        assert _state(work) == after
    assert outcomes["before"] > 0 and outcomes["after"] > 0  # kills landed before, inside and after the commit
