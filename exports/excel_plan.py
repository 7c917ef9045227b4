"""The plan of an import: for each household of the file, what will be written and why not.

Nothing is written while planning. Every household ends in one of four
actions: ``new`` (registered by the import), ``update`` (already registered:
the listed changes are applied), ``unchanged`` (already registered exactly so)
or ``rejected`` (an error blocks it; warnings never do).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from exports.excel_places import NewPlace
from models.errors import ERROR, WARNING, Problem

NEW, UPDATE, UNCHANGED, REJECTED = "new", "update", "unchanged", "rejected"
ACTION_LABELS = {
    NEW: ("新增", "new"),
    UPDATE: ("更新", "update"),
    UNCHANGED: ("无变化", "unchanged"),
    REJECTED: ("有错误，未导入", "rejected"),
}


@dataclass(frozen=True)
class RowProblem:
    """A problem found on one row of the sheet (row numbers as Excel shows them)."""

    row: int
    problem: Problem

    @property
    def severity(self) -> str:
        return self.problem.severity

    def message(self, language: str = "zh") -> str:
        """The message in the requested language."""
        return self.problem.message(language)


@dataclass(frozen=True)
class Change:
    """One value the import changes on a registered household: who, which field, old → new (as shown)."""

    who: str
    field: str
    old: str
    new: str
    row: int = 0  # the sheet row of the member (0: the household's first row)
    en: tuple[str, str, str, str] | None = None  # who, field, old, new in English (None: as in Chinese)

    def shown(self, language: str = "zh") -> tuple[str, str, str, str]:
        """Who, field, old and new value as shown in ``language``."""
        if language == "en" and self.en is not None:
            return self.en
        return self.who, self.field, self.old, self.new


@dataclass
class MemberPlan:
    """A member row to insert (all values) or to update (the changed columns only)."""

    row: int
    member_id: str
    values: dict[str, Any]
    is_new: bool


@dataclass
class HouseholdPlan:
    """One household of the file and what the import does with it."""

    rows: list[int]
    head: str = ""
    household_id: str | None = None
    is_new: bool = True
    values: dict[str, Any] = field(default_factory=dict)
    members: list[MemberPlan] = field(default_factory=list)
    causes_add: list[dict[str, Any]] = field(default_factory=list)
    causes_remove: list[str] = field(default_factory=list)
    status: dict[str, Any] | None = None
    problems: list[RowProblem] = field(default_factory=list)
    changes: list[Change] = field(default_factory=list)

    @property
    def errors(self) -> list[RowProblem]:
        return [p for p in self.problems if p.severity == ERROR]

    @property
    def warnings(self) -> list[RowProblem]:
        return [p for p in self.problems if p.severity == WARNING]

    @property
    def action(self) -> str:
        if self.errors:
            return REJECTED
        if self.is_new:
            return NEW
        return UPDATE if self.writes() else UNCHANGED

    def writes(self) -> bool:
        """True when applying this household writes anything."""
        return bool(self.is_new or self.values or self.members or self.causes_add or self.causes_remove or self.status)

    def add(self, row: int, problems: list[Problem]) -> None:
        """Record problems found on ``row``."""
        self.problems.extend(RowProblem(row, p) for p in problems)


@dataclass
class ImportPlan:
    """Everything an import would do, and every problem found, before anything is written."""

    sheet: str
    layout: str
    households: list[HouseholdPlan]
    skipped: list[tuple[int, str]]
    places: list[NewPlace]
    marker: tuple[Any, ...]
    header_rows: tuple[int, ...] = ()
    mapping: dict[int, str] = field(default_factory=dict)
    general: list[Problem] = field(default_factory=list)

    def counts(self) -> dict[str, int]:
        """Households by action, plus rows, members to add or change, errors and warnings."""
        result = {action: 0 for action in ACTION_LABELS}
        for household in self.households:
            result[household.action] += 1
        accepted = self.accepted()
        result["rows"] = sum(len(h.rows) for h in self.households)
        result["members_added"] = sum(1 for h in accepted for m in h.members if m.is_new)
        result["members_updated"] = sum(1 for h in accepted for m in h.members if not m.is_new)
        result["errors"] = sum(len(h.errors) for h in self.households)
        result["warnings"] = sum(len(h.warnings) for h in self.households)
        result["skipped"] = len(self.skipped)
        return result

    def new_places(self) -> list[NewPlace]:
        """The villages and 村民小组 the import creates: those of the households it writes."""
        accepted = self.accepted()
        used = {str(h.values.get("group_id")) for h in accepted} | {str(h.values.get("village_code")) for h in accepted}
        return [p for p in self.places if str(p.values["code" if p.table == "regions" else "id"]) in used]

    def accepted(self) -> list[HouseholdPlan]:
        """The households the import writes (new or changed)."""
        return [h for h in self.households if h.action in (NEW, UPDATE)]

    def rejected(self) -> list[HouseholdPlan]:
        """The households an error keeps out of the registry."""
        return [h for h in self.households if h.action == REJECTED]

    def problems(self) -> list[tuple[RowProblem, HouseholdPlan]]:
        """Every problem with its household, by row."""
        found = [(p, h) for h in self.households for p in h.problems]
        return sorted(found, key=lambda item: (item[0].row, item[0].severity != ERROR))

    def row_errors(self, language: str = "zh") -> dict[int, list[str]]:
        """Row number → error messages, for every row of a rejected household (for the rejected-rows file)."""
        result: dict[int, list[str]] = {}
        for household in self.rejected():
            bad = sorted({p.row for p in household.errors})
            listed = "、".join(str(r) for r in bad)
            for row in household.rows:
                own = [p.message(language) for p in household.errors if p.row == row]
                other = (
                    f"同户第 {listed} 行有错误，整户未导入。"
                    if language != "en"
                    else (f"Row(s) {listed} of this household have errors; the household was not imported.")
                )
                result[row] = own or [other]
        return result
