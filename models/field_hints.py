"""What the national collection form (贫困户信息采集表) means by a field: the tooltips of the editors.

Keyed like ``models.fields.LABELS`` (column name, with per-table entries in
``TABLE_HINTS``); each hint is (Chinese, English).  Only fields whose meaning
is not obvious from the label have one.  Derived values (家庭纯收入,
年人均纯收入) are explained in ``DERIVED_HINTS``: they are computed, never typed.
"""

from __future__ import annotations

HINTS: dict[str, tuple[str, str]] = {
    # households: basic facts
    "group_id": (
        "村民小组（社、自然村）：村以下的分组，没有国家代码，按本村的叫法填写。",
        "Village group (社, natural village): the subdivision below the village; it has no national code.",
    ),
    "household_no": (
        "全国扶贫开发信息系统分配的户编号；尚未分配时可以空着，不要自己编号。",
        "The number given by the national poverty-alleviation system; leave it empty until it is assigned.",
    ),
    "phone": (
        "联系电话只用于联系，从不打印在公示上。",
        "Used only to get in touch; never printed on a notice.",
    ),
    "bank_name": (
        "发放补贴的“一卡通”账户所在银行。",
        "The bank of the 一卡通 account into which subsidies are paid.",
    ),
    "bank_account": (
        "“一卡通”补贴账号；屏幕上和公示中不显示完整号码。",
        "The 一卡通 subsidy account; the full number is never shown on notices.",
    ),
    "standard": (
        "识别标准：按哪一条贫困线识别本户——国家标准、省定标准或市定标准。收入与当年该标准的贫困线比较。",
        "Identification standard: the poverty line the household was identified under (national, provincial or "
        "city). Its income is compared with that line of the year.",
    ),
    "attribute": (
        "贫困户属性：一般贫困户；低保贫困户（享受农村最低生活保障）；特困供养贫困户（原五保户：无劳动能力、"
        "无生活来源、无法定赡养扶养义务人）。",
        "Household attribute: ordinary; dibao (receives the rural minimum living allowance); tekun, formerly 五保 "
        "(no capacity to work, no income and no one legally bound to support them).",
    ),
    "main_cause": (
        "主要致贫原因只选一项，是最主要的原因；其他原因在“其他致贫原因”中勾选（本省一般合计最多两项）。",
        "Choose the one most important cause; tick further ones under other causes (usually two in all).",
    ),
    "identified_year": (
        "本户被识别为贫困户（建档立卡）的年度。",
        "The year the household was identified as poor and registered.",
    ),
    "planned_exit_year": (
        "帮扶计划中预计脱贫的年度。",
        "The year the assistance plan expects the household to exit poverty.",
    ),
    "exit_year": (
        "脱贫年度：退出程序最后一步（公告）完成后自动填写；一般不要手工修改。",
        "Exit year: filled in when the last step of the exit procedure (the announcement) is recorded.",
    ),
    "is_military_family": (
        "军烈属：家中有现役军人，或是革命烈士、因公牺牲军人、病故军人的家属。",
        "A family with a serving soldier, or the family of a martyr or of a soldier who died in service.",
    ),
    "is_only_child": (
        "独生子女户：领取了《独生子女父母光荣证》的家庭。",
        "A family holding the one-child parents' certificate.",
    ),
    "is_two_daughters": (
        "双女户：只生育两个女孩、没有男孩，且已落实节育措施的家庭。",
        "A family with two daughters and no son that has taken birth-control measures.",
    ),
    "is_relocated": (
        "易地扶贫搬迁户：因居住地“一方水土养不起一方人”而纳入易地扶贫搬迁计划的户。勾选后填写搬迁方式、"
        "安置方式和安置地。",
        "A household in the relocation programme (its home area cannot sustain a living). Then fill in the "
        "relocation mode, resettlement mode and place.",
    ),
    "relocation_mode": (
        "整村搬迁、自然村整体搬迁，或个别户搬迁。",
        "The whole village, a whole natural village, or single households moved.",
    ),
    "resettlement_mode": (
        "集中安置（安置点、小区）或分散安置（插花、投亲靠友等）。",
        "Concentrated (a resettlement site) or dispersed (among existing villages, with relatives …).",
    ),
    "resettlement_place": (
        "安置地：县城、乡镇（集镇）、村内或村外。",
        "Where the household was resettled: the county town, a township, inside or outside the village.",
    ),
    "relocation_keys_received": (
        "已拿到新房钥匙并搬入居住（搬迁入住）。",
        "The household has received the keys of the new home and moved in.",
    ),
    # households: production and living conditions
    "land_area": (
        "承包的耕地面积，单位亩（1 亩约 667 平方米）。",
        "Contracted farmland in mu (1 mu ≈ 667 m²).",
    ),
    "irrigated_area": (
        "耕地中有水源和灌溉设施、一般年景能正常灌溉的部分，不大于耕地面积。",
        "The part of the farmland that can be irrigated in a normal year; at most the farmland.",
    ),
    "reforested_area": (
        "退耕还林（还草）的面积，享受退耕还林补助。",
        "Farmland returned to forest or grass under the Grain for Green programme (subsidised).",
    ),
    "orchard_area": ("种植果树、经济林（核桃、花椒等）的面积。", "Orchards and cash-crop trees (walnut, pepper …)."),
    "production_power": (
        "是否通生产用电（动力电，能带动农机、加工设备）。",
        "Power for production (three-phase power for machines and processing).",
    ),
    "living_power": ("是否通生活用电（照明和家用电器）。", "Household power (light and appliances)."),
    "road_distance_km": (
        "从住房到最近的村主干路（通村硬化路）的距离，单位公里。",
        "Distance from the house to the nearest main (hardened) village road, in km.",
    ),
    "road_type": (
        "入户路：从村主干路到家门口这一段路的类型（泥土路、砂石路、水泥路、沥青路）。",
        "The path from the main village road to the door: earth, gravel, concrete or asphalt.",
    ),
    "housing_area": (
        "现住房的建筑面积，单位平方米；无房户填 0。",
        "Floor area of the home in m²; 0 for a household without a home.",
    ),
    "housing_grade": (
        "住房安全等级（按农村危房鉴定）：A 级安全；B 级个别构件有危险点、基本安全；C 级局部危房；"
        "D 级整幢危房。C、D 级是危房，住房安全没有保障，需要危房改造。",
        "Housing safety grade (rural dangerous-housing appraisal): A safe; B basically safe; C partly dangerous; "
        "D dangerous as a whole. C and D are dangerous houses: housing is not secure until rebuilt.",
    ),
    "water_difficult": (
        "饮水困难：取水不方便或水量不足（如需要长时间往返取水、季节性缺水）。",
        "Water is hard to get or not enough (long trips to fetch it, seasonal shortage).",
    ),
    "water_safe": (
        "饮水安全：按农村饮水安全评价准则，水量、水质、取水方便程度和供水保证率四项都达标。"
        "它是“两不愁三保障”之外一并检查的脱贫条件。",
        "Safe drinking water: quantity, quality, convenience and reliability of supply all meet the rural standard. "
        "It is checked with the exit test.",
    ),
    "fuel_type": (
        "做饭取暖主要用的燃料：柴草、干畜粪、煤炭、清洁能源（电、燃气、沼气、太阳能）或其他。",
        "Main fuel for cooking and heating: firewood, dung, coal, clean energy (power, gas, biogas, solar), other.",
    ),
    "sanitary_toilet": (
        "卫生厕所：有墙、有顶、厕坑和储粪池不渗漏、粪便经过无害化处理的厕所。",
        "A toilet with walls and roof, sealed pit and tank, and safe treatment of the waste.",
    ),
    "in_cooperative": (
        "本户（成员）加入了农民专业合作社（含土地、资金入股）。",
        "The household is a member of a farmers' cooperative (also by putting in land or money).",
    ),
    "enterprise_led": (
        "有龙头企业通过订单、务工、入股分红等方式带动本户增收。",
        "A leading enterprise raises the household's income (contracts, jobs, dividends).",
    ),
    "leader_led": (
        "有本地创业致富带头人（能人、大户）带动本户增收。",
        "A local entrepreneur (a successful farmer or businessperson) helps the household earn more.",
    ),
    # members
    "relation": (
        "与户主的关系：每户只能有一名“户主”（01），其余成员按与户主的关系填写。",
        "Relation to the head: exactly one member is the head (01); the others by their relation to the head.",
    ),
    "id_type": (
        "一般是居民身份证；没有身份证的（如儿童）可用户口簿上的号码或残疾人证。",
        "Normally the resident ID card; for those without one (children) the household register or disability card.",
    ),
    "id_number": (
        "18 位身份证号码；输入后自动填出生日期和性别，并检查校验位。同一号码不能登记在两户中。公示上只打印脱敏的号码。",
        "The 18-character ID number; birth date and sex are filled in and the check digit verified. One number "
        "cannot be in two households. Notices print it masked.",
    ),
    "education": (
        "已取得的最高文化程度；尚未上学的儿童选“学龄前儿童”。",
        "The highest education completed; a child not yet at school is 学龄前儿童 (pre-school).",
    ),
    "school_status": (
        "在校生状况：正在读的年级（学前、小学、七至九年级、高中、中职、高职、大专及以上）；不在上学的选“非在校生”。"
        "6–15 岁的非在校生要填未在校原因（义务教育有保障）。",
        "The grade the member is in now, or 非在校生 (not in school). A child aged 6–15 not in school needs a "
        "reason (compulsory education).",
    ),
    "school_note": (
        "义务教育阶段（6–15 岁）儿童不在校的原因，如残疾送教上门、休学、延缓入学。",
        "Why a child of compulsory-school age is not in school (e.g. taught at home for a disability, suspended).",
    ),
    "health": (
        "可以多选：健康；长期慢性病（需长期服药治疗）；患有大病（重大疾病）；残疾（另填残疾等级）。",
        "Several may apply: healthy; long-term chronic illness; serious illness; disabled (with the grade).",
    ),
    "disability_grade": (
        "残疾人证上的等级：一级最重，四级最轻。只在健康状况包括“残疾”时填写。",
        "The grade on the disability card: 1 most severe, 4 least. Only when the health includes disabled.",
    ),
    "labour_skill": (
        "劳动技能：普通劳动力（能从事一般劳动）；技能劳动力（掌握一门技术，如厨师、电工、驾驶）；"
        "弱劳动力或半劳动力；丧失劳动力（因病、因残不能劳动）；无劳动力（16 岁以下、老年人、在校生）。"
        "16–59 岁健康的非在校生标为丧失劳动力会有提醒。",
        "Labour skill: ordinary labour; skilled labour (a trade such as cook, electrician, driver); weak or half "
        "labour; lost (through illness or disability); none (children under 16, the old, students). A healthy "
        "16–59-year-old marked as lost gets a warning.",
    ),
    "work_status": (
        "务工状况：外出打工挣工资的地点——乡（镇）内、乡（镇）外县内、县外省内、省外；不务工的不填。",
        "Where the member works for wages: in the township, elsewhere in the county, in the province, outside it; "
        "empty when not working for wages.",
    ),
    "work_months": (
        "收入年度内务工的月数。",
        "Months of wage work in the income year.",
    ),
    "is_soldier": (
        "正在服役的现役军人（计入家庭人口，不计为劳动力）。",
        "A serving soldier (counted in the household, not as labour).",
    ),
    "medical_insurance": (
        "参加城乡居民基本医疗保险（原新农合）。“基本医疗有保障”要求每名成员都参加。",
        "Enrolled in the basic medical insurance for rural and urban residents (formerly 新农合); required for "
        "every member by the exit test.",
    ),
    "serious_illness_insurance": (
        "城乡居民大病保险：对基本医保报销后仍然很高的医疗费用再次报销；参加基本医保的居民一般同时参加。",
        "Serious-illness insurance: pays again for high costs left after basic insurance; residents in basic "
        "insurance are normally covered.",
    ),
    "pension_insurance": (
        "参加城乡居民基本养老保险（16 岁以上、非在校生可参加，60 岁起领取养老金）。",
        "Enrolled in the basic pension insurance (from 16, not students; the pension is paid from 60).",
    ),
    "dibao": (
        "本人享受农村最低生活保障（低保）。",
        "The member receives the rural minimum living allowance (dibao).",
    ),
    "tekun": (
        "特困供养人员（原五保）：无劳动能力、无生活来源、无法定赡养扶养义务人（或其无能力）的老人、残疾人和未成年人。",
        "Extreme-poverty support (formerly 五保): people without capacity to work, without income and without anyone "
        "able and legally bound to support them.",
    ),
    # incomes
    "wage": (
        "工资性收入：务工、公益岗位等挣得的工资。",
        "Wages: pay from wage work and public-welfare jobs.",
    ),
    "business": (
        "生产经营性收入：种植、养殖、经营等的全部收入（未扣除支出，支出另填）。",
        "Business income: everything earned from farming, livestock and business, before expenses (entered below).",
    ),
    "business_expense": (
        "生产经营性支出：种子、化肥、饲料、农药、雇工等为生产经营花的钱；从收入中减去。",
        "Business expenses: seeds, fertiliser, feed, hired help …; subtracted from the income.",
    ),
    "asset_dividend": (
        "资产收益扶贫分红：光伏电站、合作社、企业入股等扶贫资产的分红。",
        "Dividends from poverty-alleviation assets (solar stations, cooperative or enterprise shares).",
    ),
    "other_property": (
        "其他财产性收入：土地流转租金、房屋出租、存款利息等。",
        "Other property income: land rent, house rent, interest.",
    ),
    "family_planning": (
        "计划生育奖励扶助金、特别扶助金等。",
        "Family-planning reward and special assistance payments.",
    ),
    "pension": ("领取的养老金。", "Pension received."),
    "eco_compensation": (
        "生态补偿金：退耕还林补助、公益林补偿、草原生态保护补助奖励等。",
        "Ecological compensation: Grain for Green, public-forest and grassland payments.",
    ),
    "other_transfer": (
        "其他转移性收入：赡养费、临时救助、耕地地力保护补贴等其他补贴。",
        "Other transfers: support from relatives, temporary relief, other subsidies.",
    ),
}

