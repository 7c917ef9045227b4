"""National code tables of the 建档立卡 registry, kept as plain data.

Every table is a tuple of :class:`Code` in its standard order, looked up by a
table name such as ``"poverty_cause"``.  The values follow the national
贫困户信息采集表 and the GB standards it cites (GB 3304 for ethnic groups).
Several lists (marked ◐ in ``shared/DOMAIN.md``) vary between provinces; the
values here are the defaults that a new database is seeded with.

Nothing in this module touches Qt or the database.
"""

from __future__ import annotations

from dataclasses import dataclass

__all__ = [
    "CODE_TABLES",
    "DEFAULT_POVERTY_LINES",
    "HOUSEHOLD_REMOVED",
    "HOUSEHOLD_STATUS_LIVE",
    "HOUSING_DANGEROUS",
    "MEASURE_TYPE_CATEGORY",
    "MEMBER_CHANGE_INCOMING",
    "MICRO_CREDIT",
    "TABLE_TITLES",
    "Code",
    "code_for",
    "codes",
    "label",
    "label_en",
]


@dataclass(frozen=True)
class Code:
    """One entry of a code table.

    ``code`` is the value stored in the database and exchanged with other
    systems: two digits where the national list uses two digits (``"01"``),
    one digit where it uses 1/2/3…, letters for the housing grade.
    """

    code: str
    label: str
    label_en: str


def _table(*rows: tuple[str, str, str]) -> tuple[Code, ...]:
    """Build a table from ``(code, label, label_en)`` rows."""
    return tuple(Code(code, zh, en) for code, zh, en in rows)


_ETHNIC_GROUPS: tuple[tuple[str, str], ...] = (
    ("汉族", "Han"), ("蒙古族", "Mongol"), ("回族", "Hui"), ("藏族", "Tibetan"),
    ("维吾尔族", "Uyghur"), ("苗族", "Miao"), ("彝族", "Yi"), ("壮族", "Zhuang"),
    ("布依族", "Bouyei"), ("朝鲜族", "Korean"), ("满族", "Manchu"), ("侗族", "Dong"),
    ("瑶族", "Yao"), ("白族", "Bai"), ("土家族", "Tujia"), ("哈尼族", "Hani"),
    ("哈萨克族", "Kazakh"), ("傣族", "Dai"), ("黎族", "Li"), ("傈僳族", "Lisu"),
    ("佤族", "Va"), ("畲族", "She"), ("高山族", "Gaoshan"), ("拉祜族", "Lahu"),
    ("水族", "Shui"), ("东乡族", "Dongxiang"), ("纳西族", "Naxi"), ("景颇族", "Jingpo"),
    ("柯尔克孜族", "Kyrgyz"), ("土族", "Tu"), ("达斡尔族", "Daur"), ("仫佬族", "Mulao"),
    ("羌族", "Qiang"), ("布朗族", "Blang"), ("撒拉族", "Salar"), ("毛南族", "Maonan"),
    ("仡佬族", "Gelao"), ("锡伯族", "Xibe"), ("阿昌族", "Achang"), ("普米族", "Pumi"),
    ("塔吉克族", "Tajik"), ("怒族", "Nu"), ("乌孜别克族", "Uzbek"), ("俄罗斯族", "Russian"),
    ("鄂温克族", "Evenki"), ("德昂族", "De'ang"), ("保安族", "Bonan"), ("裕固族", "Yugur"),
    ("京族", "Gin"), ("塔塔尔族", "Tatar"), ("独龙族", "Derung"), ("鄂伦春族", "Oroqen"),
    ("赫哲族", "Hezhen"), ("门巴族", "Monba"), ("珞巴族", "Lhoba"), ("基诺族", "Jino"),
)
"""The 56 ethnic groups in GB 3304 order; their codes are 01..56."""

