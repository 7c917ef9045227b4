"""Bundles between a township and its laptops: the merge cases of SYNC.md, end to end through files."""

from __future__ import annotations

import datetime
import json

import pytest

from models.clock import pack, unpack
from models.sync_merge import ClockAheadError
from models.sync_resolve import list_conflicts, resolve_conflict
from tests.exports.bundle.sites import Site, sync
from tests.models.conftest import VILLAGE, family, person


def household(site: Site, seq: int = 1, **values: object) -> str:
    return site.registry.create_household({"village_code": VILLAGE, **values}, family(seq))


def test_first_export_and_import_give_identical_replicas(township: Site, laptop: Site) -> None:
    household(laptop, 1, phone="13900000001")
    up, down = sync(laptop, township)
    assert up.status == "imported" and up.merge.rows_new == 5 and up.merge.conflicts == 0  # household + 4 members
    assert laptop.dump() == township.dump()
    assert township.registry.verify_audit_chain() == [] and laptop.registry.verify_audit_chain() == []


def test_the_township_can_search_imported_people(township: Site, laptop: Site) -> None:
    from models.search import search

    household(laptop)
    sync(laptop, township)
    assert [hit.name for hit in search(township.db.conn, "张三").hits] == ["张三"]


def test_the_same_bundle_twice_changes_nothing_and_says_so(township: Site, laptop: Site) -> None:
    household(laptop)
    bundle = laptop.export().path
    township.load(bundle)
    before = township.dump()
    copy = bundle.with_name("renamed-copy.jdb")
    copy.write_bytes(bundle.read_bytes())
    for path in (bundle, copy):
        again = township.load(path)
        assert again.status == "already" and "already imported" in again.message_en
    assert township.dump() == before


def test_a_cumulative_bundle_overlapping_an_imported_one_only_adds_the_new_records(
    township: Site, laptop: Site
) -> None:
    household(laptop, 1)
    first = laptop.export().path
    household(laptop, 2)
    second = laptop.export().path  # not acknowledged yet: holds the first one's records too
    township.load(second)
    report = township.load(first)
    assert report.merge.duplicates == report.merge.received and report.merge.rows_new == 0
    assert township.dump() == laptop.dump()


def test_bundles_of_one_laptop_in_order_3_1_2_converge_and_show_the_gap(township: Site, laptop: Site) -> None:
    bundles = []
    for seq in (1, 2, 3):
        household(laptop, seq)
        bundles.append(laptop.export().path)
        _acknowledge_all(laptop)  # as if the township had acknowledged: the next bundle starts after it
    third = township.load(bundles[2])
    assert third.merge.held == third.merge.received and third.merge.applied == 0
    assert list(third.merge.missing.values()) == [[[1, 10]]]  # five records per household
    township.load(bundles[0])
    last = township.load(bundles[1])
    assert last.merge.missing == {}
    assert township.dump() == laptop.dump()


def _acknowledge_all(site: Site) -> None:
    top = site.db.conn.execute("SELECT max(seq) FROM change_log WHERE site = ?", (site.site_id,)).fetchone()[0]
    site.db.conn.execute("UPDATE sync_peers SET acks = ? WHERE role = 'township'", (json.dumps({site.site_id: top}),))


def test_same_field_on_two_laptops_same_winner_in_both_orders_and_the_decision_travels_back(
    township: Site, laptop: Site, laptop2: Site
) -> None:
    hid = household(laptop, 1, phone="13900000001")
    sync(laptop, township)
    laptop2.load(township.export(laptop2).path)
    laptop.registry.update_household(hid, {"phone": "13900000002"})
    laptop2.registry.update_household(hid, {"phone": "13900000003"})  # later: wins
    a, b = laptop.export().path, laptop2.export().path
    township.load(b)
    township.load(a)
    conflicts = list_conflicts(township.db)
    assert [(c.column, c.loser_value, c.winner_value) for c in conflicts] == [("phone", "13900000002", "13900000003")]
    assert conflicts[0].loser_user == "laptop1" and conflicts[0].winner_user == "laptop2"
    other_order = township.db.conn.execute("SELECT phone FROM households WHERE id = ?", (hid,)).fetchone()[0]
    assert other_order == "13900000003"
    resolve_conflict(township.db, conflicts[0], conflicts[0].loser_value, user="clerk")  # keep A
    assert list_conflicts(township.db) == []
    for site in (laptop, laptop2):
        site.load(township.export(site).path)
        assert site.db.conn.execute("SELECT phone FROM households WHERE id = ?", (hid,)).fetchone()[0] == "13900000002"
    laptop2.registry.update_household(hid, {"note": "after the decision"})
    sync(laptop2, township)
    sync(laptop, township)
    assert laptop.dump() == laptop2.dump() == township.dump()


