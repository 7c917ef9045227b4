"""Field hints: what the national form means by a field, in both languages, for real columns only."""

from __future__ import annotations

import pytest

from models import field_hints, fields

NAMED = (  # the fields a new user asks about (issue 7): (column, table, Chinese word, English word)
    ("standard", "households", "贫困线", "poverty line"),
    ("attribute", "households", "低保", "dibao"),
    ("housing_grade", "households", "危房", "dangerous"),
    ("labour_skill", "members", "丧失劳动力", "lost"),
    ("work_status", "members", "省外", "outside"),
    ("serious_illness_insurance", "members", "大病保险", "high costs"),
    ("water_safe", "households", "水质", "quality"),
)


@pytest.mark.parametrize(("column", "table", "zh_word", "en_word"), NAMED)
def test_the_named_fields_are_explained_in_chinese_and_english(
    column: str, table: str, zh_word: str, en_word: str
) -> None:
    assert zh_word in (field_hints.hint(column, "zh", table) or "")
    assert en_word in (field_hints.hint(column, "en", table) or "")


def test_every_hint_belongs_to_a_labelled_column() -> None:
    assert set(field_hints.HINTS) <= set(fields.LABELS)
    for table, hints in field_hints.TABLE_HINTS.items():
        assert set(hints) <= set(fields.LABELS) | set(fields.TABLE_LABELS.get(table, {}))


def test_income_items_of_the_same_name_as_member_flags_get_their_own_hint() -> None:
    assert "全年领取" in field_hints.hint("dibao", "zh", "incomes")
    assert "本人" in field_hints.hint("dibao", "zh", "members")


def test_obvious_fields_have_no_hint() -> None:
    assert field_hints.hint("name", "zh", "members") is None
    assert field_hints.hint("note") is None


def test_derived_incomes_say_they_are_computed() -> None:
    assert "自动计算" in field_hints.derived_hint("per_capita") and "家庭人口" in field_hints.derived_hint("per_capita")
    assert "computed" in field_hints.derived_hint("net_income", "en")


def test_every_hint_has_both_languages() -> None:
    for zh, en in [*field_hints.HINTS.values(), *field_hints.DERIVED_HINTS.values()]:
        assert zh.strip() and en.strip() and zh != en
