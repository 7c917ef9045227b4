"""The households of a file checked on their own, and matched to the registered households they are.

A household of the file is the same as a registered one when a member's ID
number belongs to it (the Registry's owner rule), else when its 户编号 does,
else, for a household without any number, when the village, the head's name
and the names of all members agree. Two registered households for one file
household is an error, never a guess.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from exports.excel_places import PlaceResolver
from exports.excel_plan import HouseholdPlan
from exports.excel_rows import FileHousehold, SourceRow
from exports.excel_store import StoredData
from models.changes import table_columns
from models.errors import WARNING, Problem
from models.idcard import check_id_number
from models.registry import Registry
from models.validation import ID_CARD, normalize_member, problem

HEAD = "01"


@dataclass
class MemberDraft:
    """A member row of the file: its values, and its ID number as stored (the key to find it registered)."""

    row: SourceRow
    values: dict[str, Any]
    id_key: str | None
    partial_birth: str | None = None
    bad_id: bool = False  # an ID card number that fails its check: it cannot find the registered member

    @property
    def name(self) -> str:
        return str(self.values.get("name") or "")


@dataclass
class Draft:
    """A household of the file after its own checks, before it is compared with the registry."""

    source: FileHousehold
    plan: HouseholdPlan
    village: str | None = None
    group: str | None = None
    members: list[MemberDraft] = field(default_factory=list)
    household_id: str | None = None
    by_names: bool = False

    @property
    def shared(self) -> dict[str, Any]:
        return self.source.shared

    def ids(self) -> list[str]:
        return [m.id_key for m in self.members if m.id_key]


class HouseholdMatcher:
    """Checks each household of a file on its own, then finds the registered household it is."""

    def __init__(self, registry: Registry, store: StoredData, places: PlaceResolver, status_year: int) -> None:
        self.registry = registry
        self.store = store
        self.places = places
        self.status_year = status_year
        self.book = registry.codes
        self.today = registry.today()
        self.types = {t: table_columns(registry.conn, t) for t in ("households", "members")}

    # -- the file's own checks ------------------------------------------------

    def draft(self, source: FileHousehold) -> Draft:
        """Check a household on its own: cells, place, members, head."""
        plan = HouseholdPlan([r.number for r in source.rows])
        draft = Draft(source, plan)
        for row in source.rows:
            plan.add(row.number, row.problems)
        for number, found in source.problems:
            plan.add(number, [found])
        shared = source.shared
        draft.village, found = self.places.village(
            shared.get("village_code"), shared.get("village"), shared.get("township")
        )
        plan.add(source.first_row, found)
        if draft.village:
            draft.group, found = self.places.group(draft.village, shared.get("group"))
            plan.add(source.first_row, found)
        for row in source.rows:
            draft.members.append(self._member(row))
        self._check_head(draft)
        heads = [m for m in draft.members if m.values.get("relation") == HEAD]
        plan.head = (heads[0] if heads else draft.members[0]).name
        return draft

    def _member(self, row: SourceRow) -> MemberDraft:
        values = row.part("member.")
        partial = values.pop("birth_date") if len(str(values.get("birth_date") or "")) == 7 else None
        key, bad = self._id_key(values)
        return MemberDraft(row, values, key, partial, bad)

    def id_key(self, values: dict[str, Any]) -> str | None:
        """The ID number as ``normalize_member`` will store it (15 digits converted, x upper-case)."""
        return self._id_key(values)[0]

    def _id_key(self, values: dict[str, Any]) -> tuple[str | None, bool]:
        raw = values.get("id_number")
        if not raw:
            return None, False
        if values.get("id_type") not in (None, "", ID_CARD):
            return str(raw), False
        checked = check_id_number(str(raw), self.today)
        return checked.normalized or str(raw).strip().upper(), not checked.ok

    def normalized(self, member: MemberDraft, stored: dict[str, Any] | None = None) -> tuple[dict[str, Any], list]:
        """The member as it would be stored (over its stored row, if any) and the Registry's problems with it."""
        values, found = normalize_member({**(stored or {}), **member.values}, self.book, self.today)
        if any(p.field == "id_number" for p in member.row.problems):  # the cell was refused: not "missing"
            found = [p for p in found if p.code != "missing_id"]
        if member.partial_birth:
            found.append(self._partial_birth(member.partial_birth, values))
        return values, found

    @staticmethod
    def _partial_birth(partial: str, member: dict[str, Any]) -> Problem:
        born = str(member.get("birth_date") or "")
        if born and not born.startswith(partial):
            return problem(
                "birth_date",
                "birth_mismatch",
                f"“{partial}”与身份证号码不符（身份证为 {born}），请核对。",
                f"“{partial}” does not match the ID number ({born}); please check.",
            )
        if born:
            return problem(
                "birth_date",
                "partial_date",
                f"只有年月（{partial}），已按身份证号码取 {born}。",
                f"only year and month ({partial}); {born} taken from the ID number.",
                WARNING,
            )
        return problem(
            "birth_date",
            "partial_date",
            f"只有年月（{partial}），没有导入，请补全。",
            f"only year and month ({partial}); not imported, please complete it.",
            WARNING,
        )

    def _check_head(self, draft: Draft) -> None:
        heads = [m for m in draft.members if m.values.get("relation") == HEAD]
        if len(heads) != 1:
            return
        head = {"name": heads[0].name, "id_number": heads[0].id_key}
        name, number = draft.shared.get("head_name"), draft.shared.get("head_id_number")
        if name and head["name"] and name != head["name"]:
            draft.plan.add(
                heads[0].row.number,
                [
                    problem(
                        "name",
                        "head_name",
                        f"户主姓名“{name}”与户主行的姓名“{head['name']}”不一致。",
                        f"the head's name “{name}” differs from the head's row.",
                        WARNING,
                    )
                ],
            )
        if number and head.get("id_number") and not heads[0].bad_id:  # a refused number has its own error
            checked = check_id_number(str(number), self.today)
            if (checked.normalized or str(number).upper()) != head["id_number"]:
                draft.plan.add(
                    heads[0].row.number,
                    [
                        problem(
                            "id_number",
                            "head_id",
                            "户主证件号码与户主本人的证件号码不一致。",
                            "the head's ID number differs from the head's own.",
                        )
                    ],
                )

    # -- which registered household ------------------------------------------

    def match(self, draft: Draft) -> None:
        """Find the registered household this one is: by members' ID numbers, 户编号, or (no numbers) names."""
        held = Counter(self.store.owners[i][1] for i in draft.ids() if i in self.store.owners)
        owners = set(held)
        number = draft.shared.get("household.household_no")
        numbered = self.store.by_number.get(str(number), []) if number else []
        candidates = owners | (set(numbered) if len(numbered) == 1 else set())
        first = draft.source.first_row
        if len(numbered) > 1 and not owners:
            draft.plan.add(
                first,
                [
                    problem(
                        "household_no",
                        "ambiguous_number",
                        f"户编号 {number} 已登记给 {len(numbered)} 户，无法确定是哪一户。",
                        f"{len(numbered)} households have number {number}.",
                    )
                ],
            )
        elif len(candidates) > 1 and (chosen := _main_household(held, numbered)):
            draft.household_id = chosen  # the rows whose number is held elsewhere are refused by their own check
        elif len(candidates) > 1:
            draft.plan.add(
                first,
                [
                    problem(
                        "id_number",
                        "several_households",
                        "本户成员已分别登记在不同的户中，请核对后分开或合并。",
                        "members of this household are registered in different households; check them.",
                    )
                ],
            )
        elif candidates:
            draft.household_id = candidates.pop()
        elif not number and not draft.ids() and draft.village:
            draft.household_id = self._by_names(draft)

    def _by_names(self, draft: Draft) -> str | None:
        names = sorted(m.name for m in draft.members)
        same = []
        for candidate in self.store.by_head_name(draft.village or "", draft.plan.head):
            self.store.load([candidate])
            live = sorted(m["name"] for m in self.store.members[candidate] if m["in_household"] == 1)
            if live == names:
                same.append(candidate)
        if len(same) == 1:
            draft.by_names = True
            draft.plan.add(
                draft.source.first_row,
                [
                    problem(
                        "id_number",
                        "matched_by_names",
                        "本户没有证件号码，按村、户主和成员姓名对应到已登记的户。",
                        "no ID numbers: matched to a registered household by village and names.",
                        WARNING,
                    )
                ],
            )
            return same[0]
        return None


def _main_household(held: Counter[str], numbered: list[str]) -> str | None:
    """Which registered household rows of one household are, when their ID numbers point to several: the one
    with the same 户编号, else the one holding most of them; None when that is a tie."""
    if len(numbered) == 1 and numbered[0] in held:
        return numbered[0]
    ranked = held.most_common(2)
    return ranked[0][0] if len(ranked) == 1 or ranked[0][1] > ranked[1][1] else None
