"""Households and their members: create, update, delete, validate."""

from __future__ import annotations

from typing import Any

from models.changes import ChangeWriter, new_id, stable_id
from models.codes import HOUSEHOLD_REMOVED
from models.errors import ERROR, JiandangError, Problem
from models.household_numbers import number_taken
from models.registry_base import RegistryBase, public
from models.validation import (
    HEAD,
    group_problem,
    normalize_member,
    problem,
    validate_household,
    validate_relations,
)

HOUSEHOLD_PARTS = ("member_changes", "other_causes", "incomes", "status_history", "pairings")
REMOVED = HOUSEHOLD_REMOVED


class HouseholdOps(RegistryBase):
    """The household form and its members."""

    # -- households --------------------------------------------------------

    def validate_household(self, values: dict[str, Any], household_id: str | None = None) -> list[Problem]:
        """Every problem of a household's own fields (merged over the stored row when updating)."""
        stored = self.require("households", household_id) if household_id else {}
        merged = {**stored, **values}
        found = validate_household(merged, self.codes)
        return found + self._check_place(merged) + number_taken(self.conn, merged, household_id, stored)

    def create_household(
        self, values: dict[str, Any], members: list[dict[str, Any]] | tuple = (), other_causes: list[str] | tuple = ()
    ) -> str:
        """Register a household with its members and causes in one transaction; returns its id."""
        prepared, problems = self._prepare_members(members, household_id=None)
        problems = (
            self.validate_household(values) + problems + self.check_causes(values.get("main_cause"), other_causes)
        )
        self.raise_if_errors(problems)
        household_id = str(values.get("id") or "") or new_id()
        with self.writing([household_id]) as writer:
            writer.insert("households", {**values, "id": household_id})
            for sort, member in enumerate(prepared):
                writer.insert("members", {"sort": sort, **member, "household_id": household_id})
            for cause in other_causes:
                writer.insert(
                    "other_causes",
                    {"id": stable_id("cause", household_id, cause), "household_id": household_id, "cause": cause},
                )
        return household_id

    def update_household(self, household_id: str, values: dict[str, Any]) -> dict[str, tuple]:
        """Change household fields; returns {column: (old, new)} of what changed."""
        self.raise_if_errors(self.validate_household(values, household_id))
        with self.writing([household_id]) as writer:
            return writer.update("households", household_id, values)

    def delete_household(self, household_id: str) -> None:
        """Delete a household entered by mistake, with all its parts (tombstones, logged).

        A household that has been through a procedure is not deleted: it is removed (销号).
        """
        self.require("households", household_id)
        if self.one("SELECT 1 FROM workflow_events WHERE household_id = ? LIMIT 1", (household_id,)):
            raise JiandangError(
                "该户已有评议或公示记录，不能删除；请办理销号。",
                "This household has procedure records and cannot be deleted; remove it (销号) instead.",
            )
        with self.writing([household_id]) as writer:
            self._delete_parts(writer, household_id)
            writer.delete("households", household_id)

    def _delete_parts(self, writer: ChangeWriter, household_id: str) -> None:
        for loan in self.all("SELECT id FROM loans WHERE household_id = ?", (household_id,)):
            writer.delete("loans", loan["id"])
        for measure in self.all("SELECT id FROM measures WHERE household_id = ?", (household_id,)):
            writer.delete("measures", measure["id"])
        for table in HOUSEHOLD_PARTS:
            for row in self.all(f"SELECT id FROM {table} WHERE household_id = ?", (household_id,)):
                writer.delete(table, row["id"])
        for member in self.all("SELECT id FROM members WHERE household_id = ?", (household_id,)):
            writer.delete("members", member["id"])

    def _check_place(self, values: dict[str, Any]) -> list[Problem]:
        village = values.get("village_code")
        if not village:
            return [problem("village_code", "required", "不能为空，请选择所在村。", "is required; choose the village.")]
        if not self.one("SELECT 1 FROM regions WHERE code = ? AND level = 5", (village,)):
            return [
                problem(
                    "village_code",
                    "unknown_village",
                    f"区划代码 {village} 不是已登记的村。",
                    f"{village} is not a registered village.",
                )
            ]
        group = values.get("group_id")
        if group and not self.one("SELECT 1 FROM village_groups WHERE id = ? AND village_code = ?", (group, village)):
            in_other_village = self.one("SELECT 1 FROM village_groups WHERE id = ?", (group,)) is not None
            return [group_problem(str(group), in_other_village)]
        return []

    # -- causes -------------------------------------------------------------

    def set_causes(self, household_id: str, main_cause: str | None, other_causes: list[str] | tuple = ()) -> None:
        """Set the main cause and the other causes of poverty in one transaction."""
        self.require("households", household_id)
        self.raise_if_errors(self.check_causes(main_cause, other_causes))
        wanted = {stable_id("cause", household_id, c): c for c in other_causes}
        current = {r["id"] for r in self.all("SELECT id FROM other_causes WHERE household_id = ?", (household_id,))}
        with self.writing() as writer:
            writer.update("households", household_id, {"main_cause": main_cause})
            for stale in current - set(wanted):
                writer.delete("other_causes", stale)
            for pk in set(wanted) - current:
                writer.insert("other_causes", {"id": pk, "household_id": household_id, "cause": wanted[pk]})

    def check_causes(self, main: str | None, others: list[str] | tuple) -> list[Problem]:
        """Problems of a main cause and other causes: codes exist, no repeats, at most two in total (warning)."""
        found = []
        for cause in [c for c in [main, *others] if c]:
            if not self.codes.has("poverty_cause", cause):
                found.append(
                    problem(
                        "main_cause",
                        "unknown_code",
                        f"致贫原因代码“{cause}”不存在。",
                        f"cause code '{cause}' does not exist.",
                    )
                )
        if main and main in others:
            found.append(
                problem(
                    "other_causes",
                    "duplicate_cause",
                    "其他致贫原因不能与主要致贫原因相同。",
                    "another cause repeats the main cause.",
                )
            )
        if len(set(others)) != len(others):
            found.append(problem("other_causes", "duplicate_cause", "其他致贫原因重复。", "a cause is listed twice."))
        if len({c for c in [main, *others] if c}) > 2:
            found.append(
                problem(
                    "other_causes",
                    "too_many_causes",
                    "致贫原因合计超过两项，本省一般最多填两项。",
                    "more than two causes in total; the province usually allows two.",
                    "warning",
                )
            )
        return found

    # -- members -----------------------------------------------------------

    def validate_member(self, household_id: str, values: dict[str, Any], member_id: str | None = None) -> list[Problem]:
        """Every problem of one member as it would be saved: own fields, the household's rules, the ID's owner."""
        base = self.require("members", member_id) if member_id else {}
        merged, found = normalize_member({**base, **values}, self.codes, self.today())
        others = [m for m in self._live_members(household_id) if m["id"] != member_id]
        found += [
            p
            for p in validate_relations(others + [{**merged, "id": member_id}])
            if p.record in ("", str(member_id or ""), "None")
        ]
        found += self.id_conflicts(merged, household_id, member_id)
        return found

    def add_member(self, household_id: str, values: dict[str, Any]) -> str:
        """Add a member to a household; returns the member id."""
        with self.writing([household_id]) as writer:
            return self.insert_member(writer, household_id, values)

    def insert_member(self, writer: ChangeWriter, household_id: str, values: dict[str, Any]) -> str:
        """Validate and insert a member inside the caller's transaction."""
        self.require("households", household_id)
        self.raise_if_errors(self.validate_member(household_id, values))
        merged, _ = normalize_member(dict(values), self.codes, self.today())
        sort = self.one("SELECT COALESCE(MAX(sort), -1) + 1 AS n FROM members WHERE household_id = ?", (household_id,))
        return writer.insert("members", {"sort": sort["n"] if sort else 0, **merged, "household_id": household_id})

    def update_member(self, member_id: str, values: dict[str, Any]) -> dict[str, tuple]:
        """Change a member's fields; returns {column: (old, new)}."""
        member = self.require("members", member_id)
        household_id = member["household_id"]
        self.raise_if_errors(self.validate_member(household_id, values, member_id))
        merged, _ = normalize_member({**member, **values}, self.codes, self.today())
        changes = {k: merged[k] for k in values if k in merged and k not in ("id", "household_id")}
        with self.writing([household_id]) as writer:
            return writer.update("members", member_id, changes)

    def delete_member(self, member_id: str) -> None:
        """Delete a member entered by mistake (a death or a move is a member change instead)."""
        member = self.require("members", member_id)
        if member["relation"] == HEAD and len(self._live_members(member["household_id"])) > 1:
            raise JiandangError(
                "不能删除户主；请先把另一名成员设为户主。",
                "The head cannot be deleted; make another member the head first.",
            )
        with self.writing([member["household_id"]]) as writer:
            for change in self.all("SELECT id FROM member_changes WHERE member_id = ?", (member_id,)):
                writer.delete("member_changes", change["id"])
            writer.delete("members", member_id)

    def _prepare_members(
        self, members: list[dict[str, Any]] | tuple, household_id: str | None
    ) -> tuple[list[dict[str, Any]], list[Problem]]:
        prepared, problems = [], []
        for index, raw in enumerate(members):
            member, found = normalize_member(dict(raw), self.codes, self.today())
            tag = str(member.get("name") or index + 1)
            problems += [_tagged(p, tag) for p in found + self.id_conflicts(member, household_id, None)]
            prepared.append(member)
        problems += validate_relations(prepared) + _duplicates_within(prepared)
        return prepared, problems

    def _live_members(self, household_id: str) -> list[dict[str, Any]]:
        return [
            public(m)
            for m in self.all(
                "SELECT * FROM members WHERE household_id = ? AND in_household = 1 ORDER BY sort", (household_id,)
            )
        ]

    def id_conflicts(self, member: dict[str, Any], household_id: str | None, member_id: str | None) -> list[Problem]:
        """An ID number may belong to one live member of one live household only."""
        id_number = member.get("id_number")
        if not id_number or int(member.get("in_household", 1) or 0) != 1:
            return []
        owner = self.id_owner(str(id_number), exclude_member=member_id)
        if owner is None:
            return []
        code, zh, en = _id_taken(owner, owner["household_id"] == household_id)
        return [Problem("id_number", code, f"证件号码：{zh}", f"ID number: {en}", ERROR, owner["household_id"])]

    def id_owner(self, id_number: str, exclude_member: str | None = None) -> dict[str, Any] | None:
        """The live member holding this ID number (with village and head), or None."""
        return self.one(
            "SELECT m.id AS member_id, m.name, m.household_id, h.household_no, r.name AS village, "
            "(SELECT name FROM members x WHERE x.household_id = h.id AND x.relation = '01' AND x.in_household = 1 "
            " LIMIT 1) AS head "
            "FROM members m JOIN households h ON h.id = m.household_id LEFT JOIN regions r ON r.code = h.village_code "
            "WHERE m.id_number = ? AND m.in_household = 1 AND m.id IS NOT ? AND COALESCE((SELECT status FROM "
            "status_history s WHERE s.household_id = h.id ORDER BY year DESC LIMIT 1), '') != ? LIMIT 1",
            (id_number.upper(), exclude_member, REMOVED),
        )


