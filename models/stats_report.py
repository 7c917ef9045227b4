"""The township's report: per township and village, the numbers issue 4 lists.

One pass builds a temporary table of per-household facts for the year (status
that year and the year before, attribute, cause, people, planned and actual
exit, current helper, income band); every breakdown is then one GROUP BY over
it per village, and townships and the total are sums of their villages, so the
numbers always add up.

- households and people by status; poor households by attribute and main cause;
- incidence rate: poor people ÷ rural population of the village profile;
- measures of the year by 五个一批 category with funds by source;
- exits of the year (households and people) against the planned year; helper
  coverage of poor households;
- last year's per-capita income against the poverty line (bands);
- change against the year before (poor households and people).

Year-scoped, so a closed year's figures never change afterwards:

- a household counts in year Y once it has a status row for a year ≤ Y (it is
  on the register); its status is the row with the highest year ≤ Y. A
  household removed (销号) in an earlier year is off the register; one removed
  in Y shows only under 销号 (本年销号) and not in the totals.
- its people in Y are the members living in it on the report's day (31 Dec Y,
  or today for the current year), by the rule of ``models.household_people``:
  rebuilt from the dated ``member_changes`` and ``members.left_date``; when a
  member cannot be placed (left without a date, back after a departure), the
  size stored with the year's income. The same count ``population_in_year``
  gives the income's 家庭人口, so the two never disagree.
- "Poor" is a status counted as poor (``HOUSEHOLD_STATUS_LIVE``).
"""

from __future__ import annotations

import datetime
import sqlite3
from collections import defaultdict
from typing import Any

from models.codes import HOUSEHOLD_STATUS_LIVE, codes, label, label_en
from models.household_people import people_sql
from models.warnings import as_of_date, working_year

LIVE = ", ".join(f"'{c}'" for c in HOUSEHOLD_STATUS_LIVE)
FUND_COLUMNS = {"01": "fund_fiscal", "02": "fund_sector", "03": "fund_finance", "04": "fund_social", "05": "fund_self"}
BANDS: dict[str, tuple[str, str]] = {
    "below": ("不高于贫困线", "At or below the line"),
    "to_1_5": ("贫困线的 1–1.5 倍", "1–1.5 × the line"),
    "to_2": ("贫困线的 1.5–2 倍", "1.5–2 × the line"),
    "over_2": ("贫困线的 2 倍以上", "Over 2 × the line"),
    "none": ("无收入记录", "No income record"),
}
FACTS = "stats_year_facts"

# Each household's people on the report's day and on last year's (models.household_people), with the
# stored size of that year's income when some member cannot be placed.
_FACTS_SQL = f"""
WITH {people_sql({"people": ":as_of", "prev_people": ":prev_as_of"})}
INSERT INTO temp.{FACTS}
SELECT household, village, status, prev_status, attribute, cause, people, prev_people, planned, exited, paired,
       CASE WHEN per_capita IS NULL OR line IS NULL THEN 'none' WHEN per_capita <= line THEN 'below'
            WHEN per_capita <= line * 1.5 THEN 'to_1_5' WHEN per_capita <= line * 2 THEN 'to_2' ELSE 'over_2' END
FROM (SELECT h.id AS household, h.village_code AS village,
    (SELECT status FROM status_history s WHERE s.household_id = h.id AND s.year <= :year
     ORDER BY s.year DESC LIMIT 1) AS status,
    (SELECT status FROM status_history s WHERE s.household_id = h.id AND s.year <= :year - 1
     ORDER BY s.year DESC LIMIT 1) AS prev_status,
    h.attribute, h.main_cause AS cause, h.planned_exit_year AS planned,
    CASE WHEN pp.people_unplaced > 0 THEN COALESCE((SELECT population FROM incomes y WHERE y.household_id = h.id
         AND y.year = :year), pp.people) ELSE COALESCE(pp.people, 0) END AS people,
    CASE WHEN pp.prev_people_unplaced > 0 THEN COALESCE(i.population, pp.prev_people)
         ELSE COALESCE(pp.prev_people, 0) END AS prev_people,
    (COALESCE(h.exit_year = :year, 0) OR EXISTS (SELECT 1 FROM status_history s WHERE s.household_id = h.id
     AND s.year = :year AND s.status = '03')) AS exited,
    EXISTS (SELECT 1 FROM pairings p WHERE p.household_id = h.id AND p.start_date <= :as_of
            AND (p.end_date IS NULL OR p.end_date > :as_of)) AS paired,
    ROUND((i.wage + i.business + i.asset_dividend + i.other_property + i.family_planning + i.dibao + i.tekun
           + i.pension + i.eco_compensation + i.other_transfer - i.business_expense) * 1.0
          / NULLIF(i.population, 0), 2) AS per_capita,
    COALESCE((SELECT amount FROM poverty_lines p WHERE p.year = i.year AND p.standard = COALESCE(h.standard, '1')),
             (SELECT amount FROM poverty_lines p WHERE p.year = i.year AND p.standard = '1')) AS line
    FROM households h LEFT JOIN people pp ON pp.household_id = h.id
    LEFT JOIN incomes i ON i.household_id = h.id AND i.year = :year - 1
    LIMIT -1)
WHERE status IS NOT NULL AND (status != '06' OR COALESCE(prev_status, '') != '06')
"""
# Households not yet identified in the year, and those removed in an earlier year, are left out.
# (LIMIT -1 keeps the inner query a co-routine, so each correlated lookup runs once per household.)

