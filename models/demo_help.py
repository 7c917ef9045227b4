"""Help for demo households: helpers and the village work team, pairings, measures and micro-credit.

One helper per about five households, paired in order; about 15% of the
households had an earlier helper whose pairing ended the day before the
current one started.  Measures are chosen from what the household needs
(education aid where children are in school, 危房改造 for C/D housing …).
Micro-credit follows the policy: at most 50,000 yuan, at most 36 months,
a borrower aged 18–65, one loan per household.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from models.demo_names import FEMALE_CHARS, HELPER_POSITIONS, HELPER_UNITS, MALE_CHARS, SURNAME_TABLE, expand
from models.demo_rand import Rand, iso, stable_id

HOUSEHOLDS_PER_HELPER = 5
POLITICAL = ("01",) * 13 + ("13",) * 5 + ("03",) + ("02",)


@dataclass
class Team:
    """A village's helpers, its work team and the team's link to the village."""

    helpers: list[dict[str, Any]]
    team: dict[str, Any]
    team_village: dict[str, Any]


def make_team(rand: Rand, village: tuple[str, str], township: str, households: int) -> Team:
    """Helpers for ``households`` households; the first three to five form the work team, led by the first."""
    code, name = village
    units = expand((affiliation + unit.format(township=township), weight) for unit, affiliation, weight in HELPER_UNITS)
    team_id = rand.new_id()
    count = max(1, -(-households // HOUSEHOLDS_PER_HELPER))
    team_size = min(count, rand.between(3, 5))
    helpers = []
    for index in range(count):
        male = rand.chance(0.7)
        unit_code = rand.pick(units) if index else rand.pick([u for u in units if not u.startswith("05")])
        helpers.append({
            "id": rand.new_id(), "name": rand.pick(SURNAME_TABLE) + _given(rand, male), "sex": "1" if male else "2",
            "political": rand.pick(POLITICAL), "unit": unit_code[2:], "affiliation": unit_code[:2],
            "position": "第一书记" if index == 0 else rand.pick(HELPER_POSITIONS), "phone": rand.phone(),
            "team_id": team_id if index < team_size else None,
        })
    team = {"id": team_id, "name": f"{name}驻村帮扶工作队", "unit": helpers[0]["unit"],
            "leader_helper_id": helpers[0]["id"], "start_date": iso(rand.day(rand.current_year - 2, 2, 4))}
    link = {"id": stable_id("team_village", team_id, code), "team_id": team_id, "village_code": code}
    return Team(helpers, team, link)


def _given(rand: Rand, male: bool) -> str:
    chars = (MALE_CHARS if male else FEMALE_CHARS)[1]
    return rand.pick(chars) + (rand.pick(chars) if rand.chance(0.7) else "")


def pairings(rand: Rand, household: dict[str, Any], index: int, helpers: list[dict[str, Any]]) -> list[dict]:
    """The current pairing (helper by position) and, for about 15%, an earlier ended one."""
    hid, identified, current = household["id"], household["identified_year"], rand.current_year
    helper = helpers[index // HOUSEHOLDS_PER_HELPER]
    start = rand.day(identified, 11, 12)
    rows = []
    if len(helpers) > 1 and rand.chance(0.15):
        earlier = helpers[(index // HOUSEHOLDS_PER_HELPER + 1) % len(helpers)]
        year = rand.between(identified + 1, current)
        change = rand.day(year, 1, 6 if year == current else 12)
        rows.append({"id": rand.new_id(), "household_id": hid, "helper_id": earlier["id"], "start_date": iso(start),
                     "end_date": iso(change - 1)})
        start = change
    rows.append({"id": rand.new_id(), "household_id": hid, "helper_id": helper["id"], "start_date": iso(start)})
    return rows
