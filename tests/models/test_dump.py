"""Tests for the canonical dump in ``models.dump``."""

from __future__ import annotations

import hashlib
import io
import json
from collections.abc import Iterator
from pathlib import Path

import pytest

from models.changes import SYNC_TABLES, stable_id
from models.db import Database, open_database
from models.dump import DELETED_KEY, dump_digest, dump_json, dump_records, write_dump

VILLAGES = [("620000000201", "甲村"), ("620000000202", "乙村")]
HOUSEHOLDS = [(stable_id("hh", n), VILLAGES[n % 2][0], f"H{n:03d}") for n in range(4)]
MEMBERS = [
    (stable_id("m", h, k), hh_id, f"成员{h}{k}", "01" if k == 0 else "03")
    for h, (hh_id, _, _) in enumerate(HOUSEHOLDS)
    for k in range(3)
]
INCOMES = [(stable_id("inc", hh_id), hh_id, 2020, 1234.5 + h, 0.1 + 0.2) for h, (hh_id, _, _) in enumerate(HOUSEHOLDS)]
GONE_MEMBER = MEMBERS[4][0]


def _region(code: str, name: str) -> dict:
    return {"id": stable_id("region", code), "code": code, "name": name, "level": 5, "parent_code": code[:9]}


def _household(hh_id: str, village: str, number: str) -> dict:
    return {"id": hh_id, "village_code": village, "household_no": number, "attribute": "1", "main_cause": "01",
            "land_area": 3.25, "is_relocated": 0}


def _member(member_id: str, hh_id: str, name: str, relation: str) -> dict:
    return {"id": member_id, "household_id": hh_id, "name": name, "relation": relation, "sex": "1",
            "in_household": 1, "sort": 0}


def _income(income_id: str, hh_id: str, year: int, wage: float, business: float) -> dict:
    zeros = {c: 0 for c in ("asset_dividend", "other_property", "family_planning", "dibao", "tekun", "pension",
                            "eco_compensation", "other_transfer", "business_expense")}
    return {"id": income_id, "household_id": hh_id, "year": year, "wage": wage, "business": business,
            "population": 3, **zeros}


def _build_forward(db: Database) -> None:
    """All content in one transaction, in natural order; then one member deleted."""
    with db.write("tester") as w:
        for code, name in VILLAGES:
            w.insert("regions", _region(code, name))
        for row in HOUSEHOLDS:
            w.insert("households", _household(*row))
        for row in MEMBERS:
            w.insert("members", _member(*row))
        for row in INCOMES:
            w.insert("incomes", _income(*row))
    with db.write("tester") as w:
        w.delete("members", GONE_MEMBER)


def _build_reversed_with_detour(db: Database) -> None:
    """Same content in reverse order over many transactions, with edits that are reverted."""
    for code, name in reversed(VILLAGES):
        with db.write("other") as w:
            w.insert("regions", _region(code, name))
    for row in reversed(HOUSEHOLDS):
        with db.write("other") as w:
            w.insert("households", _household(*row))
    with db.write("other") as w:
        w.insert_many("members", [_member(*row) for row in reversed(MEMBERS)])
        w.insert_many("incomes", [_income(*row) for row in reversed(INCOMES)])
    with db.write("other") as w:
        w.delete("members", GONE_MEMBER)
    hh_id = HOUSEHOLDS[1][0]
    with db.write("other") as w:
        assert w.update("households", hh_id, {"land_area": 9.75, "note": "临时备注", "attribute": "2"})
    with db.write("other") as w:
        assert w.update("households", hh_id, {"land_area": 3.25, "note": None, "attribute": "1"})


@pytest.fixture
def db(tmp_path: Path) -> Iterator[Database]:
    database = open_database(tmp_path / "x.db")
    yield database
    database.close()


@pytest.fixture
def built(db: Database) -> Database:
    _build_forward(db)
    return db


def test_same_content_in_any_order_and_history_gives_identical_bytes(tmp_path: Path) -> None:
    first, second = open_database(tmp_path / "a.db"), open_database(tmp_path / "b.db")
    _build_forward(first)
    _build_reversed_with_detour(second)
    assert first.site_id != second.site_id
    clocks = "SELECT _hlc FROM households ORDER BY id"
    assert first.conn.execute(clocks).fetchall() != second.conn.execute(clocks).fetchall()
    assert second.conn.execute("SELECT COUNT(*) FROM col_clocks").fetchone()[0] > 0
    assert dump_json(first.conn).encode("utf-8") == dump_json(second.conn).encode("utf-8")
    assert dump_digest(first.conn) == dump_digest(second.conn)


def test_different_content_gives_different_dump(built: Database, tmp_path: Path) -> None:
    other = open_database(tmp_path / "other.db")
    _build_forward(other)
    with other.write("tester") as w:
        w.update("households", HOUSEHOLDS[0][0], {"phone": "13800000000"})
    assert dump_json(built.conn) != dump_json(other.conn)