CODE_TABLES: dict[str, tuple[Code, ...]] = {
    "sex": _table(("1", "男", "Male"), ("2", "女", "Female")),
    "id_type": _table(
        ("01", "居民身份证", "Resident ID card"),
        ("02", "残疾人证", "Disability certificate"),
        ("03", "户口簿", "Household register booklet"),
    ),
    "relation": _table(
        ("01", "户主", "Head of household"),
        ("02", "配偶", "Spouse"),
        ("03", "之子", "Son"),
        ("04", "之女", "Daughter"),
        ("05", "之儿媳", "Daughter-in-law"),
        ("06", "之女婿", "Son-in-law"),
        ("07", "之孙子", "Grandson"),
        ("08", "之孙女", "Granddaughter"),
        ("09", "之外孙子", "Grandson (daughter's son)"),
        ("10", "之外孙女", "Granddaughter (daughter's daughter)"),
        ("11", "之父", "Father"),
        ("12", "之母", "Mother"),
        ("13", "之岳父", "Father-in-law (wife's father)"),
        ("14", "之岳母", "Mother-in-law (wife's mother)"),
        ("15", "之公公", "Father-in-law (husband's father)"),
        ("16", "之婆婆", "Mother-in-law (husband's mother)"),
        ("17", "之祖父", "Grandfather"),
        ("18", "之祖母", "Grandmother"),
        ("19", "之外祖父", "Maternal grandfather"),
        ("20", "之外祖母", "Maternal grandmother"),
        ("99", "其他", "Other"),
    ),
    "ethnicity": (
        *(Code(f"{i:02d}", zh, en) for i, (zh, en) in enumerate(_ETHNIC_GROUPS, 1)),
        Code("97", "其他未识别民族", "Other unrecognised group"),
        Code("98", "外国血统中国籍人士", "Chinese citizen of foreign origin"),
    ),
    "political": _table(
        ("01", "中共党员", "CPC member"),
        ("02", "中共预备党员", "CPC probationary member"),
        ("03", "共青团员", "Communist Youth League member"),
        ("04", "民革会员", "RCCK member"),
        ("05", "民盟盟员", "CDL member"),
        ("06", "民建会员", "CNDCA member"),
        ("07", "民进会员", "CAPD member"),
        ("08", "农工党党员", "CPWDP member"),
        ("09", "致公党党员", "CZGD member"),
        ("10", "九三学社社员", "Jiusan Society member"),
        ("11", "台盟盟员", "TDSGL member"),
        ("12", "无党派人士", "Non-party"),
        ("13", "群众", "Ordinary citizen"),
    ),
    "education": _table(
        ("01", "文盲或半文盲", "Illiterate or semi-literate"),
        ("02", "小学", "Primary school"),
        ("03", "初中", "Junior secondary"),
        ("04", "高中", "Senior secondary"),
        ("05", "大专及以上", "College or above"),
        ("06", "学龄前儿童", "Pre-school child"),
    ),
    "school_status": _table(
        ("01", "非在校生", "Not in school"),
        ("02", "学前教育", "Pre-school education"),
        ("03", "小学", "Primary school"),
        ("04", "七年级", "Grade 7"),
        ("05", "八年级", "Grade 8"),
        ("06", "九年级", "Grade 9"),
        ("07", "高中一年级", "Senior high year 1"),
        ("08", "高中二年级", "Senior high year 2"),
        ("09", "高中三年级", "Senior high year 3"),
        ("10", "中职一年级", "Secondary vocational year 1"),
        ("11", "中职二年级", "Secondary vocational year 2"),
        ("12", "中职三年级", "Secondary vocational year 3"),
        ("13", "高职一年级", "Higher vocational year 1"),
        ("14", "高职二年级", "Higher vocational year 2"),
        ("15", "高职三年级", "Higher vocational year 3"),
        ("16", "大专及以上", "College or above"),
    ),
    "health": _table(
        ("01", "健康", "Healthy"),
        ("02", "长期慢性病", "Chronic illness"),
        ("03", "患有大病", "Serious illness"),
        ("04", "残疾", "Disabled"),
    ),
    "disability_grade": _table(
        ("1", "一级", "Grade 1"),
        ("2", "二级", "Grade 2"),
        ("3", "三级", "Grade 3"),
        ("4", "四级", "Grade 4"),
    ),
    "labour_skill": _table(
        ("01", "普通劳动力", "Ordinary labour"),
        ("02", "技能劳动力", "Skilled labour"),
        ("03", "丧失劳动力", "Lost ability to work"),
        ("04", "无劳动力", "No labour"),
        ("05", "弱劳动力或半劳动力", "Weak or half labour"),
    ),
    "work_status": _table(
        ("01", "乡（镇）内务工", "Working within the township"),
        ("02", "乡（镇）外县内务工", "Working in the county outside the township"),
        ("03", "县外省内务工", "Working in the province outside the county"),
        ("04", "省外务工", "Working outside the province"),
        ("99", "其他", "Other"),
    ),
    "household_attribute": _table(
        ("1", "一般贫困户", "Ordinary poor household"),
        ("2", "低保贫困户", "Dibao poor household"),
        # Formerly 五保贫困户 ("five guarantees" household); code_for() accepts the old name.
        ("3", "特困供养贫困户", "Extreme-poverty support household"),
    ),
    "identification_standard": _table(
        ("1", "国家标准", "National standard"),
        ("2", "省定标准", "Provincial standard"),
        ("3", "市定标准", "Municipal standard"),
    ),
    "poverty_cause": _table(
        ("01", "因病", "Illness"),
        ("02", "因残", "Disability"),
        ("03", "因学", "Education costs"),
        ("04", "因灾", "Disaster"),
        ("05", "缺土地", "Lack of land"),
        ("06", "缺水", "Lack of water"),
        ("07", "缺技术", "Lack of skills"),
        ("08", "缺劳力", "Lack of labour"),
        ("09", "缺资金", "Lack of funds"),
        ("10", "交通条件落后", "Poor transport"),
        ("11", "自身发展动力不足", "Lack of motivation"),
        ("12", "因婚", "Marriage"),
        ("13", "因丧", "Funeral"),
        ("99", "其他", "Other"),
    ),
    "road_type": _table(
        ("01", "泥土路", "Dirt road"),
        ("02", "砂石路", "Gravel road"),
        ("03", "水泥路", "Concrete road"),
        ("04", "沥青路", "Asphalt road"),
    ),
    "housing_grade": _table(
        ("A", "安全", "Safe"),
        ("B", "基本安全", "Basically safe"),
        ("C", "局部危房", "Partly dangerous"),
        ("D", "整幢危房", "Wholly dangerous"),
    ),
    "fuel_type": _table(
        ("01", "柴草", "Firewood and straw"),
        ("02", "干畜粪", "Dried dung"),
        ("03", "煤炭", "Coal"),
        ("04", "清洁能源", "Clean energy"),
        ("05", "其他", "Other"),
    ),
    "relocation_mode": _table(
        ("01", "整村搬迁", "Whole village"),
        ("02", "自然村整体搬迁", "Whole natural village"),
        ("03", "个别搬迁", "Individual household"),
    ),
    "resettlement_mode": _table(
        ("1", "集中安置", "Centralised"),
        ("2", "分散安置", "Dispersed"),
    ),
    "resettlement_place": _table(
        ("1", "县城", "County town"),
        ("2", "乡镇", "Township"),
        ("3", "村内", "Within the village"),
        ("4", "村外", "Outside the village"),
    ),
    "household_status": _table(
        ("01", "未脱贫", "Not yet out of poverty"),
        ("02", "预脱贫", "Expected to exit"),
        ("03", "已脱贫", "Out of poverty"),
        ("04", "返贫", "Returned to poverty"),
        ("05", "新识别", "Newly identified"),
        ("06", "销号", "Removed from register"),
    ),
    "member_change": _table(
        ("01", "死亡", "Death"),
        ("02", "嫁出", "Married out"),
        ("03", "出国定居", "Emigrated"),
        ("04", "判刑收监", "Imprisoned"),
        ("05", "嫁入", "Married in"),
        ("06", "新生儿", "Newborn"),
        ("07", "其他转入", "Other moved in"),
        ("08", "其他转出", "Other moved out"),
    ),
    "helper_affiliation": _table(
        ("01", "中央", "Central"),
        ("02", "省", "Province"),
        ("03", "市", "Prefecture"),
        ("04", "县", "County"),
        ("05", "乡镇", "Township"),
        ("06", "部队", "Armed forces"),
        ("07", "其他", "Other"),
    ),
    "measure_category": _table(
        ("1", "发展生产脱贫一批", "Production development"),
        ("2", "易地搬迁脱贫一批", "Relocation"),
        ("3", "生态补偿脱贫一批", "Ecological compensation"),
        ("4", "发展教育脱贫一批", "Education"),
        ("5", "社会保障兜底一批", "Social security safety net"),
    ),
    "measure_type": _table(
        ("01", "产业扶持", "Industry support"),
        ("02", "转移就业", "Employment transfer"),
        ("03", "技能培训（雨露计划）", "Skills training (Yulu plan)"),
        ("04", "扶贫小额信贷", "Poverty micro-credit"),
        ("05", "公益岗位", "Public-welfare job"),
        ("06", "资产收益", "Asset income"),
        ("07", "易地扶贫搬迁", "Poverty relocation"),
        ("08", "危房改造", "Dilapidated house renovation"),
        ("09", "教育资助", "Education aid"),
        ("10", "健康扶贫", "Health aid"),
        ("11", "低保兜底", "Dibao safety net"),
        ("12", "特困供养", "Extreme-poverty support"),
        ("13", "饮水安全", "Safe drinking water"),
        ("14", "电商扶贫", "E-commerce"),
        ("15", "乡村旅游", "Rural tourism"),
        ("99", "其他", "Other"),
    ),
    "fund_source": _table(
        ("01", "财政专项", "Special fiscal funds"),
        ("02", "行业部门", "Sector departments"),
        ("03", "金融", "Financial institutions"),
        ("04", "社会帮扶", "Social assistance"),
        ("05", "自筹", "Self-raised"),
    ),
    "measure_status": _table(
        ("1", "计划", "Planned"),
        ("2", "实施中", "In progress"),
        ("3", "已完成", "Completed"),
        ("4", "取消", "Cancelled"),
    ),
    "repayment_status": _table(
        ("1", "正常", "Normal"),
        ("2", "已结清", "Settled"),
        ("3", "逾期", "Overdue"),
        ("4", "展期", "Extended"),
    ),
    "region_level": _table(
        ("1", "省", "Province"),
        ("2", "市", "Prefecture"),
        ("3", "县", "County"),
        ("4", "乡镇", "Township"),
        ("5", "村", "Village"),
    ),
}
"""Table name -> codes in their standard order (the order to show them in)."""

