"""Measures (帮扶措施) and micro-credit loans for one demo household.

1–3 measures a year in the recent years, chosen by what the household needs;
each carries its 五个一批 category, plausible funds, dates and a status
(past years mostly 已完成; the current year 计划/实施中/已完成 by date).
"""

from __future__ import annotations

import datetime
from typing import Any

from models.codes import MEASURE_TYPE_CATEGORY, MICRO_CREDIT
from models.demo_people import Member
from models.demo_rand import Rand, age_on, iso

MEASURE_YEARS = 2
COUNTS = (1,) * 6 + (2,) * 3 + (3,)  # mean 1.5 a year
TYPE_UNITS = {
    "01": "县农业农村局", "02": "县人力资源和社会保障局", "03": "县扶贫开发办公室",
    "05": "县林业和草原局", "06": "县扶贫开发办公室", "07": "县发展和改革局", "08": "县住房和城乡建设局",
    "09": "县教育局", "10": "县卫生健康局", "11": "县民政局", "12": "县民政局", "13": "县水务局",
    "14": "县商务局", "15": "县文化和旅游局",
}
CONTENT = {
    "01": ("种植马铃薯{n}亩", "种植中药材（当归、黄芪）{n}亩", "扶持养羊{n}只", "扶持养殖肉牛{n}头", "种植苹果{n}亩"),
    "02": ("组织到新疆务工", "组织到江苏务工", "组织到福建务工", "推荐到兰州市务工", "推荐到本县工业园区务工"),
    "03": ("雨露计划职业教育补助", "农村实用技术培训（种植养殖）", "劳动力转移就业技能培训（电焊）",
           "家政服务技能培训"),
    MICRO_CREDIT: ("扶贫小额信贷{n}万元，用于发展养殖", "扶贫小额信贷{n}万元，用于种植中药材",
                   "扶贫小额信贷{n}万元，入股农民专业合作社"),
    "05": ("聘为生态护林员", "聘为村级保洁员", "聘为公益性岗位护路员"),
    "06": ("光伏扶贫电站收益分红", "入股合作社资产收益分红", "扶贫车间资产收益分红"),
    "07": ("易地扶贫搬迁集中安置", "易地扶贫搬迁分散安置"),
    "08": ("农村危房改造，拆除重建", "农村危房改造，加固维修"),
    "09": ("义务教育阶段学生资助", "高中阶段免学费并发放国家助学金", "学前教育资助", "中职学生资助"),
    "10": ("家庭医生签约服务", "大病救助", "慢性病门诊报销", "先诊疗后付费一站式结算"),
    "11": ("纳入农村低保，按月发放低保金",),
    "12": ("纳入特困人员救助供养，发放基本生活费",),
    "13": ("农村饮水安全巩固提升工程，自来水入户",),
    "14": ("开设网店销售农产品", "电商服务站代销土特产"),
    "15": ("发展农家乐",),
    "99": ("发放冬季取暖煤", "社会帮扶慰问"),
}
ONE_OFF = frozenset({MICRO_CREDIT, "07", "08", "13"})  # at most once per household
EARNING = frozenset({"01", "02", "05", "06", "14", "15"})  # measures that raise the household's income
RESULTS = ("已落实，群众满意", "已完成，达到预期效果")
LOAN_AMOUNTS = (10000,) + (20000,) * 2 + (30000,) * 3 + (50000,) * 4
LOAN_TERMS = (12,) + (24,) * 2 + (36,) * 4
LOAN_BANKS = ("农村信用社",) * 3 + ("邮政储蓄银行", "中国农业银行")
INTEREST_RATE = 0.0435


def measures(rand: Rand, household: dict[str, Any], members: list[Member], helper: dict[str, Any]
             ) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """Measures of the recent years and the loan rows of micro-credit among them."""
    needs = _needs(household, members)
    rows: list[dict[str, Any]] = []
    loans: list[dict[str, Any]] = []
    current = rand.current_year
    for year in range(current - MEASURE_YEARS + 1, current + 1):
        types, weights = list(needs), list(needs.values())
        for _ in range(min(rand.pick(COUNTS), len(types))):
            index = types.index(rand.rng.choices(types, weights)[0])
            kind = types.pop(index)
            del weights[index]
            row = _measure(rand, household, members, helper, year, kind)
            if kind == MICRO_CREDIT:
                loan = _loan(rand, household, members, row)
                if loan is None:
                    continue
                loans.append(loan)
            if kind in ONE_OFF:
                needs.pop(kind, None)
            rows.append(row)
    return rows, loans


def _needs(household: dict[str, Any], members: list[Member]) -> dict[str, int]:
    """Measure type → weight for this household."""
    live = [m.row for m in members if m.left is None]
    needs = {"01": 30, "03": 6, MICRO_CREDIT: 8, "05": 5, "06": 10, "14": 2, "15": 1, "99": 2}
    extra = (("02", any(r.get("work_status") for r in live), 10), ("07", household["is_relocated"], 20),
             ("08", household["housing_grade"] in ("C", "D"), 25),
             ("09", any(r["school_status"] != "01" for r in live), 20),
             ("10", any("02" in r["health"] or "03" in r["health"] for r in live), 20),
             ("11", household["attribute"] == "2", 25), ("12", household["attribute"] == "3", 30),
             ("13", household["water_difficult"], 15))
    for kind, applies, weight in extra:
        if applies:
            needs[kind] = weight
    return needs


