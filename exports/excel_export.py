"""Exporting households and members in the column layout of the national roster (贫困人口花名册).

One row per member living in the household, the head first; the household's
fields repeated on each of its rows so that the sheet can be sorted and
filtered. Codes are written as their labels, yes/no as 是/否, ID numbers,
household numbers and accounts as text. Every header is one the importer
recognises, so an exported file imports back without changing anything.
"""

from __future__ import annotations

import datetime
import json
import sqlite3
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from exports.excel_fields import IGNORE, TARGETS
from exports.excel_write import SheetData, write_workbook
from models.incomes import derive_income
from models.records import display

# (header, target key); the header is what the national form prints, the key what the importer reads it as.
NATIONAL_COLUMNS: tuple[tuple[str, str], ...] = (
    ("序号", IGNORE),
    ("乡镇", "township"),
    ("行政村", "village"),
    ("村代码", "village_code"),
    ("村民小组", "group"),
    ("户编号", "household.household_no"),
    ("户主姓名", "head_name"),
    ("户主证件号码", "head_id_number"),
    ("家庭人口数", IGNORE),
    ("姓名", "member.name"),
    *(
        (TARGETS[f"member.{c}"].label, f"member.{c}")
        for c in (
            "sex",
            "id_type",
            "id_number",
            "birth_date",
            "relation",
            "ethnicity",
            "political",
            "education",
            "school_status",
            "school_note",
            "health",
            "disability_grade",
            "labour_skill",
            "work_status",
            "work_months",
            "is_soldier",
            "medical_insurance",
            "serious_illness_insurance",
            "pension_insurance",
            "dibao",
            "tekun",
        )
    ),
    ("识别标准", "household.standard"),
    ("贫困户属性", "household.attribute"),
    ("主要致贫原因", "household.main_cause"),
    ("其他致贫原因", "other_causes"),
    ("贫困户状态", "status"),
    ("状态年度", "status_year"),
    *(
        (TARGETS[f"household.{c}"].label, f"household.{c}")
        for c in (
            "identified_year",
            "planned_exit_year",
            "exit_year",
            "phone",
            "bank_name",
            "bank_account",
            "is_military_family",
            "is_only_child",
            "is_two_daughters",
            "is_relocated",
            "relocation_mode",
            "resettlement_mode",
            "resettlement_place",
            "relocation_keys_received",
            "land_area",
            "irrigated_area",
            "forest_area",
            "reforested_area",
            "orchard_area",
            "pasture_area",
            "water_area",
            "road_distance_km",
            "road_type",
            "housing_area",
            "housing_grade",
            "production_power",
            "living_power",
            "broadcast_tv",
            "water_difficult",
            "water_safe",
            "fuel_type",
            "sanitary_toilet",
            "in_cooperative",
            "enterprise_led",
            "leader_led",
        )
    ),
    ("年人均纯收入", IGNORE),
    ("备注", "household.note"),
)
TEXT_KEYS = frozenset(
    {
        "village_code",
        "household.household_no",
        "head_id_number",
        "member.id_number",
        "household.phone",
        "household.bank_account",
    }
)

_HOUSEHOLDS_SQL = """
SELECT h.*, v.name AS village_name, t.name AS township_name, g.name AS group_name,
       (SELECT status FROM status_history s WHERE s.household_id = h.id ORDER BY year DESC LIMIT 1) AS cur_status,
       (SELECT MAX(year) FROM status_history s WHERE s.household_id = h.id) AS cur_status_year
FROM households h
LEFT JOIN regions v ON v.code = h.village_code
LEFT JOIN regions t ON t.code = v.parent_code
LEFT JOIN village_groups g ON g.id = h.group_id
{where}
ORDER BY h.village_code, g.sort, g.name, h.household_no, h.id
"""


def export_households(
    conn: sqlite3.Connection, path: str | Path, village_code: str | None = None, household_ids: list[str] | None = None
) -> int:
    """Write households (all, one village's, or the listed ones) in the national layout; returns member rows."""
    households = _households(conn, village_code, household_ids)
    ids = json.dumps([h["id"] for h in households])
    members = _members(conn, ids)
    causes = _causes(conn, ids)
    incomes = latest_per_capita(conn, ids)
    place = next((h["village_name"] for h in households), "") if village_code else ""
    title = f"{place}建档立卡贫困人口花名册（导出日期 {datetime.date.today().isoformat()}）"
    headers = [header for header, _ in NATIONAL_COLUMNS]
    text = {i for i, (_, key) in enumerate(NATIONAL_COLUMNS) if key in TEXT_KEYS}
    write_workbook(path, [SheetData("家庭成员", headers, _rows(households, members, causes, incomes), title, text)])
    return sum(len(members.get(h["id"], [])) for h in households)