# name -> (SELECT list after "village, ", GROUP BY extra column or "")
_BREAKDOWNS = {
    "status": ("status, COUNT(*), SUM(people)", "status"),
    "attribute": (
        f"attribute, SUM(status IN ({LIVE})), SUM(CASE WHEN status IN ({LIVE}) THEN people END)",
        "attribute",
    ),
    "cause": (f"cause, SUM(status IN ({LIVE})), SUM(CASE WHEN status IN ({LIVE}) THEN people END)", "cause"),
    "band": ("band, SUM(COALESCE(status, '') != '06'), 0", "band"),
    "flat": (
        f"NULL, SUM(status IN ({LIVE})), SUM(CASE WHEN status IN ({LIVE}) THEN people ELSE 0 END), "
        f"SUM(prev_status IN ({LIVE})), SUM(CASE WHEN prev_status IN ({LIVE}) THEN prev_people ELSE 0 END), "
        f"SUM(status IN ({LIVE}) AND paired), SUM(planned = :year AND status != '06'), "
        "SUM(exited), SUM(CASE WHEN exited THEN people ELSE 0 END), SUM(planned = :year AND exited), "
        "SUM(exited AND planned < :year), SUM(exited AND (planned IS NULL OR planned > :year)), "
        f"SUM(planned <= :year AND status IN ({LIVE}))",
        "",
    ),
}


def compute_report(conn: sqlite3.Connection, year: int | None = None, today: datetime.date | None = None) -> dict:
    """The report for ``year`` (default: the working year): the county total, then townships with villages."""
    year = year or working_year(conn)
    as_of = as_of_date(year, today)
    prev_as_of = as_of_date(year - 1, today).isoformat()
    params = {"year": year, "as_of": as_of.isoformat(), "prev_as_of": prev_as_of}
    _fill_facts(conn, params)
    villages: dict[str, dict[str, Any]] = defaultdict(_empty)
    for name, (columns, group) in _BREAKDOWNS.items():
        group_by = f"village, {group}" if group else "village"
        for village, key, *values in conn.execute(
            f"SELECT village, {columns} FROM temp.{FACTS} GROUP BY {group_by}", params
        ):
            _add(villages[village], name, key, values)
    for village, category, values in _measures(conn, year):
        _add(villages[village], "measures", category, values)
    for village, rural in _rural_population(conn, year):
        villages[village]["rural_population"] = rural
    conn.execute(f"DELETE FROM temp.{FACTS}")
    return _assemble(conn, year, as_of, villages, today or datetime.date.today())


def people_counted(
    conn: sqlite3.Connection, year: int, today: datetime.date | None = None
) -> dict[str, tuple[int, int]]:
    """{household id: (people in ``year``, people in the year before)} of the households the report counts.

    The numbers the report adds up (rule: ``models.household_people``); each equals ``population_in_year``.
    """
    params = {
        "year": year,
        "as_of": as_of_date(year, today).isoformat(),
        "prev_as_of": as_of_date(year - 1, today).isoformat(),
    }
    _fill_facts(conn, params)
    found = {h: (int(p), int(q)) for h, p, q in conn.execute(f"SELECT household, people, prev_people FROM {FACTS}")}
    conn.execute(f"DELETE FROM temp.{FACTS}")
    return found


def _fill_facts(conn: sqlite3.Connection, params: dict[str, Any]) -> None:
    conn.execute(
        f"CREATE TEMP TABLE IF NOT EXISTS {FACTS} (household TEXT, village TEXT, status TEXT, prev_status TEXT, "
        "attribute TEXT, cause TEXT, people INTEGER, prev_people INTEGER, planned INTEGER, exited INTEGER, "
        "paired INTEGER, "
        "band TEXT)"
    )
    conn.execute(f"DELETE FROM temp.{FACTS}")
    conn.execute(_FACTS_SQL, params)


