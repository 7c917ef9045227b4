"""What the household list reads off the GUI thread: the ids to show, the first screen of rows, warning counts."""

from __future__ import annotations

from models.db import Database
from models.household_list import HIT_LIMIT, HouseholdRow, ListQuery, household_ids, household_rows, search_households
from models.search_match import HouseholdMatch

FIRST_SCREEN = 60  # rows whose cells come with the ids
ListResult = tuple[list[str], bool, dict[str, HouseholdRow], dict[str, HouseholdMatch]]


def warning_counts(db: Database, year: int | None) -> dict[str, int] | None:
    """Warnings per household from models.warnings (issue 4), or None while it does not exist."""
    try:
        from models.warnings import warning_counts as counts
    except ImportError:
        return None
    return counts(db.conn, year=year)


def load_list(
    db: Database, query: ListQuery, text: str, warnings: dict[str, int] | None, limit: int = HIT_LIMIT
) -> ListResult:
    """Runs on the worker: the search (if any, its first ``limit`` hits, with what matched in each household),
    the filtered, ordered ids, and the cells of the first screen (so showing the result needs no query on the GUI
    thread)."""
    truncated, matches = False, {}
    if text:
        found, truncated, matches = search_households(db.conn, text, query.region, limit)
        query = ListQuery(**{**query.__dict__, "only_ids": tuple(found)})
    ids = household_ids(db.conn, query, warnings)
    return ids, truncated, household_rows(db.conn, ids[:FIRST_SCREEN], query.year), matches
