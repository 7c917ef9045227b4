"""Convergence: random multi-laptop histories, delivered in random orders with duplicates, give identical replicas.

Three sites (a township and two laptops) edit households and members offline
(creates, field edits, deletes, re-creations, a laptop touching a code
table, the clerk's decisions), exchanging everything they hold now and then.
Finally the union of all change records is delivered to every site and to
two fresh replicas — shuffled, split into random batches, some batches twice.
Every replica must end with a byte-identical canonical dump, the same open
conflicts and the same parked rows, and a sound file.
"""

from __future__ import annotations

import random
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from models.changes import stable_id
from models.clock import HybridClock, wall_ms
from models.db import Database
from models.sync_merge import merge_records
from models.sync_resolve import list_conflicts, resolve_conflict
from tests.models.sync_helpers import VILLAGE, add_regions, integrity, logs, pull, replica, set_township, state

SITES = 3
KINDS = (
    *("create", "add_member", "del_member", "del_hh", "recreate", "code"),
    *("edit_hh", "edit_member") * 3,
    *("sync", "resolve") * 3,
)
PHONES = ("13900000001", "13900000002", None)
NOTES = ("甲", "乙", "丙")
NAMES = ("张三", "李四", "王五")
IDS = ("621121197003050011", "621121197208010022", None, None)

operation = st.tuples(st.sampled_from(KINDS), st.integers(0, SITES - 1), st.integers(0, 999), st.integers(0, 999))


def _new_id(sites: list[Database]) -> str:
    """Ids from a counter, so that an example replays exactly."""
    counter = getattr(sites[0], "_test_ids", 0) + 1
    sites[0]._test_ids = counter
    return stable_id("test", counter)


def _pick(db: Database, sql: str, index: int) -> str | None:
    ids = [r[0] for r in db.conn.execute(sql)]
    return ids[index % len(ids)] if ids else None


def _apply(sites: list[Database], kind: str, s: int, a: int, b: int) -> None:
    db = sites[s]
    if kind == "create":
        with db.write("u") as w:
            hid = w.insert(
                "households",
                {"id": _new_id(sites), "village_code": VILLAGE, "phone": PHONES[a % 3], "note": NOTES[b % 3]},
            )
            for i in range(1 + a % 2):
                w.insert(
                    "members",
                    {
                        "id": _new_id(sites),
                        "household_id": hid,
                        "name": NAMES[(a + i) % 3],
                        "id_number": IDS[(b + i) % 4],
                    },
                )
    elif kind in ("edit_hh", "del_hh", "add_member"):
        hid = _pick(db, "SELECT id FROM households ORDER BY _hlc LIMIT 3", a)  # a few, so that edits collide
        if hid is None:
            return
        with db.write("u") as w:
            if kind == "edit_hh":
                column = ("phone", "note", "land_area")[b % 3]
                w.update("households", hid, {column: (PHONES[a % 3], NOTES[a % 3], float(a % 4))[b % 3]})
            elif kind == "add_member":
                w.insert(
                    "members",
                    {"id": _new_id(sites), "household_id": hid, "name": NAMES[b % 3], "id_number": IDS[a % 4]},
                )
            else:
                for (mid,) in db.conn.execute("SELECT id FROM members WHERE household_id = ?", (hid,)).fetchall():
                    w.delete("members", mid)
                w.delete("households", hid)
    elif kind in ("edit_member", "del_member"):
        mid = _pick(db, "SELECT id FROM members ORDER BY _hlc LIMIT 4", a)
        if mid is None:
            return
        with db.write("u") as w:
            if kind == "del_member":
                w.delete("members", mid)
            else:
                column = ("name", "education", "sex")[b % 3]
                w.update("members", mid, {column: (NAMES[a % 3], f"{a % 3 + 1}", f"{a % 2 + 1}")[b % 3]})
    elif kind == "recreate":
        hid = _pick(db, "SELECT pk FROM tombstones WHERE tbl = 'households' ORDER BY pk", a)
        if hid is not None:
            with db.write("u") as w:
                w.insert("households", {"id": hid, "village_code": VILLAGE, "note": "重建"})
    elif kind == "code":
        pk = _pick(db, "SELECT id FROM code_values WHERE tbl = 'relation' ORDER BY id", a)
        with db.write("u") as w:
            w.update("code_values", pk, {"label": NOTES[b % 3]})
    elif kind == "sync":
        for other in sites if a % 2 else [sites[(s + 1 + b % (SITES - 1)) % SITES]]:
            if other is not db:
                pull(db, other)
    elif kind == "resolve":  # the clerk, at the township, after importing everything
        db = sites[0]
        for other in sites[1:]:
            pull(db, other)
        found = [c for c in list_conflicts(db) if c.kind == "field"]
        if found:
            choice = found[a % len(found)]
            resolve_conflict(db, choice, choice.loser_value if b % 2 else choice.winner_value)


def _deliver(target: Database, records: list[tuple], rng: random.Random) -> None:
    records = [r for r in records if r[0] != target.site_id]
    rng.shuffle(records)
    batches, start = [], 0
    while start < len(records):
        size = rng.randint(1, max(1, len(records) // 3))
        batches.append(records[start : start + size])
        start += size
    for batch in batches:
        merge_records(target, batch)
        if rng.random() < 0.3:
            merge_records(target, batch)  # the same bundle twice


@pytest.mark.slow
@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(ops=st.lists(operation, min_size=3, max_size=40), seed=st.integers(0, 2**32))
def test_any_delivery_order_of_any_history_converges(ops: list[tuple], seed: int) -> None:
    rng = random.Random(seed)
    with tempfile.TemporaryDirectory() as folder:
        sites = [replica(Path(folder) / f"site{i}.db") for i in range(SITES)]
        ticks = iter(range(wall_ms(), wall_ms() + 10**9, 7))
        for db in sites:  # one deterministic clock for all sites: the example replays exactly
            db.clock = HybridClock(db.clock.last, now=lambda: next(ticks))
        township = sites[0].site_id
        for db in sites:
            set_township(db, township)
        add_regions(sites[0])
        _apply(sites, "create", 0, 1, 0)
        for db in sites[1:]:
            pull(db, sites[0])
        for op in ops:
            _apply(sites, *op)
        union = {(r[0], r[1]): r for db in sites for r in logs(db)}
        fresh = [replica(Path(folder) / f"fresh{i}.db", township) for i in range(2)]
        for db in sites + fresh:
            _deliver(db, list(union.values()), rng)
        states = [state(db) for db in sites + fresh]
        for db in sites + fresh:
            assert integrity(db) == []
            assert len(logs(db)) == len(union)
        for other in states[1:]:
            assert other[0] == states[0][0]
            assert other[1:] == states[0][1:]
        for db in sites + fresh:
            db.close()
