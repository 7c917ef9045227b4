"""Regions (12-digit 统计用区划代码), village groups, village profiles and work teams."""

from __future__ import annotations

import sqlite3
from typing import Any

from models.changes import new_id, stable_id
from models.errors import JiandangError
from models.region_rules import (
    ALL_LEVELS,
    check_new,
    check_renamed,
    normalize_code,
    parent_code,
    region_level,
    region_row,
)
from models.registry_base import RegistryBase
from models.validation import check_non_negative, check_years, problem

GROUP_NAME_MAX = 30
PROFILE_COUNTS = (
    "households",
    "population",
    "rural_population",
    "labour_force",
    "poor_households",
    "poor_population",
    "road_km_unhardened",
    "tap_water_households",
    "water_difficult_households",
    "power_households",
    "no_power_households",
    "collective_income",
)
__all__ = ["RegionOps", "normalize_code", "parent_code", "region_level", "require_village"]


def require_village(conn: sqlite3.Connection, code: str) -> str:
    """The 12-digit code of a registered village; JiandangError (saying so) for anything else."""
    village = normalize_code(code)
    if not conn.execute("SELECT 1 FROM regions WHERE code = ? AND level = 5", (village,)).fetchone():
        raise JiandangError(f"区划代码 {code} 不是已登记的村。", f"{code} is not a registered village.")
    return village


