"""What a notice lists, read from the database: household rows, fund and project rows, assistance cards.

Every cell is text ready to print. The household's own phone number and bank
account are never read here; an ID number leaves this module only masked.
"""

from __future__ import annotations

import json
import sqlite3
from typing import Any

from models.codes import label
from models.idcard import mask_id_number
from models.incomes import derive_income

_HOUSEHOLDS_SQL = """
WITH ids(id) AS (SELECT value FROM json_each(:ids))
SELECT h.id, h.village_code, g.name AS group_name, COALESCE(g.sort, 1e9) AS group_sort, h.household_no,
       h.attribute, h.main_cause, h.identified_year, h.exit_year,
       (SELECT name FROM members m WHERE m.household_id = h.id AND m.relation = '01' AND m.in_household = 1
        ORDER BY m.sort LIMIT 1) AS head,
       (SELECT id_number FROM members m WHERE m.household_id = h.id AND m.relation = '01' AND m.in_household = 1
        ORDER BY m.sort LIMIT 1) AS head_id,
       (SELECT COUNT(*) FROM members m WHERE m.household_id = h.id AND m.in_household = 1) AS population,
       (SELECT status FROM status_history s WHERE s.household_id = h.id AND s.year <= :year
        ORDER BY s.year DESC LIMIT 1) AS status,
       (SELECT group_concat(cause, ',') FROM (SELECT cause FROM other_causes o WHERE o.household_id = h.id
        ORDER BY cause)) AS other_causes,
       (SELECT note FROM workflow_events w WHERE w.household_id = h.id AND w.procedure = 'removal'
        AND w.year = :year AND w.outcome = 'pass' AND COALESCE(w.note, '') != ''
        ORDER BY w.event_date, w.id LIMIT 1) AS removal_reason
FROM ids JOIN households h ON h.id = ids.id LEFT JOIN village_groups g ON g.id = h.group_id
"""

_INCOMES_SQL = """
WITH ids(id) AS (SELECT value FROM json_each(:ids))
SELECT i.* FROM incomes i JOIN ids ON ids.id = i.household_id
WHERE i.year = (SELECT MAX(year) FROM incomes j WHERE j.household_id = i.household_id AND j.year <= :year)
"""

_MEASURES_SQL = """
SELECT m.id, m.household_id, m.type, m.content, m.unit, m.fund_fiscal, m.fund_sector, m.fund_finance,
       m.fund_social, m.fund_self, m.status,
       (SELECT name FROM members x WHERE x.household_id = m.household_id AND x.relation = '01'
        AND x.in_household = 1 ORDER BY x.sort LIMIT 1) AS head
FROM measures m LEFT JOIN households h ON h.id = m.household_id
LEFT JOIN village_groups g ON g.id = h.group_id
WHERE m.village_code = :village AND m.year = :year AND m.status != '4'
ORDER BY m.household_id IS NOT NULL, m.type, COALESCE(g.sort, 1e9), m.content, m.id
"""

FUND_ITEMS = (
    ("fund_fiscal", "01"),
    ("fund_sector", "02"),
    ("fund_finance", "03"),
    ("fund_social", "04"),
    ("fund_self", "05"),
)
NO_HEAD = "（未登记户主）"


def _dicts(cursor: sqlite3.Cursor) -> list[dict[str, Any]]:
    names = [d[0] for d in cursor.description]
    return [dict(zip(names, row, strict=True)) for row in cursor.fetchall()]


def household_records(conn: sqlite3.Connection, household_ids: list[str], year: int) -> list[dict[str, Any]]:
    """The households' notice fields (raw), in notice order: by village group, then household number."""
    params = {"ids": json.dumps(household_ids), "year": year}
    records = _dicts(conn.execute(_HOUSEHOLDS_SQL, params))
    incomes = {r["household_id"]: r for r in _dicts(conn.execute(_INCOMES_SQL, params))}
    for record in records:
        income = incomes.get(record["id"])
        totals = derive_income(income, int(income["population"])) if income else {}
        record["per_capita_value"] = totals.get("per_capita")
    records.sort(key=lambda r: (r["group_sort"], r["group_name"] or "", r["household_no"] or "", r["head"] or ""))
    return records


def household_cells(record: dict[str, Any], seq: int) -> dict[str, str]:
    """One household's printable cells, keyed by column (see ``notice_kinds.COLUMNS``)."""
    income = record.get("per_capita_value")
    causes = [c for c in (record["other_causes"] or "").split(",") if c]
    return {
        "seq": str(seq),
        "group": record["group_name"] or "",
        "head": record["head"] or NO_HEAD,
        "population": str(record["population"]),
        "attribute": label("household_attribute", record["attribute"]),
        "main_cause": label("poverty_cause", record["main_cause"]),
        "other_causes": "、".join(label("poverty_cause", c) for c in causes),
        "per_capita": "" if income is None else f"{income:,.2f}",
        "exit_year": str(record["exit_year"] or ""),
        "identified_year": str(record["identified_year"] or ""),
        "status": label("household_status", record["status"]),
        "household_no": record["household_no"] or "",
        "id_masked": mask_id_number(record["head_id"] or ""),
        "note": record.get("removal_reason") or "",  # a removal's reason, as its first step recorded it
    }


PRIVATE_MEASURE_TYPES = ("10", "11", "12")
"""``measure_type`` codes about a household's health or social assistance (健康扶贫, 低保兜底, 特困供养):
a fund notice prints them summed per type (households and amount), never who received them."""


