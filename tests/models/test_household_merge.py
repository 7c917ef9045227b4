"""Merging two registrations of one family (the duplicates desk): what moves, what is matched, what is refused."""

from __future__ import annotations

import datetime
import json

import pytest

from models import household_merge
from models.errors import JiandangError
from models.household_merge import MergeChoices, MergeRefused, merge_households
from models.member_merge import merge_members, plan_member_merge
from models.merge_plan import plan_merge
from models.procedures import record_step
from models.registry import Registry
from models.sync_duplicates import duplicate_groups
from tests.models.conftest import VILLAGE, counts, family, person
from tests.models.merge_helpers import member_ids, typed_again
from tests.models.poor_households import VOTES

BABY = person("张小宝", "03", datetime.date(2019, 2, 1), True, 7)
NIECE = person("张小芳", "10", datetime.date(2000, 4, 4), False, 8)


@pytest.fixture
def helper(registry: Registry) -> str:
    return registry.create_helper({"name": "王干部", "unit": "县教育局", "affiliation": "04"})


@pytest.fixture
def pair(registry: Registry, helper: str) -> tuple[str, str]:
    """Household A (the family of four) and B (the same family typed again on another laptop, plus a niece)."""
    keep = registry.create_household(
        {"village_code": VILLAGE, "household_no": "101", "phone": "13900000001", "main_cause": "01"},
        family(1),
        other_causes=["02"],
    )
    registry.set_income(keep, 2017, {"wage": 1000})
    registry.set_income(keep, 2018, {"wage": 2000})
    registry.set_status(keep, 2017, "01")
    registry.pair_helper(keep, helper, "2017-01-01")
    other = typed_again(registry, [*family(1), NIECE], household_no="202", phone="13900000002", main_cause="01")
    registry.set_causes(other, "01", ["03"])
    registry.set_income(other, 2018, {"wage": 9999})
    registry.set_income(other, 2019, {"wage": 3000, "business": 500})
    registry.set_status(other, 2017, "02")
    registry.set_status(other, 2018, "01")
    registry.pair_helper(other, helper, "2017-01-01")  # the same pairing, registered twice
    return keep, other


def rows(registry: Registry, table: str, household: str) -> list[dict]:
    return registry.all(f"SELECT * FROM {table} WHERE household_id = ? ORDER BY id", (household,))


def test_the_merge_moves_everything_into_the_kept_household_and_deletes_the_other(
    registry: Registry, pair: tuple[str, str], helper: str
) -> None:
    keep, other = pair
    other_head = member_ids(registry, other)[family(1)[0]["id_number"]]
    measure = registry.create_measure(
        {"household_id": other, "year": 2019, "type": "04", "status": "2"},
        loan={"amount": 20000, "borrower_id": other_head, "loan_date": "2019-03-01"},
    )
    niece = member_ids(registry, other)[NIECE["id_number"]]
    baby = registry.record_member_change(other, "06", "2019-02-01", new_member=BABY)
    assert [len(g) for g in duplicate_groups(registry.conn)] == [2, 2, 2, 2]

    result = merge_households(registry, keep, other, "同一户在两台电脑上重复录入", "clerk")

    assert registry.one("SELECT 1 FROM households WHERE id = ?", (other,)) is None
    assert registry.one("SELECT cl FROM tombstones WHERE tbl = 'households' AND pk = ?", (other,))["cl"] == 2
    members = registry.get_household(keep)["members"]
    assert len(members) == 6 and {m["id"] for m in members} >= {niece, baby}  # 4 matched + niece + baby
    assert duplicate_groups(registry.conn) == []
    incomes = {r["year"]: r["wage"] for r in rows(registry, "incomes", keep)}
    assert incomes == {2017: 1000, 2018: 2000, 2019: 3000}  # A wins 2018; B fills 2019
    assert {r["year"]: r["status"] for r in rows(registry, "status_history", keep)} == {2017: "01", 2018: "01"}
    assert registry.get_household(keep)["other_causes"] == ["02", "03"]
    [loan] = rows(registry, "loans", keep)
    assert (
        loan["measure_id"] == measure and loan["borrower_id"] == member_ids(registry, keep)[family(1)[0]["id_number"]]
    )
    assert len(rows(registry, "pairings", keep)) == 1  # the pairing registered twice is kept once
    [change] = rows(registry, "member_changes", keep)
    assert change["member_id"] == baby
    for table in ("members", "incomes", "status_history", "other_causes", "measures", "loans", "pairings"):
        assert rows(registry, table, other) == [], table
    [event] = rows(registry, "workflow_events", keep)
    assert event["procedure"] == "merge" and event["note"] == "同一户在两台电脑上重复录入" and event["actor"] == "clerk"
    data = json.loads(event["data"])
    assert data["other"] == other and data["members_moved"] == 2 and data["members_matched"] == 4
    assert result.moved["income_years_added"] == 1 and result.removed_id == other
    assert registry.verify_audit_chain() == []
    assert registry.conn.execute("PRAGMA foreign_key_check").fetchall() == []