def test_a_stale_edit_made_before_the_decision_loses_to_it_and_is_queued(
    township: Site, laptop: Site, laptop2: Site
) -> None:
    hid = household(laptop, 1, phone="13900000001")
    sync(laptop, township)
    laptop2.load(township.export(laptop2).path)
    laptop.registry.update_household(hid, {"phone": "13900000002"})
    laptop2.registry.update_household(hid, {"phone": "13900000003"})
    township.load(laptop.export().path)
    township.load(laptop2.export().path)
    conflict = list_conflicts(township.db)[0]
    resolve_conflict(township.db, conflict, "13900000009")  # a new value typed by the clerk
    laptop.registry.update_household(hid, {"phone": "13900000004"})  # made before the decision arrived
    township.load(laptop.export().path)
    assert township.db.conn.execute("SELECT phone FROM households").fetchone()[0] == "13900000009"
    assert [c.loser_value for c in list_conflicts(township.db)] == ["13900000004"]


def test_different_fields_of_one_member_on_two_laptops_are_both_kept_without_conflict(
    township: Site, laptop: Site, laptop2: Site
) -> None:
    household(laptop)
    sync(laptop, township)
    laptop2.load(township.export(laptop2).path)
    member = laptop.db.conn.execute("SELECT id FROM members WHERE name = '张小明'").fetchone()[0]
    laptop.registry.update_member(member, {"education": "06"})
    laptop2.registry.update_member(member, {"phone": "13800000001"})
    township.load(laptop2.export().path)
    township.load(laptop.export().path)
    row = township.db.conn.execute("SELECT education, phone FROM members WHERE id = ?", (member,)).fetchone()
    assert row == ("06", "13800000001")
    assert list_conflicts(township.db) == []


def test_household_deleted_on_one_laptop_while_a_member_is_added_on_another(
    township: Site, laptop: Site, laptop2: Site
) -> None:
    hid = household(laptop)
    sync(laptop, township)
    laptop2.load(township.export(laptop2).path)
    laptop.registry.delete_household(hid)
    added = laptop2.registry.add_member(hid, person("张小红", "04", datetime.date(2012, 1, 1), False, 5))
    for order in ((laptop, laptop2), (laptop2, laptop)):
        for site in order:
            township.load(site.export().path)
    parked = township.db.conn.execute("SELECT tbl, pk, parent_deleted FROM sync_parked").fetchall()
    assert parked == [("members", added, 1)]
    assert township.db.conn.execute("SELECT count(*) FROM households").fetchone()[0] == 0
    for site in (laptop, laptop2):
        site.load(township.export(site).path)
    assert laptop.dump() == laptop2.dump() == township.dump()
    assert laptop2.db.conn.execute("SELECT count(*) FROM sync_parked").fetchone()[0] == 1


def test_one_id_number_registered_on_two_laptops_is_flagged_not_overwritten(
    township: Site, laptop: Site, laptop2: Site
) -> None:
    from models.sync_duplicates import duplicate_groups

    household(laptop, 1)
    laptop2.registry.create_household({"village_code": VILLAGE}, family(1))  # the same people, typed again
    township.load(laptop.export().path)
    report = township.load(laptop2.export().path)
    assert report.merge.possible_duplicates == 4
    groups = duplicate_groups(township.db.conn)
    assert len(groups) == 4 and all(len({p.household_id for p in g}) == 2 for g in groups)
    assert "*" in groups[0][0].id_masked
    assert township.db.conn.execute("SELECT count(*) FROM members").fetchone()[0] == 8


def test_a_laptop_editing_a_code_table_is_rejected_everywhere(township: Site, laptop: Site) -> None:
    pk = township.db.conn.execute("SELECT id FROM code_values WHERE tbl = 'relation' AND code = '01'").fetchone()[0]
    with laptop.db.write("u") as writer:
        writer.update("code_values", pk, {"label": "家长"})
    up, down = sync(laptop, township)
    assert up.merge.rejected == 1
    assert township.db.conn.execute("SELECT label FROM code_values WHERE id = ?", (pk,)).fetchone()[0] == "户主"
    assert laptop.db.conn.execute("SELECT label FROM code_values WHERE id = ?", (pk,)).fetchone()[0] == "户主"
    line = township.db.conn.execute("SELECT id FROM poverty_lines ORDER BY year DESC LIMIT 1").fetchone()[0]
    with township.db.write("clerk") as writer:
        writer.update("code_values", pk, {"label": "户主（本人）"})
        writer.update("poverty_lines", line, {"amount": 4100.0})
    sync(laptop, township)
    assert laptop.db.conn.execute("SELECT amount FROM poverty_lines WHERE id = ?", (line,)).fetchone()[0] == 4100.0
    assert laptop.dump() == township.dump()


