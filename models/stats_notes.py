"""What the statistics report counts, in words: the notes printed with every copy, and the GUI's key figures.

The notes say the day the figures are as of, when they were generated, what
the 合计 row covers, who counts in 总户数 and 总人数, how 贫困发生率 is worked out
(and which villages lack the rural population it needs), and what 逾期脱贫
means. Text, PDF, Excel and the statistics page all print the same notes.
"""

from __future__ import annotations

from typing import Any

from models.stats_format import Percent, terms

MAX_NAMES = 10

_NOTES = {
    "zh": {
        "dates": "截至 {as_of}；生成于 {generated}。",
        "scope": "范围：{places}，共 {townships} 个乡镇、{villages} 个村；“合计”是这些村的合计。",
        "empty": "本库没有 {year} 年在册的户。",
        "register": (
            "总户数、总人数：{year} 年或以前已识别、未销号的户，人数是 {as_of} 住在户内的成员（有成员离户日期不详的户，"
            "按该年收入登记的家庭人口计）；"
            "“本年销号”是 {year} 年销号的户，不计入总户数。"
        ),
        "poor": "贫困户：状态为未脱贫、预脱贫、返贫、新识别的户；贫困发生率 = 贫困人口 ÷ 村情中的农村人口。",
        "missing": "缺村情（农村人口）的村：{names}。这些村及含有它们的乡镇、合计不算贫困发生率，补录村情后即可算出。",
        "more": "等 {count} 个村",
        "late": "逾期脱贫：计划脱贫年度早于 {year} 年、{year} 年才脱贫的户（往年已计入“计划到期未脱贫”）。",
        "separator": "、",
    },
    "en": {
        "dates": "As of {as_of}; generated on {generated}.",
        "scope": "Covers {places}: {townships} township(s), {villages} village(s); “Total” is the sum of these "
        "villages.",
        "empty": "No household is on the register in {year}.",
        "register": (
            "Households and people: households identified in {year} or earlier and not removed, with the members "
            "living in them on {as_of} (for a household with a member whose leaving date is unknown, the household "
            "size recorded with that year's income); “Removed this year” (removed in {year}) is not part of the "
            "households."
        ),
        "poor": "Poor households: not yet out of poverty, about to exit, returned to poverty or newly identified; "
        "poverty rate = poor people ÷ the rural population of the village profile.",
        "missing": "Villages without a village profile (rural population): {names}. No poverty rate is given for "
        "them, their townships or the total until the profile is entered.",
        "more": "{count} villages in all",
        "late": "Exited late: households planned to exit before {year} that exited in {year} (counted as "
        "“planned, not exited” in earlier years).",
        "separator": ", ",
    },
}


def report_notes(report: dict[str, Any], language: str = "zh") -> list[str]:
    """The notes to print with the report, one sentence each, in ``language``."""
    n = _NOTES["en" if language == "en" else "zh"]
    year, scope, total = report["year"], report["scope"], report["total"]
    notes = [n["dates"].format(as_of=report["as_of"], generated=report["generated"])]
    if not scope["villages"]:
        return [*notes, n["empty"].format(year=year)]
    places = n["separator"].join(scope["counties"]) + " " + n["separator"].join(scope["townships"])
    notes.append(n["scope"].format(places=places, townships=len(scope["townships"]), villages=scope["villages"]))
    notes += [n["register"].format(year=year, as_of=report["as_of"]), n["poor"]]
    missing = total["rural_missing"]
    if missing:
        names = n["separator"].join(missing[:MAX_NAMES])
        if len(missing) > MAX_NAMES:
            names += " " + n["more"].format(count=len(missing))
        notes.append(n["missing"].format(names=names))
    if total["exits"]["exited_late"]:
        notes.append(n["late"].format(year=year))
    return notes


def as_of_text(report: dict[str, Any], language: str = "zh") -> str:
    """The words "截至 YYYY-MM-DD" (or "as of …"): the day the report's figures are true for."""
    return f"as of {report['as_of']}" if language == "en" else f"截至 {report['as_of']}"


def unit_figures(unit: dict[str, Any], language: str = "zh") -> list[tuple[str, str]]:
    """The key figures of one unit as (label, text), with the same words as the report's tables."""
    t = terms(language)
    exits, helpers = unit["exits"], unit["helpers"]
    coverage = "Helper coverage" if language == "en" else "帮扶覆盖率"
    return [
        (t["households"], f"{unit['households']:,}"),
        (t["people"], f"{unit['people']:,}"),
        (t["poor_households"], f"{unit['poor_households']:,}"),
        (t["poor_people"], f"{unit['poor_people']:,}"),
        (t["incidence"], _percent(unit["incidence"])),
        (coverage, _percent(helpers["coverage"])),
        (t["planned"], f"{exits['planned']:,}"),
        (t["exited"], f"{exits['exited']:,}"),
        (t["exited_people"], f"{exits['exited_people']:,}"),
    ]


def _percent(value: float | None) -> str:
    return "—" if value is None else str(Percent(value))
