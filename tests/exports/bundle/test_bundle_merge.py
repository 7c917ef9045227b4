"""A duplicate household merged at the township travels back to the laptops as ordinary changes and converges."""

from __future__ import annotations

from models.household_merge import MergeChoices, merge_households
from models.sync_duplicates import duplicate_groups
from tests.exports.bundle.sites import Site, sync
from tests.models.conftest import VILLAGE, family


def test_the_township_merges_a_family_registered_on_two_laptops_and_everyone_converges(
    township: Site, laptop: Site, laptop2: Site
) -> None:
    keep = laptop.registry.create_household({"village_code": VILLAGE, "household_no": "101"}, family(1))
    laptop.registry.set_income(keep, 2018, {"wage": 2000})
    other = laptop2.registry.create_household({"village_code": VILLAGE, "phone": "13900000002"}, family(1))
    laptop2.registry.set_income(other, 2018, {"wage": 9999})
    laptop2.registry.set_income(other, 2019, {"wage": 3000})
    township.load(laptop.export().path)
    report = township.load(laptop2.export().path)
    assert report.merge.possible_duplicates == 4

    result = merge_households(
        township.registry, keep, other, "两台电脑重复录入", "乡镇录入员", MergeChoices.of(["phone"])
    )
    # phone, 4 matched people removed, 2019 copied, 2 incomes of B removed, B removed, the merge event
    assert result.changes == 10 and duplicate_groups(township.db.conn) == []

    for site in (laptop, laptop2):
        site.load(township.export(site).path)
    for site in (laptop, laptop2):  # and once more round, the laptops' acknowledgements included
        sync(site, township)
    assert laptop.dump() == laptop2.dump() == township.dump()
    for site in (laptop, laptop2, township):
        conn = site.db.conn
        assert conn.execute("SELECT count(*) FROM households").fetchone()[0] == 1
        assert conn.execute("SELECT count(*) FROM members").fetchone()[0] == 4
        assert duplicate_groups(conn) == []
        years = conn.execute("SELECT year, wage FROM incomes WHERE household_id = ? ORDER BY year", (keep,)).fetchall()
        assert years == [(2018, 2000.0), (2019, 3000.0)]
        assert conn.execute("SELECT phone FROM households").fetchone()[0] == "13900000002"
        assert conn.execute("SELECT count(*) FROM sync_parked").fetchone()[0] == 0
        assert conn.execute("PRAGMA foreign_key_check").fetchall() == []


def test_the_desk_names_a_merged_away_household_and_opens_the_one_that_kept_the_family(
    township: Site, laptop: Site, laptop2: Site
) -> None:
    import datetime

    from models.sync_desk import desk_items
    from tests.models.conftest import person

    keep = laptop.registry.create_household({"village_code": VILLAGE, "household_no": "101"}, family(1))
    other = laptop2.registry.create_household({"village_code": VILLAGE, "household_no": "202"}, family(1))
    township.load(laptop.export().path)
    township.load(laptop2.export().path)
    laptop2.load(township.export(laptop2).path)
    merge_households(township.registry, keep, other, "两台电脑重复录入", "乡镇录入员")
    laptop2.registry.add_member(other, person("李四妻", "02", datetime.date(1980, 1, 1), False, 7))  # offline
    township.load(laptop2.export().path)

    [item] = [i for i in desk_items(township.db) if i.scope == other]
    assert "202 张三户（已并入" in item.record and "101 张三户" in item.record and "李四妻" in item.record
    assert item.household == keep  # 打开该户 opens the household that kept the family
    [english] = [i for i in desk_items(township.db, lang="en") if i.scope == other]
    assert "(merged into" in english.record and "101 张三 household" in english.record
