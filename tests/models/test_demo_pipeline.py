"""The demo's write pipeline: the worker process, the search index order, the fast ID numbers."""

from __future__ import annotations

import datetime
import random
import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest

from models import demo_stream
from models.changes import SYNC_TABLES
from models.db import Database, open_database
from models.demo import generate_demo
from models.demo_people import PeopleMaker
from models.demo_rand import Rand
from models.dump import dump_json
from models.idcard import make_id_number
from models.registry import Registry
from models.search import rebuild_index, search

INDEX_SQL = (
    "SELECT d.doc, d.household_id, d.member_id, t.terms, g.digits FROM search_docs d "
    "LEFT JOIN search_terms t ON t.rowid = d.doc LEFT JOIN search_digits g ON g.rowid = d.doc ORDER BY d.doc"
)


def _generate(path: Path, households: int, seed: int, worker: bool) -> Database:
    db = open_database(path)
    generate_demo(db, households=households, seed=seed, worker=worker)
    return db


def _log(db: Database) -> list[tuple]:
    """The change log without what depends on the site and the wall clock."""
    return db.conn.execute("SELECT seq, user, tbl, pk, scope, op, cl, vals FROM change_log ORDER BY seq").fetchall()


@pytest.fixture(scope="module")
def in_process(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Database]:
    db = _generate(tmp_path_factory.mktemp("demo") / "here.db", 700, 5, worker=False)
    yield db
    db.close()


def test_the_worker_process_writes_the_same_registry(in_process: Database, tmp_path: Path) -> None:
    other = _generate(tmp_path / "worker.db", 700, 5, worker=True)
    try:
        assert dump_json(other.conn) == dump_json(in_process.conn)
        assert _log(other) == _log(in_process)
        assert other.conn.execute(INDEX_SQL).fetchall() == in_process.conn.execute(INDEX_SQL).fetchall()
        assert Registry(other).verify_audit_chain() == []
    finally:
        other.close()


def test_every_row_has_its_change_record_and_the_chain_verifies(in_process: Database) -> None:
    for table in SYNC_TABLES:
        if table in ("code_values", "poverty_lines"):  # seeded reference rows carry no change record
            continue
        rows = in_process.conn.execute(f"SELECT COUNT(*) FROM {table}").fetchone()[0]
        logged = in_process.conn.execute(
            "SELECT COUNT(*) FROM change_log WHERE tbl = ? AND op = 'insert'", (table,)
        ).fetchone()[0]
        assert rows == logged, table
    assert Registry(in_process).verify_audit_chain() == []


def test_the_connection_settings_are_restored(in_process: Database) -> None:
    assert in_process.conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert in_process.conn.execute("PRAGMA synchronous").fetchone()[0] == 2  # FULL
    assert in_process.conn.execute("PRAGMA cache_size").fetchone()[0] == -2000


def test_a_second_connection_keeps_the_write_ahead_log(tmp_path: Path) -> None:
    db = open_database(tmp_path / "t.db")
    reader = sqlite3.connect(tmp_path / "t.db")
    try:
        reader.execute("SELECT COUNT(*) FROM households").fetchone()
        generate_demo(db, households=40, seed=4)
        assert db.conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert reader.execute("SELECT COUNT(*) FROM households").fetchone()[0] == 40
        assert db.conn.execute("PRAGMA foreign_key_check").fetchall() == []
    finally:
        reader.close()
        db.close()


def test_the_index_equals_a_rebuilt_one_when_villages_are_drawn_out_of_code_order(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    drawn = []

    def backwards(rand: Rand, households: int) -> object:
        county = plan(rand, households)
        county.villages.reverse()  # a county's 乡 villages are drawn before later 镇 ones
        drawn.extend(v.code for v in county.villages)
        return county

    plan = demo_stream.plan_county
    monkeypatch.setattr(demo_stream, "plan_county", backwards)
    db = _generate(tmp_path / "t.db", 1200, 3, worker=False)
    try:
        assert len(drawn) >= 3 and drawn == sorted(drawn, reverse=True)
        built = db.conn.execute(INDEX_SQL).fetchall()
        with db.write():
            rebuild_index(db.conn)
        assert db.conn.execute(INDEX_SQL).fetchall() == built
        name = db.conn.execute("SELECT name FROM members ORDER BY id LIMIT 1").fetchone()[0]
        assert any(hit.name == name for hit in search(db.conn, name, limit=500).hits)
    finally:
        db.close()


def test_a_failing_worker_is_reported_not_waited_for() -> None:
    parameters = {"seed": 1, "households": 10, "current_year": 2019, "specs": {}}
    messages = demo_stream.stream(parameters, in_worker=True)
    with pytest.raises(demo_stream.DemoWorkerError, match="KeyError") as raised:
        list(messages)
    assert "demo worker process failed" in raised.value.message("en")


def test_fast_id_numbers_equal_make_id_number() -> None:
    people = PeopleMaker(Rand(1, 2019), "621190")
    pick = random.Random(9)
    first, last = datetime.date(1900, 1, 1).toordinal(), datetime.date(2019, 6, 30).toordinal()
    for _ in range(20000):
        birth, sequence = pick.randint(first, last), pick.randint(0, 999)
        assert people.id_text(birth, sequence) == make_id_number("621190", datetime.date.fromordinal(birth), sequence)
