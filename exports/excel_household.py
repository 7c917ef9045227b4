"""Planning one household of a roster: what is inserted or changed, validated as it would be stored.

Every rule is the Registry's own: ``validate_household``, ``normalize_member``,
``validate_relations``, the cause rules and the ID-owner rule; this module only
applies them to many households at once, against facts read in bulk
(:mod:`exports.excel_store`), and records which row each problem belongs to.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from exports.excel_draft import Draft, HouseholdMatcher, MemberDraft
from exports.excel_plan import Change, HouseholdPlan, MemberPlan
from models import fields
from models.changes import coerce, new_id, stable_id
from models.errors import WARNING, Problem
from models.idcard import mask_id_number
from models.records import display
from models.validation import problem, validate_household, validate_relations

HOUSEHOLD = ("户", "Household")  # who a change of the household's own values is shown for


class HouseholdPlanner(HouseholdMatcher):
    """Turns the households of a file into plans, one at a time, with the Registry's rules."""

    # -- the plan -------------------------------------------------------------

    def finish(self, draft: Draft) -> HouseholdPlan:
        """Validate the household as it would be stored and list what the import writes."""
        if draft.household_id is None:
            self._new(draft)
        else:
            self._update(draft)
        return draft.plan

    def _household_values(self, draft: Draft) -> dict[str, Any]:
        values = draft.source.rows[0].part("household.")
        values.update({k[len("household.") :]: v for k, v in draft.shared.items() if k.startswith("household.")})
        if draft.village:
            values["village_code"] = draft.village
        if draft.group:
            values["group_id"] = draft.group
        return values

    def _causes(self, draft: Draft) -> list[str] | None:
        text = draft.shared.get("other_causes")
        return None if text is None else [c for c in str(text).split(",") if c]

    def _new(self, draft: Draft) -> None:
        plan, first = draft.plan, draft.source.first_row
        household_id = new_id()
        values = {**self._household_values(draft), "id": household_id}
        causes = self._causes(draft) or []
        plan.add(first, validate_household(values, self.book))
        plan.add(first, self.registry.check_causes(values.get("main_cause"), causes))
        plan.household_id, plan.values = household_id, values
        checked = []
        for sort, member in enumerate(draft.members):
            values, found = self.normalized(member)
            plan.add(member.row.number, found + self._conflicts(values, None, None))
            member_id = new_id()
            row = {**values, "id": member_id, "household_id": household_id, "sort": sort}
            plan.members.append(MemberPlan(member.row.number, member_id, row, True))
            checked.append((member.row.number, values))
        self._relations(draft, checked, [])
        plan.causes_add = [
            {"id": stable_id("cause", household_id, c), "household_id": household_id, "cause": c} for c in causes
        ]
        self._status(draft, household_id, None)

    def _update(self, draft: Draft) -> None:
        plan, first, household_id = draft.plan, draft.source.first_row, str(draft.household_id)
        plan.household_id, plan.is_new = household_id, False
        stored = self.store.households[household_id]
        values = self._household_values(draft)
        merged = {**stored, **values}
        current = self.store.causes[household_id]
        causes = self._causes(draft)
        plan.add(first, validate_household(merged, self.book))
        plan.add(
            first,
            self.registry.check_causes(merged.get("main_cause"), causes if causes is not None else sorted(current)),
        )
        plan.values = self._diff(plan, "households", HOUSEHOLD, stored, merged, values)
        checked = self._members(draft, household_id)
        matched = {m["id"] for _, m in checked if m.get("id")}
        if not any(m.bad_id for m in draft.members):  # a refused ID number says nothing about the household
            self._check_matched_by_number(draft, household_id, matched)
        others = [m for m in self.store.members[household_id] if m["id"] not in matched and m["in_household"] == 1]
        self._relations(draft, checked, others)
        if causes is not None:
            self._cause_changes(plan, household_id, current, causes)
        self._status(draft, household_id, household_id)

    def _members(self, draft: Draft, household_id: str) -> list[tuple[int, dict[str, Any]]]:
        stored = list(self.store.members[household_id])
        by_id = {m["id_number"]: m for m in stored if m["id_number"]}
        claimed = {by_id[m.id_key]["id"] for m in draft.members if m.id_key in by_id}
        used: set[str] = set()
        sort = max((m["sort"] for m in stored), default=-1) + 1
        checked = []
        for member in draft.members:
            found = by_id.get(member.id_key or "") or self._by_name(member, stored, used | claimed)
            if found is not None and found["id"] not in used:
                used.add(found["id"])
                merged, problems = self.normalized(member, found)
                draft.plan.add(member.row.number, problems + self._conflicts(merged, household_id, found["id"]))
                who = (str(merged.get("name")),) * 2
                changed = self._diff(draft.plan, "members", who, found, merged, merged, member.row.number)
                if changed:
                    draft.plan.members.append(MemberPlan(member.row.number, found["id"], changed, False))
                checked.append((member.row.number, merged))
                continue
            values, problems = self.normalized(member)
            draft.plan.add(member.row.number, problems + self._conflicts(values, household_id, None))
            if member.bad_id:  # perhaps a registered member whose number was mistyped: not a new one, not checked
                draft.plan.add(member.row.number, [_unmatched()])
                continue
            member_id = new_id()
            row = {**values, "id": member_id, "household_id": household_id, "sort": sort}
            draft.plan.members.append(MemberPlan(member.row.number, member_id, row, True))
            label, label_en = fields.label("members"), fields.label("members", "en")
            en = (member.name, label_en, "", "New member")
            draft.plan.changes.append(Change(member.name, label, "", "新增成员", member.row.number, en))
            sort += 1
            checked.append((member.row.number, values))
        return checked

    @staticmethod
    def _by_name(member: MemberDraft, stored: list[dict[str, Any]], used: set[str]) -> dict[str, Any] | None:
        """The one stored member of that name (when the row's ID number cannot find it: none, or refused)."""
        same = [
            m
            for m in stored
            if m["id"] not in used
            and m["name"] == member.name
            and (not member.id_key or member.bad_id or not m["id_number"])
        ]
        return same[0] if len(same) == 1 else None

    def _check_matched_by_number(self, draft: Draft, household_id: str, matched: set[str]) -> None:
        """A registered household found by its 户编号 must share at least one member with the file's."""
        if matched or not self.store.members[household_id]:
            return
        number = draft.shared.get("household.household_no")
        draft.plan.add(
            draft.source.first_row,
            [
                problem(
                    "household_no",
                    "number_mismatch",
                    f"户编号 {number} 已登记，但表中成员与该户的成员都对不上，请核对户编号。",
                    f"number {number} is registered, but none of the members matches; check the number.",
                )
            ],
        )

    def _conflicts(self, member: dict[str, Any], household_id: str | None, member_id: str | None) -> list[Problem]:
        owner = self.store.owners.get(str(member.get("id_number") or ""))
        if owner is None or owner[0] == member_id:
            return []
        return self.registry.id_conflicts(member, household_id, member_id)

    def _relations(self, draft: Draft, checked: list[tuple[int, dict[str, Any]]], others: list[dict[str, Any]]) -> None:
        rows = {f"row:{row}": row for row, _ in checked}
        members = [{**m, "id": f"row:{row}"} for row, m in checked] + others
        for found in validate_relations(members):
            draft.plan.add(rows.get(found.record, draft.source.first_row), [found])

    def _status(self, draft: Draft, household_id: str, stored_id: str | None) -> None:
        status = draft.shared.get("status")
        if not status:
            return
        year = int(draft.shared.get("status_year") or self.status_year)
        pk = stable_id("status", household_id, year)
        old = self.store.statuses.get((stored_id, year)) if stored_id else None
        if old is not None and old["status"] == status:
            return
        draft.plan.status = {"id": pk, "household_id": household_id, "year": year, "status": status, "new": old is None}
        if stored_id:
            before = old and old["status"]
            draft.plan.changes.append(
                Change(
                    HOUSEHOLD[0],
                    f"{year} 年贫困户状态",
                    display("status_history", "status", before),
                    display("status_history", "status", status),
                    en=(
                        HOUSEHOLD[1],
                        f"Poverty status {year}",
                        display("status_history", "status", before, "en"),
                        display("status_history", "status", status, "en"),
                    ),
                )
            )

    def _cause_changes(
        self, plan: HouseholdPlan, household_id: str, current: dict[str, str], causes: list[str]
    ) -> None:
        plan.causes_add = [
            {"id": stable_id("cause", household_id, c), "household_id": household_id, "cause": c}
            for c in causes
            if c not in current
        ]
        plan.causes_remove = [pk for c, pk in current.items() if c not in causes]
        if plan.causes_add or plan.causes_remove:
            en = (HOUSEHOLD[1], fields.label("other_causes", "en"), _causes(current, "en"), _causes(causes, "en"))
            zh = (HOUSEHOLD[0], fields.label("other_causes"), _causes(current), _causes(causes))
            plan.changes.append(Change(*zh, en=en))

    def _diff(
        self,
        plan: HouseholdPlan,
        table: str,
        who: tuple[str, str],
        stored: dict[str, Any],
        merged: dict[str, Any],
        columns: dict[str, Any],
        row: int = 0,
    ) -> dict[str, Any]:
        types = self.types[table]
        changed = {}
        for column in columns:
            if column not in types or column in ("household_id", "sort") or stored.get(column) == merged.get(column):
                continue
            old, new = coerce(types[column], stored.get(column)), coerce(types[column], merged.get(column))
            if old != new:
                changed[column] = new
                zh = [who[0], fields.label(column), self._shown(table, column, old), self._shown(table, column, new)]
                en = (who[1], fields.label(column, "en"), *(self._shown(table, column, v, "en") for v in (old, new)))
                plan.changes.append(Change(*zh, row or plan.rows[0], en))
        return changed

    def _shown(self, table: str, column: str, value: Any, lang: str = "zh") -> str:
        if column == "village_code":
            return self.places.villages.get(str(value), (str(value or ""), ""))[0]
        if column == "group_id":
            names = {gid: n for groups in self.places.groups.values() for n, gid in groups.items()}
            return names.get(str(value), str(value)) if value else ""
        if column in ("id_number", "bank_account") and value:
            return mask_id_number(str(value))  # never shown in full on screen or in a report
        return display(table, column, value, lang)


def _causes(causes: Iterable[str], lang: str = "zh") -> str:
    return ("、" if lang == "zh" else ", ").join(display("other_causes", "cause", c, lang) for c in sorted(causes))


def _unmatched() -> Problem:
    return problem(
        "id_number",
        "unmatched_bad_id",
        "号码有误，这一行没能对应到该户已登记的成员，改正后再导入。",
        "the number is invalid, so this row could not be matched to a registered member; correct it and import again.",
        WARNING,
    )
