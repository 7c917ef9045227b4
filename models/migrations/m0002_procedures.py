"""0002: procedures, objections and the exit test's 两不愁 flag.

- ``objections`` (syncable): an objection raised against a household while it is
  listed on a notice (公示). ``notice_id`` links it to the posted notice once the
  notices feature records one; it stays NULL until then. Resolving an objection
  updates ``status`` (open → upheld / rejected), ``resolution`` and the dates.
- ``households.food_clothing_secure``: 不愁吃、不愁穿 as checked by the work team
  (1 yes, 0 no, NULL not checked), one item of the exit test.
- an index so that the procedure state of a whole village is read in one scan.
"""

from __future__ import annotations

from sqlite_utils import Database

from models.migrations.m0001_initial import SYNC_COLS, _statements

NAME = "0002_procedures"

DDL = f"""
CREATE TABLE objections (          -- 公示期间的异议
    id TEXT PRIMARY KEY,
    household_id TEXT NOT NULL REFERENCES households(id),
    village_code TEXT,
    procedure TEXT NOT NULL,
    year INTEGER NOT NULL,
    step TEXT NOT NULL,            -- the notice step the objection is raised against
    notice_id TEXT,                -- the posted notice, when the notices feature knows it
    raised_by TEXT,
    raised_date TEXT NOT NULL,
    content TEXT NOT NULL,
    status TEXT NOT NULL DEFAULT 'open',   -- open / upheld / rejected
    resolution TEXT,
    resolved_date TEXT,
    resolved_by TEXT,
    {SYNC_COLS}
);
CREATE INDEX objections_household ON objections(household_id, procedure, year);
CREATE INDEX objections_notice ON objections(notice_id);

ALTER TABLE households ADD COLUMN food_clothing_secure INTEGER;

CREATE INDEX workflow_events_village ON workflow_events(village_code, procedure, year);
"""


def migrate(db: Database) -> None:
    """Add the objections table, the 两不愁 flag and the procedure index."""
    for statement in _statements(DDL):
        db.execute(statement)
