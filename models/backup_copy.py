"""Copying a registry file with SQLite's online backup API: one consistent snapshot, written under a temporary name.

The source is read inside one read transaction held across every step of the
backup, so in WAL mode the copy is the snapshot of the moment it started:
saves by other connections (the program's own, while the clerk edits) go on
unblocked and no longer restart the copy from page 0.  A new backup file is
first written as ``<name>.<pid>.partial``, switched to journal mode DELETE (a
single self-contained file, no ``-wal``/``-shm`` beside it), checked, and
only then renamed to its ``.db`` name; a partial file is never listed as a backup.
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
import threading
from collections.abc import Callable
from pathlib import Path

from models.errors import DatabaseFileError

PAGES_PER_STEP = 4096
APPLICATION_ID = 0x4A444E47
PARTIAL = ".partial"

Progress = Callable[[int, int], None]

_active: set[Path] = set()  # partial files this process is writing now (several backups may run at once)
_active_lock = threading.Lock()


def open_readonly(path: str | Path, live: bool = False) -> sqlite3.Connection:
    """A read-only connection that leaves no ``-wal``/``-shm`` beside a backup file.

    ``live`` is for a database other connections may be writing: it is read
    normally.  A backup (or any file without a non-empty ``-wal``) is opened as
    immutable, so no sidecar files are created even when its header says WAL
    (backups made by older versions).
    """
    wal = Path(f"{path}-wal")
    immutable = not live and not (wal.exists() and wal.stat().st_size > 0)
    uri = Path(path).resolve().as_uri() + "?mode=ro" + ("&immutable=1" if immutable else "")
    return sqlite3.connect(uri, uri=True)


def database_size(path: str | Path, live: bool = True) -> int:
    """The size in bytes of a copy of the database (its pages, including what is still in its WAL)."""
    conn = open_readonly(path, live)
    try:
        pages = conn.execute("PRAGMA page_count").fetchone()[0]
        return pages * conn.execute("PRAGMA page_size").fetchone()[0]
    finally:
        conn.close()


def copy_database(
    source: Path, target: Path, progress: Progress | None = None, standalone: bool = True, live: bool = True
) -> int | None:
    """Copy one consistent snapshot of ``source`` into ``target`` (whose content is replaced); returns its pages.

    A source in WAL mode is read in one transaction (its page count is returned); one in rollback-journal mode
    (only while the demo is generated) is copied step by step as SQLite allows (None is returned).

    ``standalone`` makes the copy a single file in journal mode DELETE (a
    backup); otherwise the target keeps its own journal mode (a restore into
    the registry file).  ``live`` says other connections may write ``source``.
    """
    src = open_readonly(source, live)
    dst = sqlite3.connect(str(target))
    try:
        pages = None
        if src.execute("PRAGMA journal_mode").fetchone()[0] == "wal":
            src.execute("BEGIN")  # one read transaction for every step: the WAL snapshot stays fixed, no restarts
            src.execute("SELECT count(*) FROM sqlite_master").fetchone()  # (a rollback journal would block writers)
            pages = src.execute("PRAGMA page_count").fetchone()[0]
        report = None if progress is None else (lambda _status, left, total: progress(total - left, total))
        src.backup(dst, pages=PAGES_PER_STEP, progress=report)
        if src.in_transaction:
            src.execute("COMMIT")
        if standalone:
            dst.execute("PRAGMA journal_mode=DELETE")
        return pages
    finally:
        dst.close()
        src.close()


def new_backup_file(source: Path, target: Path, progress: Progress | None = None) -> Path:
    """Write a checked backup of ``source`` to ``target`` (a new name) via a partial file; returns ``target``.

    On any failure the partial file is removed and ``target`` does not exist.
    """
    partial = target.with_name(f"{target.name}.{os.getpid()}{PARTIAL}")
    with _active_lock:
        _active.add(partial)
    try:
        pages = copy_database(source, partial, progress)
        verify_copy(partial, pages)
        os.replace(partial, target)
    except BaseException:
        _remove(partial)
        raise
    finally:
        with _active_lock:
            _active.discard(partial)
    return target


def verify_copy(path: Path, pages: int | None = None) -> None:
    """Raise DatabaseFileError unless ``path`` is a complete registry file in journal mode DELETE."""
    with open(path, "rb") as handle:
        rollback_journal = handle.read(20)[18:20] == b"\x01\x01"  # file format versions: 1 = DELETE, 2 = WAL
    conn = open_readonly(path)
    try:
        found = (
            conn.execute("PRAGMA application_id").fetchone()[0],
            conn.execute("PRAGMA page_count").fetchone()[0],
            conn.execute("PRAGMA quick_check").fetchone()[0],
        )
    except sqlite3.DatabaseError as error:
        found = (0, 0, str(error))
    finally:
        conn.close()
    if found[0] != APPLICATION_ID or not rollback_journal or found[2] != "ok" or pages not in (None, found[1]):
        raise DatabaseFileError(
            f"备份副本检查没有通过（{found[2]}），已删除，没有留下不完整的备份。",
            f"The backup copy failed its check ({found[2]}); it was deleted, no incomplete backup is left.",
        )


def remove_leftovers(folder: Path) -> None:
    """Delete partial files left by a backup that was killed, and sidecar files old versions left beside backups."""
    for partial in folder.glob(f"*{PARTIAL}"):
        if not _in_use(partial):
            _remove(partial)
    for wal in folder.glob("*.db-wal"):
        if wal.stat().st_size == 0:  # nothing to write back: SQLite removes both when the last connection closes
            with contextlib.suppress(sqlite3.Error):
                conn = sqlite3.connect(wal.with_name(wal.name[: -len("-wal")]))
                try:
                    conn.execute("SELECT 1 FROM sqlite_master LIMIT 1").fetchone()
                finally:
                    conn.close()  # kept as they are while another program has that backup open


def _in_use(partial: Path) -> bool:
    """Whether a backup is still writing ``partial`` (in this process, or in another one that is alive)."""
    try:
        pid = int(partial.name[: -len(PARTIAL)].rsplit(".", 1)[1])
    except (IndexError, ValueError):
        return False
    if pid == os.getpid():
        with _active_lock:
            return partial in _active
    if os.name == "nt":
        return False  # Windows refuses to delete a file another program has open: removing it is safe to try
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:
        return True
    return True


def _remove(path: Path) -> None:
    for name in (path, Path(f"{path}-journal"), Path(f"{path}-wal"), Path(f"{path}-shm")):
        with contextlib.suppress(OSError):  # still open elsewhere (Windows): it is removed next time
            name.unlink(missing_ok=True)
