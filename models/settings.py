"""Every local setting declared once, with its type, default and label.

Settings belong to this installation (role, scope, device, operator …) and
are stored in the database's ``settings`` table, never synced. Business data
that must travel (poverty lines, code tables) lives in synced tables instead.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from models.db import Database
from models.errors import JiandangError

VILLAGE_TEAM = "village"
TOWNSHIP = "township"


MIN_NOTICE_DAYS = 7  # DOMAIN.md: a village notice runs for at least seven days


@dataclass(frozen=True)
class Setting:
    """One declared setting."""

    key: str
    default: Any
    label: str
    label_en: str
    choices: tuple[str, ...] = ()
    is_list: bool = False
    minimum: int | None = None


SETTINGS: dict[str, Setting] = {
    s.key: s
    for s in (
        Setting("role", VILLAGE_TEAM, "使用角色", "Role", (VILLAGE_TEAM, TOWNSHIP)),
        Setting("scope", [], "负责的乡镇/村（区划代码）", "Township / villages in scope (codes)", is_list=True),
        Setting("device_name", "", "设备名称", "Device name"),
        Setting("operator", "", "操作员", "Operator"),
        Setting("language", "zh", "界面语言", "Language", ("zh", "en")),
        Setting(
            "current_year", 0, "当前工作年度（0 = 有数据的最新年度）", "Working year (0 = the newest year with data)"
        ),
        Setting("objection_phone", "12317", "监督举报电话", "Objection hotline"),
        Setting(
            "objection_office",
            "",
            "公告上受理异议的办公室（公示默认为本村）",
            "Office receiving objections on announcements (notices: the village's own)",
        ),
        Setting(
            "issuing_body",
            "",
            "公告发布单位（公示默认为本村村民委员会）",
            "Issuing body of announcements (notices: the village's own committee)",
        ),
        Setting("notice_days", 7, "公示天数", "Notice period (days)", minimum=MIN_NOTICE_DAYS),
        Setting("notice_font", "", "公示字体文件", "Notice font file"),
        Setting("notice_fallback_font", "", "公示补充字体文件（生僻字）", "Fallback font file (rare characters)"),
    )
}


def get_setting(db: Database, key: str) -> Any:
    """The value of a declared setting, or its default."""
    setting = _declared(key)
    raw = db.setting(key, "")
    if raw == "":
        return setting.default
    if setting.is_list:
        return json.loads(raw)
    return int(raw) if isinstance(setting.default, int) else raw


def set_setting(db: Database, key: str, value: Any) -> None:
    """Store a declared setting after checking it."""
    db.set_setting(key, stored_value(key, value))


def set_settings(db: Database, values: dict[str, Any]) -> dict[str, JiandangError]:
    """Check every value first; store them all in one transaction only if none is refused.

    Returns the refusals by key (empty when everything was stored).
    """
    stored, refused = {}, {}
    for key, value in values.items():
        try:
            stored[key] = stored_value(key, value)
        except JiandangError as error:
            refused[key] = error
    if not refused:
        db.set_settings(stored)
    return refused


def stored_value(key: str, value: Any) -> str:
    """The text a declared setting is stored as; raises JiandangError when the value is not allowed."""
    setting = _declared(key)
    if setting.choices and value not in setting.choices:
        raise JiandangError(
            f"{setting.label}只能是：{'、'.join(setting.choices)}。",
            f"{setting.label_en} must be one of: {', '.join(setting.choices)}.",
        )
    if isinstance(setting.default, int) and not setting.is_list:
        try:
            value = int(value)
        except (TypeError, ValueError) as error:
            raise JiandangError(
                f"{setting.label}必须是整数。", f"{setting.label_en} must be a whole number."
            ) from error
        if setting.minimum is not None and value < setting.minimum:
            minimum = setting.minimum
            raise JiandangError(
                f"{setting.label}不能少于 {minimum}。", f"{setting.label_en} must be at least {minimum}."
            )
    return json.dumps(list(value), ensure_ascii=False) if setting.is_list else str(value)


def _declared(key: str) -> Setting:
    if key not in SETTINGS:
        raise KeyError(f"undeclared setting: {key}")
    return SETTINGS[key]
