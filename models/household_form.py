"""The household editor's form: load it, check it as a whole, save it in one transaction.

A form holds the household's own fields, its members (existing ones carry
their ``id``), its other causes of poverty and the income records edited in
it.  ``validate_form`` returns every problem (errors block saving, warnings
do not); member problems carry ``record = "member:<index>"`` and income
problems ``record = "income:<year>"`` so the editor can point at them.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field, replace
from typing import Any

from models.changes import new_id, stable_id, table_columns
from models.errors import Problem, Problems
from models.idcard import ERROR_CHARS, IdCheck, check_id_number
from models.incomes import amounts_changed, derive_income, population_in_year
from models.registry import Registry
from models.validation import normalize_member, problem, validate_income, validate_relations

HOUSEHOLD_SKIP = ("id", "head_name", "population", "village_name", "group_name")
MEMBER_SKIP = ("household_id",)
INCOME_SKIP = ("id", "household_id", "year", "population")


@dataclass
class HouseholdForm:
    """Everything the household editor edits before it is saved."""

    household: dict[str, Any] = field(default_factory=dict)
    members: list[dict[str, Any]] = field(default_factory=list)
    other_causes: list[str] = field(default_factory=list)
    incomes: dict[int, dict[str, Any]] = field(default_factory=dict)
    removed_members: list[str] = field(default_factory=list)

    def live_members(self) -> list[dict[str, Any]]:
        """The members living in the household."""
        return [m for m in self.members if _lives(m)]


def load_form(registry: Registry, household_id: str) -> HouseholdForm:
    """The stored household as a form."""
    record = registry.get_household(household_id)
    columns = table_columns(registry.conn, "incomes")
    return HouseholdForm(
        household={k: v for k, v in record["household"].items() if k not in HOUSEHOLD_SKIP},
        members=[{k: v for k, v in m.items() if k not in MEMBER_SKIP} for m in record["members"]],
        other_causes=list(record["other_causes"]),
        incomes={r["year"]: {k: r[k] for k in columns if k not in INCOME_SKIP} for r in record["incomes"]},
    )


def check_member(
    registry: Registry, values: dict[str, Any], household_id: str | None = None, member_id: str | None = None
) -> tuple[dict[str, Any], list[Problem]]:
    """One member's values as they would be stored (birth date and sex filled from the ID) and its problems.

    Includes an ID number already held by a member of another household.
    """
    merged, found = normalize_member(dict(values), registry.codes, registry.today())
    return merged, found + registry.id_conflicts(merged, household_id, member_id)


def id_while_typing(raw: str, complete: bool, today: datetime.date | None = None) -> IdCheck | None:
    """The check of an ID number as it is typed: None while it may still be an unfinished number.

    While typing (``complete`` False) only a wrong character or a full 18-character
    number is judged, so a wrong check digit is flagged at once; when the field is
    left, everything is judged (the 15-digit form is accepted then).
    """
    text = raw.strip()
    if not text:
        return None
    result = check_id_number(text, today)
    if not complete and len(text) < 18 and result.error != ERROR_CHARS:
        return None
    return result


def validate_form(registry: Registry, form: HouseholdForm, household_id: str | None = None) -> list[Problem]:
    """Every problem of the form: household fields, causes, each member, the family as a whole, incomes."""
    found = registry.validate_household(form.household, household_id)
    found += registry.check_causes(form.household.get("main_cause"), form.other_causes)
    prepared = []
    for index, member in enumerate(form.members):
        merged, problems = check_member(registry, member, household_id, member.get("id"))
        prepared.append(merged)
        found += [_for_member(p, index, merged) for p in problems]
    live = [(i, {**m, "id": m.get("id") or f"new:{i}"}) for i, m in enumerate(prepared) if _lives(m)]
    found += [_relation_problem(p, live) for p in validate_relations([m for _, m in live])]
    found += _duplicate_ids(live)
    if household_id is None and not live:
        found.append(
            problem(
                "members",
                "no_members",
                "新建户至少要登记一名在户成员：请先在“家庭成员”页添加户主。",
                "a new household needs at least one member living in it: add the head on the Members page first.",
                record="members",
            )
        )
    for year, items in sorted(form.incomes.items()):
        found += [replace(p, record=f"income:{year}") for p in validate_income({**items, "year": year})]
    return found


def _lives(member: dict[str, Any]) -> bool:
    value = member.get("in_household")
    return int(value if value not in (None, "") else 1) == 1


def _for_member(found: Problem, index: int, member: dict[str, Any]) -> Problem:
    name = str(member.get("name") or f"第 {index + 1} 名成员")
    zh = found.message_zh if found.message_zh.startswith(name) else f"{name}：{found.message_zh}"
    en = found.message_en if found.message_en.startswith(name) else f"{name}: {found.message_en}"
    return replace(found, message_zh=zh, message_en=en, record=f"member:{index}")


def _relation_problem(found: Problem, live: list[tuple[int, dict[str, Any]]]) -> Problem:
    """Point a family-level problem at the member it names (by id), else at the family."""
    for index, member in live:
        if found.record and found.record == str(member.get("id") or ""):
            return replace(found, record=f"member:{index}")
    return replace(found, record="members")


def _duplicate_ids(live: list[tuple[int, dict[str, Any]]]) -> list[Problem]:
    seen: dict[str, str] = {}
    found = []
    for index, member in live:
        number = member.get("id_number")
        if number and number in seen:
            message = problem(
                "id_number",
                "duplicate_in_household",
                f"{member.get('name')} 与 {seen[number]} 的证件号码相同。",
                f"{member.get('name')} has the same ID number as {seen[number]}.",
            )
            found.append(replace(message, record=f"member:{index}"))
        elif number:
            seen[number] = str(member.get("name"))
    return found


@dataclass(frozen=True)
class IncomeSize:
    """The household size a year's income is shown and stored with."""

    population: int
    stored: int | None  # the size stored with the year's record now; None before it is first saved


