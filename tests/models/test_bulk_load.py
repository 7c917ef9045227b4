"""Bulk loads drop indexes and pause the search index; an interrupted load is finished at the next start."""

from __future__ import annotations

from pathlib import Path

from models.bulk_load import begin_bulk_load, bulk_load_pending, finish_bulk_load
from models.db import open_database
from models.registry import Registry
from models.search import search

INDEXES = ("change_log_scope", "change_log_row")


def _indexes(db) -> set[str]:  # noqa: ANN001 - a Database
    return {r[0] for r in db.conn.execute("SELECT name FROM sqlite_master WHERE type = 'index'")}


def _automerge(db) -> int:  # noqa: ANN001
    # the FTS5 config row 'automerge' is absent while it has its default (4)
    row = db.conn.execute("SELECT v FROM search_terms_config WHERE k = 'automerge'").fetchone()
    return 4 if row is None else row[0]


def test_a_load_that_died_gets_its_indexes_back_when_the_file_is_next_opened(tmp_path: Path) -> None:
    path = tmp_path / "t.db"
    db = open_database(path)
    with db.write() as writer:
        begin_bulk_load(db.conn, INDEXES)
        writer.insert("regions", {"code": "621121103201", "name": "文峰村", "level": 5})
    assert not _indexes(db) & set(INDEXES)
    assert bulk_load_pending(db.conn) and _automerge(db) == 0
    db.close()  # the program dies here, before finish_bulk_load

    db = open_database(path)
    try:
        assert set(INDEXES) <= _indexes(db)
        assert not bulk_load_pending(db.conn)
        assert _automerge(db) == 4
        assert db.conn.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    finally:
        db.close()


def test_finishing_rebuilds_the_indexes_and_the_search_works(tmp_path: Path) -> None:
    db = open_database(tmp_path / "t.db")
    try:
        registry = Registry(db)
        with db.write() as writer:
            begin_bulk_load(db.conn, INDEXES)
            writer.insert("regions", {"code": "621121103201", "name": "文峰村", "level": 5})
        with db.write():
            assert finish_bulk_load(db.conn) is True
        with db.write():
            assert finish_bulk_load(db.conn) is False  # nothing pending any more
        assert set(INDEXES) <= _indexes(db)
        plan = db.conn.execute("EXPLAIN QUERY PLAN SELECT * FROM change_log WHERE scope = 'x'").fetchall()
        assert "change_log_scope" in str(plan)
        assert registry is not None and search(db.conn, "文峰", limit=5).hits == []
    finally:
        db.close()
