"""Every warning rule fires on the mistake it is about, and stays quiet on a household in order."""

from __future__ import annotations

import datetime

import pytest

from models.check import run_check
from models.procedures import record_step
from models.registry import Registry
from models.warnings import RULES, run_rules, warning_counts
from tests.models.conftest import TODAY
from tests.models.poor_households import HIGH, household, poor_household, walk


def fired(registry: Registry, hid: str | None = None, year: int = 2019) -> dict[str, list]:
    """Rule id -> warnings, for one household or all."""
    found: dict[str, list] = {}
    for warning in run_rules(registry.conn, year, None if hid is None else [hid], today=TODAY):
        found.setdefault(warning.rule_id, []).append(warning)
    return found


def member(registry: Registry, hid: str, name: str) -> dict:
    return next(m for m in registry.get_household(hid)["members"] if m["name"] == name)


@pytest.fixture
def clean(registry: Registry) -> str:
    return poor_household(registry)


def test_a_poor_household_in_order_has_no_warnings(registry: Registry, clean: str) -> None:
    assert fired(registry) == {}
    assert warning_counts(registry.conn, 2019, today=TODAY) == {}


def test_no_main_cause(registry: Registry, clean: str) -> None:
    registry.set_causes(clean, None)
    [warning] = fired(registry, clean)["no_main_cause"]
    assert warning.household_id == clean and warning.record_table == "households" and warning.hint_zh


def test_no_helper_and_an_ended_pairing_are_told_apart(registry: Registry, clean: str) -> None:
    never = household(registry, 2)
    registry.set_status(never, 2018, "01")
    registry.set_income(never, 2018, {"wage": 1000})
    registry.create_measure({"household_id": never, "year": 2019, "type": "01", "status": "3"})
    assert set(fired(registry)) == {"no_helper"}
    registry.end_pairing(registry.current_pairing(clean)["id"], "2019-03-01")
    found = fired(registry)
    [ended] = found["pairing_ended"]
    assert ended.household_id == clean and ended.record_table == "pairings" and "2019-03-01" in ended.message_zh
    assert [w.household_id for w in found["no_helper"]] == [never]


def test_a_pairing_ending_later_is_not_a_warning_yet(registry: Registry, clean: str) -> None:
    registry.end_pairing(registry.current_pairing(clean)["id"], "2019-09-01")
    assert fired(registry) == {}


def test_no_measure_in_the_current_year(registry: Registry, clean: str) -> None:
    assert "no_measure" not in fired(registry, clean)
    later = run_rules(registry.conn, 2020, [clean], today=datetime.date(2020, 6, 1))
    assert {w.rule_id for w in later} == {"no_measure", "income_missing", "measure_overdue"}  # judged on 2020
    other = poor_household(registry, 2)
    measure = registry.get_household(other)["measures"][0]["id"]
    registry.update_measure(measure, {"year": 2018})
    assert [w.household_id for w in fired(registry)["no_measure"]] == [other]
    registry.update_measure(measure, {"year": 2019, "status": "4"})
    assert [w.household_id for w in fired(registry)["no_measure"]] == [other]


def test_invalid_id_number(registry: Registry, clean: str) -> None:
    son = member(registry, clean, "张小明")
    registry.conn.execute(
        "UPDATE members SET id_number = substr(id_number, 1, 17) || "
        "CASE substr(id_number, 18, 1) WHEN '0' THEN '1' ELSE '0' END WHERE id = ?",
        (son["id"],),
    )
    [warning] = fired(registry, clean)["id_invalid"]
    assert warning.severity == "error" and warning.record_id == son["id"] and "张小明" in warning.message_zh


def test_a_valid_old_15_digit_number_is_not_invalid(registry: Registry, clean: str) -> None:
    registry.conn.execute("UPDATE members SET id_number = '110105491231002' WHERE name = '张小明'")
    assert "id_invalid" not in fired(registry, clean)