TABLE_TITLES: dict[str, tuple[str, str]] = {
    "sex": ("性别", "Sex"),
    "id_type": ("证件类型", "ID document type"),
    "relation": ("与户主关系", "Relation to head of household"),
    "ethnicity": ("民族", "Ethnic group"),
    "political": ("政治面貌", "Political affiliation"),
    "education": ("文化程度", "Education level"),
    "school_status": ("在校生状况", "School enrolment"),
    "health": ("健康状况", "Health"),
    "disability_grade": ("残疾等级", "Disability grade"),
    "labour_skill": ("劳动技能", "Labour ability"),
    "work_status": ("务工状况", "Work away from home"),
    "household_attribute": ("贫困户属性", "Household attribute"),
    "identification_standard": ("识别标准", "Identification standard"),
    "poverty_cause": ("致贫原因", "Cause of poverty"),
    "road_type": ("入户路类型", "Access road type"),
    "housing_grade": ("住房安全等级", "Housing safety grade"),
    "fuel_type": ("主要燃料类型", "Main fuel"),
    "relocation_mode": ("搬迁方式", "Relocation mode"),
    "resettlement_mode": ("安置方式", "Resettlement mode"),
    "resettlement_place": ("安置地", "Resettlement place"),
    "household_status": ("贫困户状态", "Household status"),
    "member_change": ("成员变更原因", "Member change reason"),
    "helper_affiliation": ("隶属关系", "Helper affiliation"),
    "measure_category": ("五个一批", "Measure category"),
    "measure_type": ("帮扶措施类型", "Measure type"),
    "fund_source": ("资金来源", "Fund source"),
    "measure_status": ("措施状态", "Measure status"),
    "repayment_status": ("还款状态", "Repayment status"),
    "region_level": ("区划级别", "Region level"),
}
"""Table name -> (Chinese title, English title)."""

