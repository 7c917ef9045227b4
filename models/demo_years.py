"""A demo household through the years: departures and births, status history and incomes.

Status: 新识别 in the identified year, 未脱贫 the year after, then 已脱贫 in
the exit year for most households; a few 返贫 later, rarely 销号; some still
poor households are 预脱贫 in the current year.  Incomes of the three years
before the current year put the per-capita net income below the poverty line
before the exit and above it from the exit year on.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from models.codes import DEFAULT_POVERTY_LINES
from models.demo_people import Member
from models.demo_rand import Rand, iso, stable_id

LINES = {year: float(amount) for year, standard, amount in DEFAULT_POVERTY_LINES if standard == "1"}
RETURN_REASONS = ("因病返贫", "因灾返贫", "因学返贫", "因残返贫", "务工收入减少返贫")
REMOVAL_REASONS = ("识别不精准，经民主评议予以剔除", "家庭有财政供养人员，予以剔除", "整户迁出本县")


def poverty_line(year: int) -> float:
    """The national line of a year (the nearest known year outside the table)."""
    if year in LINES:
        return LINES[year]
    return LINES[min(LINES, key=lambda y: (abs(y - year), -y))]


@dataclass
class Timeline:
    """The rows a household's years produce."""

    statuses: list[dict[str, Any]] = field(default_factory=list)
    incomes: list[dict[str, Any]] = field(default_factory=list)
    changes: list[dict[str, Any]] = field(default_factory=list)


def live_years(rand: Rand, household: dict[str, Any], members: list[Member]) -> Timeline:
    """Departures and births, statuses and incomes of one household (updates the rows in place)."""
    timeline = Timeline()
    _departures(rand, household, members, timeline)
    exit_year, ratios = _statuses(rand, household, timeline)
    _incomes(rand, household, members, ratios, timeline)
    return timeline


def _departures(rand: Rand, household: dict[str, Any], members: list[Member], timeline: Timeline) -> None:
    """A few daughters married out and old parents died after identification; births after it are logged."""
    first, current = household["identified_year"] + 1, rand.current_year
    hid = household["id"]
    for member in members:
        row, born = member.row, member.born
        reason, earliest = None, first
        if row["relation"] == "04" and 20 <= member.age <= 32 and rand.chance(0.25):
            reason, earliest = "02", max(first, born + 20)
        elif row["relation"] in ("11", "12") and member.age >= 70 and rand.chance(0.3):
            reason = "01"
        if reason and earliest <= current:
            year = rand.between(earliest, current)
            member.left, member.left_year = rand.day(year, 1, 6 if year == current else 12), year
            row["in_household"], row["left_date"], row["left_reason"] = 0, iso(member.left), reason
            timeline.changes.append(_change(rand, hid, row["id"], reason, row["left_date"]))
        elif born >= first:
            timeline.changes.append(_change(rand, hid, row["id"], "06", row["birth_date"]))


def _change(rand: Rand, household_id: str, member_id: str, change: str, date: str) -> dict[str, Any]:
    return {"id": rand.new_id(), "household_id": household_id, "member_id": member_id, "change": change,
            "change_date": date}


def _statuses(rand: Rand, household: dict[str, Any], timeline: Timeline) -> tuple[int | None, dict[int, float]]:
    """Status rows; returns the exit year and the income ratio (to the line) of each income year."""
    identified, current = household["identified_year"], rand.current_year
    removed = rand.between(identified + 1, current) if rand.chance(0.01) else None
    exit_year = None
    for year in range(identified + 1, min(current, removed or current)):
        if rand.chance(min(0.5, 0.15 + 0.08 * (year - 2014))):
            exit_year = year
            break
    returned = rand.between(exit_year + 1, current) if exit_year and not removed and rand.chance(0.04) else None
    rows = {identified: ("05", None, rand.day(identified, 8, 11))}
    if identified + 1 <= current:
        rows[identified + 1] = ("01", None, rand.day(identified + 1, 3, 5))
    if exit_year:
        rows[exit_year] = ("03", None, rand.day(exit_year, 11, 12))
    if returned:
        rows[returned] = ("04", rand.pick(RETURN_REASONS), rand.day(returned, 1, 6 if returned == current else 12))
    planned = _planned_exit(rand, identified, exit_year)
    if removed:
        rows[removed] = ("06", rand.pick(REMOVAL_REASONS), rand.day(removed, 3, 6))
    elif not exit_year and planned == current and rand.chance(0.5):
        rows[current] = ("02", None, rand.day(current, 3, 6))
    hid = household["id"]
    for year in sorted(rows):
        status, reason, day = rows[year]
        timeline.statuses.append({"id": stable_id("status", hid, year), "household_id": hid, "year": year,
                                  "status": status, "reason": reason, "decided_date": iso(day)})
    household["planned_exit_year"] = planned
    household["exit_year"] = exit_year if exit_year and not returned and not removed else None
    return exit_year, _ratios(rand, exit_year, returned, removed, planned)


