"""First start: who uses this installation and for which township or villages.

``apply_setup`` registers the township and villages that are not in the
database yet (picked from the region list or typed as code + name) and stores
the local settings role, scope, device name and operator.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from models.db import Database
from models.errors import Problem, Problems
from models.regions import normalize_code, region_level
from models.registry import Registry
from models.settings import SETTINGS, TOWNSHIP, VILLAGE_TEAM, get_setting, set_setting


@dataclass
class Setup:
    """The answers of the first-start questions."""

    role: str = VILLAGE_TEAM
    township_code: str = ""
    township_name: str = ""
    villages: list[tuple[str, str]] = field(default_factory=list)
    device_name: str = ""
    operator: str = ""


def needs_setup(db: Database) -> bool:
    """True for a fresh registry: no households, no scope and no operator yet."""
    has_households = db.conn.execute("SELECT 1 FROM households LIMIT 1").fetchone() is not None
    return not has_households and not get_setting(db, "scope") and not get_setting(db, "operator")


def known_regions(db: Database, level: int, under: str = "") -> list[dict[str, Any]]:
    """Registered regions of a level (4 乡镇, 5 村), optionally under a township code."""
    rows = db.conn.execute(
        "SELECT code, name FROM regions WHERE level = ? AND code LIKE ? ORDER BY code",
        (level, f"{under[:9]}%" if under else "%"),
    )
    return [{"code": c, "name": n} for c, n in rows]


def validate_setup(db: Database, setup: Setup) -> list[Problem]:
    """Problems of the answers: a township code, villages inside it, names, the operator."""
    found: list[Problem] = []
    if setup.role not in (VILLAGE_TEAM, TOWNSHIP):
        found.append(_bad("role", "请选择使用角色。", "choose a role."))
    township = _code(setup.township_code)
    if township is None or region_level(township) != 4:
        found.append(_bad("township", "应为 9 位或 12 位的乡镇区划代码。", "must be a 9- or 12-digit township code."))
    elif not (setup.township_name.strip() or _name(db, township)):
        found.append(_bad("township_name", "请填写乡镇名称。", "enter the township's name."))
    for code, name in setup.villages:
        found += _check_village(db, township, code, name)
    if setup.role == VILLAGE_TEAM and not setup.villages:
        found.append(
            _bad("villages", "驻村工作队请至少选择一个村。", "a village work team needs at least one village.")
        )
    if not setup.operator.strip():
        found.append(_bad("operator", "不能为空。", "is required."))
    if not setup.device_name.strip():
        found.append(_bad("device_name", "不能为空。", "is required."))
    return found


def _check_village(db: Database, township: str | None, code: str, name: str) -> list[Problem]:
    village = _code(code)
    if village is None or region_level(village) != 5:
        return [_bad("villages", f"“{code}”不是 12 位的村级区划代码。", f"'{code}' is not a 12-digit village code.")]
    if township is not None and not village.startswith(township[:9]):
        return [_bad("villages", f"村 {village} 不在所选乡镇内。", f"village {village} is not in the township.")]
    if not (name.strip() or _name(db, village)):
        return [_bad("villages", f"请填写村 {village} 的名称。", f"enter the name of village {village}.")]
    return []


def apply_setup(registry: Registry, setup: Setup) -> None:
    """Register missing regions and store the settings (validated first)."""
    Problems(validate_setup(registry.db, setup)).raise_if_errors()
    township = normalize_code(setup.township_code)
    wanted = [(township, setup.township_name)] + [(normalize_code(c), n) for c, n in setup.villages]
    for code, name in wanted:
        if _name(registry.db, code) is None:
            registry.add_region(code, name.strip())
    scope = [township] if setup.role == TOWNSHIP else [normalize_code(c) for c, _ in setup.villages]
    set_setting(registry.db, "role", setup.role)
    set_setting(registry.db, "scope", scope)
    set_setting(registry.db, "device_name", setup.device_name.strip())
    set_setting(registry.db, "operator", setup.operator.strip())


def _code(text: str) -> str | None:
    stripped = str(text).strip()
    if not stripped.isdigit() or len(stripped) not in (9, 12):
        return None
    return normalize_code(stripped)


def _name(db: Database, code: str) -> str | None:
    row = db.conn.execute("SELECT name FROM regions WHERE code = ?", (code,)).fetchone()
    return row[0] if row else None


def _bad(column: str, zh: str, en: str) -> Problem:
    labels = {
        "township": ("乡镇", "Township"),
        "township_name": ("乡镇名称", "Township name"),
        "villages": ("村", "Villages"),
    }
    setting = SETTINGS.get(column)
    zh_label, en_label = (setting.label, setting.label_en) if setting else labels[column]
    return Problem(column, "bad_setup", f"{zh_label}：{zh}", f"{en_label}: {en}")


def parse_village_lines(text: str) -> list[tuple[str, str]]:
    """Villages typed one per line as "code name" (the name may be left out for a registered village)."""
    villages = []
    for line in text.splitlines():
        parts = line.replace("\u3000", " ").split(None, 1)
        if parts:
            villages.append((parts[0], parts[1].strip() if len(parts) > 1 else ""))
    return villages
