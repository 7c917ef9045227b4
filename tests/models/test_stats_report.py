"""The township report on a small hand-built registry, against numbers worked out by hand.

Six households of four people, 2019, looked at on 2019-06-01:

    A 文峰村  未脱贫 since 2017, attr 1, cause 01, helper, income 2018 1,500/person, plans to exit 2019
    B 文峰村  exited 2019 as planned,  attr 2, cause 02, helper, income 2018 4,000/person
    C 文峰村  预脱贫 2019, attr 3, cause 08, pairing ended 2019-03-01, income 1,500, plans 2020
    D 石峰村  exited 2018, income 2018 7,000/person
    E 石峰村  新识别 2019, attr 1, cause 05, no helper, no income, plans 2019
    F 华川村 (another township)  removed 2019, poor in 2018: only under 本年销号, not on the 2019 register
"""

from __future__ import annotations

import json

import pytest

from models.registry import Registry
from models.stats import compute_stats
from models.stats_format import format_report, report_tables
from models.stats_report import compute_report
from tests.models.conftest import OTHER_VILLAGE, TODAY, VILLAGE
from tests.models.poor_households import HIGH, household, poor_household

TOWNSHIP_2, VILLAGE_3 = "621121104", "621121104201"


@pytest.fixture
def report(registry: Registry) -> dict:
    registry.add_region(TOWNSHIP_2, "马营镇")
    registry.add_region(VILLAGE_3, "华川村")
    registry.set_village_profile(VILLAGE, 2019, {"rural_population": 1000})
    registry.set_village_profile(OTHER_VILLAGE, 2018, {"rural_population": 500})
    a = poor_household(registry, 1, planned_exit_year=2019)
    registry.create_measure(
        {"household_id": a, "year": 2019, "type": "09", "status": "3", "fund_fiscal": 1200, "fund_social": 300}
    )
    b = poor_household(registry, 2, attribute="2", main_cause="02", planned_exit_year=2019)
    registry.set_income(b, 2018, HIGH)
    registry.set_status(b, 2019, "03")
    registry.update_household(b, {"exit_year": 2019})
    c = poor_household(registry, 3, attribute="3", main_cause="08", planned_exit_year=2020)
    registry.set_status(c, 2019, "02")
    registry.end_pairing(registry.current_pairing(c)["id"], "2019-03-01")
    registry.create_measure({"household_id": c, "year": 2019, "type": "08", "status": "4", "fund_fiscal": 5000})
    d = poor_household(registry, 4, village_code=OTHER_VILLAGE)
    registry.set_status(d, 2018, "03")
    registry.set_income(d, 2018, {"wage": 28000, "business": 0})
    e = household(registry, 5, village_code=OTHER_VILLAGE, main_cause="05", planned_exit_year=2019)
    registry.set_status(e, 2019, "05")
    f = poor_household(registry, 6, village_code=VILLAGE_3)
    registry.set_status(f, 2018, "01")
    registry.set_status(f, 2019, "06")
    return compute_report(registry.conn, 2019, today=TODAY)


def by_code(entries: list[dict], key: str = "households") -> dict:
    return {e["code"]: e[key] for e in entries}


def test_townships_and_villages_add_up(report: dict) -> None:
    total = report["total"]
    assert (total["households"], total["people"], total["poor_households"], total["poor_people"]) == (5, 20, 3, 12)
    [first, second] = report["townships"]
    assert [v["name"] for v in first["villages"]] == ["文峰村", "石峰村"] and second["name"] == "马营镇"
    assert [(v["households"], v["poor_households"], v["poor_people"]) for v in first["villages"]] == [
        (3, 2, 8),
        (2, 1, 4),
    ]
    assert (first["households"], second["households"], second["poor_households"]) == (5, 0, 0)


def test_status_attribute_and_cause(report: dict) -> None:
    total = report["total"]
    assert by_code(total["by_status"]) == {"01": 1, "02": 1, "03": 2, "04": 0, "05": 1, "06": 1}
    assert by_code(total["by_status"], "people")["03"] == 8
    assert by_code(total["by_attribute"]) == {"1": 2, "2": 0, "3": 1}  # poor households only
    causes = by_code(total["by_cause"])
    assert (causes["01"], causes["05"], causes["08"], causes["02"]) == (1, 1, 1, 0)


def test_incidence_uses_the_latest_village_profile(report: dict) -> None:
    first = report["townships"][0]
    assert [v["rural_population"] for v in first["villages"]] == [1000, 500]
    assert [v["incidence"] for v in first["villages"]] == [0.008, 0.008]
    assert first["rural_population"] == 1500 and first["incidence"] == 0.008
    assert report["townships"][1]["incidence"] is None


def test_measures_by_category_with_funds_by_source(report: dict) -> None:
    measures = {m["category"]: m for m in report["total"]["measures"]}
    assert (measures["1"]["measures"], measures["1"]["households"], measures["1"]["total"]) == (5, 5, 0.0)
    assert measures["4"]["funds"] == {"01": 1200.0, "02": 0.0, "03": 0.0, "04": 300.0, "05": 0.0}
    assert measures["4"]["total"] == 1500.0 and measures["5"]["measures"] == 0  # the cancelled one is left out


def test_exits_against_the_plan_and_helper_coverage(report: dict) -> None:
    total = report["total"]
    assert total["exits"] == {
        "planned": 3,
        "exited": 1,
        "exited_people": 4,
        "exited_as_planned": 1,
        "exited_late": 0,
        "exited_other": 0,
        "planned_not_exited": 2,
    }
    assert total["helpers"] == {"poor_households": 3, "covered": 1, "coverage": 0.3333}


def test_income_bands_against_the_line_and_change_on_last_year(report: dict) -> None:
    bands = {e["band"]: e["households"] for e in report["total"]["income"]}
    assert bands == {"below": 2, "to_1_5": 1, "to_2": 0, "over_2": 1, "none": 1}
    assert sum(bands.values()) == report["total"]["households"]  # the removed F has no band
    change = report["total"]["change"]
    assert change["poor_households"] == {"previous": 4, "current": 3, "delta": -1}
    assert change["poor_people"] == {"previous": 16, "current": 12, "delta": -4}
    assert report["townships"][1]["change"]["poor_households"]["delta"] == -1


def test_tables_text_and_json_carry_the_same_numbers(registry: Registry, report: dict) -> None:
    tables = report_tables(report, "zh")
    overview = tables[0]
    assert overview[2][0] == ["合计", 5, 20, 3, 12, None, None]  # 华川村 has no rural population
    assert str(overview[2][1][6]) == "0.80%"
    text = format_report(report)
    assert "2019 年概况" in text and "0.80%" in text and "贫困发生率" in text
    assert "Poverty rate" in format_report(report, "en")
    stats = compute_stats(registry.conn, 2019, detailed=True)
    assert json.loads(json.dumps(stats["report"]))["total"]["poor_households"] == 3
    assert "report" not in compute_stats(registry.conn, 2019)
