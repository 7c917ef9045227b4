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
from models.region_rules import PlaceRefused, check_new, region_code, registered_name
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
    """Problems of the answers: a township code, villages inside it, names, the operator.

    New regions are held to the rules of ``Registry.add_region``
    (models/region_rules.py), with the same messages as the settings page.
    """
    found: list[Problem] = []
    if setup.role not in (VILLAGE_TEAM, TOWNSHIP):
        found.append(_bad("role", "请选择使用角色。", "choose a role."))
    found += _check_regions(db, setup, {})
    if setup.role == VILLAGE_TEAM and not setup.villages:
        found.append(
            _bad("villages", "驻村工作队请至少选择一个村。", "a village work team needs at least one village.")
        )
    if not setup.operator.strip():
        found.append(_bad("operator", "不能为空。", "is required."))
    if not setup.device_name.strip():
        found.append(_bad("device_name", "不能为空。", "is required."))
    return found


def _check_regions(db: Database, setup: Setup, pending: dict[str, str]) -> list[Problem]:
    """Problems of the township and villages; ``pending`` collects the new ones (code → name) in order."""
    found: list[Problem] = []
    try:
        township: str | None = region_code(setup.township_code, (4,))
    except PlaceRefused as error:
        township = None
        found.append(_refused("township", error))
    else:
        found += _check_new(db, township, setup.township_name, pending, "township")
    for code, name in setup.villages:
        try:
            village = region_code(code, (5,))
        except PlaceRefused as error:
            found.append(_refused("villages", error))
            continue
        if township is None:
            continue
        if not village.startswith(township[:9]):
            zh, en = f"村 {village} 不在所选乡镇内。", f"village {village} is not in the township."
            found.append(_bad("villages", zh, en))
        else:
            found += _check_new(db, village, name, pending, "villages")
    return found


def _check_new(db: Database, code: str, name: str, pending: dict[str, str], column: str) -> list[Problem]:
    """A region to register unless it is registered (named so or not named here): the registry's rules."""
    registered = registered_name(db.conn, code)
    if registered is not None and name.strip() in ("", registered):
        return []
    try:
        code, pending[code] = check_new(db.conn, code, name, pending, (region_level(code),))
    except PlaceRefused as error:
        return [_refused("township_name" if column == "township" and error.field == "name" else column, error)]
    return []


def apply_setup(registry: Registry, setup: Setup) -> None:
    """Register missing regions and store the settings (validated first: nothing is written when refused)."""
    pending: dict[str, str] = {}
    Problems(validate_setup(registry.db, setup)).raise_if_errors()
    _check_regions(registry.db, setup, pending)
    for code, name in pending.items():
        registry.add_region(code, name, levels=(region_level(code),))
    township = normalize_code(setup.township_code)
    villages = list(dict.fromkeys(normalize_code(c) for c, _ in setup.villages))
    scope = [township] if setup.role == TOWNSHIP else villages
    set_setting(registry.db, "role", setup.role)
    set_setting(registry.db, "scope", scope)
    set_setting(registry.db, "device_name", setup.device_name.strip())
    set_setting(registry.db, "operator", setup.operator.strip())


def _refused(column: str, error: PlaceRefused) -> Problem:
    """A refusal of the region rules as a problem of a first-start field (the same message as elsewhere)."""
    return _bad(column, error.message_zh, error.message_en)


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