def fund_rows(conn: sqlite3.Connection, village_code: str, year: int) -> tuple[list[dict[str, str]], list[str], float]:
    """The village's measures of the year (not cancelled) as fund rows; also beneficiary ids and the total.

    Household measures of a ``PRIVATE_MEASURE_TYPES`` type make one row per type ("共 N 户", the total,
    no name and no content); every other measure is one row naming its household's head (or 全村).
    """
    measures = _dicts(conn.execute(_MEASURES_SQL, {"village": village_code, "year": year}))
    rows: list[dict[str, str]] = []
    summed: dict[str, list[dict[str, Any]]] = {}
    for m in measures:
        if m["household_id"] and m["type"] in PRIVATE_MEASURE_TYPES:
            if m["type"] not in summed:
                summed[m["type"]] = []
                rows.append({"summary": m["type"]})  # filled in below, where the type first appears
            summed[m["type"]].append(m)
        else:
            rows.append(_fund_row(m))
    rows = [_summary_row(summed[row["summary"]]) if "summary" in row else row for row in rows]
    for seq, row in enumerate(rows, 1):
        row["seq"] = str(seq)
    households = [m["household_id"] for m in measures if m["household_id"]]
    total = sum(_amount(m) for m in measures)
    return rows, list(dict.fromkeys(households)), round(total, 2)


def _amount(measure: dict[str, Any]) -> float:
    return sum(float(measure[column] or 0) for column, _ in FUND_ITEMS)


def _sources(measures: list[dict[str, Any]]) -> str:
    used = [code for column, code in FUND_ITEMS if any(m[column] for m in measures)]
    return "、".join(label("fund_source", code) for code in used) or "—"


def _fund_row(m: dict[str, Any]) -> dict[str, str]:
    return {
        "project": label("measure_type", m["type"]),
        "content": m["content"] or "",
        "amount": f"{_amount(m):,.2f}",
        "source": _sources([m]),
        "beneficiary": (m["head"] or NO_HEAD) if m["household_id"] else "全村",
        "implementer": m["unit"] or "",
    }


def _summary_row(measures: list[dict[str, Any]]) -> dict[str, str]:
    """One type's household measures summed: how many households, how much, from where, by whom."""
    count = len({m["household_id"] for m in measures})
    units = dict.fromkeys(m["unit"] for m in measures if m["unit"])
    return {
        "project": label("measure_type", measures[0]["type"]),
        "content": f"{len(measures)}项按户汇总，不列户名",
        "amount": f"{sum(_amount(m) for m in measures):,.2f}",
        "source": _sources(measures),
        "beneficiary": f"共 {count} 户",
        "implementer": "、".join(units),
        "private": label("measure_type", measures[0]["type"]),  # not a column: for the notice's text
    }


def total_row(columns: tuple[str, ...], total: float) -> dict[str, str]:
    """The closing 合计 row of a fund notice."""
    row = dict.fromkeys(columns, "")
    row[next((c for c in columns if c not in ("seq", "amount")), columns[0])] = "合计"
    if "amount" in row:
        row["amount"] = f"{total:,.2f}"
    return row


MEMBER_POLICIES = (
    ("dibao", "农村最低生活保障"),
    ("tekun", "特困人员供养"),
    ("medical_insurance", "城乡居民基本医疗保险"),
    ("serious_illness_insurance", "城乡居民大病保险"),
    ("pension_insurance", "城乡居民基本养老保险"),
)


def card_record(registry: Any, household_id: str, year: int) -> dict[str, Any]:
    """What a household's 帮扶明白卡 shows: who it is, its helper, this year's measures and its policies."""
    full = registry.get_household(household_id)
    household, live = full["household"], [m for m in full["members"] if m["in_household"] == 1]
    pairing = next((p for p in reversed(full["pairings"]) if not p["end_date"]), None)
    measures = [m for m in full["measures"] if m["year"] == year and m["status"] != "4"]
    status = next((s["status"] for s in reversed(full["status_history"]) if s["year"] <= year), None)
    causes = [household["main_cause"], *full["other_causes"]]
    return {
        "household_id": household_id,
        "head": household["head_name"] or NO_HEAD,
        "place": f"{household['village_name'] or ''}{household['group_name'] or ''}",
        "population": str(household["population"]),
        "attribute": label("household_attribute", household["attribute"]),
        "causes": "、".join(label("poverty_cause", c) for c in causes if c),
        "status": label("household_status", status),
        "paired": pairing is not None,
        "helper": pairing["helper_name"] if pairing else "（未结对）",
        "helper_unit": (pairing["helper_unit"] or "") if pairing else "",
        "helper_phone": (pairing["helper_phone"] or "") if pairing else "",
        "measures": [_card_measure(m) for m in measures],
        "policies": _policies(live, measures, household),
    }


def _card_measure(measure: dict[str, Any]) -> dict[str, str]:
    amount = sum(float(measure[column] or 0) for column, _ in FUND_ITEMS)
    loan = measure.get("loan")
    if loan:
        amount = float(loan["amount"] or 0)
    return {
        "project": label("measure_type", measure["type"]),
        "content": measure["content"] or "",
        "amount": f"{amount:,.2f}" if amount else "",
        "status": label("measure_status", measure["status"]),
    }


def _policies(live: list[dict[str, Any]], measures: list[dict[str, Any]], household: dict[str, Any]) -> list[str]:
    found = []
    for column, name in MEMBER_POLICIES:
        count = sum(1 for m in live if m.get(column) == 1)
        if count:
            found.append(f"{name}（{count} 人）")
    if household.get("is_relocated") == 1:
        found.append("易地扶贫搬迁")
    found += [label("measure_type", t) for t in dict.fromkeys(m["type"] for m in measures)]
    return list(dict.fromkeys(found))