def test_every_change_of_the_merge_is_in_the_change_log(registry: Registry, pair: tuple[str, str]) -> None:
    keep, other = pair
    before = registry.one("SELECT seq FROM sync_state")["seq"]
    result = merge_households(registry, keep, other, "重复录入", "clerk")
    log = registry.all(
        "SELECT tbl, pk, op, user FROM change_log WHERE site = ? AND seq > ? ORDER BY seq",
        (registry.db.site_id, before),
    )
    assert len(log) == result.changes and {r["user"] for r in log} == {"clerk"}
    ops = {(r["tbl"], r["op"]) for r in log}
    assert ("households", "delete") in ops and ("members", "delete") in ops and ("incomes", "insert") in ops
    assert ("workflow_events", "insert") in ops and ("pairings", "delete") in ops
    niece = member_ids(registry, keep)[NIECE["id_number"]]
    assert ("members", niece, "update") in {(r["tbl"], r["pk"], r["op"]) for r in log}
    tombstones = {(r[0], r[1]) for r in registry.conn.execute("SELECT tbl, pk FROM tombstones")}
    assert {(r["tbl"], r["pk"]) for r in log if r["op"] == "delete"} <= tombstones


def test_the_clerk_chooses_values_per_field_for_the_household_and_for_a_matched_member(
    registry: Registry, pair: tuple[str, str]
) -> None:
    keep, other = pair
    head = family(1)[0]["id_number"]
    with registry.db.write("laptop2") as writer:  # edited on the other laptop
        writer.update("members", member_ids(registry, other)[head], {"education": "04", "phone": "13700000000"})
    plan = plan_merge(registry, keep, other)
    assert "phone" in plan.differences and "household_no" in plan.differences
    [matched] = [p for p in plan.pairs if p.keep["id_number"] == head]
    assert set(matched.differences) == {"education", "phone"}
    kept_head = matched.keep["id"]
    choices = MergeChoices.of(["phone"], {kept_head: ["phone"]})
    merge_households(registry, keep, other, "重复录入", choices=choices)
    household = registry.get_household(keep)["household"]
    assert household["phone"] == "13900000002" and household["household_no"] == "101"
    stored = registry.require("members", kept_head)
    assert stored["phone"] == "13700000000" and stored["education"] != "04"


def test_a_failure_half_way_leaves_nothing_written(
    registry: Registry, pair: tuple[str, str], monkeypatch: pytest.MonkeyPatch
) -> None:
    keep, other = pair
    before = counts(registry.db)

    def broken(*args: object) -> int:
        raise RuntimeError("disk full")

    monkeypatch.setattr(household_merge, "_move", broken)
    with pytest.raises(RuntimeError):
        merge_households(registry, keep, other, "重复录入")
    assert counts(registry.db) == before
    assert len(rows(registry, "members", other)) == 5 and len(duplicate_groups(registry.conn)) == 4


@pytest.mark.parametrize("case", ["same", "missing", "deleted", "no_reason"])
def test_impossible_merges_are_refused_with_a_message(registry: Registry, pair: tuple[str, str], case: str) -> None:
    keep, other = pair
    if case == "deleted":
        merge_households(registry, keep, other, "重复录入")
    before = counts(registry.db)
    target = {"same": keep, "missing": "no-such-household"}.get(case, other)
    with pytest.raises(MergeRefused) as refused:
        merge_households(registry, keep, target, "" if case == "no_reason" else "重复录入")
    assert refused.value.message_zh and refused.value.message_en and counts(registry.db) == before


def test_households_sharing_no_id_number_are_not_merged(registry: Registry) -> None:
    one = registry.create_household({"village_code": VILLAGE}, family(1))
    two = registry.create_household({"village_code": VILLAGE}, family(2))
    plan = plan_merge(registry, one, two)
    assert plan.refusals[0].code == "no_shared_id" and not plan.ok
    with pytest.raises(MergeRefused, match="不是重复登记"):
        merge_households(registry, one, two, "重复录入")


