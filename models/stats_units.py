"""One unit of the report (the county, a township or a village) as plain data for JSON, Excel, PDF and the GUI."""

from __future__ import annotations

from typing import Any

from models.codes import codes, label, label_en
from models.stats_report import BANDS, FUND_COLUMNS, code_entries

FLAT_KEYS = (
    "poor_households",
    "poor_people",
    "prev_poor_households",
    "prev_poor_people",
    "covered",
    "planned",
    "exited",
    "exited_people",
    "exited_as_planned",
    "exited_late",
    "exited_other",
    "planned_not_exited",
)
EXIT_KEYS = FLAT_KEYS[5:]
REMOVED = "06"
REMOVED_LABELS = ("本年销号", "Removed this year")


def unit_entry(code: str, name: str, level: str, data: dict[str, Any]) -> dict[str, Any]:
    """The numbers of one unit, ready to print; ratios are None when their base is 0 or unknown.

    ``households`` and ``people`` are the households on the register (销号 ones left out); the 销号
    entry of ``by_status`` counts only the households removed in the year. ``rural_population``
    and ``incidence`` are None when a village of the unit has no rural population
    (``rural_missing`` names those villages): a sum over only some villages is not the unit's figure.
    """
    flat = dict(zip(FLAT_KEYS, [int(v) for v in data["flat"].get("all", [0] * len(FLAT_KEYS))], strict=True))
    by_status = code_entries("household_status", data["status"])
    for entry in by_status:
        if entry["code"] == REMOVED:
            entry["label"], entry["label_en"] = REMOVED_LABELS
    registered = [e for e in by_status if e["code"] != REMOVED]
    rural = None if data["rural_missing"] else data["rural_population"]
    return {
        "code": code,
        "name": name,
        "level": level,
        "households": sum(e["households"] for e in registered),
        "people": sum(e["people"] for e in registered),
        "by_status": by_status,
        "poor_households": flat["poor_households"],
        "poor_people": flat["poor_people"],
        "rural_population": rural,
        "rural_missing": list(data["rural_missing"]),
        "incidence": _ratio(flat["poor_people"], rural),
        "by_attribute": code_entries("household_attribute", data["attribute"]),
        "by_cause": code_entries("poverty_cause", data["cause"]),
        "measures": _measures(data["measures"]),
        "exits": {k: flat[k] for k in EXIT_KEYS},
        "helpers": {
            "poor_households": flat["poor_households"],
            "covered": flat["covered"],
            "coverage": _ratio(flat["covered"], flat["poor_households"]),
        },
        "income": [
            {"band": b, "label": zh, "label_en": en, "households": int(data["band"].get(b, [0])[0])}
            for b, (zh, en) in BANDS.items()
        ],
        "change": {
            "poor_households": _change(flat["prev_poor_households"], flat["poor_households"]),
            "poor_people": _change(flat["prev_poor_people"], flat["poor_people"]),
        },
    }


def _measures(counts: dict[str, list]) -> list[dict[str, Any]]:
    rows = []
    for entry in codes("measure_category"):
        values = counts.get(entry.code, [0] * (2 + len(FUND_COLUMNS)))
        funds = {source: round(float(v), 2) for source, v in zip(FUND_COLUMNS, values[2:], strict=True)}
        rows.append(
            {
                "category": entry.code,
                "label": label("measure_category", entry.code),
                "label_en": label_en("measure_category", entry.code),
                "measures": int(values[0]),
                "households": int(values[1]),
                "funds": funds,
                "total": round(sum(funds.values()), 2),
            }
        )
    return rows


def _ratio(part: int, whole: int | None) -> float | None:
    return round(part / whole, 4) if whole else None


def _change(previous: int, current: int) -> dict[str, int]:
    return {"previous": previous, "current": current, "delta": current - previous}