def income_size(registry: Registry, form: HouseholdForm, year: int, household_id: str | None = None) -> IncomeSize:
    """The household size of a year's income in the form.

    A stored year whose amounts are unchanged keeps the size it was recorded with (the one the
    exit test and the statistics use); a new or changed year gets ``population_in_year``: the
    members of the form living in the household on 31 December of that year.
    """
    stored = _stored_income(registry, household_id, year)
    recorded = int(stored["population"]) if stored else None
    if stored is not None and not amounts_changed(form.incomes.get(year, {}), stored):
        return IncomeSize(int(stored["population"]), recorded)
    members = [normalize_member(dict(m), registry.codes, registry.today())[0] for m in form.members]
    return IncomeSize(population_in_year(registry.conn, household_id, year, members, today=registry.today()), recorded)


def live_income(
    registry: Registry, form: HouseholdForm, year: int, household_id: str | None = None
) -> dict[str, float | None]:
    """The derived totals of one year's income as typed, for that year's household size (``population``)."""
    size = income_size(registry, form, year, household_id)
    return {**derive_income(form.incomes.get(year, {}), size.population), "population": size.population}


def _stored_income(registry: Registry, household_id: str | None, year: int) -> dict[str, Any] | None:
    if not household_id:
        return None
    return registry.one("SELECT * FROM incomes WHERE household_id = ? AND year = ?", (household_id, year))


def save_form(registry: Registry, form: HouseholdForm, household_id: str | None = None) -> str:
    """Validate and store the whole form in one transaction (a new household when no id); returns the id."""
    Problems(validate_form(registry, form, household_id)).raise_if_errors()
    stored = registry.get_household(household_id) if household_id else None
    sizes = {year: income_size(registry, form, year, household_id) for year in form.incomes}
    target = household_id or str(form.household.get("id") or "") or new_id()
    with registry.writing([target]) as writer:
        if stored is None:
            writer.insert("households", {**_own_fields(registry, form.household), "id": target})
        else:
            writer.update("households", target, _own_fields(registry, form.household))
        _save_members(registry, writer, target, form)
        _save_causes(registry, writer, target, form)
        for year, items in form.incomes.items():
            _save_income(registry, writer, target, year, items, sizes[year].population)
    return target


def _own_fields(registry: Registry, values: dict[str, Any]) -> dict[str, Any]:
    columns = table_columns(registry.conn, "households")
    return {k: v for k, v in values.items() if k in columns}


def _save_members(registry: Registry, writer: Any, household_id: str, form: HouseholdForm) -> None:
    for member_id in form.removed_members:
        for change in registry.all("SELECT id FROM member_changes WHERE member_id = ?", (member_id,)):
            writer.delete("member_changes", change["id"])
        writer.delete("members", member_id)
    columns = table_columns(registry.conn, "members")
    sort = registry.one("SELECT COALESCE(MAX(sort), -1) + 1 AS n FROM members WHERE household_id = ?", (household_id,))
    next_sort = int(sort["n"]) if sort else 0
    for member in form.members:
        merged, _ = normalize_member(dict(member), registry.codes, registry.today())
        values = {k: v for k, v in merged.items() if k in columns and k not in ("id", "household_id")}
        if member.get("id"):
            writer.update("members", member["id"], values)
        else:
            writer.insert("members", {"sort": next_sort, **values, "household_id": household_id})
            next_sort += 1


def _save_causes(registry: Registry, writer: Any, household_id: str, form: HouseholdForm) -> None:
    wanted = {stable_id("cause", household_id, c): c for c in form.other_causes}
    rows = registry.all("SELECT id FROM other_causes WHERE household_id = ?", (household_id,))
    current = {r["id"] for r in rows}
    for stale in current - set(wanted):
        writer.delete("other_causes", stale)
    for pk in sorted(set(wanted) - current):
        writer.insert("other_causes", {"id": pk, "household_id": household_id, "cause": wanted[pk]})


def _save_income(
    registry: Registry, writer: Any, household_id: str, year: int, items: dict[str, Any], population: int
) -> None:
    """Store a year's items with that year's household size; an unchanged year is left alone."""
    values = {k: (v if v not in (None, "") else 0) for k, v in items.items() if k not in INCOME_SKIP}
    pk = stable_id("income", household_id, year)
    stored = registry.one("SELECT * FROM incomes WHERE id = ?", (pk,))
    if stored is None:
        writer.insert(
            "incomes", {**values, "id": pk, "household_id": household_id, "year": year, "population": population}
        )
    elif amounts_changed(values, stored):
        writer.update("incomes", pk, {**values, "population": population})
