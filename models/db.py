"""Opening the one SQLite file that holds a registry.

A file is checked read-only before anything is written to it: a file that is
not SQLite, is corrupt, belongs to another program or was written by a newer
version is refused with a clear message and left untouched.
"""

from __future__ import annotations

import sqlite3
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from sqlite_utils import Database as SqliteUtilsDatabase

from models import migrations
from models.bulk_load import bulk_load_pending, finish_bulk_load
from models.changes import ChangeWriter
from models.clock import HybridClock
from models.errors import DatabaseFileError, NewerDatabaseError

APPLICATION_ID = 0x4A444E47  # "JDNG"
BUSY_TIMEOUT_MS = 5000


class Database:
    """An open registry database: one connection plus this site's clock."""

    def __init__(self, path: str, conn: sqlite3.Connection) -> None:
        self.path = path
        self.conn = conn
        self.utils = SqliteUtilsDatabase(conn, execute_plugins=False)
        row = conn.execute("SELECT site_id, hlc FROM sync_state WHERE id = 1").fetchone()
        self.site_id: str = row[0]
        self.clock = HybridClock(row[1])

    @contextmanager
    def write(self, user: str = "") -> Iterator[ChangeWriter]:
        """One write transaction: everything in the block commits together or not at all."""
        if self.conn.in_transaction:
            raise RuntimeError("nested write transactions are not supported")
        self._begin()
        stored = self.conn.execute("SELECT hlc FROM sync_state WHERE id = 1").fetchone()[0]
        self.clock.last = max(self.clock.last, stored)  # another connection may have written since
        saved_clock = self.clock.last
        writer = ChangeWriter(self.conn, self.site_id, self.clock, user or self.operator())
        try:
            yield writer
            writer.finish()
            self.conn.execute("COMMIT")
        except BaseException as error:
            self.clock.last = saved_clock
            if self.conn.in_transaction:
                self.conn.execute("ROLLBACK")
            self._explain(error)
            raise

    def setting(self, key: str, default: str = "") -> str:
        """A local setting (role, scope, device name, operator …)."""
        row = self.conn.execute("SELECT value FROM settings WHERE key = ?", (key,)).fetchone()
        return row[0] if row else default

    def set_setting(self, key: str, value: str) -> None:
        """Store a local setting; settings are never synced."""
        self.set_settings({key: value})

    def set_settings(self, values: dict[str, str]) -> None:
        """Store several local settings in one transaction: all of them or none."""
        with self._plain_transaction():
            self.conn.executemany(
                "INSERT INTO settings(key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value",
                list(values.items()),
            )

    def operator(self) -> str:
        """The operator name recorded in the audit trail."""
        return self.setting("operator") or self.setting("device_name") or "operator"

    def _begin(self) -> None:
        """Start a write transaction; a read-only or busy file is a clear DatabaseFileError."""
        try:
            self.conn.execute("BEGIN IMMEDIATE")
        except sqlite3.OperationalError as error:
            self._explain(error)
            raise

    @contextmanager
    def _plain_transaction(self) -> Iterator[None]:
        self._begin()
        try:
            yield
            self.conn.execute("COMMIT")
        except BaseException as error:
            if self.conn.in_transaction:
                self.conn.execute("ROLLBACK")
            self._explain(error)
            raise

    def _explain(self, error: BaseException) -> None:
        """Raise the clear message for a write refused because the file is read-only or busy, if it was."""
        if isinstance(error, sqlite3.OperationalError):
            problem = storage_problem(error, self.path)
            if problem is not None:
                raise problem from error

    def close(self) -> None:
        """Close the connection (checkpointing the WAL)."""
        self.conn.close()


def open_database(path: str | Path, create: bool = True) -> Database:
    """Open (and if needed create or upgrade) the registry at ``path``.

    Raises DatabaseFileError for a file that is not a usable registry and
    NewerDatabaseError for one written by a newer version; neither case
    modifies the file.
    """
    path = str(path)
    exists = Path(path).exists() and Path(path).stat().st_size > 0
    current = False
    if exists:
        current = _inspect_read_only(path)
    elif not create and Path(path).exists():
        raise DatabaseFileError(
            f"数据库文件 {path} 是空的（0 字节），里面没有数据。请选择正确的文件，或从备份恢复。",
            f"The database file {path} is empty (0 bytes); it holds no data. Choose the right file or restore "
            "a backup.",
        )
    elif not create:
        raise DatabaseFileError(f"找不到数据库文件：{path}", f"Database file not found: {path}")
    conn = _connect(path)
    try:
        _configure(conn)
        _upgrade(conn, current)
        _ensure_site(conn)
        _finish_interrupted_load(conn)
        return Database(path, conn)
    except sqlite3.OperationalError as error:
        conn.close()
        raise storage_problem(error, path) or error from error
    except BaseException:
        conn.close()
        raise


def _finish_interrupted_load(conn: sqlite3.Connection) -> None:
    """Rebuild the indexes of a bulk load (the demo) that died before its end (``models.bulk_load``)."""
    if bulk_load_pending(conn):
        conn.execute("BEGIN IMMEDIATE")
        try:
            finish_bulk_load(conn)
            conn.execute("COMMIT")
        except BaseException:
            conn.execute("ROLLBACK")
            raise


def _connect(path: str) -> sqlite3.Connection:
    try:
        Path(path).parent.mkdir(parents=True, exist_ok=True)
        return sqlite3.connect(path, isolation_level=None, timeout=BUSY_TIMEOUT_MS / 1000)
    except (sqlite3.Error, OSError) as error:
        raise DatabaseFileError(
            f"无法打开数据库文件 {path}：{error}。请检查路径和权限。",
            f"Cannot open database file {path}: {error}. Check the path and permissions.",
        ) from error


