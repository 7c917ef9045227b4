"""Prepared rows (models.bulk_rows) written with ChangeWriter.insert_prepared equal what insert_many writes."""

from __future__ import annotations

import sqlite3
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from models.bulk_rows import prepare_rows, table_spec
from models.change_chain import ChainHead, chain_rows
from models.changes import table_columns
from models.clock import HybridClock
from models.db import Database, open_database
from models.registry import Registry

VILLAGE = "621121103201"
FIXED_MS = 1_500_000_000_000


@pytest.fixture(scope="module")
def pair(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Database, Database]]:
    """Two registries that write identical bytes for identical writes: same site, same frozen clock."""
    folder = tmp_path_factory.mktemp("bulk")
    first, second = open_database(folder / "a.db"), open_database(folder / "b.db")
    second.site_id = first.site_id
    for db in (first, second):
        db.clock = HybridClock(0, now=lambda: FIXED_MS)
        with db.write(user="测试") as writer:
            writer.insert_many("regions", [{"id": "region-1", "code": VILLAGE, "name": "文峰村", "level": 5}])
    yield first, second
    first.close()
    second.close()


def _write_both(pair: tuple[Database, Database], table: str, rows: list[dict]) -> list[str]:
    """insert_many into the first registry, prepare_rows + insert_prepared into the second; the outcomes."""
    first, second = pair
    outcomes = []
    for db, prepared in ((first, False), (second, True)):
        try:
            with db.write(user="测试") as writer:
                if prepared:
                    writer.insert_prepared(table, prepare_rows(table_spec(db.conn, table), rows))
                else:
                    writer.insert_many(table, rows)
            outcomes.append("ok")
        except (ValueError, TypeError, OverflowError, sqlite3.Error) as error:
            outcomes.append(type(error).__name__)
    return outcomes


def _snapshot(db: Database, table: str, since: int) -> tuple[list, list, tuple]:
    return (
        db.conn.execute(f"SELECT * FROM {table} ORDER BY _hlc").fetchall(),
        db.conn.execute("SELECT * FROM change_log WHERE seq > ? ORDER BY seq", (since,)).fetchall(),
        db.conn.execute("SELECT seq, last_hash, hlc FROM sync_state").fetchone(),
    )


def _assert_same(pair: tuple[Database, Database], table: str, since: int = 0) -> None:
    first, second = (_snapshot(db, table, since) for db in pair)
    assert first == second


def _last_seq(db: Database) -> int:
    return db.conn.execute("SELECT seq FROM sync_state").fetchone()[0]


TEXTS = st.one_of(st.none(), st.text(max_size=8), st.sampled_from(["", "  ", " 01 ", "张三", '引"号\\', "\t\n"]))
NUMBERS = st.one_of(st.none(), st.integers(-(10**6), 10**6), st.booleans(), st.sampled_from(["", " ", "7", " 12 "]))
REALS = st.one_of(
    st.none(),
    st.floats(allow_nan=True, allow_infinity=True),
    st.integers(-(10**6), 10**6),
    st.booleans(),
    st.sampled_from(["", "3.14159", " 2 ", "1e3"]),
)


@st.composite
def households(draw: st.DrawFn) -> dict:
    """A households row with odd but storable values in every column."""
    row: dict = {"village_code": VILLAGE}
    for column, declared in HOUSEHOLD_COLUMNS.items():
        if column not in row and draw(st.booleans()):
            row[column] = draw({"TEXT": TEXTS, "INTEGER": NUMBERS, "REAL": REALS}[declared])
    return row


HOUSEHOLD_COLUMNS: dict[str, str] = {}


@pytest.fixture(scope="module", autouse=True)
def _columns(pair: tuple[Database, Database]) -> None:
    HOUSEHOLD_COLUMNS.update({c: t for c, t in table_columns(pair[0].conn, "households").items() if c != "group_id"})


@settings(max_examples=60, deadline=None)
@given(rows=st.lists(households(), min_size=1, max_size=6))
def test_prepared_rows_write_exactly_what_insert_many_writes(pair: tuple[Database, Database], rows: list) -> None:
    rows = [{"id": str(uuid.uuid4()), **row} for row in rows]
    since = _last_seq(pair[0])
    first, second = _write_both(pair, "households", rows)
    assert first == second
    _assert_same(pair, "households", since)


def test_defaults_floats_and_scopes_match_for_child_rows(pair: tuple[Database, Database]) -> None:
    household = str(uuid.uuid4())
    assert _write_both(pair, "households", [{"id": household, "village_code": VILLAGE}]) == ["ok", "ok"]
    incomes = [
        {
            "id": str(uuid.uuid4()),
            "household_id": household,
            "year": 2016 + i,
            "population": 3,
            "wage": 1234.5 + i / 3,
            "dibao": None,
            "pension": "120.5",
            "tekun": 0.1 + 0.2,
        }
        for i in range(3)
    ]
    members = [
        {
            "id": str(uuid.uuid4()),
            "household_id": household,
            "name": f" 张{i} ",
            "relation": "01" if i == 0 else "03",
            "sort": i,
            "in_household": None,
        }
        for i in range(2)
    ]
    since = _last_seq(pair[0])
    assert _write_both(pair, "incomes", incomes) == ["ok", "ok"]
    assert _write_both(pair, "members", members) == ["ok", "ok"]
    _assert_same(pair, "incomes", since)
    _assert_same(pair, "members", since)
    stored = pair[1].conn.execute("SELECT name, in_household FROM members ORDER BY sort").fetchall()
    assert stored == [("张0", 1), ("张1", 1)]  # stripped, column default
    scopes = (
        pair[1]
        .conn.execute("SELECT DISTINCT scope FROM change_log WHERE seq > ? AND tbl != 'households'", (since,))
        .fetchall()
    )
    assert scopes == [(household,)]