def test_a_laptop_clock_five_years_ahead_is_held_for_the_clerk(township: Site, laptop: Site) -> None:
    from models.clock import HybridClock, wall_ms

    five_years = 5 * 365 * 86_400_000
    laptop.db.clock = HybridClock(laptop.db.clock.last, now=lambda: wall_ms() + five_years)
    household(laptop)
    bundle = laptop.export().path
    before = township.dump()
    with pytest.raises(ClockAheadError) as refused:
        township.load(bundle)
    assert "1825 days ahead" in refused.value.message_en
    assert township.dump() == before
    report = township.load(bundle, accept_skew=True)
    assert report.merge.rows_new == 5
    assert unpack(township.db.clock.last)[0] < wall_ms() + 86_400_000  # the future clock was not adopted


def test_a_laptop_clock_reset_to_2000_imports_with_a_warning_and_does_not_pull_clocks_back(
    township: Site, laptop: Site
) -> None:
    from exports.bundle_report import format_import
    from models.clock import HybridClock

    year_2000 = int(datetime.datetime(2000, 1, 1).timestamp() * 1000)
    laptop.db.clock = HybridClock(0, now=lambda: year_2000)
    before = township.db.clock.last
    household(laptop)
    report = township.load(laptop.export().path)
    assert report.merge.rows_new == 5
    assert any("clock was probably reset" in line for line in format_import(report, "en"))
    assert township.db.clock.last >= before
    assert township.db.clock.last > pack(year_2000 + 86_400_000, 0)


def _deleted_household_with_new_member(township: Site, laptop: Site, laptop2: Site) -> tuple[str, str]:
    hid = household(laptop)
    sync(laptop, township)
    laptop2.load(township.export(laptop2).path)
    laptop.registry.delete_household(hid)
    added = laptop2.registry.add_member(hid, person("张小红", "04", datetime.date(2012, 1, 1), False, 5))
    township.load(laptop.export().path)
    township.load(laptop2.export().path)
    return hid, added


def test_the_clerk_restores_a_deleted_household_and_its_waiting_member_everywhere(
    township: Site, laptop: Site, laptop2: Site
) -> None:
    from models.sync_decisions import restore_parent

    hid, added = _deleted_household_with_new_member(township, laptop, laptop2)
    restore_parent(township.db, "members", added, user="clerk")
    names = {r[0] for r in township.db.conn.execute("SELECT name FROM members WHERE household_id = ?", (hid,))}
    assert names == {"张三", "李梅", "张小明", "张小丽", "张小红"}
    assert township.db.conn.execute("SELECT count(*) FROM sync_parked").fetchone()[0] == 0
    for site in (laptop, laptop2):
        site.load(township.export(site).path)
    assert laptop.dump() == laptop2.dump() == township.dump()


def test_the_clerk_discards_an_orphan_and_it_goes_everywhere(township: Site, laptop: Site, laptop2: Site) -> None:
    from models.sync_decisions import discard_parked

    hid, added = _deleted_household_with_new_member(township, laptop, laptop2)
    discard_parked(township.db, "members", added, user="clerk")
    for site in (laptop, laptop2):
        site.load(township.export(site).path)
        assert site.db.conn.execute("SELECT count(*) FROM sync_parked").fetchone()[0] == 0
    assert laptop.dump() == laptop2.dump() == township.dump()
    assert '"table": "members"' in township.dump()


def test_an_edit_lost_to_a_delete_is_queued_and_the_deletion_can_be_accepted(
    township: Site, laptop: Site, laptop2: Site
) -> None:
    from models.sync_decisions import accept_deletion

    hid = household(laptop, phone="13900000001")
    sync(laptop, township)
    laptop2.load(township.export(laptop2).path)
    laptop.registry.delete_household(hid)
    laptop2.registry.update_household(hid, {"phone": "13900000005"})
    township.load(laptop2.export().path)
    township.load(laptop.export().path)
    lost = [c for c in list_conflicts(township.db) if c.kind == "deleted"]
    assert [(c.table, c.column, c.loser_value) for c in lost] == [("households", "phone", "13900000005")]
    accept_deletion(township.db, "households", hid, user="clerk")
    assert [c for c in list_conflicts(township.db) if c.kind == "deleted"] == []
    for site in (laptop, laptop2):
        site.load(township.export(site).path)
        assert [c for c in list_conflicts(site.db) if c.kind == "deleted"] == []
    assert laptop.dump() == laptop2.dump() == township.dump()


def test_the_desk_names_a_deleted_household_by_its_number_and_head_and_cannot_open_it(
    township: Site, laptop: Site, laptop2: Site
) -> None:
    from models.sync_desk import desk_items

    hid, added = _deleted_household_with_new_member(township, laptop, laptop2)
    [orphan] = [item for item in desk_items(township.db) if item.pk == added]
    assert orphan.record.endswith("张三户（已删除） · 张小红") and orphan.household is None
    [english] = [item for item in desk_items(township.db, lang="en") if item.pk == added]
    assert "张三 household (deleted)" in english.record
