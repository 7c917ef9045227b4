"""All rows of one demo village, in insertion order (parents before children).

Households are generated one by one: family, members, the household form,
its years (status, incomes, member changes), pairings and measures.  The
village profile is counted from the generated households.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from models.demo_family import compose
from models.demo_help import HOUSEHOLDS_PER_HELPER, make_team, pairings
from models.demo_household import household_row
from models.demo_measures import measures
from models.demo_people import Member, PeopleMaker
from models.demo_rand import Rand, stable_id
from models.demo_regions import VillagePlan, group_rows
from models.demo_years import live_years

TABLES = ("village_groups", "work_teams", "work_team_villages", "helpers", "households", "members",
          "other_causes", "incomes", "status_history", "member_changes", "pairings", "measures", "loans",
          "village_profiles")
LABOUR = frozenset({"01", "02", "05"})


@dataclass
class VillageRows:
    """Rows per table, in the order they must be inserted."""

    tables: dict[str, list[dict[str, Any]]] = field(default_factory=lambda: {t: [] for t in TABLES})


def village_rows(rand: Rand, people: PeopleMaker, village: VillagePlan,
                 surnames: tuple[Callable[[], str], Callable[[], str]]) -> VillageRows:
    """Every row of one village."""
    out = VillageRows()
    tables = out.tables
    tables["village_groups"] = groups = group_rows(village)
    team = make_team(rand, (village.code, village.name), village.township, village.households)
    tables["work_teams"].append(team.team)
    tables["work_team_villages"].append(team.team_village)
    tables["helpers"] = team.helpers
    han, hui = surnames
    counts = {"population": 0, "labour": 0, "water": 0}
    for index in range(village.households):
        household_id = rand.new_id()
        ethnicity = rand.pick(village.ethnicities)
        family = compose(rand, hui if ethnicity == "03" and rand.chance(0.8) else han)
        members = people.members(household_id, family, ethnicity)
        household, others = household_row(rand, household_id, village.code, rand.pick(groups)["id"], index + 1,
                                          members)
        timeline = live_years(rand, household, members)
        pairs = pairings(rand, household, index, team.helpers)
        helper = team.helpers[index // HOUSEHOLDS_PER_HELPER]  # the current pairing's helper
        help_rows, loans = measures(rand, household, members, helper)
        tables["households"].append(household)
        tables["members"] += [m.row for m in members]
        tables["other_causes"] += [{"id": stable_id("cause", household_id, c), "household_id": household_id,
                                    "cause": c} for c in others]
        tables["incomes"] += timeline.incomes
        tables["status_history"] += timeline.statuses
        tables["member_changes"] += timeline.changes
        tables["pairings"] += pairs
        tables["measures"] += help_rows
        tables["loans"] += loans
        _count(counts, household, members)
    tables["village_profiles"].append(_profile(rand, village, team.team["id"], counts))
    return out


def _count(counts: dict[str, int], household: dict[str, Any], members: list[Member]) -> None:
    for member in members:
        if member.left is None:
            counts["population"] += 1
            counts["labour"] += member.row["labour_skill"] in LABOUR
    counts["water"] += household["water_difficult"]


def _profile(rand: Rand, village: VillagePlan, team_id: str, counts: dict[str, int]) -> dict[str, Any]:
    """The current year's 贫困村 profile: the registered households plus the village's other households."""
    factor = rand.uniform(1.15, 1.6)
    households = round(village.households * factor * rand.uniform(0.95, 1.05))
    rural = round(counts["population"] * factor)
    water = round(counts["water"] * factor)
    return {
        "id": stable_id("profile", village.code, rand.current_year), "village_code": village.code,
        "year": rand.current_year, "is_poor_village": 1 if rand.chance(0.75) else 0,
        "households": households, "population": rural + rand.between(5, 60), "rural_population": rural,
        "labour_force": round(counts["labour"] * factor), "poor_households": village.households,
        "poor_population": counts["population"], "road_to_township": 1,
        "road_km_unhardened": round(rand.uniform(0, 8), 1), "tap_water_households": households - water,
        "water_difficult_households": water, "power_households": households, "no_power_households": 0,
        "has_clinic": 1 if rand.chance(0.95) else 0, "has_doctor": 1 if rand.chance(0.9) else 0,
        "has_broadband": 1 if rand.chance(0.7) else 0, "collective_income": rand.between(0, 60) * 1000.0,
        "work_team_id": team_id,
    }