TABLE_HINTS: dict[str, dict[str, tuple[str, str]]] = {
    "incomes": {
        "dibao": ("本户全年领取的农村低保金。", "Dibao payments received by the household in the year."),
        "tekun": ("特困供养金（五保金）。", "Tekun (五保) support payments."),
    },
}

DERIVED_HINTS: dict[str, tuple[str, str]] = {
    "summary": (
        "这些不在本页输入：户主是“与户主关系”为户主的在户成员，家庭人口是在户成员的人数（在“家庭成员”页修改），"
        "当前状态是最近年度的贫困户状态（由识别、退出等程序改变）。",
        "Not typed here: the head is the member living in the household whose relation is head, the household size "
        "counts the members living in it (edit them on the members page), and the status is the latest year's "
        "(changed by the identification and exit procedures).",
    ),
    "net_income": (
        "家庭纯收入自动计算，不能输入：工资性收入 + 生产经营性收入 + 财产性收入 + 转移性收入 − 生产经营性支出。",
        "Net household income is computed, never typed: wages + business income + property income + transfers "
        "− business expenses.",
    ),
    "per_capita": (
        "年人均纯收入自动计算，不能输入：家庭纯收入 ÷ 家庭人口（在户的成员），保留两位小数，"
        "并与当年本户识别标准的贫困线比较。",
        "Income per person is computed, never typed: net income ÷ household size (members living in the household), "
        "two decimals, compared with the year's poverty line of the household's standard.",
    ),
}


def hint(column: str, lang: str = "zh", table: str = "") -> str | None:
    """The tooltip of a column in ``lang``, or None when its label says enough."""
    found = TABLE_HINTS.get(table, {}).get(column) or HINTS.get(column)
    if found is None:
        return None
    return found[1] if lang == "en" else found[0]


def derived_hint(key: str, lang: str = "zh") -> str:
    """The explanation of a computed value (``net_income``, ``per_capita``)."""
    zh, en = DERIVED_HINTS[key]
    return en if lang == "en" else zh
