"""Change capture: change log, clocks, tombstones, audit trail and history."""

from __future__ import annotations

import json

import pytest

from models.changes import InsertOnlyError
from models.clock import HybridClock, pack, unpack
from models.db import Database, open_database
from models.registry import Registry
from tests.models.conftest import VILLAGE, family


def log(db: Database) -> list[dict]:
    cursor = db.conn.execute("SELECT * FROM change_log ORDER BY seq")
    names = [d[0] for d in cursor.description]
    return [dict(zip(names, r, strict=True)) for r in cursor.fetchall()]


def test_clock_never_goes_back_even_when_the_wall_clock_does() -> None:
    wall = [1_000_000]
    clock = HybridClock(0, now=lambda: wall[0])
    first = clock.tick()
    wall[0] = 500_000
    second = clock.tick()
    third = clock.tick()
    assert first < second < third
    assert unpack(second) == (1_000_000, 1)


def test_clock_refuses_a_remote_clock_a_day_ahead() -> None:
    clock = HybridClock(0, now=lambda: 1_000_000)
    with pytest.raises(ValueError):
        clock.observe(pack(1_000_000 + 25 * 3600 * 1000, 0))
    assert clock.observe(pack(1_000_500, 3)) > pack(1_000_500, 3)


def test_clock_is_persisted_across_reopening(tmp_path) -> None:
    db = open_database(tmp_path / "c.db")
    with db.write("u") as writer:
        writer.insert("helpers", {"name": "甲"})
    last = db.clock.last
    db.close()
    again = open_database(tmp_path / "c.db")
    assert again.clock.last == last
    with again.write("u") as writer:
        writer.insert("helpers", {"name": "乙"})
    assert again.clock.last > last


def test_sequence_is_dense_and_the_hash_chain_verifies(registry: Registry) -> None:
    registry.create_household({"village_code": VILLAGE}, family())
    entries = log(registry.db)
    assert [e["seq"] for e in entries] == list(range(1, len(entries) + 1))
    assert all(e["site"] == registry.db.site_id for e in entries)
    assert all(b["prev_hash"] == a["hash"] for a, b in zip(entries, entries[1:], strict=False))
    assert registry.verify_audit_chain() == []


def test_an_altered_audit_entry_is_detected(registry: Registry) -> None:
    registry.create_household({"village_code": VILLAGE}, family())
    registry.conn.execute("UPDATE change_log SET vals = replace(vals, '张三', '张四') WHERE seq = 9")
    assert registry.verify_audit_chain() == [(registry.db.site_id, 9)]


def test_update_logs_old_values_and_the_clock_they_replace(registry: Registry) -> None:
    hid = registry.create_household({"village_code": VILLAGE, "phone": "111111"}, family())
    created = registry.conn.execute("SELECT _hlc, _site FROM households WHERE id = ?", (hid,)).fetchone()
    registry.update_household(hid, {"phone": "222222"})
    entry = log(registry.db)[-1]
    assert entry["op"] == "update" and entry["user"] == "测试员"
    assert json.loads(entry["vals"]) == {"phone": "222222"}
    assert json.loads(entry["old"]) == {"phone": "111111"}
    assert json.loads(entry["prev"]) == {"phone": [0, created[0], created[1]]}
    registry.update_household(hid, {"phone": "333333"})
    second = log(registry.db)[-1]
    assert json.loads(second["prev"])["phone"][1] == entry["hlc"]


def test_only_changed_columns_get_their_own_clock(registry: Registry) -> None:
    hid = registry.create_household({"village_code": VILLAGE, "phone": "111111"}, family())
    assert registry.conn.execute("SELECT COUNT(*) FROM col_clocks").fetchone()[0] == 0
    registry.update_household(hid, {"phone": "222222", "note": "x"})
    assert registry.conn.execute("SELECT COUNT(*) FROM col_clocks").fetchone()[0] == 2


def test_delete_then_recreate_advances_the_causal_length(registry: Registry) -> None:
    hid = registry.create_household({"village_code": VILLAGE}, family())
    income = registry.set_income(hid, 2018, {"wage": 100})
    registry.delete_income(hid, 2018)
    assert registry.conn.execute("SELECT cl FROM tombstones WHERE pk = ?", (income,)).fetchone() == (2,)
    registry.set_income(hid, 2018, {"wage": 200})
    assert registry.conn.execute("SELECT _cl FROM incomes WHERE id = ?", (income,)).fetchone() == (3,)
    assert registry.conn.execute("SELECT COUNT(*) FROM tombstones WHERE pk = ?", (income,)).fetchone() == (0,)


def test_workflow_events_are_insert_only(registry: Registry) -> None:
    hid = registry.create_household({"village_code": VILLAGE}, family())
    with registry.db.write() as writer:
        event = writer.insert("workflow_events", {"household_id": hid, "procedure": "exit", "step": "vote",
                                                  "year": 2019, "event_date": "2019-05-01"})
    with pytest.raises(InsertOnlyError), registry.db.write() as writer:
        writer.update("workflow_events", event, {"outcome": "changed"})
    with pytest.raises(InsertOnlyError), registry.db.write() as writer:
        writer.delete("workflow_events", event)


def test_unknown_columns_are_refused(database: Database) -> None:
    with pytest.raises(ValueError), database.write() as writer:
        writer.insert("helpers", {"name": "甲", "password": "x"})
    with pytest.raises(ValueError), database.write() as writer:
        writer.insert("sqlite_master", {"name": "x"})


def test_history_shows_who_changed_what_old_to_new_with_labels(registry: Registry) -> None:
    hid = registry.create_household({"village_code": VILLAGE, "attribute": "1"}, family())
    registry.db.set_setting("operator", "李干部")
    registry.update_household(hid, {"attribute": "2", "is_relocated": 1})
    newest = registry.history(hid)[0]
    assert newest.user == "李干部" and newest.action == "update" and newest.table == "households"
    by_column = {c.column: c for c in newest.changes}
    assert by_column["attribute"].label == "贫困户属性"
    assert (by_column["attribute"].old_text, by_column["attribute"].new_text) == ("一般贫困户", "低保贫困户")
    assert by_column["is_relocated"].new_text == "是"
    member_entries = [e for e in registry.history(hid) if e.table == "members"]
    assert len(member_entries) == 4 and all(e.user == "测试员" for e in member_entries)


def test_history_shows_income_amounts_as_amounts_not_yes_no(registry: Registry) -> None:
    hid = registry.create_household({"village_code": VILLAGE}, family())
    registry.set_income(hid, 2018, {"dibao": 1200})
    entry = next(e for e in registry.history(hid) if e.table == "incomes")
    assert {c.column: c.new_text for c in entry.changes}["dibao"] == "1200.0"


def test_a_write_on_another_connection_moves_this_connections_clock(tmp_path) -> None:
    first = open_database(tmp_path / "two.db")
    second = open_database(tmp_path / "two.db")
    with second.write("u") as writer:
        writer.insert("helpers", {"name": "甲"})
    with first.write("u") as writer:
        writer.insert("helpers", {"name": "乙"})
    hlcs = [r[0] for r in first.conn.execute("SELECT hlc FROM change_log ORDER BY seq")]
    assert hlcs == sorted(hlcs) and len(set(hlcs)) == 2
