"""The fields an Excel roster can fill, and the header texts that name them.

Every household and member column of ``models.fields`` is a target, under its
label and the common variants found in real rosters (身份证号 for 证件号码, 户号
for 户编号 …). Headers are compared after :func:`normalize_header`: full-width
to half-width, no spaces, no "*" marks, and with or without a trailing unit in
brackets ("耕地面积（亩）" = "耕地面积").
"""

from __future__ import annotations

import difflib
import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

from models import fields

IGNORE = "ignore"


@dataclass(frozen=True)
class Target:
    """One thing a column can mean: a household or member column, or a place, or nothing."""

    key: str
    label: str
    label_en: str
    kind: str  # text, name, id, code, multi, flag, real, int, year, date, phone, account, number, place, ignore
    table: str = ""  # the code table of code and multi kinds
    column: str = ""  # the database column (households / members), if any

    @property
    def is_household(self) -> bool:
        return self.key.startswith("household.")

    @property
    def is_member(self) -> bool:
        return self.key.startswith("member.")


HOUSEHOLD_KINDS: dict[str, tuple[str, str]] = {
    "household_no": ("number", ""),
    "phone": ("phone", ""),
    "bank_name": ("text", ""),
    "bank_account": ("account", ""),
    **{c: ("code", t) for c, t in fields.HOUSEHOLD_CODES.items()},
    **{c: ("flag", "") for c in fields.HOUSEHOLD_FLAGS},
    **{c: ("real", "") for c in fields.HOUSEHOLD_AMOUNTS},
    **{c: ("year", "") for c in fields.HOUSEHOLD_YEARS},
    "note": ("text", ""),
}
MEMBER_KINDS: dict[str, tuple[str, str]] = {
    "name": ("name", ""),
    "id_number": ("id", ""),
    "birth_date": ("date", ""),
    **{c: ("code", t) for c, t in fields.MEMBER_CODES.items()},
    "health": ("multi", "health"),
    "school_note": ("text", ""),
    "work_months": ("int", ""),
    **{c: ("flag", "") for c in fields.MEMBER_FLAGS},
    "left_date": ("date", ""),
    "phone": ("phone", ""),
}
SPECIAL: tuple[Target, ...] = (
    Target("village", "所在村", "Village", "place"),
    Target("village_code", "村代码", "Village code", "place"),
    Target("group", "村民小组", "Village group", "place"),
    Target("township", "乡镇", "Township", "place"),
    Target("head_name", "户主姓名", "Head's name", "name"),
    Target("head_id_number", "户主证件号码", "Head's ID number", "id"),
    Target("other_causes", "其他致贫原因", "Other causes of poverty", "multi", "poverty_cause"),
    Target("status", "贫困户状态", "Household status", "code", "household_status"),
    Target("status_year", "状态年度", "Year of the status", "year"),
    Target(IGNORE, "（不导入）", "(not imported)", "ignore"),
)

