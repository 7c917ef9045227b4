"""Procedures: steps in order, batch decisions, going back with a reason, status following the result."""

from __future__ import annotations

import json

import pytest

from models.errors import JiandangError
from models.procedure_steps import STEPS, steps
from models.procedures import ProcedureError, households_at_step, record_step, state
from models.registry import Registry
from tests.models.conftest import VILLAGE
from tests.models.poor_households import VOTES, household, poor_household, walk


def events(registry: Registry) -> int:
    return registry.conn.execute("SELECT COUNT(*) FROM workflow_events").fetchone()[0]


def status(registry: Registry, hid: str, year: int) -> str | None:
    row = registry.conn.execute(
        "SELECT status FROM status_history WHERE household_id = ? AND year = ?", (hid, year)
    ).fetchone()
    return row[0] if row else None


def test_identification_passes_every_step_in_order_and_the_household_becomes_newly_identified(
    registry: Registry,
) -> None:
    hid = household(registry)
    walk(registry, [hid], "identification")
    current = state(registry.conn, hid, "identification", 2019)
    assert current.completed and current.next_step is None
    assert [e.step_id for e in current.done] == [s.step_id for s in steps("identification")]
    assert status(registry, hid, 2019) == "05"
    assert registry.get_household(hid)["household"]["identified_year"] == 2019
    vote = current.done[1]
    assert vote.votes == VOTES and vote.actor == "村委会"


def test_a_skipped_step_is_refused_naming_the_household_and_nothing_is_written(registry: Registry) -> None:
    hid = household(registry, number="6211211032010007")
    record_step(registry, [hid], "identification", "apply", "2019-01-02", "本人")
    before = events(registry)
    with pytest.raises(ProcedureError) as error:
        record_step(registry, [hid], "identification", "committee_review", "2019-01-03", "村两委", votes=VOTES)
    assert "文峰村张三户（户编号 6211211032010007）" in error.value.message_zh
    assert "下一步应为“小组初评”" in error.value.message_zh
    assert "next step is" in error.value.message_en
    assert events(registry) == before


def test_a_step_cannot_be_done_twice_or_before_the_previous_one(registry: Registry) -> None:
    hid = household(registry)
    record_step(registry, [hid], "identification", "apply", "2019-01-02", "本人")
    with pytest.raises(ProcedureError):
        record_step(registry, [hid], "identification", "apply", "2019-01-03", "本人")
    with pytest.raises(ProcedureError, match="早于"):
        record_step(registry, [hid], "identification", "group_review", "2019-01-01", "一组", votes=VOTES)


def test_one_meeting_decides_for_many_households_in_one_batch(registry: Registry) -> None:
    ids = [household(registry, seq) for seq in (1, 2, 3)]
    record_step(registry, ids, "identification", "apply", "2019-01-02", "本人")
    event_ids = record_step(
        registry,
        ids,
        "identification",
        "group_review",
        "2019-01-05",
        "第一村民小组",
        votes=VOTES,
        minutes="小组会议记录",
    )
    assert len(event_ids) == 3
    rows = registry.conn.execute("SELECT data FROM workflow_events WHERE step = 'group_review'").fetchall()
    data = [json.loads(r[0]) for r in rows]
    assert len({d["batch"] for d in data}) == 1 and all(d["minutes"] == "小组会议记录" for d in data)
    assert households_at_step(registry.conn, "identification", "committee_review", VILLAGE, 2019) == ids


def test_a_batch_with_one_household_out_of_step_is_refused_as_a_whole(registry: Registry) -> None:
    ids = [household(registry, seq, number=f"00{seq}") for seq in (1, 2, 3)]
    record_step(registry, ids[:2], "identification", "apply", "2019-01-02", "本人")
    before = events(registry)
    with pytest.raises(ProcedureError) as error:
        record_step(registry, ids, "identification", "group_review", "2019-01-05", "一组", votes=VOTES)
    assert error.value.problems[0][0] == ids[2] and len(error.value.problems) == 1
    assert "户编号 003" in error.value.message_zh and "户编号 001" not in error.value.message_zh
    assert events(registry) == before