def _measure(rand: Rand, household: dict[str, Any], members: list[Member], helper: dict[str, Any], year: int,
             kind: str) -> dict[str, Any]:
    current, today = rand.current_year, rand.today_ord
    start = rand.day(year, 1, 5) if year == current else rand.day(year, 2, 6)
    if kind != MICRO_CREDIT and year == current and rand.chance(0.3):
        start = rand.day(year, 7, 10)
    end = min(start + rand.between(60, 240), datetime.date(year, 12, 31).toordinal())
    if year < current:
        status = "4" if rand.chance(0.02) else "3"
    elif start > today:
        status = "1"
    else:
        status = "3" if end <= today and rand.chance(0.97) else "2"  # a few run late: the overdue warning
    if kind == MICRO_CREDIT:
        status = "3"
    live = sum(1 for m in members if m.left is None)
    amount, content = _funds(rand, household, members, kind, live)
    row = {
        "id": rand.new_id(), "household_id": household["id"], "village_code": household["village_code"],
        "year": year, "category": MEASURE_TYPE_CATEGORY[kind], "type": kind, "content": content,
        "unit": rand.pick(LOAN_BANKS) if kind == MICRO_CREDIT else TYPE_UNITS.get(kind, helper["unit"]),
        "helper_id": helper["id"],
        "fund_fiscal": 0.0, "fund_sector": 0.0, "fund_finance": 0.0, "fund_social": 0.0, "fund_self": 0.0,
        "planned_start": iso(start), "planned_end": iso(end), "status": status, **amount,
    }
    if status in ("2", "3"):
        actual = min(start + rand.between(0, 15), today)
        row["actual_start"] = iso(actual)
        if status == "3":
            row["actual_end"] = iso(min(max(actual, end + rand.between(-10, 20)), today))
            earned = f"已落实，户年增收约{rand.between(5, 40) * 100}元"
            row["result"] = earned if kind in EARNING else rand.pick(RESULTS)
            row["confirmed"] = 1 if rand.chance(0.9) else 0
    return row


def _funds(rand: Rand, household: dict[str, Any], members: list[Member], kind: str, live: int
           ) -> tuple[dict[str, float], str]:
    """The fund columns and the content text of one measure."""
    n = rand.between(2, 10)
    text = rand.pick(CONTENT[kind])
    if kind == "01":
        return {"fund_fiscal": rand.between(4, 10) * 500.0, "fund_self": rand.between(0, 4) * 500.0}, text.format(n=n)
    if kind == MICRO_CREDIT:
        amount = float(rand.pick(LOAN_AMOUNTS))
        return {"fund_finance": amount}, text.format(n=f"{amount / 10000:g}")
    if kind == "07":
        return {"fund_fiscal": live * 20000.0, "fund_self": rand.between(0, 10) * 1000.0}, text
    if kind == "08":
        grant = 23000.0 if household["housing_grade"] == "D" else rand.between(8, 15) * 1000.0
        return {"fund_fiscal": grant, "fund_self": rand.between(5, 20) * 1000.0}, text
    if kind == "09":
        students = sum(1 for m in members if m.left is None and m.row["school_status"] != "01")
        return {"fund_fiscal": max(1, students) * float(rand.pick((1000, 1250, 2000, 2500)))}, text
    if kind in ("11", "12"):
        per_person = rand.between(10, 30) * 100 if kind == "11" else rand.between(42, 52) * 100
        return {"fund_fiscal": float(live * per_person)}, text
    column, low, high = {"02": ("fund_sector", 2, 10), "03": ("fund_sector", 8, 30), "05": ("fund_fiscal", 50, 80),
                         "06": ("fund_fiscal", 30, 100), "10": ("fund_sector", 5, 80), "13": ("fund_fiscal", 5, 25),
                         "14": ("fund_social", 2, 10), "15": ("fund_social", 10, 50)}.get(kind, ("fund_social", 2, 20))
    return {column: rand.between(low, high) * 100.0}, text


def _loan(rand: Rand, household: dict[str, Any], members: list[Member], measure: dict[str, Any]
          ) -> dict[str, Any] | None:
    """The loan of a micro-credit measure, or None when no member is 18–65 on the loan date."""
    day = datetime.date.fromisoformat(measure["actual_start"])
    borrower = next((m for m in members if m.left is None and 18 <= age_on(m.birth, day.toordinal()) <= 65), None)
    if borrower is None:
        return None
    amount = measure["fund_finance"]
    term = rand.pick(LOAN_TERMS)
    months = day.month - 1 + term
    due = datetime.date(day.year + months // 12, months % 12 + 1, min(day.day, 28))
    elapsed = min(term, (rand.today.year - day.year) * 12 + rand.today.month - day.month)
    loan = {
        "id": rand.new_id(), "measure_id": measure["id"], "household_id": household["id"],
        "borrower_id": borrower.row["id"], "amount": amount, "bank": measure["unit"],
        "loan_date": day.isoformat(), "term_months": term, "due_date": due.isoformat(),
        "interest_subsidy": round(amount * INTEREST_RATE * max(elapsed, 0) / 12, 2), "repayment_status": "1",
    }
    if due <= rand.today:
        repaid = due - datetime.timedelta(days=rand.between(0, 30))
        loan["repayment_status"] = "2" if rand.chance(0.9) else rand.pick(("3", "4"))
        if loan["repayment_status"] == "2":
            loan["repaid_date"] = repaid.isoformat()
    return loan