MICRO_CREDIT = "04"
"""``measure_type`` code of 扶贫小额信贷 (poverty micro-credit)."""

MEASURE_TYPE_CATEGORY: dict[str, str] = {
    "01": "1",  # 产业扶持 -> 发展生产
    "02": "1",  # 转移就业 -> 发展生产 (employment)
    "03": "1",  # 技能培训（雨露计划） -> 发展生产 (training for employment)
    MICRO_CREDIT: "1",  # 扶贫小额信贷 -> 发展生产
    "05": "3",  # 公益岗位 -> 生态补偿 (typically 生态护林员)
    "06": "1",  # 资产收益 -> 发展生产
    "07": "2",  # 易地扶贫搬迁 -> 易地搬迁
    "08": "5",  # 危房改造 -> 保障 (住房安全有保障)
    "09": "4",  # 教育资助 -> 发展教育
    "10": "5",  # 健康扶贫 -> 保障 (基本医疗有保障)
    "11": "5",  # 低保兜底 -> 社会保障兜底
    "12": "5",  # 特困供养 -> 社会保障兜底
    "13": "5",  # 饮水安全 -> 保障 (checked with 两不愁三保障)
    "14": "1",  # 电商扶贫 -> 发展生产
    "15": "1",  # 乡村旅游 -> 发展生产
    "99": "1",  # 其他 -> 发展生产 (default)
}
"""``measure_type`` code -> ``measure_category`` code (its 五个一批)."""

