"""One rule for a household's people in a year: the statistics and the income's 家庭人口 count the same.

The report (``people_counted``, the numbers ``compute_report`` adds up) and ``population_in_year`` are run
over hand-made edge cases and over a demo county with records damaged as real data is, every household and
every year, the current one (looked at on 2019-06-01) included, and must give the same counts.
"""

from __future__ import annotations

import datetime
from pathlib import Path

import pytest

from models.db import Database, open_database
from models.demo import generate_demo
from models.household_people import member_state
from models.incomes import population_in_year
from models.registry import Registry
from models.stats_report import compute_report, people_counted
from tests.models.conftest import TODAY, person
from tests.models.poor_households import household

YEARS = (2016, 2017, 2018, 2019, 2020)  # 2019 is the current year on TODAY; 2020 is counted on TODAY too

# Each household starts as head (1970), spouse (1972), son (1998), daughter (2008), on the register since 2016.
# case -> its people in YEARS as the rule counts them on TODAY
EXPECTED = {
    "birth_recorded": (4, 4, 4, 5, 5),  # 新生儿 on 2019-02-04
    "birth_not_recorded": (4, 4, 4, 5, 5),  # a member born 2019-03-03 entered on the form, no change
    "arrival_after_the_day": (4, 4, 4, 5, 5),  # 嫁入 2019-05-10; 其他转入 dated 2019-09-01, after today
    "death_before_the_day": (4, 4, 3, 3, 3),  # 死亡 2018-10-01
    "death_after_the_day": (4, 4, 4, 3, 3),  # 死亡 2019-03-01
    "left_without_a_date": (3, 4, 4, 3, 3),  # 2017 and 2018 incomes stored with her; no record elsewhere
    "change_without_left_date": (4, 4, 3, 3, 3),  # 其他转出 2018-04-01; 离户日期 emptied
    "left_date_after_the_change": (4, 4, 3, 3, 3),  # 嫁出 2018-04-01; 离户日期 typed 2019-01-15
    "back_without_a_date": (4, 4, 3, 4, 4),  # out 2017-07-01, ticked 在户 again; 2018 income stored without him
    "back_with_a_date": (4, 3, 4, 4, 4),  # out 2017-07-01, 其他转入 2018-09-09
    "arrived_then_left_undated": (4, 5, 4, 4, 4),  # 嫁入 2017-05-01, 2017 income stored with her, then left
    "no_dates": (3, 3, 3, 3, 3),  # the head has no birth date; the daughter left with no date at all
    "leaves_after_today": (4, 4, 4, 4, 4),  # 其他转出 dated 2019-10-01: still there on 2019-06-01
}
# looked at after 2020 has ended: the changes dated after 2019-06-01 have happened
EXPECTED_LATER = {"arrival_after_the_day": (4, 4, 4, 6, 6), "leaves_after_today": (4, 4, 4, 3, 3)}


def _member(registry: Registry, hid: str, relation: str) -> str:
    sql = "SELECT id FROM members WHERE household_id = ? AND relation = ?"
    return registry.conn.execute(sql, (hid, relation)).fetchone()[0]


def _set(database: Database, member_id: str, **values: object) -> None:
    """Write member columns as a sync or an import may leave them (no validation, no normalising)."""
    with database.write("测试") as writer:
        writer.update("members", member_id, values)


def _change(database: Database, hid: str, member_id: str, change: str, day: str) -> None:
    with database.write("测试") as writer:
        writer.insert(
            "member_changes", {"household_id": hid, "member_id": member_id, "change": change, "change_date": day}
        )


def _build(registry: Registry, database: Database, case: str, seq: int) -> str:
    extra = [person("张小宝", "07", datetime.date(2019, 3, 3), True, 30 + seq)] if case == "birth_not_recorded" else []
    hid = household(registry, seq)
    for member in extra:
        registry.add_member(hid, member)
    registry.set_status(hid, 2016, "01")
    son, daughter, spouse, head = (_member(registry, hid, r) for r in ("03", "04", "02", "01"))
    record = registry.record_member_change
    if case == "birth_recorded":
        record(hid, "06", "2019-02-04", new_member=person("张小宝", "07", datetime.date(2019, 2, 4), True, 40 + seq))
    elif case == "arrival_after_the_day":
        record(hid, "05", "2019-05-10", new_member=person("王芳", "05", datetime.date(1999, 5, 5), False, 40 + seq))
        record(hid, "07", "2019-09-01", new_member=person("王强", "99", datetime.date(1990, 1, 1), True, 50 + seq))
    elif case in ("death_before_the_day", "death_after_the_day"):
        record(hid, "01", "2018-10-01" if case == "death_before_the_day" else "2019-03-01", member_id=spouse)
    elif case == "left_without_a_date":
        registry.set_income(hid, 2017, {"wage": 8000})
        registry.set_income(hid, 2018, {"wage": 8000})
        _set(database, daughter, in_household=0)
    elif case == "change_without_left_date":
        record(hid, "08", "2018-04-01", member_id=son)
        _set(database, son, left_date=None)
    elif case == "left_date_after_the_change":
        record(hid, "02", "2018-04-01", member_id=daughter)
        _set(database, daughter, left_date="2019-01-15")
    elif case in ("back_without_a_date", "back_with_a_date"):
        record(hid, "08", "2017-07-01", member_id=son)
        registry.set_income(hid, 2018, {"wage": 8000})
        if case == "back_with_a_date":
            _change(database, hid, son, "07", "2018-09-09")
            registry.delete_income(hid, 2018)
        _set(database, son, in_household=1, left_date=None)
    elif case == "arrived_then_left_undated":
        bride = record(hid, "05", "2017-05-01", new_member=person("王芳", "05", datetime.date(1995, 5, 5), False, 60))
        registry.set_income(hid, 2017, {"wage": 8000})
        _set(database, bride, in_household=0)
    elif case == "no_dates":
        _set(database, head, birth_date=None)
        _set(database, daughter, in_household=0, left_date=None)
    elif case == "leaves_after_today":
        record(hid, "08", "2019-10-01", member_id=son)
    return hid


