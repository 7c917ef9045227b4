"""The kinds of printed notice (公示/公告, 资金项目公示, 帮扶明白卡), their columns, texts and paper sizes.

Everything here is data, so a province can change a title, a sentence or the
default columns without touching the layout code.
"""

from __future__ import annotations

from dataclasses import dataclass

from models.errors import JiandangError

TABLE = "table"
FUNDS = "funds"
CARD = "card"

MM = 72 / 25.4  # points per millimetre
PAPERS: dict[str, tuple[tuple[float, float], str, str]] = {
    "A4": ((210 * MM, 297 * MM), "A4 纵向", "A4 portrait"),
    "A4L": ((297 * MM, 210 * MM), "A4 横向", "A4 landscape"),
    "A3": ((297 * MM, 420 * MM), "A3 纵向", "A3 portrait"),
}
"""Paper id -> ((width, height) in points, Chinese name, English name)."""


@dataclass(frozen=True)
class Column:
    """One column a notice table can show."""

    key: str
    label: str
    label_en: str
    weight: float
    align: str = "center"
    whole: bool = False  # numbers and codes: kept on one line when the page allows


COLUMNS: dict[str, Column] = {
    c.key: c
    for c in (
        Column("seq", "序号", "No.", 0.7, whole=True),
        Column("group", "村民小组", "Village group", 1.3),
        Column("head", "户主姓名", "Head of household", 1.3),
        Column("population", "家庭人口", "Household size", 0.9, whole=True),
        Column("attribute", "贫困户属性", "Attribute", 1.6),
        Column("main_cause", "主要致贫原因", "Main cause", 1.5),
        Column("other_causes", "其他致贫原因", "Other causes", 1.5),
        Column("per_capita", "年人均纯收入（元）", "Net income per person (yuan)", 1.4, "right", whole=True),
        Column("exit_year", "脱贫年度", "Exit year", 0.9, whole=True),
        Column("identified_year", "识别年度", "Year identified", 0.9, whole=True),
        Column("status", "贫困户状态", "Status", 1.1),
        Column("household_no", "户编号", "Household number", 1.8, whole=True),
        Column("id_masked", "户主身份证号", "Head's ID number (masked)", 2.4, whole=True),
        Column("note", "备注", "Remarks", 1.2, "left"),
    )
}
"""Columns of household notices. No column shows a phone number or bank account; an ID number only masked."""

FUND_COLUMNS: dict[str, Column] = {
    c.key: c
    for c in (
        Column("seq", "序号", "No.", 0.7, whole=True),
        Column("project", "项目名称", "Project", 1.5, "left"),
        Column("content", "建设内容", "Content", 2.6, "left"),
        Column("amount", "资金（元）", "Amount (yuan)", 1.3, "right", whole=True),
        Column("source", "资金来源", "Source of funds", 1.5),
        Column("beneficiary", "受益对象", "Beneficiaries", 1.4),
        Column("implementer", "实施单位", "Implementer", 1.8, "left"),
    )
}

IDENTIFY_COLUMNS = ("seq", "group", "head", "population", "attribute", "main_cause")
EXIT_COLUMNS = ("seq", "group", "head", "population", "attribute", "per_capita", "exit_year")
REMOVAL_COLUMNS = ("seq", "group", "head", "population", "attribute", "note")

PERIOD = "公示期为{start}至{end}（共{days}天）。"
OBJECTION = "公示期内如有异议，请以书面、电话或当面方式向{office}反映，也可拨打监督举报电话{phone}。"
OBJECTION_AFTER = "如有异议，请向{office}反映，或拨打监督举报电话{phone}。"


@dataclass(frozen=True)
class NoticeKind:
    """One kind of notice: its title, layout, default columns, text and which households it lists."""

    key: str
    title: str
    title_en: str
    layout: str
    is_notice: bool
    columns: tuple[str, ...]
    statuses: tuple[str, ...]
    year_column: str | None
    evaluated_by: str
    body: str

    def column_catalog(self) -> dict[str, Column]:
        """The columns this kind can show."""
        return FUND_COLUMNS if self.layout == FUNDS else COLUMNS


IDENTIFY_BODY = (
    "根据贫困户识别工作程序，经农户申请、{evaluated_by}，并经村委会和驻村工作队入户核实，"
    "拟将以下{count}户{people}人识别为{year}年贫困户，现予第一次公示。"
)
RETURN_BODY = (
    "经农户申请、{evaluated_by}，并经村委会和驻村工作队入户核实，以下{count}户{people}人因病、因灾等原因返贫，"
    "拟于{year}年重新纳入贫困户管理，现予第一次公示。"
)
EVALUATED = "村民小组初评、村两委审议、村民代表大会民主评议"
SECOND = "村民代表大会民主评议、第一次公示和乡（镇）人民政府审核"


