"""Numbered schema migrations, applied by sqlite-utils' ``Migrations``.

Each migration lives in its own module ``mNNNN_name.py`` and is never edited
once released: a change to the schema is a new, higher-numbered module.
"""

from __future__ import annotations

from sqlite_utils import Database
from sqlite_utils.migrations import Migrations

from models.migrations import m0001_initial, m0002_procedures, m0003_notices, m0004_sync, m0005_excel

MIGRATION_SET = "jiandang"
MIGRATIONS = Migrations(MIGRATION_SET)

_MODULES = [m0001_initial, m0002_procedures, m0003_notices, m0004_sync, m0005_excel]

for _module in _MODULES:
    MIGRATIONS(name=_module.NAME)(_module.migrate)

KNOWN_NAMES: tuple[str, ...] = tuple(m.NAME for m in _MODULES)
SCHEMA_VERSION = len(KNOWN_NAMES)


def applied_names(db: Database) -> list[str]:
    """Names of the migrations already applied to ``db``, in order."""
    return [m.name for m in MIGRATIONS.applied(db)]


def apply_all(db: Database) -> None:
    """Bring ``db`` up to the newest schema; each migration is its own transaction."""
    MIGRATIONS.apply(db)
    db.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