def test_different_heads_are_refused_until_the_clerk_takes_the_other_relation(registry: Registry) -> None:
    keep = registry.create_household({"village_code": VILLAGE}, family(1))
    father, mother = family(1)[0], family(1)[1]
    other = typed_again(registry, [{**mother, "relation": "01"}, {**father, "relation": "02"}])
    plan = plan_merge(registry, keep, other)
    assert "conflicting_heads" not in [p.code for p in plan.refusals]  # the same two people: matched, A's relations
    newcomer = person("王五", "01", datetime.date(1960, 1, 1), True, 9)
    other = typed_again(registry, [newcomer, {**father, "relation": "05"}])
    with pytest.raises(MergeRefused, match="户主不是同一人") as refused:
        merge_households(registry, keep, other, "重复录入")
    assert "different heads" in refused.value.message_en


def test_a_household_with_procedure_records_is_kept_not_merged_away(registry: Registry, pair: tuple[str, str]) -> None:
    keep, other = pair
    record_step(registry, [other], "exit", "committee_review", "2019-01-07", "村两委", votes=VOTES)
    with pytest.raises(MergeRefused, match="程序记录"):
        merge_households(registry, keep, other, "重复录入")
    merge_households(registry, other, keep, "重复录入")  # keeping B instead works
    assert registry.one("SELECT count(*) AS n FROM workflow_events WHERE household_id = ?", (other,))["n"] == 2


def test_one_person_in_two_different_households_keeps_one_record_with_chosen_fields(registry: Registry) -> None:
    home = registry.create_household({"village_code": VILLAGE}, family(1))
    daughter = family(1)[3]
    husband = person("刘强", "01", datetime.date(1995, 1, 1), True, 3)
    married = typed_again(registry, [husband, {**daughter, "relation": "02", "education": "04"}])
    kept = member_ids(registry, married)[daughter["id_number"]]
    removed = member_ids(registry, home)[daughter["id_number"]]
    plan = plan_member_merge(registry, kept, removed, ["education"])
    assert "education" in plan.pair.differences and "relation" in plan.pair.differences
    assert plan.refusals == ()
    result = merge_members(registry, kept, removed, "已嫁出，旧户重复登记", take_other=["education"])
    assert registry.one("SELECT 1 FROM members WHERE id = ?", (removed,)) is None
    assert registry.require("members", kept)["education"] is None  # B's (the old household's) value taken
    assert duplicate_groups(registry.conn) == [] and result.changes >= 3


def test_a_member_merge_that_would_orphan_a_household_or_mixes_people_is_refused(registry: Registry) -> None:
    home = registry.create_household({"village_code": VILLAGE}, family(1))
    head = family(1)[0]
    alone = typed_again(registry, [head])
    ids = member_ids(registry, home)
    with pytest.raises(MergeRefused, match="合并两户"):
        merge_members(registry, ids[head["id_number"]], member_ids(registry, alone)[head["id_number"]], "重复")
    with pytest.raises(MergeRefused, match="不是同一人"):
        merge_members(registry, ids[head["id_number"]], ids[family(1)[1]["id_number"]], "重复")
    with pytest.raises(JiandangError):
        merge_members(registry, ids[head["id_number"]], "no-such-member", "重复")


def test_the_preview_says_what_will_happen_and_why_it_is_refused(registry: Registry, pair: tuple[str, str]) -> None:
    from models.merge_text import preview_lines

    keep, other = pair
    lines = preview_lines(registry.conn, plan_merge(registry, keep, other, MergeChoices.of(["phone"])))
    text = "\n".join(lines)
    assert "户编号 101" in lines[0] and "采用 B 的 联系电话" in text and "2019 年从 B 补入" in text
    assert "2018 年两户都有，保留 A 的" in text and "张小芳" in text and "******" not in text
    english = "\n".join(preview_lines(registry.conn, plan_merge(registry, keep, other), "en"))
    assert "all of A's values kept" in english and "1 duplicates dropped" in english
    record_step(registry, [other], "exit", "committee_review", "2019-01-07", "村两委", votes=VOTES)
    refused = preview_lines(registry.conn, plan_merge(registry, keep, other))
    assert refused[0].startswith("不能合并：") and "程序记录" in refused[0]