def test_a_recreated_row_gets_the_next_causal_length_either_way(pair: tuple[Database, Database]) -> None:
    household = str(uuid.uuid4())
    for db in pair:
        with db.write(user="测试") as writer:
            writer.insert_many("households", [{"id": household, "village_code": VILLAGE}])
        with db.write(user="测试") as writer:
            writer.delete("households", household)
    since = _last_seq(pair[0])
    assert _write_both(pair, "households", [{"id": household, "village_code": VILLAGE, "phone": "1"}]) == ["ok"] * 2
    _assert_same(pair, "households", since)
    assert pair[1].conn.execute("SELECT _cl FROM households WHERE id = ?", (household,)).fetchone() == (3,)


@pytest.mark.parametrize("user", ["O'Brien 李'四", "nul\x00name"])
def test_any_user_name_is_recorded_as_insert_many_records_it(pair: tuple[Database, Database], user: str) -> None:
    since = _last_seq(pair[0])
    row = {"id": str(uuid.uuid4()), "village_code": VILLAGE, "note": "x"}
    for db in pair:
        with db.write(user=user) as writer:
            if db is pair[0]:
                writer.insert_many("households", [row])
            else:
                writer.insert_prepared("households", prepare_rows(table_spec(db.conn, "households"), [row]))
    _assert_same(pair, "households", since)
    assert pair[1].conn.execute("SELECT user FROM change_log WHERE seq > ?", (since,)).fetchall() == [(user,)]


def test_the_hash_chain_verifies_after_prepared_inserts(pair: tuple[Database, Database]) -> None:
    assert Registry(pair[1]).verify_audit_chain() == []


def test_unknown_columns_and_wrong_widths_are_refused(tmp_path: Path) -> None:
    db = open_database(tmp_path / "t.db")
    try:
        spec = table_spec(db.conn, "households")
        with pytest.raises(ValueError, match="unknown column"):
            prepare_rows(spec, [{"village_code": VILLAGE, "colour": "red"}])
        with pytest.raises(ValueError, match="values"), db.write() as writer:
            writer.insert_prepared("households", [("x", ("too", "few"), "x", "{}")])
        assert db.conn.execute("SELECT COUNT(*) FROM change_log").fetchone()[0] == 0
    finally:
        db.close()


def _head(db: Database) -> ChainHead:
    seq, last_hash = db.conn.execute("SELECT seq, last_hash FROM sync_state").fetchone()
    return ChainHead(db.site_id, "测试", seq, last_hash, db.clock.peek() - 1)


def _household_rows(db: Database, count: int) -> list:
    rows = [{"id": str(uuid.uuid4()), "village_code": VILLAGE, "phone": str(n)} for n in range(count)]
    return prepare_rows(table_spec(db.conn, "households"), rows)


def _village_db(path: Path) -> Database:
    db = open_database(path)
    with db.write(user="测试") as writer:
        writer.insert("regions", {"code": VILLAGE, "name": "文峰村", "level": 5})
    return db


def test_rows_chained_ahead_continue_the_log_and_verify(tmp_path: Path) -> None:
    db = _village_db(tmp_path / "t.db")
    try:
        head, first = chain_rows(_head(db), "households", _household_rows(db, 3))
        _, second = chain_rows(head, "households", _household_rows(db, 2))
        with db.write(user="测试") as writer:
            assert writer.insert_chained(first) + writer.insert_chained(second) == 5
        with db.write(user="测试") as writer:  # an ordinary write afterwards continues the same chain
            writer.insert("households", {"village_code": VILLAGE})
        assert Registry(db).verify_audit_chain() == []
        assert db.conn.execute("SELECT count(*), max(seq) FROM change_log").fetchone() == (7, 7)
        clocks = [r[0] for r in db.conn.execute("SELECT hlc FROM change_log ORDER BY seq")]
        assert clocks == sorted(set(clocks))
    finally:
        db.close()


@pytest.mark.parametrize("broken", ["gap", "fork", "clock", "site"])
def test_a_chain_that_does_not_continue_the_log_is_refused_whole(tmp_path: Path, broken: str) -> None:
    db = _village_db(tmp_path / "t.db")
    try:
        with db.write(user="测试") as writer:
            writer.insert("households", {"village_code": VILLAGE})
        head = _head(db)
        head = {
            "gap": head._replace(seq=head.seq + 1),
            "fork": head._replace(last_hash="0" * 64),
            "clock": head._replace(hlc=0),
            "site": head._replace(site="another-site"),
        }[broken]
        _, chained = chain_rows(head, "households", _household_rows(db, 2))
        with pytest.raises(ValueError, match="chained households"), db.write(user="测试") as writer:
            writer.insert_chained(chained)
        assert db.conn.execute("SELECT count(*) FROM households").fetchone()[0] == 1
        assert db.conn.execute("SELECT count(*) FROM change_log").fetchone()[0] == 2
    finally:
        db.close()
