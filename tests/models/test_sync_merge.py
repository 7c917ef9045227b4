"""The merge rule on its own: clocks, causal length, conflicts, orphans, idempotence, gaps, forks."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from models.change_chain import chain_hash
from models.changes import canonical_json
from models.sync_fold import FIELD, Rec, fold
from models.sync_merge import merge_records
from models.sync_records import LINE_SQL, LOG_COLUMNS, encode_line
from models.sync_sequence import SiteForkError
from tests.models.sync_helpers import VILLAGE, add_regions, conflicts, integrity, logs, parked, pull, replica, state

A, B, C = (
    "a" * 8 + "-0000-4000-8000-" + "0" * 12,
    "b" * 8 + "-0000-4000-8000-" + "0" * 12,
    "c" * 8 + "-0000-4000-8000-" + "0" * 12,
)
COLUMNS = ["phone", "note"]


def insert(site: str, hlc: int, cl: int = 1, **vals: object) -> Rec:
    return Rec(site, hlc, hlc, "u", "insert", cl, dict(vals), None, None)


def update(site: str, hlc: int, base: tuple, cl: int = 1, **vals: object) -> Rec:
    return Rec(site, hlc, hlc, "u", "update", cl, dict(vals), {k: None for k in vals}, {k: list(base) for k in vals})


def delete(site: str, hlc: int, cl: int, **old: object) -> Rec:
    return Rec(site, hlc, hlc, "u", "delete", cl, {}, dict(old), {"_row": [0, 1, A]})


def test_the_newest_write_wins_and_a_concurrent_loser_is_queued_whatever_the_order() -> None:
    records = [insert(A, 1, phone="1"), update(A, 5, (0, 1, A), phone="2"), update(B, 7, (0, 1, A), phone="3")]
    for order in (records, records[::-1], [records[1], records[2], records[0]]):
        state = fold(COLUMNS, order)
        assert state.values == {"phone": "3", "note": None}
        assert [(c.kind, c.column, c.loser.value) for c in state.conflicts] == [(FIELD, "phone", "2")]


def test_a_write_built_on_the_other_is_no_conflict() -> None:
    state = fold(
        COLUMNS, [insert(A, 1, phone="1"), update(A, 5, (0, 1, A), phone="2"), update(B, 7, (0, 5, A), phone="3")]
    )
    assert state.values["phone"] == "3" and state.conflicts == []


def test_a_decision_beats_later_stale_edits_and_settles_the_losers_it_names() -> None:
    base = [insert(A, 1, phone="1"), update(A, 5, (0, 1, A), phone="2"), update(B, 7, (0, 1, A), phone="3")]
    decision = Rec(
        C,
        9,
        9,
        "clerk",
        "update",
        1,
        {"phone": "2"},
        {"phone": "3"},
        {"phone": [0, 7, B], "_prio": 1, "_resolves": [[0, 5, A]]},
    )
    stale = update(B, 20, (0, 7, B), phone="4")  # made before the decision arrived
    state = fold(COLUMNS, [*base, decision, stale])
    assert state.values["phone"] == "2" and state.col_clocks["phone"] == (1, 9, C)
    assert [c.loser.value for c in state.conflicts] == ["4"]
    after = update(A, 30, (1, 9, C), phone="5")  # made after seeing it: competes normally
    assert fold(COLUMNS, [*base, decision, stale, after]).values["phone"] == "5"


def test_causal_length_delete_then_recreate() -> None:
    created, removed = insert(A, 1, phone="1"), delete(B, 3, 2, phone="1")
    assert fold(COLUMNS, [created, removed]).exists is False
    again = insert(A, 5, 3, note="重建")
    state = fold(COLUMNS, [again, removed, created])
    assert state.exists and state.cl == 3 and state.values == {"phone": None, "note": "重建"}


def test_an_edit_the_delete_did_not_see_is_a_conflict() -> None:
    records = [insert(A, 1, phone="1"), update(B, 2, (0, 1, A), phone="9"), delete(A, 3, 2, phone="1")]
    state = fold(COLUMNS, records)
    assert not state.exists and [(c.kind, c.loser.value) for c in state.conflicts] == [("deleted", "9")]


def test_an_update_before_its_insert_waits() -> None:
    assert fold(COLUMNS, [update(B, 7, (0, 1, A), phone="3")]) is None


def test_an_insert_only_record_keeps_its_first_content_and_flags_another() -> None:
    state = fold(COLUMNS, [insert(A, 1, note="x"), insert(B, 2, note="y")], insert_only=True)
    assert state.values["note"] == "x" and [c.kind for c in state.conflicts] == ["tamper"]


def test_sqlite_writes_bundle_lines_exactly_as_python_would(tmp_path: Path) -> None:
    db = replica(tmp_path / "a.db")
    add_regions(db)
    with db.write('用户"\\\n') as writer:
        writer.insert("households", {"village_code": VILLAGE, "note": '引号"、反斜杠\\、换行\n、表情😀、\u2028'})
    for row, (line,) in zip(
        logs(db), db.conn.execute(f"SELECT {LINE_SQL} FROM change_log ORDER BY site, seq"), strict=True
    ):
        assert line == encode_line(row)
        assert json.loads(line)[11] == row[9] and canonical_json(json.loads(row[9])) == row[9]


@pytest.fixture
def pair(tmp_path: Path):
    a, b = replica(tmp_path / "a.db"), replica(tmp_path / "b.db")
    add_regions(a)
    with a.write("u") as writer:
        writer.insert("households", {"village_code": VILLAGE, "phone": "13900000001"})
    yield a, b
    a.close()
    b.close()


def test_merging_twice_changes_nothing(pair) -> None:
    a, b = pair
    first = pull(b, a)
    assert first.applied == first.received and first.rows_new == 6
    before = state(b)
    second = pull(b, a)
    assert second.duplicates == second.received and second.applied == 0 and state(b) == before


def test_records_after_a_gap_are_held_then_applied_in_order(pair) -> None:
    a, b = pair
    records = logs(a)
    held = merge_records(b, records[3:])
    assert held.held == len(records) - 3 and held.missing == {a.site_id: [[1, 3]]}
    assert b.conn.execute("SELECT count(*) FROM households").fetchone()[0] == 0
    done = merge_records(b, records[:3])
    assert done.missing == {} and state(b)[0] == state(a)[0]


def test_the_same_site_and_seq_with_other_content_is_refused_and_nothing_changes(pair) -> None:
    a, b = pair
    pull(b, a)
    before = state(b)
    forged = list(logs(a)[-1])
    forged[9] = forged[9].replace("13900000001", "13900000009")
    forged[13] = chain_hash(dict(zip(LOG_COLUMNS, forged, strict=True)))  # a consistent record, another history
    with pytest.raises(SiteForkError):
        merge_records(b, [tuple(forged)])
    assert state(b) == before


def test_a_member_whose_household_has_not_arrived_waits_and_joins_it_later(pair, tmp_path: Path) -> None:
    a, b = pair
    pull(b, a)
    c = replica(tmp_path / "c.db")
    pull(c, a)
    hid = a.conn.execute("SELECT id FROM households").fetchone()[0]
    with c.write("u") as writer:
        writer.insert("members", {"household_id": hid, "name": "张三"})
    d = replica(tmp_path / "d.db")
    merge_records(d, [r for r in logs(c) if r[0] == c.site_id])  # the member first
    assert parked(d) == [("members", parked(d)[0][1], "households", hid)] and integrity(d) == []
    merge_records(d, logs(a))
    assert parked(d) == [] and d.conn.execute("SELECT count(*) FROM members").fetchone()[0] == 1
    assert state(d)[0] == state(c)[0] and conflicts(d) == []
    for db in (c, d):
        db.close()
