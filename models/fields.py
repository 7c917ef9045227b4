"""What each column means: its label in both languages, its code table, its kind.

The validators, the GUI editors, the exports and the Excel importer all read
these tables, so a field is described once.
"""

from __future__ import annotations

LABELS: dict[str, tuple[str, str]] = {
    # households
    "village_code": ("所在村", "Village"),
    "group_id": ("村民小组", "Village group"),
    "household_no": ("户编号", "Household number"),
    "phone": ("联系电话", "Phone"),
    "bank_name": ("开户银行", "Bank"),
    "bank_account": ("银行账号", "Bank account"),
    "standard": ("识别标准", "Identification standard"),
    "attribute": ("贫困户属性", "Household attribute"),
    "main_cause": ("主要致贫原因", "Main cause of poverty"),
    "other_causes": ("其他致贫原因", "Other causes of poverty"),
    "members": ("家庭成员", "Members"),
    "identified_year": ("识别年度", "Year identified"),
    "planned_exit_year": ("计划脱贫年度", "Planned exit year"),
    "exit_year": ("脱贫年度", "Exit year"),
    "is_military_family": ("是否军烈属", "Military or martyr family"),
    "is_only_child": ("是否独生子女户", "One-child household"),
    "is_two_daughters": ("是否双女户", "Two-daughter household"),
    "is_relocated": ("是否易地扶贫搬迁户", "Relocated household"),
    "relocation_mode": ("搬迁方式", "Relocation mode"),
    "resettlement_mode": ("安置方式", "Resettlement mode"),
    "resettlement_place": ("安置地", "Resettlement place"),
    "relocation_keys_received": ("是否已交钥匙入住", "Keys of the new home received"),
    "land_area": ("耕地面积（亩）", "Cultivated land (mu)"),
    "irrigated_area": ("有效灌溉面积（亩）", "Irrigated land (mu)"),
    "forest_area": ("林地面积（亩）", "Forest land (mu)"),
    "reforested_area": ("退耕还林面积（亩）", "Returned to forest (mu)"),
    "orchard_area": ("林果面积（亩）", "Orchards (mu)"),
    "pasture_area": ("牧草地面积（亩）", "Pasture (mu)"),
    "water_area": ("水面面积（亩）", "Water surface (mu)"),
    "production_power": ("是否通生产用电", "Power for production"),
    "living_power": ("是否通生活用电", "Household power"),
    "broadcast_tv": ("是否通广播电视", "Radio and TV"),
    "road_distance_km": ("与村主干路距离（公里）", "Distance to main village road (km)"),
    "road_type": ("入户路类型", "Access road type"),
    "housing_area": ("住房面积（平方米）", "Housing area (m²)"),
    "housing_grade": ("住房安全等级", "Housing safety grade"),
    "water_difficult": ("饮水是否困难", "Drinking water difficult"),
    "water_safe": ("饮水是否安全", "Drinking water safe"),
    "fuel_type": ("主要燃料类型", "Main fuel"),
    "sanitary_toilet": ("有无卫生厕所", "Sanitary toilet"),
    "in_cooperative": ("是否加入农民专业合作社", "In a cooperative"),
    "enterprise_led": ("是否有龙头企业带动", "Led by a leading enterprise"),
    "leader_led": ("是否有创业致富带头人带动", "Led by a local entrepreneur"),
    "note": ("备注", "Note"),
    # members
    "name": ("姓名", "Name"),
    "sex": ("性别", "Sex"),
    "id_type": ("证件类型", "ID type"),
    "id_number": ("证件号码", "ID number"),
    "birth_date": ("出生日期", "Date of birth"),
    "relation": ("与户主关系", "Relation to head"),
    "ethnicity": ("民族", "Ethnicity"),
    "political": ("政治面貌", "Political status"),
    "education": ("文化程度", "Education"),
    "school_status": ("在校生状况", "School status"),
    "school_note": ("未在校原因", "Reason not in school"),
    "health": ("健康状况", "Health"),
    "disability_grade": ("残疾等级", "Disability grade"),
    "labour_skill": ("劳动技能", "Labour skill"),
    "work_status": ("务工状况", "Migrant work"),
    "work_months": ("务工时间（月）", "Months of work"),
    "is_soldier": ("是否现役军人", "Serving soldier"),
    "medical_insurance": ("是否参加城乡居民基本医疗保险", "Basic medical insurance"),
    "serious_illness_insurance": ("是否参加大病保险", "Serious illness insurance"),
    "pension_insurance": ("是否参加城乡居民基本养老保险", "Basic pension insurance"),
    "dibao": ("是否享受农村低保", "Rural minimum living allowance"),
    "tekun": ("是否特困供养人员", "Extreme-poverty support"),
    "in_household": ("是否在户", "Living in the household"),
    "left_date": ("离户日期", "Date left"),
    "left_reason": ("离户原因", "Reason left"),
    # incomes
    "year": ("年度", "Year"),
    "wage": ("工资性收入", "Wages"),
    "business": ("生产经营性收入", "Business income"),
    "asset_dividend": ("资产收益扶贫分红收入", "Asset dividends"),
    "other_property": ("其他财产性收入", "Other property income"),
    "family_planning": ("计划生育金", "Family-planning payments"),
    "pension": ("养老保险金", "Pension"),
    "eco_compensation": ("生态补偿金", "Ecological compensation"),
    "other_transfer": ("其他转移性收入", "Other transfers"),
    "business_expense": ("生产经营性支出", "Business expenses"),
    "population": ("家庭人口", "Household size"),
    # measures, loans, helpers, pairings
    "category": ("五个一批", "Category"),
    "type": ("措施类型", "Measure type"),
    "content": ("措施内容", "Content"),
    "unit": ("帮扶单位", "Helping unit"),
    "helper_id": ("帮扶责任人", "Helper"),
    "fund_fiscal": ("财政专项资金", "Fiscal funds"),
    "fund_sector": ("行业部门资金", "Sector funds"),
    "fund_finance": ("金融资金", "Financial funds"),
    "fund_social": ("社会帮扶资金", "Social funds"),
    "fund_self": ("自筹资金", "Own funds"),
    "planned_start": ("计划开始日期", "Planned start"),
    "planned_end": ("计划完成日期", "Planned end"),
    "actual_start": ("实际开始日期", "Actual start"),
    "actual_end": ("实际完成日期", "Actual end"),
    "status": ("状态", "Status"),
    "result": ("帮扶成效", "Result"),
    "confirmed": ("户主签字确认", "Confirmed by the household"),
    "amount": ("金额（元）", "Amount (yuan)"),
    "bank": ("贷款银行", "Bank"),
    "loan_date": ("放款日期", "Loan date"),
    "term_months": ("期限（月）", "Term (months)"),
    "due_date": ("到期日期", "Due date"),
    "repaid_date": ("还清日期", "Date repaid"),
    "interest_subsidy": ("贴息金额", "Interest subsidy"),
    "repayment_status": ("还款状态", "Repayment status"),
    "borrower_id": ("借款人", "Borrower"),
    "affiliation": ("隶属关系", "Affiliation"),
    "position": ("职务", "Position"),
    "start_date": ("开始时间", "Start date"),
    "end_date": ("结束时间", "End date"),
    "code": ("代码", "Code"),
    "level": ("级别", "Level"),
    "reason": ("原因", "Reason"),
    "change": ("变动类型", "Change"),
    "change_date": ("变动日期", "Date of change"),
}