# Header variants seen in rosters, by target key (the label of each column is always accepted too).
ALIASES: dict[str, tuple[str, ...]] = {
    "village": ("行政村", "村", "村名", "村委会", "村（居）", "村(社区)", "行政村名称", "所属村"),
    "village_code": ("行政村代码", "村区划代码", "区划代码", "统计用区划代码", "村编码"),
    "group": ("组", "社", "自然村", "村民小组（社）", "自然村（组）", "组别", "所在组", "村组"),
    "township": ("乡", "镇", "乡镇", "乡（镇）", "乡镇（街道）", "所在乡镇"),
    "head_name": ("户主", "户主名称"),
    "head_id_number": ("户主身份证号", "户主身份证号码", "户主证件号", "户主公民身份号码"),
    "other_causes": ("次要致贫原因", "其它致贫原因"),
    "status": ("脱贫状态", "户状态", "贫困状态", "脱贫属性"),
    "status_year": ("状态所属年度",),
    "household.household_no": ("户编码", "户号", "家庭编号", "户编号（国办系统）", "贫困户编号"),
    "household.phone": ("电话", "联系方式", "手机号", "手机号码", "户主联系电话", "联系电话号码"),
    "household.bank_name": ("开户行", "开户银行名称"),
    "household.bank_account": ("银行卡号", "一卡通账号", "账号", "银行帐号", "一卡通卡号", "惠农一卡通账号"),
    "household.attribute": ("户属性", "贫困属性", "贫困户类型"),
    "household.main_cause": ("致贫原因",),
    "household.identified_year": ("识别年份", "纳入年度", "识别时间"),
    "household.planned_exit_year": ("计划脱贫年份", "计划脱贫时间"),
    "household.exit_year": ("脱贫年份", "脱贫时间"),
    "household.is_relocated": ("是否易地搬迁户", "是否易地扶贫搬迁"),
    "household.housing_area": ("住房面积",),
    "household.road_distance_km": ("与村主干路距离",),
    "household.sanitary_toilet": ("是否有卫生厕所",),
    "member.name": ("成员姓名", "家庭成员姓名", "家庭成员"),
    "member.id_number": ("身份证号", "身份证号码", "身份证", "公民身份号码", "证件号", "身份证件号码"),
    "member.birth_date": ("出生年月", "出生年月日", "出生时间"),
    "member.relation": ("与户主的关系", "关系", "家庭关系"),
    "member.sex": ("性 别",),
    "member.education": ("学历", "文化程度（学历）"),
    "member.school_status": ("在校生情况", "在校情况", "在校状况"),
    "member.disability_grade": ("残疾级别",),
    "member.labour_skill": ("劳动能力", "劳动力状况"),
    "member.work_status": ("务工情况", "外出务工状况"),
    "member.work_months": ("务工时间", "务工月数", "务工时间（月数）"),
    "member.medical_insurance": (
        "是否参加新农合",
        "是否参加新型农村合作医疗",
        "新农合",
        "是否参加基本医疗保险",
        "参加城乡居民基本医疗保险",
    ),
    "member.serious_illness_insurance": ("大病保险", "参加大病保险"),
    "member.pension_insurance": ("是否参加新农保", "是否参加养老保险", "养老保险", "参加城乡居民基本养老保险"),
    "member.dibao": ("是否享受低保", "是否低保", "低保", "享受农村低保"),
    "member.tekun": ("是否特困供养", "是否五保", "是否五保户", "特困供养"),
    "member.phone": ("成员联系电话", "本人联系电话", "本人电话"),
    IGNORE: (
        "序号",
        "省",
        "省份",
        "市",
        "市（州）",
        "地市",
        "县",
        "县（区）",
        "县（市、区）",
        "县区",
        "家庭人口数",
        "家庭人口",
        "人口数",
        "家庭人数",
        "年人均纯收入",
        "人均纯收入",
        "家庭纯收入",
        "错误说明",
        "人编号",
        "导入错误",
    ),
}

_UNIT = re.compile(r"[（(][^（）()]*[)）]$")
_DROP = re.compile(r"[\s*＊:：]+")


def _targets() -> dict[str, Target]:
    found: dict[str, Target] = {}
    for prefix, kinds in (("household", HOUSEHOLD_KINDS), ("member", MEMBER_KINDS)):
        for column, (kind, table) in kinds.items():
            key = f"{prefix}.{column}"
            zh, en = fields.LABELS[column]
            if prefix == "member" and column == "phone":
                zh, en = "成员联系电话", "Member's phone"
            found[key] = Target(key, zh, en, kind, table, column)
    found.update({t.key: t for t in SPECIAL})
    return found


TARGETS: dict[str, Target] = _targets()


def normalize_header(text: object) -> str:
    """A header as compared: NFKC (full-width → half-width), no spaces, stars or colons, brackets unified."""
    if text is None:
        return ""
    value = unicodedata.normalize("NFKC", str(text))
    return _DROP.sub("", value).replace("(", "（").replace(")", "）")


def _without_unit(key: str) -> str:
    return _UNIT.sub("", key)


@lru_cache(maxsize=1)
def alias_index() -> dict[str, str]:
    """Every accepted header spelling (normalised, with and without its unit) → target key."""
    index: dict[str, str] = {}
    for key, target in TARGETS.items():
        for text in (target.label, *ALIASES.get(key, ())):
            norm = normalize_header(text)
            index.setdefault(norm, key)
            index.setdefault(_without_unit(norm), key)
    for key, texts in ALIASES.items():
        for text in texts:
            index.setdefault(normalize_header(text), key)
    return index


def match_header(text: object) -> str | None:
    """The target a header names exactly (by label or known variant), or None."""
    norm = normalize_header(text)
    if not norm:
        return None
    index = alias_index()
    return index.get(norm) or index.get(_without_unit(norm))


def similar_header(text: object) -> str | None:
    """The target whose label or variant is closest to an unknown header (a guess to confirm), or None."""
    norm = _without_unit(normalize_header(text))
    if len(norm) < 2:
        return None
    close = difflib.get_close_matches(norm, list(alias_index()), n=1, cutoff=0.75)
    return alias_index()[close[0]] if close else None


def target_choices() -> list[Target]:
    """Every target in the order a mapping list shows them: places, household, members, specials, ignore."""
    order = ["village", "village_code", "group", "township", "head_name", "head_id_number"]
    rest = [k for k in TARGETS if k not in order and k != IGNORE]
    rest.sort(key=lambda k: (not k.startswith("household."), not k.startswith("member.")))
    return [TARGETS[k] for k in (*order, *rest, IGNORE)]