@pytest.fixture
def cases(registry: Registry, database: Database) -> dict[str, str]:
    """{case: household id}, one household per edge case."""
    return {case: _build(registry, database, case, seq) for seq, case in enumerate(EXPECTED, start=1)}


def _both_ways(conn, year: int, today: datetime.date | None) -> tuple[dict, dict]:
    """The report's (people, last year's people) per household, and the same from ``population_in_year``."""
    report = people_counted(conn, year, today)
    incomes = {
        hid: (population_in_year(conn, hid, year, today=today), population_in_year(conn, hid, year - 1, today=today))
        for hid in report
    }
    return report, incomes


@pytest.mark.parametrize("today", [TODAY, None], ids=["2019-06-01", "today"])
def test_each_edge_case_is_counted_by_the_rule_in_both_places(
    registry: Registry, cases: dict[str, str], today: datetime.date | None
) -> None:
    expected = EXPECTED if today else {**EXPECTED, **EXPECTED_LATER}
    for index, year in enumerate(YEARS):
        report, incomes = _both_ways(registry.conn, year, today)
        assert report == incomes, year
        assert {case: report[hid][0] for case, hid in cases.items()} == {
            case: counts[index] for case, counts in expected.items()
        }, year


def test_the_report_adds_up_the_same_people(registry: Registry, cases: dict[str, str]) -> None:
    for year in YEARS:
        total = compute_report(registry.conn, year, today=TODAY)["total"]
        assert total["people"] == sum(population_in_year(registry.conn, h, year, today=TODAY) for h in cases.values())


def test_the_current_year_is_counted_on_today(registry: Registry, cases: dict[str, str]) -> None:
    hid = cases["arrival_after_the_day"]  # a move in dated 2019-09-01 has not happened on 2019-06-01
    assert population_in_year(registry.conn, hid, 2019, today=TODAY) == 5
    assert population_in_year(registry.conn, hid, 2019, today=datetime.date(2020, 1, 2)) == 6
    assert compute_report(registry.conn, 2019, today=TODAY)["as_of"] == TODAY.isoformat()


def test_a_member_is_placed_by_the_last_change_on_or_before_the_day() -> None:
    left = {"in_household": 0, "left_date": "2018-04-01"}
    assert member_state(left, [], "2018-03-31") == (True, True)
    assert member_state(left, [], "2018-04-01") == (False, True)
    back = [{"change": "08", "change_date": "2017-07-01"}, {"change": "07", "change_date": "2018-09-09"}]
    assert [member_state({"in_household": 1}, back, d)[0] for d in ("2016-12-31", "2017-12-31", "2018-12-31")] == [
        True,
        False,
        True,
    ]
    same_day = [{"change": "08", "change_date": "2018-05-01"}, {"change": "07", "change_date": "2018-05-01"}]
    assert member_state({"in_household": 1}, same_day, "2018-05-01") == (True, True)  # an arrival counts after
    assert member_state({"in_household": 0}, [], "2018-12-31") == (False, False)  # left with no date: as now
    assert member_state({"in_household": 1}, back[:1], "2018-12-31") == (True, False)  # back without a date


def _damage(db: Database) -> None:
    """Damage a demo county as real records are: dates lost, members back without a date, dates re-typed."""
    conn = db.conn
    gone = [r[0] for r in conn.execute("SELECT id FROM members WHERE in_household = 0 ORDER BY id")]
    living = [r[0] for r in conn.execute("SELECT id FROM members WHERE in_household = 1 ORDER BY id")]
    with db.write("测试") as writer:
        for index, member in enumerate(gone):
            if index % 4 == 0:
                writer.update("members", member, {"left_date": None})  # the change keeps its date
            elif index % 4 == 1:
                writer.update("members", member, {"in_household": 1, "left_date": None})  # back, no date
            elif index % 4 == 2:
                writer.update("members", member, {"left_date": "2019-01-15"})  # a later date typed
        for index, member in enumerate(living[::15]):
            values = {"in_household": 0} if index % 2 else {"birth_date": None}  # left undated / no birth date
            writer.update("members", member, values)
        for member, hid in conn.execute("SELECT id, household_id FROM members WHERE in_household = 1 LIMIT 40"):
            writer.insert(
                "member_changes",
                {"household_id": hid, "member_id": member, "change": "07", "change_date": "2018-06-30"},
            )


@pytest.mark.parametrize("today", [TODAY, None], ids=["2019-06-01", "today"])
def test_a_damaged_demo_county_is_counted_the_same_in_both_places(tmp_path: Path, today: datetime.date | None) -> None:
    db = open_database(tmp_path / "demo.db")
    generate_demo(db, households=120, seed=5, current_year=2019)
    _damage(db)
    try:
        compared = 0
        for year in (2015, *YEARS):
            report, incomes = _both_ways(db.conn, year, today)
            assert report == incomes, year
            compared += len(report)
        assert compared > 500
    finally:
        db.close()