HOUSEHOLD_STATUS_LIVE: tuple[str, ...] = ("01", "02", "04", "05")
"""``household_status`` codes counted as poor on the register.

未脱贫, 预脱贫, 返贫 and 新识别 count; 已脱贫 (exited) and 销号 (removed) do not.
"""

HOUSEHOLD_REMOVED = "06"
"""The ``household_status`` code of a household taken off the register (销号)."""

HOUSING_DANGEROUS: tuple[str, ...] = ("C", "D")
"""``housing_grade`` codes that are 危房 (局部危房, 整幢危房)."""

MEMBER_CHANGE_INCOMING: tuple[str, ...] = ("05", "06", "07")
"""``member_change`` codes that add a member (嫁入, 新生儿, 其他转入); the rest remove one."""

DEFAULT_POVERTY_LINES: tuple[tuple[int, str, int], ...] = (
    (2011, "1", 2536),
    (2012, "1", 2625),
    (2013, "1", 2736),
    (2014, "1", 2800),
    (2015, "1", 2855),
    (2016, "1", 2952),
    (2017, "1", 2952),
    (2018, "1", 2995),
    (2019, "1", 3218),
    (2020, "1", 4000),
)
"""(year, ``identification_standard`` code, yuan per person per year).

The national line (2300 yuan at 2010 prices) by year.  Several values are
unconfirmed, so these only seed the editable poverty-line table.
"""

_ALIASES: dict[str, dict[str, str]] = {
    "household_attribute": {"五保贫困户": "3", "五保户": "3"},
}
"""Former or common names accepted by :func:`code_for` in addition to the labels."""


def _normalise(text: str) -> str:
    """Key used for matching: trimmed, case-folded, ASCII brackets as full-width."""
    return text.strip().replace("(", "（").replace(")", "）").casefold()


def _build_index(table: str) -> dict[str, str]:
    """Map every accepted spelling (code, label, English label, alias) to its code."""
    index: dict[str, str] = {}
    for entry in CODE_TABLES[table]:
        for key in (entry.code, entry.label, entry.label_en):
            index.setdefault(_normalise(key), entry.code)
    for alias, code in _ALIASES.get(table, {}).items():
        index.setdefault(_normalise(alias), code)
    return index


_INDEX: dict[str, dict[str, str]] = {name: _build_index(name) for name in CODE_TABLES}
_BY_CODE: dict[str, dict[str, Code]] = {
    name: {entry.code: entry for entry in entries} for name, entries in CODE_TABLES.items()
}


def codes(table: str) -> tuple[Code, ...]:
    """Return the codes of ``table`` in standard order.

    Raises ``KeyError`` naming the table and the known tables if it does not exist.
    """
    try:
        return CODE_TABLES[table]
    except KeyError:
        known = ", ".join(sorted(CODE_TABLES))
        raise KeyError(f"unknown code table {table!r}; known tables: {known}") from None


def _lookup(table: str, code: str | None) -> Code | None:
    """Return the entry for ``code`` in ``table`` (``KeyError`` for an unknown table)."""
    codes(table)
    if code is None:
        return None
    return _BY_CODE[table].get(str(code).strip())


def label(table: str, code: str | None) -> str:
    """Return the Chinese label of ``code`` in ``table``.

    ``""`` for ``None`` or an empty code; the code itself when it is not in the
    table (so old or provincial codes still show something).
    """
    entry = _lookup(table, code)
    if entry is not None:
        return entry.label
    return "" if code is None else str(code).strip()


def label_en(table: str, code: str | None) -> str:
    """Return the English label of ``code`` in ``table``; same fallbacks as :func:`label`."""
    entry = _lookup(table, code)
    if entry is not None:
        return entry.label_en
    return "" if code is None else str(code).strip()


def code_for(table: str, text: str) -> str | None:
    """Return the code in ``table`` that ``text`` names, or ``None``.

    ``text`` may be a code (``"01"``), the Chinese label (``"因病"``) or the
    English label in any case (``"illness"``).  Surrounding spaces are ignored,
    ASCII brackets match full-width ones, a single digit is tried with a leading
    zero (spreadsheets drop it: ``"1"`` -> ``"01"``), and a few former names are
    accepted (``"五保贫困户"`` -> ``"3"``).  Raises ``KeyError`` for an unknown table.
    """
    codes(table)
    key = _normalise(text or "")
    if not key:
        return None
    index = _INDEX[table]
    if key in index:
        return index[key]
    if key.isdigit() and len(key) == 1:
        return index.get("0" + key)
    return None
