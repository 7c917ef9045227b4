"""How the check report and the summary of an Excel import name the villages and 村民小组 it creates.

A village name is printed on notices, so a place the import adds by itself
(the "create missing groups" option) is listed by name, never only counted:

    将新建 1 个村：谢家庄村（621190101202）。
    将新建 3 个村民小组：谢家庄村 一组、二组；王家山村 八组。
"""

from __future__ import annotations

from collections.abc import Sequence

from exports.excel_places import NewPlace

NAMES_SHOWN = 30  # names listed per line; the rest are counted


def describe_new_places(places: Sequence[NewPlace], language: str = "zh", done: bool = False) -> list[str]:
    """One line for the new villages and one for the new groups (none when nothing is created).

    ``done``: after the import ("已新建"), else in the check report ("将新建").
    """
    en = language == "en"
    villages = [p for p in places if p.table == "regions"]
    groups = [p for p in places if p.table == "village_groups"]
    lines = []
    if villages:
        names = [
            f"{p.values['name']} ({p.values['code']})" if en else f"{p.values['name']}（{p.values['code']}）"
            for p in villages
        ]
        lines.append(_line(len(villages), _listed(names, en, ", " if en else "、"), "village", en, done))
    if groups:
        lines.append(_line(len(groups), _groups(groups, en), "group", en, done))
    return lines


def _groups(groups: Sequence[NewPlace], en: bool) -> str:
    """Groups by village: "谢家庄村 一组、二组；王家山村 八组" (English: "谢家庄村: 一组, 二组; …")."""
    by_village: dict[str, list[str]] = {}
    for place in groups:
        village = place.village_name or str(place.values["village_code"])
        by_village.setdefault(village, []).append(str(place.values["name"]))
    shown, parts = 0, []
    for village, names in by_village.items():
        if shown >= NAMES_SHOWN:
            break
        listed = names[: NAMES_SHOWN - shown]
        shown += len(listed)
        parts.append(f"{village}: {', '.join(listed)}" if en else f"{village} {'、'.join(listed)}")
    text = ("; " if en else "；").join(parts)
    rest = len(groups) - shown
    return text + (_more(rest, en) if rest else "")


def _listed(names: list[str], en: bool, separator: str) -> str:
    rest = len(names) - NAMES_SHOWN
    return separator.join(names[:NAMES_SHOWN]) + (_more(rest, en) if rest > 0 else "")


def _more(count: int, en: bool) -> str:
    return f" and {count} more" if en else f" 等，另有 {count} 个"


def _line(count: int, listed: str, kind: str, en: bool, done: bool) -> str:
    if en:
        noun = ("village" if kind == "village" else "villager group") + ("" if count == 1 else "s")
        return f"{'Created' if done else 'Will create'} {count} new {noun}: {listed}."
    noun = "个村" if kind == "village" else "个村民小组"
    return f"{'已新建' if done else '将新建'} {count} {noun}：{listed}。"