def test_going_back_needs_a_reason_and_undoes_only_the_last_step(registry: Registry) -> None:
    hid = household(registry)
    walk(registry, [hid], "identification", until="committee_review")
    with pytest.raises(JiandangError, match="原因"):
        record_step(registry, [hid], "identification", "committee_review", "2019-02-01", "村两委", "revert")
    with pytest.raises(ProcedureError, match="只能退回最后"):
        record_step(
            registry, [hid], "identification", "group_review", "2019-02-01", "村两委", "revert", note="票数登记错误"
        )
    record_step(
        registry,
        [hid],
        "identification",
        "committee_review",
        "2019-02-01",
        "村两委",
        "revert",
        note="会议人数不足，重新审议",
    )
    current = state(registry.conn, hid, "identification", 2019)
    assert current.next_step.step_id == "committee_review" and len(current.done) == 2
    assert current.events[-1].outcome == "revert" and current.events[-1].note == "会议人数不足，重新审议"
    record_step(registry, [hid], "identification", "committee_review", "2019-02-02", "村两委", votes=VOTES)
    assert state(registry.conn, hid, "identification", 2019).next_step.step_id == "representatives_vote"


def test_a_completed_procedure_cannot_go_back(registry: Registry) -> None:
    hid = household(registry)
    walk(registry, [hid], "identification")
    with pytest.raises(ProcedureError, match="不能退回"):
        record_step(registry, [hid], "identification", "announce", "2019-05-01", "县扶贫办", "revert", note="错了")


def test_vote_steps_need_votes_that_carry_the_decision(registry: Registry) -> None:
    hid = household(registry)
    record_step(registry, [hid], "identification", "apply", "2019-01-02", "本人")
    with pytest.raises(JiandangError, match="票数"):
        record_step(registry, [hid], "identification", "group_review", "2019-01-05", "一组")
    with pytest.raises(JiandangError, match="赞成票未超过反对票"):
        record_step(
            registry, [hid], "identification", "group_review", "2019-01-05", "一组", votes={"for": 3, "against": 3}
        )
    with pytest.raises(JiandangError, match="出席人数"):
        record_step(
            registry,
            [hid],
            "identification",
            "group_review",
            "2019-01-05",
            "一组",
            votes={"present": 5, "for": 5, "against": 1},
        )


def test_a_rejection_ends_the_procedure_and_a_new_application_starts_it_again(registry: Registry) -> None:
    hid = household(registry)
    record_step(registry, [hid], "identification", "apply", "2019-01-02", "本人")
    record_step(
        registry,
        [hid],
        "identification",
        "group_review",
        "2019-01-05",
        "一组",
        "reject",
        votes={"for": 2, "against": 20},
        note="家庭收入明显高于标准",
    )
    current = state(registry.conn, hid, "identification", 2019)
    assert current.closed and current.next_step is None and not current.completed
    with pytest.raises(ProcedureError):
        record_step(registry, [hid], "identification", "committee_review", "2019-01-09", "村两委", votes=VOTES)
    record_step(registry, [hid], "identification", "apply", "2019-03-01", "本人")
    assert state(registry.conn, hid, "identification", 2019).next_step.step_id == "group_review"
    assert status(registry, hid, 2019) is None


def test_the_notice_period_must_be_over_before_the_next_step(registry: Registry) -> None:
    hid = poor_household(registry)
    walk(registry, [hid], "exit", until="village_notice", start="2019-03-01")
    notice_day = state(registry.conn, hid, "exit", 2019).done[-1].event_date
    assert notice_day == "2019-03-22"
    with pytest.raises(ProcedureError, match="公示期为 2019-03-22 至 2019-03-28，2019-03-29 起"):
        record_step(registry, [hid], "exit", "township_review", "2019-03-28", "乡镇")
    registry.db.set_setting("notice_days", "10")
    with pytest.raises(ProcedureError, match="2019-04-01 起"):
        record_step(registry, [hid], "exit", "township_review", "2019-03-29", "乡镇")
    record_step(registry, [hid], "exit", "township_review", "2019-04-01", "乡镇")