def test_duplicated_id_number_in_two_households(registry: Registry, clean: str) -> None:
    other = poor_household(registry, 2)
    number = member(registry, clean, "张三")["id_number"]
    registry.conn.execute("UPDATE members SET id_number = ? WHERE household_id = ? AND name = '张三'", (number, other))
    found = fired(registry)["id_duplicate"]
    assert sorted(w.household_id for w in found) == sorted([clean, other])
    assert all(w.severity == "error" and "2 次" in w.message_zh for w in found)
    numbers = dict(registry.conn.execute("SELECT id, household_no FROM households"))
    for warning in found:  # each names the other household holding the number, so the clerk can find it
        [holder] = [hid for hid in (clean, other) if hid != warning.household_id]
        assert f"户编号 {numbers[holder]} 的" in warning.message_zh
        assert f"household {numbers[holder]}" in warning.message_en
    registry.conn.execute("UPDATE households SET household_no = NULL WHERE id = ?", (other,))
    [told] = [w for w in fired(registry)["id_duplicate"] if w.household_id == clean]
    assert "另一户（尚无户编号）的张三" in told.message_zh and "None" not in told.message_en
    assert [w.household_id for w in fired(registry, other)["id_duplicate"]] == [other]
    registry.set_status(other, 2019, "06")
    assert "id_duplicate" not in fired(registry)


def test_no_head_or_two_heads(registry: Registry, clean: str) -> None:
    registry.conn.execute("UPDATE members SET relation = '01' WHERE household_id = ? AND name = '李梅'", (clean,))
    [two] = fired(registry, clean)["head_count"]
    assert "2 个户主" in two.message_zh
    registry.conn.execute("UPDATE members SET relation = '02' WHERE household_id = ?", (clean,))
    [none] = fired(registry, clean)["head_count"]
    assert "没有户主" in none.message_zh


def test_missing_last_year_income(registry: Registry, clean: str) -> None:
    registry.delete_income(clean, 2018)
    [warning] = fired(registry, clean)["income_missing"]
    assert "2018" in warning.message_zh


def test_income_above_the_line_two_years_but_not_exited(registry: Registry, clean: str) -> None:
    registry.set_income(clean, 2018, HIGH)
    assert "above_line_not_exited" not in fired(registry, clean)  # one year above is not enough
    registry.set_income(clean, 2017, HIGH)
    [warning] = fired(registry, clean)["above_line_not_exited"]
    assert "4,000.00" in warning.message_zh and "2,995.00" in warning.message_zh
    registry.set_status(clean, 2019, "02")  # 预脱贫: the exit procedure is already under way
    assert "above_line_not_exited" not in fired(registry, clean)
    registry.set_status(clean, 2019, "03")
    assert "above_line_not_exited" not in fired(registry, clean)


def test_exited_but_income_below_the_line(registry: Registry, clean: str) -> None:
    registry.set_status(clean, 2018, "03")
    [warning] = fired(registry, clean)["exited_below_line"]
    assert warning.record_table == "incomes" and "2018" in warning.message_zh
    registry.set_income(clean, 2018, HIGH)
    assert "exited_below_line" not in fired(registry, clean)


def test_school_age_child_not_in_school_without_a_reason(registry: Registry, clean: str) -> None:
    daughter = member(registry, clean, "张小丽")
    registry.update_member(daughter["id"], {"school_status": "01"})
    [warning] = fired(registry, clean)["school_age_not_in_school"]
    assert warning.record_id == daughter["id"] and "10 岁" in warning.message_zh
    registry.update_member(daughter["id"], {"school_note": "重度残疾，送教上门"})
    assert "school_age_not_in_school" not in fired(registry, clean)


def test_healthy_working_age_member_marked_unable_to_work(registry: Registry, clean: str) -> None:
    son = member(registry, clean, "张小明")
    registry.update_member(son["id"], {"health": "01", "labour_skill": "03", "school_status": "01"})
    [warning] = fired(registry, clean)["lost_labour_healthy"]
    assert "21 岁" in warning.message_zh
    registry.update_member(son["id"], {"health": "03"})
    assert "lost_labour_healthy" not in fired(registry, clean)


