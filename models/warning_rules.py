"""The warning rules as data: id, severity, titles and how to fix; their queries are in ``warning_sql.py``.

Severity ``error`` marks data that is wrong (check's exit status follows it);
``warning`` marks something to look at. Each warning names the record it is
about: the rule's ``record_table`` and the record's id.
"""

from __future__ import annotations

from dataclasses import dataclass

from models.errors import ERROR, WARNING


@dataclass(frozen=True)
class Rule:
    """One warning rule."""

    id: str
    severity: str
    title_zh: str
    title_en: str
    hint_zh: str
    hint_en: str
    record_table: str = "households"

    def title(self, language: str = "zh") -> str:
        """The rule's title in the requested language."""
        return self.title_en if language == "en" else self.title_zh


RULES: tuple[Rule, ...] = (
    Rule(
        "not_identified",
        WARNING,
        "已登记但尚未识别（没有贫困户状态）",
        "Registered but not identified (no status)",
        "在户的“程序”页办理识别程序；识别通过后，该户才计入统计和其他预警。",
        "Run the identification procedure on the household's Procedures page; only then is it counted in the "
        "statistics and the other warnings.",
    ),
    Rule(
        "no_main_cause",
        WARNING,
        "未填写主要致贫原因",
        "No main cause of poverty",
        "在“致贫原因”中选择主要致贫原因。",
        "Choose the main cause of poverty.",
    ),
    Rule(
        "no_helper",
        WARNING,
        "没有帮扶责任人",
        "No responsible helper",
        "在“帮扶责任人”中为该户结对一名帮扶责任人。",
        "Pair a responsible helper with the household.",
    ),
    Rule(
        "pairing_ended",
        WARNING,
        "帮扶结对已结束，没有接替人",
        "Helper pairing ended without a successor",
        "安排新的帮扶责任人接替。",
        "Pair a new helper to take over.",
        "pairings",
    ),
    Rule(
        "no_measure",
        WARNING,
        "本年度没有帮扶措施",
        "No assistance measure this year",
        "在“帮扶措施”中登记本年度的措施。",
        "Record this year's assistance measures.",
    ),
    Rule(
        "id_invalid",
        ERROR,
        "身份证号码无效",
        "Invalid ID number",
        "核对户口簿或身份证，改正证件号码。",
        "Check the household book or ID card and correct it.",
        "members",
    ),
    Rule(
        "id_duplicate",
        ERROR,
        "身份证号码重复",
        "Duplicated ID number",
        "核实此人实际属于哪一户，从另一户中删除或改正。",
        "Find which household the person belongs to; fix the other.",
        "members",
    ),
    Rule(
        "head_count",
        ERROR,
        "没有户主或有两个户主",
        "No head or two heads",
        "在“家庭成员”中把且只把一人设为户主。",
        "Make exactly one member the head.",
        "households",
    ),
    Rule(
        "income_missing",
        WARNING,
        "缺少上年度收入",
        "Last year's income missing",
        "在“收入”中登记上年度收入。",
        "Record last year's income.",
    ),
    Rule(
        "above_line_not_exited",
        WARNING,
        "收入连续两年超过贫困线仍未脱贫",
        "Above the line two years, not exited",
        "核实收入；符合条件的应启动脱贫退出程序。",
        "Check the income; start the exit procedure if it qualifies.",
        "incomes",
    ),
    Rule(
        "exited_below_line",
        WARNING,
        "已脱贫但收入低于贫困线",
        "Exited but income below the line",
        "核实收入，必要时加强帮扶或认定返贫。",
        "Check the income; strengthen help or consider a return.",
        "incomes",
    ),
    Rule(
        "school_age_not_in_school",
        WARNING,
        "义务教育阶段儿童未在校",
        "School-age child not in school",
        "登记在校情况，或在“未在校原因”中写明原因。",
        "Record the school, or write down why not.",
        "members",
    ),
    Rule(
        "lost_labour_healthy",
        WARNING,
        "健康劳动年龄人员被标为丧失劳动力",
        "Healthy working-age member marked unable",
        "核实劳动技能或健康状况。",
        "Check the labour ability or health.",
        "members",
    ),
    Rule(
        "micro_credit_terms",
        WARNING,
        "小额信贷不符合政策",
        "Micro-credit outside its terms",
        "小额信贷应不超过 5 万元、3 年，借款人 18–65 岁；核实贷款信息。",
        "At most 50,000 yuan, 3 years, borrower aged 18–65; check the loan.",
        "loans",
    ),
    Rule(
        "measure_overdue",
        WARNING,
        "措施已过计划完成日期仍未完成",
        "Measure past its planned end",
        "更新措施状态和实际完成日期。",
        "Update the measure's status and actual end.",
        "measures",
    ),
    Rule(
        "notice_overdue",
        WARNING,
        "公示期满程序未推进",
        "Notice period over, procedure not moved on",
        "办理公示后的下一步（如乡镇审核），或处理异议。",
        "Record the next step (e.g. township review).",
        "workflow_events",
    ),
)
"""The rule table, in the order warnings are listed."""

RULES_BY_ID: dict[str, Rule] = {r.id: r for r in RULES}
