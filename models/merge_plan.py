"""Planning the merge of two registrations of one household (the duplicates desk), nothing written.

Sync import flags a possible duplicate when one ID number is held by live members
of two households (``models.sync_duplicates``): typically one family registered
on two laptops.  The clerk keeps household A and merges household B into it;
``plan_merge`` works out what ``models.household_merge.merge_households`` will do,
for the preview, and every reason to refuse:

- household fields: A's values, except the fields the clerk takes from B;
- members: a member of B with the ID number of a member of A (or, when neither
  has an ID number, the same name and birth date) is the same person: A's record
  stays, with the fields taken from B, and B's is removed; B's other members move;
- other causes: the union (less the main cause); incomes and yearly status: per
  year, A's row wins where both have the year and B's fills the gaps;
- measures, loans, pairings (one A already has with the same helper and start
  date is dropped), member changes and objections move to A;
- workflow events (评议, 公示 …) are insert-only and can never be re-pointed, and
  a household they refer to cannot be deleted: B must have none (keep the
  household that has them). A's stay; a ``merge`` event records the merge on A.
- B is deleted (a tombstone) at the end.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace
from typing import Any

from models.changes import table_columns
from models.errors import ERROR, JiandangError, NotFoundError, Problem
from models.registry_base import RegistryBase, public
from models.validation import HEAD, normalize_member, validate_relations

MEMBER_SKIP = ("id", "household_id", "sort")


class MergeRefused(JiandangError):
    """A merge that would be wrong or impossible; nothing was written."""


@dataclass(frozen=True)
class MergeChoices:
    """Which values come from B: household fields, and per kept member (A's member id) member fields."""

    household: frozenset[str] = frozenset()
    members: Mapping[str, frozenset[str]] = field(default_factory=dict)

    @classmethod
    def of(cls, household: Iterable[str] = (), members: Mapping[str, Iterable[str]] | None = None) -> MergeChoices:
        """Choices from plain iterables."""
        return cls(frozenset(household), {k: frozenset(v) for k, v in (members or {}).items()})


@dataclass(frozen=True)
class MemberPair:
    """One person registered in both households: A's record is kept, B's removed."""

    keep: dict[str, Any]
    other: dict[str, Any]
    differences: tuple[str, ...]


@dataclass(frozen=True)
class YearSplit:
    """Yearly rows: years both have (A's row wins) and years only B has (copied to A)."""

    kept: tuple[int, ...] = ()
    added: tuple[int, ...] = ()


@dataclass(frozen=True)
class MergePlan:
    """What merging household B into household A will do (see the module docstring)."""

    keep: dict[str, Any]
    other: dict[str, Any]
    keep_members: tuple[dict[str, Any], ...]
    other_members: tuple[dict[str, Any], ...]
    differences: tuple[str, ...]
    pairs: tuple[MemberPair, ...]
    moved: tuple[dict[str, Any], ...]
    choices: MergeChoices
    causes: tuple[str, ...]
    causes_added: tuple[str, ...]
    incomes: YearSplit
    statuses: YearSplit
    counts: dict[str, int]
    pairings_dropped: tuple[str, ...]
    refusals: tuple[Problem, ...] = ()

    @property
    def keep_id(self) -> str:
        """The household that stays (A)."""
        return str(self.keep["id"])

    @property
    def other_id(self) -> str:
        """The household merged into A and then deleted (B)."""
        return str(self.other["id"])

    @property
    def ok(self) -> bool:
        """True when nothing refuses the merge."""
        return not self.refusals

    def household_values(self) -> dict[str, Any]:
        """A's fields that change: the values taken from B."""
        return {c: self.other[c] for c in sorted(self.choices.household) if self.keep.get(c) != self.other.get(c)}

    def member_values(self, pair: MemberPair) -> dict[str, Any]:
        """The fields of a kept member that change: the values taken from B's record."""
        chosen = self.choices.members.get(str(pair.keep["id"]), frozenset())
        return {c: pair.other[c] for c in sorted(chosen) if c in pair.differences}

    def final_members(self) -> list[dict[str, Any]]:
        """A's members after the merge (kept ones with the chosen values), then B's moved members."""
        chosen = {str(p.keep["id"]): self.member_values(p) for p in self.pairs}
        return [{**m, **chosen.get(str(m["id"]), {})} for m in self.keep_members] + list(self.moved)

    def raise_if_refused(self) -> None:
        """Raise ``MergeRefused`` with the first reason (and how many more) when the merge is refused."""
        if self.refusals:
            first, more = self.refusals[0], len(self.refusals) - 1
            raise MergeRefused(
                "不能合并：" + first.message_zh + (f"（另有 {more} 个问题）" if more else ""),
                "Cannot merge: " + first.message_en + (f" ({more} more problems)" if more else ""),
            )


def plan_merge(registry: RegistryBase, keep_id: str, other_id: str, choices: MergeChoices | None = None) -> MergePlan:
    """What merging household ``other_id`` (B) into ``keep_id`` (A) will do; raises ``MergeRefused`` when
    the two ids are the same or a household does not exist, lists every other reason in ``refusals``."""
    if keep_id == other_id:
        raise MergeRefused("不能把一户与它自己合并。", "A household cannot be merged with itself.")
    keep, other = _household(registry, keep_id), _household(registry, other_id)
    keep_members, other_members = _members(registry, keep_id), _members(registry, other_id)
    pairs, moved = _match(keep_members, other_members)
    plan = MergePlan(
        keep=keep,
        other=other,
        keep_members=tuple(keep_members),
        other_members=tuple(other_members),
        differences=tuple(c for c in table_columns(registry.conn, "households") if keep.get(c) != other.get(c)),
        pairs=tuple(pairs),
        moved=tuple({**m, "household_id": keep_id} for m in moved),
        choices=choices or MergeChoices(),
        causes=(),
        causes_added=(),
        incomes=_years(registry, "incomes", keep_id, other_id),
        statuses=_years(registry, "status_history", keep_id, other_id),
        counts=_counts(registry, keep_id, other_id),
        pairings_dropped=tuple(_duplicate_pairings(registry, keep_id, other_id)),
    )
    plan = _with_causes(registry, plan)
    return replace(plan, refusals=tuple(_refusals(registry, plan)))


def _household(registry: RegistryBase, household_id: str) -> dict[str, Any]:
    try:
        return registry.require("households", household_id)
    except NotFoundError:
        raise MergeRefused(
            "找不到要合并的户（可能已被删除或已合并），请刷新后重试。",
            "A household to merge was not found (it may have been deleted or merged); refresh and retry.",
        ) from None


def _members(registry: RegistryBase, household_id: str) -> list[dict[str, Any]]:
    rows = registry.all("SELECT * FROM members WHERE household_id = ? ORDER BY sort, id", (household_id,))
    return [public(m) for m in rows]


def _person_key(member: dict[str, Any]) -> tuple[str, ...] | None:
    number = str(member.get("id_number") or "").strip().upper()
    if number:
        return ("id", number)
    if member.get("name") and member.get("birth_date"):
        return ("name", str(member["name"]).strip(), str(member["birth_date"]))
    return None


def _match(keep: list[dict[str, Any]], other: list[dict[str, Any]]) -> tuple[list[MemberPair], list[dict[str, Any]]]:
    """B's members paired with the same person in A, and those that move."""
    by_key = {k: m for m in keep if (k := _person_key(m)) is not None}
    pairs, moved = [], []
    for member in other:
        twin = by_key.pop(key, None) if (key := _person_key(member)) is not None else None
        if twin is None:
            moved.append(member)
            continue
        differing = tuple(c for c in twin if c not in MEMBER_SKIP and twin.get(c) != member.get(c))
        pairs.append(MemberPair(twin, member, differing))
    return pairs, moved


def _years(registry: RegistryBase, table: str, keep_id: str, other_id: str) -> YearSplit:
    def years(hid: str) -> set[int]:
        return {r["year"] for r in registry.all(f"SELECT year FROM {table} WHERE household_id = ?", (hid,))}

    mine, theirs = years(keep_id), years(other_id)
    return YearSplit(tuple(sorted(mine & theirs)), tuple(sorted(theirs - mine)))


def _counts(registry: RegistryBase, keep_id: str, other_id: str) -> dict[str, int]:
    """Rows of B that move (and A's workflow events, which stay)."""
    found = {}
    for table in ("measures", "loans", "pairings", "member_changes", "objections", "workflow_events"):
        row = registry.one(f"SELECT count(*) AS n FROM {table} WHERE household_id = ?", (other_id,))
        found[table] = row["n"] if row else 0
    kept = registry.one("SELECT count(*) AS n FROM workflow_events WHERE household_id = ?", (keep_id,))
    found["events_kept"] = kept["n"] if kept else 0
    return found


def _duplicate_pairings(registry: RegistryBase, keep_id: str, other_id: str) -> list[str]:
    """B's pairings that A already has (same helper, same start date): dropped, not moved."""
    rows = registry.all(
        "SELECT b.id FROM pairings b WHERE b.household_id = ? AND EXISTS (SELECT 1 FROM pairings a "
        "WHERE a.household_id = ? AND a.helper_id = b.helper_id AND a.start_date = b.start_date) ORDER BY b.id",
        (other_id, keep_id),
    )
    return [r["id"] for r in rows]


def _with_causes(registry: RegistryBase, plan: MergePlan) -> MergePlan:
    def causes(hid: str) -> set[str]:
        return {r["cause"] for r in registry.all("SELECT cause FROM other_causes WHERE household_id = ?", (hid,))}

    main = {**plan.keep, **plan.household_values()}.get("main_cause")
    mine = causes(plan.keep_id)
    final = tuple(sorted((mine | causes(plan.other_id)) - {main}))
    return replace(plan, causes=final, causes_added=tuple(c for c in final if c not in mine))


def _refusals(registry: RegistryBase, plan: MergePlan) -> list[Problem]:
    found = _shared_id_problems(plan) + _event_problems(plan) + _head_problems(plan)
    found += [p for p in registry.validate_household(plan.household_values(), plan.keep_id) if p.severity == ERROR]
    for pair in plan.pairs:
        if plan.member_values(pair):
            _, problems = normalize_member({**pair.keep, **plan.member_values(pair)}, registry.codes, registry.today())
            found += [p for p in problems if p.severity == ERROR]
    live = [m for m in plan.final_members() if _lives(m)]
    found += [p for p in validate_relations(live) if p.severity == ERROR and p.code != "two_heads"]
    return found


def _lives(member: dict[str, Any]) -> bool:
    return int(member.get("in_household") if member.get("in_household") is not None else 1) == 1


def _shared_id_problems(plan: MergePlan) -> list[Problem]:
    numbers = [
        {str(m.get("id_number") or "").upper() for m in ms if _lives(m)} - {""}
        for ms in (plan.keep_members, plan.other_members)
    ]
    if numbers[0] & numbers[1]:
        return []
    return [
        Problem(
            "id_number",
            "no_shared_id",
            "两户没有共同的在户成员证件号码，不是重复登记。",
            "the two households share no ID number of a member living in them: they are not a duplicate.",
        )
    ]


def _event_problems(plan: MergePlan) -> list[Problem]:
    if not plan.counts.get("workflow_events"):
        return []
    return [
        Problem(
            "household",
            "other_has_events",
            "要并入的户已有评议、公示等程序记录（只能新增，不能转到别的户），不能删除；请把该户作为保留的户。",
            "the household to merge in has procedure records (insert-only, they cannot move to another "
            "household), so it cannot be deleted; keep that household instead.",
        )
    ]


def _head_problems(plan: MergePlan) -> list[Problem]:
    heads = [m for m in plan.final_members() if _lives(m) and m.get("relation") == HEAD]
    if len(heads) <= 1:
        return []
    names = "、".join(str(m.get("name") or "") for m in heads)
    return [
        Problem(
            "relation",
            "conflicting_heads",
            f"两户的户主不是同一人，合并后会有 {len(heads)} 个户主（{names}）。请先更正其中一户的户主，"
            "或为同一人选择另一户的“与户主关系”。",
            f"the two households have different heads; merged, there would be {len(heads)} heads. "
            "Correct one household's head first, or take the other relation for the same person.",
        )
    ]
