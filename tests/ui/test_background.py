"""The off-GUI-thread helper: each worker has its own connection; the newest job of a key wins."""

from __future__ import annotations

import threading
import time

from models.db import Database
from ui.background import Background
from ui.progress import run_with_progress


def test_jobs_run_on_another_thread_with_their_own_connection(qtbot, db: Database) -> None:
    worker = Background(db.path)
    seen: list = []
    worker.submit(
        lambda wdb: (
            threading.current_thread() is not threading.main_thread(),
            wdb is not db,
            wdb.conn.execute("SELECT COUNT(*) FROM code_values").fetchone()[0],
        ),
        seen.append,
    )
    qtbot.waitUntil(lambda: bool(seen))
    off_thread, own_connection, codes = seen[0]
    assert off_thread and own_connection and codes > 100
    worker.close()


def test_a_newer_job_with_the_same_key_replaces_the_older_one(qtbot, db: Database) -> None:
    worker = Background(db.path)
    results: list[int] = []
    started = threading.Event()

    def slow(_db) -> int:
        started.set()
        time.sleep(0.2)
        return 0

    worker.submit(slow, results.append, key="list")
    started.wait(2)
    for n in (1, 2, 3):
        worker.submit(lambda _db, n=n: n, results.append, key="list")
    qtbot.waitUntil(lambda: not worker.busy())
    assert results == [3]
    worker.close()


def test_failures_and_none_results_come_back_on_the_gui_thread(qtbot) -> None:
    worker = Background(None)
    errors: list[BaseException] = []
    results: list = []
    worker.submit(lambda _db: 1 / 0, results.append, errors.append)
    worker.submit(lambda _db: None, results.append)
    qtbot.waitUntil(lambda: not worker.busy())
    assert isinstance(errors[0], ZeroDivisionError) and results == [None]
    worker.close()
    worker.close()  # closing twice is harmless


def test_progress_is_reported_and_the_result_returned(qapp) -> None:
    steps: list[int] = []

    def work(_db, progress) -> str:
        for n in range(1, 4):
            progress(n, 3)
            steps.append(n)
        return "done"

    assert run_with_progress(None, "…", None, work) == "done" and steps == [1, 2, 3]
