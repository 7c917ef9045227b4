"""The demo county's region tree: townships (1xx 镇, 2xx 乡), villages (2xx 村) and 村民小组.

The county is invented (code 621190, not a real county of 定西市), its
place names are drawn from common syllables.  About 400 households per
village (300–500) and one township per 15 villages.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from models.demo_names import GROUP_NUMERALS, LANDFORMS, PLACE_FIRST, SURNAME_TABLE
from models.demo_rand import Rand, stable_id

PROVINCE = ("620000000000", "甘肃省")
PREFECTURE = ("621100000000", "定西市")
COUNTY_CODE = "621190000000"
VILLAGES_PER_TOWNSHIP = 15
HOUSEHOLDS_PER_VILLAGE = 400
ETHNIC_PROFILES = (("01",) * 98 + ("03",) * 2, ("03",) * 70 + ("01",) * 30, ("04",) * 60 + ("01",) * 40)
PROFILE_TABLE = (0,) * 85 + (1,) * 12 + (2,) * 3  # Han, Hui and Tibetan villages


@dataclass
class VillagePlan:
    """One village to generate."""

    code: str
    name: str
    township: str
    households: int
    groups: list[str]
    ethnicities: tuple[str, ...]


@dataclass
class CountyPlan:
    """The county, its townships (code, name) and villages."""

    code: str
    name: str
    townships: list[tuple[str, str]] = field(default_factory=list)
    villages: list[VillagePlan] = field(default_factory=list)


def plan_county(rand: Rand, households: int) -> CountyPlan:
    """Names, codes and sizes of every township and village for ``households`` households."""
    used: set[str] = set()
    county = CountyPlan(COUNTY_CODE, _place(rand, used, "县"))
    sizes = _village_sizes(rand, households)
    township_count = -(-len(sizes) // VILLAGES_PER_TOWNSHIP)
    town_numbers, xiang_numbers = iter(range(101, 200)), iter(range(201, 400))
    for index in range(township_count):
        town = index == 0 or rand.chance(0.4)
        number = next(town_numbers) if town else next(xiang_numbers)
        county.townships.append((f"{COUNTY_CODE[:6]}{number:03d}000", _place(rand, used, "镇" if town else "乡")))
    for index, size in enumerate(sizes):
        township_code, township_name = county.townships[index * township_count // len(sizes)]
        number = 201 + sum(1 for v in county.villages if v.code.startswith(township_code[:9]))
        county.villages.append(VillagePlan(
            f"{township_code[:9]}{number:03d}", _village_name(rand, used), township_name, size,
            _groups(rand), ETHNIC_PROFILES[rand.pick(PROFILE_TABLE)],
        ))
    return county


def _village_sizes(rand: Rand, households: int) -> list[int]:
    """300–500 households per village, scaled to add up to ``households``."""
    count = max(1, round(households / HOUSEHOLDS_PER_VILLAGE))
    raw = [rand.between(300, 500) for _ in range(count)]
    total = sum(raw)
    sizes = [max(1, raw[i] * households // total) for i in range(count)]
    sizes[-1] += households - sum(sizes)
    return sizes


def _place(rand: Rand, used: set[str], suffix: str) -> str:
    while True:
        name = rand.pick(PLACE_FIRST) + rand.pick(LANDFORMS) + suffix
        if name not in used:
            used.add(name)
            return name


def _village_name(rand: Rand, used: set[str]) -> str:
    """张家沟村 or 新庄村, unique in the county."""
    while True:
        if rand.chance(0.5):
            name = rand.pick(SURNAME_TABLE)[0] + "家" + rand.pick(LANDFORMS) + "村"
        else:
            name = rand.pick(PLACE_FIRST) + rand.pick(LANDFORMS) + "村"
        if name not in used:
            used.add(name)
            return name


def _groups(rand: Rand) -> list[str]:
    count = rand.between(4, 10)
    if rand.chance(0.5):
        return [f"第{GROUP_NUMERALS[i]}村民小组" for i in range(count)]
    return [f"{GROUP_NUMERALS[i]}社" for i in range(count)]


def region_rows(county: CountyPlan) -> list[dict[str, Any]]:
    """Region rows from the province down to the villages, with the registry's stable ids."""
    rows = [_region(*PROVINCE, 1, None), _region(*PREFECTURE, 2, PROVINCE[0]),
            _region(county.code, county.name, 3, PREFECTURE[0])]
    rows += [_region(code, name, 4, county.code) for code, name in county.townships]
    rows += [_region(v.code, v.name, 5, v.code[:9] + "000") for v in county.villages]
    return rows


def _region(code: str, name: str, level: int, parent: str | None) -> dict[str, Any]:
    return {"id": stable_id("region", code), "code": code, "name": name, "level": level, "parent_code": parent}


def group_rows(village: VillagePlan) -> list[dict[str, Any]]:
    """The village's 村民小组 rows (stable ids as the registry gives them)."""
    return [{"id": stable_id("group", village.code, name), "village_code": village.code, "name": name, "sort": i}
            for i, name in enumerate(village.groups)]
