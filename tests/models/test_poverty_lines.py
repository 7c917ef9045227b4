"""The editable poverty-line table, written through the change log."""

from __future__ import annotations

import pytest

from models.db import Database
from models.errors import JiandangError, ValidationFailed
from models.incomes import poverty_line
from models.poverty_lines import PovertyLine, delete_poverty_line, poverty_lines, set_poverty_line


def test_lines_are_seeded_changed_added_and_deleted_with_an_audit_trail(database: Database) -> None:
    assert PovertyLine(2019, "1", 3218.0) in poverty_lines(database)
    set_poverty_line(database, 2019, "1", "3300")
    set_poverty_line(database, 2019, "2", 3600.5)
    assert poverty_line(database.conn, 2019, "1") == 3300.0
    assert poverty_line(database.conn, 2019, "2") == 3600.5
    delete_poverty_line(database, 2019, "2")
    assert poverty_line(database.conn, 2019, "2") == 3300.0  # falls back to the national line
    logged = database.conn.execute("SELECT op FROM change_log WHERE tbl = 'poverty_lines' ORDER BY seq").fetchall()
    assert [r[0] for r in logged] == ["update", "insert", "delete"]


@pytest.mark.parametrize(
    ("year", "standard", "amount", "field"),
    [
        (1999, "1", 3000, "year"),
        ("20x9", "1", 3000, "year"),
        (2019, "9", 3000, "standard"),
        (2019, "1", 0, "amount"),
        (2019, "1", "abc", "amount"),
        (2019, "1", 1e6, "amount"),
    ],
)
def test_bad_rows_are_refused(database: Database, year, standard, amount, field: str) -> None:
    with pytest.raises(ValidationFailed) as refused:
        set_poverty_line(database, year, standard, amount)
    assert [p.field for p in refused.value.problems] == [field]


def test_deleting_a_missing_line_is_an_error(database: Database) -> None:
    with pytest.raises(JiandangError):
        delete_poverty_line(database, 1990, "1")
