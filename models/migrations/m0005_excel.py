"""0005: header mappings of Excel imports that a user confirmed, remembered on this computer.

A local table (never synced, not in the dump): the normalised text of a column
header ("身份证号") and the import field it was confirmed to mean ("member.id_number",
or "ignore"). The import wizard proposes these before its own guesses.
"""

from __future__ import annotations

from sqlite_utils import Database

NAME = "0005_excel"

SQL = """
CREATE TABLE IF NOT EXISTS excel_header_mappings (
    header TEXT PRIMARY KEY,       -- normalised header text
    target TEXT NOT NULL,          -- import field key, or 'ignore'
    confirmed_at TEXT NOT NULL     -- ISO timestamp of the last confirmation
)
"""


def migrate(db: Database) -> None:
    """Create the table of remembered header mappings."""
    db.execute(SQL)
