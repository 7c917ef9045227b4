"""Name data for the demo generator: surnames by frequency, given names, place-name syllables.

Everything here is invented or common vocabulary; no list describes a real
person.  Weighted lists are expanded once into flat tuples so that a pick
costs one ``random()`` call and one index.
"""

from __future__ import annotations

from collections.abc import Iterable

# Surname, weight (roughly per ten thousand people; the national ranking with a
# north-western tilt).  单, 曾, 解, 仇, 查 are polyphonic and deliberately rare.
SURNAMES: tuple[tuple[str, int], ...] = (
    ("王", 712), ("李", 700), ("张", 674), ("刘", 510), ("陈", 461), ("杨", 322), ("黄", 245),
    ("赵", 229), ("吴", 205), ("周", 195), ("徐", 167), ("孙", 154), ("马", 144), ("胡", 132),
    ("朱", 126), ("郭", 119), ("何", 118), ("罗", 101), ("高", 100), ("林", 97), ("郑", 83),
    ("梁", 82), ("谢", 79), ("宋", 68), ("唐", 67), ("许", 65), ("邓", 64), ("韩", 63), ("冯", 62),
    ("曹", 60), ("彭", 59), ("肖", 57), ("田", 55), ("董", 51), ("潘", 50), ("袁", 50), ("蔡", 48),
    ("蒋", 47), ("余", 46), ("于", 45), ("杜", 44), ("叶", 43), ("程", 42), ("魏", 41), ("苏", 40),
    ("吕", 39), ("丁", 38), ("任", 37), ("卢", 36), ("姚", 35), ("沈", 34), ("钟", 33), ("姜", 32),
    ("崔", 31), ("谭", 30), ("陆", 29), ("范", 28), ("汪", 27), ("廖", 26), ("石", 25), ("金", 24),
    ("贾", 22), ("夏", 21), ("付", 20), ("方", 19), ("邹", 18), ("熊", 17), ("白", 16), ("孟", 16),
    ("秦", 15), ("邱", 15), ("侯", 14), ("江", 14), ("尹", 13), ("薛", 13), ("闫", 12), ("段", 12),
    ("雷", 11), ("龙", 11), ("史", 10), ("陶", 10), ("贺", 10), ("毛", 9), ("郝", 9), ("顾", 9),
    ("龚", 8), ("邵", 8), ("万", 8), ("武", 7), ("钱", 7), ("戴", 7), ("严", 6), ("孔", 6), ("常", 6),
    ("汤", 5), ("康", 5), ("乔", 5), ("文", 5), ("牛", 5), ("安", 4), ("包", 4), ("祁", 4), ("苟", 4),
    ("曾", 4), ("巩", 3), ("单", 2), ("解", 2), ("仇", 1), ("查", 1), ("令狐", 1), ("欧阳", 1),
)
# Hui households: 马 dominates, then a few other common Hui surnames.
HUI_SURNAMES: tuple[tuple[str, int], ...] = (
    ("马", 40), ("白", 8), ("丁", 8), ("杨", 7), ("李", 7), ("王", 7), ("海", 5), ("沙", 4), ("冶", 4),
    ("喇", 3), ("穆", 3), ("哈", 2), ("张", 2),
)

# Given-name characters by generation: born before 1970, 1970-1994, from 1995.
MALE_CHARS: tuple[str, str, str] = (
    "福贵宝生成德才荣祥兴旺发喜春永志学有金银万全元存忠孝仁义山林田来顺安海明国建军平",
    "伟强军平明勇杰斌涛磊鹏辉华林刚宏峰建国文海波亮东忠俊彦军龙虎云正武新小志",
    "浩宇博轩子晨天昊睿泽铭俊杰鑫磊凯航一豪宸嘉奕锦皓阳宁安",
)
FEMALE_CHARS: tuple[str, str, str] = (
    "兰花英梅秀凤珍莲桂菊翠香芬娥巧彩玉春霞淑琴兰芳叶娣月女",
    "芳娟敏静丽艳霞燕玲红梅琴萍秀雪琳婷娜丹蓉慧洁亚小晶玉",
    "悦欣怡佳雨萱梓涵思诗琪瑶萌妍馨雯璐彤一可心晨语",
)
# Tibetan names: two parts are joined for most people (扎西才让, 卓玛草).
TIBETAN_MALE: tuple[str, ...] = ("扎西", "才让", "多杰", "旦增", "尕藏", "索南", "贡布", "旺秀", "当周", "拉加", "加措")
TIBETAN_FEMALE: tuple[str, ...] = ("卓玛", "拉毛", "措毛", "吉毛", "德吉", "央金", "桑吉", "才措", "草", "卓玛草")

# Place names: a village is 姓+家+landform (张家沟) or two syllables (新庄).
PLACE_FIRST = "新红东西南北上下中石柳杨高大小青黄白碑榆松泉平安兴和双三五马牛龙凤金银清宁永丰"
LANDFORMS = "湾沟坪岔川庄堡岘梁台坡河峡塬咀营寨店集岭山滩窑湖"

# Units that send helpers: (unit, helper_affiliation code, weight); {township} is filled in.
HELPER_UNITS: tuple[tuple[str, str, int], ...] = (
    ("{township}人民政府", "05", 30), ("县教育局", "04", 12), ("县农业农村局", "04", 10),
    ("县卫生健康局", "04", 8), ("县扶贫开发办公室", "04", 6), ("县人力资源和社会保障局", "04", 6),
    ("县交通运输局", "04", 5), ("县林业和草原局", "04", 5), ("县水务局", "04", 5), ("县财政局", "04", 4),
    ("县人民医院", "04", 4), ("县第一中学", "04", 4), ("定西市财政局", "03", 3), ("定西市农业农村局", "03", 2),
    ("甘肃省交通运输厅", "02", 2), ("县供电公司", "07", 2), ("县农村信用联社", "07", 2),
)
HELPER_POSITIONS: tuple[str, ...] = (
    "科员", "科员", "科员", "干部", "干部", "副科长", "科长", "副主任", "主任", "副局长", "教师", "医生",
    "技术员", "站长",
)
GROUP_NUMERALS = ("一", "二", "三", "四", "五", "六", "七", "八", "九", "十", "十一", "十二")


def expand(weighted: Iterable[tuple[str, int]]) -> tuple[str, ...]:
    """A flat tuple holding each item ``weight`` times, for one-call weighted picks."""
    return tuple(item for item, weight in weighted for _ in range(weight))


SURNAME_TABLE = expand(SURNAMES)
HUI_SURNAME_TABLE = expand(HUI_SURNAMES)


def generation(birth_year: int) -> int:
    """Which given-name list fits a birth year (0 old, 1 middle, 2 young)."""
    return 0 if birth_year < 1970 else (1 if birth_year < 1995 else 2)
