"""The merge as a person reads it: field values for the side-by-side comparison, the preview lines.

Every text exists in Chinese and English (``lang`` "zh" or "en"); ID numbers are
always masked.
"""

from __future__ import annotations

import sqlite3
from typing import Any

from models import codes, fields
from models.idcard import mask_id_number
from models.merge_plan import MergePlan, YearSplit
from models.records import CODED_COLUMNS
from models.registry_base import RegistryBase

HIDDEN = ("id", "household_id", "sort")


def field_label(column: str, lang: str = "zh") -> str:
    """A column's label in the language."""
    return fields.label(column, lang)


def field_text(conn: sqlite3.Connection, table: str, column: str, value: Any, lang: str = "zh") -> str:
    """A stored value as shown: code labels, yes/no, place names, masked ID numbers, blanks."""
    if value is None or value == "":
        return ""
    label = codes.label_en if lang == "en" else codes.label
    if column == "id_number":
        return mask_id_number(str(value))
    if column == "village_code":
        row = conn.execute("SELECT name FROM regions WHERE code = ?", (value,)).fetchone()
        return row[0] if row else str(value)
    if column == "group_id":
        row = conn.execute("SELECT name FROM village_groups WHERE id = ?", (value,)).fetchone()
        return row[0] if row else ""
    if column in CODED_COLUMNS:
        return label(CODED_COLUMNS[column], str(value))
    if column == "health":
        return ("，" if lang != "en" else ", ").join(label("health", c) for c in str(value).split(","))
    flags = fields.HOUSEHOLD_FLAGS if table == "households" else fields.MEMBER_FLAGS
    if column in flags or column == "food_clothing_secure":
        yes = value in (1, "1")
        return ("Yes" if yes else "No") if lang == "en" else ("是" if yes else "否")
    return str(value)


def household_title(conn: sqlite3.Connection, household: dict[str, Any], members: tuple, lang: str = "zh") -> str:
    """ "文峰村 张三户（户编号 101）": village, head and number of a household."""
    village = field_text(conn, "households", "village_code", household.get("village_code"), lang)
    head = next((m["name"] for m in members if m.get("relation") == "01" and m.get("in_household") == 1), "")
    number = household.get("household_no")
    if lang == "en":
        return f"{village}, household of {head or '?'}" + (f" (no. {number})" if number else "")
    return f"{village} {head or '？'}户" + (f"（户编号 {number}）" if number else "")


def _names(members: list[dict[str, Any]] | tuple, lang: str) -> str:
    return (", " if lang == "en" else "、").join(str(m.get("name") or "") for m in members)


def _years(split: YearSplit, what_zh: str, what_en: str, lang: str) -> str:
    kept = ", ".join(str(y) for y in split.kept)
    added = ", ".join(str(y) for y in split.added)
    if lang == "en":
        parts = [f"{kept}: both have it, A's kept" if kept else "", f"{added}: copied from B" if added else ""]
        return f"{what_en}: " + ("; ".join(p for p in parts if p) or "nothing from B")
    parts = [f"{kept} 年两户都有，保留 A 的" if kept else "", f"{added} 年从 B 补入" if added else ""]
    return f"{what_zh}：" + ("；".join(p for p in parts if p) or "B 没有需要补入的")


def preview_lines(conn: sqlite3.Connection, plan: MergePlan, lang: str = "zh") -> list[str]:
    """What the merge will do, line by line (the refusals first, when there are any)."""
    en = lang == "en"
    lines = [("Cannot merge: " if en else "不能合并：") + p.message(lang) for p in plan.refusals]
    a = household_title(conn, plan.keep, plan.keep_members, lang)
    b = household_title(conn, plan.other, plan.other_members, lang)
    taken = [field_label(c, lang) for c in plan.household_values()]
    members_changed = [p.keep for p in plan.pairs if plan.member_values(p)]
    c = plan.counts
    if en:
        lines += [
            f"Keep A: {a}. Merge B into it, then delete B: {b}.",
            "Household fields: " + (f"taken from B: {', '.join(taken)}" if taken else "all of A's values kept"),
            f"Same person in both ({len(plan.pairs)}), one record kept: {_names([p.keep for p in plan.pairs], lang)}",
            f"Moving from B to A ({len(plan.moved)}): {_names(plan.moved, lang) or '—'}",
            f"Members with values taken from B: {_names(members_changed, lang) or '—'}",
            "Other causes: "
            + (
                f"adds {', '.join(codes.label_en('poverty_cause', x) for x in plan.causes_added)}"
                if plan.causes_added
                else "unchanged"
            ),
            _years(plan.incomes, "", "Incomes", lang),
            _years(plan.statuses, "", "Yearly status", lang),
            f"Moving to A: {c['measures']} measures, {c['loans']} loans, "
            f"{c['pairings'] - len(plan.pairings_dropped)} pairings ({len(plan.pairings_dropped)} duplicates dropped), "
            f"{c['member_changes']} member changes, {c['objections']} objections",
            f"Procedure records: A's {c['events_kept']} stay; a merge record is added to A.",
            "B is deleted; the merge reaches every laptop with the next bundles.",
        ]
        return lines
    causes = "、".join(codes.label("poverty_cause", x) for x in plan.causes_added)
    lines += [
        f"保留 A：{a}。把 B 并入 A，然后删除 B：{b}。",
        "户信息：" + (f"采用 B 的 {'、'.join(taken)}" if taken else "全部保留 A 的值"),
        f"两户中的同一人（{len(plan.pairs)} 人，只保留一条登记）：{_names([p.keep for p in plan.pairs], lang)}",
        f"从 B 转入 A 的成员（{len(plan.moved)} 人）：{_names(plan.moved, lang) or '无'}",
        f"采用 B 的值的成员：{_names(members_changed, lang) or '无'}",
        "其他致贫原因：" + (f"增加 {causes}" if causes else "不变"),
        _years(plan.incomes, "收入", "", lang),
        _years(plan.statuses, "年度状态", "", lang),
        f"转入 A：帮扶措施 {c['measures']} 项，小额信贷 {c['loans']} 笔，"
        f"结对帮扶 {c['pairings'] - len(plan.pairings_dropped)} 条（重复的 {len(plan.pairings_dropped)} 条删除），"
        f"成员变动 {c['member_changes']} 条，异议 {c['objections']} 条",
        f"程序记录：A 的 {c['events_kept']} 条保留，另为 A 记录一条合并记录。",
        "删除 B；下次同步时，合并结果传到各台电脑。",
    ]
    return lines


def member_home(registry: RegistryBase, member: dict[str, Any], lang: str = "zh") -> str:
    """The title of the household a member record belongs to."""
    household = registry.require("households", member["household_id"])
    members = tuple(
        registry.all("SELECT name, relation, in_household FROM members WHERE household_id = ?", (household["id"],))
    )
    return household_title(registry.conn, household, members, lang)


def twin_registration(conn: sqlite3.Connection, member_id: str) -> tuple[str, str] | None:
    """(member id, household id) of another live registration of this member's ID number in another household."""
    row = conn.execute(
        "SELECT t.id, t.household_id FROM members m JOIN members t ON t.id_number = m.id_number "
        "AND t.household_id != m.household_id AND t.in_household = 1 "
        "WHERE m.id = ? AND m.id_number IS NOT NULL AND m.id_number != '' ORDER BY t.id LIMIT 1",
        (member_id,),
    ).fetchone()
    return (row[0], row[1]) if row else None