def test_deleted_record_leaves_its_table_and_is_listed_in_deleted(built: Database) -> None:
    records = dump_records(built.conn)
    assert GONE_MEMBER not in {m["id"] for m in records["members"]}
    assert len(records["members"]) == len(MEMBERS) - 1
    assert records[DELETED_KEY] == [{"cl": 2, "pk": GONE_MEMBER, "table": "members"}]


def test_deleted_list_is_sorted_by_table_then_pk(built: Database) -> None:
    with built.write("tester") as w:
        w.delete("incomes", INCOMES[2][0])
        w.delete("members", MEMBERS[0][0])
        w.delete("incomes", INCOMES[0][0])
    deleted = dump_records(built.conn)[DELETED_KEY]
    assert [(d["table"], d["pk"]) for d in deleted] == sorted((d["table"], d["pk"]) for d in deleted)
    assert {d["table"] for d in deleted} == {"incomes", "members"}
    assert len(deleted) == 4


def test_recreated_record_is_live_again_and_no_longer_deleted(built: Database) -> None:
    with built.write("tester") as w:
        w.insert("members", _member(*MEMBERS[4]))
    records = dump_records(built.conn)
    assert GONE_MEMBER in {m["id"] for m in records["members"]}
    assert records[DELETED_KEY] == []


def test_internal_columns_and_clocks_never_appear(built: Database) -> None:
    text = dump_json(built.conn)
    for name in ('"_cl"', '"_hlc"', '"_site"', built.site_id):
        assert name not in text
    records = dump_records(built.conn)
    for table in SYNC_TABLES:
        for record in records[table]:
            assert not [key for key in record if key.startswith("_")]
    assert set(records[DELETED_KEY][0]) == {"table", "pk", "cl"}


def test_only_syncable_tables_are_dumped(built: Database) -> None:
    built.set_setting("operator", "张三")
    records = dump_records(built.conn)
    assert set(records) == {DELETED_KEY, *SYNC_TABLES}
    assert "张三" not in dump_json(built.conn)
    assert records["helpers"] == []


def test_records_hold_id_and_every_domain_column(built: Database) -> None:
    household = next(h for h in dump_records(built.conn)["households"] if h["id"] == HOUSEHOLDS[0][0])
    columns = [r[1] for r in built.conn.execute("PRAGMA table_info(households)") if not r[1].startswith("_")]
    assert sorted(household) == sorted(columns)
    assert household["phone"] is None
    assert household["village_code"] == VILLAGES[0][0]
    assert household["land_area"] == 3.25


def test_rows_sorted_by_id_and_tables_by_name(built: Database) -> None:
    records = dump_records(built.conn)
    for table in SYNC_TABLES:
        ids = [r["id"] for r in records[table]]
        assert ids == sorted(ids)
    assert list(records) == sorted(records)
    loaded = json.loads(dump_json(built.conn))
    assert list(loaded) == sorted(loaded)
    assert next(iter(loaded)) == DELETED_KEY


def test_json_parses_back_to_the_records(built: Database) -> None:
    assert json.loads(dump_json(built.conn)) == dump_records(built.conn)


def test_layout_is_one_record_per_line_with_trailing_newline(built: Database) -> None:
    text = dump_json(built.conn)
    assert text.startswith('{\n "_deleted": [\n  {"cl": 2, ')
    assert text.endswith("\n}\n")
    assert '\n "helpers": [],\n' in text
    member_lines = [line for line in text.splitlines() if '"household_id"' in line and '"relation"' in line]
    assert len(member_lines) == len(MEMBERS) - 1
    assert "成员" in text  # ensure_ascii=False


def test_floats_are_printed_canonically(built: Database) -> None:
    text = dump_json(built.conn)
    assert '"wage": 1234.5' in text
    assert '"business": 0.3' in text  # 0.1 + 0.2 was stored rounded to 2 decimals
    assert '"amount": 2800.0' in text  # seeded poverty line, REAL column
    assert '"year": 2020' in text


def test_write_dump_and_digest_match_dump_json(built: Database) -> None:
    text = dump_json(built.conn)
    buffer = io.StringIO()
    write_dump(built.conn, buffer)
    assert buffer.getvalue() == text
    assert dump_digest(built.conn) == hashlib.sha256(text.encode("utf-8")).hexdigest()


def test_dump_inside_an_open_transaction_leaves_it_open(built: Database) -> None:
    built.conn.execute("BEGIN")
    try:
        text = dump_json(built.conn)
        assert built.conn.in_transaction
    finally:
        built.conn.execute("COMMIT")
    assert text == dump_json(built.conn)
    assert not built.conn.in_transaction