def _configure(conn: sqlite3.Connection) -> None:
    conn.execute("PRAGMA journal_mode = WAL")
    conn.execute("PRAGMA synchronous = FULL")
    conn.execute("PRAGMA foreign_keys = ON")
    conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")


def _inspect_read_only(path: str) -> bool:
    """Refuse, without writing, a file that is not a registry this program can open; whether it is current
    (nothing to migrate).

    The file is read through SQLite only.  Opening and closing it with plain
    ``open()`` would drop the POSIX locks of every connection this process
    already holds on it (SQLite's "how to corrupt" §2.2), and another
    process could then checkpoint and delete the write-ahead log under them.
    """
    uri = Path(path).resolve().as_uri() + "?mode=ro"
    try:
        conn = sqlite3.connect(uri, uri=True)
        try:
            app_id, version, tables = _read_identity(conn)
        finally:
            conn.close()
    except sqlite3.DatabaseError as error:
        if getattr(error, "sqlite_errorname", "") == "SQLITE_NOTADB":
            raise _not_a_database(path) from error
        raise DatabaseFileError(
            f"数据库文件 {path} 已损坏（{error}），程序没有修改它。请从备份恢复。",
            f"The database file {path} is corrupt ({error}); it was not modified. Restore it from a backup.",
        ) from error
    _check_identity(path, app_id, version, tables)
    return _is_current(app_id, version, tables)


def _read_identity(conn: sqlite3.Connection) -> tuple[int, int, set[str]]:
    app_id = conn.execute("PRAGMA application_id").fetchone()[0]
    version = conn.execute("PRAGMA user_version").fetchone()[0]
    tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    names: set[str] = set()
    if "_sqlite_migrations" in tables:
        names = {
            r[0]
            for r in conn.execute(
                "SELECT name FROM _sqlite_migrations WHERE migration_set = ?", (migrations.MIGRATION_SET,)
            )
        }
    conn.execute("PRAGMA schema_version").fetchone()
    return app_id, version, tables | {f"migration:{n}" for n in names}


def _check_identity(path: str, app_id: int, version: int, tables: set[str]) -> None:
    user_tables = {t for t in tables if not t.startswith(("sqlite_", "migration:"))}
    if app_id != APPLICATION_ID and user_tables:
        raise DatabaseFileError(
            f"{path} 是 SQLite 文件，但不是建档数据库，程序没有修改它。请选择正确的文件。",
            f"{path} is an SQLite file but not a Jiandang database; it was not modified. Choose the right file.",
        )
    applied = {t.split(":", 1)[1] for t in tables if t.startswith("migration:")}
    unknown = applied - set(migrations.KNOWN_NAMES)
    if version > migrations.SCHEMA_VERSION or unknown:
        raise NewerDatabaseError(
            f"数据库 {path} 由更新版本的建档程序写入（结构版本 {version}，本程序支持 {migrations.SCHEMA_VERSION}）。"
            "请升级程序后再打开；文件没有被修改。",
            f"The database {path} was written by a newer version of Jiandang (schema {version}, this "
            f"program supports {migrations.SCHEMA_VERSION}). Upgrade the program; the file was not modified.",
        )


def _not_a_database(path: str) -> DatabaseFileError:
    return DatabaseFileError(
        f"{path} 不是数据库文件，程序没有修改它。请选择建档数据库（.db）文件。",
        f"{path} is not a database file; it was not modified. Choose a Jiandang database (.db) file.",
    )


def _upgrade(conn: sqlite3.Connection, current: bool) -> None:
    """Migrate and seed what is missing; a current, seeded file is only read (so a read-only one opens)."""
    from models.seed import reference_data_missing, seed_reference_data

    if not current:
        migrations.apply_all(SqliteUtilsDatabase(conn, execute_plugins=False))
        conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")
    if reference_data_missing(conn):
        seed_reference_data(conn)


def _is_current(app_id: int, version: int, tables: set[str]) -> bool:
    applied = {t.split(":", 1)[1] for t in tables if t.startswith("migration:")}
    return app_id == APPLICATION_ID and version == migrations.SCHEMA_VERSION and applied >= set(migrations.KNOWN_NAMES)


def storage_problem(error: sqlite3.OperationalError, path: str) -> DatabaseFileError | None:
    """A clear message for a database that cannot be written now (read-only, or in use), else None."""
    text = str(error).lower()
    zh_name, en_name = (f" {Path(path).name} ", f" {Path(path).name}") if path else ("", "")
    if "readonly" in text or "read-only" in text:
        return DatabaseFileError(
            f"数据库文件{zh_name}是只读的（在光盘或只读 U 盘上，或被设为只读），修改没有保存。可以查看和打印；"
            "要修改，请把文件复制到可以写入的文件夹后再打开。",
            f"The database file{en_name} is read-only (on a disc or locked stick, or marked read-only); the change "
            "was not saved. It can be viewed and printed; to edit it, copy it to a writable folder and open the copy.",
        )
    if "locked" in text or "busy" in text:
        return DatabaseFileError(
            f"数据库文件{zh_name}正被另一个程序使用（可能另开了一个建档窗口，或正在备份、导入），修改没有保存。"
            "请稍后再试，或先关闭另一个窗口。",
            f"The database file{en_name} is in use by another program (another Jiandang window, a backup or an "
            "import); the change was not saved. Try again in a moment, or close the other window first.",
        )
    return None


def _ensure_site(conn: sqlite3.Connection) -> None:
    if conn.execute("SELECT 1 FROM sync_state WHERE id = 1").fetchone() is None:
        conn.execute(
            "INSERT INTO sync_state(id, site_id, hlc, seq, last_hash) VALUES (1, ?, 0, 0, '')",
            (str(uuid.uuid4()),),
        )
