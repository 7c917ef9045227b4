"""Townships and villages after the first start: add one, correct its name, delete one registered by mistake.

The first-start setup registers the township and villages once; this module is
what the settings page 乡镇和村 and ``main.py region …`` use afterwards.
Regions are synced business data like households (not township-owned like the
code tables): a change made here travels with the next bundle, and two
different names written on two computers meet at the conflict desk, the later
one shown as the current name on every replica.

The scope (负责的乡镇/村) is a setting of this installation: a village added
on a village work team's laptop joins it at once, so the tree shows it; a
code in the scope must be registered (``scope_problem``).

The rules of a code and a name live below, in models/region_rules.py, which
``Registry.add_region`` / ``rename_region`` apply on every path (the first
start and an Excel import too); this module only narrows the page to
townships and villages and adds what the page needs (deleting, the scope).
"""

from __future__ import annotations

from typing import Any

from models.db import Database
from models.errors import JiandangError
from models.region_rules import PLACE_LEVELS, PlaceRefused, region_code
from models.regions import normalize_code, region_level
from models.registry import Registry
from models.settings import VILLAGE_TEAM, get_setting, set_setting

PAGE_NAME = ("“乡镇和村”页（工具 → 设置）", "the Townships and villages page (Tools → Settings)")

_USES = (  # (table, column, Chinese unit, English unit) counted before a region is deleted
    ("households", "village_code", "户", "households"),
    ("village_groups", "village_code", "个村民小组", "village groups"),
    ("village_profiles", "village_code", "份贫困村信息", "village profiles"),
    ("work_team_villages", "village_code", "个驻村工作队", "work teams"),
    ("measures", "village_code", "项帮扶措施", "measures"),
)


def place_code(text: str) -> str:
    """The 12-digit code of a township (9 or 12 digits) or a village (12 digits); PlaceRefused otherwise."""
    return region_code(text, PLACE_LEVELS)


def add_place(registry: Registry, code: str, name: str) -> str:
    """Register a township or a village (its township must be registered first); returns its id.

    The rules are ``Registry.add_region``'s (models/region_rules.py): refused
    for a malformed or taken code, a county or province code, a blank or too
    long name, or a name another region of the same township (or county) has.
    """
    return registry.add_region(code, name, levels=PLACE_LEVELS)


def rename_place(registry: Registry, code: str, name: str) -> bool:
    """Correct the name of a registered region; False when the name is unchanged.

    The old name stays in the change history; notices printed from now on
    carry the new name.
    """
    row = _registered(registry.db, code)
    return registry.rename_region(row["code"], name)


def delete_place(registry: Registry, code: str) -> None:
    """Delete a township or village registered by mistake; refused while anything refers to it.

    The region also leaves this installation's scope.
    """
    row = _registered(registry.db, code)
    uses = usage(registry.db, row["code"])
    if uses:
        zh = "、".join(f"{n} {unit}" for n, unit, _ in uses)
        en = ", ".join(f"{n} {unit}" for n, _, unit in uses)
        raise JiandangError(
            f"“{row['name']}”还有 {zh}，不能删除；名称有误可以改名。",
            f"'{row['name']}' still has {en} and cannot be deleted; rename it if the name is wrong.",
        )
    with registry.writing() as writer:
        writer.delete("regions", row["id"])
    scope = get_setting(registry.db, "scope")
    if row["code"] in scope:
        set_setting(registry.db, "scope", [c for c in scope if c != row["code"]])


def usage(db: Database, code: str) -> list[tuple[int, str, str]]:
    """What refers to a region: (count, Chinese unit, English unit) for each kind of record, none when unused."""
    found = []
    below = db.conn.execute("SELECT COUNT(*) FROM regions WHERE parent_code = ?", (code,)).fetchone()[0]
    if below:
        found.append((below, "个下级区划（村）", "regions below it (villages)"))
    pattern = code[:9] + "%" if region_level(code) == 4 else code
    for table, column, zh, en in _USES:
        n = db.conn.execute(f"SELECT COUNT(*) FROM {table} WHERE {column} LIKE ?", (pattern,)).fetchone()[0]
        if n:
            found.append((n, zh, en))
    return found


def include_in_scope(db: Database, code: str) -> bool:
    """Add a village to a village work team's list of villages (so the tree shows it); True when it changed.

    An empty scope (the tree shows everything) and a township's scope stay as they are.
    """
    code = normalize_code(code)
    scope = get_setting(db, "scope")
    if not scope or get_setting(db, "role") != VILLAGE_TEAM or region_level(code) != 5 or code in scope:
        return False
    if any(region_level(c) == 4 for c in scope):  # a township scope already shows its villages
        return False
    set_setting(db, "scope", [*scope, code])
    return True


def scope_problem(db: Database, codes: list[str]) -> JiandangError | None:
    """Why a scope cannot be stored (a malformed or unregistered code), or None."""
    for raw in codes:
        try:
            code = place_code(raw)
        except JiandangError as error:
            return error
        if _row(db, code) is None:
            return JiandangError(
                f"区划代码 {raw} 还没有登记：请先在{PAGE_NAME[0]}添加这个乡镇或村，再把它加入负责范围。",
                f"Region code {raw} is not registered: add the township or village on {PAGE_NAME[1]} first, "
                "then put it in the scope.",
            )
    return None


def normalized_scope(codes: list[str]) -> list[str]:
    """Scope codes as stored: 12 digits (a 9-digit township code padded), as ``scope_problem`` accepted them."""
    return [place_code(c) for c in codes]


def place_table(db: Database) -> list[dict[str, Any]]:
    """Every registered township and village in code order, with its household and group counts."""
    rows = db.conn.execute(
        "SELECT r.code, r.name, r.level, "
        "(SELECT COUNT(*) FROM households h WHERE h.village_code LIKE "
        "CASE WHEN r.level = 4 THEN substr(r.code, 1, 9) || '%' ELSE r.code END) AS households, "
        "(SELECT COUNT(*) FROM village_groups g WHERE g.village_code = r.code) AS groups "
        "FROM regions r WHERE r.level IN (4, 5) ORDER BY r.code"
    )
    return [dict(zip(("code", "name", "level", "households", "groups"), r, strict=True)) for r in rows]


def has_village(db: Database) -> bool:
    """True once at least one village is registered (households need one)."""
    return db.conn.execute("SELECT 1 FROM regions WHERE level = 5 LIMIT 1").fetchone() is not None


def _row(db: Database, code: str) -> dict[str, Any] | None:
    found = db.conn.execute("SELECT id, code, name, level, parent_code FROM regions WHERE code = ?", (code,))
    row = found.fetchone()
    return None if row is None else dict(zip(("id", "code", "name", "level", "parent_code"), row, strict=True))


def _registered(db: Database, code: str) -> dict[str, Any]:
    row = _row(db, normalize_code(code))
    if row is None:
        raise PlaceRefused("code", f"区划代码 {code} 尚未登记。", f"Region {code} is not registered.")
    return row
