"""Household-level rules on members: one head, relations consistent with sex and age."""

from __future__ import annotations

from typing import Any

from models.errors import WARNING, Problem
from models.validation_base import (
    FEMALE_RELATIONS,
    HEAD,
    MALE_RELATIONS,
    OLDER_GENERATION,
    SPOUSE,
    YOUNGER_GENERATION,
    parse_date,
    problem,
)


def validate_relations(members: list[dict[str, Any]]) -> list[Problem]:
    """Household-level rules: exactly one head; relations consistent with sex and age."""
    live = [m for m in members if int(m.get("in_household") if m.get("in_household") is not None else 1) == 1]
    found = _check_heads(live)
    head = next((m for m in live if m.get("relation") == HEAD), None)
    for member in live:
        found += _relation_sex(member)
        if head is not None and member is not head:
            found += _relation_age(member, head)
    return found


def _check_heads(live: list[dict[str, Any]]) -> list[Problem]:
    heads = [m for m in live if m.get("relation") == HEAD]
    if not live or len(heads) == 1:
        return []
    if not heads:
        return [
            problem(
                "relation",
                "no_head",
                "这一户没有户主，请把一名成员设为户主。",
                "the household has no head; make one member the head.",
            )
        ]
    named = [str(m.get("name") or "") for m in heads]
    names, names_en = "、".join(named), ", ".join(named)
    return [
        problem(
            "relation",
            "two_heads",
            f"一户只能有一个户主，现有 {len(heads)} 个（{names}）。",
            f"a household has exactly one head; found {len(heads)} ({names_en}).",
        )
    ]


def _relation_sex(member: dict[str, Any]) -> list[Problem]:
    relation, sex = member.get("relation"), member.get("sex")
    if (relation in MALE_RELATIONS and sex == "2") or (relation in FEMALE_RELATIONS and sex == "1"):
        from models.codes import label, label_en

        return [
            problem(
                "relation",
                "relation_sex",
                f"{member.get('name')}：“{label('relation', relation)}”与性别不符。",
                f"{member.get('name')}: '{label_en('relation', relation)}' does not match the sex.",
                record=str(member.get("id") or ""),
            )
        ]
    return []


def _relation_age(member: dict[str, Any], head: dict[str, Any]) -> list[Problem]:
    born, head_born = parse_date(str(member.get("birth_date") or "")), parse_date(str(head.get("birth_date") or ""))
    if born is None or head_born is None:
        return []
    relation = member.get("relation")
    odd = (relation in YOUNGER_GENERATION and born <= head_born) or (relation in OLDER_GENERATION and born >= head_born)
    if relation == SPOUSE and member.get("sex") and member.get("sex") == head.get("sex"):
        return [
            problem(
                "relation",
                "spouse_sex",
                f"{member.get('name')}：配偶与户主性别相同，请核对。",
                f"{member.get('name')}: spouse has the same sex as the head; please check.",
                WARNING,
                str(member.get("id") or ""),
            )
        ]
    if odd:
        return [
            problem(
                "birth_date",
                "relation_age",
                f"{member.get('name')}：年龄与“与户主关系”不符，请核对。",
                f"{member.get('name')}: age does not fit the relation to the head.",
                WARNING,
                str(member.get("id") or ""),
            )
        ]
    return []