def _planned_exit(rand: Rand, identified: int, exit_year: int | None) -> int:
    if exit_year:
        return exit_year if rand.chance(0.7) else rand.between(identified + 1, exit_year)
    return rand.current_year if rand.chance(0.6) else rand.current_year + 1


def _ratios(rand: Rand, exit_year: int | None, returned: int | None, removed: int | None,
            planned: int) -> dict[int, float]:
    """Per-capita net income over the line for each income year."""
    current = rand.current_year
    ratios = {}
    for step, year in enumerate(range(current - 3, current)):
        if removed:
            ratio = rand.uniform(1.3, 2.0)
        elif returned and year >= returned:
            ratio = rand.uniform(0.7, 0.95)
        elif exit_year and year >= exit_year:
            ratio = rand.uniform(1.05, 1.4) + 0.08 * (year - exit_year)
        elif planned <= current and step == 2:
            ratio = rand.uniform(0.85, 1.05)
        else:
            ratio = rand.uniform(0.6, 0.9) + 0.04 * step
        ratios[year] = ratio
    return ratios


def _incomes(rand: Rand, household: dict[str, Any], members: list[Member], ratios: dict[int, float],
             timeline: Timeline) -> None:
    """One income record per year; transfers follow the facts, wages and farming fill up to the target."""
    hid = household["id"]
    family_planning = 960.0 if rand.chance(0.08) else 0.0
    rent = float(rand.between(200, 1500)) if rand.chance(0.05) else 0.0
    eco = float(round(household["reforested_area"] * 125 + household["forest_area"] * 10))
    subsidy = float(round(household["land_area"] * rand.uniform(60, 90)))
    attribute = household["attribute"]
    for year, ratio in ratios.items():
        people = [m for m in members if m.born <= year < m.left_year]
        population = len(people)
        elderly = sum(1 for m in people if year - m.born >= 60)
        items = {
            "family_planning": family_planning, "other_property": rent, "eco_compensation": eco,
            "other_transfer": subsidy,
            "pension": elderly * (1236.0 if year >= 2018 else 1020.0),
            "dibao": float(round(population * rand.uniform(1000, 3000))) if attribute == "2" else 0.0,
            "tekun": float(round(population * rand.uniform(4200, 5200))) if attribute == "3" else 0.0,
            "asset_dividend": float(rand.between(300, 1000)) if year >= 2017 and household["in_cooperative"] else 0.0,
        }
        rest = ratio * poverty_line(year) * population - sum(items.values())
        if rest < 300:
            rest = float(rand.between(200, 600))
        workers = any(m.row.get("work_status") for m in people if year - m.born >= 16)
        share = rand.uniform(0.45, 0.8) if workers else (rand.uniform(0.1, 0.3) if rand.chance(0.3) else 0.0)
        wage = round(rest * share)
        net_business = round(rest - wage)
        business = round(net_business / (1 - rand.uniform(0.25, 0.45)))
        timeline.incomes.append({
            "id": stable_id("income", hid, year), "household_id": hid, "year": year, **items,
            "wage": float(wage), "business": float(business), "business_expense": float(business - net_business),
            "population": population,
        })
