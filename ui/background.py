"""Running slow work off the GUI thread: the one helper every screen uses.

``Background(db_path)`` owns a worker thread with its own SQLite connection
(opened there with ``open_database``, as SQLite connections belong to one
thread).  ``submit(fn, done)`` runs the plain callable ``fn(db)`` (or
``fn(db, progress)`` when a progress slot is given) on that thread and calls
``done(result)`` back on the GUI thread.  Jobs submitted with the same ``key``
replace each other: only the newest one runs and reports (search as you type).
"""

from __future__ import annotations

import atexit
import sys
import threading
import weakref
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, QThread, Signal, Slot

from models.db import Database, open_database

Done = Callable[[Any], None]
Failed = Callable[[BaseException], None]
ProgressSlot = Callable[[int, int], None]


@dataclass
class _Job:
    number: int
    fn: Callable[..., Any]
    key: str | None = None
    with_progress: bool = False
    callbacks: tuple = field(default_factory=tuple)


class _Worker(QObject):
    """Lives in the worker thread; opens the connection on first use."""

    finished = Signal(int, object)
    failed = Signal(int, object)
    progressed = Signal(int, int, int)

    def __init__(self, path: str | None, latest: dict[str, int], lock: threading.Lock) -> None:
        super().__init__()
        self._path = path
        self._db: Database | None = None
        self._latest = latest
        self._lock = lock

    @Slot(object)
    def run(self, job: _Job) -> None:
        with self._lock:
            stale = job.key is not None and self._latest.get(job.key) != job.number
        if stale:
            self.finished.emit(job.number, [None])  # dropped on the GUI thread as stale
            return
        try:
            if job.fn is _close:
                self._close()
                job.callbacks[0].set()
                return
            if self._db is None and self._path is not None:
                self._db = open_database(self._path)
            if job.with_progress:
                result = job.fn(self._db, lambda done, total: self.progressed.emit(job.number, done, total))
            else:
                result = job.fn(self._db)
        except BaseException as error:  # reported on the GUI thread
            error.__traceback__ = sys.exc_info()[2]
            self.failed.emit(job.number, [error])
            return
        self.finished.emit(job.number, [result])  # boxed: PySide6 mishandles a bare None in queued signals

    def _close(self) -> None:
        if self._db is not None:
            self._db.close()
            self._db = None


def _close(db: Database) -> None:  # marker job: close the worker's connection
    """Close the worker's connection (runs on the worker thread)."""


_LIVE: weakref.WeakSet[Background] = weakref.WeakSet()


@atexit.register
def _close_all() -> None:
    """Stop the worker threads still running when the interpreter exits (Qt aborts on a running QThread)."""
    for background in list(_LIVE):
        background.close(timeout_ms=5000)


class Background(QObject):
    """A worker thread with its own connection to ``db_path`` (None: the callables get no database)."""

    _start = Signal(object)

    def __init__(self, db_path: str | None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._jobs: dict[int, _Job] = {}
        self._latest: dict[str, int] = {}
        self._lock = threading.Lock()
        self._count = 0
        self._thread = QThread()
        self._thread.setObjectName("jiandang-background")
        self._worker = _Worker(db_path, self._latest, self._lock)
        self._worker.moveToThread(self._thread)
        self._start.connect(self._worker.run)
        self._worker.finished.connect(self._finished)
        self._worker.failed.connect(self._failed)
        self._worker.progressed.connect(self._progressed)
        self._thread.start()
        _LIVE.add(self)
        app = QCoreApplication.instance()
        if app is not None:
            app.aboutToQuit.connect(self.close)

    def submit(
        self,
        fn: Callable[..., Any],
        done: Done | None = None,
        failed: Failed | None = None,
        key: str | None = None,
        progress: ProgressSlot | None = None,
    ) -> int:
        """Run ``fn(db)`` (``fn(db, progress)`` with a progress slot) off the GUI thread; returns the job number."""
        self._count += 1
        job = _Job(self._count, fn, key, progress is not None, (done, failed, progress))
        self._jobs[job.number] = job
        if key is not None:
            with self._lock:
                self._latest[key] = job.number
        self._start.emit(job)
        return job.number

    def busy(self) -> bool:
        """True while submitted jobs have not reported back."""
        return bool(self._jobs)

    def close(self, timeout_ms: int = 30000) -> None:
        """Close the connection on its thread and stop the thread (waits for running work)."""
        if not self._thread.isRunning():
            return
        self._jobs.clear()
        closed = threading.Event()
        self._start.emit(_Job(0, _close, callbacks=(closed,)))
        closed.wait(timeout_ms / 1000)
        self._thread.quit()
        self._thread.wait(timeout_ms)

    def _current(self, number: int) -> _Job | None:
        job = self._jobs.pop(number, None)
        if job is None or (job.key is not None and self._latest.get(job.key) != number):
            return None
        return job

    @Slot(int, object)
    def _finished(self, number: int, boxed: list) -> None:
        job = self._current(number)
        if job is not None and job.callbacks[0] is not None:
            job.callbacks[0](boxed[0])

    @Slot(int, object)
    def _failed(self, number: int, boxed: list) -> None:
        error: BaseException = boxed[0]
        job = self._current(number)
        if job is None:
            return
        if job.callbacks[1] is not None:
            job.callbacks[1](error)
        else:
            sys.excepthook(type(error), error, error.__traceback__)

    @Slot(int, int, int)
    def _progressed(self, number: int, done: int, total: int) -> None:
        job = self._jobs.get(number)
        if job is not None and job.callbacks[2] is not None:
            job.callbacks[2](done, total)
