"""The household list of the main window: which households, in which order, and the cells of a page.

A list is read in two steps, so that 100,000 households stay fast:
``household_ids(conn, query)`` returns only the ids, filtered and sorted, and
``household_rows(conn, ids)`` reads the cells of the few rows on screen.
Names sort by their pinyin, blanks always come last.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from models.pinyin import char_pinyin
from models.regions import region_level
from models.search import search
from models.search_match import HouseholdMatch, household_matches

HIT_LIMIT = 1000
PREFIX_LENGTH = {1: 2, 2: 4, 3: 6, 4: 9, 5: 12}

HEAD = (
    "(SELECT name FROM members m WHERE m.household_id = h.id AND m.relation = '01' AND m.in_household = 1 "
    "ORDER BY m.sort LIMIT 1)"
)
POPULATION = "(SELECT COUNT(*) FROM members m WHERE m.household_id = h.id AND m.in_household = 1)"
STATUS = (
    "(SELECT status FROM status_history s WHERE s.household_id = h.id AND (:year IS NULL OR s.year <= :year) "
    "ORDER BY s.year DESC LIMIT 1)"
)
HELPER = (
    "(SELECT x.name FROM pairings p JOIN helpers x ON x.id = p.helper_id WHERE p.household_id = h.id "
    "AND p.end_date IS NULL ORDER BY p.start_date DESC LIMIT 1)"
)
SQL_SORTS = {
    "household_no": "h.household_no",
    "village": "h.village_code",
    "group": "g.sort",
    "population": POPULATION,
    "attribute": "h.attribute",
    "main_cause": "h.main_cause",
    "status": STATUS,
    "planned_exit_year": "h.planned_exit_year",
}
NAME_SORTS = {"head": HEAD, "helper": HELPER}
SORT_KEYS = (*SQL_SORTS, *NAME_SORTS, "warnings")
DEFAULT_ORDER = "h.village_code, g.sort, h.household_no, h.id"


@dataclass(frozen=True)
class ListQuery:
    """What the list shows: a region or group, filters, an optional search result, and the order."""

    region: str | None = None
    group_id: str | None = None
    statuses: tuple[str, ...] = ()
    attributes: tuple[str, ...] = ()
    main_causes: tuple[str, ...] = ()
    year: int | None = None
    with_warnings: bool = False
    only_ids: tuple[str, ...] | None = None
    sort: str | None = None
    descending: bool = False


@dataclass(frozen=True)
class HouseholdRow:
    """The cells of one household in the list (codes, not labels)."""

    id: str
    village_code: str
    village: str
    household_no: str
    head: str
    group: str
    population: int
    attribute: str | None
    main_cause: str | None
    status: str | None
    planned_exit_year: int | None
    helper: str


def household_ids(conn: sqlite3.Connection, query: ListQuery, warnings: Mapping[str, int] | None = None) -> list[str]:
    """The ids of the households ``query`` selects, in its order.

    Without a sort the order is village, group, household number, or the
    search ranking when ``only_ids`` is given.  ``warnings`` (household id ->
    number of warnings) is needed for ``with_warnings`` and the warnings sort.
    """
    if query.sort is not None and query.sort not in SORT_KEYS:
        raise ValueError(f"unknown sort key {query.sort!r}")
    where, params = _where(query)
    key = "" if query.sort in (None, "warnings") else (SQL_SORTS.get(query.sort) or NAME_SORTS[query.sort])
    columns = f"h.id, {key}" if query.sort in NAME_SORTS else "h.id"
    sql = f"SELECT {columns} FROM households h LEFT JOIN village_groups g ON g.id = h.group_id"
    if query.only_ids is not None:
        sql += " JOIN json_each(:only) j ON j.value = h.id"
        params["only"] = json.dumps(list(query.only_ids))
    order = "j.key" if query.only_ids is not None else DEFAULT_ORDER
    if query.sort in SQL_SORTS:
        order = f"({key}) IS NULL, {key} {'DESC' if query.descending else 'ASC'}, {order}"
    rows = conn.execute(f"{sql}{where} ORDER BY {order}", params).fetchall()
    ids = _sorted_by_name(rows, query.descending) if query.sort in NAME_SORTS else [r[0] for r in rows]
    counts = warnings or {}
    if query.with_warnings:
        ids = [i for i in ids if counts.get(i, 0) > 0]
    if query.sort == "warnings":
        ids.sort(key=lambda i: counts.get(i, 0), reverse=query.descending)
    return ids


def _where(query: ListQuery) -> tuple[str, dict]:
    clauses: list[str] = []
    params: dict = {"year": query.year}
    if query.region:
        prefix = query.region[: PREFIX_LENGTH[region_level(query.region)]]
        clauses.append("h.village_code BETWEEN :low AND :high")
        params.update(low=prefix.ljust(12, "0"), high=prefix.ljust(12, "9"))
    if query.group_id:
        clauses.append("h.group_id = :group")
        params["group"] = query.group_id
    for name, column, values in (
        ("status", STATUS, query.statuses),
        ("attribute", "h.attribute", query.attributes),
        ("cause", "h.main_cause", query.main_causes),
    ):
        if values:
            clauses.append(f"{column} IN (SELECT value FROM json_each(:{name}))")
            params[name] = json.dumps(list(values))
    return (" WHERE " + " AND ".join(clauses) if clauses else ""), params


def _sorted_by_name(rows: list[tuple], descending: bool) -> list[str]:
    """Ids sorted by the pinyin of the name in the second column (stable, blanks last)."""
    named = [r for r in rows if r[1]]
    named.sort(key=lambda r: (name_key(r[1]), r[1]), reverse=descending)
    return [r[0] for r in named] + [r[0] for r in rows if not r[1]]


def name_key(name: str) -> str:
    """The sort key of a Chinese name: its syllables, so 安 comes before 白 (a → z)."""
    return " ".join(char_pinyin(c) for c in name)


def household_rows(conn: sqlite3.Connection, ids: Sequence[str], year: int | None = None) -> dict[str, HouseholdRow]:
    """The list cells of the given households, by id (ids that no longer exist are missing)."""
    sql = (
        f"SELECT h.id, h.village_code, r.name, h.household_no, {HEAD}, g.name, {POPULATION}, h.attribute, "
        f"h.main_cause, {STATUS}, h.planned_exit_year, {HELPER} FROM households h "
        "LEFT JOIN regions r ON r.code = h.village_code LEFT JOIN village_groups g ON g.id = h.group_id "
        "WHERE h.id IN (SELECT value FROM json_each(:ids))"
    )
    rows = conn.execute(sql, {"ids": json.dumps(list(ids)), "year": year}).fetchall()
    return {r[0]: _row(r) for r in rows}


def _row(r: tuple) -> HouseholdRow:
    return HouseholdRow(
        r[0], r[1], r[2] or "", r[3] or "", r[4] or "", r[5] or "", int(r[6] or 0), r[7], r[8], r[9], r[10], r[11] or ""
    )


def search_household_ids(
    conn: sqlite3.Connection, text: str, region: str | None = None, limit: int = HIT_LIMIT
) -> tuple[list[str], bool]:
    """Households with a member (or number) matching ``text``, best first, within ``region``.

    Returns (ids, truncated): ``truncated`` is True when more matches exist
    than the first ``limit`` people and households looked at.
    """
    ids, truncated, _ = search_households(conn, text, region, limit)
    return ids, truncated


def search_households(
    conn: sqlite3.Connection, text: str, region: str | None = None, limit: int = HIT_LIMIT
) -> tuple[list[str], bool, dict[str, HouseholdMatch]]:
    """Like ``search_household_ids``, plus what matched in each household (for the list's match column)."""
    villages = villages_under(conn, region) if region and region_level(region) >= 4 else None
    page = search(conn, text, limit=limit, village_codes=villages)
    matches = household_matches(conn, page.hits, text)
    return list(matches), page.has_more, matches


def villages_under(conn: sqlite3.Connection, region: str) -> list[str]:
    """The codes of the villages in a region (the village itself for a village)."""
    prefix = region[: PREFIX_LENGTH[region_level(region)]]
    rows = conn.execute(
        "SELECT code FROM regions WHERE level = 5 AND code BETWEEN ? AND ? ORDER BY code",
        (prefix.ljust(12, "0"), prefix.ljust(12, "9")),
    )
    return [r[0] for r in rows]


def status_years(conn: sqlite3.Connection) -> list[int]:
    """The years for which some household has a status, newest first."""
    return [r[0] for r in conn.execute("SELECT DISTINCT year FROM status_history ORDER BY year DESC")]
