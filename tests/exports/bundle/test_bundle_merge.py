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