HOUSEHOLD_CODES = {
    "standard": "identification_standard",
    "attribute": "household_attribute",
    "main_cause": "poverty_cause",
    "relocation_mode": "relocation_mode",
    "resettlement_mode": "resettlement_mode",
    "resettlement_place": "resettlement_place",
    "road_type": "road_type",
    "housing_grade": "housing_grade",
    "fuel_type": "fuel_type",
}
HOUSEHOLD_FLAGS = (
    "is_military_family",
    "is_only_child",
    "is_two_daughters",
    "is_relocated",
    "relocation_keys_received",
    "production_power",
    "living_power",
    "broadcast_tv",
    "water_difficult",
    "water_safe",
    "sanitary_toilet",
    "in_cooperative",
    "enterprise_led",
    "leader_led",
)
HOUSEHOLD_AMOUNTS = (
    "land_area",
    "irrigated_area",
    "forest_area",
    "reforested_area",
    "orchard_area",
    "pasture_area",
    "water_area",
    "road_distance_km",
    "housing_area",
)
HOUSEHOLD_YEARS = ("identified_year", "planned_exit_year", "exit_year")

MEMBER_CODES = {
    "sex": "sex",
    "id_type": "id_type",
    "relation": "relation",
    "ethnicity": "ethnicity",
    "political": "political",
    "education": "education",
    "school_status": "school_status",
    "disability_grade": "disability_grade",
    "labour_skill": "labour_skill",
    "work_status": "work_status",
    "left_reason": "member_change",
}
MEMBER_FLAGS = (
    "is_soldier",
    "medical_insurance",
    "serious_illness_insurance",
    "pension_insurance",
    "dibao",
    "tekun",
    "in_household",
)
MEMBER_MULTI_CODES = {"health": "health"}

INCOME_ITEMS = (
    "wage",
    "business",
    "asset_dividend",
    "other_property",
    "family_planning",
    "dibao",
    "tekun",
    "pension",
    "eco_compensation",
    "other_transfer",
    "business_expense",
)
MEASURE_CODES = {"category": "measure_category", "type": "measure_type", "status": "measure_status"}
MEASURE_AMOUNTS = ("fund_fiscal", "fund_sector", "fund_finance", "fund_social", "fund_self")
LOAN_AMOUNTS = ("amount", "interest_subsidy")
HELPER_CODES = {"sex": "sex", "political": "political", "affiliation": "helper_affiliation"}


TABLE_LABELS: dict[str, dict[str, tuple[str, str]]] = {
    "incomes": {"dibao": ("低保金", "Dibao payments"), "tekun": ("特困供养金（五保金）", "Tekun payments")},
    "measures": {"status": ("实施状态", "Status")},
}


def label(column: str, language: str = "zh", table: str = "") -> str:
    """The human label of a column ("户编号"), or the column name if none is known."""
    zh, en = TABLE_LABELS.get(table, {}).get(column) or LABELS.get(column, (column, column))
    return en if language == "en" else zh
