"""The archive of generated notices: what was posted, when, by whom, and the exact PDF.

Every notice generated for posting gets an insert-only ``notices`` row (kind,
village, period, households, operator, time, SHA-256, file name) and its PDF
is kept under the data folder in ``notices/``, so the clerk can later show
exactly what was posted, and check a copy against the hash.
"""

from __future__ import annotations

import datetime
import hashlib
import json
import os
import sqlite3
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from models.changes import new_id
from models.db import Database
from models.errors import JiandangError, NotFoundError
from models.paths import data_dir

FOLDER = "notices"
OK, MISSING, CHANGED = "ok", "missing", "changed"


class ArchiveFileError(JiandangError):
    """The archived PDF is missing from this computer or no longer matches its SHA-256."""


@dataclass(frozen=True)
class ArchivedNotice:
    """One row of the archive."""

    id: str
    kind: str
    village_code: str
    year: int
    start_date: str
    end_date: str
    days: int
    household_ids: list[str]
    operator: str
    created_at: str
    sha256: str
    file_name: str
    pages: int
    paper: str
    options: dict[str, Any] = field(default_factory=dict)

    @property
    def path(self) -> Path:
        """Where this computer keeps the PDF."""
        return notices_dir() / self.file_name


def notices_dir() -> Path:
    """The folder of archived notice PDFs (in the data folder)."""
    return data_dir() / FOLDER


def sha256_of(data: bytes) -> str:
    """Hex SHA-256 of ``data``."""
    return hashlib.sha256(data).hexdigest()


def archive_notice(
    db: Database,
    pdf: bytes,
    *,
    kind: str,
    village_code: str,
    year: int,
    start: datetime.date,
    days: int,
    household_ids: list[str],
    pages: int,
    paper: str,
    options: dict[str, Any] | None = None,
    operator: str | None = None,
    now: datetime.datetime | None = None,
) -> ArchivedNotice:
    """Keep the PDF in the data folder and record it (one insert-only row); returns the record.

    The file is written first (completely, then renamed); if the row cannot be
    written the file is removed again, so the archive never lists a notice it
    does not hold.
    """
    notice_id = new_id()
    end = start + datetime.timedelta(days=days - 1)
    name = f"{year}_{village_code}_{kind}_{start:%Y%m%d}_{notice_id[:8]}.pdf"
    path = _write_file(name, pdf)
    values = {
        "id": notice_id,
        "kind": kind,
        "village_code": village_code,
        "year": year,
        "start_date": start.isoformat(),
        "end_date": end.isoformat(),
        "days": days,
        "household_ids": json.dumps(list(household_ids)),
        "household_count": len(household_ids),
        "operator": operator or db.operator(),
        "created_at": (now or datetime.datetime.now()).isoformat(timespec="seconds"),
        "sha256": sha256_of(pdf),
        "file_name": name,
        "pages": pages,
        "paper": paper,
        "options": json.dumps(options or {}, ensure_ascii=False, sort_keys=True),
    }
    try:
        with db.write(values["operator"]) as writer:
            writer.insert("notices", values)
    except BaseException:
        path.unlink(missing_ok=True)
        raise
    return _record(values)


def _write_file(name: str, data: bytes) -> Path:
    folder = notices_dir()
    folder.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(prefix=".notice-", suffix=".pdf", dir=folder)
    try:
        with open(handle, "wb") as stream:
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
        os.replace(temporary, folder / name)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
    return folder / name


_COLUMNS = (
    "id, kind, village_code, year, start_date, end_date, days, household_ids, operator, created_at, sha256, "
    "file_name, pages, paper, options"
)


def _record(row: dict[str, Any]) -> ArchivedNotice:
    values = {k: row[k] for k in _COLUMNS.split(", ")}
    values["household_ids"] = json.loads(row["household_ids"])
    values["options"] = json.loads(row["options"] or "{}")
    return ArchivedNotice(**values)


def _rows(conn: sqlite3.Connection, sql: str, params: tuple = ()) -> list[ArchivedNotice]:
    cursor = conn.execute(f"SELECT {_COLUMNS} FROM notices {sql}", params)
    names = [d[0] for d in cursor.description]
    return [_record(dict(zip(names, r, strict=True))) for r in cursor.fetchall()]


def list_notices(conn: sqlite3.Connection, village_code: str | None = None) -> list[ArchivedNotice]:
    """Archived notices, newest first (of one village, or all)."""
    if village_code:
        return _rows(conn, "WHERE village_code = ? ORDER BY created_at DESC, id", (village_code,))
    return _rows(conn, "ORDER BY created_at DESC, id")


def get_notice(conn: sqlite3.Connection, notice_id: str) -> ArchivedNotice:
    """One archived notice; NotFoundError when there is none with that id."""
    found = _rows(conn, "WHERE id = ?", (notice_id,))
    if not found:
        raise NotFoundError("找不到该公示存档记录。", "No such archived notice.")
    return found[0]


def check_file(notice: ArchivedNotice) -> str:
    """``ok``, ``missing`` (not on this computer) or ``changed`` (the file no longer matches its SHA-256)."""
    if not notice.path.is_file():
        return MISSING
    return OK if sha256_of(notice.path.read_bytes()) == notice.sha256 else CHANGED


def read_archived(notice: ArchivedNotice) -> bytes:
    """The archived PDF, exactly as generated; ArchiveFileError when it is missing or was changed."""
    if not notice.path.is_file():
        raise ArchiveFileError(
            f"存档文件 {notice.file_name} 不在本机的数据文件夹中（可能是在其他电脑上生成的）。",
            f"The archived file {notice.file_name} is not in this computer's data folder (made elsewhere?).",
        )
    data = notice.path.read_bytes()
    if sha256_of(data) != notice.sha256:
        raise ArchiveFileError(
            f"存档文件 {notice.file_name} 已被改动，与存档时的校验值（SHA-256）不符，不能作为原件重印。",
            f"The archived file {notice.file_name} was changed: it no longer matches its SHA-256.",
        )
    return data


def notice_covering(conn: sqlite3.Connection, household_id: str, day: str) -> ArchivedNotice | None:
    """The latest archived notice listing the household whose period includes ``day`` (for linking objections)."""
    found = _rows(
        conn,
        "WHERE start_date <= ? AND end_date >= ? AND EXISTS (SELECT 1 FROM json_each(notices.household_ids) "
        "WHERE value = ?) ORDER BY start_date DESC, created_at DESC LIMIT 1",
        (day, day, household_id),
    )
    return found[0] if found else None
