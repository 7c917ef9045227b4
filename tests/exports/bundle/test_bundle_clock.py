"""A laptop whose clock is days fast: only its own bundles are held, the message names it, and the advice works."""

from __future__ import annotations

import pytest

from models.clock import HybridClock, wall_ms
from models.sync_merge import ClockAheadError
from tests.exports.bundle.sites import Site
from tests.models.conftest import VILLAGE, family

DAYS_3 = 3 * 86_400_000


def _fast(site: Site, ahead_ms: int) -> None:
    """The site's wall clock runs ``ahead_ms`` fast from now on (its persisted clock is kept, as on a real laptop)."""
    site.db.clock = HybridClock(site.db.clock.last, now=lambda: wall_ms() + ahead_ms)


def _phone(site: Site, hid: str) -> str:
    return site.db.conn.execute("SELECT phone FROM households WHERE id = ?", (hid,)).fetchone()[0]


def test_the_held_message_names_the_fast_laptop_and_says_what_will_work(township: Site, laptop: Site) -> None:
    _fast(laptop, DAYS_3)
    laptop.registry.create_household({"village_code": VILLAGE}, family(1))
    with pytest.raises(ClockAheadError) as held:
        township.load(laptop.export().path)
    zh, en = held.value.message("zh"), held.value.message("en")
    assert zh.startswith("laptop1 的电脑时钟快了约 3 天") and "本机时间是" in zh
    assert "调正之后它的数据包仍会被暂缓，直到在本机确认导入一次" in zh and "--accept-clock" in zh
    assert "乡镇工作人员" not in zh and "发出数据包的电脑" not in zh
    assert en.startswith("The clock of laptop1 is about 3 days ahead") and "accepted once on this computer" in en


def test_a_return_bundle_relaying_an_accepted_fast_laptop_is_not_held_anywhere(
    township: Site, laptop: Site, laptop2: Site
) -> None:
    from exports.bundle_report import format_import

    hid = laptop2.registry.create_household({"village_code": VILLAGE, "phone": "13900000001"}, family(1))
    township.load(laptop2.export().path)
    laptop.load(township.export(laptop).path)
    _fast(laptop, DAYS_3)
    laptop.registry.update_household(hid, {"phone": "13599999999"})
    bundle = laptop.export().path
    with pytest.raises(ClockAheadError):
        township.load(bundle)
    accepted = township.load(bundle, accept_skew=True)
    lines = "\n".join(format_import(accepted, "zh"))
    assert "注意：laptop1 的修改时间比本机时钟超前" in lines and "这些值会胜过之后对同一项的修改" in lines
    assert "win over later edits" in "\n".join(format_import(accepted, "en"))
    relayed = laptop2.load(township.export(laptop2).path)  # holds laptop1's records dated 3 days ahead
    assert relayed.status == "imported" and _phone(laptop2, hid) == "13599999999"
    told = f"注意：另一台电脑 {laptop.site_id[:8]} 的修改时间比本机时钟超前"
    assert told in relayed.message_zh  # the laptop is told too (it does not know the other laptop's name)
    laptop2.registry.update_household(hid, {"note": "后来的修改"})
    assert township.load(laptop2.export().path).status == "imported"
    assert laptop2.load(township.export(laptop2).path).status == "imported"


def test_fixing_the_clock_leaves_the_laptop_held_until_accepted_once_and_then_it_flows(
    township: Site, laptop: Site
) -> None:
    _fast(laptop, DAYS_3)
    laptop.registry.create_household({"village_code": VILLAGE}, family(1))
    with pytest.raises(ClockAheadError):
        township.load(laptop.export().path)
    _fast(laptop, 0)  # the clock is set right; the persisted clock stays 3 days ahead
    laptop.registry.create_household({"village_code": VILLAGE}, family(2))
    fixed = laptop.export().path
    with pytest.raises(ClockAheadError):
        township.load(fixed)  # as the message says: still held
    assert township.load(fixed, accept_skew=True).status == "imported"
    laptop.load(township.export(laptop).path)
    laptop.registry.create_household({"village_code": VILLAGE}, family(3))
    after = township.load(laptop.export().path)  # accepted once is enough
    assert after.status == "imported" and after.merge.rows_new == 5
    assert laptop.load(township.export(laptop).path).status == "imported"
    assert township.dump() == laptop.dump()


def test_a_clock_that_keeps_running_further_ahead_is_held_again(township: Site, laptop: Site) -> None:
    _fast(laptop, DAYS_3)
    laptop.registry.create_household({"village_code": VILLAGE}, family(1))
    township.load(laptop.export().path, accept_skew=True)
    laptop.load(township.export(laptop).path)
    _fast(laptop, 2 * DAYS_3)  # days later, its clock still wrong: 3 more days beyond what was accepted
    laptop.registry.create_household({"village_code": VILLAGE}, family(2))
    with pytest.raises(ClockAheadError) as held:
        township.load(laptop.export().path)
    assert "快了约 6 天" in held.value.message("zh")


def test_the_township_clock_ahead_is_named_at_the_laptop(township: Site, laptop: Site) -> None:
    _fast(township, DAYS_3)
    with township.db.write("clerk") as writer:
        line = township.db.conn.execute("SELECT id FROM poverty_lines ORDER BY year DESC LIMIT 1").fetchone()[0]
        writer.update("poverty_lines", line, {"amount": 4100.0})
    with pytest.raises(ClockAheadError) as held:
        laptop.load(township.export(laptop).path)
    assert held.value.message("zh").startswith("乡镇 township 的电脑时钟快了约 3 天")
    assert "在本机确认导入一次" in held.value.message("zh")


def test_an_edit_made_after_seeing_a_future_stamped_value_wins_everywhere(
    township: Site, laptop: Site, laptop2: Site
) -> None:
    hid = laptop2.registry.create_household({"village_code": VILLAGE, "phone": "13900000001"}, family(1))
    township.load(laptop2.export().path)
    laptop.load(township.export(laptop).path)
    _fast(laptop, DAYS_3)
    laptop.registry.update_household(hid, {"phone": "13599999999"})
    township.load(laptop.export().path, accept_skew=True)
    township.registry.update_household(hid, {"phone": "13700000000"})  # the clerk corrects it afterwards
    for site in (laptop, laptop2):
        site.load(township.export(site).path)
    assert _phone(township, hid) == _phone(laptop, hid) == _phone(laptop2, hid) == "13700000000"
    assert township.dump() == laptop2.dump()
