"""The report counts each year as it was: that year's register, that year's members, and says what it counts.

Built with the registry as a clerk records things: births and deaths with their
dates, households identified and removed in different years, a village
without a village profile, a household exiting later than planned.
"""

from __future__ import annotations

import argparse
import datetime
import io

from models.registry import Registry
from models.stats_cli import stats_command
from models.stats_format import report_tables
from models.stats_notes import report_notes, unit_figures
from models.stats_report import compute_report
from tests.models.conftest import OTHER_VILLAGE, VILLAGE, person
from tests.models.poor_households import household, poor_household

LATER = datetime.date(2020, 3, 1)  # the reports below are looked at after 2019 has closed


def poor_people(registry: Registry, year: int) -> tuple[int, int, int]:
    """(poor people, people, last year's poor people in the change table) of the total."""
    total = compute_report(registry.conn, year, today=LATER)["total"]
    return total["poor_people"], total["people"], total["change"]["poor_people"]["previous"]


def test_a_closed_year_keeps_its_people_when_a_later_birth_or_death_is_recorded(registry: Registry) -> None:
    hid = poor_household(registry, 1)  # four people, poor since 2016
    registry.set_income(hid, 2018, {"wage": 6000})
    before = poor_people(registry, 2018)
    assert before == (4, 4, 4)
    daughter = registry.conn.execute("SELECT id FROM members WHERE household_id = ? AND relation = '04'", (hid,))
    registry.record_member_change(hid, "01", "2019-05-02", member_id=daughter.fetchone()[0])
    assert poor_people(registry, 2018) == before  # the girl who died in 2019 is among 2018's people
    baby = person("张小宝", "07", datetime.date(2019, 2, 4), True, 9)
    registry.record_member_change(hid, "06", "2019-02-04", new_member=baby)
    assert poor_people(registry, 2018) == before  # the baby born in 2019 is not
    assert poor_people(registry, 2019) == (4, 4, 4)  # one born, one died in 2019
    stored = registry.conn.execute("SELECT population FROM incomes WHERE household_id = ? AND year = 2018", (hid,))
    assert stored.fetchone()[0] == before[0]  # the same count the 2018 income was stored with


def test_a_member_who_left_during_the_year_counts_in_the_years_before(registry: Registry) -> None:
    hid = poor_household(registry, 1)
    son = registry.conn.execute("SELECT id FROM members WHERE household_id = ? AND relation = '03'", (hid,))
    registry.record_member_change(hid, "08", "2019-03-01", member_id=son.fetchone()[0])
    assert poor_people(registry, 2018)[:2] == (4, 4)
    assert poor_people(registry, 2019) == (3, 3, 4)  # the change table shows the departure


def test_only_households_on_the_years_register_count(registry: Registry) -> None:
    poor_household(registry, 1)  # identified 2016
    late = household(registry, 2)
    registry.set_status(late, 2019, "05")  # identified in 2019
    gone = poor_household(registry, 3)
    registry.set_status(gone, 2017, "06")  # removed in 2017
    now = poor_household(registry, 4)
    registry.set_status(now, 2018, "06")  # removed in 2018
    for year, households, removed in ((2015, 0, 0), (2016, 3, 0), (2018, 1, 1), (2019, 2, 0)):
        total = compute_report(registry.conn, year, today=LATER)["total"]
        status = {e["code"]: e["households"] for e in total["by_status"]}
        assert (total["households"], status["06"]) == (households, removed), year
        assert sum(e["households"] for e in total["income"]) == total["households"]  # the bands add up
    assert compute_report(registry.conn, 2015, today=LATER)["total"]["people"] == 0


def test_a_village_without_a_rural_population_gives_no_township_rate(registry: Registry) -> None:
    registry.set_village_profile(VILLAGE, 2019, {"rural_population": 1000})
    poor_household(registry, 1)
    poor_household(registry, 2, village_code=OTHER_VILLAGE)  # 石峰村 has no village profile
    report = compute_report(registry.conn, 2019, today=LATER)
    township = report["townships"][0]
    assert [v["incidence"] for v in township["villages"]] == [0.004, None]
    assert (township["rural_population"], township["incidence"], township["rural_missing"]) == (None, None, ["石峰村"])
    assert report["total"]["incidence"] is None  # not 8 poor people over the 1000 of one village
    assert any("石峰村" in note and "贫困发生率" in note for note in report_notes(report))
    registry.set_village_profile(OTHER_VILLAGE, 2018, {"rural_population": 600})
    township = compute_report(registry.conn, 2019, today=LATER)["townships"][0]
    assert (township["rural_population"], township["incidence"], township["rural_missing"]) == (1600, 0.005, [])


def test_exits_give_households_and_people_and_late_exits_are_named_so(registry: Registry) -> None:
    on_time = poor_household(registry, 1, planned_exit_year=2019)
    late = poor_household(registry, 2, planned_exit_year=2018)
    for hid in (on_time, late):
        registry.set_status(hid, 2019, "03")
    poor_household(registry, 3, planned_exit_year=2019)  # still poor
    report = compute_report(registry.conn, 2019, today=LATER)
    exits = report["total"]["exits"]
    assert (exits["exited"], exits["exited_people"], exits["exited_as_planned"], exits["exited_late"]) == (2, 8, 1, 1)
    assert (exits["planned"], exits["exited_other"], exits["planned_not_exited"]) == (2, 0, 1)
    title, header, rows = report_tables(report)[5]
    assert header[1:] == [
        "计划本年脱贫",
        "脱贫户数",
        "脱贫人口（人）",
        "按计划脱贫",
        "逾期脱贫",
        "提前或未定计划脱贫",
        "计划到期未脱贫",
    ]
    assert rows[0] == ["合计", 2, 2, 8, 1, 1, 0, 1] and "计划外" not in title
    assert any(note.startswith("逾期脱贫：计划脱贫年度早于 2019 年") for note in report_notes(report))
    figures = dict(unit_figures(report["total"]))
    assert (figures["脱贫户数"], figures["脱贫人口（人）"]) == ("2", "8")


def test_the_total_row_says_what_it_covers_and_each_table_names_its_years(registry: Registry) -> None:
    poor_household(registry, 1)
    report = compute_report(registry.conn, 2019, today=LATER)
    tables = report_tables(report)
    assert [rows[0][0] for _, _, rows in tables if rows] == ["合计"] * 9  # never the county's name
    notes = report_notes(report)
    assert notes[:2] == [
        "截至 2019-12-31；生成于 2020-03-01。",
        "范围：通渭县 平襄镇，共 1 个乡镇、1 个村；“合计”是这些村的合计。",
    ]
    assert tables[1][1][-1] == "贫困人口（人）"
    change_title, change_header, _ = tables[8]
    assert change_title == "与上年比较（2018 年 → 2019 年）" and change_header[1:3] == ["贫困户·2018", "贫困户·2019"]
    english = report_tables(report, "en")
    assert english[0][1][6] == "Poverty rate" == unit_figures(report["total"], "en")[4][0]  # one term


def test_plain_stats_prints_one_year_the_working_year(registry: Registry) -> None:
    hid = poor_household(registry, 1)
    registry.set_status(hid, 2019, "03")
    registry.db.set_setting("current_year", "2018")
    out = io.StringIO()
    args = argparse.Namespace(year=None, json=False, lang="zh", xlsx=None, pdf=None)
    stats_command(registry.db, args, out)
    text = out.getvalue()
    assert text.startswith("2018 年统计（截至 2018-12-31）") and "2018 年概况" in text
    assert "未脱贫" in text and "2019" not in text  # the 2019 exit is not shown
