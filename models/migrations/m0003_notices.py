"""0003: the archive of generated notices (公示/公告 存档).

``notices`` (syncable, insert-only): one row for every notice generated for
posting: kind, village, year, the notice period, the households listed (JSON
list of ids, in notice order), who made it and when, its SHA-256, its page
count and the file name of the PDF kept in the data folder (``notices/``). The
PDF itself stays on the computer that made it; the row travels with the data so
the township knows what was posted and can check a copy against the hash.
Objections link to a row through ``objections.notice_id`` (migration 0002).
"""

from __future__ import annotations

from sqlite_utils import Database

from models.migrations.m0001_initial import SYNC_COLS, _statements

NAME = "0003_notices"

DDL = f"""
CREATE TABLE notices (             -- 公示存档, insert-only
    id TEXT PRIMARY KEY,
    kind TEXT NOT NULL,            -- exports.notice_kinds.KINDS key
    village_code TEXT NOT NULL,
    year INTEGER NOT NULL,
    start_date TEXT NOT NULL,
    end_date TEXT NOT NULL,
    days INTEGER NOT NULL,
    household_ids TEXT NOT NULL,   -- JSON list of household ids, in notice order
    household_count INTEGER NOT NULL,
    operator TEXT NOT NULL,
    created_at TEXT NOT NULL,      -- local date and time, ISO
    sha256 TEXT NOT NULL,
    file_name TEXT NOT NULL,       -- under the data folder's notices/
    pages INTEGER NOT NULL,
    paper TEXT NOT NULL,
    options TEXT,                  -- JSON: columns, two-up, phone, office, issuing body, evaluated by
    {SYNC_COLS}
);
CREATE INDEX notices_village ON notices(village_code, year);
"""


def migrate(db: Database) -> None:
    """Create the notice archive."""
    for statement in _statements(DDL):
        db.execute(statement)