def _announce(what: str) -> str:
    return (
        f"经村民代表大会民主评议、两次公示无异议，并经{{evaluated_by}}，以下{{count}}户{{people}}人{what}，现予公告。"
    )


KINDS: dict[str, NoticeKind] = {
    k.key: k
    for k in (
        NoticeKind("identification_1", "贫困户识别第一次公示", "Identification, first notice", TABLE, True,
                   IDENTIFY_COLUMNS, ("05",), "identified_year", EVALUATED, IDENTIFY_BODY),
        NoticeKind("identification_2", "贫困户识别第二次公示", "Identification, second notice", TABLE, True,
                   IDENTIFY_COLUMNS, ("05",), "identified_year", SECOND,
                   "以下{count}户{people}人经{evaluated_by}，拟识别为{year}年贫困户，现在村内进行第二次公示。"),
        NoticeKind("identification_announce", "贫困户公告", "Announcement of poor households", TABLE, False,
                   IDENTIFY_COLUMNS, ("05",), "identified_year", "县扶贫开发领导小组办公室复审",
                   _announce("确定为{year}年贫困户")),
        NoticeKind("exit", "脱贫退出公示", "Exit notice", TABLE, True, EXIT_COLUMNS, ("02",), None,
                   "村两委民主评议、村两委和驻村工作队入户核实",
                   "根据贫困户退出标准和程序，经{evaluated_by}，以下{count}户{people}人年人均纯收入稳定超过当年扶贫"
                   "标准，实现“两不愁三保障”，本户已签字确认，拟于{year}年脱贫退出，现予公示。"),
        NoticeKind("exit_announce", "脱贫退出公告", "Exit announcement", TABLE, False, EXIT_COLUMNS, ("03",),
                   "exit_year", "县人民政府批准",
                   "经民主评议、入户核实、村内公示和乡（镇）审核，并经{evaluated_by}，以下{count}户{people}人于"
                   "{year}年脱贫退出，现予公告。脱贫户在脱贫攻坚期内继续享受扶贫相关政策。"),
        NoticeKind("return_1", "返贫第一次公示", "Return to poverty, first notice", TABLE, True, IDENTIFY_COLUMNS,
                   ("04",), None, EVALUATED, RETURN_BODY),
        NoticeKind("return_2", "返贫第二次公示", "Return to poverty, second notice", TABLE, True,
                   IDENTIFY_COLUMNS, ("04",), None, SECOND,
                   "以下{count}户{people}人经{evaluated_by}，拟认定为{year}年返贫户，现在村内进行第二次公示。"),
        NoticeKind("return_announce", "返贫公告", "Return to poverty, announcement", TABLE, False,
                   IDENTIFY_COLUMNS, ("04",), None, "县扶贫开发领导小组办公室复审",
                   _announce("认定为{year}年返贫户，重新纳入贫困户管理")),
        NoticeKind("removal", "贫困户销号公示", "Removal notice", TABLE, True, REMOVAL_COLUMNS, (), None,
                   "村两委审议、入户核实",
                   "经{evaluated_by}，以下{count}户{people}人因识别不准、家庭成员全部死亡或迁出等原因，"
                   "拟从贫困户名单中销号，现予公示。"),
        NoticeKind("funds", "扶贫资金和项目公示", "Poverty funds and projects notice", FUNDS, True,
                   tuple(FUND_COLUMNS), (), None, "",
                   "现将{village}{year}年扶贫资金和项目安排情况公示如下：共{count}项，资金合计{amount}元，"
                   "接受群众监督。"),
        NoticeKind("card", "帮扶明白卡", "Assistance card", CARD, False, (), ("01", "02", "03", "04", "05"), None,
                   "", ""),
    )
}  # fmt: skip
"""Kind id -> kind. The ids of the notice kinds printed at procedure steps are the ``notice_kind`` of
those steps in ``models/procedure_steps.py`` (新识别 is the identification procedure)."""


def get_kind(key: str) -> NoticeKind:
    """The notice kind called ``key``; JiandangError listing the known ones otherwise."""
    if key not in KINDS:
        raise JiandangError(
            f"没有“{key}”这种公示；可选：{'、'.join(KINDS)}。",
            f"Unknown notice kind '{key}'; one of: {', '.join(KINDS)}.",
        )
    return KINDS[key]


def check_columns(kind: NoticeKind, columns: tuple[str, ...]) -> tuple[str, ...]:
    """The chosen columns, refused with a clear message when one is unknown for this kind."""
    catalog = kind.column_catalog()
    unknown = [c for c in columns if c not in catalog]
    if unknown or not columns:
        raise JiandangError(
            f"公示列“{'、'.join(unknown) or '（空）'}”不可用；可选：{'、'.join(catalog)}。",
            f"Notice column(s) '{', '.join(unknown) or '(none)'}' not available; choose from: {', '.join(catalog)}.",
        )
    return columns