def test_exit_completed_marks_the_household_out_of_poverty_with_its_exit_year(registry: Registry) -> None:
    hid = poor_household(registry)
    walk(registry, [hid], "exit", start="2019-03-01")
    assert status(registry, hid, 2019) == "03"
    assert registry.get_household(hid)["household"]["exit_year"] == 2019
    assert registry.current_status(hid)["status"] == "03"


def test_return_and_removal_follow_their_procedures(registry: Registry) -> None:
    exited, other = poor_household(registry, 1), poor_household(registry, 2)
    registry.set_status(exited, 2018, "03")
    registry.update_household(exited, {"exit_year": 2018})
    walk(registry, [exited], "return", start="2019-01-02")
    assert status(registry, exited, 2019) == "04"
    assert registry.get_household(exited)["household"]["exit_year"] is None
    walk(registry, [other], "removal", start="2019-01-02")
    assert status(registry, other, 2019) == "06"
    reasons = [
        registry.conn.execute(
            "SELECT reason FROM status_history WHERE household_id = ? AND year = 2019", (h,)
        ).fetchone()[0]
        for h in (exited, other)
    ]
    assert reasons == ["因病返贫", "全家迁出"]  # the reason given when applying, kept with the status
    with pytest.raises(JiandangError, match="必须写明原因"):
        record_step(registry, [poor_household(registry, 3)], "removal", "apply", "2019-02-01", "村委会")


def test_a_household_must_have_the_right_status_to_start(registry: Registry) -> None:
    not_on_register, poor = household(registry, 1), poor_household(registry, 2)
    with pytest.raises(ProcedureError, match="未在册"):
        record_step(registry, [not_on_register], "exit", "committee_review", "2019-01-02", "村两委", votes=VOTES)
    with pytest.raises(ProcedureError, match="当前状态为“未脱贫”"):
        record_step(registry, [poor], "identification", "apply", "2019-01-02", "本人")
    with pytest.raises(ProcedureError, match="未脱贫"):
        record_step(registry, [poor], "return", "apply", "2019-01-02", "本人", note="因病返贫")


def test_two_procedures_cannot_run_at_once(registry: Registry) -> None:
    hid = poor_household(registry)
    walk(registry, [hid], "exit", until="verify", start="2019-01-02")
    with pytest.raises(ProcedureError, match="脱贫退出程序尚未结束"):
        record_step(registry, [hid], "removal", "apply", "2019-02-01", "村委会", note="全家迁出")


def test_dates_in_the_future_or_malformed_are_refused(registry: Registry) -> None:
    hid = household(registry)
    with pytest.raises(JiandangError, match="晚于今天"):
        record_step(registry, [hid], "identification", "apply", "2019-06-02", "本人")
    with pytest.raises(JiandangError, match="YYYY-MM-DD"):
        record_step(registry, [hid], "identification", "apply", "2019/01/02", "本人")
    with pytest.raises(JiandangError, match="没有“sign”这一步"):
        record_step(registry, [hid], "identification", "sign", "2019-01-02", "本人")


def test_households_at_the_first_step_are_those_that_may_start(registry: Registry) -> None:
    poor, exited = poor_household(registry, 1), poor_household(registry, 2)
    registry.set_status(exited, 2018, "03")
    assert households_at_step(registry.conn, "exit", "committee_review", VILLAGE, 2019) == [poor]
    assert households_at_step(registry.conn, "return", "apply", VILLAGE, 2019) == [exited]
    walk(registry, [poor], "exit", until="committee_review", start="2019-01-02")
    assert households_at_step(registry.conn, "exit", "committee_review", VILLAGE, 2019) == []
    assert households_at_step(registry.conn, "exit", "verify", VILLAGE, 2019) == [poor]
    assert households_at_step(registry.conn, "exit", "no_such_step", VILLAGE, 2019) == []