@pytest.mark.parametrize(
    ("loan", "expected"),
    [
        ({"amount": 60000, "term_months": 36, "loan_date": "2018-03-01"}, "超过 5 万元"),
        ({"amount": 30000, "term_months": 48, "loan_date": "2018-03-01"}, "超过 3 年"),
        ({"amount": 30000, "term_months": 36, "loan_date": "2015-03-01", "borrower": "张小明"}, "17 岁"),
        ({"amount": 30000, "term_months": 36, "loan_date": "2018-03-01"}, None),
        ({"amount": 60000, "term_months": 36, "loan_date": "2018-03-01", "repayment_status": "2"}, None),
    ],
)
def test_micro_credit_outside_its_terms(registry: Registry, clean: str, loan: dict, expected: str | None) -> None:
    borrower = member(registry, clean, loan.pop("borrower", "张三"))
    registry.create_measure(
        {"household_id": clean, "year": 2018, "type": "04", "status": "3"}, loan={**loan, "borrower_id": borrower["id"]}
    )
    found = fired(registry, clean).get("micro_credit_terms", [])
    if expected is None:
        assert found == []
    else:
        assert len(found) == 1 and expected in found[0].message_zh and found[0].record_table == "loans"


def test_measure_past_its_planned_end_not_completed(registry: Registry, clean: str) -> None:
    measure = registry.create_measure(
        {
            "household_id": clean,
            "year": 2019,
            "type": "08",
            "status": "2",
            "planned_start": "2019-01-01",
            "planned_end": "2019-05-01",
        }
    )
    [warning] = fired(registry, clean)["measure_overdue"]
    assert warning.record_id == measure and "危房改造" in warning.message_zh
    registry.update_measure(measure, {"status": "3", "actual_end": "2019-05-20"})
    assert "measure_overdue" not in fired(registry, clean)


def test_notice_period_over_without_the_next_step(registry: Registry, clean: str) -> None:
    walk(registry, [clean], "exit", until="village_notice", start="2019-04-01")  # notice posted 2019-04-22
    found = run_rules(registry.conn, 2019, [clean], today=datetime.date(2019, 4, 28))
    assert "notice_overdue" not in {w.rule_id for w in found}
    found = run_rules(registry.conn, 2019, [clean], today=datetime.date(2019, 5, 20))
    [warning] = [w for w in found if w.rule_id == "notice_overdue"]
    assert "2019-04-22" in warning.message_zh and warning.record_table == "workflow_events"
    record_step(registry, [clean], "exit", "township_review", "2019-05-21", "乡镇")
    found = run_rules(registry.conn, 2019, [clean], today=datetime.date(2019, 5, 25))
    assert "notice_overdue" not in {w.rule_id for w in found}


def test_counts_match_the_warnings_and_a_household_subset_matches_the_full_run(registry: Registry) -> None:
    ids = [poor_household(registry, seq) for seq in (1, 2, 3)]
    registry.set_causes(ids[0], None)
    registry.delete_income(ids[0], 2018)
    registry.set_causes(ids[2], None)
    everything = run_rules(registry.conn, 2019, today=TODAY)
    assert warning_counts(registry.conn, 2019, today=TODAY) == {ids[0]: 2, ids[2]: 1}
    assert sorted(w.rule_id for w in everything) == ["income_missing", "no_main_cause", "no_main_cause"]
    assert run_rules(registry.conn, 2019, [ids[0]], today=TODAY) == [w for w in everything if w.household_id == ids[0]]
    assert run_rules(registry.conn, 2019, [ids[1]], today=TODAY) == []


def test_warning_counts_use_the_working_year(registry: Registry, clean: str) -> None:
    registry.set_causes(clean, None)
    # newest status year 2017: the cause, no 2017 measure, no 2016 income
    assert warning_counts(registry.conn, today=TODAY) == {clean: 3}
    registry.db.set_setting("current_year", "2019")
    assert warning_counts(registry.conn, today=TODAY) == {clean: 1}


def test_check_reports_warnings_without_failing(registry: Registry, clean: str) -> None:
    registry.set_causes(clean, None)
    report = run_check(registry.conn)
    codes = {p.code for p in report.problems}
    assert "no_main_cause" in codes and not report.errors
    assert any(p.record == clean and "主要致贫原因" in p.message_zh for p in report.warnings)


def test_every_rule_has_a_title_a_hint_and_a_severity() -> None:
    assert len({r.id for r in RULES}) == len(RULES) == 16
    assert all(r.title_zh and r.hint_zh and r.hint_en and r.severity in ("error", "warning") for r in RULES)


def test_the_working_year_follows_a_new_status_year(registry: Registry, clean: str) -> None:
    from models.warnings import working_year

    assert working_year(registry.conn) == 2017
    registry.set_status(clean, 2019, "02")
    assert working_year(registry.conn) == 2019
    registry.db.set_setting("current_year", "2018")
    assert working_year(registry.conn) == 2018
