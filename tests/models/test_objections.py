"""Objections raised during a notice hold the procedure until they are resolved."""

from __future__ import annotations

import pytest

from models.errors import JiandangError
from models.objections import get_objection, objections_of
from models.procedures import (
    ProcedureError,
    households_at_step,
    record_objection,
    record_step,
    resolve_objection,
    state,
)
from models.registry import Registry
from tests.models.conftest import VILLAGE
from tests.models.poor_households import poor_household, walk


@pytest.fixture
def at_notice(registry: Registry) -> str:
    """A household whose exit notice was posted on 2019-03-22."""
    hid = poor_household(registry)
    walk(registry, [hid], "exit", until="village_notice", start="2019-03-01")
    return hid


def test_an_open_objection_blocks_the_step_after_the_notice(registry: Registry, at_notice: str) -> None:
    objection = record_objection(
        registry,
        at_notice,
        "exit",
        "该户家中有人在县城开店，收入未如实申报。",
        "村民李某",
        "2019-03-24",
        notice_id="notice-1",
    )
    assert state(registry.conn, at_notice, "exit", 2019).open_objections[0].id == objection
    with pytest.raises(ProcedureError, match="1 条异议尚未处理"):
        record_step(registry, [at_notice], "exit", "township_review", "2019-04-02", "乡镇")
    stored = get_objection(registry.conn, objection)
    assert (stored.step, stored.notice_id, stored.status) == ("village_notice", "notice-1", "open")


def test_an_objection_raised_before_the_notice_step_is_recorded_blocks_the_notice_step(registry: Registry) -> None:
    hid = poor_household(registry)
    walk(registry, [hid], "exit", until="household_sign", start="2019-03-01")
    record_objection(registry, hid, "exit", "收入核实有误", "村民王某", "2019-03-20")
    with pytest.raises(ProcedureError, match="异议"):
        record_step(registry, [hid], "exit", "village_notice", "2019-03-22", "村委会")


def test_rejecting_an_objection_needs_a_reason_then_the_procedure_goes_on(registry: Registry, at_notice: str) -> None:
    objection = record_objection(registry, at_notice, "exit", "收入未如实申报", "村民李某", "2019-03-24")
    with pytest.raises(JiandangError, match="理由"):
        resolve_objection(registry, objection, False, " ", "2019-03-27")
    resolve_objection(registry, objection, False, "经入户核实，店铺属其亲戚所有，与该户无关。", "2019-03-27")
    assert get_objection(registry.conn, objection).status == "rejected"
    record_step(registry, [at_notice], "exit", "township_review", "2019-04-02", "乡镇")
    with pytest.raises(JiandangError, match="已经处理"):
        resolve_objection(registry, objection, True, None, "2019-04-03")


def test_an_upheld_objection_takes_the_household_out_of_the_procedure(registry: Registry, at_notice: str) -> None:
    objection = record_objection(registry, at_notice, "exit", "仍有重病患者未得到救治", "村民", "2019-03-24")
    resolve_objection(registry, objection, True, "经核实，异议属实", "2019-03-26", resolved_by="乡镇工作站")
    current = state(registry.conn, at_notice, "exit", 2019)
    assert current.closed and current.closed_by.outcome == "withdraw" and current.next_step is None
    assert current.closed_by.data["objection"] == objection
    assert households_at_step(registry.conn, "exit", "township_review", VILLAGE, 2019) == []
    assert registry.current_status(at_notice)["status"] == "01"
    assert [o.status for o in objections_of(registry.conn, at_notice)] == ["upheld"]


def test_objections_are_only_taken_at_the_notice_stage(registry: Registry) -> None:
    hid = poor_household(registry)
    with pytest.raises(JiandangError, match="不在脱贫退出程序中"):
        record_objection(registry, hid, "exit", "有异议", "村民", "2019-03-24")
    walk(registry, [hid], "exit", until="committee_review", start="2019-03-01")
    with pytest.raises(JiandangError, match="不在公示阶段"):
        record_objection(registry, hid, "exit", "有异议", "村民", "2019-03-24")
    with pytest.raises(JiandangError, match="异议内容"):
        record_objection(registry, hid, "exit", "", "村民", "2019-03-24")


def test_objections_are_synced_records_with_a_change_log(registry: Registry, at_notice: str) -> None:
    objection = record_objection(registry, at_notice, "exit", "有异议", "村民", "2019-03-24")
    resolve_objection(registry, objection, False, "不属实", "2019-03-25")
    ops = [
        r[0]
        for r in registry.conn.execute(
            "SELECT op FROM change_log WHERE tbl = 'objections' AND pk = ? ORDER BY seq", (objection,)
        )
    ]
    assert ops == ["insert", "update"]


def test_an_objection_is_linked_to_the_archived_notice_of_its_period(registry: Registry, at_notice: str) -> None:
    with registry.db.write() as writer:
        notice = writer.insert(
            "notices",
            {
                "kind": "exit",
                "village_code": VILLAGE,
                "year": 2019,
                "start_date": "2019-03-22",
                "end_date": "2019-03-28",
                "days": 7,
                "household_ids": f'["{at_notice}"]',
                "household_count": 1,
                "operator": "测试员",
                "created_at": "2019-03-22T09:00:00",
                "sha256": "0" * 64,
                "file_name": "n.pdf",
                "pages": 1,
                "paper": "A4",
            },
        )
    inside = record_objection(registry, at_notice, "exit", "有异议", "村民", "2019-03-25")
    after = record_objection(registry, at_notice, "exit", "又有异议", "村民", "2019-03-30")
    assert get_objection(registry.conn, inside).notice_id == notice
    assert get_objection(registry.conn, after).notice_id is None


def test_an_objection_dated_before_the_notice_was_posted_is_refused(registry: Registry, at_notice: str) -> None:
    with pytest.raises(JiandangError, match="早于公示张贴日期 2019-03-22"):
        record_objection(registry, at_notice, "exit", "收入未如实申报", "村民李某", "2019-03-10")
    assert not state(registry.conn, at_notice, "exit", 2019).open_objections