def _measures(conn: sqlite3.Connection, year: int) -> list[tuple[str, str, list]]:
    funds = ", ".join(f"SUM({column})" for column in FUND_COLUMNS.values())
    rows = conn.execute(
        f"SELECT village_code, category, COUNT(*), COUNT(DISTINCT household_id), {funds} FROM measures "
        "WHERE year = ? AND status != '4' GROUP BY village_code, category",
        (year,),
    )
    return [(r[0], r[1], list(r[2:])) for r in rows]


def _rural_population(conn: sqlite3.Connection, year: int) -> list[tuple[str, int]]:
    rows = conn.execute(
        "SELECT village_code, rural_population FROM village_profiles p WHERE rural_population IS NOT NULL "
        "AND year = (SELECT MAX(year) FROM village_profiles q WHERE q.village_code = p.village_code "
        "AND q.year <= ? AND q.rural_population IS NOT NULL)",
        (year,),
    )
    return [(r[0], int(r[1])) for r in rows]


def _empty() -> dict[str, Any]:
    return {
        "status": {},
        "attribute": {},
        "cause": {},
        "band": {},
        "measures": {},
        "flat": {},
        "rural_population": None,
        "rural_missing": [],
    }


def _add(unit: dict[str, Any], name: str, key: Any, values: list) -> None:
    """Add a row of numbers to ``unit[name][key]`` (element-wise)."""
    values = [v or 0 for v in values]
    if name == "flat":
        key = "all"
    current = unit[name].get(key)
    unit[name][key] = values if current is None else [a + b for a, b in zip(current, values, strict=True)]


def _merge(target: dict[str, Any], source: dict[str, Any]) -> None:
    for name in ("status", "attribute", "cause", "band", "measures", "flat"):
        for key, values in source[name].items():
            _add(target, name, key, values)
    if source["rural_population"] is not None:
        target["rural_population"] = (target["rural_population"] or 0) + source["rural_population"]
    target["rural_missing"] = target["rural_missing"] + source["rural_missing"]


def _assemble(
    conn: sqlite3.Connection, year: int, as_of: datetime.date, villages: dict[str, dict], today: datetime.date
) -> dict:
    """Townships and the total from their villages; a village without a rural population is named in each sum."""
    from models.stats_units import unit_entry

    names = dict(conn.execute("SELECT code, name FROM regions"))
    townships: dict[str, dict[str, Any]] = defaultdict(_empty)
    total = _empty()
    for code, data in sorted(villages.items()):
        if data["rural_population"] is None:
            data["rural_missing"] = [names.get(code) or code]
        _merge(townships[_township(code)], data)
        _merge(total, data)
    counties = sorted({_county(code) for code in villages})
    return {
        "year": year,
        "as_of": as_of.isoformat(),
        "generated": today.isoformat(),
        "scope": {
            "counties": [names.get(c) or c for c in counties],
            "townships": [names.get(t) or t for t in sorted(townships)],
            "villages": len(villages),
        },
        "total": unit_entry("", "", "total", total),
        "townships": [
            {
                **unit_entry(t, names.get(t, ""), "township", townships[t]),
                "villages": [
                    unit_entry(v, names.get(v, ""), "village", villages[v])
                    for v in sorted(villages)
                    if _township(v) == t
                ],
            }
            for t in sorted(townships)
        ],
    }


def _township(village_code: str) -> str:
    return (village_code or "")[:9].ljust(12, "0")


def _county(village_code: str) -> str:
    return (village_code or "")[:6].ljust(12, "0")


def band_label(band: str, language: str = "zh") -> str:
    """The label of an income band."""
    zh, en = BANDS[band]
    return en if language == "en" else zh


def code_entries(table: str, counts: dict[Any, list]) -> list[dict[str, Any]]:
    """Entries for every code of ``table`` (zeros included), then unknown codes, then not recorded."""
    known = [c.code for c in codes(table)]
    keys = [*known, *sorted(k for k in counts if k is not None and k not in known)]
    if None in counts and any(counts[None]):
        keys.append(None)
    return [
        {
            "code": k,
            "label": label(table, k) if k is not None else "未填写",
            "label_en": label_en(table, k) if k is not None else "Not recorded",
            "households": int(counts.get(k, [0, 0])[0]),
            "people": int(counts.get(k, [0, 0])[1]),
        }
        for k in keys
    ]