class RegionOps(RegistryBase):
    """The region tree down to village groups."""

    def add_region(
        self, code: str, name: str, valid_from: int | None = None, levels: tuple[int, ...] = ALL_LEVELS
    ) -> str:
        """Register a region (its level and parent follow from the code); returns its id.

        Refused (PlaceRefused, models/region_rules.py) for a malformed or taken
        code, a village whose township is not registered, a blank or too long
        name, or a name another village of the township (township of the county)
        has. ``levels``: the kinds of region accepted (the settings page: 4 and 5).
        """
        with self.writing() as writer:
            code, name = check_new(self.conn, code, name, levels=levels)
            return writer.insert("regions", region_row(code, name, valid_from))

    def rename_region(self, code: str, name: str, year: int | None = None) -> bool:
        """Rename a region, held to the rules of ``add_region``; False when the name is unchanged.

        The old name stays in the history. With ``year`` the new name took
        effect that year (an official renaming); without it the name is a
        correction and the region's dates stay.
        """
        row = self._region(code)
        with self.writing() as writer:
            values: dict[str, Any] = {"name": check_renamed(self.conn, row["code"], name)}
            if year is not None:
                values["valid_from"] = year
            if values["name"] == row["name"] and year is None:
                return False
            writer.update("regions", row["id"], values)
        return True

    def add_group(self, village_code: str, name: str) -> str:
        """Add a 村民小组 to a village (after the existing ones); returns its id.

        Refused when the village is not registered, the name is blank or the village already has that name.
        """
        village = self._region(village_code)
        if village["level"] != 5:
            raise JiandangError("村民小组只能建在村下面。", "Groups belong to villages.")
        name = _group_name(name)
        with self.writing() as writer:
            self._refuse_taken_name(village["code"], name)
            sort = self.one(
                "SELECT COALESCE(MAX(sort) + 1, 0) AS n FROM village_groups WHERE village_code = ?", (village["code"],)
            )
            pk = stable_id("group", village["code"], name)
            if self.one("SELECT 1 FROM village_groups WHERE id = ?", (pk,)):  # a renamed group kept this id
                pk = new_id()
            row = {"id": pk, "village_code": village["code"], "name": name, "sort": sort["n"] if sort else 0}
            return writer.insert("village_groups", row)

    def rename_group(self, group_id: str, name: str) -> None:
        """Rename a 村民小组; its households follow (they refer to the group, not to its name)."""
        group = self.require("village_groups", group_id)
        name = _group_name(name)
        if name == group["name"]:
            return
        with self.writing() as writer:
            self._refuse_taken_name(group["village_code"], name)
            writer.update("village_groups", group_id, {"name": name})

    def delete_group(self, group_id: str) -> None:
        """Delete a 村民小组 registered by mistake; refused while any household belongs to it."""
        group = self.require("village_groups", group_id)
        with self.writing() as writer:
            used = self.one("SELECT COUNT(*) AS n FROM households WHERE group_id = ?", (group_id,))
            if used and used["n"]:
                raise JiandangError(
                    f"“{group['name']}”还有 {used['n']} 户，不能删除；可以改名。",
                    f"'{group['name']}' still has {used['n']} households and cannot be deleted; rename it instead.",
                )
            writer.delete("village_groups", group_id)

    def group_table(self, village_code: str) -> list[dict[str, Any]]:
        """The village groups of a village with the number of households in each, in their order."""
        return self.all(
            "SELECT g.id, g.name, g.sort, (SELECT COUNT(*) FROM households h WHERE h.group_id = g.id) AS households "
            "FROM village_groups g WHERE g.village_code = ? ORDER BY g.sort, g.name",
            (normalize_code(village_code),),
        )

    def _refuse_taken_name(self, village_code: str, name: str) -> None:
        if self.one("SELECT 1 FROM village_groups WHERE village_code = ? AND name = ?", (village_code, name)):
            raise JiandangError(f"该村已有“{name}”。", f"The village already has a group '{name}'.")

    def set_village_profile(self, village_code: str, year: int, values: dict[str, Any]) -> str:
        """Store the 贫困村 profile of a village for a year."""
        village = self._region(village_code)
        found = check_non_negative(values, PROFILE_COUNTS) + check_years({"year": year}, ["year"])
        self.raise_if_errors(found)
        pk = stable_id("profile", village["code"], year)
        with self.writing() as writer:
            if self.one("SELECT 1 FROM village_profiles WHERE id = ?", (pk,)):
                writer.update("village_profiles", pk, values)
            else:
                writer.insert("village_profiles", {**values, "id": pk, "village_code": village["code"], "year": year})
        return pk

    def create_work_team(self, values: dict[str, Any], village_codes: list[str]) -> str:
        """Register a 驻村工作队 and the villages it is stationed in."""
        if not str(values.get("name") or "").strip():
            self.raise_if_errors([problem("name", "required", "不能为空。", "is required.")])
        codes = [self._region(c)["code"] for c in village_codes]
        with self.writing() as writer:
            team_id = writer.insert("work_teams", values)
            for code in codes:
                writer.insert(
                    "work_team_villages",
                    {"id": stable_id("team_village", team_id, code), "team_id": team_id, "village_code": code},
                )
            return team_id

    def regions(self, parent: str | None = None) -> list[dict[str, Any]]:
        """Regions under ``parent`` (all when None), ordered by code."""
        if parent is None:
            return self.all("SELECT code, name, level, parent_code FROM regions ORDER BY code")
        return self.all(
            "SELECT code, name, level, parent_code FROM regions WHERE parent_code = ? ORDER BY code",
            (normalize_code(parent),),
        )

    def groups(self, village_code: str) -> list[dict[str, Any]]:
        """The village groups of a village, in their order."""
        return self.all(
            "SELECT id, name, sort FROM village_groups WHERE village_code = ? ORDER BY sort, name",
            (normalize_code(village_code),),
        )

    def villages(self) -> list[dict[str, Any]]:
        """Every registered village (level 5), ordered by code."""
        return self.all("SELECT code, name FROM regions WHERE level = 5 ORDER BY code")

    def _region(self, code: str) -> dict[str, Any]:
        row = self.one("SELECT id, code, name, level FROM regions WHERE code = ?", (normalize_code(code),))
        if row is None:
            raise JiandangError(f"区划代码 {code} 尚未登记。", f"Region {code} is not registered.")
        return row


def _group_name(name: str) -> str:
    """A group name as stored: trimmed, not blank, at most GROUP_NAME_MAX characters."""
    text = str(name or "").strip()
    if not text:
        raise JiandangError("村民小组名称不能为空。", "The group name is required.")
    if len(text) > GROUP_NAME_MAX:
        raise JiandangError(
            f"村民小组名称太长（最多 {GROUP_NAME_MAX} 个字）。",
            f"The group name is too long (at most {GROUP_NAME_MAX}).",
        )
    return text
