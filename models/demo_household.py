"""The household form of a demo household: attribute, causes and living conditions.

The attribute and causes follow the members (a household with a seriously
ill member is most often 因病; a lone old person is often 特困供养).
"""

from __future__ import annotations

from typing import Any

from models.demo_people import Member
from models.demo_rand import Rand

CAUSES = ("01", "02", "03", "04", "05", "06", "07", "08", "09", "10", "11", "12", "13")
CAUSE_WEIGHTS = (16, 3, 4, 2, 3, 3, 20, 6, 18, 2, 3, 1, 1)
IDENTIFIED_YEARS = (2014,) * 60 + (2015,) * 25 + (2016,) * 15
ROADS = ("03",) * 60 + ("02",) * 25 + ("01",) * 12 + ("04",) * 3
HOUSING = ("A",) * 45 + ("B",) * 45 + ("C",) * 7 + ("D",) * 3
FUELS = ("01",) * 50 + ("03",) * 30 + ("02",) * 10 + ("04",) * 8 + ("05",) * 2
BANKS = (("农村信用社", "622"),) * 6 + (("邮政储蓄银行", "621"),) * 3 + (("中国农业银行", "622848"),)
RELOCATION = ("03",) * 7 + ("02",) * 2 + ("01",)
RESETTLEMENT_PLACES = ("1",) * 2 + ("2",) * 4 + ("3",) * 2 + ("4",) * 2


def household_row(rand: Rand, household_id: str, village_code: str, group_id: str, number: int,
                  members: list[Member]) -> tuple[dict[str, Any], list[str]]:
    """The household row and its other causes (at most one, so two causes in total)."""
    bank, prefix = rand.pick(BANKS)
    row: dict[str, Any] = {
        "id": household_id, "village_code": village_code, "group_id": group_id,
        "household_no": f"{village_code}{number:04d}", "phone": rand.phone(),
        "bank_name": bank, "bank_account": prefix + rand.digits(19 - len(prefix)),
        "standard": "1", "identified_year": rand.pick(IDENTIFIED_YEARS),
    }
    flags = _flags(members)
    row["attribute"] = _attribute(rand, members, flags)
    for member in members:
        member.row["dibao"], member.row["tekun"] = int(row["attribute"] == "2"), int(row["attribute"] == "3")
    weights = list(CAUSE_WEIGHTS)
    for index, flag, extra in ((0, "ill", 45), (1, "disabled", 30), (2, "students", 8), (7, "no_labour", 35)):
        if flags[flag]:
            weights[index] += extra
    main = rand.rng.choices(CAUSES, weights)[0]
    row["main_cause"] = main
    others = []
    if rand.chance(0.5):
        weights[CAUSES.index(main)] = 0
        others.append(rand.rng.choices(CAUSES, weights)[0])
    row.update(_family_flags(rand, members))
    row.update(_conditions(rand))
    return row, others


def _flags(members: list[Member]) -> dict[str, bool]:
    rows = [m.row for m in members]
    return {
        "ill": any("02" in r["health"] or "03" in r["health"] for r in rows),
        "disabled": any(r.get("disability_grade") for r in rows),
        "students": any(r["school_status"] not in ("01", "02") for r in rows),
        "no_labour": not any(r["labour_skill"] in ("01", "02") for r in rows),
    }


def _attribute(rand: Rand, members: list[Member], flags: dict[str, bool]) -> str:
    """1 一般, 2 低保 (more likely when ill, disabled or without labour), 3 特困 (lone old people)."""
    if len(members) == 1 and members[0].age >= 60 and rand.chance(0.55):
        return "3"
    vulnerable = flags["ill"] or flags["disabled"] or flags["no_labour"]
    return "2" if rand.chance(0.3 if vulnerable else 0.06) else "1"


def _family_flags(rand: Rand, members: list[Member]) -> dict[str, int]:
    children = [m.row["sex"] for m in members if m.row["relation"] in ("03", "04")]
    return {
        "is_military_family": 1 if rand.chance(0.01) else 0,
        "is_only_child": 1 if len(children) == 1 and rand.chance(0.3) else 0,
        "is_two_daughters": 1 if children == ["2", "2"] else 0,
    }


def _conditions(rand: Rand) -> dict[str, Any]:
    """Land, power, road, housing, water, fuel and organisation (生产生活条件)."""
    land = round(rand.uniform(2, 16), 1)
    forest = round(rand.uniform(0.5, 6), 1) if rand.chance(0.4) else 0.0
    relocated = rand.chance(0.06)
    difficult = 1 if rand.chance(0.08) else 0
    values: dict[str, Any] = {
        "land_area": land,
        "irrigated_area": round(land * rand.uniform(0.05, 0.3), 1) if rand.chance(0.3) else 0.0,
        "forest_area": forest,
        "reforested_area": round(forest * rand.uniform(0.3, 1.0), 1) if forest else 0.0,
        "orchard_area": round(rand.uniform(0.2, 2), 1) if rand.chance(0.2) else 0.0,
        "pasture_area": round(rand.uniform(0.5, 5), 1) if rand.chance(0.15) else 0.0,
        "water_area": 0.0,
        "production_power": 1 if rand.chance(0.97) else 0,
        "living_power": 1,
        "broadcast_tv": 1 if rand.chance(0.96) else 0,
        "road_distance_km": round(rand.uniform(0, 3), 1),
        "road_type": rand.pick(ROADS),
        "housing_area": float(rand.between(40, 140)),
        "housing_grade": "A" if relocated else rand.pick(HOUSING),
        "water_difficult": difficult,
        "water_safe": 0 if difficult and rand.chance(0.5) else 1,
        "fuel_type": rand.pick(FUELS),
        "sanitary_toilet": 1 if rand.chance(0.3) else 0,
        "in_cooperative": 1 if rand.chance(0.45) else 0,
        "enterprise_led": 1 if rand.chance(0.2) else 0,
        "leader_led": 1 if rand.chance(0.15) else 0,
        "is_relocated": 1 if relocated else 0,
    }
    if relocated:
        values["relocation_mode"] = rand.pick(RELOCATION)
        values["resettlement_mode"] = "1" if rand.chance(0.6) else "2"
        values["resettlement_place"] = rand.pick(RESETTLEMENT_PLACES)
        values["relocation_keys_received"] = 1
    return values