def _households(conn: sqlite3.Connection, village: str | None, ids: list[str] | None) -> list[dict[str, Any]]:
    where, params = "", ()
    if ids is not None:
        where, params = "WHERE h.id IN (SELECT value FROM json_each(?))", (json.dumps(ids),)
    elif village:
        where, params = "WHERE h.village_code = ?", (village,)
    cursor = conn.execute(_HOUSEHOLDS_SQL.format(where=where), params)
    names = [d[0] for d in cursor.description]
    return [dict(zip(names, r, strict=True)) for r in cursor]


_IN = "household_id IN (SELECT value FROM json_each(?))"


def _members(conn: sqlite3.Connection, ids: str) -> dict[str, list[dict[str, Any]]]:
    cursor = conn.execute(
        f"SELECT * FROM members WHERE in_household = 1 AND {_IN} ORDER BY household_id, relation != '01', sort, id",
        (ids,),
    )
    names = [d[0] for d in cursor.description]
    result: dict[str, list[dict[str, Any]]] = {}
    for row in cursor:
        member = dict(zip(names, row, strict=True))
        result.setdefault(member["household_id"], []).append(member)
    return result


def _causes(conn: sqlite3.Connection, ids: str) -> dict[str, list[str]]:
    result: dict[str, list[str]] = {}
    for household_id, cause in conn.execute(
        f"SELECT household_id, cause FROM other_causes WHERE {_IN} ORDER BY cause", (ids,)
    ):
        result.setdefault(household_id, []).append(cause)
    return result


def latest_per_capita(conn: sqlite3.Connection, ids: str) -> dict[str, float | None]:
    """年人均纯收入 of the households ``ids`` (a JSON list) in their latest income year, as the roster shows it."""
    cursor = conn.execute(
        f"SELECT * FROM incomes i WHERE {_IN} AND year = (SELECT MAX(year) FROM incomes j "
        "WHERE j.household_id = i.household_id)",
        (ids,),
    )
    names = [d[0] for d in cursor.description]
    result = {}
    for row in cursor:
        income = dict(zip(names, row, strict=True))
        result[income["household_id"]] = derive_income(income, int(income["population"] or 0))["per_capita"]
    return result


KEY_COLUMNS = frozenset(
    {
        "township",
        "village",
        "village_code",
        "group",
        "household.household_no",
        "head_name",
        "head_id_number",
        "家庭人口数",
    }
)


def _household_cells(
    household: dict[str, Any],
    live: list[dict[str, Any]],
    causes: dict[str, list[str]],
    incomes: dict[str, float | None],
) -> dict[str, Any]:
    """The household's cells by column key (derived columns by header)."""
    head = next((m for m in live if m["relation"] == "01"), None)
    cells: dict[str, Any] = {
        "township": household["township_name"],
        "village": household["village_name"],
        "village_code": household["village_code"],
        "group": household["group_name"],
        "head_name": head["name"] if head else None,
        "head_id_number": head["id_number"] if head else None,
        "other_causes": "、".join(display("other_causes", "cause", c) for c in causes.get(household["id"], [])),
        "status": display("status_history", "status", household["cur_status"]),
        "status_year": household["cur_status_year"],
        "家庭人口数": len(live),
        "年人均纯收入": incomes.get(household["id"]),
    }
    for _, key in NATIONAL_COLUMNS:
        if key.startswith("household."):
            column = key.split(".", 1)[1]
            cells[key] = _cell("households", column, household.get(column))
    return {k: (v if v != "" else None) for k, v in cells.items()}


def _rows(
    households: list[dict[str, Any]],
    members: dict[str, list[dict[str, Any]]],
    causes: dict[str, list[str]],
    incomes: dict[str, float | None],
) -> Iterator[list[Any]]:
    """One row per living member, the head first. The household's key columns are on every row, its other
    fields on its first row only (as hand-kept rosters do; the importer reads them from any row)."""
    number = 0
    for household in households:
        live = members.get(household["id"], [])
        cells = _household_cells(household, live, causes, incomes)
        for index, member in enumerate(live):
            number += 1
            row: list[Any] = []
            for header, key in NATIONAL_COLUMNS:
                if key.startswith("member."):
                    column = key.split(".", 1)[1]
                    row.append(_cell("members", column, member.get(column)))
                elif key == IGNORE and header == "序号":
                    row.append(number)
                elif index == 0 or key in KEY_COLUMNS or header in KEY_COLUMNS:
                    row.append(cells.get(header if key == IGNORE else key))
                else:
                    row.append(None)
            yield row


def _cell(table: str, column: str, value: Any) -> Any:
    """A stored value as the form shows it: labels, 是/否, numbers as numbers, the rest as text."""
    if value is None or value == "":
        return None
    if column == "health":
        return display(table, column, value)
    shown = display(table, column, value)
    if isinstance(value, int | float) and shown == str(value):
        return value
    return shown