def _tagged(found: Problem, tag: str) -> Problem:
    if found.record:
        return found
    return Problem(
        found.field, found.code, f"{tag}：{found.message_zh}", f"{tag}: {found.message_en}", found.severity, tag
    )


def _duplicates_within(members: list[dict[str, Any]]) -> list[Problem]:
    seen: dict[str, str] = {}
    found = []
    for member in members:
        number = member.get("id_number")
        if number and number in seen:
            found.append(
                problem(
                    "id_number",
                    "duplicate_in_household",
                    f"{member.get('name')} 与 {seen[number]} 的证件号码相同。",
                    f"{member.get('name')} has the same ID number as {seen[number]}.",
                )
            )
        elif number:
            seen[number] = str(member.get("name"))
    return found


def _id_taken(owner: dict[str, Any], same_household: bool) -> tuple[str, str, str]:
    """(code, Chinese, English) saying who already holds an ID number."""
    name = owner["name"]
    if same_household:
        return (
            "id_in_household",
            f"该号码已是本户成员“{name}”的号码，同一个人不能登记两次。",
            f"this number is already {name}'s, a member of this household; a person is registered once.",
        )
    head, village, number = owner["head"] or "", owner["village"] or "", owner["household_no"]
    where_en = f"the household of {head} in {village}" if head else f"another household in {village}"
    return (
        "id_in_other_household",
        f"该号码已登记为{village}{head}户的成员“{name}”{f'（户编号 {number}）' if number else ''}，"
        "同一号码不能出现在两户中。",
        f"already registered to {name} in {where_en}{f' (household number {number})' if number else ''}; "
        "one number cannot be in two households.",
    )