def test_an_open_procedure_of_last_year_continues_into_the_new_year(registry: Registry) -> None:
    hid = household(registry)
    walk(registry, [hid], "identification", until="verify", start="2018-11-01")
    record_step(registry, [hid], "identification", "village_notice", "2019-01-03", "村委会")
    current = state(registry.conn, hid, "identification", 2018)
    assert current.last_step.step_id == "village_notice" and current.year == 2018


def test_steps_are_insert_only_events_in_the_change_log(registry: Registry) -> None:
    hid = household(registry)
    [event] = record_step(registry, [hid], "identification", "apply", "2019-01-02", "本人")
    logged = registry.conn.execute(
        "SELECT op, scope FROM change_log WHERE tbl = 'workflow_events' AND pk = ?", (event,)
    ).fetchall()
    assert logged == [("insert", hid)]
    with pytest.raises(JiandangError), registry.db.write() as writer:
        writer.update("workflow_events", event, {"note": "改动"})


def test_the_step_table_is_consistent_and_names_a_notice_kind_for_every_notice() -> None:
    notices = [s for s in STEPS if s.kind in ("notice", "announce")]
    assert notices and all(s.notice_kind for s in notices)
    assert [s.step_id for s in steps("exit")] == [
        "committee_review",
        "verify",
        "household_sign",
        "village_notice",
        "township_review",
        "announce",
    ]


def test_an_exit_is_not_verified_for_a_household_below_the_exit_standard(registry: Registry) -> None:
    """Income of 1,500 yuan a head against a 2,995 line: the verification is refused, with the failing item."""
    from models.procedure_views import step_hints

    poor, better = poor_household(registry, 1), poor_household(registry, 2)
    registry.set_income(better, 2019, {"wage": 12000.0, "business": 4000.0})
    record_step(registry, [poor, better], "exit", "committee_review", "2019-05-06", "村两委", votes=VOTES)
    hints = step_hints(registry.conn, "exit", [poor, better], 2019, "2019-05-13", "verify")
    assert hints[poor].startswith("✗ 未达脱贫标准") and better not in hints
    english = step_hints(registry.conn, "exit", [poor], 2019, "2019-05-13", "verify", "en")
    assert english[poor].startswith("✗ below the exit standard: ") and "未" not in english[poor]
    with pytest.raises(ProcedureError, match="未达到脱贫标准") as error:
        record_step(registry, [poor, better], "exit", "verify", "2019-05-13", "工作队")
    assert "收入" in str(error.value)
    assert [len(state(registry.conn, h, "exit", 2019).done) for h in (poor, better)] == [1, 1]  # nothing written
    record_step(registry, [better], "exit", "verify", "2019-05-13", "工作队")
    record_step(registry, [poor], "exit", "verify", "2019-05-13", "工作队", outcome="reject", note="收入未达标")
    assert state(registry.conn, better, "exit", 2019).last_step.step_id == "verify"


def test_a_step_dated_outside_its_procedure_year_is_refused(registry: Registry) -> None:
    """A 2019 procedure runs in 2019 or into 2020; a 2017 one is over by the end of 2018."""
    hid = poor_household(registry)
    for day, year in (("2018-12-31", 2019), ("2019-05-06", 2017)):
        with pytest.raises(ProcedureError, match=f"不在 {year} 年度程序的时间内"):
            record_step(registry, [hid], "exit", "committee_review", day, "村两委", votes=VOTES, year=year)
    record_step(registry, [hid], "exit", "committee_review", "2019-05-06", "村两委", votes=VOTES, year=2019)


def test_a_household_with_another_procedure_open_is_hinted_before_the_first_step(registry: Registry) -> None:
    from models.procedure_views import step_hints

    busy, free = poor_household(registry, 1), poor_household(registry, 2)
    first = steps("removal")[0].step_id
    record_step(registry, [busy], "removal", first, "2019-05-06", "村委会", note="全家迁出", year=2019)
    hints = step_hints(registry.conn, "exit", [busy, free], 2019, "2019-05-13", "committee_review")
    assert hints == {busy: "⚠ 销号程序尚未结束"}
